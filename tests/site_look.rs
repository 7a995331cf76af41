//! The public site's look (issue 17): story photos only with `photo`
//! consent, published images re-encoded without metadata under hashed
//! names, the hero's call to action and the clinic's JSON-LD.

mod common;
use common::*;
use std::io::Cursor;

/// A JPEG carrying EXIF (an Artist tag with the patient's name) and a PNG
/// carrying a tEXt chunk with it.
fn tagged_images() -> (Vec<u8>, Vec<u8>) {
    let img = image::DynamicImage::new_rgb8(700, 400);
    let mut jpg = Vec::new();
    img.write_to(&mut Cursor::new(&mut jpg), image::ImageFormat::Jpeg)
        .unwrap();
    // TIFF little endian, one IFD entry: Artist (0x013b) ASCII.
    let name = b"Mari Lopez\0";
    let mut tiff = b"II*\0\x08\0\0\0\x01\0\x3b\x01\x02\0".to_vec();
    tiff.extend((name.len() as u32).to_le_bytes());
    tiff.extend(26u32.to_le_bytes());
    tiff.extend(0u32.to_le_bytes());
    tiff.extend(name);
    let mut app1 = b"Exif\0\0".to_vec();
    app1.extend(tiff);
    let mut tagged = jpg[..2].to_vec();
    tagged.extend([0xff, 0xe1]);
    tagged.extend(((app1.len() + 2) as u16).to_be_bytes());
    tagged.extend(app1);
    tagged.extend(&jpg[2..]);
    let mut png = Vec::new();
    img.write_to(&mut Cursor::new(&mut png), image::ImageFormat::Png)
        .unwrap();
    let text = b"tEXtAuthor\0Mari Lopez";
    let mut chunk = ((text.len() - 4) as u32).to_be_bytes().to_vec();
    chunk.extend(text);
    chunk.extend([0, 0, 0, 0]); // CRC is not checked by most readers
    let mut tagged_png = png[..33].to_vec();
    tagged_png.extend(chunk);
    tagged_png.extend(&png[33..]);
    (tagged, tagged_png)
}

/// A 700×400 WebP as a phone saves it: the extended format (`VP8X`)
/// with an `EXIF` chunk naming `who` (the TIFF block of `tagged_images`).
fn tagged_webp(who: &[u8; 10]) -> Vec<u8> {
    let img = image::DynamicImage::new_rgb8(700, 400);
    let mut plain = Vec::new();
    img.write_to(&mut Cursor::new(&mut plain), image::ImageFormat::WebP)
        .unwrap();
    // A simple WebP is RIFF, size, WEBP and one VP8L chunk.
    let vp8l = &plain[12..];
    let mut tiff = b"II*\0\x08\0\0\0\x01\0\x3b\x01\x02\0".to_vec();
    tiff.extend(11u32.to_le_bytes());
    tiff.extend(26u32.to_le_bytes());
    tiff.extend(0u32.to_le_bytes());
    tiff.extend(who);
    tiff.push(0);
    let mut vp8x = b"VP8X\x0a\0\0\0\x08\0\0\0".to_vec();
    vp8x.extend(&699u32.to_le_bytes()[..3]);
    vp8x.extend(&399u32.to_le_bytes()[..3]);
    let mut exif = b"EXIF".to_vec();
    exif.extend((tiff.len() as u32).to_le_bytes());
    exif.extend(&tiff);
    if tiff.len() % 2 == 1 {
        exif.push(0);
    }
    let body = [b"WEBP".as_slice(), &vp8x, vp8l, &exif].concat();
    [
        b"RIFF".as_slice(),
        &(body.len() as u32).to_le_bytes(),
        &body,
    ]
    .concat()
}

fn png_chunks(bytes: &[u8]) -> Vec<String> {
    let mut out = Vec::new();
    let mut i = 8;
    while i + 8 <= bytes.len() {
        let len = u32::from_be_bytes(bytes[i..i + 4].try_into().unwrap()) as usize;
        out.push(String::from_utf8_lossy(&bytes[i + 4..i + 8]).into_owned());
        i += 12 + len;
    }
    out
}

