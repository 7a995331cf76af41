//! Themes: Tera templates, static files and string tables, layered
//! embedded default → theme on disk → site overrides.

mod hidden;
pub mod i18n;

pub use hidden::is_hidden;

use crate::base::diag::Code;
use crate::base::diag::{Diagnostic, closest};
use crate::stages::theme::i18n::Table;
use std::collections::BTreeMap;
use std::path::Path;
use std::sync::Arc;
use walkdir::WalkDir;

mod embedded {
    include!(concat!(env!("OUT_DIR"), "/embedded_themes.rs"));
}

/// A theme's files, by path inside the theme (`templates/handout.html`,
/// `static/style.css`, `i18n/en.yaml`), with where each came from.
#[derive(Debug, Clone, Default)]
pub struct Files {
    files: BTreeMap<String, (Arc<[u8]>, String)>,
}

impl Files {
    fn insert(&mut self, path: String, bytes: Arc<[u8]>, origin: String) {
        self.files.insert(path, (bytes, origin));
    }

    /// The bytes of a file.
    pub fn get(&self, path: &str) -> Option<&[u8]> {
        self.files.get(path).map(|(b, _)| &**b)
    }

    /// Where a file came from (for diagnostics).
    pub fn origin(&self, path: &str) -> Option<&str> {
        self.files.get(path).map(|(_, o)| o.as_str())
    }

    /// A hash of every file's path and bytes (for the build cache).
    pub fn fingerprint(&self) -> u128 {
        let mut f = crate::base::hash::Fingerprint::new();
        for (path, (bytes, _)) in &self.files {
            f.add(path.as_bytes()).add(bytes);
        }
        f.finish()
    }

    /// Files under a folder, as (path inside the folder, bytes), sorted.
    pub fn under<'a>(&'a self, dir: &'a str) -> impl Iterator<Item = (&'a str, &'a [u8])> + 'a {
        let prefix = format!("{dir}/");
        self.files
            .iter()
            .filter_map(move |(p, (b, _))| p.strip_prefix(&prefix).map(|rest| (rest, &**b)))
            .collect::<Vec<_>>()
            .into_iter()
    }
}

/// Names of the themes embedded in the binary.
pub fn embedded_names() -> Vec<&'static str> {
    let mut v: Vec<&str> = embedded::EMBEDDED.iter().map(|(t, _, _)| *t).collect();
    v.dedup();
    v
}

/// The files of an embedded theme.
pub fn embedded_files(theme: &str) -> impl Iterator<Item = (&'static str, &'static [u8])> + '_ {
    embedded::EMBEDDED
        .iter()
        .filter(move |(t, _, _)| *t == theme)
        .map(|(_, p, b)| (*p, *b))
}

/// The embedded files theme `name` is laid over, in order: the embedded
/// default, then the embedded theme `name` (if any), as (layer, path,
/// bytes). A later file of the same path wins.
fn embedded_layers(name: &str) -> impl Iterator<Item = (&str, &'static str, &'static [u8])> {
    ["default", name]
        .into_iter()
        .flat_map(|layer| embedded_files(layer).map(move |(p, b)| (layer, p, b)))
}

/// A resolved theme, ready to compile.
#[derive(Debug, Clone)]
pub struct Theme {
    /// The theme's name.
    pub name: String,
    /// All files, after layering.
    pub files: Files,
    /// Files of the clinic's theme folders left out, each with why: a
    /// symbolic link (a warning: not followed, not published) or a file
    /// that could not be read (an error: the site would lack it).
    pub left_out: Vec<Diagnostic>,
}

impl Theme {
    /// Resolve `name` for the clinic at `root`: embedded default, then the
    /// embedded theme `name`, then `themes/default` and `themes/<name>` on
    /// disk, then the site's own `templates/` and `static/`.
    pub fn resolve(root: &Path, name: &str) -> Result<Theme, Box<Diagnostic>> {
        let disk = root.join("themes").join(name);
        let is_embedded = embedded_names().contains(&name);
        if !crate::base::paths::is_plain_name(name) || (!disk.is_dir() && !is_embedded) {
            let mut known: Vec<String> = embedded_names().iter().map(|s| s.to_string()).collect();
            if let Ok(rd) = std::fs::read_dir(root.join("themes")) {
                known.extend(
                    rd.flatten()
                        .filter(|e| e.path().is_dir())
                        .map(|e| e.file_name().to_string_lossy().into_owned()),
                );
            }
            known.sort();
            known.dedup();
            let help = match closest(name, known.iter().map(String::as_str)) {
                Some(c) => format!("did you mean `{c}`?"),
                None => format!("available themes: {}", known.join(", ")),
            };
            return Err(Box::new(
                Diagnostic::error(Code::UnknownTheme, format!("unknown theme `{name}`")).help(help),
            ));
        }
        let mut files = Files::default();
        for (layer, p, b) in embedded_layers(name) {
            files.insert(p.to_string(), Arc::from(b), format!("themes/{layer}/{p}"));
        }
        let mut left_out = Vec::new();
        for layer in ["default", name] {
            let origin = format!("themes/{layer}/");
            let dir = root.join("themes").join(layer);
            add_dir(&mut files, &mut left_out, &dir, "", &origin);
        }
        let site = [("templates", "templates/"), ("static", "static/")];
        for (dir, prefix) in site {
            add_dir(&mut files, &mut left_out, &root.join(dir), prefix, prefix);
        }
        Ok(Theme {
            name: name.to_string(),
            files,
            left_out,
        })
    }

