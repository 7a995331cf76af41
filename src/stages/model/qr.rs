//! QR codes to exercise videos, drawn as compact inline SVG. The modules
//! are `qrcode`'s, and so is the choice of mask: of its eight patterns, the
//! one with the lowest penalty score, scored exactly as `qrcode` scores it
//! but over a grid of booleans instead of through a closure per module.
//! Choosing the mask was most of drawing a code, and a build draws one per
//! video of the library: the eighth of a 1,000-plan build. A test draws
//! hundreds of codes both ways and asks for the same modules.

use qrcode::canvas::{Canvas, MaskPattern};
use qrcode::{Color, EcLevel};

/// A QR code for `url` as compact inline SVG, or `None` when the URL is
/// too long to encode. One stroked path of width 1 draws each horizontal
/// run of dark modules as a line through the middle of its row (`M x y.5 h
/// n`, the next run of the row a relative move `m gap 0 h n`): half the
/// bytes of a rectangle per run, and every handout with a video carries it.
pub fn qr_svg(url: &str) -> Option<String> {
    use std::fmt::Write as _;
    let (width, dark) = modules(url)?;
    let quiet = 4;
    let size = width + 2 * quiet;
    let mut d = String::new();
    for (y, row) in dark.chunks(width).enumerate() {
        // Where the last run of this row ended (None: none yet).
        let mut end: Option<usize> = None;
        let mut x = 0;
        while x < width {
            if !row[x] {
                x += 1;
                continue;
            }
            let start = x;
            while x < width && row[x] {
                x += 1;
            }
            let _ = match end {
                None => write!(d, "M{} {}.5h{}", start + quiet, y + quiet, x - start),
                Some(e) => write!(d, "m{} 0h{}", start - e, x - start),
            };
            end = Some(x);
        }
    }
    Some(format!(
        "<svg class=\"qr\" role=\"img\" aria-label=\"QR code\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {size} {size}\" width=\"{px}\" height=\"{px}\" shape-rendering=\"crispEdges\"><rect width=\"{size}\" height=\"{size}\" fill=\"#fff\"/><path fill=\"none\" stroke=\"#000\" d=\"{d}\"/></svg>",
        px = size * 3,
    ))
}

/// The modules of `url`'s QR code (error correction level M, the smallest
/// version that holds it, as `qrcode::QrCode::new`): its width and, row by
/// row, which modules are dark. `None` when the URL is too long.
fn modules(url: &str) -> Option<(usize, Vec<bool>)> {
    let level = EcLevel::M;
    let bits = qrcode::bits::encode_auto(url.as_bytes(), level).ok()?;
    let version = bits.version();
    let data = bits.into_bytes();
    let (data, ec) = qrcode::ec::construct_codewords(&data, version, level).ok()?;
    let width = usize::try_from(version.width()).ok()?;
    let mut canvas = Canvas::new(version, level);
    canvas.draw_all_functional_patterns();
    canvas.draw_data(&data, &ec);
    let masked = MASKS.iter().map(|&mask| {
        let mut c = canvas.clone();
        c.apply_mask(mask);
        let dark: Vec<bool> = c
            .into_colors()
            .into_iter()
            .map(|m| m == Color::Dark)
            .collect();
        (penalty(&dark, width), dark)
    });
    // The first of the lowest, as `qrcode`'s `min_by_key`.
    let mut best: Option<(u16, Vec<bool>)> = None;
    for (score, dark) in masked {
        if best.as_ref().is_none_or(|(b, _)| score < *b) {
            best = Some((score, dark));
        }
    }
    best.map(|(_, dark)| (width, dark))
}

/// The mask patterns in `qrcode`'s order (ties go to the first).
const MASKS: [MaskPattern; 8] = [
    MaskPattern::Checkerboard,
    MaskPattern::HorizontalLines,
    MaskPattern::VerticalLines,
    MaskPattern::DiagonalLines,
    MaskPattern::LargeCheckerboard,
    MaskPattern::Fields,
    MaskPattern::Diamonds,
    MaskPattern::Meadow,
];

