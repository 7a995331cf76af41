//! Compiling a theme for a build: templates, string tables (each language
//! filled key by key), the inlined handout stylesheet and static files.

use super::*;
#[allow(unused_imports)]
use crate::base::diag::Code;
use crate::base::lang::script;

/// Templates every theme must provide (after falling back to the default).
pub const REQUIRED_TEMPLATES: [&str; 10] = [
    "handout.html",
    "index.html",
    "page.html",
    "stories.html",
    "story.html",
    "tag.html",
    "404.html",
    "sitemap.xml",
    "atom.xml",
    "robots.txt",
];

/// Theme `static/` then site `static/` (site wins), minus the handout
/// stylesheet, which is inlined into handouts instead.
fn static_files(theme: &Theme) -> Vec<RenderedFile> {
    theme
        .files
        .under("static")
        .filter(|(p, _)| *p != "handout.css")
        .map(|(p, b)| RenderedFile {
            path: p.to_string(),
            bytes: b.to_vec(),
        })
        .collect()
}

/// Compile theme `name` for a build: its templates (every one of
/// `required` must be there), its strings for each language in `langs`
/// (with where each was asked for), the handout stylesheet and the static
/// files.
pub(super) fn compile_theme(
    root: &Path,
    name: &str,
    required: &[&str],
    langs: &BTreeMap<String, Asked>,
    diags: &mut Diagnostics,
) -> Result<CompiledTheme, Diagnostic> {
    let theme = Theme::resolve(root, name).map_err(|d| *d)?;
    diags.extend(theme.left_out.iter().cloned());
    let tera = theme.compile().map_err(|mut ds| {
        let first = ds.remove(0);
        diags.extend(ds);
        first
    })?;
    let missing: Vec<&str> = required
        .iter()
        .copied()
        .filter(|t| theme.files.get(&format!("templates/{t}")).is_none())
        .collect();
    if !missing.is_empty() {
        return Err(Diagnostic::error(Code::MissingTemplate, format!("theme `{name}` lacks template(s): {}", missing.join(", ")))
            .help("add them to the theme's templates/ folder, or remove the theme folder to use the built-in default"));
    }
    let (strings, languages) = theme_strings(&theme, name, langs, diags)?;
    let handout_css = theme
        .files
        .get("static/handout.css")
        .map(|b| compact_css(&String::from_utf8_lossy(b)))
        .unwrap_or_default();
    let static_files = static_files(&theme);
    let static_origins = static_files
        .iter()
        .filter_map(|f| {
            theme
                .files
                .origin(&format!("static/{}", f.path))
                .map(|o| (f.path.clone(), o.to_string()))
        })
        .collect();
    let origins = theme
        .files
        .under("templates")
        .filter_map(|(n, _)| {
            theme
                .files
                .origin(&format!("templates/{n}"))
                .map(|o| (n.to_string(), o.to_string()))
        })
        .collect();
    Ok(CompiledTheme {
        tera,
        handout_css,
        strings,
        static_files,
        static_origins,
        origins,
        fingerprint: theme.files.fingerprint(),
        stock: theme.is_stock(),
        languages,
    })
}