    /// Compile the theme's templates. Autoescaping stays on for `.html` and
    /// `.xml` (Tera's default).
    pub fn compile(&self) -> Result<tera::Tera, Vec<Diagnostic>> {
        let mut tera = tera::Tera::new();
        tera.register_function("url", url_function);
        tera.register_filter("safe", safe_filter);
        let mut errors = Vec::new();
        let mut sources = Vec::new();
        for (name, bytes) in self.files.under("templates") {
            // UTF-16 or UTF-32 text without a byte-order mark is valid
            // UTF-8 with NULs: named as every file's encoding is (as are
            // Windows-1252 and UTF-32 with a mark), at the first bad byte.
            match std::str::from_utf8(bytes) {
                Ok(s) if !bytes.contains(&0) => sources.push((name, s)),
                read => {
                    let origin = self
                        .files
                        .origin(&format!("templates/{name}"))
                        .unwrap_or(name);
                    let path = std::path::Path::new(origin);
                    match (
                        crate::base::encoding::decode_utf8(bytes.to_vec(), path),
                        read,
                    ) {
                        (Err(d), _) => errors.push(d.in_file(origin)),
                        (Ok(_), Ok(s)) => sources.push((name, s)),
                        (Ok(_), Err(_)) => errors.push(
                            Diagnostic::error(Code::TemplateSyntax, "template is not valid UTF-8")
                                .in_file(origin),
                        ),
                    }
                }
            }
        }
        if let Err(e) = tera.add_raw_templates(sources) {
            let origin = |name: &str| {
                self.files
                    .origin(&format!("templates/{name}"))
                    .map(str::to_string)
            };
            errors.push(template_error(
                &e,
                "could not compile a template",
                Code::TemplateSyntax,
                &origin,
            ));
        }
        if errors.is_empty() {
            Ok(tera)
        } else {
            Err(errors)
        }
    }

    /// Are this theme's templates and string tables exactly heropath's own
    /// (the embedded default laid under the embedded theme of this name),
    /// whatever folder they were read from? heropath's tests render those
    /// for every kind of plan the schema accepts; templates or strings a
    /// clinic wrote are known only by rendering them.
    pub fn is_stock(&self) -> bool {
        let builtin: BTreeMap<&str, &[u8]> = embedded_layers(&self.name)
            .map(|(_, p, b)| (p, b))
            .collect();
        let rendered = |p: &str| p.starts_with("templates/") || p.starts_with("i18n/");
        let ours = self.files.files.keys().map(String::as_str);
        let ours: Vec<&str> = ours.filter(|p| rendered(p)).collect();
        ours.len() == builtin.keys().filter(|p| rendered(p)).count()
            && ours
                .iter()
                .all(|p| builtin.get(p).copied() == self.files.get(p))
    }

    /// The string tables built into the binary for this theme (the
    /// embedded default theme, then the embedded theme of this name), by
    /// language: what a partial table on disk falls back to.
    pub fn builtin_tables(&self) -> BTreeMap<String, Table> {
        let mut out = BTreeMap::new();
        for (layer, p, b) in embedded_layers(&self.name) {
            let Some(lang) = p
                .strip_prefix("i18n/")
                .and_then(|f| f.strip_suffix(".yaml"))
            else {
                continue;
            };
            let origin = format!("themes/{layer}/{p}");
            if let Ok(t) = crate::content::yaml::parse::<Table>(
                &String::from_utf8_lossy(b),
                Path::new(&origin),
            ) {
                out.insert(lang.to_string(), t);
            }
        }
        out
    }

