//! Public success stories: allow-listed, de-identified records built from
//! plans whose consent is valid today and from story records, with their
//! addresses (from titles, never file names).

use super::progress::{Journey, Verdict};
use super::site::SiteView;
use crate::base::date::Date;
use crate::content::journey::format_number;
use crate::content::markdown;
use crate::content::measures::{expand, signed};
use crate::content::plan::{Measure, Plan};
use crate::content::record::StoryRecord;
use crate::stages::load::Clinic;
use crate::stages::theme::i18n::Strings;
use serde::Serialize;

/// A public success story: allow-listed, de-identified. Built only from a
/// plan whose consent is valid today; it carries no patient name (but the
/// display name), no pronouns, no patient dates and no private text.
#[derive(Debug, Clone, Serialize)]
pub struct Story {
    /// URL slug, from the title.
    pub slug: String,
    /// Title.
    pub title: String,
    /// The consented display name.
    pub display_name: String,
    /// Condition tags.
    pub tags: Vec<TagRef>,
    /// Quote.
    pub quote: Option<String>,
    /// Body, sanitised HTML.
    pub body_html: Option<String>,
    /// Plain-text summary for descriptions.
    pub summary: String,
    /// The goal statement.
    pub goal: String,
    /// Measures.
    pub measures: Vec<Measure>,
    /// Each measure's start, latest and goal (no dates).
    pub results: Vec<StoryResult>,
    /// One line per standard measure whose change reached its MCID
    /// ("Meaningful improvement on LEFS (+14, MCID 9)"); never a date.
    pub verdicts: Vec<String>,
    /// Does a result have a latest value (the table's "Latest" column)?
    pub results_latest: bool,
    /// A chart per numeric measure, time in weeks since the start (never
    /// a visit's date).
    pub charts: Vec<super::chart::ChartView>,
    /// Planned weeks of care.
    pub weeks_of_care: Option<i64>,
    /// "12 weeks of care", in the plural form of the language.
    pub weeks_of_care_text: Option<String>,
    /// The guide (a staff member, public).
    pub clinician: PublicClinician,
    /// Publication date.
    pub published_on: Option<String>,
    /// Publication date, written out.
    pub published_on_text: Option<String>,
    /// RFC 3339 timestamp for the feed.
    pub updated: String,
    /// Root-relative URL.
    pub url: String,
    /// Absolute URL.
    pub permalink: String,
    /// The photo, when the consent covers it.
    pub photo: Option<super::picture::Picture>,
    /// Absolute URL of the image shared with a link (Open Graph): the
    /// photo, else the theme's default.
    pub og_image: String,
}

/// One measure of a public story: where it started, where it is, the goal.
#[derive(Debug, Clone, Serialize)]
pub struct StoryResult {
    /// The measure.
    pub name: String,
    /// At the start.
    pub start: Option<String>,
    /// The latest value (only when a visit measured it again).
    pub latest: Option<String>,
    /// The goal.
    pub goal: Option<String>,
}

/// A clinician as shown publicly.
#[derive(Debug, Clone, Serialize)]
pub struct PublicClinician {
    /// Name.
    pub name: String,
    /// Credentials.
    pub credentials: Option<String>,
}

/// A link to a tag page.
#[derive(Debug, Clone, Serialize, PartialEq, Eq, PartialOrd, Ord)]
pub struct TagRef {
    /// Display name.
    pub name: String,
    /// URL slug.
    pub slug: String,
    /// Root-relative URL.
    pub url: String,
}

/// Where a published story comes from. Never reaches a template.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum StoryOrigin {
    /// A plan's `story:` block: index into `Clinic::plans`.
    Plan(usize),
    /// A story record: index into `Clinic::stories`.
    Record(usize),
}

/// A story together with where it came from, for the privacy scan and
/// for address clashes.
#[derive(Debug, Clone)]
pub struct Published {
    /// The public record.
    pub story: Story,
    /// The plan or record it was built from.
    pub from: StoryOrigin,
}

