//! Privacy red team, round 9: what templates and static files carry to the
//! public site. Each hole found in this round is driven through the real
//! binary (a clean clinic builds, then the file is added and the build must
//! fail on the guard and leave `public/` untouched), beside ordinary files
//! of the same kind that must not be refused.

mod common;
use common::probes::*;
use common::*;
use encoding_rs::Encoding;

/// A clean clinic whose one plan's patient is `patient` (YAML lines under
/// `patient:`), with a harmless page.
fn clinic_of(patient: &'static str) -> impl Fn(&Clinic) {
    move |c: &Clinic| patients_clinic(c, &[patient])
}

const WALTER: &str = "name: Walter Kaminski\nbirth_date: 1950-06-30\nphone: \"(302) 555-0177\"";
const DOROTHY: &str = "name: Dorothy Walker\nbirth_date: 1947-02-11";
const HANAKO: &str = "name: 田中 花子\nfamily_names: [田中]\ngiven_names: [花子]";
const LING: &str = "name: 王 秀英\nfamily_names: [王]\ngiven_names: [秀英]";
const MINJUN: &str = "name: 김민준";

/// `text` written in `label`'s charset (every character of it must have
/// one there).
fn enc(label: &str, text: &str) -> Vec<u8> {
    let e = Encoding::for_label(label.as_bytes()).expect("a WHATWG label");
    let (bytes, _, unmappable) = e.encode(text);
    assert!(!unmappable, "{label} cannot write {text:?}");
    bytes.into_owned()
}

