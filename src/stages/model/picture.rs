//! Pictures of the public site (the hero, the logo, cards, story photos):
//! decoded and re-encoded, so no metadata survives (EXIF, GPS, XMP, ICC
//! profiles, PNG text chunks), turned upright by their EXIF orientation,
//! resized to responsive widths and named by a hash of their content (no
//! file name, which may hold a patient's name, reaches a URL).

use crate::base::output::RenderedFile;
use image::{DynamicImage, ImageDecoder, ImageFormat, ImageReader};
use rayon::prelude::*;
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet};
use std::io::Cursor;
use std::path::Path;

/// The widths a raster picture is published at (those narrower than the
/// original, and the original's own width when it is narrower than the
/// widest).
pub const WIDTHS: [u32; 3] = [480, 960, 1600];

/// A published picture, as a template writes its `<img>`.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct Picture {
    /// Root-relative URL of the widest variant.
    pub src: String,
    /// `srcset` of every variant (`url 480w, …`).
    pub srcset: String,
    /// Width of the widest variant, in pixels.
    pub width: u32,
    /// Height of the widest variant, in pixels.
    pub height: u32,
    /// Alt text.
    pub alt: String,
}

/// The site's pictures by source name (in `content/images/`), and the
/// files they are published as.
#[derive(Debug, Default)]
pub struct Pictures {
    by_name: BTreeMap<String, Picture>,
    /// The published files (`img/<hash>-<width>.<ext>`), sorted by path.
    pub files: Vec<RenderedFile>,
    /// Pictures that could not be read: (name, why).
    pub failed: Vec<(String, String)>,
}

impl Pictures {
    /// Publish the pictures `names` of the folder `dir`, for a site whose
    /// path is `base_path` (ending in `/`). In parallel; deterministic.
    pub fn publish(dir: &Path, names: &BTreeSet<String>, base_path: &str) -> Pictures {
        let done: Vec<(String, Published)> = names
            .par_iter()
            .map(|name| {
                let result = if crate::base::paths::is_portable_inside(name) {
                    std::fs::read(dir.join(name))
                        .map_err(|e| format!("cannot be read: {e}"))
                        .and_then(|bytes| publish_one(name, &bytes, base_path))
                } else {
                    Err("is not a file inside content/images/".to_string())
                };
                (name.clone(), result)
            })
            .collect();
        let mut out = Pictures::default();
        for (name, r) in done {
            match r {
                Ok((pic, files)) => {
                    out.files.extend(files);
                    out.by_name.insert(name, pic);
                }
                Err(why) => out.failed.push((name, why)),
            }
        }
        out.files.sort_by(|a, b| a.path.cmp(&b.path));
        out.files.dedup_by(|a, b| a.path == b.path);
        out
    }

    /// The picture published from `name`, with this `alt` text.
    pub fn get(&self, name: &str, alt: &str) -> Option<Picture> {
        self.by_name.get(name).map(|p| Picture {
            alt: alt.to_string(),
            ..p.clone()
        })
    }
}

/// A picture and its files, or why it could not be published.
type Published = Result<(Picture, Vec<RenderedFile>), String>;

/// A content hash as a short file name part.
fn short_hash(bytes: &[u8]) -> String {
    format!("{:016x}", (crate::base::hash::hash(bytes) >> 64) as u64)
}

/// One picture: an SVG is kept as it is (it is text, which the privacy
/// guard reads) under a hashed name; a JPEG or PNG is re-encoded at each
/// width.
fn publish_one(name: &str, bytes: &[u8], base_path: &str) -> Published {
    let hash = short_hash(bytes);
    if name.to_ascii_lowercase().ends_with(".svg") {
        let (w, h) = svg_size(bytes).unwrap_or((160, 48));
        let path = format!("img/{hash}.svg");
        let src = format!("{base_path}{path}");
        let pic = Picture {
            srcset: String::new(),
            src,
            width: w,
            height: h,
            alt: String::new(),
        };
        let file = RenderedFile {
            path,
            bytes: bytes.to_vec(),
        };
        return Ok((pic, vec![file]));
    }
    let (img, format) = decode(bytes)?;
    let (ext, widths) = match format {
        ImageFormat::Png => ("png", widths_for(img.width())),
        _ => ("jpg", widths_for(img.width())),
    };
    let mut files = Vec::new();
    let mut srcset = Vec::new();
    let mut last = (0, 0, String::new());
    for w in widths {
        let scaled = if w == img.width() {
            img.clone()
        } else {
            let h = ((u64::from(img.height()) * u64::from(w) + u64::from(img.width()) / 2)
                / u64::from(img.width().max(1)))
            .max(1) as u32;
            img.resize_exact(w, h, image::imageops::FilterType::Triangle)
        };
        let encoded = encode(&scaled, format)?;
        let path = format!("img/{hash}-{w}.{ext}");
        let url = format!("{base_path}{path}");
        srcset.push(format!("{url} {w}w"));
        last = (scaled.width(), scaled.height(), url);
        files.push(RenderedFile {
            path,
            bytes: encoded,
        });
    }
    let pic = Picture {
        src: last.2,
        srcset: srcset.join(", "),
        width: last.0,
        height: last.1,
        alt: String::new(),
    };
    Ok((pic, files))
}

