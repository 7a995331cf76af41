//! Plain-language measures: Flesch-Kincaid grade and a jargon list.
//!
//! Syllables are counted with a rule-based estimate (vowel groups with
//! corrections for silent e, -le, -ed and split vowel pairs). It is not a
//! dictionary, so single words can be off by one; over a handout the grade
//! lands within about half a grade of dictionary counts.

use std::collections::BTreeMap;

mod spanish;
pub use spanish::{fernandez_huerta, fernandez_huerta_grade, syllables_es};

/// Flesch-Kincaid grade level from counts.
pub fn fk_grade(words: usize, sentences: usize, syllables: usize) -> f64 {
    if words == 0 || sentences == 0 {
        return 0.0;
    }
    0.39 * (words as f64 / sentences as f64) + 11.8 * (syllables as f64 / words as f64) - 15.59
}

/// Flesch reading ease from counts.
pub fn reading_ease(words: usize, sentences: usize, syllables: usize) -> f64 {
    if words == 0 || sentences == 0 {
        return 100.0;
    }
    206.835 - 1.015 * (words as f64 / sentences as f64) - 84.6 * (syllables as f64 / words as f64)
}

/// Words, sentences and syllables of a text.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    /// Words.
    pub words: usize,
    /// Sentences.
    pub sentences: usize,
    /// Syllables, counted by English rules.
    pub syllables: usize,
    /// Syllables, counted by Spanish rules (for Fernández-Huerta).
    pub syllables_es: usize,
}

impl Counts {
    /// Count a text. A fragment without a full stop counts as one sentence.
    pub fn of(text: &str) -> Counts {
        let mut c = Counts::default();
        for sentence in sentences(text) {
            let (mut n, mut syl, mut syl_es) = (0, 0, 0);
            for w in words(sentence) {
                n += 1;
                syl += syllables(w);
                syl_es += syllables_es(w);
            }
            if n == 0 {
                continue;
            }
            c.sentences += 1;
            c.words += n;
            c.syllables += syl;
            c.syllables_es += syl_es;
        }
        c
    }

    /// Add another count.
    pub fn add(&mut self, o: Counts) {
        self.words += o.words;
        self.sentences += o.sentences;
        self.syllables += o.syllables;
        self.syllables_es += o.syllables_es;
    }

    /// The Fernández-Huerta reading ease (Spanish; 0–100, higher is
    /// easier), with syllables counted by Spanish rules.
    pub fn ease_es(&self) -> f64 {
        fernandez_huerta(self.words, self.sentences, self.syllables_es)
    }

    /// The Flesch-Kincaid grade.
    pub fn grade(&self) -> f64 {
        fk_grade(self.words, self.sentences, self.syllables)
    }
}

/// Split text into sentences at `.`, `!`, `?`, `;` and line breaks, as
/// the reading-grade count expects (pieces without a letter are dropped).
/// Not the sentences a reader sees: steps and summaries are cut by
/// [`crate::content::markdown::sentences`], a different rule.
pub fn sentences(text: &str) -> impl Iterator<Item = &str> {
    // Chinese and Arabic full stops and question marks end sentences too.
    text.split(['.', '!', '?', ';', '\n', '。', '！', '？', '；', '؟', '؛'])
        .map(str::trim)
        .filter(|s| s.chars().any(char::is_alphabetic))
}

/// The words of a text (letters, digits, apostrophes).
pub fn words(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '’'))
        .map(|w| w.trim_matches(|c| c == '\'' || c == '’'))
        .filter(|w| {
            w.chars().any(char::is_alphabetic)
                || w.chars().all(|c| c.is_ascii_digit()) && !w.is_empty()
        })
}

/// Estimated syllables in an English word.
pub fn syllables(word: &str) -> usize {
    // Fast path for short ASCII words (nearly all): no allocation.
    if word.is_ascii() && word.len() <= 48 {
        let mut buf = [' '; 48];
        let mut n = 0;
        for b in word.bytes().filter(u8::is_ascii_alphabetic) {
            buf[n] = char::from(b.to_ascii_lowercase());
            n += 1;
        }
        return syllables_of(&buf[..n]);
    }
    let w: Vec<char> = word
        .to_lowercase()
        .chars()
        .filter(|c| c.is_alphabetic())
        .collect();
    syllables_of(&w)
}

