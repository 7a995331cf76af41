//! The source tree's shape (issue 14), held by a test so it stays that way:
//! the layers of `src/lib.rs` import only downwards, no two modules import
//! each other in a circle, and no source file or build-path function grows
//! past the size a reader can hold in mind.
//!
//! Imports are read from the text (`crate::a::b` paths outside comments),
//! which is what a reader sees; the compiler cannot enforce direction
//! inside one crate.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// The layers, lowest first. A module may import its own unit and any
/// unit ranked lower; within `base` and `content`, modules may import one
/// another as long as they do not form a cycle.
const UNITS: &[&str] = &[
    "base",
    "content",
    "stages::load",
    "stages::check",
    "stages::theme",
    "stages::model",
    "stages::render",
    "stages::privacy",
    "stages::write",
    "build",
    "serve",
];

/// Where a function may not be longer than [`MAX_FN_LINES`].
const BUILD_PATH: &[&str] = &["build", "stages::write", "stages::render", "stages::theme"];
const MAX_FILE_LINES: usize = 500;
const MAX_FN_LINES: usize = 80;

struct Module {
    /// `stages::check::unfinished`
    path: String,
    file: PathBuf,
    text: String,
}

fn modules() -> Vec<Module> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut out = Vec::new();
    for e in walkdir::WalkDir::new(&src).sort_by_file_name() {
        let e = e.expect("walk src/");
        if e.path().extension().is_none_or(|x| x != "rs") {
            continue;
        }
        let rel = e.path().strip_prefix(&src).unwrap().with_extension("");
        let mut parts: Vec<String> = rel
            .components()
            .map(|c| c.as_os_str().to_string_lossy().into_owned())
            .collect();
        if matches!(
            parts.last().map(String::as_str),
            Some("mod" | "lib" | "main")
        ) {
            parts.pop();
        }
        out.push(Module {
            path: parts.join("::"),
            file: e.path().to_path_buf(),
            text: std::fs::read_to_string(e.path()).unwrap(),
        });
    }
    assert!(out.len() > 20, "found the sources");
    out
}

/// The unit (layer or stage) a module path belongs to; `None` for the CLI
/// (`main`, `cli::…`), which sits on top of everything.
fn unit(path: &str) -> Option<(usize, &'static str)> {
    UNITS
        .iter()
        .enumerate()
        .filter(|(_, u)| path == **u || path.starts_with(&format!("{u}::")))
        .max_by_key(|(_, u)| u.len())
        .map(|(i, u)| (i, *u))
}