/// A JPEG or PNG of the site's `static/` folder re-encoded at its own size,
/// without its metadata (EXIF, GPS, XMP, PNG text); a WebP that decodes
/// with its EXIF and XMP chunks and any chunk of a kind no viewer reads
/// left out (its pixels as they are: the format is kept, as the name is,
/// since pages link to it). `None` for any other file, or one that does
/// not decode (the privacy guard still reads what it carries).
pub fn without_metadata(path: &str, bytes: &[u8]) -> Option<Vec<u8>> {
    let lower = path.to_ascii_lowercase();
    if lower.ends_with(".webp") || raster_kind(bytes) == Some("WebP") {
        // A WebP whose image data does not decode would keep bytes nobody
        // reads (a name typed into a `VP8 ` chunk).
        decode(bytes).ok()?;
        return webp_without_metadata(bytes);
    }
    let raster = [".jpg", ".jpeg", ".png"].iter().any(|e| lower.ends_with(e));
    if !raster && raster_kind(bytes).is_none() {
        return None;
    }
    let (img, format) = decode(bytes).ok()?;
    encode(&img, format).ok()
}

/// Is `bytes` a picture [`without_metadata`] re-writes, by its first
/// bytes whatever its name: "JPEG", "PNG" or "WebP".
pub fn raster_kind(bytes: &[u8]) -> Option<&'static str> {
    if bytes.starts_with(&[0xFF, 0xD8, 0xFF]) {
        Some("JPEG")
    } else if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
        Some("PNG")
    } else if bytes.starts_with(b"RIFF") && bytes.get(8..12) == Some(b"WEBP") {
        Some("WebP")
    } else {
        None
    }
}

/// A WebP without its `EXIF` and `XMP ` chunks, and its `VP8X` header
/// no longer saying it has them, nor chunks of a kind a viewer does not
/// read (a tool's private data, text packed into a chunk of its own).
/// `None` when the file is no well-formed WebP.
fn webp_without_metadata(bytes: &[u8]) -> Option<Vec<u8>> {
    let body = bytes.strip_prefix(b"RIFF")?;
    let size = u32::from_le_bytes(body.get(..4)?.try_into().ok()?) as usize;
    let chunks = body.get(4..4 + size)?.strip_prefix(b"WEBP")?;
    let mut out = b"RIFF\0\0\0\0WEBP".to_vec();
    let mut rest = chunks;
    while !rest.is_empty() {
        let (tag, len) = (rest.get(..4)?, rest.get(4..8)?);
        let len = u32::from_le_bytes(len.try_into().ok()?) as usize;
        let whole = rest.get(..8 + len + len % 2)?;
        match tag {
            b"VP8 " | b"VP8L" | b"ALPH" | b"ANIM" | b"ANMF" | b"ICCP" => {
                out.extend_from_slice(whole)
            }
            b"VP8X" => {
                let mut x = whole.to_vec();
                // Flags byte: bit 3 EXIF, bit 2 XMP.
                *x.get_mut(8)? &= !0b0000_1100;
                out.extend_from_slice(&x);
            }
            _ => {}
        }
        rest = &rest[whole.len()..];
    }
    let riff = u32::try_from(out.len() - 8).ok()?;
    out[4..8].copy_from_slice(&riff.to_le_bytes());
    Some(out)
}

/// The widths to publish a picture `width` pixels wide at.
fn widths_for(width: u32) -> Vec<u32> {
    let mut out: Vec<u32> = WIDTHS.iter().copied().filter(|&w| w < width).collect();
    if width <= WIDTHS[WIDTHS.len() - 1] || out.is_empty() {
        out.push(width.min(WIDTHS[WIDTHS.len() - 1]).max(1));
    }
    out.dedup();
    out
}

/// Decode a JPEG, PNG or WebP and turn it upright (its EXIF orientation),
/// which the re-encoded file no longer carries. The format it is published
/// in: a WebP (as phones and web pages save photos) becomes a JPEG, or a
/// PNG when it has transparency, which every browser and mail reader shows.
fn decode(bytes: &[u8]) -> Result<(DynamicImage, ImageFormat), String> {
    let bad = |e: image::ImageError| {
        format!("is not a JPEG, PNG or WebP picture heropath can read ({e})")
    };
    let reader = ImageReader::new(Cursor::new(bytes))
        .with_guessed_format()
        .map_err(|e| format!("cannot be read: {e}"))?;
    let format = match reader.format() {
        Some(f @ (ImageFormat::Jpeg | ImageFormat::Png | ImageFormat::WebP)) => f,
        _ => {
            return Err(format!(
                "is {}, not a JPEG, PNG, WebP or SVG picture",
                kind_of(bytes)
            ));
        }
    };
    let mut decoder = reader.into_decoder().map_err(bad)?;
    let orientation = decoder.orientation().map_err(bad)?;
    let mut img = DynamicImage::from_decoder(decoder).map_err(bad)?;
    img.apply_orientation(orientation);
    let format = match format {
        ImageFormat::WebP if img.color().has_alpha() => ImageFormat::Png,
        ImageFormat::WebP => ImageFormat::Jpeg,
        f => f,
    };
    Ok((img, format))
}

