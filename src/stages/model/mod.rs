//! Stage 3, **model**: turn loaded plans, exercises and pages into the data
//! templates see. Handouts get the private view; public pages get only
//! [`Story`], an allow-listed, de-identified record built here.

pub mod dose;

use crate::base::date::Date;
use crate::content::config::{Clinician, Paper, Site};
use crate::content::markdown;
use crate::content::plan::{ExerciseItem, Measure, Plan};
use crate::content::record::StoryRecord;
use crate::stages::load::{Clinic, Source};
use crate::stages::theme::i18n::Strings;
use base64::Engine as _;
use serde::Serialize;
use std::collections::BTreeMap;
use std::sync::Arc;

/// Site data every template receives as `site`.
#[derive(Debug, Clone, Serialize)]
pub struct SiteView {
    /// Site title.
    pub title: String,
    /// Site description.
    pub description: Option<String>,
    /// Absolute base URL, no trailing slash.
    pub base_url: String,
    /// URL path prefix ending in `/`.
    pub base_path: String,
    /// `letter` or `a4`.
    pub paper: Paper,
    /// CSS `@page size`.
    pub page_size: &'static str,
    /// The clinic's public details.
    pub clinic: ClinicView,
    /// Hosts pages may embed videos from (site.yaml `embeds`).
    #[serde(skip)]
    pub embeds: Vec<String>,
}

/// The clinic's public details.
#[derive(Debug, Clone, Serialize)]
pub struct ClinicView {
    /// Name.
    pub name: String,
    /// Phone.
    pub phone: Option<String>,
    /// Address.
    pub address: Option<String>,
    /// Email.
    pub email: Option<String>,
    /// Hours.
    pub hours: Option<String>,
}

impl SiteView {
    /// Build from site.yaml, with an optional `--base-url` override.
    pub fn new(site: &Site, base_url: Option<&str>) -> SiteView {
        let raw = base_url
            .map(str::to_string)
            .or_else(|| site.base_url.clone())
            .unwrap_or_else(|| "http://localhost".into());
        let base_url = raw.trim().trim_end_matches('/').to_string();
        let after_scheme = base_url
            .split_once("://")
            .map_or(base_url.as_str(), |(_, r)| r);
        let path = after_scheme.split_once('/').map_or("", |(_, p)| p);
        let base_path = if path.is_empty() {
            "/".to_string()
        } else {
            format!("/{path}/")
        };
        SiteView {
            title: site.title.clone(),
            description: site.description.clone(),
            base_url,
            base_path,
            paper: site.paper,
            page_size: site.paper.css_size(),
            clinic: ClinicView {
                name: site
                    .clinic
                    .name
                    .clone()
                    .unwrap_or_else(|| site.title.clone()),
                phone: site.clinic.phone.clone(),
                address: site.clinic.address.clone(),
                email: site.clinic.email.clone(),
                hours: site.clinic.hours.clone(),
            },
            embeds: site.embeds.clone(),
        }
    }

    /// How Markdown is rendered for this site's public pages.
    pub fn markdown_rules(&self) -> markdown::PublicRules {
        markdown::PublicRules {
            base_path: self.base_path.clone(),
            embeds: self.embeds.clone(),
        }
    }

    /// Root-relative URL of a path inside the site (`stories/` → `/stories/`).
    pub fn url(&self, rel: &str) -> String {
        format!("{}{rel}", self.base_path)
    }

    /// Absolute URL of a path inside the site.
    pub fn permalink(&self, rel: &str) -> String {
        format!("{}/{rel}", self.base_url)
    }
}

// ---------------------------------------------------------------- handouts

/// One patient's handout: which theme and language, and the private view.
#[derive(Debug, Clone)]
pub struct Handout {
    /// Plan slug → `handouts/<slug>.html`.
    pub slug: String,
    /// Language code.
    pub lang: String,
    /// Theme name.
    pub theme: String,
    /// What the template sees.
    pub view: HandoutView,
}

