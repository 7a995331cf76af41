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
    // And backwards, alone ("Agetro").
    assert_eq!(of(Kind::Family, &p), ["agetro", "ortega"]);
    assert!(of(Kind::Given, &p).contains(&"ana".into()));
    assert_eq!(
        of(Kind::Family, &patient("Madonna")),
        ["annodam", "madonna"]
    );
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

#[test]
fn short_forms_and_spellings_beyond_english() {
    for (name, short) in [
        ("Dmitri Volkov", "dima"),
        ("Giuseppe Russo", "beppe"),
        ("Małgorzata Nowak", "gosia"),
        ("Johann Weber", "hans"),
        ("Katherine Moore", "kitty"),
        ("Mary Moore", "polly"),
        ("Muhammad Hassan", "mohammed"),
        ("Aisha Abdullah", "ayesha"),
        ("Jeffrey Phillips", "geoffrey"),
    ] {
        let given = of(Kind::Given, &patient(name));
        assert!(given.contains(&short.into()), "{name}: {given:?}");
    }
}

#[test]
fn the_preferred_name_says_which_end_is_the_family_name() {
    let with = |yaml: &str| {
        crate::content::yaml::parse::<Patient>(yaml, std::path::Path::new("t")).expect("patient")
    };
    for lang in ["zh", "vi", "ko", "ja", "hu", "zh-TW"] {
        // A Latin-script name called by its first word is given-first,
        // whatever the handout's language.
        let p = with(&format!(
            "name: Maria Lopez\npreferred_name: Maria\nlanguage: {lang}"
        ));
        let fam = of(Kind::Family, &p);
        assert!(fam.contains(&"lopez".into()), "{lang}: {fam:?}");
        assert!(!fam.contains(&"maria".into()), "{lang}: {fam:?}");
        // Called by the last word: family-first.
        let p = with(&format!(
            "name: Nguyen Thi Lan\npreferred_name: Lan\nlanguage: {lang}"
        ));
        let fam = of(Kind::Family, &p);
        assert!(fam.contains(&"nguyen".into()), "{lang}: {fam:?}");
        assert!(!fam.contains(&"lan".into()), "{lang}: {fam:?}");
        // No preferred name: the language decides (family first).
        let p = with(&format!("name: Nguyen Lan\nlanguage: {lang}"));
        assert!(of(Kind::Family, &p).contains(&"nguyen".into()), "{lang}");
    }
    // English, no preferred name: given-first.
    let fam = of(Kind::Family, &with("name: Maria Lopez\nlanguage: en"));
    assert!(
        fam.contains(&"lopez".into()) && !fam.contains(&"maria".into()),
        "{fam:?}"
    );
}

#[test]
fn umlauts_and_rings_written_out_as_two_letters() {
    let p = patient("Björn Sjöström");
    let fam = of(Kind::Family, &p);
    for w in ["sjostrom", "sjoestroem"] {
        assert!(fam.contains(&w.to_string()), "{w} in {fam:?}");
    }
    assert!(of(Kind::Given, &p).contains(&"bjoern".into()));
    let full = of(Kind::Full, &p);
    assert!(full.contains(&"bjoernsjoestroem".into()), "{full:?}");
    // Decomposed (NFD) as some editors save it, and capitals.
    let nfd = crate::content::yaml::parse::<Patient>(
        "name: \"Ågot A\u{308}LUND-Mu\u{308}ller\"",
        std::path::Path::new("t"),
    )
    .expect("patient");
    let fam = of(Kind::Family, &nfd);
    for w in ["aelund", "mueller"] {
        assert!(fam.contains(&w.to_string()), "{w} in {fam:?}");
    }
    assert!(of(Kind::Given, &patient("Ågot Berg")).contains(&"aagot".into()));
    // Names without those letters get no such form.
    let p = patient("Maria Lopez");
    assert!(!of(Kind::Family, &p).iter().any(|f| f.contains("oe")));
}
