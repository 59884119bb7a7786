//! What `serve` adds to served HTML pages, and nothing else ever sees: the live-reload script
//! and the error overlay.
//!
//! The script listens to `/__warta/events` (see `http`): `reload` reloads the page, `overlay`
//! puts the build errors over it, and `hello` (sent on every connection) reloads the page when
//! the site was rebuilt while the connection was down. The overlay shows each error exactly as
//! the terminal does (`Diagnostic::render_human`), escaped.

use crate::diag::Diagnostic;

/// The path of the server-sent events endpoint.
pub const EVENTS_PATH: &str = "/__warta/events";

/// The id of the overlay element; the script replaces it when a new `overlay` event comes.
const OVERLAY_ID: &str = "warta-overlay";

/// Opens the event stream; on `reload` reloads, on `overlay` shows (or replaces) the overlay.
/// The first `hello` version is remembered so a reconnection after a rebuild reloads too.
const SCRIPT: &str = r#"<script>(function(){var v=null,es=new EventSource('/__warta/events');
es.addEventListener('hello',function(e){if(v!==null&&v!==e.data){location.reload();}v=e.data;});
es.addEventListener('reload',function(){location.reload();});
es.addEventListener('overlay',function(e){var o=document.getElementById('warta-overlay');
if(o){o.remove();}document.body.insertAdjacentHTML('beforeend',e.data);});})();</script>"#;

/// Styles scoped to the overlay, so neither the theme nor the overlay disturbs the other.
const STYLE: &str = "<style>#warta-overlay{position:fixed;inset:0;z-index:2147483647;\
overflow:auto;margin:0;padding:1.5rem;background:#1b1b1f;color:#f4f4f4;\
font:14px/1.5 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;text-align:left}\
#warta-overlay h2{margin:0 0 .25rem;font:bold 1.15rem/1.3 system-ui,sans-serif;color:#ff8a80}\
#warta-overlay p{margin:0 0 1rem;font:.95rem/1.4 system-ui,sans-serif;color:#ccc}\
#warta-overlay div{margin:0 0 1rem;padding:.75rem 1rem;background:#000;\
border-left:4px solid #ff5252}\
#warta-overlay pre{margin:0;font:inherit;color:#f4f4f4;white-space:pre;overflow-x:auto}\
#warta-overlay pre.m{white-space:pre-wrap;overflow-wrap:anywhere;font-weight:bold}\
#warta-overlay button{position:sticky;top:0;float:right;padding:.4rem .9rem;\
font:bold 1rem system-ui,sans-serif;color:#000;background:#fff;border:0;border-radius:4px;\
cursor:pointer}</style>";

/// The overlay shows this many errors; a broken template can make one per page.
const OVERLAY_ERRORS: usize = 50;

/// The overlay listing `errors` (rendered as on the terminal), as one HTML fragment.
pub fn overlay(errors: &[Diagnostic], still_serving: bool) -> String {
    let mut html = String::with_capacity(1024);
    html.push_str(&format!(
        "<div id=\"{OVERLAY_ID}\" role=\"alertdialog\" aria-modal=\"true\" \
         aria-labelledby=\"warta-overlay-title\">{STYLE}"
    ));
    html.push_str(
        "<button type=\"button\" onclick=\"this.parentNode.remove()\" \
         aria-label=\"Close\">Close ✕</button>",
    );
    let count = errors.len();
    let noun = if count == 1 { "error" } else { "errors" };
    html.push_str(&format!(
        "<h2 id=\"warta-overlay-title\">warta: the build failed with {count} {noun}</h2>"
    ));
    let note = if still_serving {
        "Close this box to see the last build that worked. Fix the file and save: this page reloads."
    } else {
        "There is no successful build to show yet. Fix the file and save: this page reloads."
    };
    html.push_str(&format!("<p>{note}</p>"));
    for d in errors.iter().take(OVERLAY_ERRORS) {
        html.push_str(&diagnostic(d));
    }
    if count > OVERLAY_ERRORS {
        html.push_str(&format!(
            "<p>… and {} more: the terminal shows them all.</p>",
            count - OVERLAY_ERRORS
        ));
    }
    html.push_str("</div>");
    html
}

