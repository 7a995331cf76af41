//! `site.yaml`: the clinic's settings.

use crate::content::yaml::text;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The clinic settings from `site.yaml`. Every key but `title` is optional.
#[derive(Debug, Clone, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Site {
    /// The website's title.
    #[serde(deserialize_with = "text::text")]
    pub title: String,
    /// One sentence about the clinic, for search results and link previews.
    #[serde(deserialize_with = "text::opt_text")]
    #[serde(default)]
    pub description: Option<String>,
    /// Absolute URL the public site is served from: `https://` (or
    /// `http://`), with the path of a project site (`https://acme.github.io/clinic/`).
    #[serde(default)]
    pub base_url: Option<String>,
    /// Default language of handouts and the website (`en`, `es`).
    #[serde(default = "default_language")]
    pub language: String,
    /// Theme name (a folder under `themes/`, or an embedded theme).
    #[serde(default = "default_theme")]
    pub theme: String,
    /// Paper size handouts are laid out for.
    #[serde(default)]
    pub paper: Paper,
    /// "Tell it back" on the handout: on screen at the desk (`screen`, the
    /// default) or printed too (`print`).
    #[serde(default)]
    pub teach_back: TeachBack,
    /// The clinic itself.
    #[serde(default)]
    pub clinic: ClinicDetails,
    /// Output folders.
    #[serde(default)]
    pub output: OutputDirs,
    /// Plain-language settings.
    #[serde(default)]
    pub reading_level: ReadingLevel,
    /// Extra jargon → plain word pairs, added to the built-in list.
    #[serde(default)]
    pub plain_words: BTreeMap<String, String>,
    /// Clinic settings for built-in outcome measures, by id:
    /// `measures: { lefs: { mcid: 10 } }` overrides a published MCID.
    #[serde(default)]
    pub measures: BTreeMap<String, MeasureSettings>,
    /// Which of `heropath check`'s advice the clinic wants.
    #[serde(default)]
    pub check: CheckSettings,
    /// Ordinary words of the public pages that are also a patient's surname
    /// (Young, Day, Go): the privacy guard then lets the word alone through,
    /// never a full name. For patients without a story; a story's own
    /// `public_words` covers its patient.
    #[serde(default)]
    pub public_words: Vec<String>,
    /// What the privacy guard lets through, by kind.
    #[serde(default)]
    pub privacy: Privacy,
    /// How many of the newest stories the Atom feed carries (default 20;
    /// `0`: every story). A feed reader fetches the feed again and again:
    /// a clinic with a thousand stories would otherwise send all of them,
    /// in full, each time (about 1 MB).
    #[serde(default = "default_feed_limit")]
    pub feed_limit: usize,
    /// Hosts whose videos pages may embed with `<iframe>` (e.g.
    /// `www.youtube-nocookie.com`, `player.vimeo.com`), https only. Every
    /// visitor's browser then contacts the host: the public site loads
    /// nothing from third parties unless a host is listed here.
    #[serde(default)]
    pub embeds: Vec<String>,
    /// The home page's hero: headline, sentence, call to action, picture.
    #[serde(default)]
    pub hero: crate::content::look::Hero,
    /// Brand colour, logo and fonts of the public site.
    #[serde(default)]
    pub brand: crate::content::look::Brand,
    /// The clinic's services, shown as cards on the home page (and on any
    /// page that holds a line `[[services]]`).
    #[serde(default)]
    pub services: Vec<crate::content::look::Card>,
    /// The team, shown as cards wherever a page holds a line `[[team]]`.
    #[serde(default)]
    pub team: Vec<crate::content::look::Card>,
    /// The stop-and-call rule printed in every handout's "Remember" box,
    /// with `{phone}` for the clinic's phone: one text (in the site's
    /// language), or one per language (`{ en: ..., es: ... }`). Languages
    /// it does not cover get the theme's default rule.
    #[serde(default)]
    pub safety: Option<Safety>,
}

/// The clinic's stop-and-call rule: one text, or one per language.
#[derive(Debug, Clone, Deserialize, Serialize, schemars::JsonSchema)]
#[serde(untagged)]
pub enum Safety {
    /// One text, in the site's language.
    Text(String),
    /// A text per language code (`en`, `es`, ...).
    PerLanguage(BTreeMap<String, String>),
}

/// The Atom feed's length unless site.yaml says otherwise (WordPress and
/// Jekyll's feed carry 10 posts; a clinic adds a story a week or so, and
/// 20 keeps about five months of them).
pub const DEFAULT_FEED_LIMIT: usize = 20;

