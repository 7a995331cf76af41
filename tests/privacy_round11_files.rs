//! Privacy red team, round 11: what a static FILE hides in the parts the
//! guard skipped or could not open. Bytes inside a picture's image data
//! (after the end of its compressed stream, within the chunk's declared
//! size) of a picture that still decodes; PostScript's ASCII85, ASCIIHex
//! and LZW streams; a font table of no kind a font reader uses (raw
//! deflate, LZW inside); WOFF2 fonts (brotli), refused whole before; UTF-7
//! in any text file. Beside each hole, ordinary files of the same kind
//! that must still build: run-length encoded and V5 bitmaps with an ICC
//! profile, GIFs of small code sizes, an animated GIF with comments.

mod common;
use common::files::*;
use common::fonts::*;
use common::gif::*;
use common::probes::*;
use common::*;
use std::io::Write as _;

/// Walter Kaminski, born 1950-06-30.
const WALTER: &str = "name: Walter Kaminski\nbirth_date: 1950-06-30\nphone: \"(302) 555-0177\"\nemail: wkaminski@example.test";

fn walter(c: &Clinic) {
    patients_clinic(c, &[WALTER]);
}

const SECRETS: [&str; 3] = ["Kaminski", "1950", "wkaminski"];
const NAME: &[u8] = b"Walter Kaminski, born 1950-06-30";

fn deflate(bytes: &[u8]) -> Vec<u8> {
    let mut z = flate2::write::DeflateEncoder::new(Vec::new(), flate2::Compression::best());
    z.write_all(bytes).expect("deflate");
    z.finish().expect("deflate")
}

fn unhex(s: &str) -> Vec<u8> {
    (0..s.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(&s[i..i + 2], 16).expect("hex"))
        .collect()
}

// ---------------------------------------------------------------------------
// Pictures
// ---------------------------------------------------------------------------

fn pixels(w: u32, h: u32) -> image::RgbImage {
    image::RgbImage::from_fn(w, h, |x, y| {
        image::Rgb([(x as u8).wrapping_mul(9), (y as u8).wrapping_mul(7), 90])
    })
}

/// A real lossless WebP, as an editor saves one.
fn real_webp(w: u32, h: u32) -> Vec<u8> {
    let img = pixels(w, h);
    let mut out = Vec::new();
    image::codecs::webp::WebPEncoder::new_lossless(&mut out)
        .encode(img.as_raw(), w, h, image::ExtendedColorType::Rgb8)
        .expect("webp");
    out
}

fn real(w: u32, h: u32, format: image::ImageFormat) -> Vec<u8> {
    let mut out = Vec::new();
    image::DynamicImage::ImageRgb8(pixels(w, h))
        .write_to(&mut std::io::Cursor::new(&mut out), format)
        .expect("encode");
    out
}

/// `b`'s RIFF chunks, with `payload` appended inside each chunk tagged
/// `tag` (its declared size grown to hold it).
fn webp_stuffed(b: &[u8], tag: &[u8; 4], payload: &[u8]) -> Vec<u8> {
    let mut body = b"WEBP".to_vec();
    let mut i = 12;
    while i + 8 <= b.len() {
        let n = u32::from_le_bytes(b[i + 4..i + 8].try_into().expect("4")) as usize;
        let mut data = b[i + 8..i + 8 + n].to_vec();
        if &b[i..i + 4] == tag {
            data.extend(payload);
        }
        body.extend(&b[i..i + 4]);
        body.extend(u32::try_from(data.len()).expect("small").to_le_bytes());
        body.extend(&data);
        if data.len() % 2 == 1 {
            body.push(0);
        }
        i += 8 + n + (n & 1);
    }
    let mut out = b"RIFF".to_vec();
    out.extend(u32::try_from(body.len()).expect("small").to_le_bytes());
    out.extend(body);
    out
}

