//! Font fixtures: sfnt files (TrueType, OpenType) built table by table.

/// An sfnt font (`version` 0x00010000 TrueType or `OTTO`) of `tables`.
pub fn sfnt_font(version: &[u8; 4], tables: &[(&[u8; 4], &[u8])]) -> Vec<u8> {
    let n = u16::try_from(tables.len()).expect("few");
    let mut out = version.to_vec();
    out.extend(n.to_be_bytes());
    out.extend([0, 16, 0, 0, 0, 0]);
    let mut offset = 12 + 16 * tables.len();
    let mut data = Vec::new();
    for (tag, t) in tables {
        out.extend(*tag);
        out.extend([0; 4]);
        out.extend(u32::try_from(offset).expect("small").to_be_bytes());
        out.extend(u32::try_from(t.len()).expect("small").to_be_bytes());
        data.extend(*t);
        while data.len() % 4 != 0 {
            data.push(0);
        }
        offset = 12 + 16 * tables.len() + data.len();
    }
    out.extend(data);
    out
}
