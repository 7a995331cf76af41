//! The journey over time (`visits:` and the goal measures' `id` and
//! `scale`): visit measures no goal measure has (HP0109, with a "did you
//! mean"), values off their scale (HP0110), two visits on one day
//! (HP0111), visits after today (HP0112), and scales or ids that cannot
//! work (HP0113).

use crate::base::date::Date;
use crate::base::diag::{Code, Diagnostic, Diagnostics, Pos, closest};
use crate::content::journey::{MeasureValue, format_number};
use crate::content::plan::{Measure, Plan};
use crate::content::yaml::{locate, locate_item, locate_key};
use crate::stages::load::Source;
use std::collections::BTreeMap;

/// Every journey problem of one plan.
pub(super) fn check_journey(src: &Source<Plan>, today: Date, diags: &mut Diagnostics) {
    super::measures::advise_vague_targets(src, diags);
    if src.value.visits.is_empty()
        && src
            .value
            .goal
            .measures
            .iter()
            .all(|m| m.scale.is_none() && m.id.is_none() && m.measure.is_none())
    {
        return;
    }
    super::measures::check_standard(src, diags);
    // Built-in measures checked as the plain measures they expand into.
    let measures = &crate::content::measures::expand(&src.value.goal.measures)[..];
    let lines = VisitLines::of(&src.text);
    check_measures(src, measures, diags);
    let mut seen: BTreeMap<Date, usize> = BTreeMap::new();
    for (i, visit) in src.value.visits.iter().enumerate() {
        let date_pos = || {
            lines
                .find(i, "date")
                .or_else(|| locate_key(&src.text, "visits"))
        };
        if let Some(first) = seen.insert(visit.date, i) {
            diags.push(
                error(
                    src,
                    Code::DuplicateVisit,
                    format!(
                        "two visits on {}: visits {} and {}",
                        visit.date,
                        first + 1,
                        i + 1
                    ),
                    date_pos(),
                )
                .help("put every measure of that day into one visit, or correct the date"),
            );
        }
        if visit.date > today {
            diags.push(
                error(
                    src,
                    Code::FutureVisit,
                    format!(
                        "visit {} is dated {}, after today ({today})",
                        i + 1,
                        visit.date
                    ),
                    date_pos(),
                )
                .help(
                    "record a visit once it has happened; the coming one belongs in `next_visit:`",
                ),
            );
        }
        // Which keys of this visit named each measure already.
        // (By the measure itself: two measures may share a name.)
        let mut given: Vec<(&str, &Measure)> = Vec::new();
        for (key, value) in &visit.measures {
            let found = measures.iter().find(|m| m.answers_to(key));
            if let Some(m) = found {
                let own = m.name.as_str();
                if let Some((first, _)) = given.iter().find(|(_, g)| std::ptr::eq(*g, m)) {
                    // At the one written second (the map is in key order).
                    let (a, b) = (lines.find_key(i, first), lines.find_key(i, key));
                    let (one, two) = if a > b {
                        (key.as_str(), *first)
                    } else {
                        (*first, key.as_str())
                    };
                    let msg = format!(
                        "visit {} gives `{own}` twice: as `{one}` and as `{two}`",
                        i + 1
                    );
                    let help = "keep one of them: a visit records each measure once";
                    let at = a.max(b).or_else(date_pos);
                    diags.push(error(src, Code::MeasureTwice, msg, at).help(help));
                    continue;
                }
                given.push((key, m));
            }
            match found {
                None => diags.push(unknown(
                    src,
                    measures,
                    key,
                    lines.find_key(i, key).or_else(date_pos),
                )),
                Some(m) if m.activity.is_some() => {
                    let at = || lines.find(i, key).or_else(date_pos);
                    let what = format!("visit {} (`{key}`)", i + 1);
                    let check =
                        |m: &Measure, v: &MeasureValue, pos: Option<Pos>, d: &mut Diagnostics| {
                            off_scale(src, m, v, &what, || pos, d)
                        };
                    super::measures::check_activities(
                        src, measures, i, key, value, at, &check, diags,
                    );
                }
                Some(m) => {
                    let at = || lines.find(i, key).or_else(date_pos);
                    off_scale(
                        src,
                        m,
                        value,
                        &format!("visit {} (`{}`)", i + 1, visit.date),
                        at,
                        diags,
                    );
                }
            }
        }
    }
}