/// `png` with `payload` appended inside its IDAT chunk, after the end of
/// the zlib stream (its CRC made right).
fn png_stuffed(png: &[u8], payload: &[u8]) -> Vec<u8> {
    let mut out = png[..8].to_vec();
    let mut i = 8;
    while i + 12 <= png.len() {
        let n = u32::from_be_bytes(png[i..i + 4].try_into().expect("4")) as usize;
        let ty = &png[i + 4..i + 8];
        let mut data = png[i + 8..i + 8 + n].to_vec();
        if ty == b"IDAT" {
            data.extend(payload);
        }
        out.extend(u32::try_from(data.len()).expect("small").to_be_bytes());
        let mut typed = ty.to_vec();
        typed.extend(&data);
        out.extend(&typed);
        out.extend(crc32(&typed).to_be_bytes());
        i += 12 + n;
    }
    out
}

/// `jpeg` with `payload` after its scan's data, before its end marker.
fn jpeg_stuffed(jpeg: &[u8], payload: &[u8]) -> Vec<u8> {
    let eoi = jpeg.len() - 2;
    assert_eq!(&jpeg[eoi..], &[0xFF, 0xD9]);
    let mut out = jpeg[..eoi].to_vec();
    out.extend(payload);
    out.extend(&jpeg[eoi..]);
    out
}

fn decodes(b: &[u8]) -> bool {
    image::load_from_memory(b).is_ok()
}

// ---------------------------------------------------------------------------
// Runners (as round 10's)
// ---------------------------------------------------------------------------

// ---------------------------------------------------------------------------
// 1. Image data
// ---------------------------------------------------------------------------

/// A WebP that decodes keeps its `VP8L` chunk as it is: bytes appended
/// inside the chunk, after the image data, went out unread. So did bytes
/// after the zlib stream inside a PNG's IDAT, or after a JPEG's scan, of
/// a picture inside a `data:` URI (published as written).
#[test]
fn a_payload_inside_image_data_is_read() {
    let webp = webp_stuffed(&real_webp(24, 16), b"VP8L", NAME);
    let png = png_stuffed(&real(24, 16, image::ImageFormat::Png), NAME);
    let jpeg = jpeg_stuffed(&real(24, 16, image::ImageFormat::Jpeg), NAME);
    for (what, b) in [("webp", &webp), ("png", &png), ("jpeg", &jpeg)] {
        assert!(decodes(b), "the probe's {what} must still decode");
    }
    let packed = webp_stuffed(&real_webp(9, 9), b"VP8L", &zlib(b"wkaminski@example.test"));
    let uri = |mime: &str, b: &[u8]| format!("data:{mime};base64,{}", b64(b));
    let css = format!(".hero {{ background: url({}); }}\n", uri("image/png", &png));
    let html = format!(
        "<!doctype html><html><body><img src=\"{}\" alt=\"\"></body></html>\n",
        uri("image/jpeg", &jpeg)
    );
    assert_refused(
        &walter,
        "HP0501",
        &[
            ("static/team.webp", webp),
            ("static/img/gym.webp", packed),
            ("static/hero.css", css.into_bytes()),
            ("static/welcome.html", html.into_bytes()),
        ],
        &SECRETS,
    );
}

/// Ordinary pictures of each kind still build.
#[test]
fn ordinary_pictures_still_build() {
    assert_published(
        &walter,
        &[
            ("static/a.webp", real_webp(40, 30)),
            ("static/b.png", real(40, 30, image::ImageFormat::Png)),
            ("static/c.jpg", real(40, 30, image::ImageFormat::Jpeg)),
        ],
    );
}

// ---------------------------------------------------------------------------
// 2. PostScript streams
// ---------------------------------------------------------------------------

fn ascii85(b: &[u8]) -> String {
    let mut out = String::from("<~");
    for c in b.chunks(4) {
        let mut w = [0u8; 4];
        w[..c.len()].copy_from_slice(c);
        let mut n = u32::from_be_bytes(w);
        let mut d = [0u8; 5];
        for k in (0..5).rev() {
            d[k] = (n % 85) as u8 + b'!';
            n /= 85;
        }
        out.extend(d[..c.len() + 1].iter().map(|&x| x as char));
        if out.len() % 70 > 64 {
            out.push('\n');
        }
    }
    out.push_str("~>");
    out
}

