//! The pages warta makes from lists of pages: each language's home (latest press releases and
//! the sections), section lists and tag pages with their [`Paginator`], the tag index, and the
//! pages around them (search, 404, the redirect page of an alias).

use serde::Serialize;
use tera::Context;

use super::base::{Crumb, Frame};
use super::{Summary, TagRef, Views};
use crate::content::kinds::ContentType;
use crate::content::{PAGE_SIZE, PageId};

#[derive(Serialize)]
struct Paginator<'a> {
    pages: Vec<&'a Summary>,
    current: usize,
    total: usize,
    prev_url: Option<String>,
    next_url: Option<String>,
    first_url: String,
    last_url: String,
    numbers: Vec<PageNumber>,
}

#[derive(Serialize)]
struct PageNumber {
    number: usize,
    url: String,
    current: bool,
}

#[derive(Serialize)]
struct SectionView<'s> {
    title: &'s str,
    description: &'s str,
    url: &'s str,
    content: &'s str,
    r#type: &'static str,
}

#[derive(Serialize)]
struct HomeView<'s> {
    title: &'s str,
    description: &'s str,
    content: &'s str,
}

/// A section as the home page lists it.
#[derive(Serialize)]
struct SectionItem {
    title: String,
    url: String,
    description: String,
    count: usize,
}

#[derive(Serialize)]
struct TagItem<'s> {
    name: &'s str,
    url: &'s str,
    count: usize,
}

