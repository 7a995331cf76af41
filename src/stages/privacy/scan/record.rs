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

/// Line (from 0) of the first record in one segment's text.
fn in_segment(text: &str) -> Option<u32> {
    // Cheap refusal first: most pages hold none of these words.
    static WORDS: std::sync::OnceLock<Option<aho_corasick::AhoCorasick>> =
        std::sync::OnceLock::new();
    let words = WORDS.get_or_init(|| {
        aho_corasick::AhoCorasick::builder()
            .ascii_case_insensitive(true)
            .build(["patient", "birth", "dob"])
            .ok()
    });
    if words.as_ref().is_some_and(|w| !w.is_match(text)) {
        return None;
    }
    let lines: Vec<&str> = text.lines().collect();
    for (n, line) in lines.iter().enumerate() {
        if header_row(line, lines.get(n + 1)) {
            return Some(n as u32);
        }
        let keys: Vec<(String, &str)> = pieces(line).filter_map(key_value).collect();
        for (i, (key, value)) in keys.iter().enumerate() {
            if BIRTH_KEYS.contains(&key.as_str()) && value.bytes().any(|b| b.is_ascii_digit()) {
                return Some(n as u32);
            }
            if key != "patient" {
                continue;
            }
            // `patient:` opens a mapping: on this line (JSON, flow) or below.
            let same_line = keys[i + 1..].iter().any(|(k, _)| person_key(k));
            let below = lines[n + 1..]
                .iter()
                .take(WITHIN)
                .flat_map(|l| pieces(l).filter_map(key_value))
                .any(|(k, v)| person_key(&k) && !v.trim().is_empty());
            if same_line || below {
                return Some(n as u32);
            }
        }
    }
    None
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
    use super::in_segment;

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
        assert_eq!(in_segment("a\nb\npatient:\n  name: X\n"), Some(2));
    }
}
