//! PDF.

use super::*;
use crate::stages::privacy::extract::pdf::PDF_REASON;

#[test]
fn pdf_is_always_unreadable_but_scanned() {
    let content = zlib(b"BT /F1 12 Tf 72 712 Td [(Wal) 10 (ter) -250 (Kaminski)] TJ ET");
    let mut b = b"%PDF-1.4\n1 0 obj << /Author (Zoe \\(Ng\\)) /Title <FEFF00410064006100> >> endobj\n2 0 obj << /Length ".to_vec();
    b.extend(content.len().to_string().as_bytes());
    b.extend(b" /Filter /FlateDecode >>\nstream\n");
    b.extend(&content);
    b.extend(b"\nendstream\nendobj\n%%EOF\n");
    let e = extract("docs/plan.pdf", &b);
    assert_eq!(e.unreadable.as_deref(), Some(PDF_REASON));
    assert!(text_has(&e, "Walter Kaminski"), "{:?}", all(&e));
    assert!(text_has(&e, "Zoe (Ng)"), "{:?}", all(&e));
    assert!(text_has(&e, "Ada"), "{:?}", all(&e));
}