fn default_feed_limit() -> usize {
    DEFAULT_FEED_LIMIT
}

impl Site {
    /// The clinic's own stop-and-call rule for a handout in `lang`, if it
    /// wrote one for that language.
    pub fn safety_for(&self, lang: &str) -> Option<&str> {
        use crate::base::lang::same_language;
        let text = match self.safety.as_ref()? {
            Safety::Text(t) => same_language(&self.language, lang).then_some(t.as_str()),
            Safety::PerLanguage(m) => m
                .get(lang)
                .or_else(|| {
                    m.iter()
                        .find(|(k, _)| same_language(k, lang))
                        .map(|(_, v)| v)
                })
                .map(String::as_str),
        }?;
        Some(text).filter(|t| !t.trim().is_empty())
    }
}

/// Is `url` an absolute URL a site can be served from: `https://` or
/// `http://` with a host (or `file:///a/folder`, to view a build from disk)?
/// The error says what is wrong, in plain words.
pub fn check_base_url(url: &str) -> Result<(), String> {
    let u = url.trim();
    if u.is_empty() {
        return Err("the base URL is empty".into());
    }
    let Some((scheme, rest)) = u.split_once("://") else {
        return Err(format!(
            "`{u}` is not an absolute URL: it must start with https:// (or http://)"
        ));
    };
    match scheme.to_ascii_lowercase().as_str() {
        "https" | "http" => {
            let host = rest.split(['/', '?', '#']).next().unwrap_or("");
            if host.is_empty() || host.contains(char::is_whitespace) {
                Err(format!("`{u}` has no host name after `{scheme}://`"))
            } else if rest.contains(['?', '#']) {
                Err(format!(
                    "`{u}` has a query or fragment; give only the site's address"
                ))
            } else {
                Ok(())
            }
        }
        "file" if rest.starts_with('/') => Ok(()),
        _ => Err(format!(
            "`{u}` is not a web address: it must start with https:// (or http://)"
        )),
    }
}

/// The privacy guard's allowances (site.yaml `privacy:`). Each is narrow:
/// nothing here ever lets a full name through.
#[derive(Debug, Clone, Default, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Privacy {
    /// Ordinary words that are also a patient's family name (Young, Walker):
    /// allowed alone, for every patient.
    #[serde(default)]
    pub public_words: Vec<String>,
    /// Dates that are public (a clinic event) even when a patient's date is
    /// the same day.
    #[serde(default)]
    pub public_dates: Vec<crate::base::date::Date>,
    /// Phone numbers that are public besides the clinic's own.
    #[serde(default)]
    pub public_phones: Vec<String>,
    /// Public files the guard cannot read (a PDF) that a person has
    /// reviewed.
    #[serde(default)]
    pub reviewed_files: Vec<ReviewedFile>,
}

/// A public file (or a glob of them) that a person has checked.
#[derive(Debug, Clone, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ReviewedFile {
    /// Path in the public folder; `*` matches within a folder, `**` across.
    pub pattern: String,
    /// Who reviewed it and why it is safe.
    #[serde(deserialize_with = "text::text")]
    pub reason: String,
}

fn default_language() -> String {
    "en".into()
}

fn default_theme() -> String {
    "default".into()
}

/// Paper size for printed handouts.
#[derive(
    Debug, Clone, Copy, Default, Deserialize, Serialize, PartialEq, Eq, schemars::JsonSchema,
)]
#[serde(rename_all = "lowercase")]
pub enum Paper {
    /// US Letter, 8.5 × 11 in.
    #[default]
    Letter,
    /// ISO A4, 210 × 297 mm.
    A4,
}

/// Where the handout's "Tell it back" checklist (teach-back) appears.
#[derive(
    Debug, Clone, Copy, Default, Deserialize, Serialize, PartialEq, Eq, schemars::JsonSchema,
)]
#[serde(rename_all = "lowercase")]
pub enum TeachBack {
    /// On screen only: the clinician asks at the desk with the handout
    /// open, and the take-home sheet keeps to two pages.
    #[default]
    Screen,
    /// On screen and on paper, with the clinician's tick line; a long plan
    /// may then take a third page.
    Print,
}

impl Paper {
    /// The CSS `@page size` value.
    pub fn css_size(self) -> &'static str {
        match self {
            Paper::Letter => "letter",
            Paper::A4 => "A4",
        }
    }
}

