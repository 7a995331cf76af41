//! Live reload over server-sent events: each open tab holds a connection
//! on [`super::EVENTS_PATH`] and is told `reload` after a good rebuild, or
//! `build-error` (with the diagnostics as text) after a failed one.

use super::response::plain;
use super::state::{Event, Shared};
use std::io::Write as _;
use std::sync::{Arc, mpsc};
use std::time::Duration;

/// At most this many open live-reload connections.
const MAX_EVENT_CLIENTS: usize = 256;

/// What other computers see instead of a build error.
pub(super) const PRIVATE_ERROR: &str =
    "The last change did not build: the details are shown on the computer running heropath.";

/// Server-sent events: `reload` after a good rebuild, `build-error` (with
/// the diagnostics as text) after a failed one, and at once on connecting
/// while the last build failed.
pub(super) fn events(rq: tiny_http::Request, shared: &Arc<Shared>, private_ok: bool) {
    let (tx, rx) = mpsc::channel();
    {
        let mut clients = shared.clients.lock().unwrap_or_else(|e| e.into_inner());
        // Drop connections whose tab has gone (a ping to a live one is harmless).
        clients.retain(|c| c.send(Event::Ping).is_ok());
        if clients.len() >= MAX_EVENT_CLIENTS {
            drop(clients);
            return plain(rq, 503, "Too many live-reload connections.\n");
        }
        clients.push(tx);
    }
    let current = shared.current_error();
    std::thread::spawn(move || stream(rq, &rx, current, private_ok));
}

/// Write the event stream of one connection until its tab goes away.
fn stream(
    rq: tiny_http::Request,
    rx: &mpsc::Receiver<Event>,
    current: Option<Arc<str>>,
    private_ok: bool,
) {
    let mut w = rq.into_writer();
    let head = "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream; charset=utf-8\r\nCache-Control: no-store\r\nConnection: close\r\nX-Accel-Buffering: no\r\n\r\nretry: 1000\n\n";
    if w.write_all(head.as_bytes())
        .and_then(|_| w.flush())
        .is_err()
    {
        return;
    }
    let shown = |ev: Event| match ev {
        Event::Error(_) if !private_ok => Event::Error(Arc::from(PRIVATE_ERROR)),
        ev => ev,
    };
    if let Some(e) = current
        && send_event(&mut w, &shown(Event::Error(e))).is_err()
    {
        return;
    }
    loop {
        let res = match rx.recv_timeout(Duration::from_secs(15)) {
            Ok(ev) => send_event(&mut w, &shown(ev)),
            Err(mpsc::RecvTimeoutError::Timeout) => {
                w.write_all(b": ping\n\n").and_then(|_| w.flush())
            }
            Err(mpsc::RecvTimeoutError::Disconnected) => return,
        };
        if res.is_err() {
            return;
        }
    }
}

/// The wire form of an event.
pub(super) fn event_text(ev: &Event) -> String {
    match ev {
        Event::Ping => ": ping\n\n".to_string(),
        Event::Reload => "event: reload\ndata: reload\n\n".to_string(),
        Event::Error(text) => {
            let mut s = String::from("event: build-error\n");
            for line in text.split('\n') {
                s.push_str("data: ");
                s.push_str(line.trim_end_matches('\r'));
                s.push('\n');
            }
            s.push('\n');
            s
        }
    }
}

fn send_event(w: &mut dyn std::io::Write, ev: &Event) -> std::io::Result<()> {
    w.write_all(event_text(ev).as_bytes())?;
    w.flush()
}