/// Each `(file, charset, text)` put in turn into the clean clinic `base`
/// makes must be refused as a leak (HP0501), whatever it says.
fn assert_refused_in(base: &dyn Fn(&Clinic), probes: &[(&str, &str, &str)], secrets: &[&str]) {
    let failures: Vec<String> = probes
        .iter()
        .filter_map(|(rel, label, text)| {
            refusal(base, rel, &enc(label, text), "HP0501", None, secrets)
                .map(|why| format!("{rel} in {label} {text:?}: {why}"))
        })
        .collect();
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// Each `(file, charset, text)` added to the clean clinic `base` makes:
/// the site builds and publishes `shows` (ASCII in the file).
fn assert_clean_in(base: &dyn Fn(&Clinic), files: &[(&str, &str, &str, &str)]) {
    let failures: Vec<String> = files
        .iter()
        .filter_map(|(rel, label, text, shows)| {
            let setup = |c: &Clinic| {
                base(c);
                write_bytes(c, rel, &enc(label, text));
            };
            expect_clean(&setup, &[shows]).map(|why| format!("{rel} in {label} {text:?}: {why}"))
        })
        .collect();
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

// ---------------------------------------------------------------------------
// Text in a legacy charset, declaring none
// ---------------------------------------------------------------------------

/// A spreadsheet saved as CSV by Excel in a Russian, Greek or Hebrew
/// Windows is in that locale's code page, not UTF-8, and declares nothing;
/// a browser there shows it in that code page. The guard read every such
/// file as Windows-1252 only, where Cyrillic is accented Latin garbage.
#[test]
fn cyrillic_greek_and_hebrew_code_pages_are_read() {
    let walter = clinic_of(WALTER);
    assert_refused_in(
        &walter,
        &[
            (
                "static/patients.csv",
                "windows-1251",
                "ФИО;визит\nВальтер Камински;3\n",
            ),
            ("static/notes.txt", "koi8-r", "Камински Вальтер, плечо\n"),
            ("static/notes.txt", "koi8-u", "Вальтер Камінські\n"),
            ("static/dos.txt", "ibm866", "Камински, Вальтер\n"),
            ("static/list.txt", "iso-8859-5", "Вальтер Камински\n"),
            (
                "static/list.tsv",
                "windows-1253",
                "Όνομα\tΒάλτερ Καμίνσκι\n",
            ),
            ("static/list.txt", "windows-1255", "וולטר קמינסקי\n"),
            (
                "static/born.txt",
                "windows-1251",
                "Пациент родился 30 июня 1950 г.\n",
            ),
            // A page that declares no charset, in the reader's code page.
            (
                "static/about.html",
                "windows-1251",
                "<p>Вальтер Камински</p>\n",
            ),
        ],
        &["Kaminski", "Камински"],
    );
    let dorothy = clinic_of(DOROTHY);
    assert_refused_in(
        &dorothy,
        &[
            (
                "static/thanks.txt",
                "windows-1251",
                "Спасибо, Дороти Уокер!\n",
            ),
            (
                "static/team.json",
                "koi8-r",
                "{\"name\": \"Уокер, Дороти\"}\n",
            ),
        ],
        &["Walker", "Уокер"],
    );
}

/// Japanese, Chinese and Korean Windows save CSV and text in Shift_JIS,
/// GBK, Big5 or EUC-KR; Japanese mail is ISO-2022-JP (ASCII bytes with
/// escapes). A name in Chinese characters or Hangul there was published
/// unread.
#[test]
fn cjk_code_pages_are_read() {
    let hanako = clinic_of(HANAKO);
    assert_refused_in(
        &hanako,
        &[
            (
                "static/patients.csv",
                "shift_jis",
                "氏名,来院\n田中 花子,3\n",
            ),
            ("static/notes.txt", "euc-jp", "田中花子さんの記録\n"),
            (
                "static/mail.eml",
                "iso-2022-jp",
                "Subject: x\n\n田中 花子 様\n",
            ),
            ("static/page.htm", "shift_jis", "<p>田中花子様</p>\n"),
        ],
        &["田中"],
    );
    let ling = clinic_of(LING);
    assert_refused_in(
        &ling,
        &[
            ("static/list.csv", "gbk", "姓名,次数\n王秀英,3\n"),
            ("static/list.csv", "gb18030", "王秀英女士\n"),
            ("static/list.txt", "big5", "王秀英\n"),
        ],
        &["秀英"],
    );
    let minjun = clinic_of(MINJUN);
    assert_refused_in(
        &minjun,
        &[("static/list.csv", "euc-kr", "이름,방문\n김민준,3\n")],
        &["민준"],
    );
}

/// Ordinary text in those code pages, and Windows-1252 text with accents,
/// is published: read in another code page it is a word of two alphabets,
/// or names nobody.
#[test]
fn ordinary_text_in_code_pages_is_published() {
    let walter = clinic_of(WALTER);
    assert_clean_in(
        &walter,
        &[
            (
                "static/fr.txt",
                "windows-1252",
                "Café crème, Müller Straße, Hernández, Núñez, façade, naïve: « déjà vu » ½ © 2026 ok1\n",
                "ok1",
            ),
            (
                "static/ru.txt",
                "windows-1251",
                "Мы открылись! Звоните: 8 (495) 123-45-67. Ждём вас. ok2\n",
                "ok2",
            ),
            (
                "static/ru.csv",
                "koi8-r",
                "Упражнение;Подходы\nМаятник;2\nok3\n",
                "ok3",
            ),
            (
                "static/pl.txt",
                "windows-1250",
                "Zapraszamy: ćwiczenia dla seniorów, środa i piątek. ok4\n",
                "ok4",
            ),
        ],
    );
    let hanako = clinic_of(HANAKO);
    assert_clean_in(
        &hanako,
        &[
            (
                "static/ja.txt",
                "shift_jis",
                "佐藤さん、こんにちは。新しいクリニックです。ok5\n",
                "ok5",
            ),
            ("static/zh.txt", "gbk", "欢迎来到诊所。ok6\n", "ok6"),
            (
                "static/ko.txt",
                "euc-kr",
                "안녕하세요, 병원입니다. ok7\n",
                "ok7",
            ),
        ],
    );
}

/// Excel for the Mac saved CSV in Mac OS Roman: "Núñez" there read as
/// Windows-1252 is "Nú–ez", two words.
#[test]
fn mac_roman_is_read() {
    let jose = clinic_of("name: José Núñez Herrera\nbirth_date: 1961-09-02");
    assert_refused_in(
        &jose,
        &[
            ("static/list.csv", "macintosh", "name,visits\nNúñez,3\n"),
            (
                "static/list.csv",
                "macintosh",
                "name,visits\nJosé Núñez H.,3\n",
            ),
        ],
        &["Núñez", "Nunez"],
    );
    let agnes = clinic_of("name: Agnès Kjærgård\nbirth_date: 1955-01-20");
    assert_refused_in(
        &agnes,
        &[("static/team.txt", "macintosh", "Thanks, Agnès Kjærgård!\n")],
        &["Kjærgård"],
    );
}

// ---------------------------------------------------------------------------
// A saved email whose text is in a legacy charset
// ---------------------------------------------------------------------------

fn b64(bytes: &[u8]) -> String {
    use base64::Engine;
    base64::engine::general_purpose::STANDARD.encode(bytes)
}

/// `=XX` for every byte of `bytes`.
fn qp(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("={b:02X}")).collect()
}

/// A patient's thank-you email saved into `static/` (`.eml`): its subject
/// encoded as `=?koi8-r?B?…?=` or `=?ISO-2022-JP?B?…?=`, its body in
/// base64 or quoted-printable of `windows-1251` or Shift_JIS. The guard
/// decoded the bytes as UTF-8 or Windows-1252 only.
#[test]
fn an_email_in_a_legacy_charset_is_read() {
    let name = "Вальтер Камински";
    let body = "Спасибо! Вальтер Камински, плечо больше не болит.\n";
    let probes: Vec<String> = vec![
        format!(
            "From: a@mail.test\nSubject: =?koi8-r?B?{}?=\n\nThanks\n",
            b64(&enc("koi8-r", name))
        ),
        format!(
            "From: a@mail.test\nSubject: =?windows-1251?Q?{}?=\n\nThanks\n",
            qp(&enc("windows-1251", name))
        ),
        format!(
            "From: a@mail.test\nContent-Type: text/plain; charset=windows-1251\nContent-Transfer-Encoding: base64\n\n{}\n",
            b64(&enc("windows-1251", body))
        ),
        format!(
            "From: a@mail.test\nContent-Type: text/plain; charset=koi8-r\nContent-Transfer-Encoding: quoted-printable\n\n{}\n",
            qp(&enc("koi8-r", name))
        ),
    ];
    let probes: Vec<(&str, &str)> = probes
        .iter()
        .map(|p| ("static/thanks.eml", p.as_str()))
        .collect();
    assert_leaks_over(&clinic_of(WALTER), &probes, &["Kaminski", "Камински"]);
    let jp: Vec<String> = vec![
        format!(
            "Subject: =?ISO-2022-JP?B?{}?=\n\nThanks\n",
            b64(&enc("iso-2022-jp", "田中花子様"))
        ),
        format!(
            "Content-Type: text/plain; charset=shift_jis\nContent-Transfer-Encoding: base64\n\n{}\n",
            b64(&enc("shift_jis", "田中 花子です。ありがとうございました。"))
        ),
    ];
    let jp: Vec<(&str, &str)> = jp
        .iter()
        .map(|p| ("static/thanks.eml", p.as_str()))
        .collect();
    assert_leaks_over(&clinic_of(HANAKO), &jp, &["田中"]);
}

/// Ordinary emails in those charsets, and keys and hashes in base64 or
/// hex, are published.
#[test]
fn ordinary_emails_and_keys_are_published() {
    let letter = format!(
        "From: a@mail.test\nSubject: =?koi8-r?B?{}?=\nContent-Type: text/plain; charset=windows-1251\nContent-Transfer-Encoding: base64\n\n{}\nok8\n",
        b64(&enc("koi8-r", "Новое расписание")),
        b64(&enc("windows-1251", "Мы открылись! Ждём вас в среду.\n"))
    );
    let keys =
        "sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU= 0f1e2d3c4b5a69788796a5b4c3d2e1f0 ok9";
    assert_clean_over(
        &clinic_of(WALTER),
        &[("static/news.eml", &letter), ("static/keys.txt", keys)],
        &["ok8", "ok9"],
    );
}

/// A JPEG segment: its marker, its length (counting itself), its data.
fn jpeg_segment(marker: u8, data: &[u8]) -> Vec<u8> {
    let len = u16::try_from(data.len() + 2).expect("a short segment");
    let mut out = vec![0xFF, marker];
    out.extend(len.to_be_bytes());
    out.extend(data);
    out
}

/// A file that starts as a JPEG, holds `segments` and ends.
fn broken_jpeg(segments: &[u8]) -> Vec<u8> {
    let mut out = vec![0xFF, 0xD8];
    out.extend(segments);
    out.extend([0xFF, 0xD9]);
    out
}

#[test]
fn a_picture_that_does_not_decode_is_refused_unless_reviewed() {
    use std::io::Write as _;
    // A picture that decodes is published without its metadata; one that
    // does not was published as written, with what its segments or its
    // scan data carry unread: zlib-packed text in an APP15 segment, a
    // name in the entropy-coded data after a scan header.
    let mut z = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::default());
    z.write_all(b"Walter Kaminski, born 1950-06-30")
        .expect("zlib");
    let packed = broken_jpeg(&jpeg_segment(0xEF, &z.finish().expect("zlib")));
    let mut in_scan = jpeg_segment(0xDA, &[0x01, 0x01, 0x00, 0x00, 0x3F, 0x00]);
    in_scan.extend(b"Walter Kaminski");
    let in_scan = broken_jpeg(&in_scan);
    let base = clinic_of(WALTER);
    let mut failures = Vec::new();
    for (rel, bytes, shown) in [
        ("static/team.jpg", &packed, "team.jpg"),
        ("static/img/front.jpeg", &in_scan, "img/front.jpeg"),
        // Its first bytes make it a picture, whatever its name says.
        ("static/photo.png", &packed, "photo.png"),
        ("static/photo.bin", &in_scan, "photo.bin"),
    ] {
        if let Some(why) = refusal(&base, rel, bytes, "HP0502", Some(shown), &["Kaminski"]) {
            failures.push(format!("{rel}: {why}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    // A person who checked it lists it: the narrow way through.
    let reviewed = |c: &Clinic| {
        base(c);
        c.write(
            "site.yaml",
            &site("privacy:\n  reviewed_files:\n    - { pattern: \"logo.jpg\", reason: \"An old logo, checked by Sam on 2026-12-02\" }\n"),
        );
        write_bytes(
            c,
            "static/logo.jpg",
            &broken_jpeg(&jpeg_segment(0xEF, &[0; 16])),
        );
    };
    if let Some(why) = expect_clean(&reviewed, &[]) {
        panic!("a reviewed picture: {why}");
    }
}
