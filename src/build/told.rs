//! What a published story tells that no field of its plan holds (a day,
//! a street, a phone number; see [`privacy::told`]), as diagnostics at the
//! line of the plan or story record to fix. The build and `check` run it
//! over every story the public site shows; `stories export` over every
//! record it would write.

use crate::base::date::Date;
use crate::base::diag::{Code, Diagnostic, Pos};
use crate::content::plan::Plan;
use crate::content::record::StoryRecord;
use crate::content::yaml::locate_key;
use crate::stages::load::Clinic;
use crate::stages::model::{Published, StoryOrigin};
use crate::stages::privacy::Guard;
use crate::stages::privacy::fold::fold;
use crate::stages::privacy::told::Told;
use std::path::Path;

/// One story's text as the guard reads it: each field with the key it is
/// written under and the top-level block that holds it (`story`, `goal`;
/// none in a story record, whose keys are top-level).
pub(crate) struct StoryText<'a> {
    /// The plan or record file.
    pub path: &'a Path,
    /// Its YAML source.
    pub source: &'a str,
    /// `(block, key, text)` of each field.
    pub fields: Vec<(Option<&'static str>, &'static str, &'a str)>,
    /// Days the story may tell: its `public_dates`, its publication day.
    pub allowed: Vec<Date>,
    /// The story's display name ("Walt K."), the only name it may write.
    pub display: &'a str,
    /// A story record (no plan behind it).
    pub record: bool,
}

impl<'a> StoryText<'a> {
    /// The text of a plan's story (`story:` and the goal it shows).
    pub(crate) fn of_plan(path: &'a Path, source: &'a str, plan: &'a Plan) -> Option<Self> {
        let s = plan.story.as_ref()?;
        let mut fields = vec![(Some("story"), "title", s.title.as_str())];
        fields.extend(s.quote.as_deref().map(|q| (Some("story"), "quote", q)));
        fields.extend(s.body.as_deref().map(|b| (Some("story"), "body", b)));
        fields.extend(s.tags.iter().map(|t| (Some("story"), "tags", t.as_str())));
        fields.extend(
            s.photo
                .as_ref()
                .map(|p| (Some("story"), "alt", p.alt.as_str())),
        );
        fields.push((Some("goal"), "statement", plan.goal.statement.as_str()));
        for m in &plan.goal.measures {
            fields.push((Some("goal"), "name", m.name.as_str()));
            for v in [&m.now, &m.target].into_iter().flatten() {
                fields.push((Some("goal"), "measures", v.as_str()));
            }
        }
        let allowed = s
            .public_dates
            .iter()
            .copied()
            .chain(s.published_on)
            .collect();
        Some(StoryText {
            path,
            source,
            fields,
            allowed,
            display: &s.display_name,
            record: false,
        })
    }

    /// The text of a story record.
    pub(crate) fn of_record(path: &'a Path, source: &'a str, r: &'a StoryRecord) -> Self {
        StoryText {
            path,
            source,
            fields: r.texts().into_iter().map(|(k, t)| (None, k, t)).collect(),
            allowed: r
                .public_dates
                .iter()
                .copied()
                .chain(r.published_on)
                .collect(),
            display: &r.display_name,
            record: true,
        }
    }

    /// An error for each detail the story tells (one per line and kind),
    /// worded by `message` from the detail's description and the key.
    pub(crate) fn tellings(
        &self,
        guard: &Guard,
        message: impl Fn(&str, &str) -> String,
    ) -> Vec<Diagnostic> {
        let mut out: Vec<Diagnostic> = Vec::new();
        if self.record && guard.display_reads_as_full_name(self.display) {
            let what = Told::FullDisplayName;
            out.push(
                Diagnostic::error(Code::PrivacyLeak, message(what.describe(), "display_name"))
                    .in_file(self.path)
                    .at(key_pos(self.source, None, "display_name"))
                    .help(what.help())
                    .sensitive(),
            );
        }
        let mut seen = std::collections::BTreeSet::new();
        for (block, key, text) in &self.fields {
            for t in guard.told(text, &self.allowed, self.display) {
                let pos = self.locate(*block, key, t.line, &t.word);
                if seen.insert((pos.map(|p| p.line), t.what)) {
                    out.push(
                        Diagnostic::error(Code::PrivacyLeak, message(t.what.describe(), key))
                            .in_file(self.path)
                            .at(pos)
                            .help(t.what.help())
                            .sensitive(),
                    );
                }
            }
        }
        out
    }

