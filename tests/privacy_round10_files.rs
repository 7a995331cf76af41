//! Privacy red team, round 10: what a static FILE carries by its kind.
//! A GIF, BMP or icon is published as written, and so is a WebP or any
//! picture that does not decode: a block of a kind no viewer shows, image
//! data that does not decompress, bytes the header does not account for
//! carried a patient's name out unread. A font's table packed with zlib
//! was read as its compressed bytes. Hidden files of `static/` were left
//! out without a word. Each hole is driven through the real binary beside
//! ordinary files of the same kind that must still build.

mod common;
use common::files::*;
use common::fonts::*;
use common::gif::*;
use common::probes::*;
use common::*;
use std::io::Write as _;

/// Walter Kaminski, born 1950-06-30.
const WALTER: &str = "name: Walter Kaminski\nbirth_date: 1950-06-30\nphone: \"(302) 555-0177\"";
/// Ingrid Oyelaran-Sørensen, another clinic's patient.
const INGRID: &str = "name: Ingrid Oyelaran\nbirth_date: 1962-03-14";

fn walter(c: &Clinic) {
    patients_clinic(c, &[WALTER]);
}

fn ingrid(c: &Clinic) {
    patients_clinic(c, &[INGRID]);
}

fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut z = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    z.write_all(bytes).expect("gzip");
    z.finish().expect("gzip")
}

// ---------------------------------------------------------------------------
// Pictures built by hand
// ---------------------------------------------------------------------------

/// A RIFF WebP of `chunks` (tag, data).
fn webp(chunks: &[(&[u8; 4], &[u8])]) -> Vec<u8> {
    let mut body = b"WEBP".to_vec();
    for (tag, data) in chunks {
        body.extend(*tag);
        body.extend(u32::try_from(data.len()).expect("small").to_le_bytes());
        body.extend(*data);
        if data.len() % 2 == 1 {
            body.push(0);
        }
    }
    let mut out = b"RIFF".to_vec();
    out.extend(u32::try_from(body.len()).expect("small").to_le_bytes());
    out.extend(body);
    out
}

/// A real `w`×`h` WebP (lossless), as an editor saves one.
fn real_webp(w: u32, h: u32) -> Vec<u8> {
    let img = image::RgbImage::from_fn(w, h, |x, y| {
        image::Rgb([(x as u8).wrapping_mul(9), (y as u8).wrapping_mul(7), 90])
    });
    let mut out = Vec::new();
    image::codecs::webp::WebPEncoder::new_lossless(&mut out)
        .encode(img.as_raw(), w, h, image::ExtendedColorType::Rgb8)
        .expect("webp");
    out
}

/// A real `w`×`h` PNG.
fn real_png(w: u32, h: u32) -> Vec<u8> {
    let img = image::RgbaImage::from_fn(w, h, |x, y| image::Rgba([x as u8, y as u8, 200, 255]));
    let mut out = Vec::new();
    image::DynamicImage::ImageRgba8(img)
        .write_to(&mut std::io::Cursor::new(&mut out), image::ImageFormat::Png)
        .expect("png");
    out
}

/// A `w`×`h` GIF89a with a 256-colour table, `blocks` (extensions) before
/// its one image, and its image data `data` (sub-blocks made here).
fn gif(w: u16, h: u16, blocks: &[u8], data: &[u8]) -> Vec<u8> {
    let mut out = b"GIF89a".to_vec();
    out.extend(w.to_le_bytes());
    out.extend(h.to_le_bytes());
    out.extend([0xF7, 0, 0]);
    out.extend((0..=255u8).flat_map(|i| [i, 255 - i, i / 2]));
    out.extend(blocks);
    out.push(0x2C);
    out.extend([0, 0, 0, 0]);
    out.extend(w.to_le_bytes());
    out.extend(h.to_le_bytes());
    out.push(0);
    out.push(8);
    out.extend(gif_sub_blocks(data));
    out.push(0x3B);
    out
}

/// Pixels of a `w`×`h` picture with a pattern (the LZW table fills and is
/// cleared).
fn pattern(w: u16, h: u16) -> Vec<u8> {
    (0..u32::from(w) * u32::from(h))
        .map(|i| ((i * 7 + i / 13 * 31 + i * i % 17) % 256) as u8)
        .collect()
}

