//! PNG, EXIF, JPEG, GIF and WebP metadata.

use super::*;

fn png_chunk(ty: &[u8], data: &[u8]) -> Vec<u8> {
    let mut v = (data.len() as u32).to_be_bytes().to_vec();
    v.extend(ty);
    v.extend(data);
    v.extend([0, 0, 0, 0]);
    v
}

/// A TIFF/EXIF blob with Artist in IFD0 and a UserComment in the EXIF IFD.
fn exif_blob(le: bool, artist: &str, comment: &[u8]) -> Vec<u8> {
    let w16 = |v: u16| if le { v.to_le_bytes() } else { v.to_be_bytes() };
    let w32 = |v: u32| if le { v.to_le_bytes() } else { v.to_be_bytes() };
    let mut b: Vec<u8> = if le {
        b"II*\0".to_vec()
    } else {
        b"MM\0*".to_vec()
    };
    b.extend(w32(8));
    // IFD0 at 8: 2 entries, then next=0; data after.
    let ifd0_end = 8 + 2 + 2 * 12 + 4;
    let artist_off = ifd0_end as u32;
    let mut artist_b = artist.as_bytes().to_vec();
    artist_b.push(0);
    let exif_ifd = artist_off + artist_b.len() as u32;
    b.extend(w16(2));
    b.extend(w16(0x013B));
    b.extend(w16(2));
    b.extend(w32(artist_b.len() as u32));
    b.extend(w32(artist_off));
    b.extend(w16(0x8769));
    b.extend(w16(4));
    b.extend(w32(1));
    b.extend(w32(exif_ifd));
    b.extend(w32(0));
    b.extend(&artist_b);
    let comment_off = exif_ifd + 2 + 12 + 4;
    b.extend(w16(1));
    b.extend(w16(0x9286));
    b.extend(w16(7));
    b.extend(w32(comment.len() as u32));
    b.extend(w32(comment_off));
    b.extend(w32(0));
    b.extend(comment);
    b
}

pub(super) fn png_fixture() -> Vec<u8> {
    let mut b = b"\x89PNG\r\n\x1a\n".to_vec();
    b.extend(png_chunk(b"IHDR", &[0, 0, 0, 1, 0, 0, 0, 1, 8, 0, 0, 0, 0]));
    b.extend(png_chunk(b"tEXt", b"Author\0Walter Kaminski"));
    let mut z = b"Comment\0\0".to_vec();
    z.extend(zlib(b"Zoe Ng visit"));
    b.extend(png_chunk(b"zTXt", &z));
    let mut it = b"XML:com.adobe.xmp\0\x01\0en\0\0".to_vec();
    it.extend(zlib(
        "<x:xmpmeta><rdf:li>Zoë Ng</rdf:li><dc:creator>Ada Lovelace</dc:creator></x:xmpmeta>"
            .as_bytes(),
    ));
    b.extend(png_chunk(b"iTXt", &it));
    let mut uc = b"UNICODE\0".to_vec();
    uc.extend(utf16_bytes("Grace Hopper", true));
    b.extend(png_chunk(b"eXIf", &exif_blob(false, "Alan Turing", &uc)));
    b.extend(png_chunk(b"IDAT", &zlib(b"Kaminski pixels are not text")));
    b.extend(png_chunk(b"IEND", b""));
    b
}

#[test]
fn png_text_chunks_and_exif() {
    let e = extract("img/a.png", &png_fixture());
    assert!(e.unreadable.is_none(), "{:?}", e.unreadable);
    for w in [
        "Walter Kaminski",
        "Zoe Ng visit",
        "Zoë Ng",
        "Ada Lovelace",
        "Alan Turing",
        "Grace Hopper",
    ] {
        assert!(text_has(&e, w), "{w}: {:?}", all(&e));
    }
    assert!(!text_has(&e, "pixels"));
    assert!(
        !text_word(&e, "li") && !text_word(&e, "Author"),
        "{:?}",
        all(&e)
    );
}