/// PostScript's LZW (9 to 12 bit codes, most significant bit first, the
/// width growing one code early).
fn ps_lzw(data: &[u8]) -> Vec<u8> {
    let mut table: std::collections::HashMap<Vec<u8>, u32> =
        (0..=255u8).map(|b| (vec![b], u32::from(b))).collect();
    let (mut next, mut size) = (258u32, 9u32);
    let (mut acc, mut bits, mut out) = (0u64, 0u32, Vec::new());
    let mut emit = |code: u32, size: u32, out: &mut Vec<u8>| {
        acc = (acc << size) | u64::from(code);
        bits += size;
        while bits >= 8 {
            bits -= 8;
            out.push((acc >> bits) as u8);
        }
    };
    emit(256, size, &mut out);
    let mut cur: Vec<u8> = Vec::new();
    for &c in data {
        let mut x = cur.clone();
        x.push(c);
        if table.contains_key(&x) {
            cur = x;
            continue;
        }
        emit(table[&cur], size, &mut out);
        table.insert(x, next);
        next += 1;
        if next + 1 > 1 << size && size < 12 {
            size += 1;
        }
        cur = vec![c];
    }
    emit(table[&cur], size, &mut out);
    emit(257, size, &mut out);
    if bits > 0 {
        out.push((acc << (8 - bits)) as u8);
    }
    out
}

fn eps(filters: &str, data: &str) -> Vec<u8> {
    format!(
        "%!PS-Adobe-3.0 EPSF-3.0\n%%BoundingBox: 0 0 200 200\ncurrentfile {filters} filter cvx exec\n{data}\n%%EOF\n"
    )
    .into_bytes()
}

/// An EPS's page text in an ASCII85 stream (raw, or packed with Flate or
/// LZW), or in ASCIIHex packed with Flate, was published unread.
#[test]
fn postscript_ascii_streams_are_read() {
    let page = b"/Helvetica findfont 12 scalefont setfont 72 720 moveto (Walter Kaminski 1950-06-30) show showpage\n";
    let hex: String = zlib(page).iter().map(|b| format!("{b:02x}")).collect();
    assert_refused(
        &walter,
        "HP0501",
        &[
            ("static/flyer.eps", eps("/ASCII85Decode", &ascii85(page))),
            (
                "static/print/card.eps",
                eps("/ASCII85Decode filter /FlateDecode", &ascii85(&zlib(page))),
            ),
            (
                "static/poster.ps",
                eps("/ASCII85Decode filter /LZWDecode", &ascii85(&ps_lzw(page))),
            ),
            (
                "static/label.eps",
                eps("/ASCIIHexDecode filter /FlateDecode", &format!("<{hex}>")),
            ),
        ],
        &SECRETS,
    );
}

/// An EPS whose ASCII85 stream is a picture's pixels builds.
#[test]
fn an_eps_with_an_ascii85_picture_builds() {
    let pixels: Vec<u8> = (0..3000u32).map(|i| (i * 7 % 251) as u8).collect();
    assert_published(
        &walter,
        &[
            ("static/logo.eps", eps("/ASCII85Decode", &ascii85(&pixels))),
            (
                "static/logo2.eps",
                eps(
                    "/ASCII85Decode filter /LZWDecode",
                    &ascii85(&ps_lzw(&pixels)),
                ),
            ),
        ],
    );
}

// ---------------------------------------------------------------------------
// 3. Fonts
// ---------------------------------------------------------------------------

/// A WOFF 1.0 of `tables`, each stored as it is.
fn woff(tables: &[(&[u8; 4], &[u8])]) -> Vec<u8> {
    let n = tables.len();
    let mut dir = Vec::new();
    let mut data = Vec::new();
    let start = 44 + 20 * n;
    for (tag, t) in tables {
        dir.extend(*tag);
        dir.extend(
            u32::try_from(start + data.len())
                .expect("small")
                .to_be_bytes(),
        );
        dir.extend(u32::try_from(t.len()).expect("small").to_be_bytes());
        dir.extend(u32::try_from(t.len()).expect("small").to_be_bytes());
        dir.extend([0; 4]);
        data.extend(*t);
        while data.len() % 4 != 0 {
            data.push(0);
        }
    }
    let total = u32::try_from(start + data.len()).expect("small");
    let mut out = b"wOFF\0\x01\0\0".to_vec();
    out.extend(total.to_be_bytes());
    out.extend(u16::try_from(n).expect("few").to_be_bytes());
    out.extend([0, 0]);
    out.extend([0; 28]);
    out.extend(dir);
    out.extend(data);
    out
}