/// An ordinary GIF: looping, a comment, ImageMagick's gamma note, and a
/// picture whose LZW table fills up.
fn ordinary_gif() -> Vec<u8> {
    let mut blocks = b"\x21\xFF\x0BNETSCAPE2.0\x03\x01\x00\x00\x00".to_vec();
    blocks.extend(b"\x21\xFF\x0BImageMagick\x0Dgamma=0.45455\x00");
    blocks.extend(b"\x21\xFE\x0BOur new gym\x00");
    blocks.extend(b"\x21\xF9\x04\x00\x0A\x00\x00\x00");
    gif(120, 90, &blocks, &gif_lzw(8, &pattern(120, 90)))
}

/// A `w`×`h` 24-bit BMP (its pixels `fill`).
fn bmp(w: u32, h: u32, fill: u8) -> Vec<u8> {
    let stride = (w * 3).div_ceil(4) * 4;
    let mut b = b"BM".to_vec();
    b.extend((54 + stride * h).to_le_bytes());
    b.extend([0; 4]);
    b.extend(54u32.to_le_bytes());
    b.extend(40u32.to_le_bytes());
    b.extend(w.to_le_bytes());
    b.extend(h.to_le_bytes());
    b.extend([1, 0, 24, 0]);
    b.extend([0; 24]);
    b.extend(vec![fill; (stride * h) as usize]);
    b
}

/// An icon of `images` (each a PNG, or a BMP whose file header is left
/// off and whose height is doubled, with its AND mask).
fn ico(images: &[Vec<u8>]) -> Vec<u8> {
    let mut out = vec![0, 0, 1, 0];
    out.extend(u16::try_from(images.len()).expect("few").to_le_bytes());
    let mut offset = 6 + 16 * images.len();
    for img in images {
        out.extend([16, 16, 0, 0, 1, 0, 32, 0]);
        out.extend(u32::try_from(img.len()).expect("small").to_le_bytes());
        out.extend(u32::try_from(offset).expect("small").to_le_bytes());
        offset += img.len();
    }
    for img in images {
        out.extend(img);
    }
    out
}

/// A 16×16 BMP as an icon holds it.
fn icon_bitmap() -> Vec<u8> {
    let mut dib = bmp(16, 16, 0x40)[14..].to_vec();
    dib[8..12].copy_from_slice(&32u32.to_le_bytes());
    dib.extend([0; 4 * 16]);
    dib
}

// ---------------------------------------------------------------------------
// Fonts built by hand
// ---------------------------------------------------------------------------

/// A `name` table naming the font `family` (UTF-16BE, Windows).
fn name_table(family: &str) -> Vec<u8> {
    let s: Vec<u8> = family.encode_utf16().flat_map(u16::to_be_bytes).collect();
    let mut t = vec![0, 0, 0, 1, 0, 18];
    for v in [3u16, 1, 0x409, 1, s.len() as u16, 0] {
        t.extend(v.to_be_bytes());
    }
    t.extend(s);
    t
}

// ---------------------------------------------------------------------------
// Runners
// ---------------------------------------------------------------------------

const SECRETS: [&str; 2] = ["Kaminski", "1950"];
const NAME: &[u8] = b"Walter Kaminski, born 1950-06-30";

// ---------------------------------------------------------------------------
// Pictures published as written
// ---------------------------------------------------------------------------

/// A WebP that does not decode went out as written: a name typed into its
/// `VP8 ` or `VP8L` chunk, or zlib-packed text in a chunk of its own,
/// which the guard read as compressed bytes.
#[test]
fn a_webp_that_does_not_decode_is_refused() {
    let packed = zlib(NAME);
    assert_refused(
        &walter,
        "HP0502",
        &[
            (
                "static/team.webp",
                webp(&[(b"VP8 ", &[0; 10]), (b"ZZZZ", &packed)]),
            ),
            ("static/img/front.webp", webp(&[(b"VP8 ", NAME)])),
            ("static/lossless.webp", webp(&[(b"VP8L", &packed)])),
            // Its first bytes make it a WebP, whatever its name says.
            (
                "static/photo.jpg",
                webp(&[(b"VP8X", &[0; 10]), (b"ANMF", NAME)]),
            ),
        ],
        &SECRETS,
    );
}