/// What a picture heropath does not read is, from its first bytes, said
/// the way a person would look for it in their photo app.
fn kind_of(bytes: &[u8]) -> &'static str {
    let brand = bytes.get(4..12).filter(|b| b.starts_with(b"ftyp"));
    match bytes {
        _ if brand.is_some_and(|b| {
            [b"heic", b"heix", b"hevc", b"mif1", b"msf1"]
                .iter()
                .any(|x| &b[4..] == *x)
        }) =>
        {
            "an iPhone HEIC photo (export it as JPEG: Photos, File, Export; or Settings, Camera, Formats, Most Compatible)"
        }
        _ if brand.is_some_and(|b| &b[4..] == b"avif") => "an AVIF picture (save it as JPEG)",
        [b'G', b'I', b'F', b'8', ..] => "a GIF (save it as PNG)",
        [b'B', b'M', ..] => "a BMP (save it as PNG)",
        [b'I', b'I', 42, 0, ..] | [b'M', b'M', 0, 42, ..] => "a TIFF (save it as JPEG)",
        _ => "a file of another kind",
    }
}

/// Encode with no metadata at all: the JPEG encoder writes only a JFIF
/// header, the PNG encoder only the image chunks.
fn encode(img: &DynamicImage, format: ImageFormat) -> Result<Vec<u8>, String> {
    let mut out = Vec::new();
    let r = match format {
        ImageFormat::Png => img.write_with_encoder(image::codecs::png::PngEncoder::new(&mut out)),
        _ => {
            let rgb = DynamicImage::ImageRgb8(img.to_rgb8());
            rgb.write_with_encoder(image::codecs::jpeg::JpegEncoder::new_with_quality(
                &mut out, 82,
            ))
        }
    };
    r.map_err(|e| format!("could not be re-encoded: {e}"))?;
    Ok(out)
}

/// An SVG's `width` and `height` (or its `viewBox` size), for the `<img>`.
fn svg_size(bytes: &[u8]) -> Option<(u32, u32)> {
    let text = std::str::from_utf8(bytes).ok()?;
    let start = text.find("<svg")?;
    let tag = &text[start..start + text[start..].find('>')?];
    let attr = |name: &str| {
        let i = tag.find(&format!(" {name}=\""))? + name.len() + 3;
        let v = &tag[i..i + tag[i..].find('"')?];
        Some(v.to_string())
    };
    let num = |v: &str| v.trim().trim_end_matches("px").parse::<f64>().ok();
    if let (Some(w), Some(h)) = (attr("width"), attr("height"))
        && let (Some(w), Some(h)) = (num(&w), num(&h))
    {
        return Some((w.round().max(1.0) as u32, h.round().max(1.0) as u32));
    }
    let vb = attr("viewBox")?;
    let n: Vec<f64> = vb.split([' ', ',']).filter_map(num).collect();
    (n.len() == 4).then(|| (n[2].round().max(1.0) as u32, n[3].round().max(1.0) as u32))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn widths_never_upscale() {
        assert_eq!(widths_for(300), vec![300]);
        assert_eq!(widths_for(1000), vec![480, 960, 1000]);
        assert_eq!(widths_for(4000), vec![480, 960, 1600]);
        assert_eq!(widths_for(1600), vec![480, 960, 1600]);
    }

    #[test]
    fn svg_size_from_attributes_or_view_box() {
        assert_eq!(
            svg_size(br#"<svg xmlns="x" width="120" height="40">"#),
            Some((120, 40))
        );
        assert_eq!(
            svg_size(br#"<svg viewBox="0 0 200 50" xmlns="x">"#),
            Some((200, 50))
        );
    }

    #[test]
    fn png_is_reencoded_deterministically_under_a_hashed_name() {
        let img = DynamicImage::new_rgb8(600, 300);
        let mut png = Vec::new();
        img.write_to(&mut Cursor::new(&mut png), ImageFormat::Png)
            .unwrap();
        let (a, fa) = publish_one("maria-lopez.png", &png, "/").unwrap();
        let (b, fb) = publish_one("other.png", &png, "/").unwrap();
        assert_eq!(a, b);
        assert_eq!(fa.len(), 2);
        assert!(fa.iter().zip(&fb).all(|(x, y)| x.bytes == y.bytes));
        assert!(!a.src.contains("maria"));
        assert_eq!((a.width, a.height), (600, 300));
        assert!(a.srcset.contains(" 480w") && a.srcset.contains(" 600w"));
    }
}
