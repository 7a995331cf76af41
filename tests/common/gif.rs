//! GIF fixtures: LZW-coded pixels in sub-blocks, as an encoder writes
//! them (the privacy rounds build GIFs byte by byte to hide things in).

/// GIF's LZW of `pixels` (each below `1 << min`), as an encoder writes it:
/// codes grow with the table, a clear code when it is full.
pub fn gif_lzw(min: u8, pixels: &[u8]) -> Vec<u8> {
    let clear = 1u32 << min;
    let mut table = std::collections::HashMap::new();
    let (mut next, mut size) = (clear + 2, u32::from(min) + 1);
    let (mut acc, mut bits, mut out) = (0u64, 0u32, Vec::new());
    let mut emit = |code: u32, size: u32, out: &mut Vec<u8>| {
        acc |= u64::from(code) << bits;
        bits += size;
        while bits >= 8 {
            out.push(acc as u8);
            acc >>= 8;
            bits -= 8;
        }
    };
    emit(clear, size, &mut out);
    let mut cur = u32::from(pixels[0]);
    for &p in &pixels[1..] {
        if let Some(&c) = table.get(&(cur, p)) {
            cur = c;
            continue;
        }
        emit(cur, size, &mut out);
        if next < 4096 {
            table.insert((cur, p), next);
            next += 1;
            if next > 1 << size && size < 12 {
                size += 1;
            }
        } else {
            emit(clear, size, &mut out);
            table.clear();
            next = clear + 2;
            size = u32::from(min) + 1;
        }
        cur = u32::from(p);
    }
    emit(cur, size, &mut out);
    emit(clear + 1, size, &mut out);
    if bits > 0 {
        out.push(acc as u8);
    }
    out
}

/// `data` as GIF sub-blocks, with their terminator.
pub fn gif_sub_blocks(data: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    for chunk in data.chunks(255) {
        out.push(chunk.len() as u8);
        out.extend(chunk);
    }
    out.push(0);
    out
}