/// A GIF is never re-written: a block of a kind no viewer knows, an
/// application's block of packed bytes, a name typed where its LZW image
/// data goes, or bytes after the image's end code were published unread.
#[test]
fn a_gif_with_unread_blocks_or_image_data_is_refused() {
    let packed = zlib(NAME);
    let mut unknown = b"\x21\x99".to_vec();
    unknown.extend(gif_sub_blocks(&packed));
    let mut app = b"\x21\xFF\x0BCLINICDATA1".to_vec();
    app.extend(gif_sub_blocks(&packed));
    let mut after_end = gif_lzw(8, &pattern(8, 8));
    after_end.extend(&packed);
    assert_refused(
        &walter,
        "HP0502",
        &[
            (
                "static/anim.gif",
                gif(8, 8, &unknown, &gif_lzw(8, &pattern(8, 8))),
            ),
            (
                "static/img/loop.gif",
                gif(8, 8, &app, &gif_lzw(8, &pattern(8, 8))),
            ),
            ("static/typed.gif", gif(8, 8, &[], NAME)),
            ("static/zipped.gif", gif(8, 8, &[], &packed)),
            ("static/after.gif", gif(8, 8, &[], &after_end)),
            ("static/logo.png", gif(8, 8, &[], NAME)),
        ],
        &SECRETS,
    );
    // Another patient, another clinic, another spelling of the same hole.
    let mut other = b"\x21\xFF\x0BXYZPRIVATE1".to_vec();
    other.extend(gif_sub_blocks(&zlib(b"Thanks, Ingrid Oyelaran!")));
    assert_refused(
        &ingrid,
        "HP0502",
        &[(
            "static/thanks.GIF",
            gif(4, 4, &other, &gif_lzw(8, &pattern(4, 4))),
        )],
        &["Oyelaran"],
    );
    // A person who checked the picture lists it: the narrow way through.
    let reviewed = |c: &Clinic| {
        walter(c);
        c.write(
            "site.yaml",
            &site("privacy:\n  reviewed_files:\n    - { pattern: \"old/*.gif\", reason: \"Old banners, checked by Sam on 2026-12-02\" }\n"),
        );
    };
    let broken = gif(8, 8, b"\x21\x99\x02ab\x00", &gif_lzw(8, &pattern(8, 8)));
    let got = assert_published(&reviewed, &[("static/old/banner.gif", broken.clone())]);
    assert_eq!(got[0], broken);
}

/// A BMP or an icon is never re-written: bytes after a bitmap's pixels,
/// or an icon's picture that is neither a bitmap nor a PNG, or bytes
/// outside every picture an icon lists, were published unread.
#[test]
fn a_bitmap_or_icon_with_bytes_it_does_not_account_for_is_refused() {
    let packed = zlib(NAME);
    let mut longer = bmp(4, 4, 0x80);
    longer.extend(&packed);
    let mut icon_after = ico(&[icon_bitmap()]);
    icon_after.extend(&packed);
    assert_refused(
        &walter,
        "HP0502",
        &[
            ("static/banner.bmp", longer.clone()),
            ("static/favicon.ico", ico(std::slice::from_ref(&packed))),
            ("static/img/favicon.ico", icon_after),
            ("static/cursor.cur", ico(&[icon_bitmap(), packed.clone()])),
            ("static/old-logo.dat", longer),
        ],
        &SECRETS,
    );
}

/// Ordinary pictures of a clinic are published: a GIF with looping, a
/// comment and ImageMagick's note, a bitmap, icons of bitmaps and PNGs,
/// a WebP (a chunk no viewer reads left out of it).
#[test]
fn ordinary_gifs_bitmaps_icons_and_webps_are_published() {
    let gif87 = {
        let mut g = gif(30, 20, &[], &gif_lzw(8, &[7; 600]));
        g[..6].copy_from_slice(b"GIF87a");
        g
    };
    let mut tool_chunk = real_webp(40, 30);
    let extra = webp(&[(b"XTRA", b"editor settings 1")]);
    tool_chunk.extend(&extra[12..]);
    let size = u32::try_from(tool_chunk.len() - 8).expect("small");
    tool_chunk[4..8].copy_from_slice(&size.to_le_bytes());
    let got = assert_published(
        &walter,
        &[
            ("static/gym.gif", ordinary_gif()),
            ("static/dot.gif", gif87),
            ("static/banner.bmp", bmp(33, 7, 0xC0)),
            (
                "static/favicon.ico",
                ico(&[icon_bitmap(), real_png(32, 32)]),
            ),
            ("static/img/hero.webp", real_webp(64, 48)),
            ("static/img/tool.webp", tool_chunk),
        ],
    );
    assert_eq!(got[0], ordinary_gif(), "a GIF goes out as written");
    assert!(
        !got[5].windows(4).any(|w| w == b"XTRA"),
        "a WebP chunk no viewer reads is left out"
    );
    assert!(
        image::load_from_memory(&got[5]).is_ok(),
        "the WebP still decodes"
    );
}

