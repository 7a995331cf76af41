//! A dose's count written the way therapists write doses on paper, read
//! for what it means: `reps: 3x10` is three sets of ten (`sets: 3` and
//! `reps: 10`), `reps: 30s` a hold (`hold_seconds: 30`), `reps: 2x/day`
//! how often (`per_day: 2`), `reps: daily` every day (the default). And
//! every other value a count cannot take (`2.5`, `true`, `-3`, `0`, an
//! empty text, `8` days a week) said in plain words, never in serde's
//! ("invalid type: string", "expected u32").

use crate::base::diag::Code;
use crate::content::count::is_count;

/// Rust's names for whole-number types, as serde's `expected …` prints them.
const INT_TYPES: [&str; 7] = ["u8", "u16", "u32", "u64", "usize", "i32", "i64"];

/// The keys of a dose ([`crate::content::dose::Dose`]) that count.
const DOSE_KEYS: [&str; 6] = [
    "sets",
    "reps",
    "hold_seconds",
    "minutes",
    "per_day",
    "days_per_week",
];

/// What a dose's count was given, said plainly: the code, the message
/// and the help; `None` when `message` (serde's, positions stripped) is
/// not about a dose's count.
pub(super) fn explain(message: &str) -> Option<(Code, String, String)> {
    let (path, rest) = message.split_once(": invalid ")?;
    let expected = rest.rsplit_once("expected ")?.1.trim();
    if !(is_count(expected) || INT_TYPES.contains(&expected)) {
        return None;
    }
    let key = path.rsplit('.').next()?.split('[').next()?;
    let found = rest
        .strip_prefix("type: ")
        .or_else(|| rest.strip_prefix("value: "))?;
    let found = found.rsplit_once(", expected ")?.0;
    if let Some(text) = found
        .strip_prefix("string \"")
        .and_then(|t| t.strip_suffix('"'))
    {
        let (what, help) = in_words(key, text)?;
        let text = text.trim();
        return Some((Code::WrongType, format!("{path}: `{text}` {what}"), help));
    }
    let value = found.split('`').nth(1)?;
    let example = example(key);
    let (code, what, help) = if found.starts_with("floating point") {
        let help = match value.strip_suffix(".0") {
            Some(whole) => format!("write `{key}: {whole}`"),
            None => {
                format!("write a whole number, for example `{example}`; say any part in `note:`")
            }
        };
        (Code::WrongType, "is not a whole number".to_string(), help)
    } else if found.starts_with("boolean") {
        (
            Code::WrongType,
            format!("is a yes/no word: `{key}` takes a number"),
            format!("write a number, for example `{example}`, or delete the line"),
        )
    } else if value.starts_with('-') {
        (
            Code::WrongType,
            "is below zero".to_string(),
            format!("write a whole number of 1 or more, for example `{example}`"),
        )
    } else if key == "days_per_week" {
        (
            Code::ValueNotAllowed,
            "is not a number of days in a week".to_string(),
            "write a number of days from 1 to 7 (leave the key out for every day)".to_string(),
        )
    } else if value == "0" {
        (
            Code::ValueNotAllowed,
            "is no dose: the patient would read \"0\"".to_string(),
            format!("write 1 or more, or delete the line if the exercise has no {key}"),
        )
    } else {
        return None;
    };
    Some((code, format!("{path}: `{value}` {what}"), help))
}

/// A count written the way the key's count is written: `reps: 10`.
fn example(key: &str) -> String {
    let n = match key {
        "sets" | "per_day" => 2,
        "hold_seconds" => 30,
        "days_per_week" => 5,
        _ => 10,
    };
    format!("{key}: {n}")
}

/// A number as digits or as a word (`3`, `three`, `twice`).
fn number(word: &str) -> Option<u64> {
    const WORDS: [&str; 12] = [
        "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
        "twelve",
    ];
    if !word.is_empty() && word.bytes().all(|b| b.is_ascii_digit()) {
        return word.parse().ok().filter(|n| *n > 0 && *n < 100_000);
    }
    let w = word.to_lowercase();
    match w.as_str() {
        "once" => Some(1),
        "twice" => Some(2),
        "thrice" => Some(3),
        _ => WORDS.iter().position(|x| *x == w).map(|i| i as u64 + 1),
    }
}

