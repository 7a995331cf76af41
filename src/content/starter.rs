//! The commented starter text of a new plan (`heropath new plan`): content,
//! so it has one home that the scaffold (which fills it in) and the check
//! (which refuses a plan still holding its placeholders) both read.

/// The `new plan` template. `@KEY@` markers (`@NAME@`, `@TODAY@`, …) are
/// filled in by `build::scaffold::plan_text`; `TODO:` marks text the
/// clinician must replace.
pub const NEW_PLAN: &str = include_str!("starter/new-plan.yaml");

/// The placeholder texts of the `new plan` template: what follows each
/// `TODO:` in a value (not in a comment), up to its closing quote or the
/// end of the line. `check` refuses a plan that still holds one.
pub fn template_placeholders() -> Vec<String> {
    let mut out = Vec::new();
    for line in NEW_PLAN.lines() {
        let code = line.split_once(" #").map_or(line, |(c, _)| c);
        if code.trim_start().starts_with('#') {
            continue;
        }
        for (at, _) in code.match_indices("TODO:") {
            let rest = &code[at + "TODO:".len()..];
            let end = rest.find('"').unwrap_or(rest.len());
            let text = rest[..end].trim();
            if !text.is_empty() {
                out.push(text.to_string());
            }
        }
    }
    out
}