fn syllables_of(w: &[char]) -> usize {
    if w.is_empty() {
        return 1;
    }
    if w.len() <= 3 {
        return 1;
    }
    let vowel = |c: char| "aeiouy".contains(c);
    let mut count = 0;
    let mut prev = false;
    for (i, &c) in w.iter().enumerate() {
        let v = vowel(c);
        if v && !prev {
            count += 1;
        } else if v && prev {
            // Split pairs: "ia" (Australian), "io" (radio), "eo" (video),
            // "ua" (usual), but not "tion"/"sion"/"cial"/"tial".
            let before = if i >= 2 { w[i - 2] } else { ' ' };
            let pair = (w[i - 1], c);
            let split = matches!(pair, ('i', 'a') | ('i', 'o') | ('e', 'o') | ('u', 'a') | ('i', 'e') if !matches!(before, 't' | 's' | 'c' | 'g' | 'x'))
                && !(pair == ('i', 'e') && i + 1 == w.len());
            if split {
                count += 1;
            }
        }
        prev = v;
    }
    let n = w.len();
    let ends = |s: &str| {
        let k = s.chars().count();
        n >= k && w[n - k..].iter().copied().eq(s.chars())
    };
    if ends("e") && !ends("le") && !ends("ee") && !ends("ie") && count > 1 {
        count -= 1;
    } else if ends("le") && n > 2 && !vowel(w[n - 3]) {
        // "table", "ankle": the -le is its own syllable, already counted by 'e'.
    }
    if (ends("ed") || ends("es")) && n > 3 && count > 1 {
        let c3 = w[n - 3];
        let voiced = if ends("ed") {
            matches!(c3, 't' | 'd')
        } else {
            matches!(c3, 's' | 'x' | 'z' | 'c' | 'g')
                || (n > 4 && matches!(&w[n - 4..n - 2], ['s', 'h'] | ['c', 'h']))
        };
        if !voiced && !vowel(c3) {
            count -= 1;
        }
    }
    count.max(1)
}

/// The built-in jargon → plain words list.
pub fn default_plain_words() -> BTreeMap<String, String> {
    [
        ("ambulate", "walk"),
        ("ambulation", "walking"),
        ("flexion", "bending"),
        ("extension", "straightening"),
        ("bilateral", "both sides"),
        ("unilateral", "one side"),
        ("contralateral", "the other side"),
        ("ipsilateral", "the same side"),
        ("prn", "as needed"),
        ("bid", "twice a day"),
        ("tid", "three times a day"),
        ("qd", "once a day"),
        ("anterior", "front"),
        ("posterior", "back"),
        ("proximal", "closer to the body"),
        ("distal", "farther from the body"),
        ("supine", "lying on your back"),
        ("prone", "lying on your stomach"),
        ("abduction", "moving away from the body"),
        ("adduction", "moving toward the body"),
        ("dorsiflexion", "pulling your foot up"),
        ("plantarflexion", "pointing your foot down"),
        ("lumbar", "low back"),
        ("cervical", "neck"),
        ("edema", "swelling"),
        ("proprioception", "sense of balance"),
        ("isometric", "without moving the joint"),
        ("gait", "walking"),
        ("mobilization", "gentle movement"),
        ("etiology", "cause"),
        ("prognosis", "outlook"),
        ("contraindicated", "not safe"),
        ("hep", "home exercises"),
        ("adls", "daily activities"),
        ("rom", "how far you can move"),
        ("exacerbate", "make worse"),
        ("ameliorate", "improve"),
        ("analgesic", "pain medicine"),
        ("musculature", "muscles"),
        ("approximately", "about"),
        ("utilize", "use"),
        ("commence", "start"),
        ("discontinue", "stop"),
        ("sufficient", "enough"),
        ("subsequently", "later"),
        ("tolerate", "handle"),
        ("sets", "rounds"),
        ("reps", "times"),
        ("repetitions", "times"),
        ("stance", "the way you stand"),
        ("buttocks", "bottom"),
        ("gluteal", "bottom"),
        ("pt", "physical therapist"),
        ("pta", "physical therapist assistant"),
        ("dpt", "doctor of physical therapy"),
        ("ocs", "specialist in bones, joints and muscles"),
        ("scs", "sports specialist"),
        ("atc", "athletic trainer"),
    ]
    .into_iter()
    .map(|(a, b)| (a.to_string(), b.to_string()))
    .collect()
}

