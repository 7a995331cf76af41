//! An exercise dose in plain words, in the handout's language.

use crate::content::plan::{Dose, Side};
use crate::stages::theme::i18n::Strings;

/// Full sentences, every count with its noun and no number right after
/// another across a full stop: "Hold it for 5 seconds. Do it 10 times. Do
/// this twice a day, every day. Do it on one side, then on the other."
pub fn text(d: &Dose, t: &Strings) -> String {
    let mut parts: Vec<String> = Vec::new();
    if let Some(n) = d.hold_seconds {
        parts.push(t.count("dose_hold", n.into(), &[]));
    }
    match (d.sets, d.reps) {
        // Two counts: the phrase's form follows the first, {sets}.
        (Some(s), Some(r)) if s != 1 => parts.push(t.count(
            "dose_sets_reps",
            s.into(),
            &[("sets", &s.to_string()), ("reps", &r.to_string())],
        )),
        (_, Some(r)) => parts.push(t.count("dose_reps", r.into(), &[("reps", &r.to_string())])),
        (Some(s), None) => parts.push(t.count("dose_sets", s.into(), &[("sets", &s.to_string())])),
        (None, None) => {}
    }
    if let Some(n) = d.minutes {
        parts.push(t.count("dose_minutes", n.into(), &[]));
    }
    if let Some(load) = d.load.as_deref().filter(|l| !l.trim().is_empty()) {
        parts.push(t.fmt("dose_load", &[("load", load.trim())]));
    }
    if let Some(how_often) = how_often(d, t) {
        parts.push(t.fmt("freq_sentence", &[("how_often", &how_often)]));
    }
    if let Some(side) = d.side {
        parts.push(t.get(side_key(side)).to_string());
    }
    parts.join(" ")
}

/// The string-table key of a side's sentence.
pub fn side_key(side: Side) -> &'static str {
    match side {
        Side::Left => "side_left",
        Side::Right => "side_right",
        Side::Both => "side_both",
        Side::Together => "side_together",
    }
}

/// How often, as a phrase ("twice a day, on any 5 days of the week"), when
/// the dose says.
pub fn how_often(d: &Dose, t: &Strings) -> Option<String> {
    if d.per_day.is_none() && d.days_per_week.is_none() {
        return None;
    }
    let freq = freq(d.per_day.unwrap_or(1), t);
    let days = days(d.days_per_week.unwrap_or(7), t);
    Some(t.fmt("freq_phrase", &[("freq", &freq), ("days", &days)]))
}

/// A short form for lists: "2 rounds of 10 times, hold 5 seconds, twice a
/// day".
pub fn short(d: &Dose, t: &Strings) -> String {
    let mut parts: Vec<String> = Vec::new();
    match (d.sets, d.reps) {
        (Some(s), Some(r)) if s != 1 => parts.push(t.count(
            "short_sets_reps",
            s.into(),
            &[("sets", &s.to_string()), ("reps", &r.to_string())],
        )),
        (_, Some(r)) => parts.push(t.count("short_reps", r.into(), &[("reps", &r.to_string())])),
        _ => {}
    }
    if let Some(n) = d.hold_seconds {
        parts.push(t.count("short_hold", n.into(), &[]));
    }
    if let Some(n) = d.minutes {
        parts.push(t.count("short_minutes", n.into(), &[]));
    }
    if let Some(n) = d.per_day {
        parts.push(freq(n, t));
    }
    if let Some(n) = d.days_per_week.filter(|n| *n < 7) {
        parts.push(days(n, t));
    }
    parts.join(t.get("list_separator"))
}

/// How often a day ("twice a day"), once when the dose does not say: the
/// adherence log's row, whose boxes say the same.
pub fn times_a_day(d: &Dose, t: &Strings) -> String {
    freq(d.per_day.unwrap_or(1), t)
}

fn freq(per_day: u32, t: &Strings) -> String {
    match per_day {
        0 | 1 => t.get("freq_once").to_string(),
        2 => t.get("freq_twice").to_string(),
        n => t.count("freq_times", n.into(), &[]),
    }
}

