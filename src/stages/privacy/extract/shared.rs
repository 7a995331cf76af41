//! What the readers of one public file share however deeply they nest
//! (a `data:` URI inside an attribute is read by the markup reader, which
//! has no [`super::Out`]): the decompression budget and what could not be
//! read.
//!
//! Not here: the readers themselves, or the limits' values ([`super`]).

use super::MAX_INFLATE_TOTAL;

/// What every reader of one public file shares, however deeply it nests:
/// the bytes that may still be decompressed, and what a file read inside
/// it (a `data:` URI that the markup reader opens as a file of its own)
/// found it cannot read or where a picture was taken. Without it each
/// `data:` URI had a budget of its own (a page of small gzip bombs held
/// gigabytes) and a bzip2 or PDF in one was published unread.
pub(super) struct Shared {
    budget: usize,
    unreadable: Option<String>,
    located: bool,
}

thread_local! {
    /// The file being read on this thread (readers never run in parallel
    /// within one file); `None` between files.
    static SHARED: std::cell::RefCell<Option<Shared>> = const { std::cell::RefCell::new(None) };
}

/// Ends the reading of one file, also when a reader panics: the next file
/// on this thread starts with a full budget.
pub(super) struct Top;

impl Drop for Top {
    fn drop(&mut self) {
        SHARED.with_borrow_mut(|s| *s = None);
    }
}

impl Shared {
    /// Starts reading a file: a new budget when it is not inside another
    /// (then the returned [`Top`] ends it).
    pub(super) fn enter() -> Option<Top> {
        SHARED.with_borrow_mut(|s| match s {
            Some(_) => None,
            None => {
                *s = Some(Shared {
                    budget: MAX_INFLATE_TOTAL,
                    unreadable: None,
                    located: false,
                });
                Some(Top)
            }
        })
    }

    /// Ends reading a file that found `unreadable` and `located`: a file
    /// inside another hands them to it; the outermost gets what every file
    /// inside it found as well.
    pub(super) fn leave(
        top: Option<Top>,
        unreadable: Option<String>,
        located: bool,
    ) -> (Option<String>, bool) {
        SHARED.with_borrow_mut(|s| {
            let Some(s) = s.as_mut() else {
                return (unreadable, located);
            };
            if top.is_none() {
                if s.unreadable.is_none() {
                    s.unreadable = unreadable.clone();
                }
                s.located |= located;
                return (unreadable, located);
            }
            (
                unreadable.or_else(|| s.unreadable.take()),
                located || s.located,
            )
        })
    }

    /// Part of the file being read cannot be read, found by a reader that
    /// has no `Out` of its own (markup opening a `data:` URI).
    pub(super) fn flag(reason: &str) {
        SHARED.with_borrow_mut(|s| {
            if let Some(s) = s.as_mut()
                && s.unreadable.is_none()
            {
                s.unreadable = Some(reason.to_string());
            }
        });
    }

    /// Bytes that may still be decompressed from the file being read.
    pub(super) fn budget() -> usize {
        SHARED.with_borrow(|s| s.as_ref().map_or(MAX_INFLATE_TOTAL, |s| s.budget))
    }

    /// `n` more bytes were decompressed.
    pub(super) fn spend(n: usize) {
        SHARED.with_borrow_mut(|s| {
            if let Some(s) = s.as_mut() {
                s.budget = s.budget.saturating_sub(n);
            }
        });
    }
}