const SUFFIXES: [&str; 14] = [
    "", "s", "es", "d", "ed", "ing", "ion", "ions", "ly", "al", "ally", "ory", "ive", "ness",
];

/// A jargon list indexed for fast lookup: one lowercase per word and a few
/// hash lookups (one per suffix), whatever the size of the list.
#[derive(Debug, Clone, Default)]
pub struct Jargon {
    /// Stem → (term, plain word, whether the term is long enough to inflect).
    stems: std::collections::HashMap<String, (String, String, bool)>,
    /// The first four bytes of every stem of four bytes or more: a word
    /// whose start is not here cannot be jargon, which settles almost every
    /// word with one lookup instead of one per suffix.
    starts: std::collections::HashSet<String>,
}

impl Jargon {
    /// Index a jargon → plain word list. For each stem the first term in the
    /// list's (alphabetical) order wins.
    pub fn new(list: &BTreeMap<String, String>) -> Jargon {
        let mut stems = std::collections::HashMap::new();
        for (term, plain) in list {
            let t = term.to_lowercase();
            let stem = if t.len() > 4 && t.ends_with('e') {
                t[..t.len() - 1].to_string()
            } else {
                t.clone()
            };
            let inflects = t.len() > 3;
            // The exact term always matches, even where the stem differs.
            stems
                .entry(t.clone())
                .or_insert_with(|| (term.clone(), plain.clone(), inflects));
            stems
                .entry(stem)
                .or_insert_with(|| (term.clone(), plain.clone(), inflects));
        }
        let starts = stems
            .keys()
            .filter_map(|s: &String| s.get(..4).map(str::to_string))
            .collect();
        Jargon { stems, starts }
    }

    /// Jargon in `text`: (the word as written, the term, the plain word),
    /// whatever its inflection (ambulate, ambulating, ambulation).
    pub fn find<'a>(&'a self, text: &str) -> Vec<(String, &'a str, &'a str)> {
        let mut out = Vec::new();
        let mut lw = String::new();
        for w in words(text) {
            lw.clear();
            lw.extend(w.chars().flat_map(char::to_lowercase));
            // A word is a stem plus a suffix, so it starts with its stem;
            // stems shorter than four bytes come only from short terms,
            // which match only themselves (shorter than four bytes).
            if let Some(start) = lw.get(..4)
                && !self.starts.contains(start)
            {
                continue;
            }
            let hit = SUFFIXES.iter().find_map(|suffix| {
                let stem = lw.strip_suffix(suffix)?;
                let (term, plain, inflects) = self.stems.get(stem)?;
                (suffix.is_empty() || *inflects).then_some((term.as_str(), plain.as_str()))
            });
            if let Some((term, plain)) = hit {
                out.push((w.to_string(), term, plain));
            }
        }
        out
    }
}

