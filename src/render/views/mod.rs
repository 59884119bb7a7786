//! Template contexts: what each kind of output gives its template (documented for theme
//! authors in docs/templates.md). Everything here is plain data built from the graph.
//!
//! This module owns [`Views`], the data every template needs, made once per build: the
//! settings, the graph and the rendered bodies, and per-page caches (a page's tags, its lead
//! image, its summary in lists) filled when first asked for, plus the problems found while
//! filling them. Its children build the contexts, each for what it serves:
//!
//! - `base`: what every page shows (the site, menu, hotline, alerts, breadcrumbs, language
//!   switches and alternates);
//! - `page`: a content page, with its JSON-LD;
//! - `lists`: homes, section and tag lists with their paginator, the tag index, the search
//!   page, 404 and alias pages;
//! - `feeds`: Atom feeds and the sitemap;
//! - `image`: a page's lead image;
//! - `contact`: phone numbers and WhatsApp links, local emergency numbers;
//! - `chrome`: the help link, masthead, footer links, hotline hours and feedback link that
//!   site.yaml sets;
//! - `cost`: a guide's cost table, with amounts written per language;
//! - `actions`: the links of alerts (a page's action buttons come resolved with its body);
//! - `related`: a country page's news and guides, a tag in the other languages.
//! - `journey`: the journey a guide is a step (or the overview) of.

mod actions;
mod base;
mod chrome;
mod contact;
mod cost;
mod feeds;
mod image;
mod journey;
mod lists;
mod page;
mod related;

use std::collections::HashMap;
use std::sync::{Mutex, OnceLock};

use serde::Serialize;

use super::Bodies;
use super::engine::translate;
use crate::config::Config;
use crate::content::kinds::TypeFields;
use crate::content::{ContentGraph, Page, PageId};
use crate::dates::Date;
use crate::diag::{Diagnostic, Diagnostics};
use crate::markdown::cut_at_word;
use crate::theme::Theme;

use image::ImageView;
pub use related::country_pages_showing;

#[derive(Serialize, Clone)]
struct TagRef {
    name: String,
    url: String,
}

/// A page in lists.
#[derive(Serialize, Clone)]
pub struct Summary {
    title: String,
    url: String,
    summary: String,
    date: Option<String>,
    date_display: Option<String>,
    updated_display: Option<String>,
    r#type: &'static str,
    /// The page's language: a list of another language marks it.
    lang: String,
    tags: Vec<TagRef>,
    image: Option<ImageView>,
    place: Option<String>,
    country_code: Option<String>,
    status: Option<&'static str>,
    status_label: Option<&'static str>,
}

/// The data every template of one build needs: made once, shared by the parallel renders, its
/// per-page parts made when first asked for (a fast rebuild of the dev server renders a few
/// pages of a large site).
pub struct Views<'a> {
    pub config: &'a Config,
    pub graph: &'a ContentGraph,
    theme: &'a Theme,
    bodies: &'a Bodies,
    today: Date,
    summaries: Vec<OnceLock<Summary>>,
    page_tags: Vec<OnceLock<Vec<TagRef>>>,
    images: Vec<OnceLock<Option<ImageView>>>,
    /// (lang, country code) → the URL of that country's page.
    country_urls: HashMap<(String, String), String>,
    /// The pages site.yaml names for the chrome (help, footer), per language.
    chrome_links: chrome::ChromeLinks,
    problems: Mutex<Diagnostics>,
}

impl<'a> Views<'a> {
    pub fn new(
        config: &'a Config,
        theme: &'a Theme,
        graph: &'a ContentGraph,
        bodies: &'a Bodies,
        today: Date,
    ) -> Views<'a> {
        let mut country_urls = HashMap::new();
        for page in &graph.pages {
            if let TypeFields::Country(c) = &page.fm.fields
                && !c.country_code.is_empty()
            {
                country_urls.insert(
                    (page.lang.clone(), c.country_code.clone()),
                    page.url.clone(),
                );
            }
        }
        let (chrome_links, problems) = chrome::ChromeLinks::resolve(config, graph);
        Views {
            config,
            graph,
            theme,
            bodies,
            today,
            summaries: (0..graph.pages.len()).map(|_| OnceLock::new()).collect(),
            page_tags: (0..graph.pages.len()).map(|_| OnceLock::new()).collect(),
            images: (0..graph.pages.len()).map(|_| OnceLock::new()).collect(),
            country_urls,
            chrome_links,
            problems: Mutex::new(problems),
        }
    }

    /// A page's tags, with their names and URLs.
    fn tags_of(&self, id: PageId) -> &[TagRef] {
        self.page_tags[id].get_or_init(|| {
            let p = &self.graph.pages[id];
            let tags = self.graph.tags.get(&p.lang);
            let mut seen = Vec::new();
            p.fm.tags
                .iter()
                .filter_map(|name| {
                    let slug = crate::content::slug::slugify(name);
                    let tag = tags?.get(&slug)?;
                    if seen.contains(&slug) {
                        return None;
                    }
                    seen.push(slug);
                    Some(TagRef {
                        name: tag.name.clone(),
                        url: tag.url.clone(),
                    })
                })
                .collect()
        })
    }

    /// A page's lead image; a missing or broken one is a problem (reported once).
    fn image_of(&self, id: PageId) -> Option<&ImageView> {
        self.images[id].get_or_init(|| self.make_image(id)).as_ref()
    }

    /// A page as lists show it.
    fn summary(&self, id: PageId) -> &Summary {
        self.summaries[id].get_or_init(|| {
            let p = &self.graph.pages[id];
            let (country_code, status) = match &p.fm.fields {
                TypeFields::Country(c) => (Some(c.country_code.clone()), c.status),
                _ => (None, None),
            };
            Summary {
                title: p.fm.title.clone(),
                url: p.url.clone(),
                summary: summary_text(
                    p,
                    self.bodies
                        .pages
                        .get(id)
                        .map_or("", |r| r.first_paragraph.as_str()),
                ),
                date: p.fm.date.map(|d| d.iso()),
                date_display: p.fm.date.map(|d| d.display(&p.lang)),
                updated_display: p.fm.updated.map(|d| d.display(&p.lang)),
                r#type: p.content_type.name(),
                lang: p.lang.clone(),
                tags: self.tags_of(id).to_vec(),
                image: self.image_of(id).cloned(),
                place: match &p.fm.fields {
                    TypeFields::PressRelease { place, .. } => place.clone(),
                    _ => None,
                },
                country_code,
                status: status.map(|s| s.code()),
                status_label: status.map(|s| s.label(&p.lang)),
            }
        })
    }

    /// Keeps a problem found while building views, for [`Views::diagnostics`].
    fn problem(&self, d: Diagnostic) {
        if let Ok(mut problems) = self.problems.lock() {
            problems.push(d);
        }
    }

    /// Problems found while building views (missing images).
    pub fn diagnostics(&self) -> Diagnostics {
        self.problems.lock().map(|p| p.clone()).unwrap_or_default()
    }

    /// The theme's string `key` in `lang` (or the default language), else `fallback`.
    fn t(&self, key: &str, lang: &str, fallback: &str) -> String {
        translate(&self.theme.i18n, key, lang, &self.config.default_language)
            .unwrap_or_else(|| fallback.to_string())
    }
}

fn summary_text(page: &Page, first_paragraph: &str) -> String {
    match &page.fm.description {
        Some(d) if !d.trim().is_empty() => d.trim().to_string(),
        _ => cut_at_word(first_paragraph, 200),
    }
}
