//! Which words of a patient's record identify them.
//!
//! A name is not "first last". Every part that identifies is a needle:
//! each family name (both of José Núñez Herrera's), each part of a
//! hyphenated or particled surname and the whole joined ("van der Berg",
//! "Vanderberg", "Berg"), former names, a one-word name, a name in a script
//! written without spaces (王小明) and its Latin transliteration. Given names,
//! the preferred name and its usual short forms (Robert → Bob) are needles
//! too, but only next to a family name: "Maria" alone names nobody. Titles
//! (Mr., Sra.) and suffixes (Jr., III) are never part of the name, but a
//! title next to a family name is a name.
//!
//! Without structured parts (`given_names`, `family_names`), the first word
//! is a given name, the last a family name, and every word between is
//! taken as both; "Ortega, Ana" is family-first, and so is a name whose
//! preferred name is its last word or whose language writes family first.

use super::fold::{Stream, fold, is_unspaced_script};
use crate::base::lang::primary;
use crate::content::plan::Patient;
use letters::{one_letter_forms, spelt_out};
use words::*;

mod letters;
pub mod near;
#[cfg(test)]
mod tests;
mod words;

pub use words::{AFTER_TITLES, is_title_word};

/// What a needle is to its plan.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Kind {
    /// The whole name as written (or family-first): always a leak.
    Full,
    /// A family name, a part of one, a former or a one-word name: a leak
    /// alone unless allowed as an ordinary word; next to a given name or a
    /// title, always.
    Family,
    /// A given or preferred name, or a short form of one: a leak only next
    /// to a family name.
    Given,
    /// The distinctive local part of an email address ("jnh68"): a leak
    /// alone.
    Email,
    /// The local part of an email address that says no more than a name
    /// ("maria"): a leak only followed by its domain ("maria@mail.test",
    /// "maria at mail dot test").
    EmailLocal,
    /// The story's display name: public, but it tells which patient a page
    /// is about (for dates written without a year).
    Display,
}

/// A patient's needles (folded, see [`Stream`]) with their kinds.
pub type Needles = Vec<(String, Kind)>;
/// (email local part, domain), folded.
pub type EmailDomains = Vec<(String, String)>;

/// Needles of one patient, and the domain of each email local part.
pub fn of_patient(p: &Patient, display_name: Option<&str>) -> (Needles, EmailDomains) {
    let mut out = Vec::new();
    let mut domains = Vec::new();
    let parsed = parse(p);
    for (given, family, whole) in forms(&parsed) {
        add_name(&mut out, &given, &family, &whole);
    }
    for spelling in &p.other_spellings {
        // The same name in other letters ("Tanaka Hanako" for 田中 花子):
        // read like `name`, in the patient's language.
        let alt = Patient {
            name: spelling.clone(),
            given_names: Vec::new(),
            family_names: Vec::new(),
            ..p.clone()
        };
        for (given, family, whole) in forms(&parse(&alt)) {
            add_name(&mut out, &given, &family, &whole);
        }
    }
    if p.language.as_deref().is_some_and(|l| primary(l) == "hu") {
        // Hungarian married names: Kovács → Kovácsné.
        let married: Vec<String> = out
            .iter()
            .filter(|(_, k)| *k == Kind::Family)
            .map(|(f, _)| format!("{f}ne"))
            .collect();
        out.extend(married.into_iter().map(|f| (f, Kind::Family)));
    }
    for former in &p.former_names {
        for part in family_needles(former) {
            out.push((part, Kind::Family));
        }
    }
    if let Some(e) = &p.email {
        let givens: Vec<String> = out
            .iter()
            .filter(|(_, k)| *k == Kind::Given)
            .map(|(s, _)| s.clone())
            .collect();
        for (local, domain, distinctive) in email_needles(e, &givens) {
            let kind = if distinctive {
                Kind::Email
            } else {
                Kind::EmailLocal
            };
            out.push((local.clone(), kind));
            domains.push((local, domain));
        }
    }
    if let Some(d) = display_name {
        let s = fold(d);
        if s.chars().count() >= 2 {
            out.push((s, Kind::Display));
        }
    }
    out.sort();
    out.dedup();
    (out, domains)
}

/// A name split into given and family parts, each part as written.
#[derive(Debug, Default, PartialEq)]
struct Parsed {
    given: Vec<String>,
    family: Vec<String>,
    /// Words in the order written, for the full-name needle.
    written: Vec<String>,
}

