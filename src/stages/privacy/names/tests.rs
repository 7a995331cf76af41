//! Unit tests of [`super`].

use super::*;

fn patient(name: &str) -> Patient {
    crate::content::yaml::parse::<Patient>(&format!("name: {name:?}"), std::path::Path::new("t"))
        .expect("patient")
}

fn of(kind: Kind, p: &Patient) -> Vec<String> {
    of_patient(p, None)
        .0
        .into_iter()
        .filter(|(_, k)| *k == kind)
        .map(|(s, _)| s)
        .collect()
}

#[test]
fn every_family_part_is_a_needle() {
    let fam = of(Kind::Family, &patient("José Núñez Herrera"));
    assert!(
        fam.contains(&"nunez".into()) && fam.contains(&"herrera".into()),
        "{fam:?}"
    );
    let fam = of(Kind::Family, &patient("Anna Smith-Jones"));
    for w in ["smith", "jones", "smithjones"] {
        assert!(fam.contains(&w.to_string()), "{w} in {fam:?}");
    }
    let fam = of(Kind::Family, &patient("Pieter van der Berg"));
    assert!(fam.contains(&"vanderberg".into()) && fam.contains(&"berg".into()));
    assert!(!fam.contains(&"van".into()), "a particle alone is no name");
    let fam = of(Kind::Family, &patient("Robert Smith Jr."));
    assert!(
        fam.contains(&"smith".into()) && !fam.iter().any(|f| f == "jr"),
        "{fam:?}"
    );
}

#[test]
fn last_first_one_word_and_unspaced_names() {
    let p = patient("Ortega, Ana");
    assert_eq!(of(Kind::Family, &p), ["ortega"]);
    assert!(of(Kind::Given, &p).contains(&"ana".into()));
    assert_eq!(of(Kind::Family, &patient("Madonna")), ["madonna"]);
    let p = patient("王小明");
    assert!(of(Kind::Full, &p).contains(&"王小明".into()));
    assert!(
        of(Kind::Family, &p).contains(&"wang".into()),
        "{:?}",
        of(Kind::Family, &p)
    );
}

#[test]
fn short_forms_and_emails() {
    let p = patient("Robert Smith");
    assert!(of(Kind::Given, &p).contains(&"bob".into()));
    let mut p = patient("Jo Nguyen Ha");
    p.email = Some("Jo N. <jnh68+news@mail.test>, other@x.test".into());
    assert_eq!(of(Kind::Email, &p), ["jnh68", "other"]);
    let (_, domains) = of_patient(&p, None);
    assert!(
        domains.contains(&("jnh68".into(), "mailtest".into())),
        "{domains:?}"
    );
}
