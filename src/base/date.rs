//! Calendar dates as they appear in plans (`YYYY-MM-DD`), "today" by the
//! clock, and the day of `SOURCE_DATE_EPOCH`.

use serde::de::{self, Deserializer, Visitor};
use serde::{Deserialize, Serialize, Serializer};
use std::fmt;

/// A calendar date, written `YYYY-MM-DD` in YAML.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date(jiff::civil::Date);

impl Date {
    /// Parse strictly `YYYY-MM-DD` (four-digit year, two-digit month and day).
    pub fn parse(s: &str) -> Option<Date> {
        let b = s.as_bytes();
        let shape_ok = b.len() == 10
            && b[4] == b'-'
            && b[7] == b'-'
            && b.iter()
                .enumerate()
                .all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit());
        if !shape_ok {
            return None;
        }
        let year: i16 = s[0..4].parse().ok()?;
        let month: i8 = s[5..7].parse().ok()?;
        let day: i8 = s[8..10].parse().ok()?;
        jiff::civil::Date::new(year, month, day).ok().map(Date)
    }

    /// From year, month, day.
    pub fn new(year: i16, month: i8, day: i8) -> Option<Date> {
        jiff::civil::Date::new(year, month, day).ok().map(Date)
    }

    /// The day of ISO 8601 week `week` (1–53) of ISO year `year`, weekday
    /// `day` (1 = Monday … 7 = Sunday): `1968-W15-2`.
    pub fn from_iso_week(year: i16, week: i8, day: i8) -> Option<Date> {
        let weekday = jiff::civil::Weekday::from_monday_one_offset(day).ok()?;
        jiff::civil::ISOWeekDate::new(year, week, weekday)
            .ok()
            .map(|w| Date(w.date()))
    }

    /// Day `n` (1–366) of `year`: the ordinal date `1968-100`.
    pub fn from_ordinal(year: i16, n: i16) -> Option<Date> {
        let first = jiff::civil::Date::new(year, 1, 1).ok()?;
        first.with().day_of_year(n).build().ok().map(Date)
    }

    /// The day `days` whole days after 1970-01-01 (before it when
    /// negative): a Unix timestamp's day at midnight UTC.
    pub fn from_unix_day(days: i64) -> Option<Date> {
        jiff::Timestamp::from_second(days.checked_mul(86_400)?)
            .ok()
            .map(Date::of)
    }

    /// Today by the real clock, in UTC, whatever `SOURCE_DATE_EPOCH` says:
    /// the day consent, scheduled publication and date warnings are judged
    /// against when no `--today` is given.
    pub fn clock_today() -> Date {
        Date::of(jiff::Timestamp::now())
    }

    /// The day (UTC) of `SOURCE_DATE_EPOCH`, when it is set to a whole
    /// number of seconds. Only for dates written into output (a feed's
    /// `updated`), so that a rebuild of the same commit is byte-identical;
    /// never for judging consent.
    pub fn source_date_epoch() -> Option<Date> {
        std::env::var("SOURCE_DATE_EPOCH")
            .ok()
            .and_then(|s| s.trim().parse::<i64>().ok())
            .and_then(|secs| jiff::Timestamp::from_second(secs).ok())
            .map(Date::of)
    }

    /// When a file was last written, as `2026-12-02 18:05 UTC`, for a
    /// person deciding whether it is today's.
    pub fn stamp(t: std::time::SystemTime) -> Option<String> {
        let ts = jiff::Timestamp::try_from(t).ok()?;
        let dt = jiff::tz::Offset::UTC.to_datetime(ts);
        Some(format!(
            "{:04}-{:02}-{:02} {:02}:{:02} UTC",
            dt.year(),
            dt.month(),
            dt.day(),
            dt.hour(),
            dt.minute()
        ))
    }

    fn of(ts: jiff::Timestamp) -> Date {
        Date(jiff::tz::Offset::UTC.to_datetime(ts).date())
    }

    /// The year.
    pub fn year(self) -> i16 {
        self.0.year()
    }

    /// Month, 1-12.
    pub fn month(self) -> i8 {
        self.0.month()
    }

    /// Day of month, 1-31.
    pub fn day(self) -> i8 {
        self.0.day()
    }

    /// Day of week, 0 = Monday … 6 = Sunday.
    pub fn weekday_index(self) -> usize {
        self.0.weekday().to_monday_zero_offset() as usize
    }

    /// Whole years from `self` to `later`: the age on `later` of someone
    /// born on `self` (0 when `later` is earlier).
    pub fn years_until(self, later: Date) -> i64 {
        let mut years = i64::from(later.year()) - i64::from(self.year());
        if (later.month(), later.day()) < (self.month(), self.day()) {
            years -= 1;
        }
        years.max(0)
    }

    /// Whole days from `self` to `later` (negative when `later` is earlier).
    pub fn days_until(self, later: Date) -> i64 {
        later
            .0
            .since(self.0)
            .map(|span| i64::from(span.get_days()))
            .unwrap_or(0)
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{:04}-{:02}-{:02}",
            self.0.year(),
            self.0.month(),
            self.0.day()
        )
    }
}

impl Serialize for Date {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

struct DateVisitor;

impl Visitor<'_> for DateVisitor {
    type Value = Date;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a date written as YYYY-MM-DD")
    }

    // A visitor (rather than `String::deserialize` then a check) keeps the
    // YAML position on the error, so the user sees file:line:column.
    fn visit_str<E: de::Error>(self, s: &str) -> Result<Date, E> {
        Date::parse(s.trim())
            .ok_or_else(|| E::custom(format!("invalid date `{s}`: expected YYYY-MM-DD")))
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Date, E> {
        Err(E::custom(format!(
            "invalid date `{v}`: expected YYYY-MM-DD"
        )))
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Date, E> {
        self.visit_u64(v.unsigned_abs())
    }
}

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Date, D::Error> {
        d.deserialize_any(DateVisitor)
    }
}

impl schemars::JsonSchema for Date {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Date".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "type": "string",
            "format": "date",
            "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$",
            "description": "A date written YYYY-MM-DD, e.g. 2026-12-03."
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_only_real_iso_dates() {
        assert_eq!(Date::parse("2026-12-03").unwrap().to_string(), "2026-12-03");
        assert!(Date::parse("2026-13-01").is_none());
        assert!(Date::parse("2026-02-30").is_none());
        assert!(Date::parse("2026-1-1").is_none());
        assert!(Date::parse("12/03/2026").is_none());
    }

    #[test]
    fn weekday_and_span() {
        // 3 December 2026 is a Thursday.
        assert_eq!(Date::parse("2026-12-03").unwrap().weekday_index(), 3);
        let a = Date::parse("2026-11-20").unwrap();
        let b = Date::parse("2027-02-15").unwrap();
        assert_eq!(a.days_until(b), 87);
        assert_eq!(b.days_until(a), -87);
    }

    #[test]
    fn age_in_whole_years() {
        let d = |s: &str| Date::parse(s).unwrap();
        assert_eq!(d("1931-03-14").years_until(d("2026-03-13")), 94);
        assert_eq!(d("1931-03-14").years_until(d("2026-03-14")), 95);
        assert_eq!(d("1932-02-29").years_until(d("2026-02-28")), 93);
        assert_eq!(d("1932-02-29").years_until(d("2026-03-01")), 94);
        assert_eq!(d("2026-03-14").years_until(d("2020-01-01")), 0);
    }
}