fn parse(p: &Patient) -> Parsed {
    let mut out = Parsed::default();
    let (mut words, comma_family) = words_of(&p.name);
    if let Some(pref) = p.preferred_name.as_deref() {
        out.given.push(pref.to_string());
    }
    out.given.extend(p.given_names.iter().cloned());
    out.written.clone_from(&words);
    if !p.family_names.is_empty() {
        out.family.extend(p.family_names.iter().cloned());
        let fam: Vec<String> = p
            .family_names
            .iter()
            .flat_map(|f| {
                Stream::of(f)
                    .words()
                    .into_iter()
                    .map(str::to_string)
                    .collect::<Vec<_>>()
            })
            .collect();
        words.retain(|w| {
            !Stream::of(w)
                .words()
                .iter()
                .all(|t| fam.iter().any(|f| f == t))
        });
        out.given.extend(words);
        return out;
    }
    if let Some(n) = comma_family {
        out.family.extend(words[..n].iter().cloned());
        out.given.extend(words[n..].iter().cloned());
        return out;
    }
    match words.len() {
        0 => {}
        1 => {
            let w = &words[0];
            let chars: Vec<char> = w.chars().collect();
            if chars.len() >= 2 && chars.iter().all(|c| is_unspaced_script(*c)) {
                // 王小明: family name first, one character (two for a few
                // families; the full name catches those).
                out.family.push(chars[0].to_string());
                out.given.push(chars[1..].iter().collect());
            } else {
                out.family.push(w.clone());
            }
        }
        n => {
            // Chinese, Japanese and Korean names in their own script are
            // family-first whatever the language setting says.
            // Otherwise the preferred name says which end is the given
            // name ("Maria Lopez" called Maria is given-first even in a
            // Chinese handout); only without one does the handout's
            // language decide.
            let preferred = p.preferred_name.as_deref().map(fold);
            let family_first = words[0].chars().all(is_unspaced_script)
                || match preferred {
                    Some(pref) if pref == fold(&words[n - 1]) => true,
                    Some(pref) if pref == fold(&words[0]) => false,
                    _ => p.language.as_deref().is_some_and(|l| {
                        ["zh", "vi", "ko", "ja", "hu"].contains(&primary(l).as_str())
                    }),
                };
            let (g, f) = if family_first {
                (&words[1..], &words[..n - 1])
            } else {
                (&words[..n - 1], &words[1..])
            };
            out.given.extend(g.iter().cloned());
            out.family.extend(f.iter().cloned());
        }
    }
    out
}

/// The words of a name without titles and suffixes; with the number of
/// leading family words when it is written "Family, Given".
fn words_of(name: &str) -> (Vec<String>, Option<usize>) {
    let pieces: Vec<&str> = name
        .split(',')
        .filter(|p| !p.split_whitespace().all(|w| is_suffix(w) || is_title(w)))
        .collect();
    let clean = |s: &str| -> Vec<String> {
        let mut w: Vec<String> = s.split_whitespace().map(str::to_string).collect();
        while w.first().is_some_and(|x| is_title(x)) && w.len() > 1 {
            w.remove(0);
        }
        while w.last().is_some_and(|x| is_suffix(x)) && w.len() > 1 {
            w.pop();
        }
        join_particles(w)
    };
    if let [family, given] = pieces[..] {
        let f = clean(family);
        let n = f.len();
        let mut all = f;
        all.extend(clean(given));
        if n > 0 && all.len() > n {
            return (all, Some(n));
        }
        return (all, None);
    }
    (clean(&pieces.join(" ")), None)
}

/// "Pieter van der Berg" is two names, not four: a particle belongs to the
/// word after it (never the first word, which is a given name).
fn join_particles(words: Vec<String>) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut pending = String::new();
    for (i, w) in words.into_iter().enumerate() {
        let folded = fold(&w);
        if i > 0 && is_particle(&folded) {
            pending.push_str(&w);
            pending.push(' ');
            continue;
        }
        out.push(format!("{pending}{w}"));
        pending.clear();
    }
    if !pending.is_empty() {
        out.push(pending.trim_end().to_string());
    }
    out
}