/// The words of a dose: `3x10` is `3 x 10`, `30s` is `30 s`, `2x/day` is
/// `2 x / day`; lower-cased.
fn tokens(text: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut cur = String::new();
    let mut digits = false;
    let flush = |cur: &mut String, out: &mut Vec<String>| {
        if !cur.is_empty() {
            out.push(std::mem::take(cur));
        }
    };
    for c in text.chars().flat_map(char::to_lowercase) {
        let c = match c {
            '×' | '*' | '✕' => 'x',
            '”' | '″' => '"',
            '’' | '′' => '\'',
            c => c,
        };
        if c.is_alphanumeric() {
            if !cur.is_empty() && digits != c.is_ascii_digit() {
                flush(&mut cur, &mut out);
            }
            digits = c.is_ascii_digit();
            cur.push(c);
        } else {
            flush(&mut cur, &mut out);
            if !c.is_whitespace() && c != ',' && c != '.' {
                out.push(c.to_string());
            }
        }
    }
    flush(&mut cur, &mut out);
    out
}

/// What the dose `text` says, for key `key`: (what it is, the help).
fn in_words(key: &str, text: &str) -> Option<(String, String)> {
    let t = tokens(text);
    let words: Vec<&str> = t.iter().map(String::as_str).collect();
    if !DOSE_KEYS.contains(&key) {
        return plain(key, text, &words);
    }
    let is = |w: &str, list: &[&str]| list.contains(&w);
    const TIMES: [&str; 4] = ["x", "times", "time", "repetitions"];
    const DAY: [&str; 3] = ["day", "daily", "d"];
    const WEEK: [&str; 4] = ["week", "weekly", "wk", "w"];
    const SECONDS: [&str; 6] = ["s", "sec", "secs", "second", "seconds", "\""];
    const MINUTES: [&str; 5] = ["m", "min", "mins", "minute", "minutes"];
    const SIDE: [&str; 6] = ["side", "leg", "arm", "foot", "hand", "knee"];
    if words.is_empty() {
        return Some((
            "is empty: a count is a whole number".into(),
            format!(
                "write a number, for example `{}`, or delete the line",
                example(key)
            ),
        ));
    }
    // How often: every day, N times a day, N days a week.
    let rest: Vec<&str> = words
        .iter()
        .copied()
        .filter(|w| {
            !is(
                w,
                &["a", "an", "per", "/", "each", "every", "x", "times", "time"],
            )
        })
        .collect();
    match rest[..] {
        ["daily" | "everyday"] | ["day"] | ["once", "day" | "daily"] | ["qd"] => {
            return Some(often(key, None));
        }
        ["bid"] => return Some(often(key, Some(("per_day", 2)))),
        ["tid"] => return Some(often(key, Some(("per_day", 3)))),
        [n, d] if DAY.contains(&d) => {
            return number(n).map(|n| often(key, Some(("per_day", n))));
        }
        [n, w] | [n, "days", w] if WEEK.contains(&w) => {
            return number(n).map(|n| often(key, Some(("days_per_week", n))));
        }
        _ => {}
    }
    let n = number(words[0]);
    let two = |a: &str, an: u64, b: &str, bn: u64, what: &str| {
        Some((
            format!("{what}: `{key}` takes one number"),
            format!("write two lines instead: `{a}: {an}` and `{b}: {bn}`"),
        ))
    };
    match (n, &words[1..]) {
        // 3x10, 3 x 10 reps, 3 sets of 10, 3 sets x 10 reps.
        (Some(s), [x, m, tail @ ..])
            if (TIMES.contains(x) || is(x, &["sets", "set", "of"])) && number(m).is_some() =>
        {
            let m = number(m)?;
            if tail.first().is_some_and(|w| SECONDS.contains(w)) {
                return two(
                    "reps",
                    s,
                    "hold_seconds",
                    m,
                    "is a count and a hold together",
                );
            }
            two("sets", s, "reps", m, "is sets and reps together")
        }
        (Some(s), ["sets" | "set", "x" | "of", m, ..]) if number(m).is_some() => {
            two("sets", s, "reps", number(m)?, "is sets and reps together")
        }
        (Some(n), [s, ..]) if SECONDS.contains(s) => {
            Some(to_key(key, "hold_seconds", n, "is a time in seconds"))
        }
        (Some(n), [m, ..]) if MINUTES.contains(m) || *m == "'" => {
            if key == "hold_seconds" {
                let secs = n.saturating_mul(60);
                return Some((
                    "is a time in minutes: `hold_seconds` counts seconds".into(),
                    format!("write `hold_seconds: {secs}`"),
                ));
            }
            Some(to_key(key, "minutes", n, "is a time in minutes"))
        }
        (Some(n), ["sets" | "set", ..]) => {
            Some(to_key(key, "sets", n, "is a number with a word after it"))
        }
        (Some(n), [e, s, ..] | [_, e, s, ..])
            if is(e, &["each", "per", "every"]) && SIDE.iter().any(|x| s.starts_with(x)) =>
        {
            Some((
                format!("is a count for each side: `{key}` takes the number alone"),
                format!("write `{key}: {n}` and `side: both` (both means each side in turn)"),
            ))
        }
        (Some(n), [w, ..]) if TIMES.contains(w) || w.starts_with("rep") => {
            Some(to_key(key, key, n, "is a number with a word after it"))
        }
        (None, [m]) if words[0] == "x" && number(m).is_some() => Some(to_key(
            key,
            key,
            number(m)?,
            "is a number with a mark before it",
        )),
        (Some(n), []) if words[0].bytes().all(|b| b.is_ascii_digit()) => Some((
            "is a number in quotes, which makes it text".into(),
            format!("write it without quotes: `{key}: {n}`"),
        )),
        (Some(n), []) => Some((
            format!("is a number in words: `{key}` takes a whole number, in digits"),
            format!("write it in digits: `{key}: {n}`"),
        )),
        _ => plain(key, text, &words),
    }
}

