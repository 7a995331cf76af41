//! A patient record in a public file, whoever the patient: a plan copied
//! into `static/` (`patient:` with a `name:`), an export with a date of
//! birth (`"dob": "1968-03-14"`), a spreadsheet whose header has a name
//! and a birth date. The guard knows the names of the clinic's plans only;
//! an archived or another clinic's patient is found by the record's shape.
//!
//! Read on the extracted text, so a record in UTF-16, in a gzip or behind a
//! data URI is found as well as a plain one.

use crate::stages::privacy::extract::{Segment, Strength};

/// Keys (lower case, without `_`, `-` or spaces) that hold a date of birth.
const BIRTH_KEYS: [&str; 3] = ["birthdate", "dateofbirth", "dob"];

/// Keys of a person under a `patient:` key, or beside a date of birth in a
/// spreadsheet's header.
const PERSON_KEYS: [&str; 12] = [
    "name",
    "fullname",
    "firstname",
    "lastname",
    "familyname",
    "givenname",
    "givennames",
    "preferredname",
    "surname",
    "phone",
    "email",
    "patientname",
];

/// Lines after `patient:` in which a person's key must follow.
const WITHIN: usize = 6;

/// The line of the first patient record in `segments`, if any.
pub(super) fn record_line(segments: &[Segment]) -> Option<u32> {
    segments
        .iter()
        .filter(|s| s.strength != Strength::Code)
        .find_map(|s| in_segment(&s.text).map(|l| s.line.max(1) + l))
}

/// Line (from 0) of the first record in one segment's text. Only the
/// lines that hold one of the words a record needs are read (a story page
/// says "patient" often, and is read a line at a time only there).
fn in_segment(text: &str) -> Option<u32> {
    static WORDS: std::sync::OnceLock<Option<aho_corasick::AhoCorasick>> =
        std::sync::OnceLock::new();
    let words = WORDS.get_or_init(|| {
        aho_corasick::AhoCorasick::builder()
            .ascii_case_insensitive(true)
            .build(["patient", "birth", "dob"])
            .ok()
    });
    let Some(words) = words else {
        return record_at_any_line(text);
    };
    let mut seen = usize::MAX;
    for m in words.find_iter(text) {
        let start = text[..m.start()].rfind('\n').map_or(0, |i| i + 1);
        if start == seen {
            continue;
        }
        seen = start;
        let end = text[m.end()..]
            .find('\n')
            .map_or(text.len(), |i| m.end() + i);
        let below = text.get(end + 1..).unwrap_or("");
        if record_at(text[start..end].trim_end_matches('\r'), below) {
            return Some(memchr::memchr_iter(b'\n', &text.as_bytes()[..start]).count() as u32);
        }
    }
    None
}

/// [`in_segment`] without its word search (never in practice: the search
/// is built from three fixed words).
fn record_at_any_line(text: &str) -> Option<u32> {
    let mut start = 0;
    for (n, line) in text.split('\n').enumerate() {
        start += line.len() + 1;
        if record_at(line.trim_end_matches('\r'), text.get(start..).unwrap_or("")) {
            return Some(n as u32);
        }
    }
    None
}

/// Does `line`, with the text `below` it, start a record?
fn record_at(line: &str, below: &str) -> bool {
    if header_row(line, below.lines().next().as_ref()) {
        return true;
    }
    let keys: Vec<(String, &str)> = pieces(line).filter_map(key_value).collect();
    keys.iter().enumerate().any(|(i, (key, value))| {
        if BIRTH_KEYS.contains(&key.as_str()) {
            return value.bytes().any(|b| b.is_ascii_digit());
        }
        // `patient:` opens a mapping: on this line (JSON, flow) or below.
        key == "patient"
            && (keys[i + 1..].iter().any(|(k, _)| person_key(k))
                || below
                    .lines()
                    .take(WITHIN)
                    .flat_map(|l| pieces(l).filter_map(key_value))
                    .any(|(k, v)| person_key(&k) && !v.trim().is_empty()))
    })
}

fn person_key(k: &str) -> bool {
    PERSON_KEYS.contains(&k)
}