/// (given names, family names, the whole name as written), and their
/// transliteration into Latin letters when the name is in another script.
fn forms(p: &Parsed) -> Vec<(Vec<String>, Vec<String>, String)> {
    let whole = p.written.join(" ");
    let mut out = vec![(p.given.clone(), p.family.clone(), whole.clone())];
    let all = p.given.iter().chain(&p.family).chain(&p.written);
    if all
        .clone()
        .any(|w| w.chars().any(|c| c.is_alphabetic() && !c.is_ascii()))
    {
        let tr1 = |w: &String| -> String {
            deunicode::deunicode(w)
                .split_whitespace()
                .collect::<Vec<_>>()
                .join("")
        };
        let tr = |v: &Vec<String>| -> Vec<String> { v.iter().map(tr1).collect() };
        let words: Vec<String> = p.written.iter().map(tr1).collect();
        let mut family = tr(&p.family);
        // Korean family names have usual spellings the transliteration
        // does not give (김 is "Gim" there, "Kim" on every form).
        family.extend(
            p.family
                .iter()
                .flat_map(|f| korean_family(f))
                .map(|s| s.to_string()),
        );
        out.push((tr(&p.given), family, words.join(" ")));
    }
    // Umlauts and å, ø, đ written as two letters, as a keyboard or a form
    // without them does ("Sjöström" as Sjoestroem, "Ålund" as Aalund,
    // "Đorđević" as Djordjevic):
    // folding reads ö as o, and two such letters are two edits away.
    if all.clone().any(|w| spelt_out(w) != *w) {
        let tr = |v: &Vec<String>| -> Vec<String> { v.iter().map(|w| spelt_out(w)).collect() };
        let words: Vec<String> = tr(&p.written);
        out.push((tr(&p.given), tr(&p.family), words.join(" ")));
    }
    // The other way round: a family name the plan writes with the two
    // letters ("Mueller", "Kierkegaard", "Schroeder") is the name a page
    // writes with the one letter (Müller, Kierkegård, Schröder), which
    // folding reads as u, a, o.
    // Alone, only forms of five letters or more: "Roese" read "rose" is
    // a word; with the given name beside it, any.
    let family: Vec<String> = p.family.iter().flat_map(|f| one_letter_forms(f)).collect();
    let collapsed: Vec<String> = p
        .written
        .iter()
        .map(|w| match p.family.contains(w) {
            true => one_letter_forms(w).pop().unwrap_or_else(|| w.clone()),
            false => w.clone(),
        })
        .collect();
    let collapsed = collapsed.join(" ");
    if collapsed != whole {
        let alone = family.into_iter().filter(|f| f.chars().count() >= 5);
        out.push((p.given.clone(), alone.collect(), collapsed));
    }
    out
}

fn add_name(out: &mut Vec<(String, Kind)>, given: &[String], family: &[String], whole: &str) {
    out.extend(
        given
            .iter()
            .flat_map(|g| given_needles(g))
            .map(|g| (g, Kind::Given)),
    );
    let needles: Vec<String> = family.iter().flat_map(|f| family_needles(f)).collect();
    // A family name written backwards ("Iksnimak"): alone too, where it is
    // long enough to be no word read backwards ("Reed" is "deer").
    let backwards: Vec<String> = (needles.iter())
        .filter(|f| f.len() >= 6 && f.bytes().all(|b| b.is_ascii_lowercase()))
        .map(|f| f.chars().rev().collect::<String>())
        .filter(|r| !needles.contains(r))
        .collect();
    out.extend(
        needles
            .into_iter()
            .chain(backwards)
            .map(|f| (f, Kind::Family)),
    );
    // Two words or more: the whole name; one word is a family needle already.
    let st = Stream::of(whole);
    if st.toks.len() < 2 {
        return;
    }
    // Also family name first, when the words say which is which.
    let folded =
        |words: &[String]| -> String { words.iter().map(|w| Stream::of(w).text).collect() };
    let family_first = (!given.is_empty() && !family.is_empty())
        .then(|| folded(family) + &folded(given))
        .filter(|f| *f != st.text);
    for order in std::iter::once(&st.text).chain(&family_first) {
        // And hidden from a search: in ROT13 ("Qnavry Bxnsbe"), and
        // written backwards ("refakO leinaD"; word by word, "leinaD
        // refakO", is the family-first order backwards). ROT13 only the
        // whole name: one ciphered word makes a word too often ("Green"
        // is "Terra").
        if order.bytes().all(|b| b.is_ascii_lowercase()) {
            out.push((
                order.bytes().map(rot13).map(char::from).collect(),
                Kind::Full,
            ));
        }
        out.push((order.chars().rev().collect(), Kind::Full));
    }
    out.push((st.text, Kind::Full));
}

/// A lower-case ASCII letter thirteen places on.
fn rot13(b: u8) -> u8 {
    (b - b'a' + 13) % 26 + b'a'
}

