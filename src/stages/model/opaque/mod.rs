//! What a picture that is not re-written carries beyond what the privacy
//! guard reads. A JPEG, PNG or WebP that decodes is re-written without its
//! metadata ([`super::without_metadata`]); one that does not goes out as
//! written, and the guard reads its metadata segments and chunks, not its
//! image data nor a segment of a kind it does not know (zlib-packed text
//! in an `APP15`, a name in the bytes after a scan header, an unknown
//! WebP chunk). A GIF, BMP or icon always goes out as written: its blocks
//! and its pixels' layout are checked ([`gif`], [`bitmap`]).

mod bitmap;
mod gif;

/// The kind of picture `bytes` is by its first bytes, whatever its name,
/// when it is one whose unread parts [`carries_unread`] knows.
pub fn picture_kind(bytes: &[u8]) -> Option<&'static str> {
    if let Some(kind) = super::raster_kind(bytes) {
        Some(kind)
    } else if bytes.starts_with(b"GIF87a") || bytes.starts_with(b"GIF89a") {
        Some("GIF")
    } else if bitmap::is_bmp(bytes) {
        Some("BMP")
    } else if bitmap::is_icon(bytes) {
        Some("icon")
    } else {
        None
    }
}

/// Does `bytes`, a picture by its first bytes ([`picture_kind`]) that is
/// published as written, hold data the guard does not read? A JPEG, PNG
/// or WebP (one that did not decode) of metadata alone (a comment, EXIF,
/// text chunks) does not; image data does. A GIF, BMP or icon does when
/// it holds a block of a kind the guard does not know, image data that
/// does not decompress, or bytes its header does not account for.
pub fn carries_unread(bytes: &[u8]) -> bool {
    match picture_kind(bytes) {
        Some("JPEG") => jpeg(bytes),
        Some("PNG") => png(bytes),
        Some("WebP") => webp(bytes),
        Some("GIF") => gif::carries_unread(bytes),
        Some("BMP") => bitmap::bmp_carries_unread(bytes),
        Some("icon") => bitmap::icon_carries_unread(bytes),
        _ => false,
    }
}

/// Does `bytes`, a picture published as written wherever it is (inside a
/// `data:` URI of a page or a style sheet, or as base64 in a text file:
/// heropath re-writes none of them), hold data the guard does not read?
/// A GIF, BMP or icon as [`carries_unread`] says; a JPEG, PNG or WebP
/// when it does not decode and holds more than metadata (one that decodes
/// is a picture like any other).
pub fn unread_as_written(bytes: &[u8]) -> bool {
    match picture_kind(bytes) {
        Some("GIF" | "BMP" | "icon") => carries_unread(bytes),
        Some(_) => carries_unread(bytes) && image::load_from_memory(bytes).is_err(),
        None => false,
    }
}

/// WebP chunks of metadata the guard reads (or none), and headers.
const WEBP_READ: [&[u8; 4]; 5] = [b"EXIF", b"XMP ", b"ICCP", b"VP8X", b"ANIM"];

fn webp(b: &[u8]) -> bool {
    let mut i = 12;
    while let Some(head) = b.get(i..i + 8) {
        if !WEBP_READ.iter().any(|t| &head[..4] == *t) {
            return true;
        }
        let len = u32::from_le_bytes([head[4], head[5], head[6], head[7]]) as usize;
        i = i.saturating_add(8).saturating_add(len + (len & 1));
    }
    false
}

fn jpeg(b: &[u8]) -> bool {
    let mut i = 2;
    loop {
        match (b.get(i), b.get(i + 1)) {
            (None, _) => return false,
            (Some(0xFF), Some(&m)) => {
                i += 2;
                match m {
                    // The end: what follows is read as a file of its own.
                    0xD9 => return false,
                    // A fill byte, and markers without a length.
                    0xFF => i -= 1,
                    0x01 | 0xD0..=0xD7 => {}
                    // A scan: entropy-coded data, which is not read.
                    0xDA => return true,
                    // Application segments the guard reads (JFIF, EXIF and
                    // XMP, ICC, IPTC, Adobe), a comment, and the tables.
                    0xE0 | 0xE1 | 0xE2 | 0xED | 0xEE | 0xFE | 0xC0..=0xDF => {
                        let Some(len) = b.get(i..i + 2) else {
                            return true;
                        };
                        i += usize::from(u16::from_be_bytes([len[0], len[1]]));
                    }
                    _ => return true,
                }
            }
            // Out of step: bytes the guard reads only as strings.
            _ => return true,
        }
    }
}

/// PNG chunks whose content the guard reads or that hold no text.
const PNG_READ: [&[u8; 4]; 19] = [
    b"IHDR", b"PLTE", b"IEND", b"tRNS", b"gAMA", b"cHRM", b"sRGB", b"sBIT", b"bKGD", b"hIST",
    b"pHYs", b"sPLT", b"tIME", b"tEXt", b"zTXt", b"iTXt", b"iCCP", b"eXIf", b"acTL",
];

fn png(b: &[u8]) -> bool {
    let mut i = 8;
    while let Some(head) = b.get(i..i + 8) {
        let len = u32::from_be_bytes([head[0], head[1], head[2], head[3]]) as usize;
        if !PNG_READ.iter().any(|t| &head[4..8] == *t) {
            return true;
        }
        i = i.saturating_add(12).saturating_add(len);
    }
    false
}

#[cfg(test)]
mod tests {
    use super::carries_unread;

    #[test]
    fn metadata_alone_is_read_and_image_data_is_not() {
        let comment = [0xFF, 0xD8, 0xFF, 0xFE, 0, 4, b'h', b'i', 0xFF, 0xD9];
        assert!(!carries_unread(&comment));
        let app15 = [0xFF, 0xD8, 0xFF, 0xEF, 0, 4, 0x78, 0x9C, 0xFF, 0xD9];
        assert!(carries_unread(&app15));
        let scan = [0xFF, 0xD8, 0xFF, 0xDA, 0, 2, b'W', b'a', 0xFF, 0xD9];
        assert!(carries_unread(&scan));
        let mut webp = b"RIFF\0\0\0\0WEBP".to_vec();
        webp.extend(b"EXIF\x02\0\0\0ab");
        assert!(!carries_unread(&webp));
        webp.extend(b"ZZZZ\x02\0\0\0x\x9c");
        assert!(carries_unread(&webp));
        let mut png = b"\x89PNG\r\n\x1a\n".to_vec();
        png.extend([0, 0, 0, 2]);
        png.extend(b"tEXtab\0\0\0\0");
        assert!(!carries_unread(&png));
        png.extend([0, 0, 0, 2]);
        png.extend(b"IDATxx\0\0\0\0");
        assert!(carries_unread(&png));
    }
}