fn clinic_with_photo(scope: &str) -> Clinic {
    let c = Clinic::sample();
    let (jpg, png) = tagged_images();
    probes::write_bytes(&c, "content/images/mari-lopez-face.jpg", &jpg);
    probes::write_bytes(&c, "content/images/front-desk.png", &png);
    let site = c.read("site.yaml");
    let site = site.replace(
        "hero:\n",
        "hero:\n  image: front-desk.png\n  image_alt: The front desk\n",
    );
    c.write("site.yaml", &site);
    let plan = c.read("content/plans/maria-lopez.yaml");
    let plan = plan.replace("scope: [website]", scope).replace(
        "  consent:\n",
        "  photo: {file: mari-lopez-face.jpg, alt: Smiling on a garden bench}\n  consent:\n",
    );
    c.write("content/plans/maria-lopez.yaml", &plan);
    c
}

#[test]
fn photo_without_photo_scope_is_not_published_and_warned() {
    let c = clinic_with_photo("scope: [website]");
    let out = c.cmd(&["build"]).output().unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stderr(&out).contains("HP0206"), "{}", stderr(&out));
    let files = c.tree("public");
    let jpgs = files
        .iter()
        .filter(|(p, _)| p.to_string_lossy().ends_with(".jpg"))
        .count();
    assert_eq!(jpgs, 0, "no story photo may be published");
    assert!(files.iter().any(
        |(p, _)| p.to_string_lossy().ends_with(".png") && p.to_string_lossy().contains("img/")
    ));
}

#[test]
fn published_images_are_hashed_and_carry_no_metadata() {
    let c = clinic_with_photo("scope: [website, photo]");
    let out = c.cmd(&["build"]).output().unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(!stderr(&out).contains("HP0206"));
    let files = c.tree("public");
    let images: Vec<_> = files
        .iter()
        .filter(|(p, _)| p.to_string_lossy().contains("img/"))
        .collect();
    assert!(
        images
            .iter()
            .any(|(p, _)| p.to_string_lossy().ends_with(".jpg"))
    );
    for (path, bytes) in &images {
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        let stem = name.split('-').next().unwrap();
        assert_eq!(stem.len(), 16, "{name}: hashed name");
        assert!(stem.chars().all(|ch| ch.is_ascii_hexdigit()), "{name}");
        assert!(!String::from_utf8_lossy(bytes).contains("Lopez"), "{name}");
        if name.ends_with(".jpg") {
            let exif = exif::Reader::new().read_from_container(&mut Cursor::new(bytes));
            assert!(exif.is_err(), "{name}: EXIF survived");
        } else {
            let chunks = png_chunks(bytes);
            assert!(
                chunks
                    .iter()
                    .all(|k| ["IHDR", "IDAT", "IEND"].contains(&k.as_str())),
                "{name}: {chunks:?}"
            );
        }
    }
    // The original really carried EXIF the reader finds.
    let (jpg, _) = tagged_images();
    assert!(
        exif::Reader::new()
            .read_from_container(&mut Cursor::new(&jpg))
            .is_ok()
    );
    // The story page shows the photo responsively and shares it.
    let story = files
        .iter()
        .find(|(p, b)| {
            p.to_string_lossy().starts_with("stories/")
                && String::from_utf8_lossy(b).contains("story-photo")
        })
        .map(|(_, b)| String::from_utf8_lossy(b).into_owned())
        .expect("a story page with the photo");
    assert!(story.contains("srcset=") && story.contains("loading=\"lazy\""));
    assert!(story.contains("property=\"og:image\" content=\"https://"));
    // Same input, same bytes.
    let again = c.cmd(&["build"]).output().unwrap();
    assert!(again.status.success());
    assert_eq!(c.tree("public"), files);
}

