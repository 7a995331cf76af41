//! String tables: every fixed phrase of a theme, per language.

use crate::base::cldr::Rules;
use crate::base::date::Date;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::sync::Arc;

/// One entry of a string table: a phrase or a list (months, weekdays).
#[derive(Debug, Clone, Deserialize, Serialize, PartialEq)]
#[serde(untagged)]
pub enum Entry {
    /// A phrase.
    Text(String),
    /// A list of phrases.
    List(Vec<String>),
    /// A yes/no setting (`reviewed: false`).
    Flag(bool),
}

/// A raw table as read from `i18n/<lang>.yaml`.
pub type Table = BTreeMap<String, Entry>;

/// The string table of one language, with English filled in underneath.
#[derive(Debug, Clone, Serialize)]
#[serde(transparent)]
pub struct Strings {
    entries: Table,
    /// The language's CLDR rules (plural categories, long dates), built
    /// once per language per build and shared by every handout.
    #[serde(skip)]
    rules: Option<Arc<Rules>>,
}

/// A table's own date override: `date_format` with `months` and
/// `weekdays` lists. Without it, dates come from CLDR.
const DATE_KEYS: [&str; 3] = ["date_format", "months", "weekdays"];

/// Older names of a counted phrase's "one" form, still read.
const LEGACY_ONE: [(&str, &str); 2] = [("days_n", "days_one"), ("log_any_days", "log_any_day_one")];

impl Strings {
    /// Merge `lang` over `fallback` (English). Returns the merged table and
    /// the keys that had to fall back, so the caller can warn.
    pub fn merged(lang: Option<&Table>, fallback: &Table) -> (Strings, Vec<String>) {
        let Some(lang) = lang else {
            return (
                Strings {
                    entries: fallback.clone(),
                    rules: None,
                },
                Vec::new(),
            );
        };
        let mut entries = fallback.clone();
        // A date override is the language's own or none: another
        // language's month names must not leak in.
        if !lang.contains_key("date_format") {
            for k in DATE_KEYS {
                entries.remove(k);
            }
        }
        let missing = fallback
            .keys()
            .filter(|k| !lang.contains_key(*k) && !DATE_KEYS.contains(&k.as_str()))
            .cloned()
            .collect();
        entries.extend(lang.iter().map(|(k, v)| (k.clone(), v.clone())));
        (
            Strings {
                entries,
                rules: None,
            },
            missing,
        )
    }

    /// The table with the CLDR rules of `lang` (built here: call once per
    /// language per build).
    pub fn in_language(mut self, lang: &str) -> Strings {
        self.rules = Some(Arc::new(Rules::new(lang)));
        self
    }