#[test]
fn jpeg_app_segments_and_comment() {
    let seg = |m: u8, data: &[u8]| {
        let mut v = vec![0xFF, m];
        v.extend(((data.len() + 2) as u16).to_be_bytes());
        v.extend(data);
        v
    };
    let mut b = vec![0xFF, 0xD8];
    b.extend(seg(0xE0, b"JFIF\0\x01\x01\0\0\x01\0\x01\0\0"));
    let mut ex = b"Exif\0\0".to_vec();
    let mut uc = b"UNICODE\0".to_vec();
    uc.extend(utf16_bytes("Grace Hopper", false));
    ex.extend(exif_blob(true, "Walter Kaminski", &uc));
    b.extend(seg(0xE1, &ex));
    let mut xmp = b"http://ns.adobe.com/xap/1.0/\0".to_vec();
    xmp.extend(b"<x:xmpmeta><dc:creator><rdf:Seq><rdf:li>Zoe Ng</rdf:li></rdf:Seq></dc:creator></x:xmpmeta>");
    b.extend(seg(0xE1, &xmp));
    let mut ps = b"Photoshop 3.0\08BIM\x04\x04\0\0\0\0\0\x09".to_vec();
    ps.extend(b"\x1C\x02\x50\x00\x02Li");
    b.extend(seg(0xED, &ps));
    b.extend(seg(0xFE, b"Ada Lovelace"));
    b.extend(seg(0xDA, b"\0\0"));
    b.extend(b"scan data Kaminski\xFF\xD9");
    let e = extract("a.JPG", &b);
    assert!(e.unreadable.is_none());
    for w in ["Walter Kaminski", "Grace Hopper", "Zoe Ng", "Ada Lovelace"] {
        assert!(text_has(&e, w), "{w}: {:?}", all(&e));
    }
    assert!(text_word(&e, "Li"), "IPTC byline: {:?}", all(&e));
    // Image data is read as strings: a picture that decodes still
    // publishes what follows its compressed stream.
    assert!(text_has(&e, "scan data"));
}

#[test]
fn gif_comments() {
    let mut b = b"GIF89a\x01\x00\x01\x00\x80\x00\x00".to_vec();
    b.extend([0u8; 6]); // global colour table, 2 entries
    b.extend(b"\x21\xFE\x07Walter \x08Kaminski\x00");
    b.extend(b"\x21\x01\x0C");
    b.extend([0u8; 12]);
    b.extend(b"\x06Zoe Ng\x00");
    b.extend(b"\x2C\0\0\0\0\x01\0\x01\0\0\x02\x02\x44\x01\x00");
    b.extend(b"\x3B");
    let e = extract("a.gif", &b);
    assert!(text_has(&e, "Walter Kaminski"), "{:?}", all(&e));
    assert!(text_has(&e, "Zoe Ng"), "{:?}", all(&e));
}

#[test]
fn webp_exif_and_xmp() {
    let chunk = |ty: &[u8], d: &[u8]| {
        let mut v = ty.to_vec();
        v.extend((d.len() as u32).to_le_bytes());
        v.extend(d);
        if d.len() % 2 == 1 {
            v.push(0);
        }
        v
    };
    let mut body = b"WEBP".to_vec();
    body.extend(chunk(b"VP8 ", b"Kaminski-not-text"));
    body.extend(chunk(
        b"EXIF",
        &exif_blob(true, "Walter Kaminski", b"ASCII\0\0\0Zoe Ng"),
    ));
    body.extend(chunk(b"XMP ", b"<x:xmpmeta>Ada Lovelace</x:xmpmeta>"));
    let mut b = b"RIFF".to_vec();
    b.extend((body.len() as u32).to_le_bytes());
    b.extend(body);
    let e = extract("a.webp", &b);
    for w in ["Walter Kaminski", "Zoe Ng", "Ada Lovelace"] {
        assert!(text_has(&e, w), "{w}: {:?}", all(&e));
    }
    assert!(text_has(&e, "not-text"), "image data is read as strings");
}

/// A JPEG segment: marker, length, data.
fn jpeg_seg(m: u8, data: &[u8]) -> Vec<u8> {
    let mut v = vec![0xFF, m];
    v.extend(((data.len() + 2) as u16).to_be_bytes());
    v.extend(data);
    v
}

/// A JPEG of one scan, `between` after the scan's data (before EOI).
fn jpeg_with(between: &[u8]) -> Vec<u8> {
    let mut b = vec![0xFF, 0xD8];
    b.extend(jpeg_seg(0xE0, b"JFIF\0\x01\x01\0\0\x01\0\x01\0\0"));
    b.extend(jpeg_seg(0xDA, b"\x01\x01\x00\x00\x3F\x00"));
    // Entropy-coded data holds stuffed 0xFF00 and restart markers.
    b.extend(b"Okafor\xFF\x00pixels\xFF\xD3more");
    b.extend(between);
    b.extend(b"\xFF\xD9");
    b
}

#[test]
fn segments_after_a_jpeg_scan_are_read() {
    // A progressive picture has several scans, with segments between them.
    let mut between = jpeg_seg(0xFE, b"Photo of Walter Kaminski");
    between.extend(jpeg_seg(0xDA, b"\x01\x01\x00\x00\x3F\x00"));
    between.extend(b"Zoe Ng pixels");
    let e = extract("a.jpg", &jpeg_with(&between));
    assert!(text_has(&e, "Walter Kaminski"), "{:?}", all(&e));
    assert!(e.unreadable.is_none(), "{:?}", e.unreadable);
    // Image data is read as strings too (what follows the compressed
    // stream of a picture that decodes is published).
    assert!(text_has(&e, "Okafor"), "{:?}", all(&e));
}

