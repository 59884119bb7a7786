//! The site's raw-HTML policy (`markdown.raw_html` in `site.yaml`), applied to one body:
//! under `deny`, an error for each line that holds HTML; under `sanitize`, ammonia's cleaning
//! plus what warta's Markdown itself writes, with iframes kept only from the allowed hosts,
//! sandboxed, and a warning for each one removed; under `allow`, nothing. Table alignment
//! becomes classes instead of inline styles under every policy.
//!
//! Links written in Markdown are not judged here (see `rewrite`): only raw HTML and the HTML
//! pulldown-cmark writes.

use crate::config::{HtmlPolicy, RawHtml};
use crate::content::Body;
use crate::diag::Code;
use crate::diag::{Diagnostic, Diagnostics, Position};
use crate::msg;

/// The error for raw HTML on a site that denies it, at `position` (its line).
pub(super) fn denied_html(html: &str, position: Position, body: &Body) -> Diagnostic {
    let shown = html_snippet(html);
    Diagnostic::error(
        Code::RawHtml,
        body.file.display.clone(),
        msg!("markdown-raw-html", html = shown),
    )
    .at(Some(position))
    .with_hint(msg!("markdown-raw-html-hint"))
}

/// The start of a piece of raw HTML, for messages: `<div class="x">`.
fn html_snippet(html: &str) -> String {
    let first = html.trim_start();
    let tag = first.find('>').map_or(first, |end| &first[..=end]);
    let shown: String = tag.chars().take(60).collect();
    if shown.len() < tag.len() {
        format!("{shown}…")
    } else {
        shown
    }
}

/// Whether an iframe `src` survives sanitizing: `https://` on one of the allowed hosts, the
/// host compared exactly (no port, no user, no other case).
fn iframe_allowed(src: &str, hosts: &[String]) -> bool {
    let host = src
        .strip_prefix("https://")
        .and_then(|rest| rest.split(['/', '?', '#']).next())
        .unwrap_or("");
    hosts.iter().any(|h| h == host)
}

/// Every `<iframe` in a piece of raw HTML: its offset there and its `src` (empty if none).
fn iframe_sources(html: &str) -> Vec<(usize, String)> {
    let lower = html.to_ascii_lowercase();
    let mut out = Vec::new();
    for (at, _) in lower.match_indices("<iframe") {
        let end = lower[at..].find('>').map_or(lower.len(), |e| at + e);
        let tag = &html[at..end];
        let tag_lower = &lower[at..end];
        let src = tag_lower
            .match_indices("src")
            .find(|(i, _)| tag_lower[..*i].ends_with(char::is_whitespace))
            .and_then(|(i, _)| {
                let rest = tag[i + 3..].trim_start().strip_prefix('=')?.trim_start();
                let value = match rest.chars().next()? {
                    q @ ('"' | '\'') => rest[1..].split(q).next()?,
                    _ => rest.split(|c: char| c.is_whitespace()).next()?,
                };
                Some(value.trim().to_string())
            })
            .unwrap_or_default();
        out.push((at, src));
    }
    out
}

/// Warns, under `raw_html: sanitize`, about each iframe the sanitizer will remove, so that an
/// embed never disappears without a word.
pub(super) fn dropped_iframes(
    html: &str,
    offset: usize,
    body: &Body,
    policy: &HtmlPolicy,
    diags: &mut Diagnostics,
) {
    if policy.mode != RawHtml::Sanitize {
        return;
    }
    for (at, src) in iframe_sources(html) {
        if iframe_allowed(&src, &policy.iframe_hosts) {
            continue;
        }
        diags.push(
            Diagnostic::warning(
                Code::RawHtml,
                body.file.display.clone(),
                msg!("markdown-iframe-removed", src = format!("{src:?}")),
            )
            .at(Some(body.file.position(offset + at, "<iframe".len())))
            .with_hint(if policy.iframe_hosts.is_empty() {
                msg!("markdown-iframe-removed-no-hosts-hint")
            } else {
                msg!(
                    "markdown-iframe-removed-hint",
                    hosts = policy.iframe_hosts.join(", ")
                )
            }),
        );
    }
}