    /// The line of the source that holds `word` (folded), on or after the
    /// `line`-th line of the field `key`; the key itself when none does.
    /// A block scalar (`body: |`) starts on the line after its key, so its
    /// second line is two lines below the key: counted from the key, the
    /// search would start a line early and stop at the word's first use
    /// ("Dana came…" above "…Dana Whitfield thanks the team").
    fn locate(&self, block: Option<&str>, key: &str, line: u32, word: &str) -> Option<Pos> {
        let at = key_pos(self.source, block, key)?;
        let lines: Vec<&str> = self.source.lines().collect();
        let opens_block = lines
            .get(at.line - 1)
            .and_then(|l| l.split_once(':'))
            .is_some_and(|(_, v)| v.trim_start().starts_with(['|', '>']));
        let first = at.line - 1 + usize::from(opens_block);
        let from = first + (line as usize).saturating_sub(1);
        (from..lines.len().min(from + 200))
            .find(|&i| fold(lines[i]).contains(word))
            .map(|i| Pos {
                line: i + 1,
                column: lines[i].len() - lines[i].trim_start().len() + 1,
            })
            .or(Some(at))
    }
}

/// Where `key` is inside the top-level `block:` of a YAML file (or the
/// block itself, or `key` at any level without a block).
pub(crate) fn key_pos(text: &str, block: Option<&str>, key: &str) -> Option<Pos> {
    let Some(block) = block else {
        return locate_key(text, key);
    };
    let start = text.lines().position(|l| {
        l.strip_prefix(block)
            .is_some_and(|r| r.trim_start().starts_with(':'))
    })?;
    let before: usize = text.split_inclusive('\n').take(start).map(str::len).sum();
    let head = Pos {
        line: start + 1,
        column: 1,
    };
    let inside = locate_key(text.get(before..)?, key).map(|p| Pos {
        line: p.line + start,
        column: p.column,
    });
    inside.or(Some(head))
}

/// The details every published story tells, as errors, but at a line the
/// guard already reported (`found`): a birth date in a story is the
/// patient's birth date, said once.
pub(super) fn story_tellings(
    clinic: &Clinic,
    guard: &Guard,
    stories: &[Published],
    found: &[Diagnostic],
) -> Vec<Diagnostic> {
    let place = |d: &Diagnostic| (d.file.clone(), d.pos.map(|p| p.line));
    let reported: std::collections::HashSet<_> = found
        .iter()
        .filter(|d| d.code == Code::PrivacyLeak)
        .map(place)
        .collect();
    // A story at a time on every core: each is read whole (a thousand
    // stories one after another were a serial tail of every large build).
    use rayon::prelude::*;
    let per_story: Vec<Vec<Diagnostic>> = stories
        .par_iter()
        .map(|s| {
            let text = match s.from {
                StoryOrigin::Plan(i) => {
                    let src = &clinic.plans[i];
                    StoryText::of_plan(&src.path, &src.text, &src.value)
                }
                StoryOrigin::Record(i) => {
                    let src = &clinic.stories[i];
                    Some(StoryText::of_record(&src.path, &src.text, &src.value))
                }
            };
            let Some(text) = text else {
                return Vec::new();
            };
            text.tellings(guard, |what, key| {
                format!("{what} (`{key}`) reaches the public site")
            })
            .into_iter()
            .filter(|d| !reported.contains(&place(d)))
            .collect()
        })
        .collect();
    per_story.into_iter().flatten().collect()
}
