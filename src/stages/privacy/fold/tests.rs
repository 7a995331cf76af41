//! Unit tests of [`super`].

use super::*;

fn folded(s: &str) -> (String, Vec<String>) {
    let st = Stream::of(s);
    let words = st.words().into_iter().map(str::to_string).collect();
    (st.text, words)
}

#[test]
fn spellings_fold_to_one_form() {
    for s in [
        "Hernández",
        "HERNANDEZ",
        "Herna\u{301}ndez",
        "Her\u{ad}nán\u{200b}dez",
        "Hern\u{2060}ández",
        "Неrnаndеz", // Cyrillic Н, е, а
        "ＨＥＲＮＡＮＤＥＺ",
        "🅷🅴🆁🅽🅰🅽🅳🅴🆉",
        "🇭🇪🇷🇳🇦🇳🇩🇪🇿",
    ] {
        assert_eq!(folded(s).0, "hernandez", "{s:?}");
        assert_eq!(folded(s).1, vec!["hernandez"], "{s:?}");
    }
}

#[test]
fn separators_split_tokens_and_are_classified() {
    let st = Stream::of("O’Brien, 2nd 302-555 0142 a/b Kami\u{e000}nski");
    assert_eq!(
        st.words(),
        [
            "o", "brien", "2", "nd", "302", "555", "0142", "a", "b", "kami", "nski"
        ]
    );
    let seps: Vec<Sep> = st.toks.iter().map(|t| t.sep).collect();
    assert_eq!(seps[0], Sep::Hard);
    assert_eq!(seps[1], Sep::Apostrophe);
    assert_eq!(seps[3], Sep::Join);
    assert_eq!(seps[5], Sep::Dash);
    assert_eq!(seps[6], Sep::Space);
    assert_eq!(seps[8], Sep::Slash);
    assert_eq!(seps[10], Sep::Join);
    assert!(st.toks[5].phone_sep && st.toks[6].phone_sep);
}

#[test]
fn unspaced_scripts_are_one_token_a_character() {
    let st = Stream::of("我们的病人王小明很好");
    assert_eq!(st.toks.len(), 10);
    assert!(st.text.contains("王小明"));
}

#[test]
fn other_digits_become_ascii_and_lines_are_counted() {
    let st = Build::lines("٣٠٢\nabc");
    assert_eq!(st.words(), ["302", "abc"]);
    assert_eq!(st.toks[1].line, 2);
}

struct Build;
impl Build {
    fn lines(s: &str) -> Stream {
        Stream::build(&[Segment {
            text: s.into(),
            line: 1,
            strength: Strength::Text,
        }])
    }
}

#[test]
fn kana_are_read_word_by_word_in_the_second_reading() {
    let read = |t: &str| {
        let seg = crate::stages::privacy::extract::Segment {
            text: t.into(),
            line: 1,
            strength: Strength::Text,
        };
        let s = Stream::latin(&[seg], b'i').expect("kana are read again");
        let seps: Vec<Sep> = s.toks.iter().map(|t| t.sep).collect();
        assert!(s.toks.iter().all(|t| t.foreign == Foreign::Kana), "{t}");
        (s.words().join(" "), seps)
    };
    let (words, seps) = read("タナカ・ユキさん、ありがとう");
    assert_eq!(words, "tanaka yuki san arigato");
    assert_eq!(seps, [Sep::Hard, Sep::Space, Sep::Join, Sep::Other]);
    assert_eq!(read("たなか ゆき さま").0, "tanaka yuki sama");
    assert_eq!(read("ﾀﾅｶ ﾕｷ").0, "tanaka yuki");
    assert_eq!(read("カミンスキーさん").0, "kaminsuki san");
    // Kanji stay characters of their own, as in the first reading.
    assert!(Stream::latin(&[], b'i').is_none());
    assert!(Stream::of("田中ゆき").words().len() == 4);
}
