//! Markdown → HTML with pulldown-cmark: heading ids, a table of contents, a plain-text summary,
//! and links to other content files rewritten to the target page's URL in the same language.
//!
//! [`render`] takes one body and a [`Links`] view of the content graph; it does no I/O and
//! reports broken links as diagnostics at their line and column in the Markdown file. Links to
//! files with spaces in their names work as editors write them: `[x](@/berita/a b.md)` (see
//! `link_repair`), `[x](<@/berita/a b.md>)` and `[x](@/berita/a%20b.md)`; an `@/` link that
//! Markdown cannot read is an error, never text on the page.

use std::collections::HashMap;

use pulldown_cmark::{CowStr, Event, HeadingLevel, Options, Parser, Tag, TagEnd};
use serde::Serialize;

use crate::config::{HtmlPolicy, RawHtml};
use crate::content::slug::slugify;
use crate::content::{Body, ContentGraph, Page};
use crate::diag::{Diagnostic, did_you_mean};
use crate::i18n::Message;
use crate::msg;
use crate::source::join_rel;

/// One entry of a page's table of contents.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TocEntry {
    pub level: u8,
    pub id: String,
    pub title: String,
}

/// A rendered body.
#[derive(Debug, Clone, Default)]
pub struct Rendered {
    pub html: String,
    pub toc: Vec<TocEntry>,
    /// Plain text of the first paragraph, cut at a word boundary.
    pub first_paragraph: String,
    /// Every heading id, for `#anchor` checks.
    pub anchors: Vec<String>,
    /// Root-relative links of the body (after rewriting), with where they were written, so
    /// that targets and `#anchors` can be checked against the rendered site.
    pub links: Vec<LinkRef>,
    /// Raster images of `content/` the body shows or links, for image processing.
    pub images: Vec<crate::images::Reference>,
    /// The `content/`-relative paths of the files (not pages) the body links or shows: only
    /// those are published.
    pub files: Vec<String>,
}

/// A link from Markdown to a page of this site.
#[derive(Debug, Clone)]
pub struct LinkRef {
    /// Root-relative URL, possibly with `#fragment`: `/panduan/cara/#langkah-2`.
    pub url: String,
    pub position: crate::diag::Position,
}

/// What a body may link to, and what raw HTML it may hold.
pub struct Links<'a> {
    pub graph: &'a ContentGraph,
    pub languages: &'a [String],
    pub default_language: &'a str,
    pub html: &'a HtmlPolicy,
    /// The site's raster images: shown ones become `<picture>`.
    pub images: &'a crate::images::Catalog,
}

/// An image being read (from its start to its end event).
struct ImageState<'c> {
    /// Offset of the image in the body, destination and title as written, alt text so far.
    start: usize,
    dest: String,
    title: String,
    alt: String,
    /// The processed photo it shows, written as `<picture>` at its end.
    photo: Option<&'c crate::images::Photo>,
    /// Images inside its alt text (only their text counts).
    nested: usize,
}

/// Where a body lives, to resolve its relative links.
pub struct Context<'a> {
    pub lang: &'a str,
    /// The URL of the page the body belongs to, for same-page `#anchor` links.
    pub url: &'a str,
    /// The `content/`-relative folder of the file: `berita`, or `` at the root.
    pub dir: &'a str,
}

pub fn options() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_HEADING_ATTRIBUTES
        | Options::ENABLE_SMART_PUNCTUATION
}

const SUMMARY_CHARS: usize = 200;

/// Renders a page's body, its links resolved from the page's folder and language.
pub fn render_page(page: &Page, links: &Links<'_>) -> (Rendered, Vec<Diagnostic>) {
    let dir = page.key.rsplit_once('/').map_or("", |(d, _)| d);
    let cx = Context {
        lang: &page.lang,
        url: &page.url,
        dir,
    };
    render(&page.body, &cx, links)
}

