//! What the public site's templates receive as `look`: the home page's
//! hero and its call to action, the brand (logo, colour, fonts, as a small
//! stylesheet), the services and team cards, and the JSON-LD of the
//! clinic and of stories.

use super::picture::{Picture, Pictures};
use super::site::SiteView;
use super::story::{Published, Story, StoryOrigin};
use crate::content::look::{Card, DEFAULT_COLOR, contrast, fonts_ok, parse_color};
use crate::stages::load::Clinic;
use crate::stages::theme::i18n::Strings;
use serde::Serialize;
use std::collections::BTreeSet;

/// The public site's look.
#[derive(Debug, Clone, Serialize)]
pub struct Look {
    /// The home page's hero.
    pub hero: Hero,
    /// The logo, when site.yaml names one.
    pub logo: Option<Picture>,
    /// Services, as cards.
    pub services: Vec<CardView>,
    /// The team, as cards.
    pub team: Vec<CardView>,
    /// The clinic's JSON-LD, safe inside `<script>`.
    pub clinic_json_ld: String,
    /// The brand's colour and fonts as CSS variables, appended to the
    /// theme's `style.css` (or written as `brand.css` without one).
    #[serde(skip)]
    pub css: String,
}

/// The home page's hero.
#[derive(Debug, Clone, Serialize)]
pub struct Hero {
    /// Headline.
    pub headline: String,
    /// One sentence.
    pub text: Option<String>,
    /// The call to action's words.
    pub cta_label: String,
    /// Where it goes: the booking page, or `tel:` the phone.
    pub cta_url: Option<String>,
    /// The picture.
    pub image: Option<Picture>,
}

/// A service or team member as a card.
#[derive(Debug, Clone, Serialize)]
pub struct CardView {
    /// Name.
    pub name: String,
    /// One line.
    pub line: Option<String>,
    /// Picture.
    pub picture: Option<Picture>,
}

/// The `tel:` URL of a phone number written for people: digits and a
/// leading `+` kept.
pub fn tel_url(phone: &str) -> Option<String> {
    let mut out = String::from("tel:");
    for (i, c) in phone.trim().chars().enumerate() {
        if c.is_ascii_digit() || (c == '+' && i == 0) {
            out.push(c);
        }
    }
    (out.len() > 5).then_some(out)
}

/// The pictures of `content/images/` the public site shows: the hero, the
/// logo, cards and the photos of published stories whose consent covers
/// them. Nothing else there is published.
pub fn picture_names(clinic: &Clinic, stories: &[Published]) -> BTreeSet<String> {
    let site = &clinic.site;
    let mut names = BTreeSet::new();
    names.extend(site.hero.image.clone());
    names.extend(site.brand.logo.clone());
    for c in site.services.iter().chain(&site.team) {
        names.extend(c.picture.clone());
    }
    names.extend(
        stories
            .iter()
            .filter_map(|p| story_photo(clinic, p))
            .map(|(f, _)| f.to_string()),
    );
    names
}

/// A published story's consented photo: (file, alt).
fn story_photo<'a>(clinic: &'a Clinic, p: &Published) -> Option<(&'a str, &'a str)> {
    let StoryOrigin::Plan(i) = p.from else {
        return None;
    };
    let photo = clinic
        .plans
        .get(i)?
        .value
        .story
        .as_ref()?
        .consented_photo()?;
    Some((photo.file.as_str(), photo.alt.as_str()))
}

/// Give published stories their consented photos (and their share image).
pub fn attach_photos(
    clinic: &Clinic,
    stories: &mut [Published],
    pictures: &Pictures,
    site: &SiteView,
) {
    for p in stories.iter_mut() {
        let photo = story_photo(clinic, p).and_then(|(f, alt)| pictures.get(f, alt));
        if let Some(pic) = &photo {
            p.story.og_image = absolute(site, &pic.src);
        }
        p.story.photo = photo;
    }
}

/// An absolute URL of a root-relative one.
fn absolute(site: &SiteView, root_relative: &str) -> String {
    let rel = root_relative
        .strip_prefix(site.base_path.as_str())
        .unwrap_or(root_relative.trim_start_matches('/'));
    site.permalink(rel)
}

/// The look of the site.
pub fn look(clinic: &Clinic, site: &SiteView, t: &Strings, pictures: &Pictures) -> Look {
    let s = &clinic.site;
    let card = |c: &Card| CardView {
        name: c.name.clone(),
        line: c.line.clone(),
        picture: c
            .picture
            .as_deref()
            .and_then(|f| pictures.get(f, c.picture_alt.as_deref().unwrap_or(""))),
    };
    let booking = s.clinic.booking_url.clone().filter(|u| {
        let u = u.trim().to_ascii_lowercase();
        u.starts_with("https://") || u.starts_with("http://")
    });
    let phone = s.clinic.phone.as_deref().and_then(tel_url);
    let cta_label = match (&s.hero.cta, &booking, &s.clinic.phone) {
        (Some(label), _, _) => label.clone(),
        (None, Some(_), _) => t.get("cta_book").to_string(),
        (None, None, Some(p)) => t.get("cta_call").replace("{phone}", p),
        _ => String::new(),
    };
    Look {
        hero: Hero {
            headline: s.hero.headline.clone().unwrap_or_else(|| s.title.clone()),
            text: s.hero.text.clone().or_else(|| s.description.clone()),
            cta_label,
            cta_url: booking.or(phone),
            image: s
                .hero
                .image
                .as_deref()
                .and_then(|f| pictures.get(f, s.hero.image_alt.as_deref().unwrap_or(""))),
        },
        logo: s.brand.logo.as_deref().and_then(|f| pictures.get(f, "")),
        services: s.services.iter().map(card).collect(),
        team: s.team.iter().map(card).collect(),
        clinic_json_ld: clinic_json_ld(clinic, site),
        css: brand_css(clinic),
    }
}

