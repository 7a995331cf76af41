//! site.yaml's public-site look: the home page's hero, the brand (colour,
//! logo, fonts) and the services and team shown as cards.

use crate::content::yaml::text;
use serde::{Deserialize, Serialize};

/// The home page's hero: a headline, one sentence, the call to action
/// (`clinic.booking_url`, else the phone) and an optional picture.
#[derive(Debug, Clone, Default, Deserialize, Serialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Hero {
    /// The headline (defaults to the site title).
    #[serde(deserialize_with = "text::opt_text")]
    #[serde(default)]
    pub headline: Option<String>,
    /// One sentence under it (defaults to the site description).
    #[serde(deserialize_with = "text::opt_text")]
    #[serde(default)]
    pub text: Option<String>,
    /// The button's words (defaults to "Book a visit" or "Call …").
    #[serde(deserialize_with = "text::opt_text")]
    #[serde(default)]
    pub cta: Option<String>,
    /// A picture in `content/images/` (JPEG or PNG; metadata is removed).
    #[serde(default)]
    pub image: Option<String>,
    /// What the picture shows (required with `image`).
    #[serde(deserialize_with = "text::opt_text")]
    #[serde(default)]
    pub image_alt: Option<String>,
}

/// The brand: what a non-programmer changes to make the site theirs.
#[derive(Debug, Clone, Deserialize, Serialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Brand {
    /// The brand colour as `#rrggbb` (buttons, links, the header line).
    /// It must stand out from white at 4.5:1 or more (WCAG AA).
    #[serde(default = "default_color")]
    pub color: String,
    /// A logo file in `content/images/` (SVG, PNG or JPEG).
    #[serde(default)]
    pub logo: Option<String>,
    /// The CSS font stack. System fonts by default: no font is ever
    /// fetched from another website.
    #[serde(default = "default_fonts")]
    pub fonts: String,
}

impl Default for Brand {
    fn default() -> Self {
        Brand {
            color: default_color(),
            logo: None,
            fonts: default_fonts(),
        }
    }
}

/// The default theme's teal.
pub const DEFAULT_COLOR: &str = "#0b6e69";

fn default_color() -> String {
    DEFAULT_COLOR.into()
}

fn default_fonts() -> String {
    "system-ui, -apple-system, \"Segoe UI\", Roboto, \"Noto Sans\", Arial, sans-serif".into()
}

/// A service or a team member, shown as a card.
#[derive(Debug, Clone, Deserialize, Serialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Card {
    /// Name (of the service, or the person with credentials).
    #[serde(deserialize_with = "text::text")]
    pub name: String,
    /// One line about it.
    #[serde(deserialize_with = "text::opt_text")]
    #[serde(default)]
    pub line: Option<String>,
    /// A picture in `content/images/` (JPEG or PNG; metadata is removed).
    #[serde(default)]
    pub picture: Option<String>,
    /// What the picture shows (required with `picture`).
    #[serde(deserialize_with = "text::opt_text")]
    #[serde(default)]
    pub picture_alt: Option<String>,
}

/// An sRGB colour `#rrggbb` (or `#rgb`), as 0–255 channels.
pub fn parse_color(text: &str) -> Option<[u8; 3]> {
    let hex = text.trim().strip_prefix('#')?;
    let full: String = match hex.len() {
        3 => hex.chars().flat_map(|c| [c, c]).collect(),
        6 => hex.to_string(),
        _ => return None,
    };
    let byte = |i: usize| u8::from_str_radix(full.get(i..i + 2)?, 16).ok();
    Some([byte(0)?, byte(2)?, byte(4)?])
}

/// WCAG 2 relative luminance.
fn luminance(c: [u8; 3]) -> f64 {
    let lin = |v: u8| {
        let s = f64::from(v) / 255.0;
        if s <= 0.039_28 {
            s / 12.92
        } else {
            ((s + 0.055) / 1.055).powf(2.4)
        }
    };
    0.2126 * lin(c[0]) + 0.7152 * lin(c[1]) + 0.0722 * lin(c[2])
}

/// WCAG 2 contrast ratio of two colours (1 to 21).
pub fn contrast(a: [u8; 3], b: [u8; 3]) -> f64 {
    let (x, y) = (luminance(a), luminance(b));
    let (hi, lo) = if x > y { (x, y) } else { (y, x) };
    (hi + 0.05) / (lo + 0.05)
}

/// A font stack that names only fonts (letters, digits, spaces, hyphens,
/// commas and quotes): nothing that could close the CSS rule or load a
/// file.
pub fn fonts_ok(stack: &str) -> bool {
    !stack.trim().is_empty()
        && stack
            .chars()
            .all(|c| c.is_alphanumeric() || " -_,\"'".contains(c))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn contrast_matches_wcag_examples() {
        let white = [255, 255, 255];
        assert!((contrast([0, 0, 0], white) - 21.0).abs() < 1e-9);
        // #767676 on white is the classic 4.54:1.
        let grey = parse_color("#767676").unwrap();
        assert!((contrast(grey, white) - 4.54).abs() < 0.01);
        assert!(contrast(parse_color("#7ad").unwrap(), white) < 4.5);
    }

    #[test]
    fn colours_and_fonts_are_checked() {
        assert_eq!(parse_color("#0B6E69"), Some([11, 110, 105]));
        assert_eq!(parse_color("0b6e69"), None);
        assert_eq!(parse_color("#0b6e6"), None);
        assert_eq!(parse_color("red"), None);
        assert!(fonts_ok(DEFAULT_COLOR.trim_start_matches('#')));
        assert!(fonts_ok("Georgia, \"Times New Roman\", serif"));
        assert!(!fonts_ok("x} body{background:url(//evil.test/a)"));
        assert!(!fonts_ok("  "));
    }
}