/// The theme's strings for each language in `langs`: its own table laid
/// over the built-in one and English, with a warning for a language it has
/// no table for, or a table that lacks phrases; and the languages it has
/// tables for.
fn theme_strings(
    theme: &Theme,
    name: &str,
    langs: &BTreeMap<String, Asked>,
    diags: &mut Diagnostics,
) -> Result<(BTreeMap<String, Strings>, Vec<String>), Diagnostic> {
    let tables = theme.tables().map_err(|mut ds| {
        let first = ds.remove(0);
        diags.extend(ds);
        first
    })?;
    let builtin = theme.builtin_tables();
    if !tables.contains_key("en") && !builtin.contains_key("en") {
        return Err(Diagnostic::error(
            Code::BadStringTable,
            format!("theme `{name}` has no i18n/en.yaml string table"),
        ));
    }
    // A phrase missing from a table is taken, key by key, from the
    // built-in table of the same language, then from English (the
    // theme's, then the built-in one).
    let overlay = |tables: &[Option<&Table>]| {
        let mut out = Table::new();
        for t in tables.iter().flatten() {
            out.extend(t.iter().map(|(k, v)| (k.clone(), v.clone())));
        }
        out
    };
    let mut strings = BTreeMap::new();
    let mut told = std::collections::BTreeSet::new();
    for (lang, asked) in langs {
        // `es-MX`, `ES` or `Spanish` take the `es` table (RFC 4647 lookup).
        let found = crate::base::lang::lookup(&tables, lang);
        let table = found.map(|(_, t)| t);
        // A word that is no language (`klingon`) has an error of its own.
        let no_table = no_table_for(name, lang, asked, found.map(|(k, _)| k), &tables);
        diags.extend(no_table.filter(|_| crate::base::lang::is_tag(lang)));
        let own_builtin = crate::base::lang::lookup(&builtin, lang).map(|(_, t)| t);
        let under = overlay(&[builtin.get("en"), tables.get("en"), own_builtin]);
        let (s, missing) = Strings::merged(table, &under);
        // Once per table, however many tags found it (`es`, `es-MX`).
        if let Some((key, _)) = found.filter(|(k, _)| !missing.is_empty() && told.insert(*k)) {
            let origin = theme.files.origin(&format!("i18n/{key}.yaml"));
            diags.push(missing_phrases(
                name,
                key,
                &missing,
                own_builtin.is_some(),
                origin,
            ));
        }
        // CLDR rules of the language the phrases are in (English's when
        // neither the theme nor the built-in phrases have the language).
        let rules_lang = if table.is_some() || own_builtin.is_some() {
            lang.as_str()
        } else {
            "en"
        };
        // The direction is the language's, whichever table the phrases
        // came from: a Hebrew plan in English phrases is still Hebrew.
        let own_dir = [table, own_builtin]
            .into_iter()
            .flatten()
            .any(|t| t.contains_key("dir"));
        let s = s.in_language(rules_lang);
        let s = if own_dir {
            s
        } else {
            s.with_dir(crate::base::lang::dir(lang))
        };
        strings.insert(lang.clone(), s);
    }
    // The languages it has phrases for, from the tables read above (a
    // theme's tables are read once a build).
    let mut languages: Vec<String> = builtin.into_keys().chain(tables.into_keys()).collect();
    languages.sort();
    languages.dedup();
    Ok((strings, languages))
}

/// The warning for a language the theme has no table for (English is
/// used), or only a table in another script (`zh` for `zh-TW`).
fn no_table_for(
    name: &str,
    lang: &str,
    (asked_in, asked_at): &Asked,
    found: Option<&str>,
    tables: &BTreeMap<String, Table>,
) -> Option<Diagnostic> {
    let (msg, help) = match found {
        None => (
            format!("theme `{name}` has no strings for language `{lang}`: using English"),
            format!(
                "add themes/{name}/i18n/{lang}.yaml (copy i18n/en.yaml and translate it), or use one of: {}",
                tables.keys().cloned().collect::<Vec<_>>().join(", ")
            ),
        ),
        Some(key) if script(key) != script(lang) => (
            format!(
                "theme `{name}` has no strings for language `{lang}`: using its `{key}` phrases, in another script"
            ),
            format!(
                "add themes/{name}/i18n/{lang}.yaml (copy i18n/{key}.yaml and write it in the script your patients read)"
            ),
        ),
        Some(_) => return None,
    };
    Some(
        Diagnostic::warning(Code::MissingStrings, msg)
            .in_file(asked_in)
            .at(*asked_at)
            .help(help),
    )
}

/// The warning for a theme's table `key` that lacks phrases (taken from
/// the built-in table of its language, else English).
fn missing_phrases(
    name: &str,
    key: &str,
    missing: &[String],
    builtin: bool,
    origin: Option<&str>,
) -> Diagnostic {
    let used = if builtin {
        format!("the built-in `{key}` phrases used")
    } else {
        "English used".to_string()
    };
    Diagnostic::warning(
        Code::MissingStrings,
        format!(
            "theme `{name}`, language `{key}`: {} phrase(s) missing, {used}: {}",
            missing.len(),
            missing.join(", ")
        ),
    )
    .in_file(origin.unwrap_or("i18n"))
    .help(format!("a theme's i18n/{key}.yaml needs only the phrases it changes; to silence this, copy the missing ones into it ({used} until then)"))
}

/// The handout stylesheet is inlined into every handout, so drop comments
/// and fold whitespace once here (quoted strings are kept as they are).
pub fn compact_css(css: &str) -> String {
    let mut out = String::with_capacity(css.len());
    let mut chars = css.chars().peekable();
    let mut quote: Option<char> = None;
    let mut space = false;
    while let Some(c) = chars.next() {
        if let Some(q) = quote {
            out.push(c);
            if c == q {
                quote = None;
            }
            continue;
        }
        if c == '/' && chars.peek() == Some(&'*') {
            chars.next();
            let mut prev = ' ';
            for n in chars.by_ref() {
                if prev == '*' && n == '/' {
                    break;
                }
                prev = n;
            }
            space = true;
            continue;
        }
        if c.is_whitespace() {
            space = true;
            continue;
        }
        // A space before `:` can matter (`a :hover`), one after never does.
        let tight = |x: char| matches!(x, '{' | '}' | ';' | ',' | '>');
        if space && !out.is_empty() && !tight(c) && !out.ends_with(|x| tight(x) || x == ':') {
            out.push(' ');
        }
        space = false;
        if c == '"' || c == '\'' {
            quote = Some(c);
        }
        out.push(c);
    }
    out
}

