//! Pictures (as `data:` URIs) and QR codes (as inline SVG), and library
//! instructions rendered once: computed once per build and shared by every
//! card that shows them.

use crate::content::markdown;
use crate::stages::load::Clinic;
use base64::Engine as _;
use std::collections::BTreeMap;

/// A value every handout that shows it shares, as the template value it
/// becomes: a handout's data is made template values one handout at a
/// time, and a string in a template value is copied in, but a template
/// value inside the data is taken as is (its strings are reference
/// counted). So a picture, a QR code or a library exercise's instructions
/// are written into memory once per build, not once per card.
pub type Shared = tera::Value;

/// Pictures and QR codes, computed once per build and shared by every card.
#[derive(Debug, Default)]
pub struct Assets {
    /// Picture file name → `data:` URI.
    pub images: BTreeMap<String, Shared>,
    /// Video URL → inline SVG.
    pub qr: QrCodes,
    /// A library exercise's instructions (its own or a translation's
    /// Markdown) → as HTML and as numbered steps (a list), rendered once
    /// instead of once per plan that uses them.
    pub instructions: BTreeMap<String, (Shared, Shared)>,
    /// Exercise cards' halves already made (see [`super::Cards`]).
    pub cards: super::card::Cards,
}

/// Video URL → its QR code as inline SVG (`None`: too long to encode),
/// drawn once per URL: all at once, in parallel, for a build (every
/// handout is rendered), or on first use (a check renders few handouts,
/// often none).
#[derive(Debug, Default)]
pub struct QrCodes(crate::base::memo::Memo<String, Option<Shared>>);

impl QrCodes {
    /// The QR code of `url`.
    pub fn get(&self, url: &str) -> Option<Shared> {
        self.0
            .get_or_make(url, || super::qr::qr_svg(url).map(Shared::from))
    }
}

impl Assets {
    /// Read every referenced picture, render the library's instructions,
    /// and, when `draw` (a build), draw every QR code now (otherwise each
    /// is drawn when first asked for).
    pub fn collect(clinic: &Clinic, draw: bool) -> Assets {
        use rayon::prelude::*;
        let mut images = std::collections::BTreeSet::new();
        let mut videos = std::collections::BTreeSet::new();
        for ex in clinic.exercises.values() {
            images.extend(ex.value.image.clone());
            videos.extend(ex.value.video.clone());
        }
        for p in &clinic.plans {
            for s in &p.value.steps {
                for e in &s.exercises {
                    images.extend(e.image.clone());
                    videos.extend(e.video.clone());
                }
            }
        }
        let dir = clinic.root.join("content/exercises/images");
        let images = images
            .into_par_iter()
            .filter(|name| crate::base::paths::is_portable_inside(name))
            .filter_map(|name| {
                let bytes = std::fs::read(dir.join(&name)).ok()?;
                let uri = data_uri(&name, &bytes);
                Some((name, Shared::from(uri)))
            })
            .collect();
        // A QR code takes a millisecond or so: one to a task.
        let qr = match draw {
            true => QrCodes(
                Vec::from_iter(videos)
                    .into_par_iter()
                    .with_max_len(crate::base::parallel::FILES_PER_TASK)
                    .map(|url| {
                        let svg = super::qr::qr_svg(&url).map(Shared::from);
                        (url, svg)
                    })
                    .collect::<Vec<_>>()
                    .into_iter()
                    .collect(),
            ),
            false => QrCodes::default(),
        };
        let mut texts = std::collections::BTreeSet::new();
        for ex in clinic.exercises.values() {
            texts.extend(ex.value.instructions.as_deref());
            let translated = ex.value.translations.values();
            texts.extend(translated.filter_map(|t| t.instructions.as_deref()));
        }
        let instructions = texts
            .into_par_iter()
            .map(|md| {
                (
                    md.to_string(),
                    (
                        Shared::from(markdown::to_html(md)),
                        Shared::from(markdown::steps(md)),
                    ),
                )
            })
            .collect();
        Assets {
            images,
            qr,
            instructions,
            cards: Default::default(),
        }
    }
}

fn data_uri(name: &str, bytes: &[u8]) -> String {
    let ext = name.rsplit('.').next().unwrap_or("");
    let mime = mime_guess::from_ext(ext)
        .first_raw()
        .unwrap_or("application/octet-stream");
    format!(
        "data:{mime};base64,{}",
        base64::engine::general_purpose::STANDARD.encode(bytes)
    )
}
