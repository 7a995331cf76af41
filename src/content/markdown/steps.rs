//! Instructions as numbered steps: the items of the first numbered list,
//! or one step per sentence.

use super::{as_sanitised, clean, inline, is_plain, options, sentences};
use pulldown_cmark::{Event, Parser, Tag, TagEnd, html};

/// The numbered steps of an instruction text: the items of its first
/// numbered list when it has one, else one step per sentence.
pub fn steps(md: &str) -> Vec<String> {
    let mut items = Vec::new();
    let mut depth = 0usize;
    let mut in_ordered = false;
    let mut current: Option<Vec<Event<'_>>> = None;
    for ev in Parser::new_ext(md, options()) {
        match &ev {
            Event::Start(Tag::List(start)) => {
                depth += 1;
                if depth == 1 && start.is_some() && items.is_empty() {
                    in_ordered = true;
                }
            }
            Event::End(TagEnd::List(_)) => {
                depth = depth.saturating_sub(1);
                if depth == 0 && in_ordered {
                    break;
                }
            }
            Event::Start(Tag::Item) if in_ordered && depth == 1 => {
                current = Some(Vec::new());
                continue;
            }
            Event::End(TagEnd::Item) if in_ordered && depth == 1 => {
                if let Some(evs) = current.take() {
                    let plain = evs.iter().all(is_plain);
                    let mut raw = String::new();
                    html::push_html(
                        &mut raw,
                        evs.into_iter().filter(|e| {
                            !matches!(
                                e,
                                Event::Start(Tag::Paragraph) | Event::End(TagEnd::Paragraph)
                            )
                        }),
                    );
                    items.push(if plain {
                        as_sanitised(raw.trim().to_string())
                    } else {
                        clean(raw.trim())
                    });
                }
                continue;
            }
            _ => {}
        }
        if let Some(evs) = current.as_mut() {
            evs.push(ev);
        }
    }
    if !items.is_empty() {
        return items;
    }
    sentences(md).into_iter().map(|s| inline(&s)).collect()
}