/// A given name, its parts, and their usual short forms.
fn given_needles(g: &str) -> Vec<String> {
    let st = Stream::of(g);
    let mut out: Vec<String> = st.words().into_iter().map(str::to_string).collect();
    if st.toks.len() > 1 {
        out.push(st.text.clone());
    }
    let short: Vec<String> = out
        .iter()
        .flat_map(|w| nicknames().get(w).cloned().unwrap_or_default())
        .collect();
    out.extend(short);
    out.retain(|w| w.chars().count() >= 2 && w.chars().any(char::is_alphabetic));
    out
}

/// The usual Latin spellings of common Korean family names.
fn korean_family(f: &str) -> &'static [&'static str] {
    match f.trim() {
        "김" => &["kim"],
        "이" => &["lee", "yi", "rhee"],
        "박" => &["park", "pak", "bak"],
        "최" => &["choi", "choe"],
        "정" => &["jung", "jeong", "chung"],
        "강" => &["kang"],
        "조" => &["cho", "jo"],
        "윤" => &["yoon", "yun"],
        "장" => &["jang", "chang"],
        "임" => &["lim", "rim"],
        "한" => &["han"],
        "서" => &["seo", "suh"],
        "신" => &["shin"],
        "권" => &["kwon"],
        "황" => &["hwang"],
        "안" => &["ahn"],
        "송" => &["song"],
        "류" | "유" => &["ryu", "yoo"],
        "홍" => &["hong"],
        _ => &[],
    }
}

/// A family name joined, and each part of it that is not a particle (an
/// Arabic family name with its article al- also without it).
pub fn family_needles(f: &str) -> Vec<String> {
    let st = Stream::of(f);
    let mut out = vec![st.text.clone()];
    let article = fold("ال");
    for w in st.words() {
        if !is_particle(w) {
            out.push(w.to_string());
        }
        if let Some(bare) = w.strip_prefix(article.as_str())
            && bare.chars().count() >= 3
        {
            out.push(bare.to_string());
        }
        out.extend(mac_forms(w));
    }
    if let [mac, rest] = &st.words()[..]
        && ["mac", "mc"].contains(mac)
    {
        // "Mac Donald" written apart: also McDonald, M'Donald.
        out.extend(mac_forms(&format!("mc{rest}")));
    }
    out.retain(|w| {
        let n = w.chars().count();
        let letters = w.chars().any(char::is_alphabetic);
        letters && (n >= 2 || w.chars().all(is_unspaced_script) && n == 1)
    });
    out.sort();
    out.dedup();
    out
}

/// The other spellings of a Scottish or Irish "son of" name: McDonald,
/// MacDonald and M'Donald (read as "mdonald") are one name; the part after
/// the prefix must have four letters or more ("Mack" is no Mac-name).
fn mac_forms(w: &str) -> Vec<String> {
    let Some(rest) = w
        .strip_prefix("mac")
        .or_else(|| w.strip_prefix("mc"))
        .filter(|r| r.chars().count() >= 4 && r.chars().all(char::is_alphabetic))
    else {
        return Vec::new();
    };
    ["mac", "mc", "m"]
        .iter()
        .map(|p| format!("{p}{rest}"))
        .filter(|f| f != w)
        .collect()
}

/// The addresses of an email field (a field may hold several, or a
/// display-name form): (local part without its `+tag`, domain, whether the
/// local part identifies alone), folded.
fn email_needles(field: &str, givens: &[String]) -> Vec<(String, String, bool)> {
    let mut out = Vec::new();
    for addr in crate::content::plan::email_parts(field) {
        let Some((local, domain)) = addr.trim_matches('.').split_once(['@', '＠']) else {
            continue;
        };
        let local = local.split('+').next().unwrap_or(local);
        let l = fold(local);
        let d = fold(domain);
        if l.is_empty() {
            continue;
        }
        // A local part made of given names and initials ("walt.k") says
        // no more than a display name; anything else is the person's.
        let only_given = Stream::of(local)
            .words()
            .iter()
            .all(|w| w.chars().count() == 1 || givens.iter().any(|g| g == w));
        let distinctive = (l.len() >= 4 || l.bytes().any(|b| b.is_ascii_digit()))
            && !only_given
            && !ROLE_WORDS.contains(&l.as_str());
        if local.contains('.') {
            // "ivan dot p at mail dot test"
            out.push((fold(&local.replace('.', " dot ")), d.clone(), distinctive));
        }
        out.push((l, d, distinctive));
    }
    out
}
