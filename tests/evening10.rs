//! A therapist's evening, round 10: desk slips in plans. A plan copied
//! from another patient's that still holds their name, birth date, phone
//! or email (HP0121) is refused at its line by `check`, `build` and
//! `handout`, without repeating the identifier; a spouse who is also a
//! patient is let through by `patient: may_name:`. Each test drives the
//! real binary over a real clinic folder.

mod common;
use common::*;

/// Another patient: `PLAN` with its identifiers replaced by `who`'s.
struct Who {
    slug: &'static str,
    name: &'static str,
    preferred: &'static str,
    birth: &'static str,
    phone: &'static str,
    email: &'static str,
}

const OMAR: Who = Who {
    slug: "omar-haddad",
    name: "Omar Haddad",
    preferred: "Omar",
    birth: "1971-02-03",
    phone: "(302) 555-0199",
    email: "omar.h@mail.test",
};

const KOFI: Who = Who {
    slug: "kofi-mensah",
    name: "Kofi Mensah",
    preferred: "Kofi",
    birth: "1959-09-30",
    phone: "(610) 555-0133",
    email: "kmensah@post.test",
};

/// Maria's plan (`PLAN`) made `who`'s, with `line` added as the last
/// line of `success:`. Returns the text and the 1-based line of `line`.
fn plan_of(who: &Who, line: &str) -> (String, usize) {
    let text = PLAN
        .replace("Maria Lopez", who.name)
        .replace(
            "preferred_name: Mari\n",
            &format!("preferred_name: {}\n", who.preferred),
        )
        .replace("1968-04-12", who.birth)
        .replace("(302) 555-0142", who.phone)
        .replace("maria.lopez@mail.test", who.email)
        .replace(
            "success: You pick up your granddaughter and it does not hurt.\n",
            &format!(
                "success: >-\n  You pick up your granddaughter and it does not hurt.\n  {line}\n"
            ),
        );
    let at = text
        .lines()
        .position(|l| l.trim() == line)
        .expect("the line is in the plan")
        + 1;
    (text, at)
}

/// A clinic with Maria's plan and `who`'s plan holding `line`.
fn clinic_with(who: &Who, line: &str) -> (Clinic, usize) {
    let c = Clinic::with_plan();
    let (text, at) = plan_of(who, line);
    c.write(&format!("content/plans/{}.yaml", who.slug), &text);
    (c, at)
}

/// `check` (both formats): exit 1, HP0121 at `slug`'s `line`, and none of
/// Maria's identifiers (or `leak`) printed.
fn refused(c: &Clinic, slug: &str, line: usize, leak: &str) {
    let (code, err) = check_short(c);
    assert_eq!(code, Some(1), "{err}");
    let at = format!("content/plans/{slug}.yaml:{line}:");
    assert!(
        err.lines()
            .any(|l| l.starts_with(&at) && l.contains("error[HP0121]")),
        "{at}: {err}"
    );
    let out = c.cmd(&["check"]).output().expect("run");
    let long = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{long}");
    for text in [&err, &long] {
        let low = text.replace("maria-lopez.yaml", "").to_lowercase();
        for id in [
            "lopez",
            "lópez",
            "555-0142",
            "1968",
            "maria.lopez",
            &leak.to_lowercase(),
        ] {
            assert!(!low.contains(id), "`{id}` printed: {text}");
        }
    }
}

#[test]
fn another_patients_name_left_in_a_copied_plan_is_refused_at_its_line() {
    for who in [&OMAR, &KOFI] {
        for written in [
            "Maria Lopez walks to the shop.",
            "LOPEZ, María walks to the shop.",
            "lopez maria walks to the shop.",
            "María López walks to the shop.",
            "Mari Lopez walks to the shop.",
            "Ask Maria Lopez how she did it.",
        ] {
            let (c, line) = clinic_with(who, written);
            refused(&c, who.slug, line, written);
        }
    }
}

#[test]
fn another_patients_birth_date_phone_or_email_is_refused_at_its_line() {
    for written in [
        "Call (302) 555-0142 if it hurts.",
        "Call 302.555.0142 if it hurts.",
        "Write to maria.lopez@mail.test for the times.",
        "Born 1968-04-12, like the plan says.",
        "Born April 12, 1968, like the plan says.",
    ] {
        let (c, line) = clinic_with(&OMAR, written);
        refused(&c, OMAR.slug, line, written);
    }
}

#[test]
fn handout_and_build_write_nothing_for_a_plan_with_another_patients_name() {
    let (c, line) = clinic_with(&KOFI, "Maria Lopez walks to the shop.");
    let out = c
        .cmd(&["handout", "content/plans/kofi-mensah.yaml"])
        .output()
        .expect("run");
    let err = stderr(&out);
    assert!(!out.status.success(), "{err}");
    assert!(
        err.contains(&format!("content/plans/kofi-mensah.yaml:{line}:")) && err.contains("HP0121"),
        "{err}"
    );
    assert!(!err.to_lowercase().contains("lopez"), "{err}");
    assert!(!c.path().join("handouts/kofi-mensah.html").exists());
    let out = c.cmd(&["build"]).output().expect("run");
    assert!(!out.status.success(), "{}", stderr(&out));
    assert!(stderr(&out).contains("HP0121"));
    assert!(!c.path().join("handouts/kofi-mensah.html").exists());
    // Maria's own handout is hers to print.
    let out = c
        .cmd(&["handout", "content/plans/maria-lopez.yaml"])
        .output()
        .expect("run");
    assert!(out.status.success(), "{}", stderr(&out));
}