#[test]
fn what_follows_a_pictures_end_is_read_as_a_file() {
    let ends: Vec<(&str, Vec<u8>)> = vec![
        ("a.jpg", jpeg_with(b"")),
        ("a.png", super::images::png_fixture()),
        ("a.gif", b"GIF89a\x01\x00\x01\x00\x00\x00\x00;".to_vec()),
        (
            "a.webp",
            // RIFF size 14: "WEBP" and a VP8 chunk of two bytes.
            b"RIFF\x0E\0\0\0WEBPVP8 \x02\0\0\0\0\0".to_vec(),
        ),
    ];
    for (path, picture) in ends {
        // Text appended (`cat notes.txt >> photo.jpg`).
        let mut b = picture.clone();
        b.extend(b"notes: Rosa Hernandez, knee\n");
        let e = extract(path, &b);
        assert!(text_has(&e, "Rosa Hernandez"), "{path}: {:?}", all(&e));
        // A second picture (an HDR photo's gain map) with its own metadata.
        let mut b = picture.clone();
        let mut second = vec![0xFF, 0xD8];
        second.extend(jpeg_seg(0xFE, b"Ada Lovelace"));
        second.extend(b"\xFF\xD9");
        b.extend(&second);
        let e = extract(path, &b);
        assert!(text_has(&e, "Ada Lovelace"), "{path}: {:?}", all(&e));
        assert!(e.unreadable.is_none(), "{path}: {:?}", e.unreadable);
        // A phone's motion photo: a video after the picture is refused.
        let mut b = picture.clone();
        b.extend(b"\0\0\0\x18ftypmp42\0\0\0\0mp42isom\x01\x02\x03\x80\x81");
        let e = extract(path, &b);
        assert!(
            e.unreadable.as_deref().is_some_and(|r| r.contains("video")),
            "{path}: {:?}",
            e.unreadable
        );
        // Compressed bytes nobody can tell from a video are refused too.
        let mut b = picture.clone();
        b.extend(zlib(b"Walter Kaminski"));
        assert!(extract(path, &b).unreadable.is_some(), "{path}");
        // Padding is nothing.
        let mut b = picture.clone();
        b.extend(b"\0\0\xFF\n");
        let e = extract(path, &b);
        assert!(e.unreadable.is_none(), "{path}: {:?}", e.unreadable);
    }
}

#[test]
fn a_picture_appended_to_a_picture_tells_where_it_was_taken() {
    // Big-endian TIFF: IFD0 points at the GPS directory, which has a latitude.
    let mut tiff = b"MM\0*\0\0\0\x08".to_vec();
    tiff.extend(b"\0\x01\x88\x25\0\x04\0\0\0\x01\0\0\0\x1A\0\0\0\0");
    tiff.extend(b"\0\x01\0\x02\0\x05\0\0\0\x03\0\0\0\x2C\0\0\0\0");
    tiff.extend([0u8; 24]);
    let mut app1 = b"Exif\0\0".to_vec();
    app1.extend(tiff);
    let mut second = vec![0xFF, 0xD8];
    second.extend(jpeg_seg(0xE1, &app1));
    second.extend(b"\xFF\xD9");
    assert!(
        extract("b.jpg", &second).located,
        "the fixture has a position"
    );
    let mut b = jpeg_with(b"");
    assert!(!extract("a.jpg", &b).located);
    b.extend(second);
    assert!(extract("a.jpg", &b).located);
}

#[test]
fn pictures_inside_an_icon_are_read() {
    let png = {
        let mut z = b"Author\0\0".to_vec();
        z.extend(zlib(b"Walter Kaminski"));
        let mut b = b"\x89PNG\r\n\x1a\n".to_vec();
        b.extend(png_chunk(b"IHDR", &[0, 0, 0, 1, 0, 0, 0, 1, 8, 0, 0, 0, 0]));
        b.extend(png_chunk(b"zTXt", &z));
        b.extend(png_chunk(b"IEND", b""));
        b
    };
    let mut ico = vec![0, 0, 1, 0, 1, 0];
    ico.extend([1, 1, 0, 0, 1, 0, 32, 0]);
    ico.extend((png.len() as u32).to_le_bytes());
    ico.extend(22u32.to_le_bytes());
    ico.extend(&png);
    let e = extract("favicon.ico", &ico);
    assert!(text_has(&e, "Walter Kaminski"), "{:?}", all(&e));
    assert!(e.unreadable.is_none(), "{:?}", e.unreadable);
}