// Made with fontTools (a one-glyph font; its family name as said).
const WOFF2_PLAIN: &str = include_str!("privacy_round11_woff2_plain.hex");
const WOFF2_NAMED: &str = include_str!("privacy_round11_woff2_named.hex");
const WOFF2_UNKNOWN: &str = include_str!("privacy_round11_woff2_unknown.hex");

/// A font table of a kind no font reader uses, holding raw deflate or LZW
/// (neither has a header the guard finds), went out unread: such a font
/// is refused, unless a person lists it as reviewed.
#[test]
fn a_font_table_of_no_known_kind_is_refused() {
    let head: &[u8] = &[0; 54];
    let raw = deflate(NAME);
    let lzw = ps_lzw(NAME);
    assert_refused(
        &walter,
        "HP0502",
        &[
            (
                "static/fonts/clinic.ttf",
                sfnt_font(&[0, 1, 0, 0], &[(b"head", head), (b"zzzz", &raw)]),
            ),
            (
                "static/fonts/clinic.woff",
                woff(&[(b"head", head), (b"PRIV", &raw)]),
            ),
            (
                "static/fonts/lzw.otf",
                sfnt_font(&[0, 1, 0, 0], &[(b"head", head), (b"Xtra", &lzw)]),
            ),
            ("static/fonts/brand.woff2", unhex(WOFF2_UNKNOWN.trim())),
        ],
        &SECRETS,
    );
    let reviewed = |c: &Clinic| {
        walter(c);
        c.write(
            "site.yaml",
            &site("privacy:\n  reviewed_files:\n    - { pattern: \"fonts/*\", reason: \"Our type foundry's font, checked by Sam on 2026-12-02\" }\n"),
        );
    };
    assert_published(
        &reviewed,
        &[(
            "static/fonts/clinic.ttf",
            sfnt_font(&[0, 1, 0, 0], &[(b"head", head), (b"zzzz", &raw)]),
        )],
    );
}

/// A WOFF2 font was refused whole (brotli could not be read): now its
/// tables are read, so a name in them is found and a plain font builds.
#[test]
fn a_woff2_font_is_read() {
    assert_refused(
        &walter,
        "HP0501",
        &[("static/fonts/walter.woff2", unhex(WOFF2_NAMED.trim()))],
        &SECRETS,
    );
    assert_published(
        &walter,
        &[("static/fonts/clinic.woff2", unhex(WOFF2_PLAIN.trim()))],
    );
}

/// Fonts with only the tables fonts have build.
#[test]
fn ordinary_fonts_still_build() {
    let head: &[u8] = &[0; 54];
    let name: Vec<u8> = "Clinic Sans".bytes().collect();
    assert_published(
        &walter,
        &[
            (
                "static/a.ttf",
                sfnt_font(
                    &[0, 1, 0, 0],
                    &[(b"head", head), (b"name", &name), (b"FFTM", &[0; 28])],
                ),
            ),
            (
                "static/b.woff",
                woff(&[(b"head", head), (b"GSUB", &[0; 10])]),
            ),
        ],
    );
}

// ---------------------------------------------------------------------------
// 4. UTF-7
// ---------------------------------------------------------------------------

/// `s` as UTF-7: one `+…-` run of modified base64 over UTF-16.
fn utf7(s: &str) -> String {
    let units: Vec<u8> = s.encode_utf16().flat_map(u16::to_be_bytes).collect();
    format!("+{}-", b64(&units).trim_end_matches('='))
}