// site.yaml's `clinic:` block; not the loaded clinic folder, which is
// `stages::load::Clinic`. (The doc line below is the JSON Schema's
// description, and the serde name the schema's and parse errors' name.)
/// The clinic's public details.
#[derive(Debug, Clone, Default, Deserialize, Serialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields, rename = "Clinic")]
pub struct ClinicDetails {
    /// Clinic name (defaults to the site title).
    #[serde(deserialize_with = "text::opt_text")]
    #[serde(default)]
    pub name: Option<String>,
    /// Front-desk phone number.
    #[serde(default)]
    pub phone: Option<String>,
    /// Street address.
    #[serde(deserialize_with = "text::opt_text")]
    #[serde(default)]
    pub address: Option<String>,
    /// Front-desk email.
    #[serde(default)]
    pub email: Option<String>,
    /// Opening hours, free text.
    #[serde(deserialize_with = "text::opt_text")]
    #[serde(default)]
    pub hours: Option<String>,
    /// Opening hours for search engines, in schema.org's form: one entry
    /// per span of days, e.g. `Mo-Fr 07:00-19:00`, `Sa 08:00-12:00`.
    #[serde(default)]
    pub opening_hours: Vec<String>,
    /// An online booking page (`https://`): the home page's button. Without
    /// it, the button calls the phone.
    #[serde(default)]
    pub booking_url: Option<String>,
    /// The default guide for plans that do not name one.
    #[serde(default)]
    pub clinician: Option<Clinician>,
}

/// A clinician: the patient's guide.
#[derive(Debug, Clone, Deserialize, Serialize, PartialEq, Eq, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Clinician {
    /// Full name as the clinician signs.
    #[serde(deserialize_with = "text::text")]
    pub name: String,
    /// Credentials, e.g. `PT, DPT`.
    #[serde(deserialize_with = "text::opt_text")]
    #[serde(default)]
    pub credentials: Option<String>,
}

/// Output folders, relative to the clinic root.
#[derive(Debug, Clone, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
// The shipped site.schema.json names it `Output`: kept, so the schema is
// unchanged by the rename.
#[schemars(rename = "Output")]
pub struct OutputDirs {
    /// The public website.
    #[serde(default = "default_public", deserialize_with = "public_or_default")]
    pub public: String,
    /// Private handouts: never inside `public`.
    #[serde(default = "default_handouts", deserialize_with = "handouts_or_default")]
    pub handouts: String,
}

// `public: ~` and `public:` are YAML's null, which a plain `String` field
// reads as the text "~" or "": a folder named `~` (that a later `rm -rf ~`
// would mistake for the home folder), or the clinic folder itself. Null
// means "not given": the default folder.
fn public_or_default<'de, D: serde::Deserializer<'de>>(d: D) -> Result<String, D::Error> {
    Ok(Option::<String>::deserialize(d)?.unwrap_or_else(default_public))
}

// As [`public_or_default`], for `handouts:`.
fn handouts_or_default<'de, D: serde::Deserializer<'de>>(d: D) -> Result<String, D::Error> {
    Ok(Option::<String>::deserialize(d)?.unwrap_or_else(default_handouts))
}

impl Default for OutputDirs {
    fn default() -> Self {
        OutputDirs {
            public: default_public(),
            handouts: default_handouts(),
        }
    }
}

fn default_public() -> String {
    "public".into()
}

fn default_handouts() -> String {
    "handouts".into()
}

/// Plain-language targets.
#[derive(Debug, Clone, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ReadingLevel {
    /// Highest acceptable Flesch-Kincaid grade for handout text.
    #[serde(default = "default_grade")]
    pub max_grade: f64,
}

impl Default for ReadingLevel {
    fn default() -> Self {
        ReadingLevel {
            max_grade: default_grade(),
        }
    }
}

fn default_grade() -> f64 {
    8.0
}

/// Advice of `heropath check` a clinic may turn off (`check:` in site.yaml).
#[derive(Debug, Clone, Deserialize, Serialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CheckSettings {
    /// Warn when a plan has no standard outcome measure (HP0115); `false`
    /// for a clinic that does not use them.
    #[serde(default = "yes")]
    pub standard_measure: bool,
}

impl Default for CheckSettings {
    fn default() -> Self {
        CheckSettings {
            standard_measure: true,
        }
    }
}

fn yes() -> bool {
    true
}

/// A clinic's setting for one built-in outcome measure.
#[derive(Debug, Clone, Default, Deserialize, Serialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct MeasureSettings {
    /// The change, in points, the clinic counts as clinically important
    /// (instead of the published MCID).
    #[serde(default)]
    pub mcid: Option<f64>,
}