// ---------------------------------------------------------------------------
// Compressed text inside a font
// ---------------------------------------------------------------------------

/// A font's table of a kind the guard does not know, packed with zlib or
/// gzip (an OpenType `SVG ` table may be gzipped), was read as its
/// compressed bytes: the name inside never showed.
#[test]
fn text_packed_into_a_font_table_is_read() {
    let packed = zlib(NAME);
    let gz = gzip(b"<svg xmlns=\"http://www.w3.org/2000/svg\"><text>Walter Kaminski</text></svg>");
    let probes = [
        (
            "static/fonts/clinic.ttf",
            sfnt_font(
                &[0, 1, 0, 0],
                &[(b"name", &name_table("Clinic Sans")), (b"zzzz", &packed)],
            ),
        ),
        (
            "static/fonts/clinic.otf",
            sfnt_font(b"OTTO", &[(b"SVG ", &gz)]),
        ),
        (
            "static/fonts/icons.bin",
            sfnt_font(b"true", &[(b"PRIV", &packed)]),
        ),
    ];
    let failures: Vec<String> = probes
        .iter()
        .filter_map(|(rel, bytes)| {
            let published = rel.trim_start_matches("static/");
            refusal(&walter, rel, bytes, "HP0501", Some(published), &SECRETS)
                .map(|why| format!("{rel}: {why}"))
        })
        .collect();
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    // A font with its family's name and packed tables of its own (an
    // editor's timestamp, compressed glyphs) is published.
    let ttf = sfnt_font(
        &[0, 1, 0, 0],
        &[
            (b"FFTM", &[0, 0, 0, 1, 0, 0, 0, 0, 0x1f, 0x2e, 0x3d, 0x4c]),
            (b"name", &name_table("Clinic Sans Regular")),
            (b"zzzz", &zlib(b"glyph outlines 0 0 10 10 20 20")),
        ],
    );
    let otf = sfnt_font(
        b"OTTO",
        &[(b"SVG ", &gzip(b"<svg><path d=\"M0 0h10\"/></svg>"))],
    );
    assert_published(
        &walter,
        &[
            ("static/fonts/sans.ttf", ttf),
            ("static/fonts/icons.otf", otf),
        ],
    );
}

// ---------------------------------------------------------------------------
// Hidden files of static/
// ---------------------------------------------------------------------------