impl Views<'_> {
    /// List page `number` (from 1) of `ids`, whose first page is at `base_url`.
    fn paginator<'s>(&'s self, ids: &[PageId], base_url: &str, number: usize) -> Paginator<'s> {
        let total = ids.len().div_ceil(PAGE_SIZE).max(1);
        let url_of = |n: usize| {
            if n == 1 {
                base_url.to_string()
            } else {
                format!("{base_url}page/{n}/")
            }
        };
        let start = (number - 1) * PAGE_SIZE;
        Paginator {
            pages: ids
                .iter()
                .skip(start)
                .take(PAGE_SIZE)
                .map(|&id| self.summary(id))
                .collect(),
            current: number,
            total,
            prev_url: (number > 1).then(|| url_of(number - 1)),
            next_url: (number < total).then(|| url_of(number + 1)),
            first_url: url_of(1),
            last_url: url_of(total),
            numbers: (1..=total)
                .map(|n| PageNumber {
                    number: n,
                    url: url_of(n),
                    current: n == number,
                })
                .collect(),
        }
    }

    /// List page `number` of section `si` in `lang`: its context, URL, and origin for errors.
    pub fn section(&self, si: usize, lang: &str, number: usize) -> (Context, String, String) {
        let section = &self.graph.sections[si];
        let Some(sl) = section.langs.get(lang) else {
            return (Context::new(), String::new(), section.key.clone());
        };
        let url = if number == 1 {
            sl.url.clone()
        } else {
            format!("{}page/{number}/", sl.url)
        };
        let versions: Vec<(String, String)> = self
            .config
            .languages
            .iter()
            .filter_map(|l| section.langs.get(l).map(|s| (l.clone(), s.url.clone())))
            .collect();
        let switches = self.switches(lang, &versions, |l| {
            format!("{}/", self.config.lang_prefix(l))
        });
        let crumbs = vec![
            self.home_crumb(lang),
            Crumb {
                title: sl.title.clone(),
                url: sl.url.clone(),
            },
        ];
        let alternates = if number == 1 {
            versions
        } else {
            vec![(lang.to_string(), url.clone())]
        };
        let mut ctx = self.base(Frame {
            description: sl.description.as_deref().unwrap_or(""),
            alternates,
            switches,
            breadcrumbs: crumbs,
            current_section: Some(si),
            ..Frame::new(lang, "section", &url, &sl.title)
        });
        let content = self
            .bodies
            .sections
            .get(&(si, lang.to_string()))
            .map_or("", |r| r.html.as_str());
        ctx.insert(
            "section",
            &SectionView {
                title: &sl.title,
                description: sl.description.as_deref().unwrap_or(""),
                url: &sl.url,
                content,
                r#type: section.content_type.name(),
            },
        );
        ctx.insert("paginator", &self.paginator(&sl.list, &sl.url, number));
        let origin = sl
            .body
            .as_ref()
            .map_or_else(|| url.clone(), |b| b.file.display.clone());
        (ctx, url, origin)
    }

    /// A language's home page: its context, URL, and origin for errors.
    pub fn home(&self, lang: &str) -> (Context, String, String) {
        let home = self.graph.homes.get(lang);
        let url = format!("{}/", self.config.lang_prefix(lang));
        let versions: Vec<(String, String)> = self
            .config
            .languages
            .iter()
            .map(|l| (l.clone(), format!("{}/", self.config.lang_prefix(l))))
            .collect();
        let switches = self.switches(lang, &versions, |l| {
            format!("{}/", self.config.lang_prefix(l))
        });
        let site_title = self.config.title_in(lang);
        let description = home
            .and_then(|h| h.description.as_deref())
            .unwrap_or_else(|| self.config.description_in(lang));
        let mut ctx = self.base(Frame {
            description,
            alternates: versions,
            switches,
            breadcrumbs: vec![self.home_crumb(lang)],
            ..Frame::new(lang, "home", &url, site_title)
        });
        ctx.insert(
            "home",
            &HomeView {
                title: home.and_then(|h| h.title.as_deref()).unwrap_or(site_title),
                description,
                content: self.bodies.homes.get(lang).map_or("", |r| r.html.as_str()),
            },
        );
        ctx.insert("latest", &self.latest_press_releases(lang));
        ctx.insert("sections_list", &self.section_items(lang));
        let origin = home
            .and_then(|h| h.body.as_ref())
            .map_or_else(|| url.clone(), |b| b.file.display.clone());
        (ctx, url, origin)
    }

    /// The five latest press releases listed in `lang` (those only in another language
    /// too), for its home page.
    fn latest_press_releases(&self, lang: &str) -> Vec<&Summary> {
        let graph = self.graph;
        let languages = &self.config.languages;
        let mut latest: Vec<PageId> = (0..graph.pages.len())
            .filter(|&id| graph.pages[id].content_type == ContentType::PressRelease)
            .filter(|&id| crate::content::related::listed_in(&graph.pages, languages, id, lang))
            .collect();
        latest
            .sort_by(|a, b| crate::content::compare_for_lists(&graph.pages[*a], &graph.pages[*b]));
        latest.iter().take(5).map(|&id| self.summary(id)).collect()
    }

    /// The sections in the menu's order, with their descriptions and page counts.
    fn section_items(&self, lang: &str) -> Vec<SectionItem> {
        self.menu(lang, None)
            .into_iter()
            .filter_map(|m| {
                let s = self
                    .graph
                    .sections
                    .iter()
                    .find_map(|s| s.langs.get(lang).filter(|sl| sl.url == m.url))?;
                Some(SectionItem {
                    title: s.title.clone(),
                    url: s.url.clone(),
                    description: s.description.clone().unwrap_or_default(),
                    count: s.list.len(),
                })
            })
            .collect()
    }

    /// The URL of a language's tag index.
    pub(super) fn tags_url(&self, lang: &str) -> String {
        format!("{}/tags/", self.config.lang_prefix(lang))
    }

    /// A language's tag index: every tag with its page count, by name.
    pub fn tag_list(&self, lang: &str) -> (Context, String) {
        let url = self.tags_url(lang);
        let title = self.t("tags", lang, "Tags");
        let existing: Vec<(String, String)> = self
            .config
            .languages
            .iter()
            .filter(|l| self.graph.tags.contains_key(*l))
            .map(|l| (l.clone(), self.tags_url(l)))
            .collect();
        let switches = self.switches(lang, &existing, |l| {
            format!("{}/", self.config.lang_prefix(l))
        });
        let crumbs = vec![
            self.home_crumb(lang),
            Crumb {
                title: title.clone(),
                url: url.clone(),
            },
        ];
        let mut ctx = self.base(Frame {
            alternates: existing,
            switches,
            breadcrumbs: crumbs,
            ..Frame::new(lang, "tags", &url, &title)
        });
        let mut tags: Vec<TagItem> = self
            .graph
            .tags
            .get(lang)
            .map(|t| {
                t.values()
                    .map(|t| TagItem {
                        name: &t.name,
                        url: &t.url,
                        count: t.pages.len(),
                    })
                    .collect()
            })
            .unwrap_or_default();
        tags.sort_by(|a, b| {
            a.name
                .to_lowercase()
                .cmp(&b.name.to_lowercase())
                .then(a.url.cmp(b.url))
        });
        ctx.insert("tags", &tags);
        (ctx, url)
    }

    /// List page `number` of the pages tagged `slug` in `lang`.
    pub fn tag(&self, lang: &str, slug: &str, number: usize) -> (Context, String) {
        let Some(tag) = self.graph.tags.get(lang).and_then(|t| t.get(slug)) else {
            return (Context::new(), String::new());
        };
        let url = if number == 1 {
            tag.url.clone()
        } else {
            format!("{}page/{number}/", tag.url)
        };
        let versions = self.tag_versions(lang, tag);
        let switches = self.switches(lang, &versions, |l| self.tags_url(l));
        let crumbs = vec![
            self.home_crumb(lang),
            Crumb {
                title: self.t("tags", lang, "Tags"),
                url: self.tags_url(lang),
            },
            Crumb {
                title: tag.name.clone(),
                url: tag.url.clone(),
            },
        ];
        let alternates = if number == 1 {
            versions
        } else {
            vec![(lang.to_string(), url.clone())]
        };
        let mut ctx = self.base(Frame {
            alternates,
            switches,
            breadcrumbs: crumbs,
            ..Frame::new(lang, "tag", &url, &tag.name)
        });
        ctx.insert(
            "tag",
            &TagRef {
                name: tag.name.clone(),
                url: tag.url.clone(),
            },
        );
        ctx.insert("paginator", &self.paginator(&tag.pages, &tag.url, number));
        (ctx, url)
    }

    /// A language's 404 page and its path.
    pub fn not_found(&self, lang: &str) -> (Context, String) {
        let prefix = self.config.lang_prefix(lang);
        let url = format!("{prefix}/404.html");
        let title = self.t("not_found_title", lang, "404");
        let switches = self.switches(lang, &[], |l| format!("{}/", self.config.lang_prefix(l)));
        let mut ctx = self.base(Frame {
            switches,
            breadcrumbs: vec![self.home_crumb(lang)],
            ..Frame::new(lang, "404", &url, &title)
        });
        ctx.insert("sections_list", &self.menu(lang, None));
        (ctx, url.trim_start_matches('/').to_string())
    }

    /// A language's search page: the form, the results `search.js` fills in, and the section
    /// lists for readers without JavaScript.
    pub fn search(&self, lang: &str) -> (Context, String) {
        let url = self.search_url(lang);
        let title = self.t("search", lang, "Search");
        let alternates: Vec<(String, String)> = self
            .config
            .languages
            .iter()
            .map(|l| (l.clone(), self.search_url(l)))
            .collect();
        let switches = self.switches(lang, &alternates, |l| self.search_url(l));
        let crumbs = vec![
            self.home_crumb(lang),
            Crumb {
                title: title.clone(),
                url: url.clone(),
            },
        ];
        let mut ctx = self.base(Frame {
            alternates,
            switches,
            breadcrumbs: crumbs,
            ..Frame::new(lang, "search", &url, &title)
        });
        ctx.insert(
            "search_index",
            &self.config.url(&format!("/search/{lang}/")),
        );
        (ctx, url)
    }

    /// The redirect page of `alias`, with its path; its origin is the page's file (see
    /// [`crate::render::engine::Origin::Alias`]).
    pub fn alias(&self, id: PageId, alias: &str) -> (Context, String) {
        let page = &self.graph.pages[id];
        let url = self.config.url(&crate::content::normalize_alias(alias));
        let mut ctx = self.base(Frame::new(&page.lang, "alias", &url, &page.fm.title));
        ctx.insert("target", &self.config.permalink(&page.url));
        (ctx, crate::artifact::url_to_path(&url))
    }
}
