//! serde's words for a whole number that does not fit its key, in plain
//! words: `reps: 99999999999999999999` is "too large a number", not
//! "invalid type: integer `…` as u128, expected u32".

/// Rust's names for whole-number types, as serde's `expected …` prints them.
const INT_TYPES: [&str; 12] = [
    "u8", "u16", "u32", "u64", "u128", "usize", "i8", "i16", "i32", "i64", "i128", "isize",
];

/// `message` (serde's, positions stripped) said plainly when it is about a
/// whole number too large (or below zero) for its key; `None` otherwise.
pub(super) fn plain(message: &str) -> Option<String> {
    let (head, rest) = message
        .split_once("invalid type: integer `")
        .or_else(|| message.split_once("invalid value: integer `"))?;
    let (number, tail) = rest.split_once('`')?;
    let huge = tail.starts_with(" as u128") || tail.starts_with(" as i128");
    let expected = tail.split_once("expected ").map_or("", |(_, e)| e).trim();
    let rust_type = INT_TYPES.contains(&expected);
    if !huge && !rust_type {
        return None;
    }
    let expected = if rust_type {
        "a whole number"
    } else {
        expected
    };
    let what = if number.starts_with('-') {
        "is below zero"
    } else {
        "is too large a number"
    };
    Some(format!("{head}{number} {what}: expected {expected}"))
}

/// Number words a person may type for a dose (`sets: two`).
const NUMBER_WORDS: [&str; 12] = [
    "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
    "twelve",
];

/// `message` (serde's, positions stripped) and a help, said plainly when
/// it is about text where a whole number belongs and the text is one
/// written the way people write doses: with its unit (`reps: 10 reps`,
/// `hold_seconds: 30s`), as a range (`reps: 10-15`) or in words
/// (`sets: two`); `None` otherwise. The message keeps serde's
/// `expected …` tail, which the YAML layer's repair reads to step over
/// the value.
pub(super) fn in_words(message: &str) -> Option<(String, String)> {
    let (head, rest) = message.split_once("invalid type: string \"")?;
    let (text, tail) = rest.split_once('"')?;
    let expected = tail.split_once("expected ")?.1.trim();
    let whole = INT_TYPES.contains(&expected) || crate::content::count::is_count(expected);
    if !whole {
        return None;
    }
    let key = head.trim_end().trim_end_matches(':').rsplit('.').next()?;
    let lower = text.trim().to_lowercase();
    let digits: String = lower.chars().take_while(char::is_ascii_digit).collect();
    let after = lower[digits.len()..].trim_start();
    let (what, help) = if let Some(n) = NUMBER_WORDS.iter().position(|w| *w == lower) {
        (
            "is a number in words",
            format!("write it in digits: `{key}: {}`", n + 1),
        )
    } else if digits.is_empty() {
        return None;
    } else if after.starts_with(['-', '–']) || after.starts_with("to ") {
        (
            "is a range",
            format!(
                "a dose gives one number: write `{key}: {digits}`, and say the range in the instructions if it matters"
            ),
        )
    } else if after.starts_with(|c: char| c.is_alphabetic()) {
        (
            "is a number with a word after it",
            format!("write the number alone: `{key}: {digits}` (the key says what it counts)"),
        )
    } else {
        return None;
    };
    let expected = if INT_TYPES.contains(&expected) {
        "a whole number"
    } else {
        expected
    };
    Some((
        format!("{head}`{}` {what}: expected {expected}", text.trim()),
        help,
    ))
}

#[cfg(test)]
mod tests {
    use super::{in_words, plain};

    #[test]
    fn doses_written_as_people_say_them_are_told_plainly() {
        let said = |m: &str| in_words(m).map(|(m, h)| format!("{m} | {h}"));
        assert_eq!(
            said("steps[0].exercises[1].hold_seconds: invalid type: string \"30s\", expected u32")
                .as_deref(),
            Some(
                "steps[0].exercises[1].hold_seconds: `30s` is a number with a word after it: expected a whole number | write the number alone: `hold_seconds: 30` (the key says what it counts)"
            )
        );
        assert!(said("reps: invalid type: string \"10 reps\", expected a whole number, 1 or more (leave the key out if the dose has none)").is_some_and(|s| s.contains("`reps: 10`") && s.ends_with("(the key says what it counts)")));
        assert!(
            said("sets: invalid type: string \"Two\", expected u32")
                .is_some_and(|s| s.ends_with("`sets: 2`"))
        );
        assert!(
            said("reps: invalid type: string \"10-15\", expected u32")
                .is_some_and(|s| s.contains("is a range") && s.contains("`reps: 10`"))
        );
        // Text where text belongs, and words without a number, are left be.
        assert_eq!(
            said("reps: invalid type: string \"many\", expected u32"),
            None
        );
        assert_eq!(
            said("x: invalid type: string \"10s\", expected a string"),
            None
        );
    }

    #[test]
    fn numbers_too_large_are_said_plainly() {
        assert_eq!(
            plain("reps: invalid type: integer `99999999999999999999` as u128, expected a whole number, 1 or more").as_deref(),
            Some("reps: 99999999999999999999 is too large a number: expected a whole number, 1 or more")
        );
        assert_eq!(
            plain("hold_seconds: invalid value: integer `5000000000`, expected u32").as_deref(),
            Some("hold_seconds: 5000000000 is too large a number: expected a whole number")
        );
        assert_eq!(
            plain("x: invalid value: integer `-4`, expected u32").as_deref(),
            Some("x: -4 is below zero: expected a whole number")
        );
        assert_eq!(
            plain("reps: invalid type: integer `-3`, expected a whole number, 1 or more"),
            None
        );
        assert_eq!(plain("invalid type: string \"x\", expected u32"), None);
    }
}