/// Quote marks that are not YAML's quotes where they stand: curly ones,
/// guillemets, and straight ones at the end of a plain value. Only marks
/// around a value count (an apostrophe inside one is a letter).
const QUOTES: [char; 8] = ['“', '”', '‘', '’', '«', '»', '"', '\''];

/// `s` without the quote marks around it (see [`QUOTES`]).
fn unquoted(s: &str) -> &str {
    s.trim().trim_matches(QUOTES).trim()
}

/// The goal's measures: usable scales, unique ids, `now`/`target` on the scale.
fn check_measures(src: &Source<Plan>, measures: &[Measure], diags: &mut Diagnostics) {
    let mut ids: BTreeMap<String, &str> = BTreeMap::new();
    for (i, m) in measures.iter().enumerate() {
        // Compared as a visit's key is (see `Measure::answers_to`).
        let key = crate::content::journey::folded_key(&m.key());
        let name_pos = || {
            let by_name = (!m.name.is_empty())
                .then(|| locate(&src.text, "name", &m.name, 0))
                .flatten();
            by_name
                .or_else(|| {
                    m.measure
                        .as_deref()
                        .and_then(|id| locate(&src.text, "measure", id, 0))
                })
                .or_else(|| locate_item(&src.text, "measures", i))
        };
        if let Some(id) = m.id.as_deref().filter(|id| id.trim() != unquoted(id)) {
            // `id: “knee-bend”` (curly quotes from a word processor, or a
            // stray `"`): the marks are part of the id, and no visit's
            // `knee-bend` finds it.
            let bare = unquoted(id);
            diags.push(
                error(
                    src,
                    Code::BadScale,
                    format!(
                        "the id `{id}` of measure `{}` holds quote marks, which become part of it",
                        m.name
                    ),
                    locate(&src.text, "id", id, 0).or_else(name_pos),
                )
                .help(format!("write it without them: `id: {bare}`")),
            );
        }
        if m.activity.is_some() && ids.contains_key(&key) {
            // A PSFS's activities share its id on purpose.
        } else if m.measure.is_none() && !m.name.chars().any(char::is_alphanumeric) {
            // A name with no word is HP0108's (`unfinished::required`).
        } else if key.is_empty() && m.measure.is_none() {
            // (A `measure:` id heropath does not know is HP0114's.)
            diags.push(
                error(
                    src,
                    Code::BadScale,
                    format!(
                        "measure `{}` has no usable id: its name has no letters or digits",
                        m.name
                    ),
                    name_pos(),
                )
                .help("give it one: `id: pain`"),
            );
        } else if let Some(other) = ids.insert(key.clone(), &m.name) {
            diags.push(error(src, Code::BadScale, format!("measures `{other}` and `{}` share the id `{key}`: a visit could not say which it means", m.name), m.id.as_deref().and_then(|id| locate(&src.text, "id", id, 0)).or_else(name_pos))
                .help("give each measure its own `id:`"));
        }
        let Some(scale) = &m.scale else { continue };
        if !scale.is_valid() {
            diags.push(
                error(
                    src,
                    Code::BadScale,
                    format!(
                        "the scale of `{}` runs from {} to {}: `min` must be below `max`",
                        m.name,
                        format_number(scale.min),
                        format_number(scale.max)
                    ),
                    key_after(&src.text, name_pos(), "scale").or_else(name_pos),
                )
                .help("e.g. `scale: { min: 0, max: 10, better: lower, unit: out of 10 }`"),
            );
            continue;
        }
        for (field, v) in [("now", &m.now), ("target", &m.target)] {
            if let Some(v) = v {
                let at = || locate(&src.text, field, v, 0).or_else(name_pos);
                off_scale(
                    src,
                    m,
                    &MeasureValue::Text(v.clone()),
                    &format!("`{field}`"),
                    at,
                    diags,
                );
            }
        }
        if let (Some(now), Some(target)) = (&m.now, &m.target) {
            let at = || locate(&src.text, "target", target, 0).or_else(name_pos);
            super::measures::advise_direction(src, m, scale, (now, target), at, diags);
        }
    }
}

