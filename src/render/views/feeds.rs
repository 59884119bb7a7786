//! The outputs for machines: an Atom feed per language and per section (the latest dated
//! pages, with their whole bodies), and the sitemap (every page, section, home and tag page,
//! with its translations as `hreflang` alternates).

use serde::Serialize;
use tera::Context;

use super::Views;
use super::base::Frame;
use crate::config::Config;
use crate::content::{PAGE_SIZE, PageId};

#[derive(Serialize)]
struct FeedView {
    title: String,
    url: String,
    alternate: String,
    updated: String,
    entries: Vec<FeedEntry>,
}

#[derive(Serialize)]
struct FeedEntry {
    title: String,
    permalink: String,
    date: String,
    updated: String,
    summary: String,
    content: String,
}

#[derive(Serialize)]
struct SitemapEntry {
    loc: String,
    lastmod: Option<String>,
    alternates: Vec<SitemapAlternate>,
}

#[derive(Serialize)]
struct SitemapAlternate {
    hreflang: String,
    href: String,
}

impl Views<'_> {
    /// The Atom feed of `lang`, or of a section in `lang`, and its path.
    pub fn feed(&self, lang: &str, section: Option<usize>) -> (Context, String) {
        let (ids, title, html_url) = self.feed_pages(lang, section);
        let feed_url = format!("{html_url}atom.xml");
        let entries: Vec<FeedEntry> = ids
            .iter()
            .filter(|&&id| self.graph.pages[id].sort_date().is_some())
            .take(PAGE_SIZE)
            .map(|&id| self.feed_entry(id))
            .collect();
        let updated = entries
            .iter()
            .map(|e| e.updated.clone())
            .max()
            .unwrap_or_else(|| "2000-01-01T00:00:00Z".to_string());
        let mut ctx = self.base(Frame {
            current_section: section,
            ..Frame::new(lang, "feed", &feed_url, &title)
        });
        ctx.insert(
            "feed",
            &FeedView {
                title,
                url: self.config.permalink(&feed_url),
                alternate: self.config.permalink(&html_url),
                updated,
                entries,
            },
        );
        (ctx, crate::artifact::url_to_path(&feed_url))
    }

    /// The pages of a feed in list order, its title, and the URL of the page it follows: the
    /// section's in `lang`, or else the language's dated pages and its home.
    fn feed_pages(&self, lang: &str, section: Option<usize>) -> (Vec<PageId>, String, String) {
        let graph = self.graph;
        match section.and_then(|si| graph.sections[si].langs.get(lang)) {
            Some(sl) => (
                sl.pages.clone(),
                format!("{} — {}", sl.title, self.config.title_in(lang)),
                sl.url.clone(),
            ),
            None => {
                let mut ids: Vec<PageId> = graph
                    .pages_in(lang)
                    .filter(|(_, p)| p.sort_date().is_some())
                    .map(|(id, _)| id)
                    .collect();
                ids.sort_by(|a, b| {
                    crate::content::compare_for_lists(&graph.pages[*a], &graph.pages[*b])
                });
                (
                    ids,
                    self.config.title_in(lang).to_string(),
                    format!("{}/", self.config.lang_prefix(lang)),
                )
            }
        }
    }

    fn feed_entry(&self, id: PageId) -> FeedEntry {
        let p = &self.graph.pages[id];
        let published = p.sort_date().map(|d| d.rfc3339()).unwrap_or_default();
        FeedEntry {
            title: p.fm.title.clone(),
            permalink: self.config.permalink(&p.url),
            updated: p
                .fm
                .updated
                .map_or_else(|| published.clone(), |d| d.rfc3339()),
            date: published,
            summary: self.summary(id).summary.clone(),
            content: self
                .bodies
                .pages
                .get(id)
                .map(|r| r.html.clone())
                .unwrap_or_default(),
        }
    }

    /// The sitemap: homes, sections, pages, then each language's tag index and tag pages.
    pub fn sitemap(&self) -> Context {
        let graph = self.graph;
        let config = self.config;
        let mut entries = Vec::new();
        let homes: Vec<(String, String)> = config
            .languages
            .iter()
            .map(|l| (l.clone(), format!("{}/", config.lang_prefix(l))))
            .collect();
        for (_, url) in &homes {
            entries.push(SitemapEntry {
                loc: config.permalink(url),
                lastmod: None,
                alternates: sitemap_alternates(config, &homes),
            });
        }
        for section in &graph.sections {
            let versions: Vec<(String, String)> = config
                .languages
                .iter()
                .filter_map(|l| section.langs.get(l).map(|s| (l.clone(), s.url.clone())))
                .collect();
            for (_, url) in &versions {
                entries.push(SitemapEntry {
                    loc: config.permalink(url),
                    lastmod: None,
                    alternates: sitemap_alternates(config, &versions),
                });
            }
        }
        for page in &graph.pages {
            entries.push(SitemapEntry {
                loc: config.permalink(&page.url),
                lastmod: page.fm.updated.or(page.fm.date).map(|d| d.iso()),
                alternates: sitemap_alternates(config, &self.page_versions(page)),
            });
        }
        // Every language has a tag index, and each names the others (as its HTML does).
        let tag_indexes: Vec<(String, String)> = config
            .languages
            .iter()
            .map(|l| (l.clone(), self.tags_url(l)))
            .collect();
        for (lang, tags) in &graph.tags {
            entries.push(SitemapEntry {
                loc: config.permalink(&self.tags_url(lang)),
                lastmod: None,
                alternates: sitemap_alternates(config, &tag_indexes),
            });
            for tag in tags.values() {
                entries.push(SitemapEntry {
                    loc: config.permalink(&tag.url),
                    lastmod: None,
                    alternates: sitemap_alternates(config, &self.tag_versions(lang, tag)),
                });
            }
        }
        let mut ctx = Context::new();
        ctx.insert("lang", &config.default_language);
        ctx.insert("kind", "sitemap");
        ctx.insert("entries", &entries);
        ctx
    }
}

/// The `hreflang` alternates of an output that exists at `urls` (language, URL), with the
/// default language's as `x-default`; none for an output in one language.
fn sitemap_alternates(config: &Config, urls: &[(String, String)]) -> Vec<SitemapAlternate> {
    if urls.len() < 2 {
        return Vec::new();
    }
    let mut alts: Vec<SitemapAlternate> = urls
        .iter()
        .map(|(l, u)| SitemapAlternate {
            hreflang: l.clone(),
            href: config.permalink(u),
        })
        .collect();
    if let Some((_, u)) = urls.iter().find(|(l, _)| *l == config.default_language) {
        alts.push(SitemapAlternate {
            hreflang: "x-default".into(),
            href: config.permalink(u),
        });
    }
    alts
}
