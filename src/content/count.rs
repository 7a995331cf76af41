//! The counts of a dose, checked as they are read: no sets, no
//! repetitions, no seconds of hold, no minutes, no times a day, or more
//! than seven days a week would print
//! a dose nobody can follow ("0 times", "every day" for `8`), so such a
//! value is refused where it is written (HP0007), as `side: up` is.

use serde::Deserializer;
use serde::de::{Error, Unexpected, Visitor};
use std::fmt;

/// What [`one_or_more`] expects, as its errors say.
pub const ONE_OR_MORE: &str = "a whole number, 1 or more (leave the key out if the dose has none)";
/// What [`days_a_week`] expects, as its errors say.
pub const DAYS_A_WEEK: &str = "a whole number of days from 1 to 7";

/// Is `expected` (what a serde error says was expected) one of a dose's
/// counts? The YAML layer then says the range as it is, and steps over the
/// value with the first one allowed (1).
pub fn is_count(expected: &str) -> bool {
    [ONE_OR_MORE, DAYS_A_WEEK].contains(&expected.trim())
}

/// `sets`, `reps`, `per_day`, `hold_seconds`, `minutes`: a count of one
/// or more ("hold for 0 seconds" is no dose).
pub fn one_or_more<'de, D: Deserializer<'de>>(d: D) -> Result<Option<u32>, D::Error> {
    d.deserialize_option(Count {
        max: u32::MAX,
        expecting: ONE_OR_MORE,
    })
}

/// `days_per_week`: one to seven.
pub fn days_a_week<'de, D: Deserializer<'de>>(d: D) -> Result<Option<u32>, D::Error> {
    d.deserialize_option(Count {
        max: 7,
        expecting: DAYS_A_WEEK,
    })
}

/// A count from 1 to `max`, or nothing. The value is judged inside the
/// visitor, while the parser is at it: the error then carries the value's
/// line and key path, as a wrong type's does.
#[derive(Clone, Copy)]
struct Count {
    max: u32,
    expecting: &'static str,
}

impl<'de> Visitor<'de> for Count {
    type Value = Option<u32>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.expecting)
    }

    fn visit_none<E: Error>(self) -> Result<Self::Value, E> {
        Ok(None)
    }

    fn visit_unit<E: Error>(self) -> Result<Self::Value, E> {
        Ok(None)
    }

    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        d.deserialize_u32(self)
    }

    fn visit_u64<E: Error>(self, v: u64) -> Result<Self::Value, E> {
        match u32::try_from(v) {
            Ok(n) if (1..=self.max).contains(&n) => Ok(Some(n)),
            _ => Err(E::invalid_value(Unexpected::Unsigned(v), &self)),
        }
    }

    fn visit_i64<E: Error>(self, v: i64) -> Result<Self::Value, E> {
        match u64::try_from(v) {
            Ok(v) => self.visit_u64(v),
            Err(_) => Err(E::invalid_type(Unexpected::Signed(v), &self)),
        }
    }
}