/// Renders `body`; broken links come back as diagnostics beside the HTML.
pub fn render(body: &Body, cx: &Context<'_>, links: &Links<'_>) -> (Rendered, Vec<Diagnostic>) {
    let source = body.file.text.get(body.start..).unwrap_or("");
    let repaired = repair_spaced_links(source, cx, links);
    let text: &str = &repaired.text;
    // Text as Markdown left it (outside code blocks), in offsets of `source`: an `@/` link in
    // it was not read as a link.
    let mut plain: Vec<std::ops::Range<usize>> = Vec::new();
    let mut code_blocks = 0usize;
    let mut diags = Vec::new();
    let mut events: Vec<Event<'_>> = Vec::with_capacity(text.len() / 16);
    let mut rendered = Rendered::default();
    let mut used_ids: HashMap<String, usize> = HashMap::new();
    // Heading being buffered: its index in `events`, level, and text.
    let mut heading: Option<(usize, HeadingLevel, String)> = None;
    let mut paragraph_depth = 0usize;
    let mut first_paragraph_done = false;
    let mut first_paragraph = String::new();
    let mut raw_html = false;
    let mut denied_lines = std::collections::HashSet::new();
    let mut image: Option<ImageState<'_>> = None;

    for (event, range) in Parser::new_ext(text, options()).into_offset_iter() {
        let range = repaired.original(range.start)..repaired.original(range.end);
        match &event {
            Event::Start(Tag::CodeBlock(_)) => code_blocks += 1,
            Event::End(TagEnd::CodeBlock) => code_blocks = code_blocks.saturating_sub(1),
            Event::Text(_) if code_blocks == 0 => plain.push(range.clone()),
            _ => {}
        }
        // Inside an image: nested images are alt text; inside a `<picture>`, only text counts.
        if let Some(state) = &mut image {
            let plain = state.photo.is_none();
            match &event {
                Event::Start(Tag::Image { .. }) => {
                    state.nested += 1;
                    if plain {
                        events.push(event);
                    }
                    continue;
                }
                Event::End(TagEnd::Image) if state.nested > 0 => {
                    state.nested -= 1;
                    if plain {
                        events.push(event);
                    }
                    continue;
                }
                Event::End(TagEnd::Image) | Event::Text(_) | Event::Code(_) => {}
                _ if !plain => continue,
                _ => {}
            }
        }
        match event {
            Event::Start(Tag::Heading {
                level,
                id,
                classes,
                attrs,
            }) => {
                heading = Some((events.len(), level, String::new()));
                events.push(Event::Start(Tag::Heading {
                    level,
                    id,
                    classes,
                    attrs,
                }));
            }
            Event::End(TagEnd::Heading(level)) => {
                if let Some((start, _, title)) = heading.take() {
                    let title = title.trim().to_string();
                    if let Event::Start(Tag::Heading { id, .. }) = &mut events[start] {
                        let base = match id {
                            Some(explicit) => explicit.to_string(),
                            None => {
                                let s = slugify(&title);
                                if s.is_empty() {
                                    "section".to_string()
                                } else {
                                    s
                                }
                            }
                        };
                        let n = used_ids.entry(base.clone()).or_insert(0);
                        let unique = if *n == 0 {
                            base.clone()
                        } else {
                            format!("{base}-{n}")
                        };
                        *n += 1;
                        *id = Some(CowStr::from(unique.clone()));
                        if matches!(level, HeadingLevel::H2 | HeadingLevel::H3) {
                            rendered.toc.push(TocEntry {
                                level: level as u8,
                                id: unique.clone(),
                                title,
                            });
                        }
                        rendered.anchors.push(unique);
                    }
                }
                events.push(Event::End(TagEnd::Heading(level)));
            }
            Event::Start(Tag::Paragraph) => {
                paragraph_depth += 1;
                events.push(Event::Start(Tag::Paragraph));
            }
            Event::End(TagEnd::Paragraph) => {
                paragraph_depth = paragraph_depth.saturating_sub(1);
                if !first_paragraph.trim().is_empty() {
                    first_paragraph_done = true;
                }
                events.push(Event::End(TagEnd::Paragraph));
            }
            Event::End(TagEnd::Image) => {
                let Some(state) = image.take() else {
                    events.push(Event::End(TagEnd::Image));
                    continue;
                };
                let decorative = state.title == "decorative";
                if state.alt.trim().is_empty() && !decorative {
                    diags.push(
                        Diagnostic::error(
                            "image-alt",
                            body.file.display.clone(),
                            msg!("markdown-image-no-alt", image = state.dest.as_str()),
                        )
                        .at(Some(link_position(body, state.start, &state.dest)))
                        .with_hint(msg!("markdown-image-no-alt-hint")),
                    );
                }
                match state.photo {
                    Some(photo) => {
                        let alt = if decorative { "" } else { state.alt.trim() };
                        let title = (!decorative).then_some(state.title.as_str());
                        events.push(Event::InlineHtml(CowStr::from(
                            photo.picture(alt, title, false),
                        )));
                    }
                    None => events.push(Event::End(TagEnd::Image)),
                }
            }
            Event::Text(t) | Event::Code(t) => {
                let in_picture = match &mut image {
                    Some(state) => {
                        state.alt.push_str(&t);
                        state.photo.is_some()
                    }
                    None => false,
                };
                if let Some((_, _, title)) = &mut heading {
                    title.push_str(&t);
                }
                if paragraph_depth > 0
                    && !first_paragraph_done
                    && first_paragraph.len() < SUMMARY_CHARS * 4
                {
                    first_paragraph.push_str(&t);
                }
                if !in_picture {
                    events.push(Event::Text(t));
                }
            }
            Event::SoftBreak | Event::HardBreak if paragraph_depth > 0 && !first_paragraph_done => {
                first_paragraph.push(' ');
                events.push(event);
            }
            Event::Start(Tag::Link {
                link_type,
                dest_url,
                title,
                id,
            }) => {
                let mut dest = rewrite(&dest_url, cx, links).unwrap_or_else(|problem| {
                    diags.push(problem.into_diagnostic(body, range.start, &dest_url));
                    dest_url.to_string()
                });
                if links.html.mode != RawHtml::Allow && !safe_scheme(&dest) {
                    diags.push(
                        Diagnostic::error(
                            "unsafe-link",
                            body.file.display.clone(),
                            msg!("markdown-unsafe-link", link = &*dest_url),
                        )
                        .at(Some(link_position(body, range.start, &dest_url)))
                        .with_hint(msg!("markdown-unsafe-link-hint")),
                    );
                    dest = "#".to_string();
                }
                let internal = if dest.starts_with('#') {
                    Some(format!("{}{dest}", cx.url))
                } else if dest.starts_with('/') && !dest.starts_with("//") {
                    Some(dest.clone())
                } else {
                    None
                };
                if let Some(url) = internal {
                    rendered.links.push(LinkRef {
                        url,
                        position: link_position(body, range.start, &dest_url),
                    });
                }
                // A linked file is published; a linked image (processed or not) as its clean
                // original, or as it is when warta cannot read it.
                if let Some(rel) = content_rel(&dest_url, cx, links) {
                    if links.images.get(&rel).is_some() {
                        rendered.images.push(crate::images::Reference {
                            rel: rel.clone(),
                            file: body.file.display.clone(),
                            position: Some(link_position(body, range.start, &dest_url)),
                            usage: crate::images::Usage::Linked,
                        });
                    }
                    rendered.files.push(rel);
                }
                if dest.starts_with("https://") || dest.starts_with("http://") {
                    // Other sites get neither a handle on this tab nor the reader's address.
                    let mut tag = String::from("<a href=\"");
                    let _ = pulldown_cmark_escape::escape_href(&mut tag, &dest);
                    tag.push_str("\" rel=\"noopener noreferrer\"");
                    if !title.is_empty() {
                        tag.push_str(" title=\"");
                        let _ = pulldown_cmark_escape::escape_html(&mut tag, &title);
                        tag.push('"');
                    }
                    tag.push('>');
                    events.push(Event::InlineHtml(CowStr::from(tag)));
                    continue;
                }
                events.push(Event::Start(Tag::Link {
                    link_type,
                    dest_url: CowStr::from(dest),
                    title,
                    id,
                }));
            }
            Event::Start(Tag::Image {
                link_type,
                dest_url,
                title,
                id,
            }) => {
                let dest = rewrite(&dest_url, cx, links).unwrap_or_else(|problem| {
                    diags.push(problem.into_diagnostic(body, range.start, &dest_url));
                    dest_url.to_string()
                });
                let position = || link_position(body, range.start, &dest_url);
                let mut photo = None;
                let rel = content_rel(&dest_url, cx, links);
                if let Some(rel) = &rel {
                    rendered.files.push(rel.clone());
                }
                if let Some(rel) = rel
                    && let Some(entry) = links.images.get(&rel)
                {
                    match entry {
                        Ok(p) => photo = Some(p),
                        Err(broken) => diags.push(
                            Diagnostic::error(
                                "image",
                                body.file.display.clone(),
                                broken.message.clone(),
                            )
                            .at(Some(position()))
                            .with_hint(broken.hint.clone()),
                        ),
                    }
                    rendered.images.push(crate::images::Reference {
                        rel,
                        file: body.file.display.clone(),
                        position: Some(position()),
                        usage: crate::images::Usage::Shown,
                    });
                }
                image = Some(ImageState {
                    start: range.start,
                    dest: dest_url.to_string(),
                    title: title.to_string(),
                    alt: String::new(),
                    photo,
                    nested: 0,
                });
                if photo.is_none() {
                    // The title `decorative` only marks an empty alt text on purpose.
                    let title = if &*title == "decorative" {
                        CowStr::from("")
                    } else {
                        title
                    };
                    events.push(Event::Start(Tag::Image {
                        link_type,
                        dest_url: CowStr::from(dest),
                        title,
                        id,
                    }));
                }
            }
            Event::Html(h) | Event::InlineHtml(h) if links.html.mode == RawHtml::Deny => {
                let line = body
                    .file
                    .position(body.start + range.start, h.len().min(80));
                if denied_lines.insert(line.line) {
                    let shown = html_snippet(&h);
                    diags.push(
                        Diagnostic::error(
                            "raw-html",
                            body.file.display.clone(),
                            msg!("markdown-raw-html", html = shown),
                        )
                        .at(Some(line))
                        .with_hint(msg!("markdown-raw-html-hint")),
                    );
                }
            }
            Event::Html(h) => {
                raw_html = true;
                dropped_iframes(&h, body.start + range.start, body, links.html, &mut diags);
                events.push(Event::Html(h));
            }
            Event::InlineHtml(h) => {
                raw_html = true;
                dropped_iframes(&h, body.start + range.start, body, links.html, &mut diags);
                events.push(Event::InlineHtml(h));
            }
            other => events.push(other),
        }
    }

    for at in crate::link_repair::unread_links(source, &plain) {
        let written = crate::link_repair::rewritten_at(source, at);
        let line_rest = source[at..].find('\n').unwrap_or(source.len() - at);
        let position = body.file.position(body.start + at, line_rest);
        diags.push(
            Diagnostic::error(
                "link",
                body.file.display.clone(),
                msg!("markdown-unreadable-link"),
            )
            .at(Some(position))
            .with_hint(msg!("markdown-unreadable-link-hint", written)),
        );
    }

    let mut html = String::with_capacity(text.len() + text.len() / 2);
    pulldown_cmark::html::push_html(&mut html, events.into_iter());
    if raw_html && links.html.mode == RawHtml::Sanitize {
        // Only bodies that hold HTML pay for cleaning (ammonia is several times slower than
        // rendering Markdown).
        html = sanitize(&html, &links.html.iframe_hosts);
    }
    if html.contains(" style=\"text-align: ") {
        html = alignment_classes(&html);
    }
    rendered.html = html;
    rendered.first_paragraph = cut_at_word(first_paragraph.trim(), SUMMARY_CHARS);
    (rendered, diags)
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
fn dropped_iframes(
    html: &str,
    offset: usize,
    body: &Body,
    policy: &HtmlPolicy,
    diags: &mut Vec<Diagnostic>,
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
                "raw-html",
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
fn sanitize(html: &str, iframe_hosts: &[String]) -> String {
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
fn alignment_classes(html: &str) -> String {
    html.replace(" style=\"text-align: left\"", " class=\"align-left\"")
        .replace(" style=\"text-align: center\"", " class=\"align-center\"")
        .replace(" style=\"text-align: right\"", " class=\"align-right\"")
}

/// Text cut to at most `max` characters at a word boundary, with an ellipsis when cut.
pub fn cut_at_word(text: &str, max: usize) -> String {
    let collapsed: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if collapsed.chars().count() <= max {
        return collapsed;
    }
    let cut: String = collapsed.chars().take(max).collect();
    let at = cut.rfind(' ').unwrap_or(cut.len());
    format!("{}…", cut[..at].trim_end_matches([',', '.', ';', ':']))
}

enum LinkProblem {
    Missing { target: String, hint: Message },
    Unpublished { target: String, why: Message },
    Escapes,
}

/// The position of a link's destination inside `[text](dest)`, or of the link itself.
fn link_position(body: &Body, offset_in_body: usize, dest: &str) -> crate::diag::Position {
    let offset = body.start + offset_in_body;
    let file = &body.file;
    let search_end = (offset + 4096).min(file.text.len());
    let at = file
        .text
        .get(offset..search_end)
        .and_then(|s| s.find(dest))
        .map_or(offset, |i| offset + i);
    file.position(at, dest.len())
}

impl LinkProblem {
    fn into_diagnostic(self, body: &Body, offset_in_body: usize, dest: &str) -> Diagnostic {
        let file = &body.file;
        let position = Some(link_position(body, offset_in_body, dest));
        match self {
            LinkProblem::Missing { target, hint } => Diagnostic::error(
                "link",
                file.display.clone(),
                msg!("markdown-link-missing", target),
            )
            .at(position)
            .with_hint(hint),
            LinkProblem::Unpublished { target, why } => Diagnostic::error(
                "link",
                file.display.clone(),
                msg!("markdown-link-unpublished", target).arg_message("why", why),
            )
            .at(position)
            .with_hint(msg!("markdown-link-unpublished-hint")),
            LinkProblem::Escapes => Diagnostic::error(
                "link",
                file.display.clone(),
                msg!("markdown-link-escapes", link = dest),
            )
            .at(position)
            .with_hint(msg!("markdown-link-escapes-hint")),
        }
    }
}

/// The URL a Markdown link destination stands for, or why it is broken.
fn rewrite(dest: &str, cx: &Context<'_>, links: &Links<'_>) -> Result<String, LinkProblem> {
    let (path, fragment) = match dest.find(['#', '?']) {
        Some(i) => dest.split_at(i),
        None => (dest, ""),
    };
    let content_path = if let Some(p) = path.strip_prefix("@/") {
        p.to_string()
    } else if path.is_empty() || path.starts_with('/') || path.starts_with("//") || has_scheme(path)
    {
        return Ok(dest.to_string());
    } else {
        join_rel(cx.dir, path).ok_or(LinkProblem::Escapes)?
    };
    let content_path = known_path(content_path, links);
    if content_path.ends_with(".md") {
        let (key, lang) = key_and_lang(&content_path, links.languages);
        let lang = lang.unwrap_or(cx.lang);
        if let Some(urls) = links.graph.link_targets.get(&key) {
            let url = urls
                .get(lang)
                .or_else(|| urls.get(links.default_language))
                .or_else(|| urls.values().next());
            if let Some(url) = url {
                return Ok(format!("{url}{fragment}"));
            }
        }
        // The target's own front matter has errors, reported there: no second error here.
        if links.graph.failed(&key, None) {
            return Ok(dest.to_string());
        }
        if let Some(why) = links.graph.unpublished.get(&key) {
            return Err(LinkProblem::Unpublished {
                target: format!("content/{key}"),
                why: why.clone(),
            });
        }
        let near = did_you_mean(&key, links.graph.link_targets.keys().map(String::as_str));
        let hint = match near {
            Some(n) => msg!("markdown-did-you-mean", near = format!("@/{n}{fragment}")),
            None => msg!("markdown-link-page-hint"),
        };
        return Err(LinkProblem::Missing {
            target: format!("content/{key}"),
            hint,
        });
    }
    match links.graph.asset_urls.get(&content_path) {
        Some(url) => Ok(format!("{url}{fragment}")),
        None => {
            let near = crate::images::nearest_file(
                cx.dir,
                dest,
                links.graph.asset_urls.keys().map(String::as_str),
            );
            Err(LinkProblem::Missing {
                target: format!("content/{content_path}"),
                hint: match near {
                    Some(n) => msg!("markdown-did-you-mean", near = n),
                    None => msg!("markdown-link-file-hint"),
                },
            })
        }
    }
}

/// The `content/`-relative path of the file (not a page) a destination names: relative
/// (`foto.jpg`, `../x/f.png`, `Foto%20Kunjungan.jpg`), from the content root
/// (`@/berita/f.jpg`), or its published URL (`/berita/f.jpg`); `None` for pages, URLs, paths
/// leaving `content/` and files that do not exist.
fn content_rel(dest: &str, cx: &Context<'_>, links: &Links<'_>) -> Option<String> {
    let path = dest.split(['#', '?']).next().unwrap_or("");
    let rel = if let Some(p) = path.strip_prefix("@/") {
        p.to_string()
    } else if path.starts_with('/') && !path.starts_with("//") {
        let urls = &links.graph.asset_rels;
        let decoded = crate::source::percent_decode(path);
        return urls
            .get(path)
            .or_else(|| decoded.and_then(|d| urls.get(&d)))
            .cloned();
    } else if path.is_empty() || has_scheme(path) {
        return None;
    } else {
        join_rel(cx.dir, path)?
    };
    let rel = known_path(rel, links);
    links.graph.asset_urls.contains_key(&rel).then_some(rel)
}

/// A `content/`-relative path as written, or with its `%XX` escapes decoded when only that
/// names a file or page (`berita/Foto%20Kunjungan.jpg` → `berita/Foto Kunjungan.jpg`).
fn known_path(path: String, links: &Links<'_>) -> String {
    let exists = |p: &str| {
        if p.ends_with(".md") {
            let (key, _) = key_and_lang(p, links.languages);
            links.graph.link_targets.contains_key(&key)
                || links.graph.unpublished.contains_key(&key)
        } else {
            links.graph.asset_urls.contains_key(p)
        }
    };
    if exists(&path) {
        return path;
    }
    match crate::source::percent_decode(&path) {
        Some(decoded) if exists(&decoded) => decoded,
        _ => path,
    }
}

/// `source` with the addresses of links that name a file of the site but hold spaces
/// (`[x](@/berita/2024-11-22 Kunjungan.md)`, `![foto](Foto Kunjungan.jpg)`) wrapped in `<…>`,
/// so that Markdown reads them as links. Only addresses in plain text count (not in code).
fn repair_spaced_links<'t>(
    source: &'t str,
    cx: &Context<'_>,
    links: &Links<'_>,
) -> crate::link_repair::Repaired<'t> {
    use crate::link_repair::{Repaired, spaced_destinations, wrap};
    // `@/` links, files that exist, and relative paths that end in a file name (a missing
    // one is then reported as a broken link rather than shown as text).
    let names_a_file = |dest: &str| {
        let path = dest.split(['#', '?']).next().unwrap_or("");
        let file_name = path.rsplit('/').next().unwrap_or(path);
        let has_extension = file_name.rsplit_once('.').is_some_and(|(stem, ext)| {
            !stem.trim().is_empty()
                && (1..=5).contains(&ext.len())
                && ext.chars().all(|c| c.is_ascii_alphanumeric())
        });
        dest.starts_with("@/")
            || content_rel(dest, cx, links).is_some()
            || (has_extension && !has_scheme(path) && !path.starts_with('/'))
    };
    let candidates: Vec<_> = spaced_destinations(source)
        .into_iter()
        .filter(|r| names_a_file(&source[r.clone()]))
        .collect();
    if candidates.is_empty() {
        return Repaired::unchanged(source);
    }
    let mut code_blocks = 0usize;
    let mut plain = Vec::new();
    for (event, range) in Parser::new_ext(source, options()).into_offset_iter() {
        match event {
            Event::Start(Tag::CodeBlock(_)) => code_blocks += 1,
            Event::End(TagEnd::CodeBlock) => code_blocks = code_blocks.saturating_sub(1),
            Event::Text(_) if code_blocks == 0 => plain.push(range),
            _ => {}
        }
    }
    let confirmed: Vec<_> = candidates
        .into_iter()
        .filter(|r| plain.iter().any(|p| p.contains(&r.start)))
        .collect();
    wrap(source, &confirmed)
}

/// Whether a link's scheme (if any) is one a public site may use.
fn safe_scheme(dest: &str) -> bool {
    if !has_scheme(dest) {
        return true;
    }
    let scheme = dest.split(':').next().unwrap_or("").to_ascii_lowercase();
    matches!(scheme.as_str(), "http" | "https" | "mailto" | "tel")
}

fn has_scheme(path: &str) -> bool {
    match path.find(':') {
        Some(i) => {
            path[..i]
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'))
                && i > 0
        }
        None => false,
    }
}

/// `panduan/x.en.md` → (`panduan/x.md`, Some("en")).
fn key_and_lang<'l>(path: &str, languages: &'l [String]) -> (String, Option<&'l str>) {
    let stem = &path[..path.len() - 3];
    if let Some((name, suffix)) = stem.rsplit_once('.')
        && let Some(lang) = languages.iter().find(|l| *l == suffix)
    {
        return (format!("{name}.md"), Some(lang.as_str()));
    }
    (path.to_string(), None)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::SourceFile;
    use std::collections::BTreeMap;
    use std::sync::Arc;

    fn graph() -> ContentGraph {
        let mut g = ContentGraph::default();
        g.link_targets.insert(
            "panduan/cara.md".into(),
            BTreeMap::from([
                ("id".into(), "/panduan/cara/".into()),
                ("en".into(), "/en/guides/how/".into()),
            ]),
        );
        g.asset_urls
            .insert("berita/foto.jpg".into(), "/berita/foto.jpg".into());
        g.link_targets.insert(
            "berita/2024-11-22 Kunjungan Kerja.md".into(),
            BTreeMap::from([("id".into(), "/berita/kunjungan-kerja/".into())]),
        );
        for (rel, url) in [
            ("berita/Foto Kunjungan.jpg", "/berita/Foto Kunjungan.jpg"),
            ("berita/peta.pdf", "/berita/peta.pdf"),
        ] {
            g.asset_urls.insert(rel.into(), url.into());
            g.asset_rels.insert(url.into(), rel.into());
        }
        g
    }

    fn run(md: &str, lang: &str) -> (Rendered, Vec<Diagnostic>) {
        run_with(md, lang, RawHtml::Sanitize)
    }

    fn run_with(md: &str, lang: &str, mode: RawHtml) -> (Rendered, Vec<Diagnostic>) {
        let g = graph();
        let langs = vec!["id".to_string(), "en".to_string()];
        let policy = HtmlPolicy {
            mode,
            iframe_hosts: vec!["www.youtube-nocookie.com".into()],
        };
        let images = crate::images::Catalog::default();
        let links = Links {
            graph: &g,
            languages: &langs,
            default_language: "id",
            html: &policy,
            images: &images,
        };
        let head = "---\ntitle: x\n---\n";
        let body = Body {
            file: Arc::new(SourceFile::new(
                "content/berita/x.md",
                format!("{head}{md}"),
            )),
            start: head.len(),
        };
        render(
            &body,
            &Context {
                lang,
                url: "/berita/x/",
                dir: "berita",
            },
            &links,
        )
    }

    #[test]
    fn content_links_resolve_in_the_page_language() {
        let (r, d) = run(
            "[a](@/panduan/cara.md#langkah) [b](../panduan/cara.md) ![f](foto.jpg)\n",
            "en",
        );
        assert!(d.is_empty());
        assert!(
            r.html.contains(r#"href="/en/guides/how/#langkah""#),
            "{}",
            r.html
        );
        assert!(r.html.contains(r#"href="/en/guides/how/""#));
        assert!(r.html.contains(r#"src="/berita/foto.jpg""#));
    }

    #[test]
    fn links_to_names_with_spaces_resolve_as_written_escaped_or_in_angle_brackets() {
        let (r, d) = run(
            "[a](@/berita/2024-11-22 Kunjungan Kerja.md) [b](@/berita/2024-11-22%20Kunjungan%20Kerja.md#x) \
             [c](<@/berita/2024-11-22 Kunjungan Kerja.md> \"t\") [d](2024-11-22 Kunjungan Kerja.md)\n\n\
             [e](Foto Kunjungan.jpg) [f](Foto%20Kunjungan.jpg) [g](/berita/peta.pdf)\n",
            "id",
        );
        assert!(d.is_empty(), "{d:?}");
        assert_eq!(
            r.html.matches(r#"href="/berita/kunjungan-kerja/""#).count(),
            3,
            "{}",
            r.html
        );
        assert!(
            r.html.contains(r#"href="/berita/kunjungan-kerja/#x""#),
            "{}",
            r.html
        );
        assert_eq!(
            r.html
                .matches(r#"href="/berita/Foto%20Kunjungan.jpg""#)
                .count(),
            2
        );
        assert_eq!(
            r.files,
            [
                "berita/Foto Kunjungan.jpg",
                "berita/Foto Kunjungan.jpg",
                "berita/peta.pdf"
            ]
        );
    }

    #[test]
    fn an_at_link_markdown_cannot_read_is_an_error_and_offsets_stay_true() {
        // After a repaired link, positions still point into the file as written.
        let (_, d) = run(
            "[a](@/berita/2024-11-22 Kunjungan Kerja.md) [b](@/panduan/cra.md)\n\n[c](@/x\ny.md)\n\n`[d](@/x y.md)`\n",
            "id",
        );
        let found: Vec<_> = d
            .iter()
            .map(|d| {
                (
                    d.position.as_ref().map(|p| (p.line, p.column)),
                    d.message.as_str(),
                )
            })
            .collect();
        assert_eq!(found.len(), 2, "{found:?}");
        assert_eq!(found[0].0, Some((4, 49)));
        assert!(found[0].1.starts_with("broken link"), "{found:?}");
        assert_eq!(found[1].0, Some((6, 5)));
        assert!(found[1].1.contains("cannot be read"), "{found:?}");
    }

    #[test]
    fn broken_link_is_reported_at_its_line() {
        let (_, d) = run("text\n\nsee [x](@/panduan/cra.md)\n", "id");
        assert_eq!(d.len(), 1);
        let p = d[0].position.clone().map(|p| (p.line, p.column));
        assert_eq!(p, Some((6, 9)));
        assert_eq!(
            d[0].hint.as_deref(),
            Some("did you mean `@/panduan/cara.md`?")
        );
    }

    #[test]
    fn heading_ids_are_unique_and_listed_in_toc() {
        let (r, _) = run(
            "## Langkah 1\n\n## Langkah 1\n\n### Biaya {#biaya-resmi}\n",
            "id",
        );
        assert!(r.html.contains(r#"<h2 id="langkah-1">"#));
        assert!(r.html.contains(r#"<h2 id="langkah-1-1">"#));
        assert!(r.html.contains(r#"<h3 id="biaya-resmi">"#));
        assert_eq!(r.toc.len(), 3);
    }

    #[test]
    fn summary_is_first_paragraph_cut_at_a_word() {
        let long = "kata ".repeat(100);
        let (r, _) = run(&format!("# T\n\n{long}\n\nsecond"), "id");
        assert!(r.first_paragraph.ends_with('…'));
        assert!(r.first_paragraph.chars().count() <= 201);
    }

    /// Payloads from the usual XSS lists: none may survive as script, handler or bad URL.
    #[test]
    fn raw_html_is_sanitized() {
        let payloads = [
            "<script>alert(1)</script>",
            "<img src=x onerror=alert(1)>",
            "<a href=\"javascript:alert(1)\">x</a>",
            "<a href=\"data:text/html,<script>alert(1)</script>\">x</a>",
            "<svg onload=alert(1)>",
            "<iframe src=\"https://evil.example/\"></iframe>",
            "<div style=\"background:url(javascript:alert(1))\">x</div>",
            "<body onload=alert(1)>",
            "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
        ];
        for p in payloads {
            let (r, _) = run(&format!("para\n\n{p}\n"), "id");
            let lower = r.html.to_lowercase();
            for bad in [
                "<script",
                "onerror",
                "onload",
                "javascript:",
                "data:text",
                "evil.example",
                "<svg",
                "style=\"background",
            ] {
                assert!(!lower.contains(bad), "{p:?} left {bad:?} in {}", r.html);
            }
        }
        let (r, _) = run(
            "<iframe src=\"https://www.youtube-nocookie.com/embed/x\" title=\"Video\"></iframe>\n",
            "id",
        );
        assert!(
            r.html.contains("youtube-nocookie.com/embed/x"),
            "{}",
            r.html
        );
    }

    #[test]
    fn javascript_links_in_markdown_are_errors() {
        let (r, d) = run("[x](javascript:alert(1)) [y](JaVaScRiPt:alert(1))\n", "id");
        assert_eq!(d.len(), 2, "{d:?}");
        assert!(!r.html.to_lowercase().contains("javascript"), "{}", r.html);
    }

    #[test]
    fn raw_html_can_be_denied_or_allowed() {
        let (_, d) = run_with("a\n\n<div>x</div>\n", "id", RawHtml::Deny);
        assert_eq!(d.len(), 1);
        assert_eq!(d[0].position.as_ref().map(|p| p.line), Some(6));
        let (r, d) = run_with("<b onclick=\"x()\">b</b>\n", "id", RawHtml::Allow);
        assert!(d.is_empty() && r.html.contains("onclick"));
    }

    #[test]
    fn only_allowed_iframes_survive_sandboxed_and_the_rest_are_warned_about() {
        let md = "<iframe src=\"https://www.youtube-nocookie.com/embed/x\" allow=\"autoplay\" onload=\"x()\"></iframe>\n\n\
                  <iframe src=\"https://evil.example/\" title=\"t\">fallback</iframe>\n\n\
                  <IFRAME SRC=\"http://www.youtube-nocookie.com/embed/y\"></IFRAME>\n\n\
                  <iframe src=\"https://www.youtube-nocookie.com.evil.example/\"></iframe>\n\n\
                  <iframe srcdoc=\"<script>x()</script>\"></iframe>\n\n\
                  after\n";
        let (r, d) = run(md, "id");
        assert_eq!(
            r.html.matches("<iframe").count(),
            1,
            "only the allowed one: {}",
            r.html
        );
        assert!(r.html.contains(r#"<iframe src="https://www.youtube-nocookie.com/embed/x" sandbox="allow-scripts allow-same-origin allow-presentation"></iframe>"#), "{}", r.html);
        assert!(
            r.html.contains("<p>after</p>") && !r.html.contains("fallback"),
            "{}",
            r.html
        );
        let warned: Vec<(usize, &str)> = d
            .iter()
            .map(|d| {
                (
                    d.position.as_ref().map_or(0, |p| p.line),
                    d.message.as_str(),
                )
            })
            .collect();
        assert_eq!(warned.len(), 4, "{warned:#?}");
        assert!(d.iter().all(|d| !d.is_error() && d.code == "raw-html"));
        assert_eq!(warned[0].0, 6);
        assert!(warned[0].1.contains("\"https://evil.example/\" is removed"));
        assert!(
            warned[3].1.contains("(iframe) of \"\" is removed"),
            "{warned:?}"
        );
    }

    #[test]
    fn dropping_empty_iframes_leaves_everything_else() {
        let html = r#"<p title="<iframe a>">x</p><iframe title="t"><iframe src="y"></iframe><p>kept</p><iframe src="https://a/" sandbox="s">t</iframe>"#;
        assert_eq!(
            drop_empty_iframes(html.to_string()),
            r#"<p title="<iframe a>">x</p><p>kept</p><iframe src="https://a/" sandbox="s">t</iframe>"#
        );
        assert_eq!(drop_empty_iframes("<iframe>".into()), "");
    }

    #[test]
    fn denied_html_is_named_in_the_error() {
        let (_, d) = run_with(
            "Teks <span class=\"merah\">merah</span>.\n",
            "id",
            RawHtml::Deny,
        );
        assert_eq!(d.len(), 1, "{d:?}");
        assert_eq!(
            d[0].render_human().lines().next(),
            Some(
                "error: content/berita/x.md:4:6: the HTML `<span class=\"merah\">` written in the text is not allowed on this site"
            )
        );
    }

    #[test]
    fn external_links_get_rel_and_tables_no_inline_style() {
        let (r, _) = run(
            "[KP2MI](https://kp2mi.go.id/ \"situs\") [dalam](@/panduan/cara.md)\n\n| a | b |\n|:-:|--:|\n| 1 | 2 |\n",
            "id",
        );
        assert!(r.html.contains(r#"<a href="https://kp2mi.go.id/" rel="noopener noreferrer" title="situs">KP2MI</a>"#), "{}", r.html);
        assert!(r.html.contains(r#"<a href="/panduan/cara/">dalam</a>"#));
        assert!(
            r.html.contains(r#"<th class="align-center">"#) && !r.html.contains("style="),
            "{}",
            r.html
        );
    }

    #[test]
    fn image_without_alt_is_an_error_unless_marked_decorative() {
        let (_, d) = run("Teks.\n\n![](foto.jpg)\n", "id");
        assert_eq!(d.len(), 1, "{d:?}");
        assert_eq!(d[0].code, "image-alt");
        assert_eq!(
            d[0].message,
            "the image `foto.jpg` has no description for readers who cannot see it (alt text)"
        );
        assert_eq!(
            d[0].position.as_ref().map(|p| (p.line, p.column)),
            Some((6, 5))
        );
        // Spaces are no description either.
        let (_, d) = run("![  ](foto.jpg)\n", "id");
        assert_eq!(d.len(), 1, "{d:?}");
        // `"decorative"`: an empty alt on purpose, and the word is not shown as a title.
        let (r, d) = run("![](foto.jpg \"decorative\")\n", "id");
        assert!(d.is_empty(), "{d:?}");
        assert!(r.html.contains(r#"alt="""#), "{}", r.html);
        assert!(!r.html.contains("title="), "{}", r.html);
    }
}