/// Hidden files of `static/` are never published (a host serves them to
/// whoever guesses their name), and the build names them in a warning
/// (HP0018) rather than dropping them without a word; what they hold is
/// not printed. `.well-known/` is published, and read by the guard.
#[test]
fn hidden_static_files_are_named_and_never_published() {
    let c = Clinic::new();
    walter(&c);
    let hidden = [
        "static/.htaccess",
        "static/.env",
        "static/.DS_Store",
        "static/.git/config",
        "static/img/.notes.txt",
        "static/.well-known/.secret",
    ];
    for rel in hidden {
        write_bytes(&c, rel, NAME);
    }
    c.write(
        "static/.well-known/security.txt",
        "Contact: mailto:security@clinic.test\n",
    );
    let out = build(&c, &["build"]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(0), "{}", head(&err));
    let warning = err
        .lines()
        .find(|l| l.contains("warning[HP0018]"))
        .unwrap_or_else(|| panic!("no HP0018 warning: {}", head(&err)));
    for named in [
        "static/.htaccess",
        "static/.env",
        "static/.DS_Store",
        "static/.git/",
        "static/img/.notes.txt",
        "static/.well-known/.secret",
    ] {
        assert!(
            warning.contains(named),
            "the warning does not name {named}: {warning}"
        );
    }
    for s in SECRETS {
        assert!(!reveals(&err, s), "stderr repeats {s}");
    }
    let public = c.tree("public");
    assert!(
        public
            .iter()
            .all(|(_, b)| !String::from_utf8_lossy(b).contains("Kaminski")),
        "a hidden file's text reached public/"
    );
    assert!(
        public
            .iter()
            .any(|(p, _)| p == std::path::Path::new(".well-known/security.txt")),
        ".well-known/security.txt is published"
    );
    // A clinic without hidden files is told nothing.
    let quiet = Clinic::new();
    walter(&quiet);
    quiet.write(
        "static/.well-known/security.txt",
        "Contact: mailto:security@clinic.test\n",
    );
    let err = stderr(&build(&quiet, &["build"]));
    assert!(!err.contains("HP0018"), "cried wolf: {}", head(&err));
    // `.well-known/` is read as any public file: a name there is a leak.
    assert_refused(
        &walter,
        "HP0501",
        &[(
            "static/.well-known/security.txt",
            b"Contact: Walter Kaminski <mailto:w@mail.test>\n".to_vec(),
        )],
        &["Kaminski"],
    );
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// Raw deflate (zlib without its header and checksum).
fn deflate(bytes: &[u8]) -> Vec<u8> {
    let mut z = flate2::write::DeflateEncoder::new(Vec::new(), flate2::Compression::default());
    z.write_all(bytes).expect("deflate");
    z.finish().expect("deflate")
}

/// Text packed with zlib or raw deflate, then written as base64 or hex
/// into a text file, a page or a JSON file, was taken for a key or a
/// hash: only gzip was opened.
#[test]
fn text_packed_then_written_as_base64_or_hex_is_read() {
    let packed = zlib(NAME);
    let svg = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\"><metadata>{}</metadata></svg>\n",
        b64(&packed)
    );
    assert_leaks_over(
        &walter,
        &[
            ("static/notes.txt", &format!("data: {}\n", b64(&packed))),
            ("static/notes.txt", &format!("blob {}\n", hex(&packed))),
            ("static/logo.svg", &svg),
            (
                "static/state.json",
                &format!("{{\"s\": \"{}\"}}\n", b64(&deflate(NAME))),
            ),
        ],
        &SECRETS,
    );
    assert_leaks_over(
        &ingrid,
        &[(
            "static/app.js",
            &format!(
                "const saved = \"{}\";\n",
                b64(&zlib(b"{\"patient\": \"Ingrid Oyelaran\"}"))
            ),
        )],
        &["Oyelaran"],
    );
    // Keys, hashes and harmless packed text are published.
    let keys = format!(
        "sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU= 0f1e2d3c4b5a69788796a5b4c3d2e1f0 {} {} ok10\n",
        b64(&zlib(b"Opening hours: Monday to Friday")),
        b64(&[0x78, 0x9c, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12])
    );
    assert_clean_over(&walter, &[("static/keys.txt", &keys)], &["ok10"]);
}

/// A picture inside a style sheet's or a page's `data:` URI, or written
/// as base64 into a text file, is published as written (nothing re-writes
/// it): one that does not decode, or a GIF with image data that does not
/// decompress, carried a name unread.
#[test]
fn a_picture_inside_a_file_that_does_not_decode_is_refused() {
    let typed = gif(8, 8, &[], NAME);
    let webp_typed = webp(&[(b"VP8 ", NAME)]);
    let uri = |mime: &str, b: &[u8]| format!("data:{mime};base64,{}", b64(b));
    let probes: Vec<(&str, Vec<u8>)> = vec![
        (
            "static/site.css",
            format!("body {{ background: url({}) }}\n", uri("image/gif", &typed)).into_bytes(),
        ),
        (
            "static/welcome.html",
            format!(
                "<p>Hi</p><img src=\"{}\" alt=\"\">\n",
                uri("image/webp", &webp_typed)
            )
            .into_bytes(),
        ),
        (
            "static/pixel.txt",
            format!("pixel: {}\n", b64(&typed)).into_bytes(),
        ),
    ];
    assert_refused(&walter, "HP0502", &probes, &SECRETS);
    // An ordinary picture in a data: URI is published.
    let css = format!(
        "body {{ background: url({}) }} /* ok11 */\n",
        uri("image/gif", &ordinary_gif())
    );
    assert_clean_over(&walter, &[("static/site.css", &css)], &["ok11"]);
}
