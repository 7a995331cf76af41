//! Dates the `new plan` template guessed: a plan is unfinished (HP0107)
//! until a person sets them (see [`crate::content::starter::GUESSED_DATE`]).

use crate::base::diag::{Code, Diagnostic, Diagnostics, Pos};
use crate::content::plan::Plan;
use crate::stages::load::Source;

/// An error at each date the template guessed that is still marked so.
pub(super) fn guessed_dates(src: &Source<Plan>, diags: &mut Diagnostics) {
    for (line, column) in crate::content::starter::guessed_dates(&src.text) {
        diags.push(
            Diagnostic::error(
                Code::Placeholder,
                "this date is the `new plan` template's guess, not one you set",
            )
            .in_file(&src.path)
            .at(Some(Pos { line, column }))
            .help("write the real date, then delete the `# TODO: a guess` comment after it"),
        );
    }
}