fn days(per_week: u32, t: &Strings) -> String {
    match per_week {
        n if n >= 7 => t.get("days_every").to_string(),
        n => t.count("days_n", n.into(), &[]),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::stages::theme::i18n::{Strings, Table};

    /// The default theme's string tables, English under each.
    fn tables() -> Vec<(&'static str, Strings)> {
        let read = |src: &str| -> Table {
            crate::content::yaml::parse(src, std::path::Path::new("i18n.yaml")).unwrap()
        };
        let en = read(include_str!("../../../themes/default/i18n/en.yaml"));
        [
            ("en", None),
            (
                "es",
                Some(include_str!("../../../themes/default/i18n/es.yaml")),
            ),
            (
                "zh",
                Some(include_str!("../../../themes/default/i18n/zh.yaml")),
            ),
            (
                "vi",
                Some(include_str!("../../../themes/default/i18n/vi.yaml")),
            ),
            (
                "ar",
                Some(include_str!("../../../themes/default/i18n/ar.yaml")),
            ),
        ]
        .into_iter()
        .map(|(lang, src)| {
            let own = src.map(read);
            let (strings, missing) = Strings::merged(own.as_ref(), &en);
            assert!(missing.is_empty(), "{lang} lacks {missing:?}");
            (lang, strings.in_language(lang))
        })
        .collect()
    }

    /// Every dose a plan can write, over small and large numbers.
    fn doses() -> Vec<Dose> {
        let n = [None, Some(1), Some(2), Some(5), Some(10), Some(12)];
        let sides = [
            None,
            Some(Side::Left),
            Some(Side::Both),
            Some(Side::Together),
        ];
        let mut out = Vec::new();
        for (i, sets) in n.iter().enumerate() {
            for (j, reps) in n.iter().enumerate() {
                for per_day in [None, Some(1), Some(2), Some(3)] {
                    out.push(Dose {
                        sets: *sets,
                        reps: *reps,
                        hold_seconds: n[(i + j) % n.len()],
                        minutes: n[(i * 5 + j) % n.len()],
                        per_day,
                        days_per_week: [None, Some(1), Some(5), Some(7)][(i + j) % 4],
                        side: sides[(i + 2 * j) % 4],
                        load: [None, Some("2 kg".to_string())][j % 2].clone(),
                    });
                }
            }
        }
        out
    }

    /// A digit, a full stop and another digit with only spaces between.
    fn number_stop_number(s: &str) -> bool {
        let c: Vec<char> = s.chars().collect();
        (0..c.len()).any(|i| {
            if !matches!(c[i], '.' | '。' | '۔') || i == 0 || !c[i - 1].is_ascii_digit() {
                return false;
            }
            let mut k = i + 1;
            while k < c.len() && c[k].is_whitespace() {
                k += 1;
            }
            k > i + 1 && k < c.len() && c[k].is_ascii_digit()
                || (c[i] == '。' && c.get(i + 1).is_some_and(char::is_ascii_digit))
        })
    }

    #[test]
    fn no_number_follows_another_across_a_full_stop_in_any_language() {
        for (lang, t) in tables() {
            for d in doses() {
                for s in [text(&d, &t), short(&d, &t)] {
                    assert!(!number_stop_number(&s), "{lang}: {s:?} from {d:?}");
                }
            }
        }
        assert!(number_stop_number("Do 10. 3 times a day"));
        assert!(!number_stop_number("Use 1.5 kg."));
    }

    #[test]
    fn every_count_has_its_noun() {
        for (lang, t) in tables() {
            for d in doses() {
                let s = text(&d, &t);
                // A count is never the last thing of a sentence or phrase.
                for end in [".", "。", ",", "，", "،"] {
                    for n in ["1", "2", "5", "10", "12"] {
                        assert!(
                            !s.contains(&format!(" {n}{end}")) || s.contains("2 kg"),
                            "{lang}: bare count in {s:?}"
                        );
                    }
                }
            }
        }
    }

    #[test]
    fn together_is_never_each_side_in_any_language() {
        for (lang, t) in tables() {
            let together = t.get("side_together");
            assert_ne!(together, t.get("side_both"), "{lang}");
            assert_ne!(together, "side_together", "{lang} lacks the key");
            let d = Dose {
                reps: Some(10),
                side: Some(Side::Together),
                ..Dose::default()
            };
            let s = text(&d, &t).to_lowercase();
            for phrase in [
                "each side",
                "both sides",
                "on the other",
                "cada lado",
                "los dos lados",
                "两侧都做",
                "mỗi bên",
                "cả hai bên",
                "كل جهة",
            ] {
                assert!(!s.contains(phrase), "{lang}: {s:?}");
            }
            assert!(
                text(
                    &Dose {
                        side: Some(Side::Both),
                        ..d.clone()
                    },
                    &t
                )
                .contains(t.get("side_both"))
            );
        }
    }

    #[test]
    fn english_reads_naturally() {
        let t = &tables()[0].1;
        let d = Dose {
            hold_seconds: Some(5),
            reps: Some(10),
            per_day: Some(2),
            side: Some(Side::Right),
            ..Dose::default()
        };
        assert_eq!(
            text(&d, t),
            "Hold it for 5 seconds. Do it 10 times. Do this twice a day, every day. Use your right side only."
        );
        let d = Dose {
            sets: Some(2),
            reps: Some(10),
            per_day: Some(3),
            days_per_week: Some(5),
            ..Dose::default()
        };
        assert_eq!(
            text(&d, t),
            "Do 2 rounds. In each round, do it 10 times. Do this 3 times a day, on any 5 days of the week."
        );
        assert_eq!(
            short(&d, t),
            "2 rounds of 10 times, 3 times a day, on any 5 days of the week"
        );
        assert_eq!(text(&Dose::default(), t), "");
    }
}