#[test]
fn a_spouse_listed_under_may_name_is_let_through() {
    for listed in ["Maria Lopez", "maria lopez", "María López"] {
        let c = Clinic::with_plan();
        let (text, _) = plan_of(&OMAR, "Maria Lopez walks to the shop with Omar.");
        let text = text.replacen(
            "  email: omar.h@mail.test\n",
            &format!("  email: omar.h@mail.test\n  may_name: [{listed}]\n"),
            1,
        );
        c.write("content/plans/omar-haddad.yaml", &text);
        let (code, err) = check_short(&c);
        assert!(!err.contains("HP0121"), "{listed}: {err}");
        assert_eq!(code, Some(0), "{err}");
    }
    // Listing someone else lets Maria through nowhere.
    let c = Clinic::with_plan();
    let (text, line) = plan_of(&OMAR, "Maria Lopez walks to the shop with Omar.");
    let text = text.replacen(
        "  email: omar.h@mail.test\n",
        "  email: omar.h@mail.test\n  may_name: [Maria Garcia]\n",
        1,
    );
    c.write("content/plans/omar-haddad.yaml", &text);
    refused(&c, "omar-haddad", line + 1, "Maria Lopez");
}

#[test]
fn what_two_patients_share_or_a_family_name_alone_is_no_error() {
    // A household: the same phone and email in both plans.
    let c = Clinic::with_plan();
    let (text, _) = plan_of(&OMAR, "We walk on Sundays.");
    let text = text
        .replace(OMAR.phone, "(302) 555-0142")
        .replace(OMAR.email, "maria.lopez@mail.test");
    c.write("content/plans/omar-haddad.yaml", &text);
    let (code, err) = check_short(&c);
    assert!(!err.contains("HP0121"), "{err}");
    assert_eq!(code, Some(0), "{err}");
    // Namesakes: two plans of patients called Maria Lopez.
    let c = Clinic::with_plan();
    let (text, _) = plan_of(
        &Who {
            slug: "maria-lopez-2",
            name: "Maria Lopez",
            preferred: "Maria",
            birth: "1990-07-01",
            phone: "(215) 555-0111",
            email: "mlopez90@mail.test",
        },
        "Maria Lopez walks to the shop.",
    );
    c.write("content/plans/maria-lopez-2.yaml", &text);
    let (code, err) = check_short(&c);
    assert!(!err.contains("HP0121"), "{err}");
    assert_eq!(code, Some(0), "{err}");
    // A family name alone, a given name alone, a day and month alone.
    for line in [
        "The Lopez family gym is open late.",
        "Maria at the desk books your visits.",
        "Your next check is on April 12.",
    ] {
        let (c, _) = clinic_with(&KOFI, line);
        let (code, err) = check_short(&c);
        assert!(!err.contains("HP0121"), "{line}: {err}");
        assert_eq!(code, Some(0), "{line}: {err}");
    }
    // The sample clinic's plans name no other patient.
    let (code, err) = check_short(&Clinic::sample());
    assert!(!err.contains("HP0121"), "{err}");
    assert_ne!(code, Some(2), "{err}");
}

/// Another patient of this patient's own family name.
const ROSA: Who = Who {
    slug: "rosa-l",
    name: "Rosa Lopez",
    preferred: "Rosa",
    birth: "1975-05-06",
    phone: "(215) 555-0188",
    email: "rosa.l@mail.test",
};

#[test]
fn a_patient_of_the_same_family_name_left_in_a_copied_plan_is_refused() {
    // Maria Lopez and Rosa Lopez share a family name: "Lopez" in Rosa's
    // plan is her own word too, and only the word beside it tells that
    // Maria is meant.
    for line in [
        "Maria Lopez walks to the shop.",
        "Ask Mari Lopez how she did it.",
        "LOPEZ, Maria walks to the shop.",
    ] {
        let (c, at) = clinic_with(&ROSA, line);
        refused(&c, ROSA.slug, at, "Maria");
    }
    // Her own name, and the family name alone, are no error.
    for line in [
        "Rosa Lopez walks to the shop.",
        "LOPEZ, Rosa walks to the shop.",
        "The Lopez family walks on Sundays.",
    ] {
        let (c, _) = clinic_with(&ROSA, line);
        let (code, err) = check_short(&c);
        assert!(!err.contains("HP0121"), "{line}: {err}");
        assert_eq!(code, Some(0), "{line}: {err}");
    }
}
