//! An exercise dose in plain words, in the handout's language.

use crate::content::plan::{Dose, Side};
use crate::stages::theme::i18n::Strings;

/// Full sentences: "Hold 5 seconds. Do 10. Twice a day, every day. Right side."
pub fn text(d: &Dose, t: &Strings) -> String {
    let mut parts: Vec<String> = Vec::new();
    if let Some(n) = d.hold_seconds {
        parts.push(if n == 1 {
            t.get("dose_hold_one").to_string()
        } else {
            t.fmt("dose_hold", &[("n", &n.to_string())])
        });
    }
    let (sets, reps) = (d.sets.map(|n| n.to_string()), d.reps.map(|n| n.to_string()));
    match (&sets, &reps) {
        (Some(s), Some(r)) if s != "1" => {
            parts.push(t.fmt("dose_sets_reps", &[("sets", s), ("reps", r)]))
        }
        (_, Some(r)) => parts.push(t.fmt("dose_reps", &[("reps", r)])),
        (Some(s), None) => parts.push(t.fmt("dose_sets", &[("sets", s)])),
        (None, None) => {}
    }
    if let Some(n) = d.minutes {
        parts.push(if n == 1 {
            t.get("dose_minutes_one").to_string()
        } else {
            t.fmt("dose_minutes", &[("n", &n.to_string())])
        });
    }
    if let Some(load) = d.load.as_deref().filter(|l| !l.trim().is_empty()) {
        parts.push(t.fmt("dose_load", &[("load", load.trim())]));
    }
    if d.per_day.is_some() || d.days_per_week.is_some() {
        let freq = freq(d.per_day.unwrap_or(1), t);
        let days = days(d.days_per_week.unwrap_or(7), t);
        parts.push(t.fmt("freq_sentence", &[("freq", &freq), ("days", &days)]));
    }
    if let Some(side) = d.side {
        parts.push(
            t.get(match side {
                Side::Left => "side_left",
                Side::Right => "side_right",
                Side::Both => "side_both",
            })
            .to_string(),
        );
    }
    parts.join(" ")
}

/// A short form for lists: "2 sets of 10, hold 5 seconds, twice a day".
pub fn short(d: &Dose, t: &Strings) -> String {
    let mut parts: Vec<String> = Vec::new();
    match (d.sets, d.reps) {
        (Some(s), Some(r)) if s != 1 => parts.push(t.fmt(
            "short_sets_reps",
            &[("sets", &s.to_string()), ("reps", &r.to_string())],
        )),
        (_, Some(r)) => parts.push(t.fmt("short_reps", &[("reps", &r.to_string())])),
        _ => {}
    }
    if let Some(n) = d.hold_seconds {
        parts.push(t.fmt("short_hold", &[("n", &n.to_string())]));
    }
    if let Some(n) = d.minutes {
        parts.push(t.fmt("short_minutes", &[("n", &n.to_string())]));
    }
    if let Some(n) = d.per_day {
        parts.push(lower_first(&freq(n, t)));
    }
    parts.join(", ")
}

fn freq(per_day: u32, t: &Strings) -> String {
    match per_day {
        1 => t.get("freq_once").to_string(),
        2 => t.get("freq_twice").to_string(),
        n => t.fmt("freq_times", &[("n", &n.to_string())]),
    }
}

fn days(per_week: u32, t: &Strings) -> String {
    if per_week >= 7 {
        t.get("days_every").to_string()
    } else {
        t.fmt("days_n", &[("n", &per_week.to_string())])
    }
}

fn lower_first(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_lowercase().chain(c).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::stages::theme::i18n::{Entry, Strings, Table};

    fn en() -> Strings {
        let pairs = [
            ("dose_hold", "Hold {n} seconds."),
            ("dose_hold_one", "Hold 1 second."),
            ("dose_sets_reps", "Do {sets} sets of {reps}."),
            ("dose_reps", "Do {reps}."),
            ("dose_sets", "Do {sets} sets."),
            ("dose_minutes", "Keep going for {n} minutes."),
            ("dose_minutes_one", "Keep going for 1 minute."),
            ("dose_load", "Use {load}."),
            ("freq_once", "Once a day"),
            ("freq_twice", "Twice a day"),
            ("freq_times", "{n} times a day"),
            ("days_every", "every day"),
            ("days_n", "{n} days a week"),
            ("freq_sentence", "{freq}, {days}."),
            ("side_left", "Left side."),
            ("side_right", "Right side."),
            ("side_both", "Both sides."),
            ("short_sets_reps", "{sets} sets of {reps}"),
            ("short_reps", "{reps} times"),
            ("short_hold", "hold {n} seconds"),
            ("short_minutes", "{n} minutes"),
        ];
        let table: Table = pairs
            .iter()
            .map(|(k, v)| (k.to_string(), Entry::Text(v.to_string())))
            .collect();
        Strings::merged(None, &table).0
    }

    #[test]
    fn issue_example_reads_naturally() {
        let d = Dose {
            hold_seconds: Some(5),
            reps: Some(10),
            per_day: Some(2),
            side: Some(Side::Right),
            ..Dose::default()
        };
        assert_eq!(
            text(&d, &en()),
            "Hold 5 seconds. Do 10. Twice a day, every day. Right side."
        );
        let d = Dose {
            sets: Some(2),
            reps: Some(10),
            per_day: Some(2),
            ..Dose::default()
        };
        assert_eq!(short(&d, &en()), "2 sets of 10, twice a day");
        let d = Dose {
            minutes: Some(1),
            per_day: Some(3),
            days_per_week: Some(5),
            load: Some("red band".into()),
            ..Dose::default()
        };
        assert_eq!(
            text(&d, &en()),
            "Keep going for 1 minute. Use red band. 3 times a day, 5 days a week."
        );
        assert_eq!(text(&Dose::default(), &en()), "");
    }
}
