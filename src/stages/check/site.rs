//! site.yaml's public-site look: the brand colour (a valid colour that
//! reads on white, HP0307), the font stack, the booking link, and the
//! pictures of the hero, logo and cards (in `content/images/`, with alt
//! text).

use crate::base::diag::{Code, Diagnostic, Diagnostics};
use crate::content::look::{contrast, fonts_ok, parse_color};
use crate::content::yaml::{locate, locate_key};
use crate::stages::load::Clinic;

/// The page colours text in the brand colour sits on (white buttons'
/// text, the page, the header's sand).
const BACKGROUNDS: [([u8; 3], &str); 2] =
    [([255, 255, 255], "white"), ([255, 253, 248], "the page")];

/// Check site.yaml's look.
pub(super) fn check_site(clinic: &Clinic, diags: &mut Diagnostics) {
    let site = &clinic.site;
    let text = &clinic.site_text;
    let at = |key: &str, value: &str| locate(text, key, value, 0).or_else(|| locate_key(text, key));
    let b = &site.brand;
    match parse_color(&b.color) {
        None => diags.push(
            Diagnostic::error(
                Code::ValueNotAllowed,
                format!("brand colour `{}` is not a colour written `#rrggbb`", b.color),
            )
            .in_file("site.yaml")
            .at(at("color", &b.color))
            .help("write it as six hexadecimal digits after `#`, e.g. `color: \"#0b6e69\"` (quoted: `#` starts a comment)"),
        ),
        Some(c) => {
            let (ratio, on) = BACKGROUNDS
                .iter()
                .map(|(bg, name)| (contrast(c, *bg), *name))
                .fold((21.0, ""), |a, b| if b.0 < a.0 { b } else { a });
            if ratio < 4.5 {
                diags.push(
                    Diagnostic::warning(
                        Code::LowContrast,
                        format!("brand colour `{}` has a contrast of {ratio:.2}:1 with {on}; links and the button's text need 4.5:1", b.color),
                    )
                    .in_file("site.yaml")
                    .at(at("color", &b.color))
                    .help("choose a darker shade of the colour (check it with a WCAG contrast checker)"),
                );
            }
        }
    }
    if !fonts_ok(&b.fonts) {
        diags.push(
            Diagnostic::error(Code::ValueNotAllowed, "the font stack may only name fonts")
                .in_file("site.yaml")
                .at(locate_key(text, "fonts"))
                .help("list font names separated by commas, e.g. `fonts: Georgia, serif`; web fonts from other sites are not loaded"),
        );
    }
    if let Some(u) = &site.clinic.booking_url
        && crate::content::config::check_base_url(u).is_err()
    {
        diags.push(
            Diagnostic::error(
                Code::ValueNotAllowed,
                format!("booking link `{u}` is not a web address"),
            )
            .in_file("site.yaml")
            .at(at("booking_url", u))
            .help("give the full address of the booking page, starting with https://"),
        );
    }
    let mut pictures: Vec<(&str, &str, Option<&str>)> = Vec::new();
    if let Some(f) = &site.hero.image {
        pictures.push((
            "image",
            f,
            Some(site.hero.image_alt.as_deref().unwrap_or("")),
        ));
    }
    if let Some(f) = &site.brand.logo {
        pictures.push(("logo", f, None));
    }
    for c in site.services.iter().chain(&site.team) {
        if let Some(f) = &c.picture {
            pictures.push(("picture", f, Some(c.picture_alt.as_deref().unwrap_or(""))));
        }
    }
    for (key, file, alt) in pictures {
        let pos = at(key, file);
        let raster = [".jpg", ".jpeg", ".png", ".webp", ".svg"]
            .iter()
            .any(|e| file.to_ascii_lowercase().ends_with(e));
        if !crate::base::paths::is_portable_inside(file)
            || !clinic.site_images.contains(file)
            || !raster
        {
            diags.push(
                Diagnostic::error(
                    Code::MissingPicture,
                    format!(
                        "picture `{file}` is not a JPEG, PNG, WebP or SVG file in content/images/"
                    ),
                )
                .in_file("site.yaml")
                .at(pos)
                .help("put the picture in content/images/ and give its file name there"),
            );
        }
        if alt.is_some_and(|a| a.trim().is_empty()) {
            diags.push(
                Diagnostic::error(Code::NoAltText, format!("picture `{file}` has no alt text"))
                    .in_file("site.yaml")
                    .at(pos)
                    .help(format!(
                        "say what it shows for people who cannot see it: `{key}_alt: …`"
                    )),
            );
        }
    }
}
