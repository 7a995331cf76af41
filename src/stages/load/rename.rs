//! The exact name to give a file saved under a name heropath does not
//! read or cannot use: `bob.yml.txt`, `bob.yaml.docx` and `bob.YML `
//! (a trailing space) are plans an editor or Windows renamed, `Bob
//! Smith.yaml` and `eve.yaml.yaml` names that cannot be a web address.
//! A help that says "rename it to a visible `<name>.yaml`" leaves the
//! person to guess; these say `bob.yaml`.

/// The name `name` should have: the part before its first `.yaml` or
/// `.yml` (any case), or before its last extension, made a slug, with the
/// extension `ext`; `None` when no letter or digit is left to name it by.
pub(super) fn fixed_name(name: &str, ext: &str) -> Option<String> {
    let n = name.trim().trim_start_matches('.');
    // ASCII lowercase keeps every byte where it was.
    let lower = n.to_ascii_lowercase();
    let cut = [".yaml", ".yml"]
        .iter()
        .filter_map(|e| lower.find(e))
        .min()
        .or_else(|| lower.rfind('.'))
        .filter(|&i| i > 0)
        .unwrap_or(n.len());
    let slug = slug::slugify(&n[..cut]);
    (!slug.is_empty()).then(|| format!("{slug}.{ext}"))
}

/// Does `name` go on past its `.yaml`/`.yml` (`bob.yml.txt`)? Windows
/// hides that last part unless file name extensions are shown.
pub(super) fn hidden_extension(name: &str) -> bool {
    let lower = name.trim().to_ascii_lowercase();
    [".yaml", ".yml"].iter().any(|e| {
        lower
            .find(e)
            .is_some_and(|i| lower[i + e.len()..].starts_with('.'))
    })
}

/// Does `bytes` start like a word-processor document (a .docx, .odt or
/// .pages is a zip archive; .rtf starts `{\rtf`)? Renaming it does not
/// make it plain text.
pub(super) fn is_document(bytes: &[u8]) -> bool {
    bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(b"{\\rtf")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_saved_by_editors_get_their_plan_name() {
        for (from, to) in [
            ("bob.yml.txt", "bob.yaml"),
            ("bob.yaml.docx", "bob.yaml"),
            ("bob.YML ", "bob.yaml"),
            ("Bob Smith.YAML.txt", "bob-smith.yaml"),
            ("eve.yaml.yaml", "eve.yaml"),
            (".hidden.yaml", "hidden.yaml"),
            ("gus.txt", "gus.yaml"),
            ("María López", "maria-lopez.yaml"),
        ] {
            assert_eq!(fixed_name(from, "yaml").as_deref(), Some(to), "{from}");
        }
        assert_eq!(fixed_name("???.txt", "yaml"), None);
        assert!(hidden_extension("bob.yml.txt"));
        assert!(!hidden_extension("bob.YML "));
    }
}
