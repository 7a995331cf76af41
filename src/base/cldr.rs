//! The one home of CLDR data (ICU4X with compiled data): plural categories,
//! long dates and month names, for any language by its code. Handouts take
//! their counted phrases and dates from here, the privacy guard its month
//! names; adding a language needs no Rust and no hand-written lists.
//!
//! Everything here is deterministic: the data is compiled into the binary,
//! nothing depends on the machine's locale or clock.

use crate::base::date::Date;
use crate::base::memo::Memo;
use icu_calendar::{Date as IcuDate, Gregorian};
use icu_datetime::FixedCalendarDateTimeFormatter;
use icu_datetime::fieldsets::YMDE;
use icu_datetime::fieldsets::enums::DateFieldSet;
use icu_datetime::pattern::{DateTimePattern, FixedCalendarDateTimeNames, MonthNameLength};
use icu_locale_core::Locale;
use icu_plurals::{PluralCategory, PluralRules};
use std::sync::LazyLock;
use writeable::TryWriteable;

/// The languages whose month names the privacy guard always knows, besides
/// those of the theme's tables: the most common languages of US patients
/// with limited English and of Europe. `fil` is Tagalog.
pub const GUARD_LANGUAGES: [&str; 29] = [
    "en", "es", "fr", "de", "pt", "it", "nl", "fil", "ar", "zh", "vi", "ko", "ru", "pl", "ht",
    "fi", "tr", "uk", "sv", "da", "nb", "cs", "hu", "ro", "el", "hi", "bn", "ur", "fa",
];

/// The CLDR locale of a table's language code, written out with Latin
/// digits so dates read like every other number on the handout (and the
/// privacy guard reads them). `tl` (Tagalog) is CLDR's `fil`. `None` when
/// the code is not a language tag.
pub fn locale(lang: &str) -> Option<Locale> {
    let lang = super::lang::canonical(lang);
    // The language subtag only: `tl-PH` is `fil-PH`.
    let (primary, rest) = lang.split_once('-').unwrap_or((&lang, ""));
    let primary = match primary {
        "tl" => "fil",
        "iw" => "he",
        "in" => "id",
        other => other,
    };
    let sep = if rest.is_empty() { "" } else { "-" };
    format!("{primary}{sep}{rest}-u-nu-latn").parse().ok()
}

/// The CLDR plural category names, in the order a table's keys use them.
pub fn category_name(c: PluralCategory) -> &'static str {
    match c {
        PluralCategory::Zero => "zero",
        PluralCategory::One => "one",
        PluralCategory::Two => "two",
        PluralCategory::Few => "few",
        PluralCategory::Many => "many",
        PluralCategory::Other => "other",
    }
}

/// A language's CLDR rules, built once per language per build: cardinal
/// plural categories and the long date format.
pub struct Rules {
    cardinal: Option<PluralRules>,
    date: Option<FixedCalendarDateTimeFormatter<Gregorian, YMDE>>,
    /// Dates already written: a clinic's plans share a few hundred dates
    /// (agreed this month, visits next month) and formatting one with ICU
    /// took ~4,000 instructions, three times per handout.
    written: Memo<Date, String>,
}

impl std::fmt::Debug for Rules {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Rules")
            .field("cardinal", &self.cardinal.is_some())
            .field("date", &self.date.is_some())
            .finish()
    }
}

impl Rules {
    /// The rules of `lang`; a language CLDR does not know gets the root
    /// locale's (every number "other", ISO-like dates).
    pub fn new(lang: &str) -> Rules {
        let loc = locale(lang).unwrap_or(Locale::UNKNOWN);
        let date = FixedCalendarDateTimeFormatter::try_new((&loc).into(), YMDE::long()).ok();
        // A language CLDR has no dates for falls back to the root locale
        // ("2026 M11 20, Fri"): write ISO dates instead.
        let root = FixedCalendarDateTimeFormatter::<Gregorian, YMDE>::try_new(
            (&Locale::UNKNOWN).into(),
            YMDE::long(),
        )
        .ok();
        let probe = IcuDate::try_new_gregorian(2026, 11, 20).ok();
        let same_as_root = match (&date, &root, &probe) {
            (Some(a), Some(b), Some(p)) => a.format(p).to_string() == b.format(p).to_string(),
            _ => true,
        };
        Rules {
            cardinal: PluralRules::try_new_cardinal((&loc).into()).ok(),
            date: date.filter(|_| !same_as_root),
            written: Memo::default(),
        }
    }

    /// The CLDR plural category of `n` ("one", "two", "few", "many",
    /// "zero" or "other").
    pub fn category(&self, n: u64) -> &'static str {
        self.cardinal
            .as_ref()
            .map_or("other", |r| category_name(r.category_for(n)))
    }

    /// A date written out in full, weekday included ("Thursday, December
    /// 3, 2026"; "jueves, 3 de diciembre de 2026").
    pub fn long_date(&self, d: Date) -> String {
        self.written.get_or_make(&d, || self.write_long_date(d))
    }

    /// [`Rules::long_date`], written afresh.
    fn write_long_date(&self, d: Date) -> String {
        let iso = || format!("{:04}-{:02}-{:02}", d.year(), d.month(), d.day());
        let Some(fmt) = &self.date else { return iso() };
        match IcuDate::try_new_gregorian(i32::from(d.year()), d.month() as u8, d.day() as u8) {
            Ok(date) => fmt.format(&date).to_string(),
            Err(_) => iso(),
        }
    }
}

