//! One pass over a body's pulldown-cmark events, in order: each event is passed on to the HTML
//! writer, changed, or held back, while what the page needs besides its HTML is gathered on the
//! way: heading ids and the table of contents, the summary, the links and files of the body,
//! the images it shows (as `<picture>` when processed) and their alt texts, and the raw HTML it
//! holds. Phone numbers in running text become `tel:` links (`phone`), but not inside a link,
//! code, a heading or an image's alt text. Problems become diagnostics at their place in the
//! file.
//!
//! The walk keeps its state in [`Walk`], one method per kind of event; it allocates only what
//! it keeps. Where links point is decided by `rewrite`, what raw HTML may stay by `sanitize`.

use std::collections::{HashMap, HashSet};
use std::ops::Range;

use pulldown_cmark::{CowStr, Event, HeadingLevel, LinkType, Tag, TagEnd};

use super::phone;
use super::rewrite::{content_rel, link_position, rewrite, safe_scheme};
use super::{BodyPlace, LinkRef, Rendered, SUMMARY_CHARS, SiteContext, TocEntry, sanitize};
use crate::config::RawHtml;
use crate::content::Body;
use crate::content::slug::slugify;
use crate::diag::Diagnostic;
use crate::diag::{Code, Diagnostics};
use crate::images::{Photo, Reference, Usage};
use crate::msg;

/// The state of the walk over one body, and what it gathered.
pub(super) struct Walk<'t, 'a> {
    body: &'a Body,
    place: &'a BodyPlace<'a>,
    site: &'a SiteContext<'a>,
    /// The events for the HTML writer.
    pub(super) events: Vec<Event<'t>>,
    /// Text as Markdown left it (outside code blocks), in offsets of the body as written: an
    /// `@/` link in it was not read as a link.
    pub(super) plain: Vec<Range<usize>>,
    /// Whether the body holds raw HTML (then it is sanitized).
    pub(super) raw_html: bool,
    /// All but the HTML and the summary.
    pub(super) rendered: Rendered,
    pub(super) diags: Diagnostics,
    pub(super) summary: Summary,
    code_blocks: usize,
    /// Links open around the current event (Markdown's and raw `<a>`, `<code>`, … tags): no
    /// phone number is linked inside them.
    no_phone_links: usize,
    /// How often each heading id was given, to make the next one unique.
    used_ids: HashMap<String, usize>,
    heading: Option<OpenHeading>,
    /// Lines already reported for raw HTML under `deny`: one error per line.
    denied_lines: HashSet<usize>,
    image: Option<ImageState<'a>>,
}

/// A heading being read: where its start event is in `events`, and its text so far.
struct OpenHeading {
    index: usize,
    title: String,
}

/// An image being read (from its start to its end event).
struct ImageState<'c> {
    /// Offset of the image in the body, destination and title as written, alt text so far.
    start: usize,
    dest: String,
    title: String,
    alt: String,
    /// The processed photo it shows, written as `<picture>` at its end.
    photo: Option<&'c Photo>,
    /// Images inside its alt text (only their text counts).
    nested: usize,
}

/// The plain text of the first paragraph that has some, gathered as the events go by.
#[derive(Default)]
pub(super) struct Summary {
    /// Paragraphs open around the current event.
    depth: usize,
    done: bool,
    pub(super) text: String,
}

impl Summary {
    fn open(&mut self) {
        self.depth += 1;
    }

    fn close(&mut self) {
        self.depth = self.depth.saturating_sub(1);
        if !self.text.trim().is_empty() {
            self.done = true;
        }
    }

    /// Whether the current event is in the first paragraph with text.
    fn collecting(&self) -> bool {
        self.depth > 0 && !self.done
    }

    fn push_text(&mut self, text: &str) {
        if self.collecting() && self.text.len() < SUMMARY_CHARS * 4 {
            self.text.push_str(text);
        }
    }
}

impl<'t, 'a> Walk<'t, 'a> {
    /// A walk over `body`, whose text (as Markdown reads it) is `text_len` bytes long.
    pub(super) fn new(
        body: &'a Body,
        place: &'a BodyPlace<'a>,
        site: &'a SiteContext<'a>,
        text_len: usize,
    ) -> Self {
        Walk {
            body,
            place,
            site,
            events: Vec::with_capacity(text_len / 16),
            plain: Vec::new(),
            raw_html: false,
            rendered: Rendered::default(),
            diags: Diagnostics::new(),
            summary: Summary::default(),
            code_blocks: 0,
            no_phone_links: 0,
            used_ids: HashMap::new(),
            heading: None,
            denied_lines: HashSet::new(),
            image: None,
        }
    }