/// One diagnostic as the terminal shows it: the message wraps, the snippet keeps its columns
/// so the caret stays under the fault.
fn diagnostic(d: &Diagnostic) -> String {
    let text = d.render_human();
    let (message, snippet) = text
        .trim_end()
        .split_once('\n')
        .unwrap_or((text.trim_end(), ""));
    let mut html = format!("<div><pre class=\"m\">{}</pre>", escape(message));
    if !snippet.is_empty() {
        html.push_str(&format!("<pre>{}</pre>", escape(snippet)));
    }
    html.push_str("</div>");
    html
}

/// A whole page for when no build has succeeded yet: only the overlay, and the script.
pub fn error_page(overlay: &str) -> Vec<u8> {
    let page = "<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
        <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
        <title>warta: build failed</title>\n</head>\n<body>\n</body>\n</html>\n";
    inject(page.as_bytes().to_vec(), Some(overlay))
}

/// `html` with the overlay (when there is one) and the reload script before its last
/// `</body>`, or at its end when it has none.
pub fn inject(html: Vec<u8>, overlay: Option<&str>) -> Vec<u8> {
    let mut addition = String::new();
    if let Some(o) = overlay {
        addition.push_str(o);
    }
    addition.push_str(SCRIPT);
    let at = find_body_end(&html).unwrap_or(html.len());
    let mut out = Vec::with_capacity(html.len() + addition.len());
    out.extend_from_slice(&html[..at]);
    out.extend_from_slice(addition.as_bytes());
    out.extend_from_slice(&html[at..]);
    out
}

/// The byte offset of the last `</body` (any case).
fn find_body_end(html: &[u8]) -> Option<usize> {
    const NEEDLE: &[u8] = b"</body";
    if html.len() < NEEDLE.len() {
        return None;
    }
    (0..=html.len() - NEEDLE.len())
        .rev()
        .find(|&i| html[i..i + NEEDLE.len()].eq_ignore_ascii_case(NEEDLE))
}

/// Text made safe to place between HTML tags or in a quoted attribute.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 8);
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diag::Position;

    #[test]
    fn script_goes_before_the_last_body_end_tag() {
        let html = b"<html><body><p>x</p></BODY></html>".to_vec();
        let out = String::from_utf8(inject(html, None)).unwrap();
        assert!(out.starts_with("<html><body><p>x</p><script>"));
        assert!(out.ends_with("</script></BODY></html>"));
        assert!(out.contains(EVENTS_PATH));
    }

    #[test]
    fn script_is_appended_when_there_is_no_body_end_tag() {
        let out = String::from_utf8(inject(b"<p>x".to_vec(), None)).unwrap();
        assert!(out.starts_with("<p>x<script>"));
    }

    #[test]
    fn overlay_shows_the_terminal_text_escaped() {
        let d = Diagnostic::error("yaml", "content/a.md", "expected <value> & \"more\"")
            .at(Some(Position {
                line: 2,
                column: 8,
                width: 1,
                source_line: "title: <script>".into(),
            }))
            .with_hint("quote it");
        let html = overlay(&[d], true);
        assert!(html.contains("content/a.md:2:8: expected &lt;value&gt; &amp; &quot;more&quot;"));
        assert!(html.contains("2 | title: &lt;script&gt;"));
        assert!(html.contains("= hint: quote it"));
        assert!(!html.contains("<script>"));
        assert!(html.contains("1 error</h2>"));
    }

    #[test]
    fn overlay_shows_the_first_errors_and_counts_the_rest() {
        let errors: Vec<Diagnostic> = (0..OVERLAY_ERRORS + 7)
            .map(|i| Diagnostic::error("template", format!("content/p{i}.md"), "broken"))
            .collect();
        let html = overlay(&errors, false);
        assert_eq!(html.matches("<pre class=\"m\">").count(), OVERLAY_ERRORS);
        assert!(html.contains("… and 7 more"));
        assert!(html.contains("57 errors</h2>"));
    }

    #[test]
    fn error_page_has_overlay_and_script() {
        let page = String::from_utf8(error_page("<div id=\"warta-overlay\"></div>")).unwrap();
        assert!(page.contains("<div id=\"warta-overlay\"></div><script>"));
        assert!(page.contains("</script></body>"));
    }
}
