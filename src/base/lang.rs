//! Language tags as people write them in a plan or site.yaml (`es`, `ES`,
//! `es_MX`, `es-mx`, `Spanish`, `Español`) read as one BCP 47 tag
//! (`es-MX`), found in tables that have only the language (`es`), and the
//! direction its script is written in.
//!
//! The one home of these rules: the string tables, the exercise library's
//! translations, the clinic's safety rule, the readability formula, the
//! CLDR rules and the privacy guard's name order all ask here.

use std::collections::BTreeMap;

/// Names of languages as a clinic may write them instead of a code, in
/// English and in the language itself (lower case, without accents where
/// people often leave them off).
const NAMES: [(&str, &str); 46] = [
    ("english", "en"),
    ("spanish", "es"),
    ("español", "es"),
    ("espanol", "es"),
    ("castellano", "es"),
    ("chinese", "zh"),
    ("mandarin", "zh"),
    ("中文", "zh"),
    ("汉语", "zh"),
    ("漢語", "zh"),
    ("vietnamese", "vi"),
    ("tiếng việt", "vi"),
    ("tieng viet", "vi"),
    ("arabic", "ar"),
    ("العربية", "ar"),
    ("french", "fr"),
    ("français", "fr"),
    ("francais", "fr"),
    ("portuguese", "pt"),
    ("português", "pt"),
    ("portugues", "pt"),
    ("german", "de"),
    ("deutsch", "de"),
    ("italian", "it"),
    ("italiano", "it"),
    ("russian", "ru"),
    ("русский", "ru"),
    ("korean", "ko"),
    ("한국어", "ko"),
    ("japanese", "ja"),
    ("日本語", "ja"),
    ("tagalog", "tl"),
    ("filipino", "fil"),
    ("polish", "pl"),
    ("polski", "pl"),
    ("haitian creole", "ht"),
    ("kreyòl ayisyen", "ht"),
    ("hindi", "hi"),
    ("हिन्दी", "hi"),
    ("urdu", "ur"),
    ("اردو", "ur"),
    ("persian", "fa"),
    ("farsi", "fa"),
    ("فارسی", "fa"),
    ("hebrew", "he"),
    ("עברית", "he"),
];

/// Languages written right to left when no script is named (CLDR's
/// likely scripts: Arabic, Hebrew, Thaana, Syriac, N'Ko, Adlam).
const RTL_LANGUAGES: [&str; 15] = [
    "ar", "arc", "ckb", "dv", "fa", "he", "iw", "ks", "nqo", "ps", "sd", "syr", "ug", "ur", "yi",
];

/// Scripts written right to left.
const RTL_SCRIPTS: [&str; 9] = [
    "arab", "hebr", "thaa", "syrc", "nkoo", "adlm", "rohg", "mand", "samr",
];

/// The tag as one BCP 47 tag: `es_mx` → `es-MX`, `ZH-hant-tw` →
/// `zh-Hant-TW`, `Spanish` → `es`. A text that is no tag is kept as
/// written (trimmed), so a diagnostic can quote it.
pub fn canonical(tag: &str) -> String {
    let t = tag.trim();
    let lower = t.to_lowercase();
    if let Some((_, code)) = NAMES.iter().find(|(name, _)| *name == lower) {
        return (*code).to_string();
    }
    let parts: Vec<&str> = t.split(['-', '_']).collect();
    let well_formed = parts
        .iter()
        .all(|p| (1..=8).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_alphanumeric()))
        && parts[0].len() <= 3
        && parts[0].bytes().all(|b| b.is_ascii_alphabetic());
    if !well_formed {
        return t.to_string();
    }
    let mut out = String::with_capacity(t.len());
    for (i, p) in parts.iter().enumerate() {
        if i > 0 {
            out.push('-');
        }
        let alpha = p.bytes().all(|b| b.is_ascii_alphabetic());
        match (i, p.len()) {
            (0, _) => out.push_str(&p.to_ascii_lowercase()),
            (_, 4) if alpha => {
                out.push_str(&p[..1].to_ascii_uppercase());
                out.push_str(&p[1..].to_ascii_lowercase());
            }
            (_, 2) if alpha => out.push_str(&p.to_ascii_uppercase()),
            _ => out.push_str(&p.to_ascii_lowercase()),
        }
    }
    out
}