/// The private handout data.
#[derive(Debug, Clone, Serialize)]
pub struct HandoutView {
    /// The hero.
    pub patient: PatientView,
    /// The guide.
    pub clinician: ClinicianView,
    /// The problem.
    pub problem: ProblemView,
    /// The goal.
    pub goal: GoalView,
    /// The guide's steps.
    pub steps: Vec<StepView>,
    /// All exercise cards in order (adherence log).
    pub exercises: Vec<Card>,
    /// Who does what.
    pub responsibilities: ResponsibilitiesView,
    /// The next visit.
    pub next_visit: Option<NextVisitView>,
    /// Life after the goal.
    pub success_html: Option<String>,
    /// Short weekday names, Monday first.
    pub week_days: Vec<String>,
}

/// The patient as the handout names them.
#[derive(Debug, Clone, Serialize)]
pub struct PatientView {
    /// Full name (handout only).
    pub name: String,
    /// What they like to be called.
    pub preferred_name: String,
    /// Pronouns.
    pub pronouns: Option<String>,
}

/// The guide.
#[derive(Debug, Clone, Serialize)]
pub struct ClinicianView {
    /// Full name.
    pub name: String,
    /// Credentials.
    pub credentials: Option<String>,
    /// First name, for "Sam will…".
    pub first_name: String,
    /// "Sam Rivera, PT, DPT".
    pub display: String,
}

impl ClinicianView {
    fn new(c: &Clinician) -> ClinicianView {
        let display = match c.credentials.as_deref().filter(|s| !s.trim().is_empty()) {
            Some(cr) => format!("{}, {cr}", c.name),
            None => c.name.clone(),
        };
        ClinicianView {
            name: c.name.clone(),
            credentials: c.credentials.clone(),
            first_name: c
                .name
                .split_whitespace()
                .next()
                .unwrap_or(&c.name)
                .to_string(),
            display,
        }
    }
}

/// The problem.
#[derive(Debug, Clone, Serialize)]
pub struct ProblemView {
    /// Summary.
    pub summary: String,
    /// Their words.
    pub in_their_words: Option<String>,
    /// Details, sanitised HTML.
    pub details_html: Option<String>,
}

/// The goal.
#[derive(Debug, Clone, Serialize)]
pub struct GoalView {
    /// Statement.
    pub statement: String,
    /// Target date, written out.
    pub target_date: Option<String>,
    /// Agreement date, written out.
    pub agreed_on: Option<String>,
    /// Measures.
    pub measures: Vec<Measure>,
}

/// One step.
#[derive(Debug, Clone, Serialize)]
pub struct StepView {
    /// 1-based.
    pub number: usize,
    /// Title.
    pub title: String,
    /// When.
    pub when: Option<String>,
    /// Why, sanitised HTML.
    pub why_html: Option<String>,
    /// Exercise cards.
    pub exercises: Vec<Card>,
}

/// One exercise card.
#[derive(Debug, Clone, Serialize)]
pub struct Card {
    /// 1-based across the handout.
    pub number: usize,
    /// Library id (or empty for an inline exercise).
    pub id: String,
    /// Name.
    pub name: String,
    /// Instructions, sanitised HTML.
    pub instructions_html: Option<String>,
    /// Numbered steps, sanitised inline HTML.
    pub steps_html: Vec<String>,
    /// Cues.
    pub cues: Vec<String>,
    /// `data:` URI of the picture.
    pub image: Option<Arc<str>>,
    /// Alt text.
    pub image_alt: Option<String>,
    /// Video URL.
    pub video: Option<String>,
    /// Inline SVG QR code to the video.
    pub qr_svg: Option<Arc<str>>,
    /// Dose as sentences.
    pub dose_text: String,
    /// Dose, short.
    pub dose_short: String,
    /// Per-patient note.
    pub note: Option<String>,
}

/// Who does what.
#[derive(Debug, Clone, Serialize)]
pub struct ResponsibilitiesView {
    /// The clinician.
    pub clinician: Vec<String>,
    /// The patient.
    pub patient: Vec<String>,
    /// Together.
    pub together: Vec<String>,
}

/// The next visit.
#[derive(Debug, Clone, Serialize)]
pub struct NextVisitView {
    /// Date, written out.
    pub date: Option<String>,
    /// Time.
    pub time: Option<String>,
    /// Focus.
    pub focus: Option<String>,
}

