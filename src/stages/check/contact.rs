//! A patient's email address or phone number that cannot be one
//! (HP0716, a warning): the handout does not print them, but the privacy
//! guard looks for them on every public page, and cannot look for an
//! address without its `@` or a number of four digits. The shapes are
//! the loosest any address or number has: a local part, `@`, a domain
//! with a dot; seven digits or more.

use super::warn;
use crate::base::diag::{Code, Diagnostics};
use crate::content::plan::{Plan, email_parts, phone_parts};
use crate::content::yaml::locate;
use crate::stages::load::Source;

/// Fewest digits of a phone number (a local number without its area
/// code).
const PHONE_DIGITS: usize = 7;

/// A warning for each address in `patient.email` and each number in
/// `patient.phone` that cannot be one.
pub(super) fn advise_contact(src: &Source<Plan>, diags: &mut Diagnostics) {
    let patient = &src.value.patient;
    let found = |key: &str, value: &str| locate(&src.text, key, value, 0);
    if let Some(field) = patient.email.as_deref() {
        // Split as the guard splits it: a display name around the
        // address ("Maria Lopez <maria@example.test>") is no mistake.
        let addresses: Vec<&str> = email_parts(field)
            .filter(|p| p.contains(['@', '＠']))
            .collect();
        let wrong: Vec<&str> = match addresses.is_empty() {
            true if !field.trim().is_empty() => vec![field.trim()],
            _ => addresses.into_iter().filter(|a| !is_address(a)).collect(),
        };
        for part in wrong {
            diags.push(warn(
                &src.path,
                Code::ImpossibleContact,
                format!("the email `{part}` is no email address (an address is `name@domain.example`)"),
                found("email", field),
                "copy the address from the patient's record: the privacy guard looks for it on public pages, and cannot look for one written otherwise",
            ));
        }
    }
    if let Some(field) = patient.phone.as_deref() {
        for part in phone_parts(field).map(str::trim) {
            let digits = part.chars().filter(|&c| digit(c)).count();
            if !part.is_empty() && digits < PHONE_DIGITS {
                diags.push(warn(
                    &src.path,
                    Code::ImpossibleContact,
                    format!("the phone `{part}` has {digits} digit(s): a phone number has {PHONE_DIGITS} or more"),
                    found("phone", field),
                    "copy the number from the patient's record, with its area code: the privacy guard looks for its digits on public pages, and cannot look for a number this short",
                ));
            }
        }
    }
}

/// `local@domain.tld`: one `@` (or a full-width one), something before
/// it, and a domain of two labels or more, none empty.
fn is_address(s: &str) -> bool {
    let mut halves = s.split(['@', '＠']);
    let (Some(local), Some(domain), None) = (halves.next(), halves.next(), halves.next()) else {
        return false;
    };
    let labels: Vec<&str> = domain.trim_end_matches('.').split('.').collect();
    !local.is_empty()
        && labels.len() >= 2
        && labels
            .iter()
            .all(|l| !l.is_empty() && l.chars().all(|c| c.is_alphanumeric() || c == '-'))
}

/// A decimal digit, ASCII or full-width (as a phone typed on a Japanese
/// or Chinese keyboard has them).
fn digit(c: char) -> bool {
    c.is_ascii_digit() || ('０'..='９').contains(&c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn addresses_and_what_is_not_one() {
        for ok in [
            "maria.lopez@example.test",
            "m+pt@mail.example.co.uk",
            "josé@correo.example.es",
            "ana＠example.test",
            "a@b.example.",
        ] {
            assert!(is_address(ok), "{ok}");
        }
        for not in [
            "maria.lopez-at-example.test",
            "maria.lopez@example",
            "@example.test",
            "maria@@example.test",
            "maria@example..test",
            "maria@exa mple.test",
            "maria",
        ] {
            assert!(!is_address(not), "{not}");
        }
    }

    #[test]
    fn full_width_digits_count() {
        assert_eq!(
            "０３-１２３４-５６７８"
                .chars()
                .filter(|&c| digit(c))
                .count(),
            10
        );
    }
}