/// UTF-7 hides every letter from the scan ("+AEA-" is "@"): a text file,
/// a page, a style sheet, a drawing or a JSON file declaring no charset.
#[test]
fn utf7_is_read_in_any_text_file() {
    let name = utf7("Walter Kaminski");
    assert_refused(
        &walter,
        "HP0501",
        &[
            (
                "static/notes.txt",
                format!("Patient: {name}\n").into_bytes(),
            ),
            (
                "static/thanks.html",
                format!(
                    "<!doctype html><html><body><p>Mail {}</p></body></html>\n",
                    utf7("wkaminski@example.test")
                )
                .into_bytes(),
            ),
            (
                "static/extra.css",
                format!("body::after {{ content: \"{name}\"; }}\n").into_bytes(),
            ),
            (
                "static/badge.svg",
                format!("<svg xmlns=\"http://www.w3.org/2000/svg\"><text>{name}</text></svg>\n")
                    .into_bytes(),
            ),
            (
                "static/data.json",
                format!("{{\"who\": \"{name}\"}}\n").into_bytes(),
            ),
        ],
        &SECRETS,
    );
}

/// Plus signs in ordinary text (a phone, C++, a sum, a URL's query) raise
/// nothing.
#[test]
fn plus_signs_in_ordinary_text_build() {
    assert_published(
        &walter,
        &[
            (
                "static/notes.txt",
                b"Call +1 302 555 0100. We teach C++ and a+b. Search ?q=knee+pain+exercises\n"
                    .to_vec(),
            ),
            (
                "static/app.js",
                b"const total = a +b + c+d; const s = 'x' +String(total);\n".to_vec(),
            ),
        ],
    );
}

// ---------------------------------------------------------------------------
// 5. Ordinary bitmaps and GIFs
// ---------------------------------------------------------------------------

fn bmp_file(dib: &[u8], palette: &[u8], pixels: &[u8], after: &[u8]) -> Vec<u8> {
    let offset = 14 + dib.len() + palette.len();
    let size = offset + pixels.len() + after.len();
    let mut b = b"BM".to_vec();
    b.extend(u32::try_from(size).expect("small").to_le_bytes());
    b.extend([0; 4]);
    b.extend(u32::try_from(offset).expect("small").to_le_bytes());
    b.extend(dib);
    b.extend(palette);
    b.extend(pixels);
    b.extend(after);
    b
}

/// A 40-byte header: `w`×`h`, `bpp` bits, `compression`, `colours`.
fn info(w: i32, h: i32, bpp: u16, compression: u32, size_image: u32, colours: u32) -> Vec<u8> {
    let mut d = 40u32.to_le_bytes().to_vec();
    d.extend(w.to_le_bytes());
    d.extend(h.to_le_bytes());
    d.extend(1u16.to_le_bytes());
    d.extend(bpp.to_le_bytes());
    d.extend(compression.to_le_bytes());
    d.extend(size_image.to_le_bytes());
    d.extend(2835i32.to_le_bytes());
    d.extend(2835i32.to_le_bytes());
    d.extend(colours.to_le_bytes());
    d.extend(0u32.to_le_bytes());
    d
}

/// An RLE8 (or RLE4) bitmap, as Windows' tools write one: runs, an
/// absolute run, end-of-line codes, the end-of-bitmap code.
fn rle_bmp(bits4: bool) -> Vec<u8> {
    let (w, h) = (16i32, 8i32);
    let colours = if bits4 { 16u32 } else { 256 };
    let palette: Vec<u8> = (0..colours)
        .flat_map(|i| [i as u8, 255 - i as u8, (i / 2) as u8, 0])
        .collect();
    let mut data = Vec::new();
    for y in 0..h as u8 {
        if bits4 {
            data.extend([8, 0x12, 0, 4, 0x34, 0x56, 4, 0x77]);
        } else {
            data.extend([6, y, 0, 4, 1, 2, 3, 4, 6, y + 1]);
        }
        data.extend([0, 0]);
    }
    data.extend([0, 1]);
    let dib = info(
        w,
        h,
        if bits4 { 4 } else { 8 },
        if bits4 { 2 } else { 1 },
        u32::try_from(data.len()).expect("small"),
        colours,
    );
    bmp_file(&dib, &palette, &data, &[])
}

