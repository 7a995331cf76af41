//! Chinese and Japanese numbers in dates, as the Arabic digits the date
//! matcher reads: "一九三一年四月十二日" (digit by digit for the year, with
//! 十 for the tens of a month or a day: 十二, 二十, 三十一), "二〇二六年",
//! a Japanese era year ("昭和6年", "昭和六年", "平成元年": the era's first
//! year is 元) as its Gregorian year, and 号/號, the spoken day, as 日.
//!
//! Not here: reading the date itself ([`super::find`]), which sees the
//! text again with the digits written in.

use crate::stages::privacy::extract::Segment;

/// The eras of Japan's calendar since 1868, with the Gregorian year
/// before each one's first year (昭和元年 is 1926).
const ERAS: [(&str, u32); 5] = [
    ("明治", 1867),
    ("大正", 1911),
    ("昭和", 1925),
    ("平成", 1988),
    ("令和", 2018),
];

/// What a date's number is followed by.
const UNITS: [char; 5] = ['年', '月', '日', '号', '號'];

/// Segments that hold such a date, again with its numbers in digits
/// (nothing else changes, so lines stay where they were).
pub fn digit_views(segs: &[Segment]) -> Vec<Segment> {
    segs.iter()
        .filter_map(|s| as_digits(&s.text).map(|text| Segment { text, ..s.clone() }))
        .collect()
}

/// `text` with each number of a date in Arabic digits; `None` when it has
/// none to change.
pub fn as_digits(text: &str) -> Option<String> {
    if !text.contains(['年', '月', '日', '号', '號']) {
        return None;
    }
    let c: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut changed = false;
    let mut i = 0;
    while i < c.len() {
        if let Some((before, len)) = era_at(&c, i) {
            let from = i
                + len
                + c[i + len..]
                    .iter()
                    .take_while(|c| c.is_whitespace())
                    .count();
            if let Some((year, end)) = number_at(&c, from, true)
                && c.get(end) == Some(&'年')
            {
                out.push_str(&(before + year).to_string());
                i = end;
                changed = true;
                continue;
            }
        }
        if (c[i] == '十' || numeral(c[i]).is_some())
            && let Some((v, end)) = number_at(&c, i, false)
            && c.get(end).is_some_and(|u| UNITS.contains(u))
        {
            out.push_str(&v.to_string());
            out.push(if matches!(c[end], '号' | '號') {
                '日'
            } else {
                c[end]
            });
            i = end + 1;
            changed = true;
            continue;
        }
        out.push(c[i]);
        i += 1;
    }
    changed.then_some(out)
}

/// The era whose name starts at `i`, and the name's length.
fn era_at(c: &[char], i: usize) -> Option<(u32, usize)> {
    ERAS.iter().find_map(|(name, before)| {
        let n = name.chars().count();
        c.get(i..i + n)
            .is_some_and(|w| w.iter().copied().eq(name.chars()))
            .then_some((*before, n))
    })
}

/// The value of one numeral digit (〇 and 零 are zero).
fn numeral(c: char) -> Option<u32> {
    Some(match c {
        '〇' | '○' | '零' => 0,
        '一' => 1,
        '二' | '两' | '兩' => 2,
        '三' => 3,
        '四' => 4,
        '五' => 5,
        '六' => 6,
        '七' => 7,
        '八' => 8,
        '九' => 9,
        _ => return None,
    })
}

/// The number at `i` and the index after it: Arabic digits (`era`: after
/// an era name only), numerals digit by digit ("一九三一"), or with 十
/// for the tens ("十二", "二十", "三十一"); `元` (`era`) is 1.
fn number_at(c: &[char], i: usize, era: bool) -> Option<(u32, usize)> {
    if era && c.get(i) == Some(&'元') {
        return Some((1, i + 1));
    }
    if era {
        let n = c[i.min(c.len())..]
            .iter()
            .take_while(|c| c.is_ascii_digit())
            .count();
        if n > 0 {
            let v: String = c[i..i + n].iter().collect();
            return v.parse().ok().map(|v| (v, i + n));
        }
    }
    let run = c[i.min(c.len())..]
        .iter()
        .take_while(|&&x| x == '十' || numeral(x).is_some())
        .count();
    let digits = &c[i..i + run];
    if run == 0 || run > 4 {
        return None;
    }
    let v = match digits.iter().position(|&x| x == '十') {
        None => digits
            .iter()
            .try_fold(0u32, |v, &d| Some(v * 10 + numeral(d)?))?,
        Some(p) => {
            let tens = match &digits[..p] {
                [] => 1,
                [d] => numeral(*d)?,
                _ => return None,
            };
            let units = match &digits[p + 1..] {
                [] => 0,
                [d] => numeral(*d)?,
                _ => return None,
            };
            tens * 10 + units
        }
    };
    Some((v, i + run))
}

#[cfg(test)]
mod tests {
    use super::as_digits;

    #[test]
    fn numerals_and_eras_become_digits() {
        for (s, want) in [
            ("生日: 一九三一年四月十二日", "生日: 1931年4月12日"),
            ("复诊: 二〇二六年十二月三日", "复诊: 2026年12月3日"),
            ("三十一日", "31日"),
            ("二十日", "20日"),
            ("十月", "10月"),
            ("十二月三号", "12月3日"),
            ("生年月日: 昭和6年4月12日", "生年月日: 1931年4月12日"),
            ("昭和六年四月十二日", "1931年4月12日"),
            ("平成元年", "1989年"),
            ("令和 8年", "2026年"),
        ] {
            assert_eq!(as_digits(s).as_deref(), Some(want), "{s}");
        }
        // No date's number: nothing to change.
        for s in ["一起走", "Walter, 1931年", "十二个人", "百年"] {
            assert_eq!(as_digits(s), None, "{s}");
        }
    }
}