/// The month names of one language, January first, in every CLDR form a
/// date is written with.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct MonthNames {
    /// Wide names, format (genitive where the language has one: "января")
    /// and standalone ("январь").
    pub full: Vec<[String; 12]>,
    /// Abbreviated names, format and standalone ("Sep", "sept.", "мар.").
    pub short: Vec<[String; 12]>,
}

/// The month names of `lang` from CLDR (empty when CLDR has none beyond
/// the root locale's "M01"…). Looked up once per language per process:
/// every later guard (watch mode rebuilds it) reuses them.
pub fn month_names(lang: &str) -> MonthNames {
    static CACHE: LazyLock<Memo<String, MonthNames>> = LazyLock::new(Memo::default);
    CACHE.get_or_make(lang, || month_names_uncached(lang))
}

fn month_names_uncached(lang: &str) -> MonthNames {
    let mut out = MonthNames::default();
    let Some(loc) = locale(lang) else { return out };
    let forms = [
        (MonthNameLength::Wide, "MMMM", true),
        (MonthNameLength::StandaloneWide, "LLLL", true),
        (MonthNameLength::Abbreviated, "MMM", false),
        (MonthNameLength::StandaloneAbbreviated, "LLL", false),
    ];
    for (length, pattern, full) in forms {
        let Some(names) = names_of(&loc, length, pattern) else {
            continue;
        };
        // The root locale's placeholders ("M01") are no names.
        if names.iter().any(|n| n.chars().any(|c| c.is_ascii_digit())) {
            continue;
        }
        let list = if full { &mut out.full } else { &mut out.short };
        if !list.contains(&names) {
            list.push(names);
        }
    }
    out
}

fn names_of(loc: &Locale, length: MonthNameLength, pattern: &str) -> Option<[String; 12]> {
    let mut names =
        FixedCalendarDateTimeNames::<Gregorian, DateFieldSet>::try_new(loc.into()).ok()?;
    names.include_month_names(length).ok()?;
    let pattern: DateTimePattern = pattern.parse().ok()?;
    let mut out: [String; 12] = Default::default();
    for (i, slot) in out.iter_mut().enumerate() {
        let date = IcuDate::try_new_gregorian(2026, i as u8 + 1, 1).ok()?;
        *slot = names
            .with_pattern_unchecked(&pattern)
            .format(&date)
            .try_write_to_string()
            .ok()?
            .into_owned();
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plural_categories_follow_cldr() {
        let en = Rules::new("en");
        assert_eq!(en.category(1), "one");
        assert_eq!(en.category(0), "other");
        assert_eq!(en.category(2), "other");
        let es = Rules::new("es");
        assert_eq!(es.category(1), "one");
        assert_eq!(es.category(5), "other");
        let ar = Rules::new("ar");
        let cats: Vec<_> = [0, 1, 2, 3, 10, 11, 99, 100, 102, 103, 111]
            .iter()
            .map(|n| ar.category(*n))
            .collect();
        assert_eq!(
            cats,
            [
                "zero", "one", "two", "few", "few", "many", "many", "other", "other", "few", "many"
            ]
        );
        // Russian "one" holds 21 too; Chinese has no plural forms.
        assert_eq!(Rules::new("ru").category(21), "one");
        assert_eq!(Rules::new("zh").category(1), "other");
        // A code CLDR does not know: every number is "other".
        assert_eq!(Rules::new("x-klingon").category(1), "other");
    }

    #[test]
    fn long_dates_in_each_language() {
        let d = Date::parse("2026-12-03").unwrap();
        assert_eq!(Rules::new("en").long_date(d), "Thursday, December 3, 2026");
        assert_eq!(
            Rules::new("es").long_date(d),
            "jueves, 3 de diciembre de 2026"
        );
        for lang in ["zh", "vi", "ar", "fr", "ko", "tl", "tl-PH", "ru"] {
            let s = Rules::new(lang).long_date(d);
            assert!(s.contains("2026") && s.contains('3'), "{lang}: {s}");
            assert!(!s.contains("M12"), "{lang}: root locale's date {s}");
        }
        // No CLDR dates for the language: an ISO date, not the root's.
        assert_eq!(Rules::new("ht").long_date(d), "2026-12-03");
        assert_eq!(Rules::new("x-klingon").long_date(d), "2026-12-03");
    }

    #[test]
    fn month_names_in_every_form() {
        let en = month_names("en");
        assert_eq!(en.full[0][8], "September");
        assert!(en.short.iter().any(|l| l[8] == "Sep"));
        let ru = month_names("ru");
        assert!(ru.full.iter().any(|l| l[0] == "января"));
        assert!(ru.full.iter().any(|l| l[0] == "январь"));
        assert_eq!(month_names("tl").full[0][5], "Hunyo");
        assert_eq!(month_names("tl-PH").full[0][5], "Hunyo");
        for lang in GUARD_LANGUAGES {
            let m = month_names(lang);
            println!("{lang}: {:?} {:?}", m.full, m.short);
        }
    }
}
