//! Fixtures and runners shared by the privacy rounds' file suites
//! (tests/privacy_round10_files.rs, tests/privacy_round11_files.rs):
//! packed bytes, and build runners that put files into a clean clinic.

use super::probes::*;
use super::*;
use std::io::Write as _;

/// `bytes` packed with zlib.
pub fn zlib(bytes: &[u8]) -> Vec<u8> {
    let mut z = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::default());
    z.write_all(bytes).expect("zlib");
    z.finish().expect("zlib")
}

/// `bytes` in standard base64, padded.
pub fn b64(bytes: &[u8]) -> String {
    use base64::Engine;
    base64::engine::general_purpose::STANDARD.encode(bytes)
}

/// Each `(file, bytes)` put in turn into the clean clinic `base` makes
/// must fail the build with `code` on a line naming the file as
/// published, keep the previous output and print none of `secrets`.
pub fn assert_refused(
    base: &dyn Fn(&Clinic),
    code: &str,
    probes: &[(&str, Vec<u8>)],
    secrets: &[&str],
) {
    let failures: Vec<String> = probes
        .iter()
        .filter_map(|(rel, bytes)| {
            let published = rel.trim_start_matches("static/");
            refusal(base, rel, bytes, code, Some(published), secrets)
                .map(|why| format!("{rel}: {why}"))
        })
        .collect();
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// The clean clinic `base` makes, with each `(file, bytes)` added, builds
/// with no privacy diagnostic and publishes every file, each as
/// `published` says (`None`: as written).
pub fn assert_published(base: &dyn Fn(&Clinic), files: &[(&str, Vec<u8>)]) -> Vec<Vec<u8>> {
    let c = Clinic::new();
    base(&c);
    for (rel, bytes) in files {
        write_bytes(&c, rel, bytes);
    }
    let out = build(&c, &["build"]);
    let err = stderr(&out);
    assert!(
        out.status.success() && !err.contains("HP05"),
        "{:?}: the build failed or cried wolf (exit {:?}): {}",
        files.iter().map(|f| f.0).collect::<Vec<_>>(),
        out.status.code(),
        head(&err)
    );
    files
        .iter()
        .map(|(rel, _)| {
            let published = c
                .path()
                .join("public")
                .join(rel.trim_start_matches("static/"));
            std::fs::read(&published).unwrap_or_else(|_| panic!("{rel} was not published"))
        })
        .collect()
}
