//! The commented starter text of a new plan (`heropath new plan`): content,
//! so it has one home that the scaffold (which fills it in) and the check
//! (which refuses a plan still holding its placeholders) both read.

/// The `new plan` template. `@KEY@` markers (`@NAME@`, `@TODAY@`, …) are
/// filled in by `build::scaffold::plan_text`; `TODO:` marks text the
/// clinician must replace.
pub const NEW_PLAN: &str = include_str!("starter/new-plan.yaml");

/// The comment the `new plan` template writes after a date it can only
/// guess (the next visit a week on, the goal's target eight weeks on).
/// The date is a real one, so the plan reads, but `check` refuses a plan
/// whose date still carries this comment: no handout prints a visit
/// nobody booked.
pub const GUESSED_DATE: &str = "# TODO: a guess";

/// The lines (1-based) of `text` holding a date the `new plan` template
/// guessed, with the column of the value: a `key: value` line whose
/// comment is [`GUESSED_DATE`].
pub fn guessed_dates(text: &str) -> Vec<(usize, usize)> {
    if !text.contains(GUESSED_DATE) {
        return Vec::new();
    }
    text.lines()
        .enumerate()
        .filter_map(|(i, line)| {
            let (code, comment) = line.split_once(" #")?;
            if !format!("#{comment}").starts_with(GUESSED_DATE)
                || code.trim_start().starts_with('#')
            {
                return None;
            }
            let (key, value) = code.split_once(':')?;
            let at = key.len() + 1 + (value.len() - value.trim_start().len());
            (!value.trim().is_empty()).then(|| (i + 1, code[..at].chars().count() + 1))
        })
        .collect()
}

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