/// A value of a measure with a scale must be a number on it (HP0110).
fn off_scale(
    src: &Source<Plan>,
    m: &Measure,
    value: &MeasureValue,
    what: &str,
    at: impl Fn() -> Option<Pos>,
    diags: &mut Diagnostics,
) {
    let Some(scale) = m.scale.as_ref().filter(|s| s.is_valid()) else {
        return;
    };
    let msg = match value.number_on(scale) {
        // `lefs: {}`, `lefs: ""`: nothing to show in quotes.
        None if value.text().trim().is_empty() => format!(
            "{what}: `{}` has no value: it takes a number from {}",
            m.name,
            range(scale)
        ),
        None => format!(
            "{what}: `{}` of `{}` is not a number on its scale ({})",
            value.text(),
            m.name,
            range(scale)
        ),
        Some(n) if !scale.contains(n) => format!(
            "{what}: {} of `{}` is outside its scale ({})",
            format_number(n),
            m.name,
            range(scale)
        ),
        Some(_) => return,
    };
    let range = range(scale);
    // A built-in measure's scale is its own: there is no `scale:` to remove.
    let standard = m
        .measure
        .as_deref()
        .and_then(crate::content::measures::find);
    let help = if let Some(std) =
        standard.filter(|s| s.percent_form && scale.unit.as_deref() != Some("%"))
    {
        format!(
            "write a number from {range}, the range of `{}`; or keep the {} in % (0 to 100): write the goal's `now:` or `target:` with `%`",
            m.name, std.short
        )
    } else if m.measure.is_some() {
        format!("write a number from {range}, the range of `{}`", m.name)
    } else {
        format!(
            "write a number from {range}, or remove `scale:` from `{}` to keep it as text",
            m.name
        )
    };
    diags.push(error(src, Code::OutOfScale, msg, at()).help(help));
}

/// A scale's range as a message says it ("0 to 10"), made only for one.
fn range(scale: &crate::content::journey::Scale) -> String {
    format!(
        "{} to {}",
        format_number(scale.min),
        format_number(scale.max)
    )
}

/// A visit measure no goal measure has (HP0109). `measures` (the goal's)
/// have their built-in measures filled in, so they are offered by id.
fn unknown(src: &Source<Plan>, measures: &[Measure], key: &str, pos: Option<Pos>) -> Diagnostic {
    // `name: “Pain”` (curly quotes, or a stray `"`): the marks are part of
    // the name, and the line to fix is the measure's, not the visit's.
    if let Some(m) = measures
        .iter()
        .find(|m| m.name.trim() != key.trim() && unquoted(&m.name) == key.trim())
    {
        return error(
            src,
            Code::UnknownMeasure,
            format!(
                "measure `{}` is written with quote marks, which become part of its name, so a visit's `{key}` does not find it",
                m.name
            ),
            locate(&src.text, "name", &m.name, 0).or(pos),
        )
        .help(format!("write it without them: `name: {}`", unquoted(&m.name)));
    }
    let mut keys: Vec<String> = measures
        .iter()
        .map(Measure::key)
        .filter(|k| !k.is_empty())
        .collect();
    keys.dedup();
    let candidates = keys
        .iter()
        .map(String::as_str)
        .chain(measures.iter().map(|m| m.name.as_str()));
    let help = match closest(key, candidates) {
        Some(c) => format!("did you mean `{c}`?"),
        None if keys.is_empty() => "add the measure under `goal: measures:` first (`- name: ...`, `now: ...`, `target: ...`)".to_string(),
        None => format!("the goal's measures are: {}", keys.join(", ")),
    };
    error(
        src,
        Code::UnknownMeasure,
        format!("no goal measure is called `{key}`"),
        pos,
    )
    .help(help)
}

