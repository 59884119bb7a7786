//! What `serve` adds to served HTML pages, and nothing else ever sees: the live-reload script
//! and the error overlay.
//!
//! The script listens to `/__warta/events` (see `http`): `reload` reloads the page, `overlay`
//! puts the build errors over it, and `hello` (sent on every connection) reloads the page when
//! the site was rebuilt while the connection was down. The overlay shows each error exactly as
//! the terminal does (`Diagnostic::render`), escaped, in the editor's language.

use crate::diag::Diagnostic;
use crate::i18n::Lang;
use crate::msg;

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

/// The overlay listing `errors` (rendered as on the terminal), as one HTML fragment in `lang`.
pub fn overlay(errors: &[Diagnostic], still_serving: bool, lang: Lang) -> String {
    let mut html = String::with_capacity(1024);
    let code = lang.code();
    html.push_str(&format!(
        "<div id=\"{OVERLAY_ID}\" lang=\"{code}\" role=\"alertdialog\" aria-modal=\"true\" \
         aria-labelledby=\"warta-overlay-title\">{STYLE}"
    ));
    let close = escape(&msg!("serve-overlay-close").render(lang));
    html.push_str(&format!(
        "<button type=\"button\" onclick=\"this.parentNode.remove()\" \
         aria-label=\"{close}\">{close} ✕</button>"
    ));
    let count = errors.len();
    let title = escape(&msg!("serve-overlay-title", count).render(lang));
    html.push_str(&format!("<h2 id=\"warta-overlay-title\">{title}</h2>"));
    let note = if still_serving {
        msg!("serve-overlay-still-serving")
    } else {
        msg!("serve-overlay-nothing-yet")
    };
    html.push_str(&format!("<p>{}</p>", escape(&note.render(lang))));
    for d in errors.iter().take(OVERLAY_ERRORS) {
        html.push_str(&diagnostic(d, lang));
    }
    if count > OVERLAY_ERRORS {
        let more = msg!("serve-overlay-more", count = count - OVERLAY_ERRORS);
        html.push_str(&format!("<p>{}</p>", escape(&more.render(lang))));
    }
    html.push_str("</div>");
    html
}

/// One diagnostic as the terminal shows it: the message wraps, the snippet keeps its columns
/// so the caret stays under the fault.
fn diagnostic(d: &Diagnostic, lang: Lang) -> String {
    let text = d.render(lang);
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

/// A whole page for when no build has succeeded yet: only the overlay, and the script, in the
/// overlay's language.
pub fn error_page(overlay: &str) -> Vec<u8> {
    let lang = overlay_lang(overlay);
    let code = lang.code();
    let title = escape(&msg!("serve-error-page-title").render(lang));
    let page = format!(
        "<!doctype html>\n<html lang=\"{code}\">\n<head>\n<meta charset=\"utf-8\">\n\
        <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
        <title>{title}</title>\n</head>\n<body>\n</body>\n</html>\n"
    );
    inject(page.into_bytes(), Some(overlay))
}

/// The language an overlay was written in (its `lang` attribute), English for none.
fn overlay_lang(overlay: &str) -> Lang {
    Lang::ALL
        .into_iter()
        .find(|l| overlay.contains(&format!("id=\"{OVERLAY_ID}\" lang=\"{}\"", l.code())))
        .unwrap_or_default()
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
    use crate::diag::{Code, Diagnostics, Position};

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
        // Text from the file (`<value> & "more"`) inside the message must stay text.
        let d = Diagnostic::error(
            Code::Link,
            "content/a.md",
            msg!("link-broken", path = "<value> & \"more\""),
        )
        .at(Some(Position {
            line: 2,
            column: 8,
            width: 1,
            source_line: "title: <script>".into(),
        }))
        .with_hint(msg!("frontmatter-write", text = "<b>"));
        let html = overlay(&[d], true, Lang::En);
        assert!(html.contains(
            "content/a.md:2:8: broken link: nothing is published at &lt;value&gt; &amp; &quot;more&quot;"
        ));
        assert!(html.contains("2 | title: &lt;script&gt;"));
        assert!(html.contains("= hint: write `&lt;b&gt;`"));
        assert!(!html.contains("<script>"));
        assert!(html.contains("1 error</h2>"));
    }

    #[test]
    fn overlay_shows_the_first_errors_and_counts_the_rest() {
        let errors: Diagnostics = (0..OVERLAY_ERRORS + 7)
            .map(|i| {
                Diagnostic::error(
                    Code::Link,
                    format!("content/p{i}.md"),
                    msg!("link-broken", path = "/"),
                )
            })
            .collect();
        let html = overlay(&errors, false, Lang::En);
        assert_eq!(html.matches("<pre class=\"m\">").count(), OVERLAY_ERRORS);
        assert!(html.contains("… and 7 more"));
        assert!(html.contains("57 errors</h2>"));
    }

    /// An editor whose computer speaks Indonesian reads the overlay in Indonesian; the
    /// `error:` prefix and the position stay as the terminal prints them.
    #[test]
    fn overlay_speaks_the_editors_language() {
        let d = Diagnostic::error(
            Code::Link,
            "content/a.md",
            msg!("link-broken", path = "/x/"),
        );
        let html = overlay(&[d], true, Lang::Id);
        assert!(html.contains("lang=\"id\""), "{html}");
        assert!(
            html.contains("aria-label=\"Tutup\">Tutup ✕</button>"),
            "{html}"
        );
        assert!(
            html.contains(">warta: build gagal, 1 kesalahan</h2>"),
            "{html}"
        );
        assert!(
            html.contains("error: content/a.md: tautan rusak: tidak ada yang diterbitkan di /x/"),
            "{html}"
        );
        let page = String::from_utf8(error_page(&html)).unwrap_or_default();
        assert!(page.contains("<html lang=\"id\">"), "{page}");
        assert!(page.contains("<title>warta: build gagal</title>"), "{page}");
    }

    #[test]
    fn error_page_has_overlay_and_script() {
        let page = String::from_utf8(error_page("<div id=\"warta-overlay\"></div>")).unwrap();
        assert!(page.contains("<div id=\"warta-overlay\"></div><script>"));
        assert!(page.contains("</script></body>"));
    }
}