    /// The string tables in `i18n/`, by language.
    pub fn tables(&self) -> Result<BTreeMap<String, Table>, Vec<Diagnostic>> {
        let mut out = BTreeMap::new();
        let mut errors = Vec::new();
        for (file, bytes) in self.files.under("i18n") {
            let Some(lang) = file.strip_suffix(".yaml") else {
                continue;
            };
            let origin = self
                .files
                .origin(&format!("i18n/{file}"))
                .unwrap_or(file)
                .to_string();
            let text = match crate::base::encoding::decode_utf8(bytes.to_vec(), Path::new(&origin))
            {
                Ok(t) => t,
                Err(d) => {
                    errors.push(*d);
                    continue;
                }
            };
            match crate::content::yaml::parse::<Table>(&text, Path::new(&origin)) {
                Ok(t) => {
                    out.insert(lang.to_string(), t);
                }
                Err(d) => errors.push(Diagnostic {
                    code: Code::BadStringTable,
                    ..*d
                }),
            }
        }
        if errors.is_empty() {
            Ok(out)
        } else {
            Err(errors)
        }
    }
}

/// `url(path="stories/")` in a template: the root-relative URL of a path
/// inside the site, with the site's path prefix (`/clinic/stories/` on a
/// project site), as [`crate::stages::model::SiteView::url`] makes it. A leading `/`
/// is optional. Templates get the prefix from `site.base_path`; outside
/// the website (a handout) the prefix is `/`.
/// Tera's `safe`, without its copy: a string is the same string marked
/// safe (its bytes shared), anything else is written out and marked, as
/// Tera's does. Every handout passes its inline style sheet, QR codes and
/// rendered Markdown through `safe`, and copying them was a measurable
/// part of rendering.
fn safe_filter(value: &tera::Value, _: tera::Kwargs, _: &tera::State) -> tera::Value {
    match value.as_str() {
        Some(_) => value.clone().mark_safe(),
        None => tera::Value::safe_string(&value.to_string()),
    }
}

fn url_function(kwargs: tera::Kwargs, state: &tera::State) -> tera::TeraResult<String> {
    let path: &str = kwargs.must_get("path")?;
    let site: Option<tera::Value> = state.get("site")?;
    let base = site
        .as_ref()
        .and_then(|s| s.get_from_path("base_path"))
        .and_then(tera::Value::as_str)
        .unwrap_or("/");
    Ok(format!("{base}{}", path.trim_start_matches('/')))
}

