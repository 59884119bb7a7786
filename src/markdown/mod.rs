//! Markdown → HTML with pulldown-cmark: heading ids, a table of contents, a plain-text summary,
//! and links to other content files rewritten to the target page's URL in the same language.
//!
//! [`render`] takes one body, the [`BodyPlace`] it lives at and the [`SiteContext`] it may link
//! into; it does no I/O and reports broken links as diagnostics at their line and column in the
//! Markdown file. Links to files with spaces in their names work as editors write them:
//! `[x](@/berita/a b.md)` (see `link_repair`), `[x](<@/berita/a b.md>)` and
//! `[x](@/berita/a%20b.md)`; an `@/` link that Markdown cannot read is an error, never text on
//! the page.
//!
//! This module holds the public types and the driver; the work is done by:
//! - `link_repair`: links as editors write them, before Markdown reads them;
//! - `walk`: one pass over the parser's events (heading ids, table of contents, summary,
//!   images, links, raw HTML);
//! - [`phone`]: phone numbers in text, which become `tel:` links;
//! - `actions`: a page's action buttons, resolved and checked as its links are;
//! - `rewrite`: a link destination → the URL it stands for, or why it is broken;
//! - `sanitize`: the site's raw-HTML policy (ammonia, iframes, alignment classes).

mod actions;
mod link_repair;
pub mod phone;
mod rewrite;
mod sanitize;
mod walk;

#[cfg(test)]
mod tests;

use pulldown_cmark::{Event, Options, Parser};
use serde::Serialize;

use crate::config::{Config, HtmlPolicy, RawHtml};
use crate::content::{Body, ContentGraph, Page};
use crate::diag::Diagnostics;

pub use actions::ActionLink;

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
    /// The page's action buttons (`actions:` in its front matter), their URLs resolved as
    /// links of the body are; empty for section and home bodies.
    pub actions: Vec<ActionLink>,
}

/// A link from Markdown to a page of this site.
#[derive(Debug, Clone)]
pub struct LinkRef {
    /// Root-relative URL, possibly with `#fragment`: `/panduan/cara/#langkah-2`.
    pub url: String,
    pub position: crate::diag::Position,
}

/// What every body of the site renders against: the pages and files it may link to, in which
/// languages, the raw HTML it may hold, and the images it may show.
pub struct SiteContext<'a> {
    pub graph: &'a ContentGraph,
    pub languages: &'a [String],
    pub default_language: &'a str,
    pub html: &'a HtmlPolicy,
    /// The site's raster images: shown ones become `<picture>`.
    pub images: &'a crate::images::Catalog,
}

impl<'a> SiteContext<'a> {
    /// The context of `graph` under `config`'s languages and raw-HTML policy, showing the
    /// images of `images`: the full build and serve's fast path build it the same way.
    pub fn new(
        graph: &'a ContentGraph,
        config: &'a Config,
        images: &'a crate::images::Catalog,
    ) -> Self {
        SiteContext {
            graph,
            languages: &config.languages,
            default_language: &config.default_language,
            html: &config.markdown,
            images,
        }
    }
}

/// Where one body lives, to resolve its relative links.
pub struct BodyPlace<'a> {
    pub lang: &'a str,
    /// The URL of the page the body belongs to, for same-page `#anchor` links.
    pub url: &'a str,
    /// The `content/`-relative folder of the file: `berita`, or `` at the root.
    pub dir: &'a str,
}

impl<'a> BodyPlace<'a> {
    /// The place of the page file `key` (`berita/x.md`): its folder is the key's.
    pub fn of_file(key: &'a str, lang: &'a str, url: &'a str) -> Self {
        let dir = key.rsplit_once('/').map_or("", |(d, _)| d);
        BodyPlace { lang, url, dir }
    }
}

/// The Markdown extensions warta reads (pulldown-cmark's options).
pub fn options() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_HEADING_ATTRIBUTES
        | Options::ENABLE_SMART_PUNCTUATION
}

/// The longest summary (the first paragraph's text), in characters.
const SUMMARY_CHARS: usize = 200;

/// Renders a page's body, its links resolved from the page's folder and language, and
/// resolves its action buttons the same way.
pub fn render_page(page: &Page, site: &SiteContext<'_>) -> (Rendered, Diagnostics) {
    let place = BodyPlace::of_file(&page.key, &page.lang, &page.url);
    let (mut rendered, mut diags) = render(&page.body, &place, site);
    actions::resolve(page, &place, site, &mut rendered, &mut diags);
    (rendered, diags)
}

/// Renders `body`; broken links come back as diagnostics beside the HTML.
pub fn render(
    body: &Body,
    place: &BodyPlace<'_>,
    site: &SiteContext<'_>,
) -> (Rendered, Diagnostics) {
    let source = body.file.text.get(body.start..).unwrap_or("");
    let repaired = link_repair::repair_spaced_links(source, place, site);
    let text: &str = &repaired.text;
    let mut walk = walk::Walk::new(body, place, site, text.len());
    for (event, range) in Parser::new_ext(text, options()).into_offset_iter() {
        walk.event(
            event,
            repaired.original(range.start)..repaired.original(range.end),
        );
    }
    let walk::Walk {
        events,
        plain,
        raw_html,
        mut rendered,
        mut diags,
        summary,
        ..
    } = walk;
    link_repair::report_unread_links(source, &plain, body, &mut diags);
    rendered.html = write_html(events, text.len(), raw_html, site.html);
    rendered.first_paragraph = cut_at_word(summary.text.trim(), SUMMARY_CHARS);
    (rendered, diags)
}

/// The HTML of a body's events, cleaned as the site's raw-HTML policy says.
fn write_html(
    events: Vec<Event<'_>>,
    text_len: usize,
    raw_html: bool,
    policy: &HtmlPolicy,
) -> String {
    let mut html = String::with_capacity(text_len + text_len / 2);
    pulldown_cmark::html::push_html(&mut html, events.into_iter());
    if raw_html && policy.mode == RawHtml::Sanitize {
        // Only bodies that hold HTML pay for cleaning (ammonia is several times slower than
        // rendering Markdown).
        html = sanitize::sanitize(&html, &policy.iframe_hosts);
    }
    if html.contains(" style=\"text-align: ") {
        html = sanitize::alignment_classes(&html);
    }
    html
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