/// Jargon found in `text` (see [`Jargon::find`]); builds the index each
/// call, so prefer a [`Jargon`] kept across calls.
pub fn jargon(text: &str, list: &BTreeMap<String, String>) -> Vec<(String, String, String)> {
    Jargon::new(list)
        .find(text)
        .into_iter()
        .map(|(w, t, p)| (w, t.to_string(), p.to_string()))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The prefix filter in `Jargon::find` must not lose a hit: compare it
    /// with trying every suffix on every word, over every term inflected
    /// every way, plus ordinary words.
    #[test]
    fn jargon_prefilter_loses_nothing() {
        let mut list = default_plain_words();
        list.insert("rom".into(), "x".into());
        list.insert("éxtasis".into(), "y".into());
        let j = Jargon::new(&list);
        let naive = |w: &str| {
            let lw = w.to_lowercase();
            SUFFIXES.iter().find_map(|suffix| {
                let stem = lw.strip_suffix(suffix)?;
                let (term, _, inflects) = j.stems.get(stem)?;
                (suffix.is_empty() || *inflects).then_some(term.clone())
            })
        };
        let mut words: Vec<String> = "the a walk walking shoulder rom roms Éxtasis é ab abc"
            .split(' ')
            .map(String::from)
            .collect();
        for term in list.keys() {
            for suffix in SUFFIXES {
                words.push(format!("{term}{suffix}"));
                words.push(format!("{}{suffix}", term.trim_end_matches('e')));
            }
        }
        let mut hits = 0;
        for w in &words {
            let fast = j.find(w).first().map(|(_, t, _)| t.to_string());
            assert_eq!(fast, naive(w), "{w}");
            hits += usize::from(fast.is_some());
        }
        assert!(hits > list.len(), "only {hits} hits");
    }

    #[test]
    fn grade_matches_the_published_platypus_example() {
        // Wikipedia's worked example: 13 words, 1 sentence, 26 syllables → 13.1.
        assert!((fk_grade(13, 1, 26) - 13.1).abs() < 0.1);
        let c = Counts::of(
            "The Australian platypus is seemingly a hybrid of a mammal and reptilian creature.",
        );
        assert_eq!((c.words, c.sentences), (13, 1));
        assert!(
            (c.grade() - 13.1).abs() < 0.1,
            "estimated {} syllables, grade {}",
            c.syllables,
            c.grade()
        );
    }

    #[test]
    fn chinese_sentences_end_at_chinese_full_stops() {
        let c = Counts::of("坐直。向前看。慢慢做！");
        assert_eq!(c.sentences, 3);
    }

    #[test]
    fn reading_ease_matches_the_formula() {
        // 100 words, 5 sentences, 130 syllables: 206.835 - 20.3 - 109.98 = 76.555
        assert!((reading_ease(100, 5, 130) - 76.555).abs() < 0.001);
    }

    #[test]
    fn syllables_of_common_words() {
        for (w, n) in [
            ("cat", 1),
            ("table", 2),
            ("shoulder", 2),
            ("exercise", 3),
            ("ankle", 2),
            ("walked", 1),
            ("lifted", 2),
            ("video", 3),
            ("every", 3),
            ("stretches", 2),
            ("make", 1),
            ("physical", 3),
        ] {
            assert_eq!(syllables(w), n, "{w}");
        }
    }

    #[test]
    fn plain_text_scores_low_and_dense_text_high() {
        let plain = Counts::of(
            "Sit tall. Lift your arm. Hold it for five seconds. Do this ten times. You can do it.",
        );
        let dense = Counts::of(
            "Patients demonstrating bilateral glenohumeral impingement should subsequently commence progressive isometric strengthening, approximately contraindicating overhead mobilization until sufficient scapulothoracic stabilization is documented.",
        );
        assert!(plain.grade() < 4.0, "{}", plain.grade());
        assert!(dense.grade() > 12.0, "{}", dense.grade());
    }

    #[test]
    fn jargon_matches_inflections() {
        let list = default_plain_words();
        let hits = jargon(
            "You will ambulate daily. Ambulating helps. Flexion improves. We walked.",
            &list,
        );
        let terms: Vec<&str> = hits.iter().map(|h| h.1.as_str()).collect();
        assert_eq!(terms, vec!["ambulate", "ambulate", "flexion"]);
        assert_eq!(hits[0].2, "walk");
        assert!(
            jargon("Prn use ice.", &list)
                .iter()
                .any(|h| h.2 == "as needed")
        );
        assert!(jargon("A bright big bid", &list).len() == 1);
        assert!(jargon("Gaiters and romantic promenades", &list).is_empty());
    }
}
