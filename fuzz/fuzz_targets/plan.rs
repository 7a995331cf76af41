//! Fuzz the parse → model → render path of one plan: any bytes must give a
//! handout or diagnostics, never a panic, and a rendered handout must never
//! contain markup that came from the input.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    if let Ok(html) = heropath::build::render_standalone(text) {
        let lower = html.to_lowercase();
        assert!(!lower.contains("<script"), "script in output");
        assert!(!lower.contains("href=\"javascript:"), "javascript: link in output");
    }
});
