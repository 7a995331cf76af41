//! The stamps of the last build's handouts (size, modification and status
//! change times, inode, content hash), kept beside the cache so that a rebuild can tell
//! an intact handout without reading it.

use super::{DIR, Stamp, hex, program, unhex};
use std::collections::HashMap;
use std::path::Path;

const STAMPS: &str = "stamps";

/// The stamps of the last build's handouts: path → (stamp, content hash).
/// Empty when there are none or another binary wrote them.
pub fn open_stamps(root: &Path) -> HashMap<String, (Stamp, u128)> {
    let Ok(text) = std::fs::read_to_string(root.join(DIR).join(STAMPS)) else {
        return HashMap::new();
    };
    let mut lines = text.lines();
    if lines.next() != Some(program()) {
        return HashMap::new();
    }
    lines
        .filter_map(|line| {
            let mut c = line.split('\t');
            let path = c.next()?.to_string();
            let stamp = Stamp {
                len: c.next()?.parse().ok()?,
                modified: c.next()?.parse().ok()?,
                changed: c.next()?.parse().ok()?,
                inode: c.next()?.parse().ok()?,
            };
            Some((path, (stamp, unhex(c.next()?)?)))
        })
        .collect()
}

/// Record the stamps of the handouts (path, content hash) in `dir`, the
/// handouts folder just written.
pub fn save_stamps(root: &Path, dir: &Path, handouts: &[(String, u128)]) -> std::io::Result<()> {
    use rayon::prelude::*;
    let lines: Vec<Option<String>> = handouts
        .par_iter()
        .with_max_len(crate::base::parallel::PLANS_PER_TASK)
        .map(|(path, hash)| {
            if path.contains(['\t', '\n']) {
                return None;
            }
            let s = Stamp::of(&dir.join(path))?;
            Some(format!(
                "{path}\t{}\t{}\t{}\t{}\t{}\n",
                s.len,
                s.modified,
                s.changed,
                s.inode,
                hex(*hash)
            ))
        })
        .collect();
    let mut text = format!("{}\n", program());
    for line in lines.iter().flatten() {
        text.push_str(line);
    }
    // Left alone when it already says so (a rebuild that changed nothing
    // writes and syncs nothing).
    let path = root.join(DIR).join(STAMPS);
    let same_size =
        std::fs::symlink_metadata(&path).is_ok_and(|m| m.is_file() && m.len() == text.len() as u64);
    if same_size && std::fs::read(&path).is_ok_and(|old| old == text.as_bytes()) {
        return Ok(());
    }
    crate::base::atomic::replace_file(&path, |out| out.write_all(text.as_bytes()))
}