/// Build every publishable story, newest first: from plans' story blocks
/// (addresses from titles) and from story records (addresses from file
/// names; [`crate::build`] reports a record whose address a plan's story
/// also takes). `days` is the day consent and scheduled publication are
/// judged against, then the day a story without `published_on` is
/// `updated` on in the feed (see [`crate::build::stamp_day`]).
pub fn stories(
    clinic: &Clinic,
    site: &SiteView,
    t: &Strings,
    days: (Date, Date),
    drafts: bool,
) -> Vec<Published> {
    let (today, stamp) = days;
    let mut out: Vec<Published> = Vec::new();
    let revocations = clinic.revocations();
    for (i, src) in clinic.plans.iter().enumerate() {
        let plan = &src.value;
        let Some(s) = &plan.story else { continue };
        // A future `published_on` schedules the story: it appears on that day.
        let scheduled = s.published_on.is_some_and(|d| d > today);
        if (plan.draft && !drafts) || scheduled || revocations.story_consent(i, today).is_err() {
            continue;
        }
        out.push(Published {
            story: plan_story(clinic, plan, s, site, t, stamp),
            from: StoryOrigin::Plan(i),
        });
    }
    let slugs = title_slugs(out.iter().map(|p| p.story.title.as_str()));
    for (p, slug) in out.iter_mut().zip(slugs) {
        set_slug(&mut p.story, slug, site);
    }
    // A record's file name was its address on the site it was exported
    // from (see `heropath stories export`).
    for (i, src) in clinic.stories.iter().enumerate() {
        if src.value.is_public(today) {
            let mut story = record_story(&src.value, site, t, stamp);
            set_slug(&mut story, src.slug.clone(), site);
            out.push(Published {
                story,
                from: StoryOrigin::Record(i),
            });
        }
    }
    out.sort_by(|a, b| {
        b.story
            .published_on
            .cmp(&a.story.published_on)
            .then_with(|| a.story.slug.cmp(&b.story.slug))
    });
    out
}

/// The addresses (`stories/<slug>/`) of stories with these titles, in
/// order. Slugs come from titles (never file names, which may hold a
/// patient's name); clashes get -2, -3 in the order given (plan order,
/// which is stable).
pub fn title_slugs<'a>(titles: impl Iterator<Item = &'a str>) -> Vec<String> {
    let mut used = std::collections::BTreeSet::new();
    titles
        .map(|title| {
            let base = match slug::slugify(title) {
                s if s.is_empty() => "story".to_string(),
                s => s,
            };
            let mut slug = base.clone();
            let mut n = 2;
            while !used.insert(slug.clone()) {
                slug = format!("{base}-{n}");
                n += 1;
            }
            slug
        })
        .collect()
}

fn set_slug(story: &mut Story, slug: String, site: &SiteView) {
    story.url = site.url(&format!("stories/{slug}/"));
    story.permalink = site.permalink(&format!("stories/{slug}/"));
    story.slug = slug;
}

/// A plan's story: its record, plus the goal, measures, weeks of care and
/// the guide, which only the plan knows.
fn plan_story(
    clinic: &Clinic,
    plan: &Plan,
    s: &crate::content::plan::StoryBlock,
    site: &SiteView,
    t: &Strings,
    stamp: Date,
) -> Story {
    let mut story = record_story(&StoryRecord::from_block(s), site, t, stamp);
    let weeks = match (plan.goal.agreed_on, plan.goal.target_date) {
        (Some(a), Some(b)) if a <= b => Some((a.days_until(b) + 6) / 7),
        _ => None,
    };
    story.goal = plan.goal.statement.clone();
    story.measures = super::chart::shown_measures(&plan.goal.measures, t);
    let j = super::chart::journey_for(plan, &clinic.site.measures, t);
    (story.results, story.charts) = results(plan, &j, t);
    story.verdicts = verdicts(&j, t);
    story.results_latest = story.results.iter().any(|r| r.latest.is_some());
    story.weeks_of_care = weeks;
    story.weeks_of_care_text = weeks.map(|w| t.count("weeks_of_care", w.max(0) as u64, &[]));
    if let Some(g) = plan
        .clinician
        .as_ref()
        .or(clinic.site.clinic.clinician.as_ref())
    {
        story.clinician = PublicClinician {
            name: g.name.clone(),
            credentials: g.credentials.clone(),
        };
    }
    story
}

