//! Placeholders people type themselves, not the template's: a line that is
//! only "N/A", "to be determined", "pending", "Por definir" or "待定"; a
//! slot in brackets (`[insert goal here]`, `<patient name>`, `{{goal}}`,
//! `<<fill>>`, `{% goal %}`, `[[goal]]`) or another tool's merge field
//! (`{goal}`, `${goal}`, `%GOAL%`); an instruction to whoever fills the plan in ("Goal goes
//! here", "Write the goal here"). None is meant for a patient to read.
//!
//! A whole line is compared, lower case with single spaces, so a sentence
//! that merely holds one of the words ("results pending review") is text.

/// Lines that are a placeholder when they are the whole line (normalized:
/// lower case, single spaces, no final full stop). "NA" and "x" are left
/// out: as clues to look for they are in every plan.
const WHOLE: [&str; 41] = [
    "n/a",
    "tbd",
    "tba",
    "tbc",
    "fixme",
    "xx",
    "xxx",
    "to be determined",
    "to be decided",
    "to be confirmed",
    "to be completed",
    "to be added",
    "to come",
    "placeholder",
    "pending",
    "fill in",
    "fill in later",
    "fill me in",
    "insert text",
    "insert text here",
    "text here",
    "your text here",
    "por definir",
    "a definir",
    "pendiente",
    "por completar",
    "à définir",
    "à compléter",
    "待定",
    "未定",
    "待补充",
    "chưa xác định",
    // Round 5 of the desk probes: Spanish "to do"/"to fill in", the
    // editors' "TK" (to come), a blank marked as such, Vietnamese "to be
    // added", Arabic "pending" and "to be set later".
    "por hacer",
    "por rellenar",
    "tk",
    "blank",
    "(blank)",
    "cần bổ sung",
    "sẽ bổ sung",
    "قيد الانتظار",
    "يحدد لاحقا",
];

/// Words that open an instruction to whoever fills the plan in, ended by
/// "here" ("Write the goal here", "Insert the date here").
const ASKS: [&str; 7] = ["write", "insert", "enter", "type", "add", "put", "describe"];

/// Words that make a line in brackets a slot to fill: any of them in
/// `[…]` ("[your name]", "[patient name]"), the first in `(…)` ("(insert
/// goal)"; "(add ice if sore)" is a cue).
const SLOT_WORDS: [&str; 12] = [
    "insert", "enter", "your", "name", "goal", "patient", "date", "here", "text", "fill", "tbd",
    "todo",
];

/// Fragments that let a plan's source through the checks' prefilter to be
/// read line by line (lower case): each placeholder of this module holds
/// one, so a plan without any cannot hold one.
pub(super) fn clues() -> Vec<String> {
    let mut out: Vec<String> = WHOLE.iter().map(|w| w.to_string()).collect();
    out.extend(["{{", "{%", "[[", "<<", "<", "goes here", " here"].map(String::from));
    // A merge field (`{goal}`, `${goal}`, `%goal%`) opens with a letter
    // right after its mark; a bare `{` or `%` is in most plans (flow
    // mappings, "50%"), which would send every plan the long way. (A
    // letter beyond ASCII: see `prefilter::may_hold_placeholder`.)
    for c in 'a'..='z' {
        out.push(format!("{{{c}"));
        out.push(format!("%{c}"));
    }
    for w in SLOT_WORDS {
        out.push(format!("[{w}"));
        out.push(format!("({w}"));
    }
    out
}

/// Is the normalized line `n` (see `placeholders::normalize`) a
/// placeholder a person typed?
pub(super) fn typed_placeholder(n: &str) -> bool {
    !n.is_empty() && (WHOLE.contains(&n) || slot(n) || asks_to_fill(n) || n.ends_with("goes here"))
}

/// A slot in brackets: `{{…}}` or `<<…>>` anywhere; a whole line in `[…]`
/// with a slot word in it; in `<…>` with a slot word or of four words or
/// fewer, only letters; in `(…)` of four words or fewer, the first a slot
/// word.
fn slot(n: &str) -> bool {
    let pairs = [("{{", "}}"), ("<<", ">>"), ("{%", "%}"), ("[[", "]]")];
    if pairs
        .iter()
        .any(|(open, close)| slot_between(n, open, close, *open == "{%"))
        || name_between(n, '{', '}')
        || name_between(n, '%', '%')
    {
        return true;
    }
    let inner = |open: char, close: char| {
        n.strip_prefix(open)
            .and_then(|r| r.strip_suffix(close))
            .map(str::trim)
    };
    fn words(s: &str) -> Vec<&str> {
        s.split([' ', '_', '-']).filter(|w| !w.is_empty()).collect()
    }
    let slot_word = |w: &&str| SLOT_WORDS.contains(w) || WHOLE.contains(w);
    if let Some(s) = inner('[', ']') {
        return words(s).iter().any(slot_word);
    }
    if let Some(s) = inner('<', '>') {
        let short = !s.is_empty()
            && words(s).len() <= 4
            && s.chars()
                .all(|c| c.is_alphabetic() || matches!(c, ' ' | '_' | '-' | '\''));
        return short || words(s).iter().any(slot_word);
    }
    inner('(', ')').is_some_and(|s| {
        let w = words(s);
        w.len() <= 4 && w.first().is_some_and(slot_word)
    })
}

