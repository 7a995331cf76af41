//! Unit tests of the slip heuristics' helpers, and that no text near an
//! error makes them panic.

use super::*;

#[test]
fn unclosed_quote_scanner() {
    assert_eq!(unclosed_quote("  a: \"open"), Some((5, '"')));
    assert_eq!(unclosed_quote("  a: \"closed\""), None);
    assert_eq!(unclosed_quote("  a: I can't"), None);
    assert_eq!(unclosed_quote("  a: 'it''s"), Some((5, '\'')));
    assert_eq!(unclosed_quote("  - [\"x\", \"y"), Some((10, '"')));
    assert_eq!(unclosed_quote("  a: b # \"c"), None);
}

#[test]
fn helpers() {
    assert_eq!(key_of("  - use: x"), Some(("use", 7)));
    assert_eq!(key_of("  reps 10"), None);
    assert_eq!(content_indent("  - - a"), 6);
    assert_eq!(
        marks("x at line 3 column 4, while y at line 1 column 2"),
        vec![Pos { line: 3, column: 4 }, Pos { line: 1, column: 2 }]
    );
    assert_eq!(quoted("a \"b\""), "'a \"b\"'");
}

#[test]
fn multibyte_text_near_the_error_does_not_panic() {
    let src = "a:\n  b: \"é\n  c: é\"é: x\n";
    for column in 1..12 {
        let pos = Some(Pos { line: 3, column });
        let _ = explain_syntax("did not find expected key at line 3 column 5", pos, src);
        let _ = explain_syntax("mapping values are not allowed", pos, src);
        let _ = explain_syntax("found character that cannot start any token", pos, src);
        for full in [
            "did not find expected ',' or '}' at line 3 column 5, while parsing a flow mapping at line 2 column 6",
            "could not find expected ':' at line 3 column 5, while scanning a simple key at line 2 column 4",
            "could not find expected ':' at line 3 column 5, while scanning a simple key at line 3 column 9",
        ] {
            let _ = explain_syntax(full, pos, src);
        }
    }
}

#[test]
fn colon_without_space_is_a_key_only_before_a_value() {
    let at = |l: &str| blocks::colon_without_space(&[l], 1).map(|s| s.message);
    assert_eq!(
        at("  now:6").as_deref(),
        Some("`now:` needs a space after its colon")
    );
    for text in [
        "  10:30",
        "  see https://x.test",
        "  now:",
        "  a b:c",
        "  é:",
    ] {
        assert_eq!(at(text), None, "{text}");
    }
}

#[test]
fn the_odd_line_of_a_block_is_the_one_reported() {
    let line_of = |src: &str| {
        let err = serde_yaml::from_str::<serde_yaml::Value>(src).expect_err("a slip");
        let pos = err.location().map(|l| Pos {
            line: l.line(),
            column: l.column(),
        });
        explain_syntax(&err.to_string(), pos, src).map(|s| (s.pos.line, s.help))
    };
    // The first key alone sits one space in: it is the one to move.
    let (line, help) =
        line_of("goal:\n statement: x\n  target: y\n  agreed: z\nnext: 1\n").expect("explained");
    assert_eq!(line, 2, "{help}");
    assert!(help.contains("`  statement: x`"), "{help}");
    // A later key alone sits one space in: it is the one to move.
    let (line, help) =
        line_of("goal:\n  statement: x\n  target: y\n agreed: z\nnext: 1\n").expect("explained");
    assert_eq!(line, 4, "{help}");
    assert!(help.contains("`  agreed: z`"), "{help}");
}

/// The line and help `explain_syntax` gives for `src`'s first error.
fn slip_of(src: &str) -> Option<(usize, String, String)> {
    let err = serde_yaml::from_str::<serde_yaml::Value>(src).expect_err("a slip");
    let pos = err.location().map(|l| Pos {
        line: l.line(),
        column: l.column(),
    });
    explain_syntax(&err.to_string(), pos, src).map(|s| (s.pos.line, s.message, s.help))
}