/// `qrcode`'s penalty score of a masked code (`dark`, row by row): runs
/// of five or more in a row or column, 2×2 blocks, finder-like patterns,
/// and the dark/light balance, added in 16 bits as it adds them (a sum
/// that wraps as its does; the terms' order does not matter then).
fn penalty(dark: &[bool], width: usize) -> u16 {
    // Columns as rows, so both directions read contiguous lines.
    let columns: Vec<bool> = (0..dark.len())
        .map(|k| dark[(k % width) * width + k / width])
        .collect();
    let mut score = 0u16;
    for grid in [dark, &columns] {
        let mut finders = 0u16;
        for line in grid.chunks(width) {
            score = score.wrapping_add(run_score(line));
            finders = finders.wrapping_add(finder_score(line));
        }
        score = score.wrapping_add(finders.wrapping_sub(360));
    }
    for (top, bottom) in dark.chunks(width).zip(dark.chunks(width).skip(1)) {
        for x in 0..width.saturating_sub(1) {
            let c = top[x];
            if top[x + 1] == c && bottom[x] == c && bottom[x + 1] == c {
                score = score.wrapping_add(3);
            }
        }
    }
    let dark_count = dark.iter().filter(|&&d| d).count();
    let ratio = dark_count * 200 / dark.len().max(1);
    score.wrapping_add(ratio.abs_diff(100) as u16)
}

/// Every run of `5 + n` same-coloured modules scores `3 + n`.
fn run_score(line: &[bool]) -> u16 {
    let mut score = 0u16;
    let mut i = 0;
    while i < line.len() {
        let start = i;
        while i < line.len() && line[i] == line[start] {
            i += 1;
        }
        let len = (i - start) as u16;
        if len >= 5 {
            score = score.wrapping_add(len - 2);
        }
    }
    score
}

/// 40 for each dark-light-dark-dark-dark-light-dark with four light
/// modules (or the edge) on either side.
fn finder_score(line: &[bool]) -> u16 {
    const PATTERN: [bool; 7] = [true, false, true, true, true, false, true];
    let n = line.len() as isize;
    let dark = |k: isize| 0 <= k && k < n && line[k as usize];
    let mut score = 0u16;
    for j in 0..line.len().saturating_sub(6) {
        // Most positions fail at the first two modules.
        if !line[j] || line[j + 1] || line[j..j + 7] != PATTERN {
            continue;
        }
        let j = j as isize;
        if !(j - 4..j).any(dark) || !(j + 7..j + 11).any(dark) {
            score = score.wrapping_add(40);
        }
    }
    score
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The same modules as `qrcode::QrCode::new`, mask included, for URLs
    /// of every length a version boundary falls near, and varied content.
    #[test]
    fn the_modules_are_qrcodes_own() {
        let mut urls: Vec<String> = Vec::new();
        for len in 1..=300 {
            let tail: String = (0..len)
                .map(|i| {
                    char::from(b"abcdefghijklmnopqrstuvwxyz0123456789-_/."[(i * 7 + len) % 40])
                })
                .collect();
            urls.push(format!("https://videos.example-pt.test/{tail}"));
        }
        urls.push("HTTPS://EXAMPLE.TEST/UPPER-CASE-ALNUM-MODE 123".into());
        urls.push("0123456789".repeat(20));
        urls.push("https://vídeos.example.test/ejercício?t=1&x=ü".into());
        for url in &urls {
            let theirs = qrcode::QrCode::new(url.as_bytes()).unwrap();
            let (width, dark) = modules(url).unwrap();
            assert_eq!(width, theirs.width(), "{url}");
            let want: Vec<bool> = theirs
                .to_colors()
                .iter()
                .map(|c| *c == Color::Dark)
                .collect();
            assert!(dark == want, "{url}: a different mask or module");
        }
        assert!(modules(&"x".repeat(5000)).is_none(), "too long to encode");
    }

    #[test]
    fn the_penalty_parts_score_as_qrcodes() {
        // A run of five scores 3, of seven 5; shorter runs nothing.
        let line = [
            true, true, true, true, true, false, false, false, false, false, false, false, true,
        ];
        assert_eq!(run_score(&line), 3 + 5);
        // A finder-like pattern with light space on one side scores 40.
        let mut line = vec![false; 4];
        line.extend([true, false, true, true, true, false, true]);
        line.extend([true; 4]);
        assert_eq!(finder_score(&line), 40);
        line[0] = true;
        line[3] = true;
        assert_eq!(finder_score(&line), 0, "dark within four on both sides");
    }
}
