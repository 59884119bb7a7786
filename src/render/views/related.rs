//! What links a page to others beyond its section: on a country page, the latest press
//! releases and the guides that name its country in `countries:` (issue 16, point 6); the
//! same tag in the other languages (a topic of site.yaml's `tags:`), for a tag page's language
//! switch, its `hreflang` alternates and the sitemap; and the countries a page names.
//!
//! A page of another language is listed when it has no translation in the page's language
//! (as in section lists); it is marked with its language.

use serde::Serialize;

use super::Views;
use crate::content::kinds::{ContentType, TypeFields};
use crate::content::related::listed_in;
use crate::content::{ContentGraph, Page, PageId, Tag, compare_for_lists};
use crate::countries;

/// How many press releases a country page lists.
const NEWS_LIMIT: usize = 5;

/// A page a country page points to.
#[derive(Serialize)]
pub(super) struct RelatedItem {
    title: String,
    url: String,
    /// `YYYY-MM-DD`, for `<time datetime>`.
    date: Option<String>,
    /// In the language of the page that lists it.
    date_display: Option<String>,
    /// The item's language when it is not the listing page's.
    lang: Option<String>,
}

/// The press releases and guides about a country.
#[derive(Serialize)]
pub(super) struct RelatedView {
    news: Vec<RelatedItem>,
    guides: Vec<RelatedItem>,
}

/// A country a page names, linked to its page when the site has one in the page's language.
#[derive(Serialize, Clone)]
pub(super) struct CountryRef {
    code: String,
    name: String,
    url: Option<String>,
}

impl Views<'_> {
    /// The related pages of a country page (`None` for other pages, or when there are none).
    pub(super) fn related(&self, id: PageId) -> Option<RelatedView> {
        let page = &self.graph.pages[id];
        let TypeFields::Country(c) = &page.fm.fields else {
            return None;
        };
        let code = c.country_code.as_str();
        let mut news = self.naming(ContentType::PressRelease, code, &page.lang);
        news.sort_by(|a, b| compare_for_lists(&self.graph.pages[*a], &self.graph.pages[*b]));
        news.truncate(NEWS_LIMIT);
        let guides = self.naming(ContentType::Guide, code, &page.lang);
        let view = RelatedView {
            news: news.iter().map(|&n| self.related_item(n, page)).collect(),
            guides: guides.iter().map(|&g| self.related_item(g, page)).collect(),
        };
        (!view.news.is_empty() || !view.guides.is_empty()).then_some(view)
    }

    /// The pages of `kind` listed in `lang` whose `countries:` name `code`, in the order of
    /// their sections' lists.
    fn naming(&self, kind: ContentType, code: &str, lang: &str) -> Vec<PageId> {
        let graph = self.graph;
        graph
            .sections
            .iter()
            .filter(|s| s.content_type == kind)
            .filter_map(|s| s.langs.get(lang))
            .flat_map(|sl| sl.list.iter().copied())
            .filter(|&id| listed_in(&graph.pages, &self.config.languages, id, lang))
            .filter(|&id| names_country(&graph.pages[id], code))
            .collect()
    }

    fn related_item(&self, id: PageId, on: &Page) -> RelatedItem {
        let p = &self.graph.pages[id];
        let date = match p.content_type {
            ContentType::PressRelease => p.fm.date,
            _ => None,
        };
        RelatedItem {
            title: p.fm.title.clone(),
            url: p.url.clone(),
            date: date.map(|d| d.iso()),
            date_display: date.map(|d| d.display(&on.lang)),
            lang: (p.lang != on.lang).then(|| p.lang.clone()),
        }
    }

    /// The countries `codes` in `lang`, each linked to its country page in `lang` if any.
    pub(super) fn country_refs(&self, codes: &[String], lang: &str) -> Vec<CountryRef> {
        codes
            .iter()
            .map(|code| CountryRef {
                code: code.clone(),
                name: countries::name(code, lang),
                url: self
                    .country_urls
                    .get(&(lang.to_string(), code.clone()))
                    .cloned(),
            })
            .collect()
    }

    /// A tag and the same topic's tags in the other languages, as (language, URL) in the
    /// site's order of languages: just the tag when it is not one of site.yaml's topics.
    pub(super) fn tag_versions(&self, lang: &str, tag: &Tag) -> Vec<(String, String)> {
        self.config
            .languages
            .iter()
            .filter_map(|l| {
                if l == lang {
                    return Some((l.clone(), tag.url.clone()));
                }
                let entry = tag.entry?;
                let other = self
                    .graph
                    .tags
                    .get(l)?
                    .values()
                    .find(|t| t.entry == Some(entry))?;
                Some((l.clone(), other.url.clone()))
            })
            .collect()
    }
}

/// Whether `page`'s `countries:` name `code`.
fn names_country(page: &Page, code: &str) -> bool {
    match &page.fm.fields {
        TypeFields::PressRelease { countries, .. } => countries.iter().any(|c| c == code),
        TypeFields::Guide(g) => g.countries.iter().any(|c| c == code),
        _ => false,
    }
}

/// The country pages (every language) that may list one of `changed` as related: those of the
/// countries their `countries:` name, for a fast rebuild.
pub fn country_pages_showing(graph: &ContentGraph, changed: &[PageId]) -> Vec<PageId> {
    let named: Vec<&str> = changed
        .iter()
        .filter_map(|&id| graph.pages.get(id))
        .flat_map(|p| match &p.fm.fields {
            TypeFields::PressRelease { countries, .. } => countries.as_slice(),
            TypeFields::Guide(g) => g.countries.as_slice(),
            _ => &[],
        })
        .map(String::as_str)
        .collect();
    graph
        .pages
        .iter()
        .enumerate()
        .filter(|(_, p)| match &p.fm.fields {
            TypeFields::Country(c) => named.contains(&c.country_code.as_str()),
            _ => false,
        })
        .map(|(id, _)| id)
        .collect()
}
