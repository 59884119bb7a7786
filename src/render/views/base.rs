//! What every page shows around its own content: the site's names and settings, the menu, the
//! hotline, the alerts of the day, breadcrumbs, the switches to other languages, and the
//! alternate URLs (`hreflang`). [`Views::base`] puts them in a fresh template context.

use super::actions::AlertLinkView;
use serde::Serialize;
use tera::Context;

use super::Views;
use super::contact::{tel, whatsapp_url};
use crate::content::Page;

#[derive(Serialize, Clone)]
struct SiteView<'a> {
    title: &'a str,
    description: &'a str,
    base_url: &'a str,
    /// `""`, or `"/kp2mi"` for a site in a folder of its host.
    base_path: &'a str,
    default_language: &'a str,
    languages: &'a [String],
    extra: &'a serde_json::Value,
}

#[derive(Serialize, Clone)]
struct Alternate {
    lang: String,
    hreflang: String,
    url: String,
}

#[derive(Serialize, Clone)]
pub(super) struct Switch {
    lang: String,
    name: &'static str,
    url: String,
    exists: bool,
}

#[derive(Serialize, Clone)]
pub(super) struct MenuItem {
    title: String,
    pub(super) url: String,
    current: bool,
}

#[derive(Serialize, Clone)]
pub(super) struct Crumb {
    pub(super) title: String,
    pub(super) url: String,
}

#[derive(Serialize, Clone)]
struct HotlineView {
    label: String,
    number: Option<String>,
    tel: Option<String>,
    abroad: Option<String>,
    abroad_tel: Option<String>,
    whatsapp: Option<String>,
    whatsapp_url: Option<String>,
    email: Option<String>,
    /// Its hours and whether it is free, as one phrase: `24 jam, gratis`.
    terms: Option<String>,
}

#[derive(Serialize, Clone)]
struct AlertView {
    text: String,
    /// The language of `text` when it is not the page's (no translation was given): the
    /// template marks the passage with `lang`.
    lang: Option<String>,
    start: Option<String>,
    end: Option<String>,
    /// The link shown after the text (`link:` of the alert).
    link: Option<AlertLinkView>,
}

/// What [`Views::base`] needs to know of an output: which it is, and where it sits.
pub(super) struct Frame<'f> {
    pub(super) lang: &'f str,
    /// `page`, `section`, `home`, `tags`, `tag`, `404`, `search`, `alias`, `feed`.
    pub(super) kind: &'static str,
    pub(super) url: &'f str,
    pub(super) title: &'f str,
    pub(super) description: &'f str,
    /// (language, URL) of this output in each language it exists in.
    pub(super) alternates: Vec<(String, String)>,
    pub(super) switches: Vec<Switch>,
    pub(super) breadcrumbs: Vec<Crumb>,
    /// The section the menu marks as the current one.
    pub(super) current_section: Option<usize>,
}

impl<'f> Frame<'f> {
    /// An output with no description, alternates, switches, breadcrumbs or current section.
    pub(super) fn new(lang: &'f str, kind: &'static str, url: &'f str, title: &'f str) -> Self {
        Frame {
            lang,
            kind,
            url,
            title,
            description: "",
            alternates: Vec::new(),
            switches: Vec::new(),
            breadcrumbs: Vec::new(),
            current_section: None,
        }
    }
}

/// A language's name in itself (`Bahasa Indonesia`), empty when warta does not know it.
pub(super) fn language_name(lang: &str) -> &'static str {
    match lang {
        "id" => "Bahasa Indonesia",
        "en" => "English",
        "ms" => "Bahasa Melayu",
        "ar" => "العربية",
        "zh" => "中文",
        "ko" => "한국어",
        "ja" => "日本語",
        _ => "",
    }
}