/// HP0007 for a value that names no language (`klingon`), in `file` at
/// `at`; `known`: the languages handouts have phrases in, when known.
pub fn not_a_language(
    value: &str,
    file: &std::path::Path,
    at: Option<crate::base::diag::Pos>,
    known: &[String],
) -> crate::base::diag::Diagnostic {
    let listed = if known.is_empty() {
        String::new()
    } else {
        format!("; handouts have phrases in: {}", known.join(", "))
    };
    crate::base::diag::Diagnostic::error(
        crate::base::diag::Code::ValueNotAllowed,
        format!("`{value}` is not a language"),
    )
    .in_file(file)
    .at(at)
    .help(format!(
        "write the language's code, such as `es` or `es-MX` (or its name in English, `Spanish`){listed}"
    ))
}

/// Is `tag` a language as people write one: a well-formed BCP 47 tag whose
/// language is a two- or three-letter code (`es`, `es_MX`, `fil`,
/// `zh-Hant-TW`), or a language's name [`canonical`] knows (`Spanish`)?
/// `klingon` and `Spanish (Mexico)` are not.
pub fn is_tag(tag: &str) -> bool {
    let c = canonical(tag);
    let mut parts = c.split('-');
    let primary = parts.next().unwrap_or("");
    (2..=3).contains(&primary.len())
        && primary.bytes().all(|b| b.is_ascii_lowercase())
        && parts.all(|p| (1..=8).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_alphanumeric()))
}

/// The language of a tag, without script or region: `es` of `es_MX`.
pub fn primary(tag: &str) -> String {
    // A code (`es`, `es_MX`) needs no name table: this runs for every
    // exercise field of every handout.
    let t = tag.trim();
    let head = t.split(['-', '_']).next().unwrap_or("");
    if (2..=3).contains(&head.len()) && head.bytes().all(|b| b.is_ascii_alphabetic()) {
        return head.to_ascii_lowercase();
    }
    let c = canonical(tag);
    match c.split_once('-') {
        Some((l, _)) => l.to_string(),
        None => c,
    }
}

/// Do two tags name the same language (`es`, `ES`, `es-MX`, `Spanish`)?
pub fn same_language(a: &str, b: &str) -> bool {
    a.trim().eq_ignore_ascii_case(b.trim()) || primary(a) == primary(b)
}

/// The tags a table for `tag` may be found under, most specific first
/// (RFC 4647 lookup): `zh-Hant-TW`, `zh-Hant`, `zh`.
pub fn fallbacks(tag: &str) -> Vec<String> {
    let c = canonical(tag);
    let mut out = vec![c.clone()];
    let mut rest = c.as_str();
    while let Some((head, _)) = rest.rsplit_once('-') {
        out.push(head.to_string());
        rest = head;
    }
    out
}

/// The entry of `map` for `tag`: its own, else its language's (`es` for
/// `es-MX`), keys compared as tags (`ES`, `es_mx`).
pub fn lookup<'m, V>(map: &'m BTreeMap<String, V>, tag: &str) -> Option<(&'m str, &'m V)> {
    if let Some((k, v)) = map.get_key_value(tag) {
        return Some((k, v));
    }
    fallbacks(tag).iter().find_map(|want| {
        map.iter()
            .find(|(k, _)| canonical(k) == *want)
            .map(|(k, v)| (k.as_str(), v))
    })
}

/// The script `tag` is written in, when it names one or its region
/// implies one for Chinese (`zh-TW` is Traditional, `zh` Simplified):
/// `Hant`, `Hans`, `Latn`…
pub fn script(tag: &str) -> Option<String> {
    let c = canonical(tag);
    let mut parts = c.split('-');
    let language = parts.next().unwrap_or("");
    let rest: Vec<&str> = parts.collect();
    if let Some(s) = rest
        .iter()
        .find(|p| p.len() == 4 && p.bytes().all(|b| b.is_ascii_alphabetic()))
    {
        return Some((*s).to_string());
    }
    (language == "zh").then(|| {
        let traditional = rest.iter().any(|r| matches!(*r, "TW" | "HK" | "MO"));
        if traditional { "Hant" } else { "Hans" }.to_string()
    })
}

