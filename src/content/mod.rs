//! The content graph: documents → sections, pages, translations, slugs, URLs, tags and the
//! map of every output URL.
//!
//! [`build`] is the one entry point. It parses front matter (in parallel), decides what is
//! published (drafts and future dates are not, unless asked), links translations by their
//! language-independent path, gives every page and list its URL, and reports every collision
//! of two outputs on one URL naming both sources. It renders nothing.
//!
//! Its steps, one module each, in the order they run: `sections` (the `_index.md` files, the
//! sections and home pages), `pages` (parse, publish, slugs and URLs), `translations`,
//! `journeys` (guides as numbered steps, and the section lists in their order), `tags` and
//! `assets` (the other files under `content/`); every URL is claimed in `urls`, which
//! reports collisions. This file holds the graph's types and the driver.

mod assets;
pub mod frontmatter;
pub mod journeys;
pub mod kinds;
mod pages;
pub mod related;
pub mod scaffold;
mod sections;
pub mod slug;
mod tag_labels;
mod tags;
mod translations;
mod urls;

use std::collections::{BTreeMap, HashMap, HashSet};
use std::sync::Arc;

use crate::artifact::AssetOut;
use crate::config::Config;
use crate::dates::Date;
use crate::diag::{Diagnostics, Position};
use crate::i18n::Message;
use crate::source::{Document, SourceFile, SourceTree};
use frontmatter::FrontMatter;
use kinds::ContentType;

/// Pages per list page (sections and tags).
pub const PAGE_SIZE: usize = 20;

/// Index of a page in [`ContentGraph::pages`].
pub type PageId = usize;

/// A Markdown body still to render: its file and where the body starts.
#[derive(Debug, Clone)]
pub struct Body {
    pub file: Arc<SourceFile>,
    pub start: usize,
}

/// A page in one language.
#[derive(Debug, Clone)]
pub struct Page {
    /// Language-independent key: `berita/2024-11-22-x.md`.
    pub key: String,
    pub lang: String,
    /// Index into [`ContentGraph::sections`], `None` for pages at the content root.
    pub section: Option<usize>,
    pub content_type: ContentType,
    pub fm: FrontMatter,
    pub slug: String,
    /// Root-relative URL with a trailing slash: `/en/news/outreach-banten/`.
    pub url: String,
    /// The same page in the other languages, in site language order.
    pub translations: Vec<PageId>,
    pub body: Body,
}

impl Page {
    pub fn file(&self) -> &str {
        &self.body.file.display
    }

    /// The date lists sort by: `date`, else `updated`.
    pub fn sort_date(&self) -> Option<Date> {
        self.fm.date.or(self.fm.updated)
    }

    /// Where `key` is written in the page's front matter: its value, or the key when the value
    /// is on the lines below (recorded while parsing; the file is not read again).
    pub fn key_position(&self, key: &str) -> Option<Position> {
        self.fm.key_position(&self.body.file, key)
    }
}

/// A section in one language.
#[derive(Debug, Clone)]
pub struct SectionLang {
    pub title: String,
    pub slug: String,
    pub description: Option<String>,
    /// `/berita/`, `/en/news/`.
    pub url: String,
    pub body: Option<Body>,
    /// Published pages, sorted: newest first, then by title.
    pub pages: Vec<PageId>,
    /// What the section's list pages show: `pages`, with the pages that exist only in other
    /// languages merged in (see `related`).
    pub list: Vec<PageId>,
}

/// A folder under `content/`.
#[derive(Debug, Clone)]
pub struct Section {
    /// The folder name: `berita`.
    pub key: String,
    pub content_type: ContentType,
    /// One entry per site language (a language without `_index.<lang>.md` borrows the
    /// default language's title and slug).
    pub langs: BTreeMap<String, SectionLang>,
}

/// The home page of one language.
#[derive(Debug, Clone)]
pub struct Home {
    pub title: Option<String>,
    pub description: Option<String>,
    pub url: String,
    pub body: Option<Body>,
}

/// A tag in one language.
#[derive(Debug, Clone)]
pub struct Tag {
    /// The topic's label when the tag is one of site.yaml's `tags:`, else the tag as first
    /// written.
    pub name: String,
    pub slug: String,
    pub url: String,
    /// The index of its topic in `config.tags`: the same topic's tags in other languages are
    /// its translations.
    pub entry: Option<usize>,
    /// Sorted like section lists.
    pub pages: Vec<PageId>,
}

/// A page that exists but is not published (a draft, a future date, or one with errors), kept
/// so that the files it links are known: they wait for it, unpublished but not unused.
#[derive(Debug, Clone)]
pub struct Held {
    /// Language-independent key: `berita/2024-11-22-x.md`.
    pub key: String,
    pub lang: String,
    pub body: Body,
    /// Its front-matter `image`, as written.
    pub image: Option<String>,
}