/// A mail-merge slot anywhere in the line: `{{goal}}`, `<< first name >>`,
/// a few words of letters between `open` and `close`. A template
/// expression (`{{ patient.name }}`, `{{ x | upper }}`) is not one: it is
/// shown as written, like any text; nor, with `statements`, is a template
/// statement (`{% raw %}`, `{% if x %}`: see [`TEMPLATE_TAGS`]).
fn slot_between(n: &str, open: &str, close: &str, statements: bool) -> bool {
    n.match_indices(open).any(|(at, _)| {
        let rest = &n[at + open.len()..];
        rest.find(close).is_some_and(|end| {
            let inner = rest[..end].trim();
            let tag = inner.split(' ').next().unwrap_or("");
            let statement = statements && TEMPLATE_TAGS.split_whitespace().any(|t| t == tag);
            !inner.is_empty()
                && !statement
                && inner.split(' ').count() <= 4
                && inner
                    .chars()
                    .all(|c| c.is_alphanumeric() || matches!(c, ' ' | '_' | '-'))
        })
    })
}

/// The words that open a Tera (or Jinja) statement, lower case: `{% raw %}`
/// is template syntax shown as written, `{% goal %}` a slot.
const TEMPLATE_TAGS: &str = "raw endraw if elif else endif for endfor block endblock set \
    set_global include extends import macro endmacro filter endfilter break continue";

/// A merge field of another tool anywhere in the line: `{goal}` (also
/// `${goal}`), `%goal%`: a few words of letters right inside `open` and
/// `close`, with no space next to either ("50% to 80%" is text, and so is
/// `{{ patient.name }}`).
fn name_between(n: &str, open: char, close: char) -> bool {
    n.match_indices(open).any(|(at, _)| {
        let rest = &n[at + open.len_utf8()..];
        rest.find(close).is_some_and(|end| {
            let inner = &rest[..end];
            let edge = |c: Option<char>| c.is_some_and(char::is_alphabetic);
            edge(inner.chars().next())
                && edge(inner.chars().next_back())
                && inner.split(' ').count() <= 4
                && inner
                    .chars()
                    .all(|c| c.is_alphabetic() || matches!(c, ' ' | '_' | '-'))
        })
    })
}

/// "Write the goal here", "Insert date here": an instruction to fill in.
fn asks_to_fill(n: &str) -> bool {
    let first = n.split(' ').next().unwrap_or("");
    ASKS.contains(&first) && (n.ends_with(" here") || n.ends_with(" here]"))
}

#[cfg(test)]
mod tests {
    use super::{clues, typed_placeholder};

    #[test]
    fn placeholders_people_type_are_found_and_sentences_are_not() {
        let typed = [
            "n/a",
            "tbd",
            "to be determined",
            "pending",
            "por definir",
            "待定",
            "por hacer",
            "tk",
            "(blank)",
            "cần bổ sung",
            "قيد الانتظار",
            "[insert goal here]",
            "<goal>",
            "<patient name>",
            "{{goal}}",
            "we will {{ activity }} together",
            "<<fill>>",
            "(goal)",
            "(your goal)",
            "goal goes here",
            "write the goal here",
            "insert date here",
            "[tbd]",
            "xx",
            "(insert goal)",
            "{goal}",
            "${goal}",
            "{% goal %}",
            "[[goal]]",
            "%goal%",
            "%first_name%",
            "dear {first name},",
        ];
        let clues = clues();
        for n in typed {
            assert!(typed_placeholder(n), "{n}");
            assert!(
                clues.iter().any(|c| n.contains(c.as_str())),
                "the prefilter lets {n} through"
            );
        }
        let text = [
            "results pending review",
            "tk 10 steps",
            "leave a blank line in the log",
            "por hacer los ejercicios, siéntese",
            "walk to the store and back",
            "(slowly)",
            "{{ patient.name }}",
            "<< not a slot: 3 > 2 >>",
            "(add ice if sore)",
            "(your choice of band colour is fine)",
            "add a second set when this feels easy",
            "[1] see the video",
            "bend your knee to 90° <- this is the goal",
            "na na na",
            "stand here with your feet apart",
            "type your name on the log",
            "work at 50% to 80% of your effort",
            "{{ x | upper }}",
            "{ }",
            "{% raw %}",
            "{% if done %}well done{% endif %}",
        ];
        for n in text {
            assert!(!typed_placeholder(n), "{n}");
        }
        // A merge field in another alphabet: the clues are ASCII, so the
        // prefilter reads it by its first letter.
        for n in ["{имя}", "%имя%", "visit on {fecha_día} ok"] {
            assert!(typed_placeholder(n), "{n}");
            assert!(super::super::prefilter::may_hold_placeholder(n), "{n}");
        }
    }
}
