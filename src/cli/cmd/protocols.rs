//! `heropath protocols`: the clinic's protocols and the plans made from
//! older versions of them.

use crate::cli::Global;
use crate::cli::args::ProtocolsArgs;
use crate::cli::report::Ui;
use heropath::base::diag::{Diagnostics, Severity};
use std::path::Path;
use std::process::ExitCode;

/// List the protocols; exit 1 when one cannot be read.
pub fn run(args: ProtocolsArgs, g: &Global, ui: &Ui) -> ExitCode {
    let mut diags = Diagnostics::default();
    let list = heropath::build::protocols::list(&g.root, &mut diags);
    // Only the protocols' own problems: `heropath check` reports the rest.
    let mine: Vec<_> = diags
        .sorted()
        .into_iter()
        .filter(|d| {
            d.file
                .as_deref()
                .is_none_or(|f| f.starts_with(Path::new("content/protocols")))
        })
        .collect();
    ui.print(&mine);
    let failed = mine.iter().any(|d| d.severity == Severity::Error);
    let Some(list) = list else {
        return ExitCode::FAILURE;
    };
    if args.json {
        println!(
            "{}",
            serde_json::to_string_pretty(&list).unwrap_or_default()
        );
    } else if list.protocols.is_empty() {
        println!(
            "no protocols yet: write one in content/protocols/<id>.yaml (see README, Protocols)"
        );
    }
    if !args.json {
        print_text(&list);
    }
    if failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

fn print_text(list: &heropath::build::protocols::ProtocolList) {
    for p in &list.protocols {
        let weeks = p.weeks.map_or_else(String::new, |w| {
            format!(", {}", plural(w as usize, "week", "weeks"))
        });
        println!(
            "{}: {} ({}{weeks}, {}) version {}",
            p.id,
            p.title,
            p.condition,
            plural(p.exercises, "exercise", "exercises"),
            p.version
        );
        if !p.current.is_empty() {
            println!("  made from this version: {}", p.current.join(", "));
        }
        if !p.older.is_empty() {
            println!(
                "  made from an older version, to review: {}",
                p.older
                    .iter()
                    .map(|(slug, v)| format!("{slug} (version {v})"))
                    .collect::<Vec<_>>()
                    .join(", ")
            );
        }
    }
    for (slug, id) in &list.missing {
        println!("{slug}: made from protocol `{id}`, which is no longer in content/protocols/");
    }
}
