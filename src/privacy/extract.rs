//! TEMPORARY stub: replaced by the extraction module (branch `extract`).

/// How strongly a segment is scanned.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Strength {
    /// Prose.
    Text,
    /// Program text.
    Code,
}

/// A run of decoded text to scan.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Segment {
    /// Decoded text.
    pub text: String,
    /// 1-based line (0 unknown).
    pub line: u32,
    /// How strongly it is scanned.
    pub strength: Strength,
}

/// Where markup was removed.
pub const MARK: char = '\u{E000}';

/// What a file yields.
pub struct Extracted {
    /// Segments.
    pub segments: Vec<Segment>,
    /// Why part of it could not be read.
    pub unreadable: Option<String>,
}

/// Every segment of one public file.
pub fn extract(path: &str, bytes: &[u8]) -> Extracted {
    let text = String::from_utf8_lossy(bytes);
    let mut segments = vec![Segment {
        text: path.replace(['/', '.', '-', '_'], " "),
        line: 0,
        strength: Strength::Text,
    }];
    let mut out = String::new();
    let mut in_tag = false;
    for c in text.chars() {
        match c {
            '<' => {
                in_tag = true;
                out.push(MARK)
            }
            '>' => in_tag = false,
            _ if !in_tag => out.push(c),
            '\n' => out.push('\n'),
            _ => {}
        }
    }
    segments.push(Segment {
        text: out,
        line: 1,
        strength: Strength::Text,
    });
    Extracted {
        segments,
        unreadable: None,
    }
}