/// The compiled themes, and what compiling them and reading their string
/// tables found.
pub(super) fn themes_of(
    opts: &Options,
    clinic: &Clinic,
) -> (BTreeMap<String, CompiledTheme>, Diagnostics) {
    let mut diags = Diagnostics::default();
    let themes = compile_themes(opts, clinic, &mut diags);
    diags.extend(unreviewed_tables(opts, clinic, &themes));
    (themes, diags)
}

/// Compile every theme a plan or site.yaml asks for; the site's theme
/// needs every template, a handout-only theme just the handout's.
fn compile_themes(
    opts: &Options,
    clinic: &Clinic,
    diags: &mut Diagnostics,
) -> BTreeMap<String, CompiledTheme> {
    let (wanted, langs) = asked(clinic);
    let site_theme = &clinic.site.theme;
    let mut themes = BTreeMap::new();
    for (name, (file, pos)) in wanted {
        let required: &[&str] = if name == *site_theme {
            &REQUIRED_TEMPLATES
        } else {
            &REQUIRED_TEMPLATES[..1]
        };
        match compile_theme(&opts.root, &name, required, &langs, diags) {
            Ok(c) => {
                themes.insert(name, c);
            }
            // Problems inside the theme name their own file; "no such
            // theme" points at where the theme was asked for.
            Err(d) if d.file.is_some() => diags.push(d),
            Err(d) => diags.push(d.in_file(file).at(pos)),
        }
    }
    let known = themes.get(site_theme).map_or(&[][..], |t| &t.languages[..]);
    diags.extend(not_languages(clinic, known));
    themes
}

/// One warning per build naming every handout printed with a string
/// table marked `reviewed: false` (medical instructions in a language no
/// native speaker checked must not go out silently), grouped by language
/// and pointing at the first such plan's `language:`.
fn unreviewed_tables(
    opts: &Options,
    clinic: &Clinic,
    themes: &BTreeMap<String, CompiledTheme>,
) -> Option<Diagnostic> {
    let mut by_lang: BTreeMap<String, Vec<&load::Source<crate::content::plan::Plan>>> =
        BTreeMap::new();
    for p in clinic
        .plans
        .iter()
        .filter(|p| opts.drafts || !p.value.draft)
    {
        let theme = p.value.handout.as_ref().and_then(|h| h.theme.as_ref());
        let lang = p
            .value
            .patient
            .language
            .as_ref()
            .unwrap_or(&clinic.site.language);
        let table = themes
            .get(theme.unwrap_or(&clinic.site.theme))
            .and_then(|t| t.strings.get(lang));
        if table.is_some_and(|t| !t.reviewed()) {
            by_lang.entry(lang.clone()).or_default().push(p);
        }
    }
    let first = by_lang.values().flatten().min_by_key(|p| &p.path)?;
    let count: usize = by_lang.values().map(Vec::len).sum();
    let list = by_lang
        .iter()
        .map(|(lang, plans)| {
            let names: Vec<String> = plans.iter().map(|p| p.path.display().to_string()).collect();
            format!("`{lang}` ({})", names.join(", "))
        })
        .collect::<Vec<_>>()
        .join("; ");
    let lang = first.value.patient.language.as_deref().unwrap_or("");
    Some(
        Diagnostic::warning(
            Code::UnreviewedStrings,
            format!("{count} handout(s) use a string table no native speaker has reviewed (`reviewed: false`): {list}"),
        )
        .in_file(&first.path)
        .at(crate::content::yaml::locate(&first.text, "language", lang, 0))
        .help("have someone who reads the language check the handout and the theme's i18n/<lang>.yaml, then set `reviewed: true` in it"),
    )
}

#[cfg(test)]
mod tests {
    use super::compact_css;

    #[test]
    fn css_is_compacted_without_touching_strings() {
        let css = "/* c */\nbody {\n  font: 12pt serif;\n}\n.a::before { content: \"a  /* b */\"; }\n@media print { .b > .c { color: #000 } }\n";
        assert_eq!(
            compact_css(css),
            "body{font:12pt serif;}.a::before{content:\"a  /* b */\";}@media print{.b>.c{color:#000}}"
        );
        assert_eq!(compact_css("a :hover { x: y }"), "a :hover{x:y}");
    }
}
