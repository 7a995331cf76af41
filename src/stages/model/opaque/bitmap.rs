//! Whether a BMP or an icon (ICO, CUR) holds bytes the privacy guard does
//! not read. Both go out as written. A bitmap's pixels are uncompressed,
//! so the guard's strings pass reads any text typed into them; what it
//! cannot read is what its header does not account for: bytes after the
//! pixels, or before them beyond the colour table (zlib-packed text
//! there, or a second file), and pixels compressed in a way it does not
//! know. An icon is a directory of such bitmaps and PNGs: bytes outside
//! every picture it lists, a PNG that does not decode, or an entry that is
//! neither are unread.

/// Bytes of slack a writer may leave after the pixels (a row or file
/// rounded up to 4 bytes).
const SLACK: usize = 4;

/// Is `b` a BMP by its header (not merely a text that starts with "BM"):
/// its header's size is one of the sizes BMP headers have.
pub(super) fn is_bmp(b: &[u8]) -> bool {
    b.starts_with(b"BM") && le32(b, 14).is_some_and(dib_size)
}

fn dib_size(n: u32) -> bool {
    matches!(n, 12 | 40 | 52 | 56 | 64 | 108 | 124)
}

/// Is `b` an icon or a cursor by its directory?
pub(super) fn is_icon(b: &[u8]) -> bool {
    let count = le16(b, 4).unwrap_or(0);
    (b.starts_with(&[0, 0, 1, 0]) || b.starts_with(&[0, 0, 2, 0]))
        && count > 0
        && le32(b, 18).is_some_and(|off| off as usize >= 6 + 16 * usize::from(count))
}

/// Does the BMP `b` hold bytes its header does not account for? Its
/// header and colour table, its pixels (run-length encoded ones up to
/// their end-of-bitmap code) and the colour profile a V4/V5 header points
/// at (an ICC profile is often written after the pixels) are accounted
/// for; any other byte is not.
pub(super) fn bmp_carries_unread(b: &[u8]) -> bool {
    let Some(offset) = le32(b, 10) else {
        return false;
    };
    let offset = offset as usize;
    let dib = b.get(14..).unwrap_or(&[]);
    let pixels = match (dib_bytes(dib, false), rle(dib)) {
        (Some((head, pixels)), _) => Some((head, pixels)),
        (None, Some((head, bits4))) => {
            rle_len(b.get(offset..).unwrap_or(&[]), bits4).map(|len| (head, len))
        }
        (None, None) => None,
    };
    let Some((head, pixels)) = pixels else {
        return true;
    };
    let mut covered = vec![(0, 14 + head), (offset, offset.saturating_add(pixels))];
    if let Some((from, len)) = profile(dib) {
        covered.push((
            14usize.saturating_add(from),
            14usize.saturating_add(from).saturating_add(len),
        ));
    }
    leaves_bytes(covered, b.len())
}

/// Where the colour profile a V4 or V5 header embeds or links (its file
/// name) is, from the header's start, and its size.
fn profile(d: &[u8]) -> Option<(usize, usize)> {
    let size = le32(d, 0)?;
    let kind = le32(d, 56)?;
    // PROFILE_EMBEDDED ('MBED'), PROFILE_LINKED ('LINK').
    if size < 124 || !matches!(kind, 0x4D42_4544 | 0x4C49_4E4B) {
        return None;
    }
    Some((le32(d, 112)? as usize, le32(d, 116)? as usize))
}

/// A run-length encoded bitmap's header and colour table size, and
/// whether its pixels are 4-bit (RLE4) or 8-bit (RLE8).
fn rle(d: &[u8]) -> Option<(usize, bool)> {
    let size = le32(d, 0)?;
    let (bpp, compression) = (le16(d, 14)?, le32(d, 16)?);
    let bits4 = match (compression, bpp) {
        (1, 8) => false,
        (2, 4) => true,
        _ => return None,
    };
    if !dib_size(size) || size == 12 {
        return None;
    }
    let colours = match le32(d, 32)? {
        0 => 1 << bpp,
        n => n.min(256),
    };
    Some((size as usize + 4 * colours as usize, bits4))
}

/// How many bytes run-length encoded pixels take, up to and with their
/// end-of-bitmap code (or the file's end). Runs are pairs; a pair of a
/// zero and 3 or more is that many pixels as they are (the bytes the
/// strings pass reads), padded to two bytes; zero and 2 moves by the
/// next two bytes. `None` when a code reaches past the file.
fn rle_len(p: &[u8], bits4: bool) -> Option<usize> {
    let mut i = 0;
    while let Some(&[n, v]) = p.get(i..i + 2) {
        i += 2;
        match (n, v) {
            (0, 1) => return Some(i),
            (0, 0) => {}
            (0, 2) => i += 2,
            (0, count) => {
                let bytes = if bits4 {
                    usize::from(count).div_ceil(2)
                } else {
                    usize::from(count)
                };
                i += bytes + (bytes & 1);
            }
            _ => {}
        }
    }
    (i <= p.len() + 1).then_some(i.min(p.len()))
}

