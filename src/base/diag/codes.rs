//! The registry of diagnostic codes: every problem heropath reports has one
//! stable code (`HP` + four digits) that scripts can match on, a one-line
//! summary (README's table) and a longer explanation with an example and
//! the fix (`docs/codes/HPnnnn.md`, printed by `heropath explain HPnnnn`, as
//! `rustc --explain` does).
//!
//! The hundreds say which stage found the problem: 00xx reading and YAML,
//! 01xx plan content, 02xx consent, 03xx themes, 04xx output, 05xx privacy,
//! 06xx plain language, 07xx actionability (PEMAT-P), 08xx page HTML.

use std::fmt;

macro_rules! registry {
    ($($name:ident = $code:literal, $summary:literal;)*) => {
        /// A diagnostic code. `Display` prints it as `HP0001`.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum Code {
            $(
                #[doc = $summary]
                $name,
            )*
        }

        impl Code {
            /// Every code, in numeric order.
            pub const ALL: &'static [Code] = &[$(Code::$name),*];

            /// The code as printed: `HP0001`.
            pub fn as_str(self) -> &'static str {
                match self {
                    $(Code::$name => $code,)*
                }
            }

            /// One line saying what the code means.
            pub fn summary(self) -> &'static str {
                match self {
                    $(Code::$name => $summary,)*
                }
            }

            /// The long explanation (Markdown): what triggers it, an
            /// example, and how to fix it.
            pub fn explanation(self) -> &'static str {
                match self {
                    $(Code::$name => include_str!(concat!("../../../docs/codes/", $code, ".md")),)*
                }
            }
        }
    };
}

registry! {
    YamlSyntax = "HP0001", "The file is not valid YAML.";
    UnknownKey = "HP0002", "A key the format does not know.";
    MissingKey = "HP0003", "A required key is missing.";
    WrongType = "HP0004", "A value of the wrong type.";
    BadDate = "HP0005", "A date not written as YYYY-MM-DD.";
    UnknownExercise = "HP0006", "`use:` names no exercise in the library.";
    ValueNotAllowed = "HP0007", "A value that is of the right type but not allowed.";
    CutByComment = "HP0008", "Text that a `#` cuts short: YAML reads a space and `#` as the start of a comment.";
    ReadFailed = "HP0010", "A file could not be read.";
    NoSite = "HP0011", "`site.yaml` is missing.";
    DuplicateSlug = "HP0012", "Two files give the same slug or id.";
    BadFileName = "HP0013", "A file name that cannot be a slug.";
    NoFrontMatter = "HP0014", "A page without front matter.";
    TooLarge = "HP0015", "A file is too large to be a plan.";
    Symlink = "HP0016", "A symbolic link in the clinic folder: an error in content/, a file left out of the site in static/, templates/ and themes/.";
    UnreadPlan = "HP0017", "A file that may hold a patient's plan but is not read as one.";
    HiddenLeftOut = "HP0018", "A hidden file of static/ (its name starts with a dot) is left out of the site.";
    NoSteps = "HP0101", "A plan without steps.";
    NoResponsibilities = "HP0102", "No responsibilities at all.";
    ExerciseShape = "HP0103", "An exercise entry with neither or both of `use` and `name`.";
    MissingPicture = "HP0104", "A picture that does not exist or escapes the images folder.";
    NoAltText = "HP0105", "A picture without alt text.";
    BadVideo = "HP0106", "A video link that is not http(s).";
    Placeholder = "HP0107", "A `TODO` marker or a placeholder sentence of the template.";
    EmptyRequired = "HP0108", "A required text (the patient's name, summary, goal, a measure's name, step title, inline exercise name or instructions) that is empty or holds no words.";
    UnknownMeasure = "HP0109", "A visit names a measure the goal does not have.";
    OutOfScale = "HP0110", "A measure's value that is not a number on its scale.";
    DuplicateVisit = "HP0111", "Two visits on one date.";
    FutureVisit = "HP0112", "A visit dated after today.";
    BadScale = "HP0113", "A measure's scale or id that cannot work (`min` not below `max`, an id used twice).";
    UnknownStandardMeasure = "HP0114", "A `measure:` that is no built-in outcome measure, or a PSFS without activities.";
    NoStandardMeasure = "HP0115", "A plan without a standard outcome measure (warning; `check: { standard_measure: false }` turns it off).";
    StaleMeasure = "HP0116", "A standard outcome measure last recorded more than 30 days ago (warning).";
    ImpossibleTime = "HP0117", "The next visit's time is no time of day (`25:30`, `10:75`, `13 pm`).";
    MeasureTwice = "HP0118", "A visit gives one measure twice, under two keys (`lefs` and `LEFS`).";
    TargetWorse = "HP0119", "A goal measure's target is worse than its value now, on a scale with a direction (warning).";
    VagueTarget = "HP0120", "A goal measure's target that says no amount: `better`, `improve`, `less pain` (warning).";
    OtherPatient = "HP0121", "A plan holds another patient's full name, birth date, phone or email: it would print on this patient's handout.";
    ConsentMissing = "HP0201", "A story without a consent block.";
    ConsentExpired = "HP0202", "A story whose consent expired.";
    ConsentRevoked = "HP0203", "A story whose consent was revoked.";
    ConsentScope = "HP0204", "A story whose consent does not cover the website.";
    ConsentDates = "HP0205", "A story's consent signed after the day it expires.";
    PhotoScope = "HP0206", "A story photo whose consent does not include `photo` (published without it).";
    StoryTwice = "HP0207", "Two plans of one patient both publish a story: only one is published.";
    UnknownTheme = "HP0301", "No theme of that name.";
    TemplateSyntax = "HP0302", "A template failed to parse.";
    TemplateRender = "HP0303", "A template failed to render.";
    BadStringTable = "HP0304", "A string table failed to parse.";
    MissingStrings = "HP0305", "A string table lacks keys (English used).";
    MissingTemplate = "HP0306", "A required template is missing.";
    LowContrast = "HP0307", "A brand colour that does not stand out from white at 4.5:1 (warning).";
    UnreviewedStrings = "HP0308", "Handouts use a string table no native speaker has reviewed.";
    UnsafeOutputDirs = "HP0401", "Output folders nest or point somewhere unsafe.";
    WriteFailed = "HP0402", "Writing the output failed.";
    UrlClash = "HP0403", "Two public pages want the same address.";
    ForeignFileKept = "HP0404", "A file in the handouts folder that heropath did not write: kept.";
    StalePdf = "HP0405", "A PDF printed from an older version of its handout: kept.";
    ForeignPublicFile = "HP0406", "A file in the public folder that heropath did not write: nothing replaced.";
    PrivacyLeak = "HP0501", "An identifier from a plan found in a public file.";
    UnreadablePublicFile = "HP0502", "A public file the guard cannot read, not listed as reviewed.";
    ReviewWithoutReason = "HP0503", "A `privacy.reviewed_files` entry without a reason.";
    LocatedPicture = "HP0504", "A public picture records where it was taken (GPS), not listed as reviewed.";
    PatientRecord = "HP0505", "A public file holds a patient record (a plan, an export), whoever the patient.";
    ReadingLevel = "HP0601", "Handout text reads above the target grade.";
    Jargon = "HP0602", "Medical jargon with a plain alternative.";
    NoDose = "HP0701", "An exercise without a dose.";
    EmptyStep = "HP0702", "A step with neither exercises nor text.";
    NoPatientTasks = "HP0703", "No patient responsibilities.";
    NoNextVisit = "HP0704", "No next visit.";
    TooManyExercises = "HP0705", "More than four home exercises at once.";
    NoTargetDate = "HP0706", "A goal without a target date.";
    PastVisit = "HP0707", "The next visit is before today.";
    TargetBeforeAgreed = "HP0708", "The goal's target date is before the day it was agreed.";
    CutAtComma = "HP0709", "A flow-list item that looks like a sentence cut at a comma.";
    UntranslatedExercise = "HP0710", "A library exercise not translated into the plan's language.";
    NoPicture = "HP0711", "A printed exercise with neither a picture nor a video.";
    FewSteps = "HP0712", "An exercise written into the plan with fewer than two steps or no cue.";
    TaskContradictsDose = "HP0713", "A line of who does what whose frequency contradicts the dose.";
    FarVisit = "HP0714", "The next visit is more than a year away.";
    ImpossibleBirthDate = "HP0715", "A birth date after today or more than 120 years ago.";
    ImpossibleContact = "HP0716", "A patient's email or phone that cannot be one: the privacy guard cannot look for it.";
    HtmlRemoved = "HP0801", "HTML in a page that the sanitiser removes (warning).";
    EmbedNoTitle = "HP0802", "An embedded video without a `title` (warning).";
}

