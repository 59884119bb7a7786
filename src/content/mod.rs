//! The content graph: documents → sections, pages, translations, slugs, URLs, tags and the
//! map of every output URL.
//!
//! [`build`] is the one entry point. It parses front matter (in parallel), decides what is
//! published (drafts and future dates are not, unless asked), links translations by their
//! language-independent path, gives every page and list its URL, and reports every collision
//! of two outputs on one URL naming both sources. It renders nothing.

pub mod frontmatter;
pub mod kinds;
pub mod scaffold;
pub mod slug;

use std::collections::{BTreeMap, HashMap, HashSet};
use std::sync::Arc;

use rayon::prelude::*;

use crate::config::Config;
use crate::dates::Date;
use crate::diag::{Diagnostic, Diagnostics, Position};
use crate::i18n::Message;
use crate::msg;
use crate::source::{Document, SourceFile, SourceTree};
use frontmatter::{FrontMatter, SectionMeta};
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
    pub name: String,
    pub slug: String,
    pub url: String,
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

impl Held {
    /// A page whose front matter has errors: its whole text is read for links (the files it
    /// links are not called unused on top of its errors), its `image:` line as written.
    fn failed(doc: Document) -> Held {
        let image = doc
            .file
            .text
            .lines()
            .skip(1)
            .take_while(|l| l.trim_end() != "---")
            .find_map(|l| l.strip_prefix("image:"))
            .map(|v| v.trim().trim_matches(['"', '\'']).to_string());
        Held {
            key: doc.path.key(),
            lang: doc.path.lang,
            body: Body {
                file: Arc::new(doc.file),
                start: 0,
            },
            image,
        }
    }
}

