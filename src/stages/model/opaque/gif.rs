//! Whether a GIF holds bytes the privacy guard does not read. The guard
//! reads a GIF's comments, plain-text and XMP blocks and whatever follows
//! its end; its image data is LZW-compressed pixels, which it does not
//! read. A GIF goes out as written (heropath does not re-encode it), so a
//! block of a kind the guard does not know, an application block it does
//! not know, or image data that does not decompress as LZW (a name typed
//! into it, zlib-packed text) is data published unread.

/// Application blocks of known meaning: looping (Netscape, AnimExts), XMP
/// (read by the guard), an ICC profile, ImageMagick's 8BIM and IPTC
/// profiles (read as strings by the guard). A block of any other kind is
/// read when it is text (ImageMagick's `gamma=0.45455`).
const KNOWN_APPS: [&[u8]; 6] = [
    b"NETSCAPE2.0",
    b"ANIMEXTS1.0",
    b"XMP DataXMP",
    b"ICCRGBG1012",
    b"MGK8BIM0000",
    b"MGKIPTC0000",
];

/// Does the GIF `b` hold a block the guard does not read, or image data
/// that does not decompress?
pub(super) fn carries_unread(b: &[u8]) -> bool {
    let Some(&packed) = b.get(10) else {
        return false;
    };
    let mut i = 13 + table(packed);
    loop {
        match b.get(i) {
            // The end: what follows is read as a file of its own.
            Some(0x3B) => return false,
            // Cut short: nothing more is published.
            None => return false,
            Some(0x2C) => {
                let Some(&packed) = b.get(i + 9) else {
                    return false;
                };
                i += 10 + table(packed);
                let Some(&min) = b.get(i) else { return false };
                let Some((data, next)) = blocks(b, i + 1) else {
                    return !lzw_decodes(min, &joined(b, i + 1));
                };
                if !lzw_decodes(min, &data) {
                    return true;
                }
                i = next;
            }
            Some(0x21) => {
                let Some(&label) = b.get(i + 1) else {
                    return false;
                };
                let first = b.get(i + 2..).unwrap_or(&[]);
                let known = match label {
                    // Graphic control, comment, plain text.
                    0xF9 | 0xFE | 0x01 => true,
                    0xFF if KNOWN_APPS
                        .iter()
                        .any(|a| first.get(1..12) == Some(*a) && first.first() == Some(&11)) =>
                    {
                        true
                    }
                    _ => blocks(b, i + 2).is_some_and(|(data, _)| text(&data)),
                };
                if !known {
                    return true;
                }
                if label == 0xFF && first.get(1..12) == Some(b"XMP DataXMP") {
                    // Raw XMP, read by the guard; its sub-block lengths
                    // are its text's bytes, ended by its magic trailer.
                    match blocks(b, i + 2) {
                        Some((_, next)) => i = next,
                        None => return false,
                    }
                    continue;
                }
                match blocks(b, i + 2) {
                    Some((_, next)) => i = next,
                    None => return false,
                }
            }
            // Out of step: bytes that are no block.
            Some(_) => return true,
        }
    }
}

/// Is `data` text the guard's strings pass reads whole (printable ASCII)?
fn text(data: &[u8]) -> bool {
    data.iter()
        .all(|&c| c == b'\t' || c == b'\n' || c == b'\r' || (0x20..0x7F).contains(&c))
}

/// The size of a colour table its `packed` field says follows.
fn table(packed: u8) -> usize {
    if packed & 0x80 != 0 {
        3 << ((packed & 7) + 1)
    } else {
        0
    }
}

/// The data sub-blocks from `i`, joined, and the index after their
/// terminator; `None` when the file ends first.
fn blocks(b: &[u8], mut i: usize) -> Option<(Vec<u8>, usize)> {
    let mut v = Vec::new();
    loop {
        match *b.get(i)? {
            0 => return Some((v, i + 1)),
            n => {
                v.extend_from_slice(b.get(i + 1..i + 1 + usize::from(n))?);
                i += 1 + usize::from(n);
            }
        }
    }
}