/// Pictures and QR codes, computed once per build and shared by every card.
#[derive(Debug, Default)]
pub struct Assets {
    /// Picture file name → `data:` URI.
    pub images: BTreeMap<String, Arc<str>>,
    /// Video URL → inline SVG.
    pub qr: BTreeMap<String, Arc<str>>,
    /// Library exercise id → its instructions as HTML and as numbered
    /// steps, rendered once instead of once per plan that uses it.
    pub instructions: BTreeMap<String, (Arc<str>, Vec<String>)>,
}

impl Assets {
    /// Read every referenced picture and draw every QR code.
    pub fn collect(clinic: &Clinic) -> Assets {
        use rayon::prelude::*;
        let mut images = std::collections::BTreeSet::new();
        let mut videos = std::collections::BTreeSet::new();
        for ex in clinic.exercises.values() {
            images.extend(ex.value.image.clone());
            videos.extend(ex.value.video.clone());
        }
        for p in &clinic.plans {
            for s in &p.value.steps {
                for e in &s.exercises {
                    images.extend(e.image.clone());
                    videos.extend(e.video.clone());
                }
            }
        }
        let dir = clinic.root.join("content/exercises/images");
        let images = images
            .into_par_iter()
            .filter(|name| crate::stages::check::image_path_ok(name))
            .filter_map(|name| {
                let bytes = std::fs::read(dir.join(&name)).ok()?;
                let uri = data_uri(&name, &bytes);
                Some((name, Arc::from(uri)))
            })
            .collect();
        let qr = videos
            .into_par_iter()
            .filter_map(|url| qr_svg(&url).map(|svg| (url, Arc::from(svg))))
            .collect();
        let instructions = clinic
            .exercises
            .par_iter()
            .filter_map(|(id, ex)| {
                let md = ex.value.instructions.as_deref()?;
                Some((
                    id.clone(),
                    (Arc::from(markdown::to_html(md)), markdown::steps(md)),
                ))
            })
            .collect();
        Assets {
            images,
            qr,
            instructions,
        }
    }
}

fn data_uri(name: &str, bytes: &[u8]) -> String {
    let ext = name.rsplit('.').next().unwrap_or("");
    let mime = mime_guess::from_ext(ext)
        .first_raw()
        .unwrap_or("application/octet-stream");
    format!(
        "data:{mime};base64,{}",
        base64::engine::general_purpose::STANDARD.encode(bytes)
    )
}

/// A QR code for `url` as compact inline SVG (one path, horizontal runs of
/// dark modules merged), or `None` when the URL is too long to encode.
pub fn qr_svg(url: &str) -> Option<String> {
    use std::fmt::Write as _;
    let code = qrcode::QrCode::new(url.as_bytes()).ok()?;
    let width = code.width();
    let colors = code.to_colors();
    let quiet = 4;
    let size = width + 2 * quiet;
    let mut d = String::new();
    for y in 0..width {
        let mut x = 0;
        while x < width {
            if colors[y * width + x] == qrcode::Color::Dark {
                let start = x;
                while x < width && colors[y * width + x] == qrcode::Color::Dark {
                    x += 1;
                }
                let _ = write!(
                    d,
                    "M{} {}h{}v1h-{}z",
                    start + quiet,
                    y + quiet,
                    x - start,
                    x - start
                );
            } else {
                x += 1;
            }
        }
    }
    Some(format!(
        "<svg class=\"qr\" role=\"img\" aria-label=\"QR code\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {size} {size}\" width=\"{px}\" height=\"{px}\" shape-rendering=\"crispEdges\"><rect width=\"{size}\" height=\"{size}\" fill=\"#fff\"/><path fill=\"#000\" d=\"{d}\"/></svg>",
        px = size * 3,
    ))
}