/// A file copied to the output: a file under `content/` that a page links, or one of
/// `static/`.
#[derive(Debug, Clone)]
pub struct AssetOut {
    pub source: std::path::PathBuf,
    /// Root-relative URL (base path included), which is also its path in the site as held in
    /// memory; `output` writes it without the base path.
    pub url: String,
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

/// A page document with its front matter, body offset and warnings.
type Parsed = (Document, FrontMatter, usize, Vec<Diagnostic>);

/// Options that change what is published.
#[derive(Debug, Clone, Copy)]
pub struct Publish {
    pub drafts: bool,
    pub today: Date,
}

/// Builds the graph from the source tree.
pub fn build(config: &Config, tree: SourceTree, publish: Publish) -> (ContentGraph, Diagnostics) {
    let mut diags = Diagnostics::new();
    let mut graph = ContentGraph::default();

    // 1. Split every document and parse section indexes first: they decide the content type of
    //    their pages.
    let mut index_docs = Vec::new();
    let mut page_docs = Vec::new();
    for doc in tree.documents {
        if doc.path.is_index() {
            index_docs.push(doc);
        } else {
            page_docs.push(doc);
        }
    }

    let mut section_meta: BTreeMap<String, BTreeMap<String, (SectionMeta, Body)>> = BTreeMap::new();
    let mut home_meta: BTreeMap<String, (SectionMeta, Body)> = BTreeMap::new();
    for doc in index_docs {
        let file = Arc::new(doc.file);
        let split = match frontmatter::split(&file) {
            Ok(s) => s,
            Err(d) => {
                diags.push(d);
                continue;
            }
        };
        match frontmatter::parse_section(&file, &split) {
            Ok(mut meta) => {
                diags.extend(std::mem::take(&mut meta.warnings));
                let body = Body {
                    start: split.body_start,
                    file: Arc::clone(&file),
                };
                match &doc.path.section {
                    Some(section) => {
                        section_meta
                            .entry(section.clone())
                            .or_default()
                            .insert(doc.path.lang.clone(), (meta, body));
                    }
                    None => {
                        home_meta.insert(doc.path.lang.clone(), (meta, body));
                    }
                }
            }
            Err(ds) => {
                diags.extend(ds);
                graph.failed.insert((doc.path.key(), doc.path.lang.clone()));
            }
        }
    }

    // Every folder that holds pages is a section, with or without an `_index.md`.
    for doc in &page_docs {
        if let Some(s) = &doc.path.section {
            section_meta.entry(s.clone()).or_default();
        }
    }

    let default_lang = config.default_language.as_str();
    let mut section_index: HashMap<String, usize> = HashMap::new();
    for (key, metas) in &section_meta {
        let type_of = |lang: &str| metas.get(lang).and_then(|(m, _)| m.content_type);
        let content_type = type_of(default_lang)
            .or_else(|| config.languages.iter().find_map(|l| type_of(l)))
            .unwrap_or_default();
        for (lang, (meta, body)) in metas {
            if let Some(t) = meta.content_type
                && t != content_type
            {
                diags.push(
                    Diagnostic::error(
                        "section",
                        body.file.display.clone(),
                        msg!(
                            "content-section-type-differs",
                            section = key,
                            main = content_type.name(),
                            here = t.name()
                        ),
                    )
                    .at(meta.key_position(&body.file, "type"))
                    .with_hint(msg!(
                        "content-section-type-differs-hint",
                        main = content_type.name(),
                        lang
                    )),
                );
            }
        }
        if !metas.contains_key(default_lang)
            && !graph.failed(&format!("{key}/_index.md"), Some(default_lang))
        {
            diags.push(
                Diagnostic::warning(
                    "section",
                    format!("content/{key}/"),
                    msg!(
                        "content-section-no-index",
                        section = key,
                        title = format!("{key:?}")
                    ),
                )
                .with_hint(msg!("content-section-no-index-hint", section = key)),
            );
        }
        let fallback = metas.get(default_lang);
        let mut langs = BTreeMap::new();
        for lang in &config.languages {
            let own = metas.get(lang);
            let meta = own.or(fallback).map(|(m, _)| m);
            let title = meta.map_or_else(|| key.clone(), |m| m.title.clone());
            let slug_raw = meta.and_then(|m| m.slug.clone());
            let slug = match slug_raw {
                Some(raw) => match slug::from_front_matter(&raw) {
                    Ok(s) => s,
                    Err(e) => {
                        let file = own
                            .or(fallback)
                            .map(|(_, b)| b.file.display.clone())
                            .unwrap_or_default();
                        diags.push(slug_error(
                            &file,
                            &raw,
                            &e,
                            own.or(fallback)
                                .and_then(|(m, b)| m.key_position(&b.file, "slug")),
                        ));
                        slug::slugify(key)
                    }
                },
                None => slug::slugify(key),
            };
            let url = format!("{}/{slug}/", config.lang_prefix(lang));
            langs.insert(
                lang.clone(),
                SectionLang {
                    title,
                    slug,
                    description: meta.and_then(|m| m.description.clone()),
                    url,
                    body: own.map(|(_, b)| b.clone()),
                    pages: Vec::new(),
                },
            );
        }
        section_index.insert(key.clone(), graph.sections.len());
        graph.sections.push(Section {
            key: key.clone(),
            content_type,
            langs,
        });
    }

    for lang in &config.languages {
        let own = home_meta.get(lang);
        graph.homes.insert(
            lang.clone(),
            Home {
                title: own.map(|(m, _)| m.title.clone()),
                description: own.and_then(|(m, _)| m.description.clone()),
                url: format!("{}/", config.lang_prefix(lang)),
                body: own.map(|(_, b)| b.clone()),
            },
        );
    }

    // 2. Parse pages in parallel, each with its section's content type.
    // A page that fails comes back with its document, whose links still count (see `Held`).
    let parsed: Vec<Result<Parsed, (Document, Diagnostics)>> = page_docs
        .into_par_iter()
        .map(|doc| {
            let content_type = doc
                .path
                .section
                .as_ref()
                .and_then(|s| section_index.get(s))
                .and_then(|&i| graph.sections.get(i))
                .map_or(ContentType::Page, |s| s.content_type);
            let split = match frontmatter::split(&doc.file) {
                Ok(split) => split,
                Err(d) => {
                    let mut ds = Diagnostics::new();
                    ds.push(d);
                    return Err((doc, ds));
                }
            };
            let body_start = split.body_start;
            match frontmatter::parse_page(&doc.file, &split, content_type) {
                Ok((fm, warnings)) => Ok((doc, fm, body_start, warnings)),
                Err(ds) => Err((doc, ds)),
            }
        })
        .collect();

    // 3. Decide what is published; give slugs and URLs.
    let mut outputs = OutputMap {
        claimed: HashMap::new(),
        collided: HashSet::new(),
        reserved: config.url(&format!("{}/", crate::config::IMAGES_OUTPUT_DIR)),
    };
    for (lang, home) in &graph.homes {
        let origin = home_meta.get(lang).map_or_else(
            || Origin::made(msg!("content-origin-home")),
            |(_, b)| Origin::file(&b.file.display),
        );
        outputs.claim(&home.url, origin, &mut diags);
    }
    for section in &graph.sections {
        for sl in section.langs.values() {
            let origin = sl.body.as_ref().map_or_else(
                || Origin::made(msg!("content-origin-section", section = &section.key)),
                |b| Origin::file(&b.file.display),
            );
            outputs.claim(&sl.url, origin.clone(), &mut diags);
            outputs.claim(&format!("{}atom.xml", sl.url), origin, &mut diags);
        }
    }

    for result in parsed {
        let (doc, fm, body_start, warnings) = match result {
            Ok(v) => v,
            Err((doc, ds)) => {
                diags.extend(ds);
                graph.failed.insert((doc.path.key(), doc.path.lang.clone()));
                graph.held.push(Held::failed(doc));
                continue;
            }
        };
        diags.extend(warnings);
        diags.extend(scaffold::check(&doc.file, &fm, body_start));
        let file = Arc::new(doc.file);
        let key = doc.path.key();
        let why_held = if fm.draft && !publish.drafts {
            Some(msg!("content-why-draft"))
        } else {
            fm.date
                .filter(|date| date.day() > publish.today.day() && !publish.drafts)
                .map(|date| msg!("content-why-future", date = date.iso()))
        };
        if let Some(why) = why_held {
            graph.drafts_skipped += 1;
            graph.unpublished.insert(key.clone(), why);
            graph.held.push(Held {
                key,
                lang: doc.path.lang.clone(),
                body: Body {
                    file,
                    start: body_start,
                },
                image: fm.image.clone(),
            });
            continue;
        }
        let slug = match &fm.slug {
            Some(raw) => match slug::from_front_matter(raw) {
                Ok(s) => s,
                Err(e) => {
                    diags.push(slug_error(
                        &file.display,
                        raw,
                        &e,
                        fm.key_position(&file, "slug"),
                    ));
                    continue;
                }
            },
            None => {
                let s = slug::from_file_name(&doc.path.name);
                if s.is_empty() {
                    diags.push(
                        Diagnostic::error(
                            "slug",
                            file.display.clone(),
                            msg!("content-file-name-no-slug"),
                        )
                        .with_hint(match slug::slugify(&fm.title) {
                            s if s.is_empty() => msg!("content-file-name-no-slug-hint"),
                            s => msg!("content-file-name-no-slug-hint-slug", slug = s),
                        }),
                    );
                    continue;
                }
                s
            }
        };
        let section = doc
            .path
            .section
            .as_ref()
            .and_then(|s| section_index.get(s).copied());
        let lang = doc.path.lang.clone();
        let base = match section.and_then(|i| graph.sections[i].langs.get(&lang)) {
            Some(sl) => sl.url.clone(),
            None => format!("{}/", config.lang_prefix(&lang)),
        };
        let url = format!("{base}{slug}/");
        // A page's URL comes from its `slug`, or else from its file name (line 1).
        outputs.claim_at(
            &url,
            Origin::file(&file.display),
            || fm.key_position(&file, "slug").or_else(|| first_line(&file)),
            &mut diags,
        );
        for alias in &fm.aliases {
            outputs.claim_at(
                &config.url(&normalize_alias(alias)),
                Origin::alias(&file.display, alias),
                || fm.key_position(&file, "aliases"),
                &mut diags,
            );
        }
        let content_type = section.map_or(ContentType::Page, |i| graph.sections[i].content_type);
        graph.pages.push(Page {
            key,
            lang,
            section,
            content_type,
            fm,
            slug,
            url,
            translations: Vec::new(),
            body: Body {
                file,
                start: body_start,
            },
        });
    }

    // Deterministic order whatever the parallel parse did.
    graph.pages.sort_by(|a, b| {
        (&a.key, lang_rank(config, &a.lang)).cmp(&(&b.key, lang_rank(config, &b.lang)))
    });

    // 4. Translations, section lists, tags, link targets.
    let mut by_key: HashMap<&str, Vec<PageId>> = HashMap::new();
    for (id, page) in graph.pages.iter().enumerate() {
        by_key.entry(page.key.as_str()).or_default().push(id);
    }
    let translations: Vec<Vec<PageId>> = graph
        .pages
        .iter()
        .enumerate()
        .map(|(id, p)| {
            by_key
                .get(p.key.as_str())
                .map(|ids| ids.iter().copied().filter(|&o| o != id).collect())
                .unwrap_or_default()
        })
        .collect();
    for (page, tr) in graph.pages.iter_mut().zip(translations) {
        page.translations = tr;
    }

    for (id, page) in graph.pages.iter().enumerate() {
        graph
            .link_targets
            .entry(page.key.clone())
            .or_default()
            .insert(page.lang.clone(), page.url.clone());
        if let Some(si) = page.section
            && let Some(sl) = graph.sections[si].langs.get_mut(&page.lang)
        {
            sl.pages.push(id);
        }
    }
    for section in &graph.sections {
        let targets = graph
            .link_targets
            .entry(format!("{}/_index.md", section.key))
            .or_default();
        for (lang, sl) in &section.langs {
            targets.insert(lang.clone(), sl.url.clone());
        }
    }
    let home_targets = graph
        .link_targets
        .entry("_index.md".to_string())
        .or_default();
    for (lang, home) in &graph.homes {
        home_targets.insert(lang.clone(), home.url.clone());
    }

    let pages = &graph.pages;
    let order = |a: &PageId, b: &PageId| compare_for_lists(&pages[*a], &pages[*b]);
    for section in &mut graph.sections {
        for sl in section.langs.values_mut() {
            sl.pages.sort_by(order);
            for n in 2..=sl.pages.len().div_ceil(PAGE_SIZE) {
                outputs.claim(
                    &format!("{}page/{n}/", sl.url),
                    Origin::made(msg!(
                        "content-origin-section-page",
                        number = n,
                        section = &section.key
                    )),
                    &mut diags,
                );
            }
        }
    }

    let mut tags: BTreeMap<String, BTreeMap<String, Tag>> = BTreeMap::new();
    for (id, page) in pages.iter().enumerate() {
        for name in &page.fm.tags {
            let slug = slug::slugify(name);
            if slug.is_empty() {
                diags.push(
                    Diagnostic::error(
                        "tag",
                        page.file(),
                        msg!("content-tag-no-letters", tag = format!("{name:?}")),
                    )
                    .at(tag_position(page, name))
                    .with_hint(msg!("content-tag-no-letters-hint")),
                );
                continue;
            }
            let lang_tags = tags.entry(page.lang.clone()).or_default();
            let url = format!("{}/tags/{slug}/", config.lang_prefix(&page.lang));
            let tag = lang_tags.entry(slug.clone()).or_insert_with(|| Tag {
                name: name.clone(),
                slug,
                url,
                pages: Vec::new(),
            });
            if tag.pages.last() != Some(&id) {
                tag.pages.push(id);
            }
        }
    }
    // Every language has a tag list, even an empty one, so the theme's link to it never breaks.
    for lang in &config.languages {
        tags.entry(lang.clone()).or_default();
    }
    for (lang, lang_tags) in &mut tags {
        outputs.claim(
            &format!("{}/tags/", config.lang_prefix(lang)),
            Origin::made(msg!("content-origin-tag-list")),
            &mut diags,
        );
        for tag in lang_tags.values_mut() {
            tag.pages.sort_by(order);
            outputs.claim(
                &tag.url,
                Origin::made(msg!("content-origin-tag", tag = &tag.name)),
                &mut diags,
            );
        }
    }
    graph.tags = tags;

    // 5. Other files: published (when a page links them) beside their section's output,
    //    keeping their relative path.
    for asset in tree.assets {
        let mut parts = asset.rel.splitn(2, '/');
        let first = parts.next().unwrap_or("");
        let url = match (parts.next(), section_index.get(first)) {
            (Some(rest), Some(&si)) => {
                let slug = graph.sections[si]
                    .langs
                    .get(default_lang)
                    .map_or(first, |sl| sl.slug.as_str());
                config.url(&format!("/{slug}/{rest}"))
            }
            _ => config.url(&format!("/{}", asset.rel)),
        };
        outputs.claim(
            &url,
            Origin::file(format!("content/{}", asset.rel)),
            &mut diags,
        );
        graph.asset_urls.insert(asset.rel.clone(), url.clone());
        graph.asset_rels.insert(url.clone(), asset.rel.clone());
        graph.assets.push(AssetOut {
            source: asset.source,
            url,
        });
    }

    graph.collided = outputs.collided;
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

fn lang_rank(config: &Config, lang: &str) -> usize {
    config
        .languages
        .iter()
        .position(|l| l == lang)
        .unwrap_or(usize::MAX)
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

fn slug_error(
    display: &str,
    raw: &str,
    err: &slug::SlugError,
    position: Option<Position>,
) -> Diagnostic {
    match err {
        slug::SlugError::Escapes => Diagnostic::error(
            "slug",
            display,
            msg!("content-slug-escapes", slug = format!("{raw:?}")),
        )
        .at(position)
        .with_hint(match slug::slugify(raw) {
            s if s.is_empty() => msg!("content-slug-escapes-hint"),
            s => msg!("content-slug-escapes-hint-write", slug = s),
        }),
        slug::SlugError::Empty => Diagnostic::error(
            "slug",
            display,
            msg!("content-slug-empty", slug = format!("{raw:?}")),
        )
        .at(position)
        .with_hint(msg!("content-slug-empty-hint")),
    }
}

fn tag_position(page: &Page, name: &str) -> Option<crate::diag::Position> {
    let file = &page.body.file;
    let offset = file.text.get(..page.body.start)?.find(name)?;
    Some(file.position(offset, name.len()))
}

/// The first line of `file`, for an error about the file as a whole (its name).
fn first_line(file: &SourceFile) -> Option<Position> {
    Some(Position {
        line: 1,
        column: 1,
        width: 1,
        source_line: file.text.lines().next().unwrap_or("").to_string(),
    })
}

/// Who claims an output URL: a file of the site (perhaps through one of its old addresses),
/// or a page warta makes itself (the home page, a section without `_index.md`, a tag).
#[derive(Clone)]
struct Origin {
    /// The file that gives the URL, where an error about it points.
    file: Option<String>,
    /// The file claims the URL through this old address (alias).
    alias: bool,
    /// How a message names it: `content/berita/a.md (old address /lama/)`, `tag `pesta``.
    name: Message,
}

impl Origin {
    fn file(file: impl Into<String>) -> Self {
        let file = file.into();
        Origin {
            name: msg!("content-origin-file", file = file.as_str()),
            file: Some(file),
            alias: false,
        }
    }

    fn alias(file: &str, alias: &str) -> Self {
        Origin {
            name: msg!("content-origin-alias", file, alias),
            file: Some(file.to_string()),
            alias: true,
        }
    }

    fn made(name: Message) -> Self {
        Origin {
            file: None,
            alias: false,
            name,
        }
    }

    /// The file a diagnostic about this origin names (`content/` for a page warta makes).
    fn display(&self) -> String {
        self.file.clone().unwrap_or_else(|| "content/".to_string())
    }
}

/// Every output URL with the source that claims it, so two never write one file.
#[derive(Default)]
struct OutputMap {
    claimed: HashMap<String, Origin>,
    /// URLs claimed twice.
    collided: HashSet<String>,
    /// The folder of processed images (`/processed_images/` below the base path): warta's
    /// alone, since `_headers` marks everything in it to be cached forever.
    reserved: String,
}

impl OutputMap {
    fn claim(&mut self, url: &str, origin: Origin, diags: &mut Diagnostics) {
        self.claim_at(url, origin, || None, diags);
    }

    /// Claims `url` for `origin`; `at` finds the place in `origin`'s file to point an error
    /// at (only computed for an error).
    fn claim_at(
        &mut self,
        url: &str,
        origin: Origin,
        at: impl FnOnce() -> Option<Position>,
        diags: &mut Diagnostics,
    ) {
        if url.starts_with(&self.reserved) {
            let folder = self.reserved.as_str();
            let (message, hint) = if origin.alias {
                (
                    msg!("content-alias-in-image-folder", url, folder),
                    msg!("content-alias-in-image-folder-hint"),
                )
            } else {
                (
                    msg!("content-file-in-image-folder", url, folder),
                    msg!("content-file-in-image-folder-hint"),
                )
            };
            diags.push(
                Diagnostic::error("collision", origin.display(), message)
                    .at(at())
                    .with_hint(hint),
            );
            return;
        }
        let key = url.trim_end_matches("index.html").to_string();
        if let Some(first) = self.claimed.get(&key) {
            self.collided.insert(url.to_string());
            let (file, other, position) = if origin.file.is_some() {
                (origin.display(), first.name.clone(), at())
            } else {
                (first.display(), origin.name.clone(), None)
            };
            diags.push(
                Diagnostic::error(
                    "collision",
                    file,
                    msg!("content-collision", url)
                        .arg_message("first", first.name.clone())
                        .arg_message("second", origin.name.clone()),
                )
                .at(position)
                .with_hint(msg!("content-collision-hint").arg_message("other", other)),
            );
            return;
        }
        self.claimed.insert(key, origin);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::DocumentPath;

    fn config() -> Config {
        Config {
            base_url: "https://x.id".into(),
            base_path: String::new(),
            title: BTreeMap::from([("id".into(), "X".into())]),
            description: BTreeMap::new(),
            default_language: "id".into(),
            languages: vec!["id".into(), "en".into()],
            theme: None,
            extra: serde_json::Value::Null,
            hotline: None,
            alerts: Vec::new(),
            menu: Vec::new(),
            output: crate::config::OutputConfig::default(),
            images: crate::config::ImagesConfig::default(),
            markdown: crate::config::HtmlPolicy::default(),
            budgets: crate::config::Budgets::default(),
        }
    }

    fn doc(section: Option<&str>, name: &str, lang: &str, text: &str) -> Document {
        let display = match section {
            Some(s) => format!("content/{s}/{name}.{lang}.md"),
            None => format!("content/{name}.{lang}.md"),
        };
        Document {
            path: DocumentPath {
                section: section.map(str::to_string),
                name: name.into(),
                lang: lang.into(),
            },
            file: SourceFile::new(display, text.into()),
        }
    }

    fn publish() -> Publish {
        Publish {
            drafts: false,
            today: Date::from_ymd(2025, 1, 1).unwrap_or_else(Date::today),
        }
    }

    #[test]
    fn urls_translations_and_section_slugs() {
        let tree = SourceTree {
            documents: vec![
                doc(
                    Some("berita"),
                    "_index",
                    "id",
                    "---\ntitle: Berita\ntype: press_release\n---\n",
                ),
                doc(
                    Some("berita"),
                    "_index",
                    "en",
                    "---\ntitle: News\nslug: news\n---\n",
                ),
                doc(
                    Some("berita"),
                    "2024-11-22-sosialisasi-banten",
                    "id",
                    "---\ntitle: A\ndate: 2024-11-22\n---\n",
                ),
                doc(
                    Some("berita"),
                    "2024-11-22-sosialisasi-banten",
                    "en",
                    "---\ntitle: A\ndate: 2024-11-22\nslug: outreach-banten\n---\n",
                ),
            ],
            assets: vec![],
        };
        let (g, d) = build(&config(), tree, publish());
        assert!(!d.has_errors(), "{d:?}");
        let urls: Vec<&str> = g.pages.iter().map(|p| p.url.as_str()).collect();
        assert_eq!(
            urls,
            ["/berita/sosialisasi-banten/", "/en/news/outreach-banten/"]
        );
        assert_eq!(g.pages[0].translations, vec![1]);
        assert_eq!(g.pages[1].translations, vec![0]);
        assert_eq!(g.pages[1].content_type, ContentType::PressRelease);
    }

    #[test]
    fn a_base_path_is_in_every_url_of_the_graph() {
        let mut config = config();
        config.base_url = "https://example.github.io/kp2mi".into();
        config.base_path = "/kp2mi".into();
        let tree = SourceTree {
            documents: vec![
                doc(
                    Some("berita"),
                    "2024-11-22-a",
                    "id",
                    "---\ntitle: A\ndate: 2024-11-22\ntags: [x]\naliases: [/lama]\n---\n",
                ),
                doc(
                    Some("berita"),
                    "2024-11-22-a",
                    "en",
                    "---\ntitle: A\ndate: 2024-11-22\n---\n",
                ),
            ],
            assets: vec![crate::source::Asset {
                rel: "berita/foto.jpg".into(),
                source: "content/berita/foto.jpg".into(),
            }],
        };
        let (g, d) = build(&config, tree, publish());
        assert!(!d.has_errors(), "{d:?}");
        let urls: Vec<&str> = g.pages.iter().map(|p| p.url.as_str()).collect();
        assert_eq!(urls, ["/kp2mi/berita/a/", "/kp2mi/en/berita/a/"]);
        assert_eq!(
            g.homes.get("en").map(|h| h.url.as_str()),
            Some("/kp2mi/en/")
        );
        assert_eq!(
            g.sections[0].langs.get("id").map(|s| s.url.as_str()),
            Some("/kp2mi/berita/")
        );
        assert_eq!(
            g.tags
                .get("id")
                .and_then(|t| t.get("x"))
                .map(|t| t.url.as_str()),
            Some("/kp2mi/tags/x/")
        );
        assert_eq!(g.assets[0].url, "/kp2mi/berita/foto.jpg");
        assert_eq!(
            g.asset_urls.get("berita/foto.jpg").map(String::as_str),
            Some("/kp2mi/berita/foto.jpg")
        );
        assert_eq!(
            g.link_targets
                .get("berita/2024-11-22-a.md")
                .and_then(|t| t.get("en"))
                .map(String::as_str),
            Some("/kp2mi/en/berita/a/")
        );
    }

    #[test]
    fn two_pages_on_one_url_name_both_files() {
        let tree = SourceTree {
            documents: vec![
                doc(None, "a", "id", "---\ntitle: A\nslug: same\n---\n"),
                doc(None, "b", "id", "---\ntitle: B\nslug: same\n---\n"),
            ],
            assets: vec![],
        };
        let (_, d) = build(&config(), tree, publish());
        let errors: Vec<_> = d.iter().filter(|d| d.is_error()).collect();
        assert_eq!(errors.len(), 1);
        assert!(
            errors[0].message.contains("content/a.id.md")
                && errors[0].message.contains("content/b.id.md"),
            "{}",
            errors[0].message
        );
    }

    #[test]
    fn drafts_and_future_pages_are_not_published() {
        let tree = SourceTree {
            documents: vec![
                doc(None, "a", "id", "---\ntitle: A\ndraft: true\n---\n"),
                doc(None, "b", "id", "---\ntitle: B\ndate: 2030-01-01\n---\n"),
                doc(None, "c", "id", "---\ntitle: C\ndate: 2024-01-01\n---\n"),
            ],
            assets: vec![],
        };
        let (g, _) = build(&config(), tree, publish());
        assert_eq!(g.pages.len(), 1);
        assert_eq!(g.drafts_skipped, 2);
    }
}