impl Code {
    /// The code written `HP0001` (any case; the `HP` may be left out, as in
    /// `heropath explain 501`).
    pub fn parse(text: &str) -> Option<Code> {
        let t = text.trim();
        // The cache reads back codes as written: no allocation for those.
        if let Some(&c) = Code::ALL.iter().find(|c| c.as_str() == t) {
            return Some(c);
        }
        let digits = match t.get(..2) {
            Some(p) if p.eq_ignore_ascii_case("hp") => &t[2..],
            _ => t,
        };
        let n: u32 = digits.parse().ok().filter(|_| digits.len() <= 4)?;
        let want = format!("HP{n:04}");
        Code::ALL.iter().copied().find(|c| c.as_str() == want)
    }
}

impl fmt::Display for Code {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl PartialEq<&str> for Code {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_unique_sorted_and_parse_back() {
        for pair in Code::ALL.windows(2) {
            assert!(pair[0].as_str() < pair[1].as_str(), "{pair:?} out of order");
        }
        for &c in Code::ALL {
            assert_eq!(Code::parse(c.as_str()), Some(c));
            assert_eq!(Code::parse(&c.as_str().to_lowercase()), Some(c));
            assert_eq!(Code::parse(&c.as_str()[2..]), Some(c));
        }
        assert_eq!(Code::parse("501"), Some(Code::PrivacyLeak));
        assert_eq!(Code::parse("HP0999"), None);
        assert_eq!(Code::parse("HP00501"), None);
        assert_eq!(Code::parse(""), None);
        assert_eq!(Code::parse("HP"), None);
    }

    #[test]
    fn every_code_has_an_explanation_with_an_example_and_a_fix() {
        for &c in Code::ALL {
            let text = c.explanation();
            assert!(
                text.starts_with(&format!("# {c}")),
                "docs/codes/{c}.md must open with `# {c}`"
            );
            for section in ["## Example", "## Fix"] {
                assert!(
                    text.contains(section),
                    "docs/codes/{c}.md has no `{section}`"
                );
            }
        }
    }
}