/// Everything the later stages need, with every URL decided.
#[derive(Debug, Default)]
pub struct ContentGraph {
    pub sections: Vec<Section>,
    pub pages: Vec<Page>,
    pub homes: BTreeMap<String, Home>,
    /// Per language, by tag slug.
    pub tags: BTreeMap<String, BTreeMap<String, Tag>>,
    pub assets: Vec<AssetOut>,
    /// `content/`-relative path → URL of every file under `content/` that is not a page,
    /// for links from Markdown. Only those a published page links are published.
    pub asset_urls: HashMap<String, String>,
    /// The same, URL → `content/`-relative path (for links written as root-relative URLs).
    pub asset_rels: HashMap<String, String>,
    /// URLs two sources claimed (already reported), so that the renderer does not report
    /// the file they would both write a second time.
    pub collided: HashSet<String>,
    /// Link targets: content key (`panduan/x.md`, `berita/_index.md`, `_index.md`) →
    /// language → URL.
    pub link_targets: HashMap<String, BTreeMap<String, String>>,
    /// Keys of documents that exist but are not published (drafts, future dates), with why
    /// (`it is a draft (`draft: true`)`), to go inside another message.
    pub unpublished: HashMap<String, Message>,
    /// The pages that are not published, with their bodies (see [`Held`]), in file order.
    pub held: Vec<Held>,
    pub drafts_skipped: usize,
    /// Guides that are the numbered steps of one task, each named by its overview guide.
    pub journeys: journeys::Journeys,
    /// (key, language) of the documents whose front matter has errors (reported): nothing
    /// else is reported about them (a missing translation, a link to them).
    pub failed: HashSet<(String, String)>,
}

impl ContentGraph {
    pub fn section_of(&self, page: &Page) -> Option<&Section> {
        page.section.and_then(|i| self.sections.get(i))
    }

    /// Whether the document `key` (in `lang`, or in any language) failed to parse.
    pub fn failed(&self, key: &str, lang: Option<&str>) -> bool {
        match lang {
            Some(lang) => self.failed.contains(&(key.to_string(), lang.to_string())),
            None => self.failed.iter().any(|(k, _)| k == key),
        }
    }

    pub fn pages_in(&self, lang: &str) -> impl Iterator<Item = (PageId, &Page)> {
        let lang = lang.to_string();
        self.pages
            .iter()
            .enumerate()
            .filter(move |(_, p)| p.lang == lang)
    }
}

/// Options that change what is published.
#[derive(Debug, Clone, Copy)]
pub struct Publish {
    pub drafts: bool,
    pub today: Date,
}

/// Builds the graph from the source tree: each step takes what the steps before it made and
/// returns its part with its diagnostics, reported in the order the steps run.
pub fn build(config: &Config, tree: SourceTree, publish: Publish) -> (ContentGraph, Diagnostics) {
    let mut diags = Diagnostics::new();
    let (index_docs, page_docs): (Vec<Document>, Vec<Document>) = tree
        .documents
        .into_iter()
        .partition(|doc| doc.path.is_index());

    // Section indexes first: they decide the content type of their pages.
    let (indexes, found) = sections::read_indexes(index_docs, &page_docs);
    diags.extend(found);
    let (mut sections, found) = sections::build(config, &indexes);
    diags.extend(found);
    let homes = sections::homes(config, &indexes);
    let parsed = pages::parse(page_docs, &sections, publish.today);

    let mut outputs = urls::OutputMap::new(config);
    diags.extend(urls::claim_lists(
        &mut outputs,
        &homes,
        &sections.list,
        &indexes,
    ));
    let (mut published, found) = pages::publish(config, parsed, &sections, publish, &mut outputs);
    diags.extend(found);
    translations::link(&mut published.pages);
    let link_targets = translations::link_targets(&published.pages, &sections.list, &homes);
    let (journeys, found) =
        journeys::build(&published.pages, &published.unpublished, &published.failed);
    diags.extend(found);
    diags.extend(sections::fill_lists(
        &mut sections.list,
        &published.pages,
        &mut outputs,
    ));
    let (tags, found) = tags::collect(config, &published.pages, &mut outputs);
    diags.extend(found);
    let (assets, found) = assets::place(config, tree.assets, &sections, &mut outputs);
    diags.extend(found);
    // After every step that orders the sections' pages by date, and before the journeys put
    // their steps first, in both the own pages and the list with the other languages' pages.
    diags.extend(related::add_other_languages(
        config,
        &mut sections.list,
        &published.pages,
        &mut outputs,
    ));
    journeys::order_lists(&mut sections.list, &journeys, &published.pages);

    let mut failed = indexes.failed;
    failed.extend(published.failed);
    let graph = ContentGraph {
        sections: sections.list,
        pages: published.pages,
        homes,
        tags,
        assets: assets.files,
        asset_urls: assets.urls,
        asset_rels: assets.rels,
        collided: outputs.collided,
        link_targets,
        unpublished: published.unpublished,
        held: published.held,
        drafts_skipped: published.drafts_skipped,
        journeys,
        failed,
    };
    (graph, diags)
}

/// Newest first (by `date`, else `updated`); undated pages after dated ones, by title.
pub fn compare_for_lists(a: &Page, b: &Page) -> std::cmp::Ordering {
    let da = a.sort_date().map(|d| d.sort_key());
    let db = b.sort_date().map(|d| d.sort_key());
    db.cmp(&da)
        .then_with(|| a.fm.title.to_lowercase().cmp(&b.fm.title.to_lowercase()))
        .then_with(|| a.url.cmp(&b.url))
}

/// `/old/page` and `/old/page/` are one alias; a path to an `.html` file stays as it is.
pub fn normalize_alias(alias: &str) -> String {
    if alias.ends_with('/')
        || alias
            .rsplit('/')
            .next()
            .is_some_and(|last| last.contains('.'))
    {
        alias.to_string()
    } else {
        format!("{alias}/")
    }
}

#[cfg(test)]
mod tests;