/// `text` says how often: `per_day` and `days_per_week` say that, with
/// no key meaning once a day, every day.
fn often(key: &str, to: Option<(&str, u64)>) -> (String, String) {
    match to {
        None => (
            "says how often: a plan without `per_day` and `days_per_week` means once a day, every day".into(),
            match key {
                "per_day" => "write `per_day: 1`, or delete the line".into(),
                "days_per_week" => "write `days_per_week: 7`, or delete the line".into(),
                _ => format!(
                    "delete this line; `{key}` says {}, for example `{}`",
                    meaning(key),
                    example(key)
                ),
            },
        ),
        Some((to, n)) if to == key => (
            format!("says how often: `{key}` takes the number alone"),
            format!("write `{key}: {n}`"),
        ),
        Some((to, n)) => (
            format!(
                "says how often: that goes in `{to}`, and `{key}` says {}",
                meaning(key)
            ),
            format!("write `{to}: {n}` instead"),
        ),
    }
}

/// `n` of `to` written under `key`.
fn to_key(key: &str, to: &str, n: u64, what: &str) -> (String, String) {
    if to == key {
        return (
            format!("{what}: `{key}` takes the number alone"),
            format!("write `{key}: {n}` (the key says what it counts)"),
        );
    }
    (
        format!(
            "{what}: that goes in `{to}`, and `{key}` says {}",
            meaning(key)
        ),
        format!("write `{to}: {n}` instead"),
    )
}

/// What a dose's key counts, in words.
fn meaning(key: &str) -> &'static str {
    match key {
        "sets" => "how many sets",
        "reps" => "how many times in a row",
        "hold_seconds" => "how many seconds to hold",
        "minutes" => "how many minutes",
        "per_day" => "how many times a day",
        "days_per_week" => "how many days a week",
        _ => "a count",
    }
}

/// A range, a number with a word after it, or words with no number.
fn plain(key: &str, text: &str, words: &[&str]) -> Option<(String, String)> {
    let first = words.first().and_then(|w| number(w));
    match (first, words.get(1), words.get(2)) {
        (Some(a), Some(&("-" | "–" | "to")), Some(_)) => Some((
            format!("is a range: `{key}` takes one number"),
            format!(
                "a dose gives one number: write `{key}: {a}`, and say the range in `note:` if it matters"
            ),
        )),
        (Some(n), _, _) => Some((
            format!("is a number with words after it: `{key}` takes the number alone"),
            format!("write `{key}: {n}`, and say the rest in `note:`"),
        )),
        (None, _, _) => Some((
            format!("is not a number: `{key}` takes a whole number"),
            format!(
                "write a number, for example `{}`; if there is none (\"{}\"), delete the line and say it in `note:`",
                example(key),
                text.trim()
            ),
        )),
    }
}

#[cfg(test)]
mod tests;