/// The direction `tag` is written in: `rtl` for a right-to-left script
/// (named, as in `az-Arab`, or the language's own, as in `he`, `fa-IR`),
/// else `ltr`.
pub fn dir(tag: &str) -> &'static str {
    let c = canonical(tag).to_ascii_lowercase();
    let mut parts = c.split('-');
    let language = parts.next().unwrap_or("");
    let script = parts
        .clone()
        .find(|p| p.len() == 4 && p.bytes().all(|b| b.is_ascii_alphabetic()));
    let rtl = match script {
        Some(s) => RTL_SCRIPTS.contains(&s),
        None => RTL_LANGUAGES.contains(&language),
    };
    if rtl { "rtl" } else { "ltr" }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_are_read_as_people_write_them() {
        for (written, tag) in [
            ("es", "es"),
            (" ES ", "es"),
            ("es_mx", "es-MX"),
            ("ES-mx", "es-MX"),
            ("zh-hant-tw", "zh-Hant-TW"),
            ("zh_Hans", "zh-Hans"),
            ("es-419", "es-419"),
            ("Spanish", "es"),
            ("Español", "es"),
            ("ARABIC", "ar"),
            ("Tiếng Việt", "vi"),
            ("中文", "zh"),
            ("Klingon", "Klingon"),
            ("en (US)", "en (US)"),
            ("", ""),
        ] {
            assert_eq!(canonical(written), tag, "{written:?}");
        }
        assert!(same_language("es_MX", "Spanish"));
        assert!(!same_language("es", "en"));
        assert_eq!(primary("zh-Hant-TW"), "zh");
        assert_eq!(fallbacks("zh_hant_tw"), ["zh-Hant-TW", "zh-Hant", "zh"]);
        for (tag, s) in [
            ("zh", Some("Hans")),
            ("zh-CN", Some("Hans")),
            ("zh-TW", Some("Hant")),
            ("zh_hk", Some("Hant")),
            ("zh-Hant", Some("Hant")),
            ("sr-Latn", Some("Latn")),
            ("es-MX", None),
        ] {
            assert_eq!(script(tag).as_deref(), s, "{tag}");
        }
    }

    #[test]
    fn a_table_is_found_for_a_regional_or_differently_written_tag() {
        let map = BTreeMap::from([
            ("en".to_string(), 1),
            ("es".to_string(), 2),
            ("pt-BR".to_string(), 3),
        ]);
        for (tag, want) in [
            ("es-MX", Some(2)),
            ("ES", Some(2)),
            ("spanish", Some(2)),
            ("pt_br", Some(3)),
            ("pt", None),
            ("pt-PT", None),
            ("fr", None),
        ] {
            assert_eq!(lookup(&map, tag).map(|(_, v)| *v), want, "{tag}");
        }
    }

    #[test]
    fn right_to_left_by_script_or_language() {
        for (tag, d) in [
            ("ar", "rtl"),
            ("ar-EG", "rtl"),
            ("he", "rtl"),
            ("fa_IR", "rtl"),
            ("ur", "rtl"),
            ("yi", "rtl"),
            ("Arabic", "rtl"),
            ("az-Arab", "rtl"),
            ("pa-Arab", "rtl"),
            ("uz-Latn", "ltr"),
            ("en", "ltr"),
            ("es-MX", "ltr"),
            ("zh", "ltr"),
            ("", "ltr"),
        ] {
            assert_eq!(dir(tag), d, "{tag}");
        }
    }

    #[test]
    fn language_tags_and_names_are_tags_words_are_not() {
        for t in [
            "es",
            "ES",
            "es_MX",
            "es-mx",
            "fil",
            "zh-Hant-TW",
            "Spanish",
            "Español",
            "tlh",
        ] {
            assert!(is_tag(t), "{t}");
        }
        for t in [
            "klingon",
            "Spanish (Mexico)",
            "",
            "e",
            "english-us",
            "12",
            "es--MX",
            "es-",
        ] {
            assert!(!is_tag(t), "{t}");
        }
    }
}