#[test]
fn a_moved_line_is_reported_where_it_moved() {
    let list = "ex:\n  - use: a\n    sets: 2\n  - name: b\n    reps: 3\n    side: left\nnext: 1\n";
    // A `- key:` item line one space out or in, its keys left in place.
    for moved in [" - name: b", "   - name: b"] {
        let src = list.replace("  - name: b", moved);
        let (line, message, help) = slip_of(&src).expect("explained");
        assert_eq!(line, 4, "{moved:?}: {message}");
        assert!(
            message.contains("other items of its list are indented 2"),
            "{message}"
        );
        assert!(help.contains("`  - name: b`"), "{help}");
    }
    // A list of one: its `key:` line says where the item goes.
    let (line, message, _) =
        slip_of("ex:\n   - name: b\n    reps: 3\n    side: left\nnext: 1\n").expect("explained");
    assert_eq!(line, 2, "{message}");
    // The keys under an item moved, not the item: the key is reported.
    let (line, _, _) = slip_of(&list.replace("    reps: 3", "     reps: 3")).expect("explained");
    assert_eq!(line, 5);

    // The first line of a `|` text further in than the lines after it.
    let text = "why: |\n   One.\n  Two.\n  Three.\nnext: 1\n";
    let (line, message, help) = slip_of(text).expect("explained");
    assert_eq!(
        (line, help.as_str()),
        (2, "indent it like the lines after it: `  One.`"),
        "{message}"
    );
    // Two lines, the second at the usual two spaces: the first moved.
    let (line, _, _) = slip_of("why: |\n   One.\n  Two.\nnext: 1\n").expect("explained");
    assert_eq!(line, 2);

    // The file's first key indented, the keys after it not.
    let (line, message, help) = slip_of(" patient:\n  name: A\ngoal: x\n").expect("explained");
    assert_eq!(line, 1, "{message}");
    assert!(help.contains("`patient:`"), "{help}");

    // A block's first key, with a list under it, one space out or in.
    for moved in [" clinician:", "   clinician:"] {
        let src = format!(
            "resp:\n{moved}\n    - Measure.\n    - Call.\n  patient:\n    - Walk.\n  together: [Talk]\n"
        );
        let (line, message, help) = slip_of(&src).expect("explained");
        assert_eq!(line, 2, "{moved:?}: {message}");
        assert!(help.contains("`  clinician:`"), "{help}");
    }

    // A quote opened and closed by a quote forty lines on.
    let mut src = String::from("a: \"open\n");
    src.push_str(&"b: plain words\n".repeat(40));
    src.push_str("c: \"10:30\"\n");
    let (line, message, _) = slip_of(&src).expect("explained");
    assert_eq!(line, 1, "{message}");
    // A quote closed on a later line: a slip further on is not blamed on it.
    let src = "a: \"multi\n  line\"\nb: x\nc: \"y\" z\n";
    assert!(slip_of(src).is_none_or(|(line, _, _)| line != 1));
}

#[test]
fn a_slip_of_the_keyboard_is_reported_on_its_line() {
    // A no-break space pasted into the indentation: the line holding it,
    // not the next one libyaml stops at.
    for sp in ['\u{a0}', '\u{202f}', '\u{3000}'] {
        let src = format!("goal:\n  statement: x\n{sp} target: y\n  agreed: z\nnext: 1\n");
        let (line, message, help) = slip_of(&src).expect("explained");
        assert_eq!(line, 3, "{sp:?}: {message}");
        assert!(
            message.contains(&format!("U+{:04X}", sp as u32)),
            "{message}"
        );
        assert!(help.contains("`  target: y`"), "{help}");
    }
    // `date:2026-12-01` and `- name:Knee bend`: no space after the colon.
    for (src, at) in [
        ("visit:\n  date:2026-12-01\n  time: x\n", 2),
        ("m:\n  - name:Knee bend\n    now: 3\n", 2),
    ] {
        let (line, message, _) = slip_of(src).expect("explained");
        assert_eq!(line, at, "{src:?}: {message}");
        assert!(
            message.contains("needs a space after its colon"),
            "{message}"
        );
    }
    // A no-break space before a line of a `|` text, which ends the text.
    let src = "why: |\n  One.\n\u{a0} Two.\nnext: 1\n";
    let (line, message, _) = slip_of(src).expect("explained");
    assert_eq!(line, 3, "{message}");
    // `-date:`, the first key of a list of one.
    let (line, message, help) =
        slip_of("visits:\n  -date: 2026-11-26\n    measures: { pain: 4 }\nsteps: []\n")
            .expect("explained");
    assert_eq!(line, 2, "{message}");
    assert!(help.contains("`  - date: 2026-11-26`"), "{help}");
    // A list's first item without its dash.
    let (line, message, help) =
        slip_of("steps:\n    title: A\n    when: now\n  - title: B\n    when: later\nnext: 1\n")
            .expect("explained");
    assert_eq!(line, 2, "{message}");
    assert!(help.contains("`  - title: A`"), "{help}");
    // A `{ … }` item that lost its dash, among items that have theirs; or
    // the last one, its text left two columns in, among the keys of the
    // item above.
    for (src, at, fixed) in [
        (
            "m:\n  - { name: a }\n  { name: b }\n  - { name: c }\nnext: 1\n",
            3,
            "`  - { name: b }`",
        ),
        (
            "m:\n  - name: a\n    now: 1\n    { name: b, now: 2 }\nnext: 1\n",
            4,
            "`  - { name: b, now: 2 }`",
        ),
        (
            "list:\n  - Walk.\n  Call us.\n  - Rest.\nnext: 1\n",
            3,
            "`  - Call us.`",
        ),
    ] {
        let (line, message, help) = slip_of(src).expect("explained");
        assert_eq!(line, at, "{src:?}: {message}");
        assert!(message.contains("has no `- `"), "{message}");
        assert!(help.contains(fixed), "{help}");
    }
    // Items at their key's column: a key there without its colon is that.
    for src in [
        "r:\n  clinician:\n  - Adjust\n  patient\n  - Do\nnext: 1\n",
        "r:\n  clinician:\n  - Adjust\n  patient Do it\n  together: x\nnext: 1\n",
    ] {
        let (line, message, _) = slip_of(src).expect("explained");
        assert_eq!(line, 4, "{message}");
        assert!(message.contains("`patient` needs a colon"), "{message}");
    }
    let (line, message, _) =
        slip_of("r:\n  clinician:\n  - Adjust\n  Call us\n  - Do\nnext: 1\n").expect("explained");
    assert_eq!(line, 4, "{message}");
    assert!(message.contains("has no `- `"), "{message}");
    // A first item at the dash's column, shaped as the item after it.
    let (line, message, help) = slip_of("ex:\n  use: a\n  - use: b\nnext: 1\n").expect("explained");
    assert_eq!(line, 2, "{message}");
    assert!(help.contains("`  - use: a`"), "{help}");
    // Keys of another shape above a stray item are no lost dash.
    let (line, message, _) =
        slip_of("goal:\n  statement: x\n  - something\nnext: 1\n").expect("explained");
    assert_eq!(line, 3, "{message}");
    assert!(!message.contains("has no `- `"), "{message}");
    // `-Call us` among `- ` items.
    let (line, message, help) =
        slip_of("list:\n  - Walk.\n  -Call us.\n  - Rest.\nnext: 1\n").expect("explained");
    assert_eq!(line, 3, "{message}");
    assert!(help.contains("`  - Call us.`"), "{help}");
}