/// The public story of a record (no address yet). Records carry no goal,
/// measures or guide: the clinic is named as the guide.
fn record_story(r: &StoryRecord, site: &SiteView, t: &Strings, stamp: Date) -> Story {
    let mut tags: Vec<TagRef> = r
        .tags
        .iter()
        .map(|name| {
            let slug = slug::slugify(name);
            TagRef {
                name: name.clone(),
                url: site.url(&format!("tags/{slug}/")),
                slug,
            }
        })
        .filter(|t| !t.slug.is_empty())
        .collect();
    tags.sort();
    tags.dedup_by(|a, b| a.slug == b.slug);
    let summary = r
        .quote
        .clone()
        .or_else(|| {
            r.body.as_deref().map(|b| {
                markdown::sentences(&markdown::plain_text(b))
                    .into_iter()
                    .take(2)
                    .collect::<Vec<_>>()
                    .join(" ")
            })
        })
        .unwrap_or_else(|| r.title.clone());
    let updated_day = r.published_on.unwrap_or(stamp);
    Story {
        slug: String::new(),
        title: r.title.clone(),
        display_name: r.display_name.clone(),
        tags,
        quote: r.quote.clone(),
        body_html: r
            .body
            .as_deref()
            .map(|b| markdown::public_html(b, &site.markdown_rules())),
        summary,
        goal: String::new(),
        measures: Vec::new(),
        results: Vec::new(),
        verdicts: Vec::new(),
        results_latest: false,
        charts: Vec::new(),
        weeks_of_care: None,
        weeks_of_care_text: None,
        clinician: PublicClinician {
            name: site.clinic.name.clone(),
            credentials: None,
        },
        published_on: r.published_on.map(|d| d.to_string()),
        published_on_text: r.published_on.map(|d| t.date(d)),
        updated: format!("{updated_day}T00:00:00Z"),
        url: String::new(),
        permalink: String::new(),
        photo: None,
        og_image: site.permalink("og-default.png"),
    }
}

/// A plan's measures for its public story: start → latest → goal, and a
/// chart per numeric measure with weeks since the start, never dates.
/// Built-in measures are shown expanded: by their name in the reader's
/// language when the plan gives none, a PSFS as its activities.
fn results(
    plan: &Plan,
    j: &Journey,
    t: &Strings,
) -> (Vec<StoryResult>, Vec<super::chart::ChartView>) {
    use super::chart::{chart, shown_measures, with_unit};
    let mut out = Vec::new();
    let mut charts = Vec::new();
    let shown = shown_measures(&plan.goal.measures, t);
    for (m, shown) in expand(&plan.goal.measures).iter().zip(shown) {
        let mut r = StoryResult {
            name: shown.name,
            start: m.now.clone(),
            latest: None,
            goal: m.target.clone(),
        };
        if let Some(s) = j
            .numeric
            .iter()
            .find(|s| s.name == m.name && s.key == m.key())
        {
            r.start = s.start().map(|v| with_unit(s, v)).or(r.start);
            if s.points.len() > 1 {
                r.latest = s.latest().map(|v| with_unit(s, v));
            }
            r.goal = s.target.map(|v| with_unit(s, v)).or(r.goal);
            if let (Some(origin), true) = (j.origin, s.points.len() > 1) {
                let when = |d| {
                    let weeks = (origin.days_until(d).max(0) / 7).to_string();
                    t.fmt("progress_week", &[("n", &weeks)])
                };
                let id = format!("result-{}", charts.len() + 1);
                let mut c = chart(id, s, origin, t, &when);
                // The sentence speaks to the patient ("Your..."): not for readers.
                c.sentence = String::new();
                charts.push(c);
            }
        } else if let Some(ts) = j.text.iter().find(|s| s.name == m.name)
            && ts.values.len() > 1
        {
            r.latest = ts.values.last().map(|v| v.1.clone());
        }
        out.push(r);
    }
    (out, charts)
}

/// The public lines for changes that reached the MCID, per built-in
/// measure (a PSFS by its mean score, not per activity). A change short of
/// the MCID, or a worse one, gets no line: a story claims no more than
/// the data shows.
fn verdicts(j: &Journey, t: &Strings) -> Vec<String> {
    j.numeric
        .iter()
        .filter(|s| s.activity.is_none())
        .chain(&j.averages)
        .filter(|s| s.verdict() == Some(Verdict::Real))
        .filter_map(|s| {
            let (std, change, mcid) = (s.standard?, s.change()?, s.mcid?);
            Some(t.fmt(
                "story_meaningful",
                &[
                    ("measure", std.short),
                    ("change", &signed(change)),
                    ("mcid", &format_number(mcid)),
                ],
            ))
        })
        .collect()
}
