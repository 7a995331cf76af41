//! How deep a YAML file nests, read before `serde_yaml` (whose
//! deserializer recurses) sees the file: a hostile file must get a
//! diagnostic, not exhaust the stack.

use crate::base::diag::Pos;

/// How deep YAML may nest. Real files stay under 10; the limit keeps a
/// hostile file from exhausting the stack of the recursive deserializer.
pub const MAX_DEPTH: usize = 64;

/// The position where nesting first exceeds [`MAX_DEPTH`], counting flow
/// brackets (outside quotes and comments) and block indentation.
pub(super) fn too_deep(src: &str) -> Option<Pos> {
    // A file with no more opening brackets than the limit cannot nest
    // flow collections past it: then only indentation is looked at, at
    // the start of each line (this runs on every plan of a build).
    let bytes = src.as_bytes();
    let flow = memchr::memchr2_iter(b'[', b'{', bytes)
        .nth(MAX_DEPTH)
        .is_some();
    if !flow {
        let starts = std::iter::once(0).chain(memchr::memchr_iter(b'\n', bytes).map(|i| i + 1));
        for (i, start) in starts.enumerate() {
            let indent = bytes[start..]
                .iter()
                .take(2 * MAX_DEPTH + 2)
                .take_while(|&&b| b == b' ' || b == b'-')
                .count();
            if indent / 2 > MAX_DEPTH {
                return Some(Pos {
                    line: i + 1,
                    column: 1,
                });
            }
        }
        return None;
    }
    let mut depth = 0usize;
    for (i, line) in src.lines().enumerate() {
        let indent = line.len() - line.trim_start_matches([' ', '-']).len();
        if indent / 2 > MAX_DEPTH {
            return Some(Pos {
                line: i + 1,
                column: 1,
            });
        }
        // Byte by byte: every character looked at is ASCII, and no byte
        // of a longer UTF-8 character is one.
        let mut quote: Option<u8> = None;
        for (at, &c) in line.as_bytes().iter().enumerate() {
            match (quote, c) {
                (Some(q), c) if c == q => quote = None,
                (Some(_), _) => {}
                (None, b'"' | b'\'') => quote = Some(c),
                (None, b'#') => break,
                (None, b'[' | b'{') => {
                    depth += 1;
                    if depth > MAX_DEPTH {
                        return Some(Pos {
                            line: i + 1,
                            column: line[..at].chars().count() + 1,
                        });
                    }
                }
                (None, b']' | b'}') => depth = depth.saturating_sub(1),
                _ => {}
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nesting_is_measured_by_brackets_outside_quotes_and_by_indentation() {
        let flow = |n: usize| format!("a: {}{}\n", "[".repeat(n), "]".repeat(n));
        assert_eq!(too_deep(&flow(MAX_DEPTH)), None);
        assert_eq!(
            too_deep(&flow(MAX_DEPTH + 1)),
            Some(Pos {
                line: 1,
                column: 4 + MAX_DEPTH
            })
        );
        // The column counts characters, not bytes.
        let wide = format!(
            "ñé: «{}{}\n",
            "[".repeat(MAX_DEPTH + 1),
            "]".repeat(MAX_DEPTH + 1)
        );
        assert_eq!(
            too_deep(&wide),
            Some(Pos {
                line: 1,
                column: 6 + MAX_DEPTH
            })
        );
        // Brackets one after another, not nested, or quoted or commented
        // out: no depth, however many.
        let many = "a: [1]\n".repeat(MAX_DEPTH * 2);
        let quoted = format!("a: \"{}\"\nb: 1 # {}\n", "[".repeat(99), "{".repeat(99));
        for text in [many, quoted] {
            assert_eq!(too_deep(&text), None, "{text}");
        }
        // Opening brackets on separate lines still add up.
        let spread = format!("x: 1\n{}", "a: [\n".repeat(MAX_DEPTH + 1));
        assert_eq!(too_deep(&spread).map(|p| p.line), Some(MAX_DEPTH + 2));
        // Indentation counts even with few brackets.
        let indented = format!("a:\n{}b: 1\n", " ".repeat(2 * MAX_DEPTH + 2));
        assert_eq!(too_deep(&indented), Some(Pos { line: 2, column: 1 }));
        assert_eq!(
            too_deep(&format!("a:\n{}b: 1\n", " ".repeat(2 * MAX_DEPTH))),
            None
        );
        // List dashes indent too, on any line of a CRLF file.
        let dashes = format!("a: 1\r\nb:\r\n{}c\r\n", "- ".repeat(MAX_DEPTH + 1));
        assert_eq!(too_deep(&dashes), Some(Pos { line: 3, column: 1 }));
    }
}