/// A V5 bitmap whose ICC profile (a copy of its shape: header, tag table,
/// a description) is written after its pixels, as editors save one.
fn v5_icc_bmp() -> Vec<u8> {
    let (w, h) = (20i32, 10i32);
    let stride = (w as usize * 3).div_ceil(4) * 4;
    let pixels: Vec<u8> = (0..stride * h as usize)
        .map(|i| (i * 7 % 256) as u8)
        .collect();
    let mut profile = vec![0u8; 128];
    profile[36..40].copy_from_slice(b"acsp");
    profile.extend(1u32.to_be_bytes());
    profile.extend(b"desc");
    profile.extend(144u32.to_be_bytes());
    profile.extend(32u32.to_be_bytes());
    profile.extend(b"desc\0\0\0\0\0\0\0\x10sRGB built-in\0\0\0\0\0\0\0\0\0\0\0");
    let len = u32::try_from(profile.len()).expect("small");
    profile[..4].copy_from_slice(&len.to_be_bytes());
    let mut dib = info(w, h, 24, 0, u32::try_from(pixels.len()).expect("small"), 0);
    dib[0..4].copy_from_slice(&124u32.to_le_bytes());
    dib.extend([0; 16]); // masks
    dib.extend(0x4D42_4544u32.to_le_bytes()); // PROFILE_EMBEDDED
    dib.extend([0; 36 + 12]); // endpoints, gamma
    dib.extend(4u32.to_le_bytes()); // intent
    let from_header = 124 + pixels.len();
    dib.extend(u32::try_from(from_header).expect("small").to_le_bytes());
    dib.extend(len.to_le_bytes());
    dib.extend([0; 4]);
    assert_eq!(dib.len(), 124);
    bmp_file(&dib, &[], &pixels, &profile)
}

/// A `w`×`h` GIF89a with a colour table of `1 << bits` entries, `blocks`
/// before each frame, `frames` frames of LZW minimum code size `min`.
fn gif(w: u16, h: u16, bits: u8, min: u8, blocks: &[u8], frames: usize) -> Vec<u8> {
    let mut out = b"GIF89a".to_vec();
    out.extend(w.to_le_bytes());
    out.extend(h.to_le_bytes());
    out.extend([0xF0 | (bits - 1), 0, 0]);
    out.extend((0..1u32 << bits).flat_map(|i| [(i * 80) as u8, 255 - (i * 60) as u8, 9]));
    out.extend(b"\x21\xFF\x0BNETSCAPE2.0\x03\x01\x00\x00\x00");
    for f in 0..frames {
        out.extend(blocks);
        out.extend(b"\x21\xF9\x04\x04\x0A\x00\x00\x00");
        out.push(0x2C);
        out.extend([0, 0, 0, 0]);
        out.extend(w.to_le_bytes());
        out.extend(h.to_le_bytes());
        out.push(0);
        out.push(min);
        let pixels: Vec<u8> = (0..usize::from(w) * usize::from(h))
            .map(|i| ((i + f * 3 + i / 7) % (1 << bits)) as u8)
            .collect();
        out.extend(gif_sub_blocks(&gif_lzw(min, &pixels)));
    }
    out.push(0x3B);
    out
}

/// Run-length encoded bitmaps, a V5 bitmap with its ICC profile after its
/// pixels, GIFs of LZW minimum code sizes 1 and 2 and an animated GIF that
/// loops with comments: ordinary files the guard refused.
#[test]
fn ordinary_bitmaps_and_gifs_build() {
    let comment = b"\x21\xFE\x18Our new gym, spring 2026\x00";
    let files = [
        ("static/rle8.bmp", rle_bmp(false)),
        ("static/rle4.bmp", rle_bmp(true)),
        ("static/v5.bmp", v5_icc_bmp()),
        ("static/bilevel.gif", gif(17, 9, 1, 1, &[], 1)),
        ("static/four.gif", gif(12, 12, 2, 2, &[], 1)),
        ("static/anim.gif", gif(30, 20, 8, 8, comment, 3)),
    ];
    for (rel, bytes) in &files {
        assert_published(&walter, &[(rel, bytes.clone())]);
    }
    // With zlib-packed text after their pixels (or their profile), the
    // same bitmaps are refused still.
    let packed = zlib(NAME);
    let mut rle = rle_bmp(false);
    rle.extend(&packed);
    let mut v5 = v5_icc_bmp();
    v5.extend(&packed);
    assert_refused(
        &walter,
        "HP0502",
        &[("static/rle8.bmp", rle), ("static/v5.bmp", v5)],
        &SECRETS,
    );
}