/// The parts of a line that can each start with a key: JSON and flow
/// mappings put several on one line.
fn pieces(line: &str) -> impl Iterator<Item = &str> {
    line.split([',', '{'])
}

/// `key: value` (the key quoted or not, after a list's dash), the key
/// folded to lower-case letters and digits.
fn key_value(piece: &str) -> Option<(String, &str)> {
    if !piece.contains(':') {
        return None;
    }
    let piece = piece.trim_start_matches(|c: char| c.is_whitespace() || "-[\"'".contains(c));
    let end = piece
        .find(|c: char| !(c.is_ascii_alphanumeric() || "_- ".contains(c)))
        .unwrap_or(piece.len());
    let rest = piece[end..].trim_start_matches(['"', '\'']).trim_start();
    let value = rest.strip_prefix(':')?;
    let key = fold(&piece[..end]);
    (!key.is_empty()).then_some((key, value))
}

fn fold(key: &str) -> String {
    key.chars()
        .filter(char::is_ascii_alphanumeric)
        .map(|c| c.to_ascii_lowercase())
        .collect()
}

/// A spreadsheet's header (`first,last,dob`; `Name;Date of birth`): a
/// date-of-birth column beside others, and a row below with as many
/// cells. A list in prose ("Date of birth, insurance card, photo ID") has
/// no such row.
fn header_row(line: &str, next: Option<&&str>) -> bool {
    let sep = [',', ';', '\t', '|'];
    let cells = |l: &str| -> Vec<String> {
        l.split(sep)
            .map(|c| fold(c.trim().trim_matches(['"', '\''])))
            .collect()
    };
    if !line.contains(sep) {
        return false;
    }
    let head = cells(line);
    head.iter().any(|c| BIRTH_KEYS.contains(&c.as_str()))
        && next.is_some_and(|n| n.contains(sep) && cells(n).len() == head.len())
}

#[cfg(test)]
mod tests {
    use super::{in_segment, record_at_any_line};

    #[test]
    fn records_are_found_in_their_shapes() {
        let yes = [
            "# old plan\npatient:\n  name: Xavier Oddsworth\n",
            "patient :\n  preferred_name: Xav\n",
            "{\"patient\": {\"name\": \"Xavier Oddsworth\"}}",
            "{\n  \"patient\": {\n    \"fullName\": \"X O\"\n  }\n}",
            "- patient:\n    email: x@o.test\n",
            "id: 4\nbirth_date: 1968-03-14\n",
            "{\"dob\":\"03/14/1968\"}",
            "Name,Date of birth,Phone\nXavier,1968-03-14,555\n",
            "\"Patient\";\"DOB\"\n\"X\";\"1970\"\n",
            "first_name\tbirthDate\nX\t1970-01-01\n",
            "first,last,dob\nX,Y,1970-01-01\n",
            "Date of birth: 14/03/1968\n",
            "a\r\npatient:\r\n  name: X\r\n",
        ];
        for t in yes {
            assert!(in_segment(t).is_some(), "{t}");
        }
        let no = [
            "Every patient gets a plan.\nName: the front desk\n",
            "patient: true\n",
            "Born: 1975, in Ohio.",
            "Birthday: our clinic turns 10",
            "We never publish your date of birth.",
            "patient:\n\n\n\n\n\n\n\n  name: far below\n",
            "name,phone\nclinic,555\n",
            "Your date of birth, your phone and your email stay private.",
            "Bring:\nDate of birth, insurance card, photo ID\nSee you soon.\n",
            "patient_count: 12\nname: Clinic\n",
        ];
        for t in no {
            assert!(in_segment(t).is_none(), "{t}");
        }
    }

    #[test]
    fn the_line_is_the_records() {
        for text in [
            "a\nb\npatient:\n  name: X\n",
            "a\r\nb\r\npatient:\r\n  name: X\r\n",
        ] {
            assert_eq!(in_segment(text), Some(2));
            assert_eq!(record_at_any_line(text), Some(2));
        }
        assert_eq!(in_segment("patient: 1\nbirth\ndob\n"), None);
        assert_eq!(record_at_any_line("patient: 1\nbirth\ndob\n"), None);
    }
}