/// Build one plan's handout view.
pub fn handout(
    src: &Source<Plan>,
    clinic: &Clinic,
    t: &Strings,
    lang: &str,
    theme: &str,
    assets: &Assets,
) -> Handout {
    let plan = &src.value;
    let default_guide = Clinician {
        name: clinic
            .site
            .clinic
            .name
            .clone()
            .unwrap_or_else(|| clinic.site.title.clone()),
        credentials: None,
    };
    let guide = plan
        .clinician
        .as_ref()
        .or(clinic.site.clinic.clinician.as_ref())
        .unwrap_or(&default_guide);
    let mut number = 0;
    let steps: Vec<StepView> = plan
        .steps
        .iter()
        .enumerate()
        .map(|(i, s)| StepView {
            number: i + 1,
            title: s.title.clone(),
            when: s.when.clone(),
            why_html: s.why.as_deref().map(markdown::to_html),
            exercises: s
                .exercises
                .iter()
                .map(|e| {
                    number += 1;
                    card(number, e, clinic, t, assets)
                })
                .collect(),
        })
        .collect();
    let exercises = steps
        .iter()
        .flat_map(|s| s.exercises.iter().cloned())
        .collect();
    let goal = &plan.goal;
    Handout {
        slug: src.slug.clone(),
        lang: lang.to_string(),
        theme: theme.to_string(),
        view: HandoutView {
            patient: PatientView {
                name: plan.patient.name.clone(),
                preferred_name: plan.patient.preferred().to_string(),
                pronouns: plan.patient.pronouns.clone(),
            },
            clinician: ClinicianView::new(guide),
            problem: ProblemView {
                summary: plan.problem.summary.clone(),
                in_their_words: plan.problem.in_their_words.clone(),
                details_html: plan.problem.details.as_deref().map(markdown::to_html),
            },
            goal: GoalView {
                statement: goal.statement.clone(),
                target_date: goal.target_date.map(|d| t.date(d)),
                agreed_on: goal.agreed_on.map(|d| t.date(d)),
                measures: goal.measures.clone(),
            },
            steps,
            exercises,
            responsibilities: ResponsibilitiesView {
                clinician: plan.responsibilities.clinician.clone(),
                patient: plan.responsibilities.patient.clone(),
                together: plan.responsibilities.together.clone(),
            },
            next_visit: plan.next_visit.as_ref().map(|v| NextVisitView {
                date: v.date.map(|d| t.date(d)),
                time: v.time.clone(),
                focus: v.focus.clone(),
            }),
            success_html: plan.success.as_deref().map(markdown::to_html),
            week_days: t.weekdays_short(),
        },
    }
}

fn card(number: usize, item: &ExerciseItem, clinic: &Clinic, t: &Strings, assets: &Assets) -> Card {
    let lib = item
        .use_id
        .as_ref()
        .and_then(|id| clinic.exercises.get(id))
        .map(|s| &s.value);
    let pick = |own: &Option<String>, libv: Option<&Option<String>>| {
        own.clone().or_else(|| libv.cloned().flatten())
    };
    // The library's own instructions were rendered once (see Assets).
    let cached = match (&item.instructions, &item.use_id) {
        (None, Some(id)) => assets.instructions.get(id),
        _ => None,
    };
    let instructions = pick(&item.instructions, lib.map(|l| &l.instructions));
    let image = pick(&item.image, lib.map(|l| &l.image));
    let video = pick(&item.video, lib.map(|l| &l.video));
    let dose = match lib {
        Some(l) => l.dose.overridden_by(&item.dose()),
        None => item.dose(),
    };
    let cues = if item.cues.is_empty() {
        lib.map(|l| l.cues.clone()).unwrap_or_default()
    } else {
        item.cues.clone()
    };
    Card {
        number,
        id: item.use_id.clone().unwrap_or_default(),
        name: item
            .name
            .clone()
            .or_else(|| lib.map(|l| l.name.clone()))
            .unwrap_or_else(|| item.use_id.clone().unwrap_or_default()),
        instructions_html: match cached {
            Some((html, _)) => Some(html.to_string()),
            None => instructions.as_deref().map(markdown::to_html),
        },
        steps_html: match cached {
            Some((_, steps)) => steps.clone(),
            None => instructions
                .as_deref()
                .map(markdown::steps)
                .unwrap_or_default(),
        },
        cues,
        image: image.as_ref().and_then(|i| assets.images.get(i).cloned()),
        image_alt: pick(&item.image_alt, lib.map(|l| &l.image_alt)),
        qr_svg: video.as_ref().and_then(|v| assets.qr.get(v).cloned()),
        video,
        dose_text: dose::text(&dose, t),
        dose_short: dose::short(&dose, t),
        note: item.note.clone(),
    }
}

