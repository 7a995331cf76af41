//! `heropath protocols`: the clinic's protocols (id, title, weeks,
//! exercises) and, for each, the plans started from it, split into those
//! made from its current version and those made from an older one (to
//! review after the protocol changed). Plans naming a protocol that is
//! gone are listed too.

use crate::base::diag::Diagnostics;
use crate::stages::load;
use std::path::{Path, PathBuf};

/// One protocol and the plans made from it.
#[derive(Debug, Clone, serde::Serialize)]
pub struct ProtocolEntry {
    /// Its id (file name).
    pub id: String,
    /// Its file, relative to the clinic folder.
    pub path: PathBuf,
    /// Its title.
    pub title: String,
    /// The condition it is for.
    pub condition: String,
    /// How many weeks it runs.
    pub weeks: Option<u32>,
    /// How many exercises its steps hold.
    pub exercises: usize,
    /// Its current version.
    pub version: String,
    /// Plans made from the current version, by slug.
    pub current: Vec<String>,
    /// Plans made from an older version: slug and the version.
    pub older: Vec<(String, String)>,
}

/// What `heropath protocols` lists.
#[derive(Debug, Clone, Default, serde::Serialize)]
pub struct ProtocolList {
    /// The protocols, by id.
    pub protocols: Vec<ProtocolEntry>,
    /// Plans that name a protocol there is no file for: slug and id.
    pub missing: Vec<(String, String)>,
}

/// List the protocols of the clinic at `root`; `None` when it cannot be
/// read (no site.yaml; the reasons are in `diags`).
pub fn list(root: &Path, diags: &mut Diagnostics) -> Option<ProtocolList> {
    let clinic = load::load(root, diags)?;
    let mut out = ProtocolList::default();
    for (id, src) in &clinic.protocols {
        out.protocols.push(ProtocolEntry {
            id: id.clone(),
            path: src.path.clone(),
            title: src.value.title.clone(),
            condition: src.value.condition.clone(),
            weeks: src.value.weeks,
            exercises: src.value.exercise_count(),
            version: src.value.version(),
            current: Vec::new(),
            older: Vec::new(),
        });
    }
    let mut plans: Vec<_> = clinic.plans.iter().chain(&clinic.partial_plans).collect();
    plans.sort_by(|a, b| a.slug.cmp(&b.slug));
    for plan in plans {
        let Some(r) = &plan.value.protocol else {
            continue;
        };
        match out.protocols.iter_mut().find(|p| p.id == r.id) {
            Some(p) if p.version == r.version => p.current.push(plan.slug.clone()),
            Some(p) => p.older.push((plan.slug.clone(), r.version.clone())),
            None => out.missing.push((plan.slug.clone(), r.id.clone())),
        }
    }
    Some(out)
}
