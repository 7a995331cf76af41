//! Stage 3, **model**: turn loaded plans, exercises and pages into the data
//! templates see. Handouts get the private view; public pages get only
//! [`Story`], an allow-listed, de-identified record built here.
//!
//! By concern: `site` (what every template knows of the site),
//! `handout` (a patient's private handout), `card` (its exercise cards,
//! each made of halves shared across the build),
//! `assets` (pictures and QR codes, once per build), [`progress`] (each
//! measure over the visits, pure) and [`chart`] (its chart and sentence), `story` (public
//! success stories), `pages` (website pages and the menu) and [`dose`]
//! (a dose in plain words).

mod assets;
mod card;
pub mod caseload;
pub mod chart;
pub mod dose;
mod handout;
mod inline;
mod look;
mod opaque;
mod pager;
mod pages;
mod picture;
pub mod progress;
mod qr;
mod remember;
mod site;
mod story;

pub use assets::{Assets, Shared};
pub use card::{CardDose, CardExercise, Cards, NumberedCard};
pub use handout::{
    ClinicianView, GoalView, Handout, HandoutView, NextVisitView, PatientView, ProblemView,
    ResponsibilitiesView, StepView, handout, handout_file,
};
pub use inline::{img_names, rewrite_imgs};
pub use look::{
    CardView, Hero, Look, attach_photos, look, picture_names, script_json, story_json_ld, tel_url,
};
pub use opaque::{carries_unread, picture_kind, unread_as_written};
pub use pages::{MenuItem, PageView, Part, menu, pages};
pub use picture::{Picture, Pictures, raster_kind, without_metadata};
pub use qr::qr_svg;
pub use remember::{LogRow, RememberView, log_row};
pub use site::{ClinicView, SiteView};
pub use story::{PublicClinician, Published, Story, StoryOrigin, TagRef, stories, title_slugs};