/// An error at `pos` in the plan `src`.
pub(super) fn error(src: &Source<Plan>, code: Code, msg: String, pos: Option<Pos>) -> Diagnostic {
    Diagnostic::error(code, msg).in_file(&src.path).at(pos)
}

/// Where each entry of the top-level `visits:` block list starts and ends
/// (0-based lines, end exclusive), to point at a key inside one visit.
/// The text is split only when a position is asked for: most plans need
/// none (this runs on every plan of every check).
pub(super) struct VisitLines<'a> {
    text: &'a str,
    split: std::cell::OnceCell<Split<'a>>,
}

/// The lines of a plan, and the visits' (start, end) lines.
type Split<'a> = (Vec<&'a str>, Vec<(usize, usize)>);

impl<'a> VisitLines<'a> {
    pub(super) fn of(text: &'a str) -> VisitLines<'a> {
        VisitLines {
            text,
            split: std::cell::OnceCell::new(),
        }
    }

    fn split(&self) -> &Split<'a> {
        self.split.get_or_init(|| split_visits(self.text))
    }

    /// The position of `key:` (its value, when it has one on the line)
    /// inside visit `i`.
    pub(super) fn find(&self, i: usize, key: &str) -> Option<Pos> {
        self.position(i, key, true)
    }

    /// The position of `key` itself inside visit `i`.
    fn find_key(&self, i: usize, key: &str) -> Option<Pos> {
        self.position(i, key, false)
    }

    fn position(&self, i: usize, key: &str, value: bool) -> Option<Pos> {
        let (lines, entries) = self.split();
        let &(start, end) = entries.get(i)?;
        for (n, line) in lines.iter().enumerate().take(end).skip(start) {
            let mut from = 0;
            while let Some(k) = line[from..].find(key) {
                let at = from + k;
                from = at + key.len();
                let before_ok = line[..at]
                    .chars()
                    .next_back()
                    .is_none_or(|c| matches!(c, ' ' | '{' | ',' | '"' | '\''));
                let after = line[from..].trim_start_matches(['"', '\'']);
                if before_ok && after.starts_with(':') {
                    let rest = &after[1..];
                    let value_at = line.len() - rest.trim_start().len();
                    let col = if !value || rest.trim().is_empty() {
                        at
                    } else {
                        value_at
                    };
                    return Some(Pos {
                        line: n + 1,
                        column: line[..col].chars().count() + 1,
                    });
                }
            }
        }
        None
    }
}

/// The first `key:` at or after the line of `from` (the measure's own key).
fn key_after(text: &str, from: Option<Pos>, key: &str) -> Option<Pos> {
    let start = from?.line - 1;
    let rest: String = text.lines().skip(start).collect::<Vec<_>>().join("\n");
    locate_key(&rest, key).map(|p| Pos {
        line: p.line + start,
        column: p.column,
    })
}

/// [`VisitLines`]' split of `text`.
fn split_visits(text: &str) -> Split<'_> {
    let lines: Vec<&str> = text.lines().collect();
    let indent = |l: &str| l.len() - l.trim_start().len();
    let Some(top) = lines.iter().position(|l| l.starts_with("visits:")) else {
        return (lines, Vec::new());
    };
    let mut list_indent = None;
    let mut entries: Vec<usize> = Vec::new();
    let mut end = lines.len();
    for (i, l) in lines.iter().enumerate().skip(top + 1) {
        let t = l.trim_start();
        if t.is_empty() || t.starts_with('#') {
            continue;
        }
        if indent(l) == 0 && !t.starts_with("- ") && t != "-" {
            end = i;
            break;
        }
        if (t.starts_with("- ") || t == "-") && *list_indent.get_or_insert(indent(l)) == indent(l) {
            entries.push(i);
        }
    }
    let ends: Vec<usize> = entries.iter().skip(1).copied().chain([end]).collect();
    let entries = entries.into_iter().zip(ends).collect();
    (lines, entries)
}