/// The sub-blocks from `i` of a file cut short, as far as they go.
fn joined(b: &[u8], mut i: usize) -> Vec<u8> {
    let mut v = Vec::new();
    while let Some(&n) = b.get(i) {
        if n == 0 {
            break;
        }
        let end = (i + 1 + usize::from(n)).min(b.len());
        v.extend_from_slice(b.get(i + 1..end).unwrap_or(&[]));
        i += 1 + usize::from(n);
    }
    v
}

/// Does `data` decompress as GIF's LZW with `min` bits a pixel, up to its
/// end code and with nothing after it but the last byte's padding? Only
/// the codes are checked (each names an entry of the table or the next
/// one): no pixel is made, nothing is allocated.
///
/// A code size of 1 (below the 2 the format asks for, but written by some
/// tools) is read both ways decoders read it: the width growing after the
/// first code (giflib) or after the first new entry (browsers).
fn lzw_decodes(min: u8, data: &[u8]) -> bool {
    lzw_decodes_as(min, data, false) || (min == 1 && lzw_decodes_as(min, data, true))
}

fn lzw_decodes_as(min: u8, data: &[u8], eager: bool) -> bool {
    if !(1..=11).contains(&min) {
        return false;
    }
    let clear = 1u32 << min;
    let end = clear + 1;
    let mut next = clear + 2;
    let mut size = u32::from(min) + 1;
    let mut prev = false;
    let (mut acc, mut bits, mut at) = (0u32, 0u32, 0usize);
    loop {
        while bits < size {
            let Some(&byte) = data.get(at) else {
                // No end code: browsers show what came, and nothing was
                // left unread.
                return true;
            };
            acc |= u32::from(byte) << bits;
            bits += 8;
            at += 1;
        }
        let code = acc & ((1 << size) - 1);
        acc >>= size;
        bits -= size;
        if code == clear {
            next = clear + 2;
            size = u32::from(min) + 1;
            prev = false;
            continue;
        }
        if code == end {
            // A byte of slack: some encoders write one more.
            return data.len() - at <= 1;
        }
        if code > next || (code == next && !prev) {
            return false;
        }
        if prev && next < 4096 {
            next += 1;
            if next == 1 << size && size < 12 {
                size += 1;
            }
        } else if !prev && eager && next == 1 << size && size < 12 {
            size += 1;
        }
        prev = true;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A 1×1 GIF, as every tool writes it.
    const PIXEL: &[u8] = b"GIF89a\x01\0\x01\0\x80\0\0\0\0\0\xff\xff\xff!\xf9\x04\x01\0\0\0\0,\0\0\0\0\x01\0\x01\0\0\x02\x02D\x01\0;";

    #[test]
    fn a_gif_that_decodes_carries_nothing_unread() {
        assert!(!carries_unread(PIXEL));
        let mut commented = PIXEL[..PIXEL.len() - 1].to_vec();
        commented.extend(b"\x21\xFE\x02hi\0;");
        assert!(!carries_unread(&commented));
    }

    #[test]
    fn unknown_blocks_and_image_data_that_does_not_decode_are_unread() {
        let cut = PIXEL.len() - 1;
        let mut unknown = PIXEL[..cut].to_vec();
        unknown.extend(b"\x21\x99\x04\x78\x9c\x0b\x4f\0;");
        assert!(carries_unread(&unknown));
        let mut app = PIXEL[..cut].to_vec();
        app.extend(b"\x21\xFF\x0BPRIVATEDATA\x04x\x9c\x0b\x4f\0;");
        assert!(carries_unread(&app));
        let mut magick = PIXEL[..cut].to_vec();
        magick.extend(b"\x21\xFF\x0BImageMagick\x0Dgamma=0.45455\0;");
        assert!(!carries_unread(&magick), "a block of text is read");
        let mut typed = b"GIF89a\x01\0\x01\0\0\0\0,\0\0\0\0\x01\0\x01\0\0\x02".to_vec();
        typed.extend(b"\x0FWalter Kaminski\0;");
        assert!(carries_unread(&typed));
        let mut after_end = PIXEL[..cut - 1].to_vec();
        after_end.extend(b"\x05Walte\0;");
        assert!(carries_unread(&after_end), "bytes after the end code");
    }
}