// ------------------------------------------------------------ public site

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
    /// Planned weeks of care.
    pub weeks_of_care: Option<i64>,
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
    for (i, src) in clinic.plans.iter().enumerate() {
        let plan = &src.value;
        let Some(s) = &plan.story else { continue };
        // A future `published_on` schedules the story: it appears on that day.
        let scheduled = s.published_on.is_some_and(|d| d > today);
        if (plan.draft && !drafts) || scheduled || s.consent_status(today).is_err() {
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
    story.measures = plan.goal.measures.clone();
    story.weeks_of_care = weeks;
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
                markdown::sentences(&plain_text(b))
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
        weeks_of_care: None,
        clinician: PublicClinician {
            name: site.clinic.name.clone(),
            credentials: None,
        },
        published_on: r.published_on.map(|d| d.to_string()),
        published_on_text: r.published_on.map(|d| t.date(d)),
        updated: format!("{updated_day}T00:00:00Z"),
        url: String::new(),
        permalink: String::new(),
    }
}

/// Markdown → plain text (for summaries).
pub fn plain_text(md: &str) -> String {
    use pulldown_cmark::{Event, Parser};
    let mut s = String::new();
    for ev in Parser::new(md) {
        match ev {
            Event::Text(t) | Event::Code(t) => s.push_str(&t),
            Event::SoftBreak | Event::HardBreak | Event::End(_) => s.push(' '),
            _ => {}
        }
    }
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A public page.
#[derive(Debug, Clone, Serialize)]
pub struct PageView {
    /// Slug.
    pub slug: String,
    /// Title.
    pub title: String,
    /// Description.
    pub description: Option<String>,
    /// Body, sanitised HTML.
    pub content_html: String,
    /// Root-relative URL.
    pub url: String,
    /// Absolute URL.
    pub permalink: String,
    /// Menu position.
    #[serde(skip)]
    pub menu_order: Option<i32>,
}

/// A menu entry.
#[derive(Debug, Clone, Serialize)]
pub struct MenuItem {
    /// Label.
    pub title: String,
    /// Root-relative URL.
    pub url: String,
}

/// Build the pages (not `index.md`, which is the home intro) and the intro.
pub fn pages(clinic: &Clinic, site: &SiteView, drafts: bool) -> (Vec<PageView>, Option<String>) {
    let mut intro = None;
    let mut out = Vec::new();
    let rules = site.markdown_rules();
    for p in &clinic.pages {
        if p.value.front.draft && !drafts {
            continue;
        }
        let html = markdown::public_html(&p.value.body, &rules);
        if p.slug == "index" {
            intro = Some(html);
            continue;
        }
        out.push(PageView {
            slug: p.slug.clone(),
            title: p.value.front.title.clone(),
            description: p.value.front.description.clone(),
            content_html: html,
            url: site.url(&format!("{}/", p.slug)),
            permalink: site.permalink(&format!("{}/", p.slug)),
            menu_order: p.value.front.menu_order,
        });
    }
    (out, intro)
}

/// The menu: home, pages with a `menu_order`, then stories.
pub fn menu(pages: &[PageView], site: &SiteView, t: &Strings) -> Vec<MenuItem> {
    let mut ordered: Vec<&PageView> = pages.iter().filter(|p| p.menu_order.is_some()).collect();
    ordered.sort_by(|a, b| {
        a.menu_order
            .cmp(&b.menu_order)
            .then_with(|| a.title.cmp(&b.title))
    });
    let mut items = vec![MenuItem {
        title: t.get("nav_home").to_string(),
        url: site.url(""),
    }];
    items.extend(ordered.into_iter().map(|p| MenuItem {
        title: p.title.clone(),
        url: p.url.clone(),
    }));
    items.push(MenuItem {
        title: t.get("nav_stories").to_string(),
        url: site.url("stories/"),
    });
    items
}
