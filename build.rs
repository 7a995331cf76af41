//! Embeds every theme under `themes/` into the binary, so `heropath build`
//! works in a clinic folder that has no `themes/` of its own.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

fn collect(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            collect(&path, out);
        } else {
            out.push(path);
        }
    }
}

fn main() {
    let root = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").expect("cargo sets this"));
    let themes = root.join("themes");
    println!("cargo:rerun-if-changed=themes");
    let mut files = Vec::new();
    collect(&themes, &mut files);
    files.sort();
    let mut code = String::from(
        "/// (theme, path inside the theme, bytes), sorted.\npub static EMBEDDED: &[(&str, &str, &[u8])] = &[\n",
    );
    for f in &files {
        println!("cargo:rerun-if-changed={}", f.display());
        let rel = f.strip_prefix(&themes).expect("under themes/");
        let mut parts = rel
            .components()
            .map(|c| c.as_os_str().to_string_lossy().into_owned());
        let Some(theme) = parts.next() else { continue };
        let inner: Vec<String> = parts.collect();
        if inner.is_empty() {
            continue;
        }
        let _ = writeln!(
            code,
            "    ({:?}, {:?}, include_bytes!({:?})),",
            theme,
            inner.join("/"),
            f.display().to_string()
        );
    }
    code.push_str("];\n");
    let out = PathBuf::from(std::env::var("OUT_DIR").expect("cargo sets this"))
        .join("embedded_themes.rs");
    std::fs::write(out, code).expect("write embedded theme list");
}