    /// Takes the next event, at `range` of the body as written.
    pub(super) fn event(&mut self, event: Event<'t>, range: Range<usize>) {
        self.note_plain_text(&event, &range);
        let Some(event) = self.within_image(event) else {
            return;
        };
        match event {
            Event::Start(Tag::Heading { .. }) => self.start_heading(event),
            Event::End(TagEnd::Heading(level)) => self.end_heading(level),
            Event::Start(Tag::Paragraph) => {
                self.summary.open();
                self.events.push(event);
            }
            Event::End(TagEnd::Paragraph) => {
                self.summary.close();
                self.events.push(event);
            }
            Event::End(TagEnd::Image) => self.end_image(),
            Event::Text(t) => self.text(t, true),
            Event::Code(t) => self.code(t),
            Event::SoftBreak | Event::HardBreak if self.summary.collecting() => {
                self.summary.text.push(' ');
                self.events.push(event);
            }
            Event::Start(Tag::Link {
                link_type,
                dest_url,
                title,
                id,
            }) => self.start_link(link_type, dest_url, title, id, range.start),
            Event::Start(Tag::Image {
                link_type,
                dest_url,
                title,
                id,
            }) => self.start_image(link_type, dest_url, title, id, range.start),
            Event::Html(h) | Event::InlineHtml(h) if self.site.html.mode == RawHtml::Deny => {
                self.deny_html(&h, range.start);
            }
            Event::Html(h) => {
                self.keep_html(&h, range.start);
                self.events.push(Event::Html(h));
            }
            Event::InlineHtml(h) => {
                self.keep_html(&h, range.start);
                self.events.push(Event::InlineHtml(h));
            }
            other => self.events.push(other),
        }
    }

    /// Text outside code blocks: an `@/` link in it was not read as a link.
    fn note_plain_text(&mut self, event: &Event<'t>, range: &Range<usize>) {
        match event {
            Event::Start(Tag::CodeBlock(_)) => self.code_blocks += 1,
            Event::End(TagEnd::CodeBlock) => {
                self.code_blocks = self.code_blocks.saturating_sub(1);
            }
            Event::Start(Tag::Link { .. }) => self.no_phone_links += 1,
            Event::End(TagEnd::Link) => {
                self.no_phone_links = self.no_phone_links.saturating_sub(1);
            }
            Event::InlineHtml(h) => match raw_tag(h) {
                Some(true) => self.no_phone_links += 1,
                Some(false) => self.no_phone_links = self.no_phone_links.saturating_sub(1),
                None => {}
            },
            Event::Text(_) if self.code_blocks == 0 => self.plain.push(range.clone()),
            _ => {}
        }
    }