#[test]
fn lists_lined_up_with_their_keys_are_read_as_such() {
    // Many YAML writers put a list's dashes at its key's column.
    let cases = [
        // A first item one space further in than the item after it.
        (
            "r:\n  clinician:\n   - A\n  - B\n  patient:\n  - C\nnext: 1\n",
            3,
            "items after it are indented 2",
            "`  - A`",
        ),
        // The list's key one space further in than the keys after it.
        (
            "r:\n   clinician:\n  - A\n  - B\n  patient:\n  - C\nnext: 1\n",
            2,
            "keys after it in the same block are indented 2",
            "`  clinician:`",
        ),
        // A first item that lost its dash, its text left two in.
        (
            "r:\n  clinician:\n    Measure it.\n  - Keep it.\n  patient:\n  - C\nnext: 1\n",
            3,
            "first item has no `- `",
            "`  - Measure it.`",
        ),
        // An item that lost its dash, its keys under it.
        (
            "m:\n- name: a\n  now: 1\nname: b\n  now: 2\n- name: c\n  now: 3\n",
            4,
            "has no `- `",
            "`- name: b`",
        ),
    ];
    for (src, at, message_has, fixed) in cases {
        let (line, message, help) = slip_of(src).expect("explained");
        assert_eq!(line, at, "{src:?}: {message}");
        assert!(message.contains(message_has), "{src:?}: {message}");
        assert!(help.contains(fixed), "{src:?}: {help}");
    }
    // A key beside a sibling's list, the line under it one space too far
    // in: that line, no lost dash.
    let src = "ex:\n  cues:\n  - Keep\n  image_alt: x\n   note: y\nnext: 1\n";
    let (line, message, _) = slip_of(src).expect("explained");
    assert_eq!(line, 5, "{message}");
    assert!(!message.contains("has no `- `"), "{message}");
}

#[test]
fn a_quote_closed_far_below_past_a_text_in_other_quotes() {
    // `"` opened on line 1; a `'…'` text over several lines between (as
    // some YAML writers lay out long text) is text inside it, and the next
    // `"` (line 5) closes it.
    let src = "a: \"Maria L.\nb: 'Line one\n\n  line two'\nc: She says \"hi\" now\nd: 1\n";
    let (line, message, help) = slip_of(src).expect("explained");
    assert_eq!(line, 1, "{message}");
    assert!(message.contains("not closed on its line"), "{message}");
    assert!(help.contains("`a: \"Maria L.\"`"), "{help}");
}