/// A device-independent bitmap's (header and colour table, pixels) sizes
/// in bytes; an icon's has an AND mask after its pixels and says its
/// height twice over. `None` when its pixels are compressed (RLE, JPEG,
/// PNG) or its header makes no sense.
fn dib_bytes(d: &[u8], icon: bool) -> Option<(usize, usize)> {
    let size = le32(d, 0)?;
    if !dib_size(size) {
        return None;
    }
    let (w, h, bpp, compression, colours) = if size == 12 {
        let w = u32::from(le16(d, 4)?);
        let h = u32::from(le16(d, 6)?);
        (w, h, u32::from(le16(d, 10)?), 0, 0)
    } else {
        let w = le32(d, 4)? as i32;
        let h = le32(d, 8)? as i32;
        let colours = if size >= 36 { le32(d, 32)? } else { 0 };
        let compression = if size >= 20 { le32(d, 16)? } else { 0 };
        (
            w.unsigned_abs(),
            h.unsigned_abs(),
            u32::from(le16(d, 14)?),
            compression,
            colours,
        )
    };
    // Uncompressed, or with bit masks.
    if !matches!(compression, 0 | 3 | 6) || !matches!(bpp, 1 | 2 | 4 | 8 | 16 | 24 | 32) {
        return None;
    }
    let h = if icon { h / 2 } else { h };
    let stride = |bits: u64| (u64::from(w) * bits).div_ceil(32) * 4;
    let mut pixels = stride(u64::from(bpp)) * u64::from(h);
    if icon {
        pixels += stride(1) * u64::from(h);
    }
    let entry = if size == 12 { 3 } else { 4 };
    let palette = match (colours, bpp) {
        (0, 1..=8) => 1u64 << bpp,
        (n, _) => u64::from(n.min(1 << 16)),
    };
    let masks = if size == 40 && matches!(compression, 3 | 6) {
        16
    } else {
        0
    };
    let head = u64::from(size) + masks + palette * entry;
    Some((usize::try_from(head).ok()?, usize::try_from(pixels).ok()?))
}

/// Does the icon `b` hold bytes outside the pictures it lists, a picture
/// that is neither a bitmap nor a PNG, or a PNG that does not decode?
pub(super) fn icon_carries_unread(b: &[u8]) -> bool {
    let count = usize::from(le16(b, 4).unwrap_or(0));
    let mut covered = vec![(0usize, 6 + 16 * count)];
    for k in 0..count {
        let e = 6 + 16 * k;
        let (Some(size), Some(off)) = (le32(b, e + 8), le32(b, e + 12)) else {
            return true;
        };
        let (size, off) = (size as usize, off as usize);
        let Some(image) = b.get(off..off.saturating_add(size)) else {
            return true;
        };
        let readable = if image.starts_with(b"\x89PNG\r\n\x1a\n") {
            image::load_from_memory_with_format(image, image::ImageFormat::Png).is_ok()
        } else {
            dib_bytes(image, true).is_some_and(|(head, pixels)| head + pixels + SLACK >= size)
        };
        if !readable {
            return true;
        }
        covered.push((off, off + size));
    }
    leaves_bytes(covered, b.len())
}

fn le16(b: &[u8], i: usize) -> Option<u16> {
    Some(u16::from_le_bytes(b.get(i..i + 2)?.try_into().ok()?))
}

fn le32(b: &[u8], i: usize) -> Option<u32> {
    Some(u32::from_le_bytes(b.get(i..i + 4)?.try_into().ok()?))
}

/// Do the byte ranges `covered` leave more than [`SLACK`] bytes of a file
/// of `len` bytes unaccounted for, between them or after them?
fn leaves_bytes(mut covered: Vec<(usize, usize)>, len: usize) -> bool {
    covered.sort_unstable();
    let mut end = 0;
    for (from, to) in covered {
        if from > end + SLACK {
            return true;
        }
        end = end.max(to);
    }
    len > end + SLACK
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A `w`×`h` 24-bit BMP, its pixels zero.
    fn bmp(w: u32, h: u32) -> Vec<u8> {
        let stride = (w * 24).div_ceil(32) * 4;
        let mut b = b"BM".to_vec();
        b.extend((54 + stride * h).to_le_bytes());
        b.extend([0, 0, 0, 0]);
        b.extend(54u32.to_le_bytes());
        b.extend(40u32.to_le_bytes());
        b.extend(w.to_le_bytes());
        b.extend(h.to_le_bytes());
        b.extend([1, 0, 24, 0]);
        b.extend([0; 24]);
        b.extend(vec![0; (stride * h) as usize]);
        b
    }

    #[test]
    fn a_bitmap_is_read_to_its_last_pixel() {
        let ok = bmp(3, 2);
        assert!(is_bmp(&ok) && !bmp_carries_unread(&ok));
        assert!(!is_bmp(b"BMI of the patients: 25"));
        let mut longer = ok.clone();
        longer.extend(b"x\x9c\x0b\x4f\xcc\x29\x49\x2d");
        assert!(bmp_carries_unread(&longer));
    }

    #[test]
    fn an_icon_is_its_pictures() {
        let pic = bmp(2, 2);
        let mut dib = pic[14..].to_vec();
        // Height twice over, and an AND mask after the pixels.
        dib[8] = 4;
        dib.extend([0; 8]);
        let mut ico = vec![0, 0, 1, 0, 1, 0, 2, 2, 0, 0, 1, 0, 24, 0];
        ico.extend((dib.len() as u32).to_le_bytes());
        ico.extend(22u32.to_le_bytes());
        ico.extend(&dib);
        assert!(is_icon(&ico) && !icon_carries_unread(&ico));
        let mut after = ico.clone();
        after.extend(b"Walter Kaminski");
        assert!(icon_carries_unread(&after));
        let mut packed = ico[..22].to_vec();
        packed.extend(b"x\x9c\x0b\x4f\xcc\x29\x49\x2d");
        packed[14..18].copy_from_slice(&8u32.to_le_bytes());
        assert!(icon_carries_unread(&packed));
    }
}
