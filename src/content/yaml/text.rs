//! Human text in a YAML file: the one rule for the fields a person reads
//! (a name, a goal, a title, instructions).
//!
//! YAML reads a bare `false`, `12` or `null` as a yes/no value, a number
//! or nothing, not as text, and `serde_yaml` would quietly turn it into
//! the text `false` a patient then reads. A text field marked with these
//! functions (`#[serde(deserialize_with = "…")]`) takes text only: a
//! boolean or a number is a wrong-type error at its line and column
//! (HP0004, help: put it in quotes if you mean the text); nothing (`~`,
//! `null`, an empty value) is the empty text, which the checks that need
//! words report (HP0108), or no value for an optional field.

use serde::de::{self, Deserialize, Deserializer, Unexpected, Visitor};
use std::fmt;

/// What a text field expects, as serde's messages print it (`…, expected
/// text`); [`super::classify`] recognises it by [`is_text`].
const EXPECTED: &str = "text";

/// Does serde's `expected …` part name a text field of this module?
pub(super) fn is_text(expected: &str) -> bool {
    expected.trim() == EXPECTED
}

/// One text value: a string, or nothing (empty). A boolean or a number is
/// an error.
struct Text(String);

impl<'de> Deserialize<'de> for Text {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(TextVisitor).map(Text)
    }
}

struct TextVisitor;

impl<'de> Visitor<'de> for TextVisitor {
    type Value = String;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(EXPECTED)
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<String, E> {
        Ok(v.to_string())
    }

    fn visit_string<E: de::Error>(self, v: String) -> Result<String, E> {
        Ok(v)
    }

    fn visit_unit<E: de::Error>(self) -> Result<String, E> {
        Ok(String::new())
    }

    fn visit_none<E: de::Error>(self) -> Result<String, E> {
        Ok(String::new())
    }

    fn visit_bool<E: de::Error>(self, v: bool) -> Result<String, E> {
        Err(E::invalid_type(Unexpected::Bool(v), &self))
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<String, E> {
        Err(E::invalid_type(Unexpected::Signed(v), &self))
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<String, E> {
        Err(E::invalid_type(Unexpected::Unsigned(v), &self))
    }

    fn visit_f64<E: de::Error>(self, v: f64) -> Result<String, E> {
        Err(E::invalid_type(Unexpected::Float(v), &self))
    }
}

/// A required text field (`name: Maria Lopez`).
pub fn text<'de, D: Deserializer<'de>>(d: D) -> Result<String, D::Error> {
    Text::deserialize(d).map(|t| t.0)
}

/// An optional text field (`pronouns: she/her`); nothing is `None`.
pub fn opt_text<'de, D: Deserializer<'de>>(d: D) -> Result<Option<String>, D::Error> {
    Ok(Option::<Text>::deserialize(d)?.map(|t| t.0))
}

/// A list of texts (`cues: [Keep your back straight]`).
pub fn texts<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<String>, D::Error> {
    Ok(Vec::<Text>::deserialize(d)?
        .into_iter()
        .map(|t| t.0)
        .collect())
}

/// An optional list of texts; nothing is `None`.
pub fn opt_texts<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Vec<String>>, D::Error> {
    Ok(Option::<Vec<Text>>::deserialize(d)?.map(|v| v.into_iter().map(|t| t.0).collect()))
}

/// The help for a text field given a boolean, a number or a date: quote
/// it, as `raw` would be written (`statement: "false"`).
pub(super) fn help(raw: Option<&str>) -> String {
    match raw {
        Some(r) => format!("put it in quotes if you mean the text: `\"{r}\"`"),
        None => "put it in quotes if you mean the text".to_string(),
    }
}

#[cfg(test)]
mod tests {
    use serde::Deserialize;

    #[derive(Deserialize, Debug)]
    #[allow(dead_code)]
    struct T {
        #[serde(default, deserialize_with = "super::text")]
        a: String,
        #[serde(default, deserialize_with = "super::opt_text")]
        b: Option<String>,
        #[serde(default, deserialize_with = "super::texts")]
        c: Vec<String>,
    }

    fn read(src: &str) -> Result<T, String> {
        serde_yaml::from_str::<T>(src).map_err(|e| e.to_string())
    }

    #[test]
    fn text_is_text_and_quoted_words_are_text() {
        let t = read("a: Lift my granddaughter\nb: \"false\"\nc: [\"12\", Sit tall]\n").unwrap();
        assert_eq!(t.a, "Lift my granddaughter");
        assert_eq!(t.b.as_deref(), Some("false"));
        assert_eq!(t.c, ["12", "Sit tall"]);
        let t = read("a:\nb: ~\n").unwrap();
        assert_eq!((t.a.as_str(), t.b), ("", None));
    }

    #[test]
    fn booleans_and_numbers_are_wrong_types_at_their_place() {
        for (src, at) in [
            ("a: false\n", "line 1 column 4"),
            ("a: x\nb: 12\n", "line 2 column 4"),
            ("c:\n  - ok\n  - 1.5\n", "line 3 column 5"),
            ("c: [ok, true]\n", "line 1 column 9"),
        ] {
            let e = read(src).unwrap_err();
            assert!(e.contains("expected text"), "{src:?}: {e}");
            assert!(e.contains(at), "{src:?}: {e}");
        }
    }
}