/// The brand's CSS: the brand colour (a darker shade for hover) and the font
/// stack. Values that are not a colour or a plain font list are left out
/// (`check` reports them), so nothing from site.yaml can escape the rule.
fn brand_css(clinic: &Clinic) -> String {
    let b = &clinic.site.brand;
    let color = parse_color(&b.color)
        .or_else(|| parse_color(DEFAULT_COLOR))
        .unwrap_or([11, 110, 105]);
    let hex = |c: [u8; 3]| format!("#{:02x}{:02x}{:02x}", c[0], c[1], c[2]);
    let dark = color.map(|v| (u16::from(v) * 7 / 10) as u8);
    let white = [255, 255, 255];
    // Text on the brand colour: white when it reads better, else near black.
    let on = if contrast(color, white) >= contrast(color, [31, 36, 33]) {
        "#ffffff"
    } else {
        "#1f2421"
    };
    let mut css = format!(
        "/* From site.yaml `brand:`. */\n:root {{\n  --brand: {};\n  --brand-dark: {};\n  --on-brand: {on};\n  --link: {};\n  --link-hover: {};\n",
        hex(color),
        hex(dark),
        hex(color),
        hex(dark),
    );
    if fonts_ok(&b.fonts) {
        css.push_str(&format!("  --font: {};\n", b.fonts.trim()));
    }
    css.push_str("}\n");
    css
}

/// JSON text safe inside `<script>`: `<`, `>` and `&` escaped as JSON
/// `\u` escapes (so neither `</script>` nor `<!--` can appear), and the
/// line separators JavaScript once refused.
pub fn script_json(value: &serde_json::Value) -> String {
    let text = serde_json::to_string(value).unwrap_or_else(|_| "{}".into());
    text.replace('<', "\\u003c")
        .replace('>', "\\u003e")
        .replace('&', "\\u0026")
        .replace('\u{2028}', "\\u2028")
        .replace('\u{2029}', "\\u2029")
}

/// schema.org `Physiotherapy` (a `MedicalClinic`) for the home page.
fn clinic_json_ld(clinic: &Clinic, site: &SiteView) -> String {
    use serde_json::{Map, Value, json};
    let c = &clinic.site.clinic;
    let mut m = Map::new();
    m.insert("@context".into(), json!("https://schema.org"));
    m.insert("@type".into(), json!(["Physiotherapy", "MedicalClinic"]));
    m.insert("name".into(), json!(site.clinic.name));
    m.insert("url".into(), json!(site.permalink("")));
    if let Some(d) = &site.description {
        m.insert("description".into(), json!(d));
    }
    if let Some(p) = &c.phone {
        m.insert("telephone".into(), json!(p));
    }
    if let Some(e) = &c.email {
        m.insert("email".into(), json!(e));
    }
    if let Some(a) = &c.address {
        m.insert(
            "address".into(),
            json!({"@type": "PostalAddress", "streetAddress": a}),
        );
    }
    if !c.opening_hours.is_empty() {
        m.insert("openingHours".into(), json!(c.opening_hours));
    }
    if let Some(u) = &c.booking_url {
        m.insert(
            "potentialAction".into(),
            json!({"@type": "ReserveAction", "target": u}),
        );
    }
    script_json(&Value::Object(m))
}

/// schema.org `Article` for a story page.
pub fn story_json_ld(story: &Story, site: &SiteView) -> String {
    use serde_json::{Map, Value, json};
    let mut m = Map::new();
    m.insert("@context".into(), json!("https://schema.org"));
    m.insert("@type".into(), json!("Article"));
    m.insert("headline".into(), json!(story.title));
    m.insert("description".into(), json!(story.summary));
    m.insert("url".into(), json!(story.permalink));
    m.insert("mainEntityOfPage".into(), json!(story.permalink));
    // The story's own day, which the privacy guard allows here as in the
    // `<time>` the template stamps (and nowhere typed).
    if let Some(day) = &story.published_on {
        m.insert("datePublished".into(), json!(day));
    }
    let org =
        json!({"@type": "MedicalClinic", "name": site.clinic.name, "url": site.permalink("")});
    m.insert("author".into(), org.clone());
    m.insert("publisher".into(), org);
    m.insert("image".into(), json!(story.og_image));
    if !story.tags.is_empty() {
        let tags: Vec<&str> = story.tags.iter().map(|t| t.name.as_str()).collect();
        m.insert("keywords".into(), json!(tags.join(", ")));
    }
    script_json(&Value::Object(m))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn script_json_cannot_close_the_script() {
        let v = serde_json::json!({"name": "A</script><script>alert(1)</script> & <!--"});
        let s = script_json(&v);
        assert!(!s.contains('<') && !s.contains('>'));
        let back: serde_json::Value = serde_json::from_str(&s).unwrap();
        assert_eq!(back, v);
    }

    #[test]
    fn tel_keeps_digits_and_a_leading_plus() {
        assert_eq!(tel_url("(302) 555-0100").as_deref(), Some("tel:3025550100"));
        assert_eq!(
            tel_url("+44 20 7946 0000").as_deref(),
            Some("tel:+442079460000")
        );
        assert_eq!(tel_url("call us"), None);
    }
}
