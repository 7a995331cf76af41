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

#[cfg(test)]
mod tests {
    use super::plain;

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