impl Views<'_> {
    /// The variables every template gets.
    pub(super) fn base(&self, frame: Frame<'_>) -> Context {
        let Frame {
            lang,
            kind,
            url,
            title,
            description,
            alternates,
            switches,
            breadcrumbs,
            current_section,
        } = frame;
        let config = self.config;
        let mut ctx = Context::new();
        ctx.insert("lang", lang);
        ctx.insert("kind", kind);
        ctx.insert(
            "site",
            &SiteView {
                title: config.title_in(lang),
                description: config.description_in(lang),
                base_url: &config.base_url,
                base_path: &config.base_path,
                default_language: &config.default_language,
                languages: &config.languages,
                extra: &config.extra,
            },
        );
        ctx.insert("url", url);
        ctx.insert("permalink", &config.permalink(url));
        ctx.insert("title", title);
        ctx.insert("description", description);
        let x_default = alternates
            .iter()
            .find(|(l, _)| *l == config.default_language)
            .map_or_else(|| config.permalink(url), |(_, u)| config.permalink(u));
        let alternates: Vec<Alternate> = alternates
            .into_iter()
            .map(|(l, u)| Alternate {
                hreflang: l.clone(),
                lang: l,
                url: config.permalink(&u),
            })
            .collect();
        ctx.insert("alternates", &alternates);
        ctx.insert("x_default", &x_default);
        ctx.insert("switches", &switches);
        ctx.insert("menu", &self.menu(lang, current_section));
        ctx.insert("breadcrumbs", &breadcrumbs);
        ctx.insert("jsonld", &None::<String>);
        ctx.insert("hotline", &self.hotline(lang));
        ctx.insert("chrome", &self.chrome(lang));
        // Content pages set it (`page`); lists and 404 have none.
        ctx.insert("feedback_url", &None::<String>);
        ctx.insert("alerts", &self.alerts(lang));
        let prefix = config.lang_prefix(lang);
        ctx.insert("home_url", &format!("{prefix}/"));
        ctx.insert("tags_url", &format!("{prefix}/tags/"));
        ctx.insert("feed_url", &format!("{prefix}/atom.xml"));
        if self.theme.template("search.html").is_some() {
            ctx.insert("search_url", &self.search_url(lang));
        }
        ctx
    }

    /// The sections in the menu's order (`menu` in site.yaml, else all), in `lang`.
    pub(super) fn menu(&self, lang: &str, current: Option<usize>) -> Vec<MenuItem> {
        let order: Vec<usize> = if self.config.menu.is_empty() {
            (0..self.graph.sections.len()).collect()
        } else {
            self.config
                .menu
                .iter()
                .filter_map(|key| self.graph.sections.iter().position(|s| &s.key == key))
                .collect()
        };
        order
            .into_iter()
            .filter_map(|i| {
                let sl = self.graph.sections[i].langs.get(lang)?;
                Some(MenuItem {
                    title: sl.title.clone(),
                    url: sl.url.clone(),
                    current: current == Some(i),
                })
            })
            .collect()
    }

    fn hotline(&self, lang: &str) -> Option<HotlineView> {
        let h = self.config.hotline.as_ref()?;
        Some(HotlineView {
            label: self.t("hotline", lang, "Crisis Center"),
            number: h.number.clone(),
            tel: h.number.as_deref().map(tel),
            abroad: h.abroad.clone(),
            abroad_tel: h.abroad.as_deref().map(tel),
            whatsapp: h.whatsapp.clone(),
            whatsapp_url: h.whatsapp.as_deref().map(whatsapp_url),
            email: h.email.clone(),
            terms: self.hotline_terms(lang),
        })
    }

    /// The alerts shown today, in `lang` or else in the default language.
    fn alerts(&self, lang: &str) -> Vec<AlertView> {
        let today = self.today.day();
        self.config
            .alerts
            .iter()
            .filter(|a| {
                a.start.is_none_or(|s| s.day() <= today) && a.end.is_none_or(|e| e.day() >= today)
            })
            .filter_map(|a| {
                let (text, text_lang) = match a.text.get(lang) {
                    Some(t) => (t, None),
                    None => {
                        let default = &self.config.default_language;
                        (a.text.get(default)?, Some(default.clone()))
                    }
                };
                Some(AlertView {
                    text: text.clone(),
                    lang: text_lang,
                    start: a.start.map(|d| d.iso()),
                    end: a.end.map(|d| d.iso()),
                    link: a
                        .link
                        .as_ref()
                        .and_then(|l| AlertLinkView::of(l, lang, self.config)),
                })
            })
            .collect()
    }

    pub(super) fn home_crumb(&self, lang: &str) -> Crumb {
        Crumb {
            title: self.t("home", lang, if lang == "id" { "Beranda" } else { "Home" }),
            url: format!("{}/", self.config.lang_prefix(lang)),
        }
    }

    /// Switches to the other languages: the translation when it exists, else `fallback(lang)`.
    pub(super) fn switches(
        &self,
        lang: &str,
        existing: &[(String, String)],
        fallback: impl Fn(&str) -> String,
    ) -> Vec<Switch> {
        self.config
            .languages
            .iter()
            .filter(|l| *l != lang)
            .map(|l| match existing.iter().find(|(el, _)| el == l) {
                Some((_, url)) => Switch {
                    lang: l.clone(),
                    name: language_name(l),
                    url: url.clone(),
                    exists: true,
                },
                None => Switch {
                    lang: l.clone(),
                    name: language_name(l),
                    url: fallback(l),
                    exists: false,
                },
            })
            .collect()
    }

    /// A page and its translations as (language, URL), in the site's order of languages.
    pub(super) fn page_versions(&self, page: &Page) -> Vec<(String, String)> {
        let graph = self.graph;
        let mut versions = vec![(page.lang.clone(), page.url.clone())];
        versions.extend(
            page.translations
                .iter()
                .map(|&t| (graph.pages[t].lang.clone(), graph.pages[t].url.clone())),
        );
        versions.sort_by_key(|(l, _)| self.config.languages.iter().position(|x| x == l));
        versions
    }

    /// The URL of a language's search page: `/cari/`, `/en/search/` (i18n `search_slug`).
    pub fn search_url(&self, lang: &str) -> String {
        let slug = crate::content::slug::slugify(&self.t("search_slug", lang, "search"));
        let slug = if slug.is_empty() {
            "search".to_string()
        } else {
            slug
        };
        format!("{}/{slug}/", self.config.lang_prefix(lang))
    }
}