/// The text without `//` comments (doc links name modules too).
fn code_only(text: &str) -> String {
    text.lines()
        .map(|l| match l.find("//") {
            Some(i) if !l[..i].contains('"') => &l[..i],
            _ => l,
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// Every `crate::x::y` path in the code, as `x::y` (lower-case segments).
fn imports(text: &str) -> BTreeSet<String> {
    let code = code_only(text);
    let mut out = BTreeSet::new();
    let mut rest = code.as_str();
    while let Some(i) = rest.find("crate::") {
        let after = &rest[i + "crate::".len()..];
        let path: String = after
            .chars()
            .take_while(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || *c == '_' || *c == ':')
            .collect();
        let path = path.trim_end_matches(':').to_string();
        if !path.is_empty() {
            out.insert(path);
        }
        rest = after;
    }
    out
}

#[test]
fn layers_import_only_downwards() {
    let mut wrong = Vec::new();
    for m in modules() {
        let Some((rank, own)) = unit(&m.path) else {
            continue;
        };
        for import in imports(&m.text) {
            let Some((target, to)) = unit(&import) else {
                wrong.push(format!(
                    "{} imports crate::{import}, which is no layer",
                    m.path
                ));
                continue;
            };
            if target > rank || (target == rank && to != own) {
                wrong.push(format!(
                    "{} ({own}) imports crate::{import} ({to}), a layer above",
                    m.path
                ));
            }
        }
    }
    assert!(
        wrong.is_empty(),
        "imports against the layers:\n{}",
        wrong.join("\n")
    );
}

#[test]
fn no_two_modules_import_each_other_in_a_circle() {
    // The graph between top-level modules of each layer: base::diag,
    // content::yaml, stages::check, build::cache…
    let node = |path: &str| -> String {
        let parts: Vec<&str> = path.split("::").collect();
        let depth = if parts[0] == "stages"
            || parts[0] == "base"
            || parts[0] == "content"
            || parts[0] == "build"
        {
            2
        } else {
            1
        };
        parts[..parts.len().min(depth)].join("::")
    };
    let mut graph: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for m in modules() {
        if unit(&m.path).is_none() {
            continue;
        }
        let from = node(&m.path);
        let edges = graph.entry(from.clone()).or_default();
        for import in imports(&m.text) {
            let to = node(&import);
            if to != from {
                edges.insert(to);
            }
        }
    }
    // Depth-first search for a back edge.
    fn visit(
        n: &str,
        graph: &BTreeMap<String, BTreeSet<String>>,
        state: &mut BTreeMap<String, u8>,
        stack: &mut Vec<String>,
    ) -> Option<Vec<String>> {
        state.insert(n.to_string(), 1);
        stack.push(n.to_string());
        for next in graph.get(n).into_iter().flatten() {
            match state.get(next.as_str()) {
                Some(1) => {
                    let start = stack.iter().position(|s| s == next).unwrap();
                    let mut cycle = stack[start..].to_vec();
                    cycle.push(next.clone());
                    return Some(cycle);
                }
                Some(_) => {}
                None => {
                    if let Some(c) = visit(next, graph, state, stack) {
                        return Some(c);
                    }
                }
            }
        }
        stack.pop();
        state.insert(n.to_string(), 2);
        None
    }
    let mut state = BTreeMap::new();
    for n in graph.keys() {
        if !state.contains_key(n.as_str())
            && let Some(cycle) = visit(n, &graph, &mut state, &mut Vec::new())
        {
            panic!(
                "modules import each other in a circle: {}",
                cycle.join(" -> ")
            );
        }
    }
}

#[test]
fn no_source_file_is_over_500_lines() {
    let long: Vec<String> = modules()
        .iter()
        .map(|m| (m.text.lines().count(), &m.file))
        .filter(|(n, _)| *n > MAX_FILE_LINES)
        .map(|(n, f)| format!("{} ({n} lines)", f.display()))
        .collect();
    assert!(long.is_empty(), "split these files:\n{}", long.join("\n"));
}

/// `(name, lines)` of every function: from the line that declares it to
/// the closing brace at the same indentation.
fn functions(text: &str) -> Vec<(String, usize)> {
    let lines: Vec<&str> = text.lines().collect();
    let mut out = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        let trimmed = line.trim_start();
        let decl = [
            "fn ",
            "pub fn ",
            "pub(crate) fn ",
            "pub(super) fn ",
            "async fn ",
        ]
        .iter()
        .find_map(|p| trimmed.strip_prefix(p));
        let Some(rest) = decl else { continue };
        let indent = line.len() - trimmed.len();
        let name: String = rest
            .chars()
            .take_while(|c| c.is_alphanumeric() || *c == '_')
            .collect();
        let close = " ".repeat(indent) + "}";
        if let Some(end) = lines[i + 1..].iter().position(|l| *l == close) {
            out.push((name, end + 2));
        }
    }
    out
}

#[test]
fn the_function_counter_measures_a_function() {
    let text = "fn a() {\n    x();\n    y();\n}\n\n    pub fn b(\n        z: u8,\n    ) {\n    }\n";
    assert_eq!(
        functions(text),
        [("a".to_string(), 4), ("b".to_string(), 4)]
    );
}

#[test]
fn no_build_path_function_is_over_80_lines() {
    let mut long = Vec::new();
    for m in modules() {
        let in_build_path = unit(&m.path).is_some_and(|(_, u)| BUILD_PATH.contains(&u));
        if !in_build_path || m.path.ends_with("tests") {
            continue;
        }
        for (name, n) in functions(&m.text) {
            if n > MAX_FN_LINES {
                long.push(format!("{}: fn {name} ({n} lines)", m.file.display()));
            }
        }
    }
    assert!(
        long.is_empty(),
        "split these functions:\n{}",
        long.join("\n")
    );
}

#[test]
fn the_import_reader_sees_grouped_and_nested_paths_but_not_comments() {
    let text = "use crate::base::diag::{Code, Diagnostic};\n// crate::serve::x\nlet x = crate::stages::load::load(p);\n";
    let got: Vec<String> = imports(text).into_iter().collect();
    assert_eq!(got, ["base::diag", "stages::load::load"]);
    assert_eq!(
        unit("stages::check::unfinished"),
        Some((3, "stages::check"))
    );
    assert_eq!(unit("stages::checker"), None);
    assert_eq!(unit("main"), None);
}