    /// The CLDR plural category of `n` in this table's language ("one",
    /// "two", "few", "many", "zero", "other"); English's when the table
    /// has no language.
    pub fn category(&self, n: u64) -> &'static str {
        match &self.rules {
            Some(r) => r.category(n),
            None if n == 1 => "one",
            None => "other",
        }
    }

    /// A counted phrase: `<key>_<category>` for the CLDR plural category
    /// of `n` in this language when the table has it, else `<key>` (the
    /// "other" form), with `{n}` and `args` filled in.
    pub fn count(&self, key: &str, n: u64, args: &[(&str, &str)]) -> String {
        let cat = self.category(n);
        let form = format!("{key}_{cat}");
        let legacy = LEGACY_ONE
            .iter()
            .find(|(k, _)| *k == key && cat == "one")
            .map(|(_, old)| *old);
        let template = [Some(form.as_str()), legacy]
            .into_iter()
            .flatten()
            .find_map(|k| match self.entries.get(k) {
                Some(Entry::Text(s)) => Some(s.as_str()),
                _ => None,
            })
            .unwrap_or_else(|| self.get(key));
        let n = n.to_string();
        let mut all = vec![("n", n.as_str())];
        all.extend_from_slice(args);
        fill(template, &all)
    }

    /// A phrase, or the key itself when no table has it (never panics).
    pub fn get<'a>(&'a self, key: &'a str) -> &'a str {
        match self.entries.get(key) {
            Some(Entry::Text(s)) => s,
            _ => key,
        }
    }

    /// The table with its writing direction set (`rtl`, `ltr`): the
    /// language's, when the phrases are another's (see
    /// [`crate::base::lang::dir`]).
    pub fn with_dir(mut self, dir: &str) -> Strings {
        self.entries
            .insert("dir".to_string(), Entry::Text(dir.to_string()));
        self
    }

    /// The writing direction of the language: `rtl` when the table says
    /// `dir: rtl` (Arabic, Hebrew, Persian, Urdu), else `ltr`.
    pub fn dir(&self) -> &'static str {
        match self.entries.get("dir") {
            Some(Entry::Text(d)) if d.trim().eq_ignore_ascii_case("rtl") => "rtl",
            _ => "ltr",
        }
    }

    /// Has a native speaker reviewed this table? A table says `reviewed:
    /// false` until one has; a table that does not say is taken as
    /// reviewed.
    pub fn reviewed(&self) -> bool {
        !matches!(self.entries.get("reviewed"), Some(Entry::Flag(false)))
    }

    /// A whole list (months, weekdays), if the table has one under `key`.
    pub fn list_all(&self, key: &str) -> Option<&[String]> {
        match self.entries.get(key) {
            Some(Entry::List(v)) => Some(v),
            _ => None,
        }
    }

    fn list(&self, key: &str, i: usize) -> &str {
        match self.entries.get(key) {
            Some(Entry::List(v)) => v.get(i).map_or("", String::as_str),
            _ => "",
        }
    }

    /// A phrase with `{name}` placeholders filled in.
    pub fn fmt(&self, key: &str, args: &[(&str, &str)]) -> String {
        fill(self.get(key), args)
    }

    /// The 7 short weekday names, Monday first.
    pub fn weekdays_short(&self) -> Vec<String> {
        (0..7)
            .map(|i| self.list("weekdays_short", i).to_string())
            .collect()
    }

    /// A date written out in this language ("Thursday, December 3, 2026"):
    /// CLDR's long date with the weekday, or the table's own
    /// `date_format` (with `months` and `weekdays`) when it has one.
    pub fn date(&self, d: Date) -> String {
        if !self.entries.contains_key("date_format") {
            return match &self.rules {
                Some(r) => r.long_date(d),
                None => Rules::new("en").long_date(d),
            };
        }
        let day = d.day().to_string();
        let year = d.year().to_string();
        self.fmt(
            "date_format",
            &[
                ("weekday", self.list("weekdays", d.weekday_index())),
                ("month", self.list("months", (d.month() - 1) as usize)),
                ("day", &day),
                ("year", &year),
            ],
        )
    }
}

/// Replace `{key}` placeholders.
pub fn fill(template: &str, args: &[(&str, &str)]) -> String {
    let mut out = template.to_string();
    for (k, v) in args {
        out = out.replace(&format!("{{{k}}}"), v);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn table(pairs: &[(&str, Entry)]) -> Table {
        pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.clone()))
            .collect()
    }

    fn list(items: &str) -> Entry {
        Entry::List(items.split(',').map(str::to_string).collect())
    }

    #[test]
    fn spanish_dates_and_english_fallback() {
        let en = table(&[
            (
                "date_format",
                Entry::Text("{weekday}, {month} {day}, {year}".into()),
            ),
            (
                "months",
                list(
                    "January,February,March,April,May,June,July,August,September,October,November,December",
                ),
            ),
            (
                "weekdays",
                list("Monday,Tuesday,Wednesday,Thursday,Friday,Saturday,Sunday"),
            ),
            ("hello", Entry::Text("Hello".into())),
        ]);
        let es = table(&[
            (
                "date_format",
                Entry::Text("{weekday}, {day} de {month} de {year}".into()),
            ),
            (
                "months",
                list(
                    "enero,febrero,marzo,abril,mayo,junio,julio,agosto,septiembre,octubre,noviembre,diciembre",
                ),
            ),
            (
                "weekdays",
                list("lunes,martes,miércoles,jueves,viernes,sábado,domingo"),
            ),
        ]);
        let d = Date::parse("2026-12-03").unwrap();
        let (en_s, none) = Strings::merged(None, &en);
        assert_eq!(en_s.date(d), "Thursday, December 3, 2026");
        assert!(none.is_empty());
        let (es_s, missing) = Strings::merged(Some(&es), &en);
        assert_eq!(es_s.date(d), "jueves, 3 de diciembre de 2026");
        assert_eq!(missing, vec!["hello".to_string()]);
        assert_eq!(es_s.get("hello"), "Hello");
    }
}