#[test]
fn home_has_a_call_to_action_and_clinic_json_ld() {
    let c = Clinic::sample();
    let out = c.cmd(&["build"]).output().unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let home = c.read("public/index.html");
    assert!(
        home.contains("class=\"button\" href=\"tel:3025550100\""),
        "{home}"
    );
    let ld = home
        .split("<script type=\"application/ld+json\">")
        .nth(1)
        .and_then(|s| s.split("</script>").next())
        .expect("JSON-LD on the home page");
    let v: serde_json::Value = serde_json::from_str(ld).expect("JSON");
    assert_eq!(v["telephone"], "(302) 555-0100");
    assert!(v["@type"].to_string().contains("Physiotherapy"));
    assert_eq!(v["address"]["@type"], "PostalAddress");
    assert!(v["openingHours"].is_array());
    // A booking page takes over the button.
    let site = c.read("site.yaml").replace(
        "  phone:",
        "  booking_url: https://book.example-pt.test/\n  phone:",
    );
    c.write("site.yaml", &site);
    assert!(c.cmd(&["build"]).output().unwrap().status.success());
    let home = c.read("public/index.html");
    assert!(home.contains("class=\"button\" href=\"https://book.example-pt.test/\""));
}

#[test]
fn hostile_brand_settings_are_refused_at_their_line() {
    let c = Clinic::sample();
    let site = c.read("site.yaml").replace(
        "brand:\n  color: \"#0b6e69\"\n",
        "brand:\n  color: \"red; } body { display: none\"\n  fonts: \"x} body{background:url(//tracker.test/a)\"\n  logo: ../../etc/passwd\n",
    );
    let site = site.replace(
        "  phone:",
        "  booking_url: \"javascript:alert(1)\"\n  phone:",
    );
    c.write("site.yaml", &site);
    let line = |needle: &str| site.lines().position(|l| l.contains(needle)).unwrap() + 1;
    let out = c.cmd(&["check"]).output().unwrap();
    assert!(!out.status.success());
    let err = stderr(&out);
    for (needle, code) in [
        ("color:", "HP0007"),
        ("fonts:", "HP0007"),
        ("logo:", "HP0104"),
        ("booking_url:", "HP0007"),
    ] {
        let at = format!("site.yaml:{}:", line(needle));
        assert!(
            err.lines().any(|l| l.starts_with(&at) && l.contains(code)),
            "{code} at {at}\n{err}"
        );
    }
}

#[test]
fn pictures_written_into_pages_are_published_clean_and_responsive() {
    let c = Clinic::sample();
    let (jpg, _) = tagged_images();
    probes::write_bytes(&c, "content/images/mari-lopez-at-the-desk.jpg", &jpg);
    c.write(
        "content/pages/team.md",
        "---\ntitle: Team\n---\nSay hello.\n\n![Our front desk](/images/mari-lopez-at-the-desk.jpg \"Front desk\")\n",
    );
    let base = "https://clinic.test/sub/";
    let out = c.cmd(&["build", "--base-url", base]).output().unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let page = c.read("public/team/index.html");
    let body = &page[page.find("<main").unwrap()..];
    let img = body
        .split("<img ")
        .nth(1)
        .map(|s| &s[..s.find('>').unwrap()])
        .expect("the picture");
    assert!(img.contains("src=\"/sub/img/"), "{img}");
    assert!(
        img.contains("srcset=\"/sub/img/") && img.contains(" 480w"),
        "{img}"
    );
    assert!(img.contains("width=\"700\" height=\"400\""), "{img}");
    assert!(
        img.contains("loading=\"lazy\"") && img.contains("alt=\"Our front desk\""),
        "{img}"
    );
    assert!(
        !page.contains("mari-lopez"),
        "the file name must not reach the page"
    );
    for (path, bytes) in c.tree("public") {
        let name = path.to_string_lossy().to_string();
        assert!(!name.contains("mari"), "{name}");
        if name.ends_with(".jpg") {
            let exif = exif::Reader::new().read_from_container(&mut Cursor::new(&bytes));
            assert!(exif.is_err(), "{name}: EXIF survived");
        }
    }
}