/// Removes the iframes left without `src` (ammonia drops a refused `src`, not the element).
/// Works on ammonia's output, where text holds no raw `<` and every attribute value is
/// double-quoted without a raw `"`; an iframe's content runs to its `</iframe>` either way.
fn drop_empty_iframes(html: String) -> String {
    if !html.contains("<iframe") {
        return html;
    }
    let mut out = String::with_capacity(html.len());
    let mut copied = 0;
    let mut at = 0;
    while let Some(lt) = html[at..].find('<') {
        let start = at + lt;
        let mut end = start + 1;
        let mut quoted = false;
        for (i, c) in html[start + 1..].char_indices() {
            end = start + 1 + i;
            match c {
                '"' => quoted = !quoted,
                '>' if !quoted => break,
                _ => {}
            }
        }
        let tag = &html[start..=end.min(html.len() - 1)];
        if !(tag.starts_with("<iframe ") || tag.starts_with("<iframe>")) {
            at = end + 1;
            continue;
        }
        let close = html[end..]
            .find("</iframe>")
            .map_or(html.len(), |e| end + e + "</iframe>".len());
        if !tag.contains(" src=\"") {
            out.push_str(&html[copied..start]);
            copied = close;
        }
        at = close;
    }
    out.push_str(&html[copied..]);
    out
}

/// Cleans rendered HTML: ammonia's safe defaults, plus what warta's Markdown emits (heading
/// ids, footnotes, task-list checkboxes) and iframes from the allowed hosts only, sandboxed.
pub(super) fn sanitize(html: &str, iframe_hosts: &[String]) -> String {
    let hosts: Vec<String> = iframe_hosts.to_vec();
    let mut builder = ammonia::Builder::default();
    builder
        .add_generic_attributes(["id", "class"])
        .add_tags([
            "input",
            "iframe",
            "figure",
            "figcaption",
            "details",
            "summary",
            "picture",
            "source",
        ])
        .add_tag_attributes("input", ["type", "checked", "disabled"])
        // Responsive images (`<picture>` written for processed photos).
        .add_tag_attributes("source", ["type", "srcset", "sizes"])
        .add_tag_attributes(
            "img",
            ["srcset", "sizes", "loading", "decoding", "fetchpriority"],
        )
        .add_tag_attributes(
            "iframe",
            [
                "src",
                "title",
                "width",
                "height",
                "allowfullscreen",
                "loading",
            ],
        )
        .add_tag_attributes("th", ["style"])
        .add_tag_attributes("td", ["style"])
        .url_schemes(["http", "https", "mailto", "tel"].into_iter().collect())
        .link_rel(Some("noopener noreferrer"))
        .attribute_filter(
            move |element, attribute, value| match (element, attribute) {
                ("iframe", "src") => iframe_allowed(value, &hosts).then(|| value.into()),
                ("input", "type") => (value == "checkbox").then(|| value.into()),
                // Every candidate of a srcset is a URL: only this site's or HTTPS ones.
                ("img" | "source", "srcset") => value
                    .split(',')
                    .all(|candidate| {
                        let url = candidate.trim();
                        (url.starts_with('/') && !url.starts_with("//"))
                            || url.starts_with("https://")
                    })
                    .then(|| value.into()),
                ("th" | "td", "style") => value.starts_with("text-align: ").then(|| value.into()),
                _ => Some(value.into()),
            },
        );
    // An embedded player needs its scripts and its own origin (for its cookies), and may go
    // full screen; it may not navigate the page, open pop-ups or submit forms.
    builder.set_tag_attribute_value(
        "iframe",
        "sandbox",
        "allow-scripts allow-same-origin allow-presentation",
    );
    drop_empty_iframes(builder.clean(html).to_string())
}

/// `style="text-align: center"` on table cells → `class="align-center"`, so pages need no
/// inline styles (a strict Content-Security-Policy forbids them).
pub(super) fn alignment_classes(html: &str) -> String {
    html.replace(" style=\"text-align: left\"", " class=\"align-left\"")
        .replace(" style=\"text-align: center\"", " class=\"align-center\"")
        .replace(" style=\"text-align: right\"", " class=\"align-right\"")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dropping_empty_iframes_leaves_everything_else() {
        let html = r#"<p title="<iframe a>">x</p><iframe title="t"><iframe src="y"></iframe><p>kept</p><iframe src="https://a/" sandbox="s">t</iframe>"#;
        assert_eq!(
            drop_empty_iframes(html.to_string()),
            r#"<p title="<iframe a>">x</p><p>kept</p><iframe src="https://a/" sandbox="s">t</iframe>"#
        );
        assert_eq!(drop_empty_iframes("<iframe>".into()), "");
    }
}