    /// Inside an image: nested images are alt text; inside a `<picture>`, only text counts.
    /// `None` when the event was taken care of here.
    fn within_image(&mut self, event: Event<'t>) -> Option<Event<'t>> {
        let Some(state) = &mut self.image else {
            return Some(event);
        };
        let plain = state.photo.is_none();
        match &event {
            Event::Start(Tag::Image { .. }) => state.nested += 1,
            Event::End(TagEnd::Image) if state.nested > 0 => state.nested -= 1,
            Event::End(TagEnd::Image) | Event::Text(_) | Event::Code(_) => return Some(event),
            _ if !plain => return None,
            _ => return Some(event),
        }
        if plain {
            self.events.push(event);
        }
        None
    }

    fn start_heading(&mut self, event: Event<'t>) {
        self.heading = Some(OpenHeading {
            index: self.events.len(),
            title: String::new(),
        });
        self.events.push(event);
    }

    /// Gives the heading its id (written, or made from its text; unique in the body), and
    /// lists it among the anchors and, for `##` and `###`, in the table of contents.
    fn end_heading(&mut self, level: HeadingLevel) {
        if let Some(OpenHeading { index, title }) = self.heading.take() {
            let title = title.trim().to_string();
            if let Event::Start(Tag::Heading { id, .. }) = &mut self.events[index] {
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
                let n = self.used_ids.entry(base.clone()).or_insert(0);
                let unique = if *n == 0 {
                    base.clone()
                } else {
                    format!("{base}-{n}")
                };
                *n += 1;
                *id = Some(CowStr::from(unique.clone()));
                if matches!(level, HeadingLevel::H2 | HeadingLevel::H3) {
                    self.rendered.toc.push(TocEntry {
                        level: level as u8,
                        id: unique.clone(),
                        title,
                    });
                }
                self.rendered.anchors.push(unique);
            }
        }
        self.events.push(Event::End(TagEnd::Heading(level)));
    }

    /// Text (or inline code, passed on as text) counts for the heading, the summary and the
    /// alt text it is in; inside a `<picture>` it is alt text only. Running text (`prose`, not
    /// code) gets its phone numbers linked where a link may be.
    fn text(&mut self, t: CowStr<'t>, prose: bool) {
        let in_picture = match &mut self.image {
            Some(state) => {
                state.alt.push_str(&t);
                state.photo.is_some()
            }
            None => false,
        };
        if let Some(heading) = &mut self.heading {
            heading.title.push_str(&t);
        }
        self.summary.push_text(&t);
        let linkable = prose
            && self.image.is_none()
            && self.heading.is_none()
            && self.code_blocks == 0
            && self.no_phone_links == 0;
        if linkable {
            self.push_with_phone_links(t);
        } else if !in_picture {
            self.events.push(Event::Text(t));
        }
    }

    /// Inline code: counted as text (summary, heading id, alt text) and written as `<code>`,
    /// never with links; inside an image it is part of the plain alt text.
    fn code(&mut self, t: CowStr<'t>) {
        if self.image.is_some() {
            self.text(t, false);
            return;
        }
        if let Some(heading) = &mut self.heading {
            heading.title.push_str(&t);
        }
        self.summary.push_text(&t);
        self.events.push(Event::Code(t));
    }

    /// Pushes `t` with each phone number in it as a `tel:` link whose text is the number as
    /// written; text without a number goes on untouched (and unallocated).
    fn push_with_phone_links(&mut self, t: CowStr<'t>) {
        let phones: Vec<phone::Phone> = phone::find(&t).collect();
        if phones.is_empty() {
            self.events.push(Event::Text(t));
            return;
        }
        let borrowed = match &t {
            CowStr::Borrowed(s) => Some(*s),
            _ => None,
        };
        let part = |range: Range<usize>| match borrowed {
            Some(s) => CowStr::Borrowed(&s[range]),
            None => CowStr::from(t[range].to_string()),
        };
        let mut last = 0;
        for p in phones {
            if p.range.start > last {
                self.events.push(Event::Text(part(last..p.range.start)));
            }
            self.events.push(Event::Start(Tag::Link {
                link_type: LinkType::Inline,
                dest_url: CowStr::from(format!("tel:{}", p.tel)),
                title: CowStr::Borrowed(""),
                id: CowStr::Borrowed(""),
            }));
            self.events.push(Event::Text(part(p.range.clone())));
            self.events.push(Event::End(TagEnd::Link));
            last = p.range.end;
        }
        if last < t.len() {
            self.events.push(Event::Text(part(last..t.len())));
        }
    }

    /// The URL a link or image destination stands for; as written when it is broken, with an
    /// error.
    fn resolve(&mut self, dest_url: &str, at: usize) -> String {
        rewrite(dest_url, self.place, self.site).unwrap_or_else(|problem| {
            self.diags
                .push(problem.into_diagnostic(self.body, at, dest_url));
            dest_url.to_string()
        })
    }

    fn start_link(
        &mut self,
        link_type: LinkType,
        dest_url: CowStr<'t>,
        title: CowStr<'t>,
        id: CowStr<'t>,
        at: usize,
    ) {
        let mut dest = self.resolve(&dest_url, at);
        if self.site.html.mode != RawHtml::Allow && !safe_scheme(&dest) {
            self.diags.push(
                Diagnostic::error(
                    Code::UnsafeLink,
                    self.body.file.display.clone(),
                    msg!("markdown-unsafe-link", link = &*dest_url),
                )
                .at(Some(link_position(self.body, at, &dest_url)))
                .with_hint(msg!("markdown-unsafe-link-hint")),
            );
            dest = "#".to_string();
        }
        self.note_internal_link(&dest, &dest_url, at);
        self.note_linked_file(&dest_url, at);
        if dest.starts_with("https://") || dest.starts_with("http://") {
            self.events
                .push(Event::InlineHtml(CowStr::from(external_link(
                    &dest, &title,
                ))));
            return;
        }
        self.events.push(Event::Start(Tag::Link {
            link_type,
            dest_url: CowStr::from(dest),
            title,
            id,
        }));
    }

    /// A link into this site (`dest`, rewritten) is checked once the site is rendered.
    fn note_internal_link(&mut self, dest: &str, dest_url: &str, at: usize) {
        let url = if dest.starts_with('#') {
            format!("{}{dest}", self.place.url)
        } else if dest.starts_with('/') && !dest.starts_with("//") {
            dest.to_string()
        } else {
            return;
        };
        self.rendered.links.push(LinkRef {
            url,
            position: link_position(self.body, at, dest_url),
        });
    }

    /// A linked file is published; a linked image (processed or not) as its clean original,
    /// or as it is when warta cannot read it.
    fn note_linked_file(&mut self, dest_url: &str, at: usize) {
        let Some(rel) = content_rel(dest_url, self.place, self.site) else {
            return;
        };
        if self.site.images.get(&rel).is_some() {
            self.rendered.images.push(Reference {
                rel: rel.clone(),
                file: self.body.file.display.clone(),
                position: Some(link_position(self.body, at, dest_url)),
                usage: Usage::Linked,
            });
        }
        self.rendered.files.push(rel);
    }

    fn start_image(
        &mut self,
        link_type: LinkType,
        dest_url: CowStr<'t>,
        title: CowStr<'t>,
        id: CowStr<'t>,
        at: usize,
    ) {
        let dest = self.resolve(&dest_url, at);
        let photo = self.note_shown_file(&dest_url, at);
        self.image = Some(ImageState {
            start: at,
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
            self.events.push(Event::Start(Tag::Image {
                link_type,
                dest_url: CowStr::from(dest),
                title,
                id,
            }));
        }
    }

    /// A shown file is published, and a shown image processed: its photo, when it has one;
    /// an error when warta cannot read it.
    fn note_shown_file(&mut self, dest_url: &str, at: usize) -> Option<&'a Photo> {
        let body = self.body;
        let position = || link_position(body, at, dest_url);
        let rel = content_rel(dest_url, self.place, self.site)?;
        self.rendered.files.push(rel.clone());
        let entry = self.site.images.get(&rel)?;
        let photo = match entry {
            Ok(p) => Some(p),
            Err(broken) => {
                self.diags.push(
                    Diagnostic::error(
                        Code::Image,
                        body.file.display.clone(),
                        broken.message.clone(),
                    )
                    .at(Some(position()))
                    .with_hint(broken.hint.clone()),
                );
                None
            }
        };
        self.rendered.images.push(Reference {
            rel,
            file: body.file.display.clone(),
            position: Some(position()),
            usage: Usage::Shown,
        });
        photo
    }

    /// The end of an image: an error when it has no alt text (and is not marked
    /// `"decorative"`); a processed photo is written whole, as `<picture>`.
    fn end_image(&mut self) {
        let Some(state) = self.image.take() else {
            self.events.push(Event::End(TagEnd::Image));
            return;
        };
        let decorative = state.title == "decorative";
        if state.alt.trim().is_empty() && !decorative {
            self.diags.push(
                Diagnostic::error(
                    Code::ImageAlt,
                    self.body.file.display.clone(),
                    msg!("markdown-image-no-alt", image = state.dest.as_str()),
                )
                .at(Some(link_position(self.body, state.start, &state.dest)))
                .with_hint(msg!("markdown-image-no-alt-hint")),
            );
        }
        match state.photo {
            Some(photo) => {
                let alt = if decorative { "" } else { state.alt.trim() };
                let title = (!decorative).then_some(state.title.as_str());
                self.events.push(Event::InlineHtml(CowStr::from(
                    photo.picture(alt, title, false),
                )));
            }
            None => self.events.push(Event::End(TagEnd::Image)),
        }
    }

    /// Raw HTML on a site that denies it: dropped, with one error per line.
    fn deny_html(&mut self, html: &str, at: usize) {
        let line = self
            .body
            .file
            .position(self.body.start + at, html.len().min(80));
        if self.denied_lines.insert(line.line) {
            self.diags
                .push(sanitize::denied_html(html, line, self.body));
        }
    }

    /// Raw HTML kept (to be sanitized, unless allowed as written): warnings for the iframes
    /// sanitizing will remove.
    fn keep_html(&mut self, html: &str, at: usize) {
        self.raw_html = true;
        sanitize::dropped_iframes(
            html,
            self.body.start + at,
            self.body,
            self.site.html,
            &mut self.diags,
        );
    }
}

/// Whether a piece of inline raw HTML opens (`Some(true)`) or closes (`Some(false)`) an element
/// whose text must not hold a link: `<a>`, `<code>`, `<kbd>`, `<samp>`, `<pre>`.
fn raw_tag(html: &str) -> Option<bool> {
    let tag = html.strip_prefix('<')?;
    let (opens, name) = match tag.strip_prefix('/') {
        Some(rest) => (false, rest),
        None => (true, tag),
    };
    let end = name
        .find(|c: char| !c.is_ascii_alphanumeric())
        .unwrap_or(name.len());
    let quiet = ["a", "code", "kbd", "samp", "pre"]
        .iter()
        .any(|q| name[..end].eq_ignore_ascii_case(q));
    (quiet && !name.trim_end().ends_with("/>")).then_some(opens)
}

/// The opening tag of a link to another site, which gets neither a handle on this tab nor the
/// reader's address.
fn external_link(dest: &str, title: &str) -> String {
    let mut tag = String::from("<a href=\"");
    let _ = pulldown_cmark_escape::escape_href(&mut tag, dest);
    tag.push_str("\" rel=\"noopener noreferrer\"");
    if !title.is_empty() {
        tag.push_str(" title=\"");
        let _ = pulldown_cmark_escape::escape_html(&mut tag, title);
        tag.push('"');
    }
    tag.push('>');
    tag
}