#[test]
fn static_pictures_keep_their_name_and_lose_their_metadata() {
    let c = Clinic::sample();
    let (jpg, png) = tagged_images();
    // Metadata without a patient's name (the guard would refuse one):
    // GPS-like camera data a clinic would not think of.
    let jpg = replace_bytes(&jpg, b"Mari Lopez", b"Camera 123");
    let png = replace_bytes(&png, b"Mari Lopez", b"Camera 123");
    probes::write_bytes(&c, "static/img/desk.jpg", &jpg);
    probes::write_bytes(&c, "static/img/desk.png", &png);
    let out = c.cmd(&["build"]).output().unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let jpg_out = std::fs::read(c.path().join("public/img/desk.jpg")).unwrap();
    let png_out = std::fs::read(c.path().join("public/img/desk.png")).unwrap();
    assert!(
        exif::Reader::new()
            .read_from_container(&mut Cursor::new(&jpg))
            .is_ok()
    );
    assert!(
        exif::Reader::new()
            .read_from_container(&mut Cursor::new(&jpg_out))
            .is_err()
    );
    assert!(png_chunks(&png).contains(&"tEXt".to_string()));
    assert_eq!(png_chunks(&png_out), ["IHDR", "IDAT", "IEND"]);
}

fn replace_bytes(hay: &[u8], from: &[u8], to: &[u8]) -> Vec<u8> {
    let i = hay.windows(from.len()).position(|w| w == from).unwrap();
    [&hay[..i], to, &hay[i + from.len()..]].concat()
}

#[test]
fn pages_include_cards_at_their_marker_with_text_escaped() {
    let c = Clinic::sample();
    let site = c.read("site.yaml").replace(
        "team:\n",
        "team:\n  - name: \"<script>alert(1)</script> Ana\"\n    line: \"<b>bold</b> & more\"\n",
    );
    c.write("site.yaml", &site);
    c.write(
        "content/pages/people.md",
        "---\ntitle: People\n---\nBefore.\n\n[[team]]\n\nAfter, and [[services]] inside a sentence stays text.\n\n[[services]]\n",
    );
    let out = c.cmd(&["build"]).output().unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let page = c.read("public/people/index.html");
    let main = &page[page.find("<main").unwrap()..];
    assert!(
        !main.contains("<script>") && !main.contains("<b>"),
        "{main}"
    );
    assert!(
        main.contains("&lt;script&gt;alert(1)&lt;&#x2F;script&gt; Ana")
            || main.contains("&lt;script&gt;alert(1)&lt;/script&gt; Ana"),
        "{main}"
    );
    let (before, team, after) = (
        main.find("Before.").unwrap(),
        main.find("Jordan Lee").unwrap(),
        main.find("After, and").unwrap(),
    );
    assert!(before < team && team < after, "{main}");
    assert!(main.contains("[[services]] inside a sentence stays text"));
    assert!(main[after..].contains("Knee and hip replacement"), "{main}");
    assert!(!main.contains("<p>[[team]]</p>"));
}