/// Turn a Tera error into a diagnostic at the template's file, line and
/// column. `origin` maps a template name to the file it came from.
pub fn template_error(
    e: &tera::Error,
    context: &str,
    code: Code,
    origin: &dyn Fn(&str) -> Option<String>,
) -> Diagnostic {
    // Tera wraps the located error ("syntax" or "rendering") in others.
    let mut located = None;
    let mut cur: Option<&(dyn std::error::Error + 'static)> = Some(e);
    while let Some(err) = cur {
        if let Some(te) = err.downcast_ref::<tera::Error>()
            && let tera::ErrorKind::SyntaxError(r) | tera::ErrorKind::RenderingError(r) = te.kind()
        {
            located = Some(r.clone());
            break;
        }
        cur = err.source();
    }
    let help = if code == Code::TemplateSyntax {
        "see the Tera 2 template syntax; every tag needs its closing tag and expression"
    } else {
        "docs/templates.md lists the variables each template receives; test optional ones with `{% if x %}`"
    };
    match located {
        Some(r) => {
            let span = r.span();
            let file =
                origin(r.filename()).unwrap_or_else(|| format!("templates/{}", r.filename()));
            Diagnostic::error(code, format!("{context}: {}", r.message()))
                .in_file(file)
                .at(Some(crate::base::diag::Pos {
                    line: span.start_line,
                    column: span.start_col + 1,
                }))
                .help(help)
        }
        None => {
            let mut text = e.to_string();
            let mut source = std::error::Error::source(e);
            while let Some(s) = source {
                text.push_str(&format!(": {s}"));
                source = s.source();
            }
            Diagnostic::error(code, format!("{context}: {text}")).help(help)
        }
    }
}

/// Is `rel` a text file of a theme: a template, a string table, a style
/// sheet or script, markup or plain text?
fn is_text_file(rel: &str) -> bool {
    let ext = rel.rsplit_once('.').map(|(_, e)| e.to_ascii_lowercase());
    matches!(
        ext.as_deref(),
        Some(
            "html" | "htm" | "xml" | "css" | "js" | "yaml" | "yml" | "txt" | "md" | "json" | "svg"
        )
    )
}

fn add_dir(
    files: &mut Files,
    left_out: &mut Vec<Diagnostic>,
    dir: &Path,
    prefix: &str,
    origin_prefix: &str,
) {
    if !dir.is_dir() {
        return;
    }
    // The folder itself as a link too (`ln -s handouts static` would
    // publish every handout): walking it would follow it.
    if std::fs::symlink_metadata(dir).is_ok_and(|m| m.file_type().is_symlink()) {
        left_out.push(linked(origin_prefix.trim_end_matches('/')));
        return;
    }
    // Symlinks are not followed: a theme must not pull in files from
    // outside (a link to the handouts would publish them). The person who
    // made one is told it is left out.
    let mut entries: Vec<_> = WalkDir::new(dir)
        .follow_links(false)
        .sort_by_file_name()
        .into_iter()
        .flatten()
        .filter(|e| e.file_type().is_file() || e.path_is_symlink())
        .collect();
    entries.sort_by(|a, b| a.path().cmp(b.path()));
    let mut hidden = Vec::new();
    for e in entries {
        let Ok(rel) = e.path().strip_prefix(dir) else {
            continue;
        };
        let rel = rel.to_string_lossy().replace('\\', "/");
        if is_hidden(&rel) {
            hidden.push(rel);
            continue;
        }
        let shown = format!("{origin_prefix}{rel}");
        if e.path_is_symlink() {
            left_out.push(linked(&shown));
            continue;
        }
        let bytes = match std::fs::read(e.path()) {
            Ok(b) => b,
            Err(err) => {
                left_out.push(
                    Diagnostic::error(Code::ReadFailed, format!("cannot read this file: {err}"))
                        .in_file(shown)
                        .help("check the file's permissions, or remove it"),
                );
                continue;
            }
        };
        // Text saved with a byte-order mark reads as without it; UTF-16
        // only in a text file (a picture or font may start with the same
        // two bytes).
        let bytes = match is_text_file(&rel) {
            true => crate::base::encoding::without_bom(&bytes),
            false => std::borrow::Cow::Borrowed(crate::base::encoding::strip_bom(&bytes)),
        };
        files.insert(format!("{prefix}{rel}"), Arc::from(bytes.as_ref()), shown);
    }
    // The clinic's own folder of files to publish is told what it holds
    // that is not published (a theme's `.git/` is nobody's concern).
    if origin_prefix == "static/" {
        left_out.extend(hidden::left_out(origin_prefix, &hidden));
    }
}

/// The warning for a link in a site folder (or the folder as a link),
/// left out of the site.
fn linked(shown: &str) -> Diagnostic {
    Diagnostic::warning(
        Code::Symlink,
        "this is a symbolic link; heropath does not follow links, so it is left out of the site",
    )
    .in_file(shown)
    .help("replace the link with the file itself")
}

#[cfg(test)]
mod tests {
    /// heropath's `safe` writes what Tera's own writes, for every kind of
    /// value (only the copy of a string is saved).
    #[test]
    fn the_safe_filter_writes_what_teras_writes() {
        let templates = [
            ("s", "{{ s | safe }}|{{ s }}"),
            (
                "n",
                "{{ n | safe }}|{{ f | safe }}|{{ b | safe }}|{{ none | safe }}",
            ),
            ("long", "{{ long | safe }}|{{ long | safe | upper }}"),
            ("list", "{{ list | safe }}|{{ map | safe }}"),
            ("chain", "{{ s | safe | replace(from='<', to='[') }}"),
        ];
        let mut ctx = tera::Context::new();
        ctx.insert("s", "<b>R&D</b> \"quoted\"");
        ctx.insert("long", &"<p>Ça & ça</p>".repeat(20));
        ctx.insert("n", &42);
        ctx.insert("f", &1.5);
        ctx.insert("b", &true);
        ctx.insert("none", &Option::<String>::None);
        ctx.insert("list", &["<a>", "b"]);
        ctx.insert("map", &std::collections::BTreeMap::from([("k", "<v>")]));
        let mut teras = tera::Tera::new();
        let mut ours = tera::Tera::new();
        ours.register_filter("safe", super::safe_filter);
        for t in [&mut teras, &mut ours] {
            for (name, source) in templates {
                t.add_raw_template(&format!("{name}.html"), source).unwrap();
            }
        }
        for (name, _) in templates {
            let name = format!("{name}.html");
            let want = teras.render(&name, &ctx).unwrap();
            assert_eq!(ours.render(&name, &ctx).unwrap(), want, "{name}");
        }
        assert!(
            ours.render("s.html", &ctx)
                .unwrap()
                .starts_with("<b>R&D</b>")
        );
    }
}
