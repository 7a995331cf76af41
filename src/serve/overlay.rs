//! The live-reload script added to every served HTML response (never to
//! files on disk): it reloads the page after a good rebuild and shows a
//! failed one's errors over the page.

/// The script added to every served HTML response (never to files on disk).
/// It renders build errors with `textContent` only.
const LIVE_SCRIPT: &str = r#"<script>/* heropath serve: live reload (only in the preview, never in built files) */
(function () {
  if (!window.EventSource) return;
  var id = "__heropath_overlay";
  var es = new EventSource("/__heropath/events");
  es.addEventListener("reload", function () { location.reload(); });
  es.addEventListener("build-error", function (e) {
    var box = document.getElementById(id);
    if (!box) {
      box = document.createElement("div");
      box.id = id;
      box.setAttribute("role", "alert");
      box.style.cssText = "position:fixed;inset:0;z-index:2147483647;overflow:auto;background:rgba(25,25,25,.95);color:#fff;padding:1.5em;font:14px/1.5 ui-monospace,monospace;text-align:left";
      var title = document.createElement("p");
      title.style.cssText = "font:bold 18px/1.4 system-ui,sans-serif;margin:0 0 .5em";
      title.textContent = "heropath could not build your last change. You are seeing the last good version.";
      var hide = document.createElement("button");
      hide.type = "button";
      hide.textContent = "Hide";
      hide.onclick = function () { box.remove(); };
      var pre = document.createElement("pre");
      pre.style.cssText = "white-space:pre-wrap;margin:1em 0 0";
      box.appendChild(title);
      box.appendChild(hide);
      box.appendChild(pre);
      (document.body || document.documentElement).appendChild(box);
    }
    box.querySelector("pre").textContent = e.data;
  });
})();
</script>
"#;

/// Add the live-reload script to an HTML document (before `</body>`).
pub fn inject(html: &[u8]) -> Vec<u8> {
    let lower = html.to_ascii_lowercase();
    let at = lower
        .windows(7)
        .rposition(|w| w == b"</body>")
        .unwrap_or(html.len());
    let mut out = Vec::with_capacity(html.len() + LIVE_SCRIPT.len());
    out.extend_from_slice(&html[..at]);
    out.extend_from_slice(LIVE_SCRIPT.as_bytes());
    out.extend_from_slice(&html[at..]);
    out
}