/// A story's `Article` carries its publication day (rich results want it),
/// which the privacy guard allows there as in the page's `<time>`, even
/// when it is also another patient's visit day; the same day typed into
/// the story's text is still stopped.
#[test]
fn story_json_ld_has_its_day_and_the_guard_still_stops_the_day_typed() {
    let c = Clinic::sample();
    let out = c.cmd(&["build"]).output().unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let mut checked = 0;
    for e in std::fs::read_dir(c.path().join("public/stories")).unwrap() {
        let page = e.unwrap().path().join("index.html");
        let Ok(html) = std::fs::read_to_string(&page) else {
            continue;
        };
        let Some(ld) = html
            .split("<script type=\"application/ld+json\">")
            .nth(1)
            .and_then(|s| s.split("</script>").next())
        else {
            continue;
        };
        let v: serde_json::Value = serde_json::from_str(ld).expect("JSON");
        assert_eq!(v["@type"], "Article");
        let day = v["datePublished"].as_str().expect("datePublished");
        assert!(html.contains(&format!("<time datetime=\"{day}\"")), "{day}");
        checked += 1;
    }
    assert!(checked >= 1);
    // Walter's story published on a day that is also a visit of his own
    // plan: typed into the story's text, it is an identifier.
    let rel = "content/plans/walter-kaminski.yaml";
    let plan = c.read(rel);
    let visit = plan
        .lines()
        .find_map(|l| l.trim().strip_prefix("- date: "))
        .expect("a visit date in Walter's plan")
        .trim()
        .to_string();
    let plan = plan.replacen(
        "  body: |\n",
        &format!("  body: |\n    We met on {visit}.\n"),
        1,
    );
    assert!(plan.contains(&format!("We met on {visit}.")));
    c.write(rel, &plan);
    let out = c.cmd(&["build"]).output().unwrap();
    assert!(!out.status.success());
    assert!(stderr(&out).contains("HP0501"), "{}", stderr(&out));
}

#[test]
fn a_webp_photo_is_published_as_a_jpeg_and_a_static_webp_loses_its_metadata() {
    let webp = tagged_webp(b"Camera 123");
    // The reader finds the EXIF the phone wrote.
    assert!(
        exif::Reader::new()
            .read_from_container(&mut Cursor::new(&webp))
            .is_ok()
    );
    let c = clinic_with_photo("scope: [website, photo]");
    probes::write_bytes(&c, "content/images/mari-lopez-face.webp", &webp);
    let plan = c
        .read("content/plans/maria-lopez.yaml")
        .replace("mari-lopez-face.jpg", "mari-lopez-face.webp");
    c.write("content/plans/maria-lopez.yaml", &plan);
    probes::write_bytes(&c, "static/img/desk.webp", &webp);
    let out = c.cmd(&["build"]).output().unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let files = c.tree("public");
    let photos: Vec<_> = files
        .iter()
        .filter(|(p, _)| {
            p.to_string_lossy().starts_with("img/") && p.to_string_lossy().ends_with(".jpg")
        })
        .collect();
    assert!(!photos.is_empty(), "the story photo, as JPEG");
    for (path, bytes) in photos {
        let exif = exif::Reader::new().read_from_container(&mut Cursor::new(bytes));
        assert!(exif.is_err(), "{path:?}: EXIF survived");
    }
    // The static WebP keeps its name and pixels, not its EXIF.
    let out = std::fs::read(c.path().join("public/static/img/desk.webp"))
        .or_else(|_| std::fs::read(c.path().join("public/img/desk.webp")))
        .unwrap();
    assert!(
        exif::Reader::new()
            .read_from_container(&mut Cursor::new(&out))
            .is_err(),
        "EXIF survived in the static WebP"
    );
    assert!(!String::from_utf8_lossy(&out).contains("Camera 123"));
    let img = image::load_from_memory(&out).expect("still a WebP");
    assert_eq!((img.width(), img.height()), (700, 400));
}

#[test]
fn an_iphone_heic_photo_is_named_as_such_with_how_to_export_it() {
    let c = clinic_with_photo("scope: [website, photo]");
    probes::write_bytes(
        &c,
        "content/images/mari-lopez-face.jpg",
        b"\0\0\0\x18ftypheic\0\0\0\0mif1heic\0\0\0\0",
    );
    let out = c.cmd(&["build"]).output().unwrap();
    let err = stderr(&out);
    assert!(!out.status.success());
    assert!(
        err.contains("HP0104") && err.contains("iPhone HEIC"),
        "{err}"
    );
    assert!(err.contains("export it as JPEG"), "{err}");
}
