//! How much of an exercise and how often ([`Dose`]), and on which side
//! ([`Side`]): written in a plan, under a library exercise's `dose:`, or
//! both (the plan's keys override the library's).

use serde::{Deserialize, Serialize};

/// How much of an exercise, how often.
#[derive(
    Debug, Clone, Default, Deserialize, Serialize, PartialEq, Eq, Hash, schemars::JsonSchema,
)]
#[serde(deny_unknown_fields)]
pub struct Dose {
    /// Sets.
    #[serde(default, deserialize_with = "crate::content::count::one_or_more")]
    #[schemars(range(min = 1))]
    pub sets: Option<u32>,
    /// Repetitions per set.
    #[serde(default, deserialize_with = "crate::content::count::one_or_more")]
    #[schemars(range(min = 1))]
    pub reps: Option<u32>,
    /// Hold, seconds.
    #[serde(default, deserialize_with = "crate::content::count::one_or_more")]
    #[schemars(range(min = 1))]
    pub hold_seconds: Option<u32>,
    /// Minutes.
    #[serde(default, deserialize_with = "crate::content::count::one_or_more")]
    #[schemars(range(min = 1))]
    pub minutes: Option<u32>,
    /// Times per day.
    #[serde(default, deserialize_with = "crate::content::count::one_or_more")]
    #[schemars(range(min = 1))]
    pub per_day: Option<u32>,
    /// Days per week.
    #[serde(default, deserialize_with = "crate::content::count::days_a_week")]
    #[schemars(range(min = 1, max = 7))]
    pub days_per_week: Option<u32>,
    /// Side.
    #[serde(default)]
    pub side: Option<Side>,
    /// Load, free text.
    #[serde(default)]
    pub load: Option<String>,
}

impl Dose {
    /// `self` with every key that `over` sets replaced by `over`'s value.
    pub fn overridden_by(&self, over: &Dose) -> Dose {
        Dose {
            sets: over.sets.or(self.sets),
            reps: over.reps.or(self.reps),
            hold_seconds: over.hold_seconds.or(self.hold_seconds),
            minutes: over.minutes.or(self.minutes),
            per_day: over.per_day.or(self.per_day),
            days_per_week: over.days_per_week.or(self.days_per_week),
            side: over.side.or(self.side),
            load: over.load.clone().or_else(|| self.load.clone()),
        }
    }

    /// Does it say how much or how often (sets, reps, a hold, minutes,
    /// times a day or days a week)? A side or a load alone ("right side",
    /// "a yellow band") does not: the patient would not know what to do.
    pub fn says_how_much(&self) -> bool {
        [
            self.sets,
            self.reps,
            self.hold_seconds,
            self.minutes,
            self.per_day,
            self.days_per_week,
        ]
        .iter()
        .any(Option::is_some)
    }
}

/// Which side of the body.
#[derive(Debug, Clone, Copy, Deserialize, Serialize, PartialEq, Eq, Hash, schemars::JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum Side {
    /// Left side.
    Left,
    /// Right side.
    Right,
    /// Each side in turn ("on each leg"): the dose is for each side.
    Both,
    /// Both limbs at once (a heel raise on both feet): one dose, done with
    /// both sides together.
    Together,
}
