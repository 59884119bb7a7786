//! Template contexts: what each kind of output gives its template (documented for theme
//! authors in docs/templates.md). Everything here is plain data built from the graph.

use std::collections::HashMap;
use std::sync::{Mutex, OnceLock};

use serde::Serialize;
use tera::Context;

use super::Bodies;
use super::engine::{Engine, translate};
use super::jsonld;
use crate::config::Config;
use crate::content::kinds::{ContentType, TypeFields};
use crate::content::{ContentGraph, PAGE_SIZE, Page, PageId};
use crate::countries;
use crate::dates::Date;
use crate::diag::Diagnostic;
use crate::markdown::{TocEntry, cut_at_word};
use crate::msg;
use crate::theme::Theme;

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
struct Switch {
    lang: String,
    name: &'static str,
    url: String,
    exists: bool,
}

#[derive(Serialize, Clone)]
struct MenuItem {
    title: String,
    url: String,
    current: bool,
}

#[derive(Serialize, Clone)]
struct Crumb {
    title: String,
    url: String,
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
}

#[derive(Serialize, Clone)]
struct AlertView {
    text: String,
    /// The language of `text` when it is not the page's (no translation was given): the
    /// template marks the passage with `lang`.
    lang: Option<String>,
    start: Option<String>,
    end: Option<String>,
}

#[derive(Serialize, Clone)]
struct TagRef {
    name: String,
    url: String,
}

#[derive(Serialize, Clone)]
pub struct ImageView {
    url: String,
    /// Absolute URL, for `og:image` (the Open Graph crop of a processed photo).
    permalink: String,
    alt: String,
    /// A processed photo (see `images`): the size of its widest variant, its `srcset`s in
    /// JPEG (or PNG) and WebP, `sizes`, and the size of its Open Graph crop. All null for
    /// images served as they are (SVG, GIF, URLs).
    width: Option<u32>,
    height: Option<u32>,
    srcset: Option<String>,
    srcset_webp: Option<String>,
    sizes: Option<&'static str>,
    og_width: Option<u32>,
    og_height: Option<u32>,
}

#[derive(Serialize, Clone)]
struct SectionRef {
    title: String,
    url: String,
}

#[derive(Serialize, Clone)]
struct CountryRef {
    code: String,
    name: String,
    url: Option<String>,
}

#[derive(Serialize, Clone)]
struct SchemeView {
    code: &'static str,
    name: &'static str,
}

#[derive(Serialize, Clone)]
struct ContactView {
    name: String,
    phone: Option<String>,
    phone_tel: Option<String>,
    whatsapp: Option<String>,
    whatsapp_url: Option<String>,
    email: Option<String>,
    url: Option<String>,
    address: Option<String>,
    hours: Option<String>,
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
    tags: Vec<TagRef>,
    image: Option<ImageView>,
    place: Option<String>,
    country_code: Option<String>,
    status: Option<&'static str>,
    status_label: Option<&'static str>,
}

#[derive(Serialize)]
struct PageView<'a> {
    title: &'a str,
    description: Option<&'a str>,
    url: &'a str,
    permalink: String,
    lang: &'a str,
    r#type: &'static str,
    content: &'a str,
    summary: &'a str,
    toc: &'a [TocEntry],
    date: Option<String>,
    date_display: Option<String>,
    updated: Option<String>,
    updated_display: Option<String>,
    review_by: Option<String>,
    review_by_display: Option<String>,
    review_overdue: bool,
    tags: &'a [TagRef],
    image: Option<&'a ImageView>,
    section: Option<SectionRef>,
    translation_missing: bool,
    place: Option<&'a str>,
    source: Option<&'a str>,
    countries: Vec<CountryRef>,
    audience: Option<&'a str>,
    duration: Option<&'a str>,
    schemes: Vec<SchemeView>,
    legal_basis: &'a [crate::content::kinds::Link],
    requirements: &'a [String],
    documents: &'a [String],
    r#where: &'a [String],
    cost: &'a [crate::content::kinds::Cost],
    country_code: Option<&'a str>,
    country_name: Option<String>,
    status: Option<&'static str>,
    status_label: Option<&'static str>,
    sectors: &'a [String],
    special_rules: &'a [String],
    contacts: Vec<ContactView>,
    faq: &'a [crate::content::kinds::Faq],
    /// `https://wa.me/?text=…`: the title and the permalink, for a share link without script.
    share_whatsapp: String,
}

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

/// Everything shared by the renders of one site.
pub struct Site<'a> {
    pub config: &'a Config,
    pub graph: &'a ContentGraph,
    theme: &'a Theme,
    bodies: &'a Bodies,
    today: Date,
    summaries: Vec<OnceLock<Summary>>,
    page_tags: Vec<OnceLock<Vec<TagRef>>>,
    images: Vec<OnceLock<Option<ImageView>>>,
    country_urls: HashMap<(String, String), String>,
    problems: Mutex<Vec<Diagnostic>>,
}

fn language_name(lang: &str) -> &'static str {
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

/// `0800-1000` → `08001000`; `+62 21 2924 4800` → `+622129244800`.
fn tel(number: &str) -> String {
    number
        .chars()
        .filter(|c| c.is_ascii_digit() || *c == '+')
        .collect()
}

/// Percent-encodes everything but RFC 3986's unreserved characters (what JavaScript's
/// `encodeURIComponent` does, minus `!'()*`), for a query value.
fn percent_encode(text: &str) -> String {
    let mut out = String::with_capacity(text.len() * 3);
    for b in text.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~') {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

fn whatsapp_url(number: &str) -> String {
    let digits: String = number.chars().filter(char::is_ascii_digit).collect();
    let digits = match digits.strip_prefix('0') {
        Some(rest) => format!("62{rest}"),
        None => digits,
    };
    format!("https://wa.me/{digits}")
}

impl<'a> Site<'a> {
    pub fn new(
        config: &'a Config,
        theme: &'a Theme,
        graph: &'a ContentGraph,
        bodies: &'a Bodies,
        today: Date,
    ) -> Site<'a> {
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
        Site {
            config,
            graph,
            theme,
            bodies,
            today,
            summaries: (0..graph.pages.len()).map(|_| OnceLock::new()).collect(),
            page_tags: (0..graph.pages.len()).map(|_| OnceLock::new()).collect(),
            images: (0..graph.pages.len()).map(|_| OnceLock::new()).collect(),
            country_urls,
            problems: Mutex::new(Vec::new()),
        }
    }

    /// A page's tags, with their names and URLs (made when first asked for: a fast rebuild
    /// of the dev server renders a few pages of a large site).
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

    fn make_image(&self, id: PageId) -> Option<ImageView> {
        let (config, graph) = (self.config, self.graph);
        let p = &graph.pages[id];
        let image = p.fm.image.as_ref()?;
        let problem = |d: Diagnostic| {
            if let Ok(mut problems) = self.problems.lock() {
                problems.push(d);
            }
        };
        let alt = p.fm.image_alt.clone().unwrap_or_default();
        let rel = crate::images::lead_rel(&p.key, image);
        match rel.as_deref().and_then(|r| self.bodies.images.get(r)) {
            Some(Ok(photo)) => {
                return Some(ImageView::of_photo(config, photo, alt, p.fm.image_focus));
            }
            Some(Err(broken)) => {
                problem(
                    Diagnostic::error("image", p.file(), broken.message.clone())
                        .at(key_position(p, "image"))
                        .with_hint(broken.hint.clone()),
                );
                return None;
            }
            None => {}
        }
        let url = resolve_image(config, graph, p, image).or_else(|| {
            let dir = p.key.rsplit_once('/').map_or("", |(d, _)| d);
            let near = crate::images::nearest_file(
                dir,
                image,
                graph.asset_urls.keys().map(String::as_str),
            );
            let hint = match near {
                Some(near) => msg!("render-image-did-you-mean", near),
                None => msg!("render-image-missing-hint"),
            };
            problem(
                Diagnostic::error(
                    "image",
                    p.file(),
                    msg!("render-image-missing", found = format!("{image:?}")),
                )
                .at(key_position(p, "image"))
                .with_hint(hint),
            );
            None
        })?;
        Some(ImageView {
            permalink: if url.starts_with('/') {
                config.permalink(&url)
            } else {
                url.clone()
            },
            url,
            alt,
            width: None,
            height: None,
            srcset: None,
            srcset_webp: None,
            sizes: None,
            og_width: None,
            og_height: None,
        })
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

    /// Problems found while building views (missing images).
    pub fn diagnostics(&self) -> Vec<Diagnostic> {
        self.problems.lock().map(|p| p.clone()).unwrap_or_default()
    }

    fn t(&self, key: &str, lang: &str, fallback: &str) -> String {
        translate(&self.theme.i18n, key, lang, &self.config.default_language)
            .unwrap_or_else(|| fallback.to_string())
    }

    /// The variables every template gets.
    #[allow(clippy::too_many_arguments)]
    fn base(
        &self,
        lang: &str,
        kind: &str,
        url: &str,
        title: &str,
        description: &str,
        alternates: Vec<(String, String)>,
        switches: Vec<Switch>,
        breadcrumbs: Vec<Crumb>,
        current_section: Option<usize>,
    ) -> Context {
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

    fn menu(&self, lang: &str, current: Option<usize>) -> Vec<MenuItem> {
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
        })
    }

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
                })
            })
            .collect()
    }

    fn home_crumb(&self, lang: &str) -> Crumb {
        Crumb {
            title: self.t("home", lang, if lang == "id" { "Beranda" } else { "Home" }),
            url: format!("{}/", self.config.lang_prefix(lang)),
        }
    }

    /// Switches to the other languages: the translation when it exists, else `fallback(lang)`.
    fn switches(
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

    fn section_or_home_url(&self, section: Option<usize>, lang: &str) -> String {
        section
            .and_then(|i| self.graph.sections[i].langs.get(lang))
            .map_or_else(
                || format!("{}/", self.config.lang_prefix(lang)),
                |sl| sl.url.clone(),
            )
    }

    pub fn page(&self, id: PageId, engine: &Engine) -> (String, Context, String) {
        let graph = self.graph;
        let page = &graph.pages[id];
        let lang = page.lang.as_str();
        let rendered = self.bodies.pages.get(id);
        let mut versions: Vec<(String, String)> = vec![(page.lang.clone(), page.url.clone())];
        versions.extend(
            page.translations
                .iter()
                .map(|&t| (graph.pages[t].lang.clone(), graph.pages[t].url.clone())),
        );
        versions.sort_by_key(|(l, _)| self.config.languages.iter().position(|x| x == l));
        let switches = self.switches(lang, &versions, |l| {
            self.section_or_home_url(page.section, l)
        });
        let mut crumbs = vec![self.home_crumb(lang)];
        let section_ref = graph
            .section_of(page)
            .and_then(|s| s.langs.get(lang))
            .map(|sl| SectionRef {
                title: sl.title.clone(),
                url: sl.url.clone(),
            });
        if let Some(s) = &section_ref {
            crumbs.push(Crumb {
                title: s.title.clone(),
                url: s.url.clone(),
            });
        }
        crumbs.push(Crumb {
            title: page.fm.title.clone(),
            url: page.url.clone(),
        });
        let summary = &self.summary(id).summary;
        let description = page.fm.description.as_deref().unwrap_or(summary);
        let jsonld = self.page_jsonld(id, page, description, &crumbs);
        let mut ctx = self.base(
            lang,
            "page",
            &page.url,
            &page.fm.title,
            description,
            versions,
            switches,
            crumbs,
            page.section,
        );
        let view = self.page_view(
            id,
            page,
            rendered.map_or("", |r| r.html.as_str()),
            rendered.map_or(&[][..], |r| &r.toc),
            section_ref,
        );
        ctx.insert("page", &view);
        ctx.insert("jsonld", &jsonld);
        let own = match page.content_type {
            ContentType::PressRelease => "press_release.html",
            ContentType::Guide => "guide.html",
            ContentType::Country => "country.html",
            ContentType::Page => "page.html",
        };
        let template = if engine.has_template(own) {
            own
        } else {
            "page.html"
        };
        (template.to_string(), ctx, page.file().to_string())
    }

    fn page_view<'p>(
        &'p self,
        id: PageId,
        page: &'p Page,
        content: &'p str,
        toc: &'p [TocEntry],
        section: Option<SectionRef>,
    ) -> PageView<'p> {
        let lang = page.lang.as_str();
        let none: &[String] = &[];
        let mut view = PageView {
            title: &page.fm.title,
            description: page.fm.description.as_deref(),
            url: &page.url,
            permalink: self.config.permalink(&page.url),
            lang,
            r#type: page.content_type.name(),
            content,
            summary: &self.summary(id).summary,
            toc,
            date: page.fm.date.map(|d| d.iso()),
            date_display: page.fm.date.map(|d| d.display(lang)),
            updated: page.fm.updated.map(|d| d.iso()),
            updated_display: page.fm.updated.map(|d| d.display(lang)),
            review_by: None,
            review_by_display: None,
            review_overdue: false,
            tags: self.tags_of(id),
            image: self.image_of(id),
            section,
            translation_missing: page.translations.is_empty() && self.config.languages.len() > 1,
            place: None,
            source: None,
            countries: Vec::new(),
            audience: None,
            duration: None,
            schemes: Vec::new(),
            legal_basis: &[],
            requirements: none,
            documents: none,
            r#where: none,
            cost: &[],
            country_code: None,
            country_name: None,
            status: None,
            status_label: None,
            sectors: none,
            special_rules: none,
            contacts: Vec::new(),
            faq: &page.fm.faq,
            share_whatsapp: format!(
                "https://wa.me/?text={}",
                percent_encode(&format!(
                    "{}\n{}",
                    page.fm.title,
                    self.config.permalink(&page.url)
                ))
            ),
        };
        let mut review = |d: Option<Date>| {
            view.review_by = d.map(|d| d.iso());
            view.review_by_display = d.map(|d| d.display(lang));
            view.review_overdue = d.is_some_and(|d| d.day() < self.today.day());
        };
        match &page.fm.fields {
            TypeFields::Page => {}
            TypeFields::PressRelease {
                place,
                source,
                countries: codes,
            } => {
                view.place = place.as_deref();
                view.source = source.as_deref();
                view.countries = codes
                    .iter()
                    .map(|code| CountryRef {
                        code: code.clone(),
                        name: countries::name(code, lang),
                        url: self
                            .country_urls
                            .get(&(page.lang.clone(), code.clone()))
                            .cloned(),
                    })
                    .collect();
            }
            TypeFields::Guide(g) => {
                review(g.review_by);
                view.audience = g.audience.as_deref();
                view.duration = g.duration.as_deref();
                view.schemes = g
                    .schemes
                    .iter()
                    .map(|s| SchemeView {
                        code: s.code(),
                        name: s.name(lang),
                    })
                    .collect();
                view.legal_basis = &g.legal_basis;
                view.requirements = &g.requirements;
                view.documents = &g.documents;
                view.r#where = &g.r#where;
                view.cost = &g.cost;
            }
            TypeFields::Country(c) => {
                review(c.review_by);
                view.country_code = Some(&c.country_code);
                view.country_name = Some(countries::name(&c.country_code, lang));
                view.status = c.status.map(|s| s.code());
                view.status_label = c.status.map(|s| s.label(lang));
                view.schemes = c
                    .schemes
                    .iter()
                    .map(|s| SchemeView {
                        code: s.code(),
                        name: s.name(lang),
                    })
                    .collect();
                view.sectors = &c.sectors;
                view.special_rules = &c.special_rules;
                view.contacts = c
                    .contacts
                    .iter()
                    .map(|k| ContactView {
                        name: k.name.clone(),
                        phone: k.phone.clone(),
                        phone_tel: k.phone.as_deref().map(tel),
                        whatsapp: k.whatsapp.clone(),
                        whatsapp_url: k.whatsapp.as_deref().map(whatsapp_url),
                        email: k.email.clone(),
                        url: k.url.clone(),
                        address: k.address.clone(),
                        hours: k.hours.clone(),
                    })
                    .collect();
            }
        }
        view
    }

    /// The page's JSON-LD: its breadcrumbs, and by type a `NewsArticle`, the mission contacts
    /// as `GovernmentOrganization`s, an `FAQPage`.
    fn page_jsonld(
        &self,
        id: PageId,
        page: &Page,
        description: &str,
        crumbs: &[Crumb],
    ) -> Option<String> {
        let config = self.config;
        let lang = page.lang.as_str();
        let permalink = config.permalink(&page.url);
        let mut items = Vec::new();
        match &page.fm.fields {
            TypeFields::PressRelease { .. } => {
                let home = config.permalink(&format!("{}/", config.lang_prefix(lang)));
                items.push(jsonld::news_article(&jsonld::Article {
                    headline: &page.fm.title,
                    description,
                    url: &permalink,
                    lang,
                    published: page.fm.date.map(|d| d.rfc3339()),
                    modified: page.fm.updated.map(|d| d.rfc3339()),
                    image: self.image_of(id).map(|i| i.permalink.as_str()),
                    publisher_name: config.title_in(lang),
                    publisher_url: &home,
                }));
            }
            TypeFields::Country(c) => {
                items.extend(c.contacts.iter().map(jsonld::organization));
            }
            TypeFields::Guide(_) | TypeFields::Page => {}
        }
        if !page.fm.faq.is_empty() {
            items.push(jsonld::faq_page(&page.fm.faq, &permalink, lang));
        }
        if crumbs.len() > 1 {
            let trail: Vec<(&str, String)> = crumbs
                .iter()
                .map(|c| (c.title.as_str(), config.permalink(&c.url)))
                .collect();
            items.push(jsonld::breadcrumbs(&trail));
        }
        jsonld::script(items)
    }

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
        let mut ctx = self.base(
            lang,
            "section",
            &url,
            &sl.title,
            sl.description.as_deref().unwrap_or(""),
            alternates,
            switches,
            crumbs,
            Some(si),
        );
        let content = self
            .bodies
            .sections
            .get(&(si, lang.to_string()))
            .map_or("", |r| r.html.as_str());
        #[derive(Serialize)]
        struct SectionView<'s> {
            title: &'s str,
            description: &'s str,
            url: &'s str,
            content: &'s str,
            r#type: &'static str,
        }
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
        ctx.insert("paginator", &self.paginator(&sl.pages, &sl.url, number));
        let origin = sl
            .body
            .as_ref()
            .map_or_else(|| url.clone(), |b| b.file.display.clone());
        (ctx, url, origin)
    }

    pub fn home(&self, lang: &str) -> (Context, String, String) {
        let graph = self.graph;
        let home = graph.homes.get(lang);
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
        let mut ctx = self.base(
            lang,
            "home",
            &url,
            site_title,
            description,
            versions,
            switches,
            vec![self.home_crumb(lang)],
            None,
        );
        #[derive(Serialize)]
        struct HomeView<'s> {
            title: &'s str,
            description: &'s str,
            content: &'s str,
        }
        ctx.insert(
            "home",
            &HomeView {
                title: home.and_then(|h| h.title.as_deref()).unwrap_or(site_title),
                description,
                content: self.bodies.homes.get(lang).map_or("", |r| r.html.as_str()),
            },
        );
        let mut latest: Vec<PageId> = graph
            .pages_in(lang)
            .filter(|(_, p)| p.content_type == ContentType::PressRelease)
            .map(|(id, _)| id)
            .collect();
        latest
            .sort_by(|a, b| crate::content::compare_for_lists(&graph.pages[*a], &graph.pages[*b]));
        let latest: Vec<&Summary> = latest.iter().take(5).map(|&id| self.summary(id)).collect();
        ctx.insert("latest", &latest);
        #[derive(Serialize)]
        struct SectionItem {
            title: String,
            url: String,
            description: String,
            count: usize,
        }
        let sections: Vec<SectionItem> = self
            .menu(lang, None)
            .into_iter()
            .filter_map(|m| {
                let s = graph
                    .sections
                    .iter()
                    .find_map(|s| s.langs.get(lang).filter(|sl| sl.url == m.url))?;
                Some(SectionItem {
                    title: s.title.clone(),
                    url: s.url.clone(),
                    description: s.description.clone().unwrap_or_default(),
                    count: s.pages.len(),
                })
            })
            .collect();
        ctx.insert("sections_list", &sections);
        let origin = home
            .and_then(|h| h.body.as_ref())
            .map_or_else(|| url.clone(), |b| b.file.display.clone());
        (ctx, url, origin)
    }

    fn tags_url(&self, lang: &str) -> String {
        format!("{}/tags/", self.config.lang_prefix(lang))
    }

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
        let mut ctx = self.base(
            lang, "tags", &url, &title, "", existing, switches, crumbs, None,
        );
        #[derive(Serialize)]
        struct TagItem<'s> {
            name: &'s str,
            url: &'s str,
            count: usize,
        }
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

    pub fn tag(&self, lang: &str, slug: &str, number: usize) -> (Context, String) {
        let Some(tag) = self.graph.tags.get(lang).and_then(|t| t.get(slug)) else {
            return (Context::new(), String::new());
        };
        let url = if number == 1 {
            tag.url.clone()
        } else {
            format!("{}page/{number}/", tag.url)
        };
        let switches = self.switches(lang, &[], |l| self.tags_url(l));
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
        let mut ctx = self.base(
            lang,
            "tag",
            &url,
            &tag.name,
            "",
            vec![(lang.to_string(), url.clone())],
            switches,
            crumbs,
            None,
        );
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

    pub fn not_found(&self, lang: &str) -> (Context, String) {
        let prefix = self.config.lang_prefix(lang);
        let url = format!("{prefix}/404.html");
        let title = self.t("not_found_title", lang, "404");
        let switches = self.switches(lang, &[], |l| format!("{}/", self.config.lang_prefix(l)));
        let mut ctx = self.base(
            lang,
            "404",
            &url,
            &title,
            "",
            Vec::new(),
            switches,
            vec![self.home_crumb(lang)],
            None,
        );
        ctx.insert("sections_list", &self.menu(lang, None));
        (ctx, url.trim_start_matches('/').to_string())
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
        let mut ctx = self.base(
            lang, "search", &url, &title, "", alternates, switches, crumbs, None,
        );
        ctx.insert(
            "search_index",
            &self.config.url(&format!("/search/{lang}/")),
        );
        (ctx, url)
    }

    /// The redirect page of `alias`, with its path; its origin is the page's file (see
    /// [`super::engine::Origin::Alias`]).
    pub fn alias(&self, id: PageId, alias: &str) -> (Context, String) {
        let page = &self.graph.pages[id];
        let url = self.config.url(&crate::content::normalize_alias(alias));
        let mut ctx = self.base(
            &page.lang,
            "alias",
            &url,
            &page.fm.title,
            "",
            Vec::new(),
            Vec::new(),
            Vec::new(),
            None,
        );
        ctx.insert("target", &self.config.permalink(&page.url));
        (ctx, super::url_to_path(&url))
    }

    pub fn feed(&self, lang: &str, section: Option<usize>) -> (Context, String) {
        let graph = self.graph;
        let (ids, title, html_url): (Vec<PageId>, String, String) =
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
            };
        let feed_url = format!("{html_url}atom.xml");
        let entries: Vec<FeedEntry> = ids
            .iter()
            .filter(|&&id| graph.pages[id].sort_date().is_some())
            .take(PAGE_SIZE)
            .map(|&id| {
                let p = &graph.pages[id];
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
            })
            .collect();
        let updated = entries
            .iter()
            .map(|e| e.updated.clone())
            .max()
            .unwrap_or_else(|| "2000-01-01T00:00:00Z".to_string());
        let mut ctx = self.base(
            lang,
            "feed",
            &feed_url,
            &title,
            "",
            Vec::new(),
            Vec::new(),
            Vec::new(),
            section,
        );
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
        (ctx, super::url_to_path(&feed_url))
    }

    pub fn sitemap(&self) -> Context {
        let graph = self.graph;
        let config = self.config;
        let mut entries = Vec::new();
        let all_langs = |urls: Vec<(String, String)>| -> Vec<SitemapAlternate> {
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
        };
        let homes: Vec<(String, String)> = config
            .languages
            .iter()
            .map(|l| (l.clone(), format!("{}/", config.lang_prefix(l))))
            .collect();
        for (_, url) in &homes {
            entries.push(SitemapEntry {
                loc: config.permalink(url),
                lastmod: None,
                alternates: all_langs(homes.clone()),
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
                    alternates: all_langs(versions.clone()),
                });
            }
        }
        for page in &graph.pages {
            let mut versions = vec![(page.lang.clone(), page.url.clone())];
            versions.extend(
                page.translations
                    .iter()
                    .map(|&t| (graph.pages[t].lang.clone(), graph.pages[t].url.clone())),
            );
            versions.sort_by_key(|(l, _)| config.languages.iter().position(|x| x == l));
            entries.push(SitemapEntry {
                loc: config.permalink(&page.url),
                lastmod: page.fm.updated.or(page.fm.date).map(|d| d.iso()),
                alternates: all_langs(versions),
            });
        }
        for (lang, tags) in &graph.tags {
            entries.push(SitemapEntry {
                loc: config.permalink(&self.tags_url(lang)),
                lastmod: None,
                alternates: Vec::new(),
            });
            for tag in tags.values() {
                entries.push(SitemapEntry {
                    loc: config.permalink(&tag.url),
                    lastmod: None,
                    alternates: Vec::new(),
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

fn summary_text(page: &Page, first_paragraph: &str) -> String {
    match &page.fm.description {
        Some(d) if !d.trim().is_empty() => d.trim().to_string(),
        _ => cut_at_word(first_paragraph, 200),
    }
}

impl ImageView {
    /// The view of a processed lead photo; `og:image` is its crop around the page's focus.
    fn of_photo(
        config: &Config,
        photo: &crate::images::Photo,
        alt: String,
        focus: Option<(f64, f64)>,
    ) -> ImageView {
        use crate::images::Format;
        let og = photo.og(crate::images::focus(focus));
        let largest = photo.largest();
        ImageView {
            url: photo
                .src()
                .map_or_else(|| photo.url.clone(), |v| v.url.clone()),
            permalink: config.permalink(&og.url),
            alt,
            width: largest.map(|v| v.width),
            height: largest.map(|v| v.height),
            srcset: photo
                .variants
                .iter()
                .find(|v| v.format != Format::Webp)
                .map(|v| photo.srcset(v.format)),
            srcset_webp: Some(photo.srcset(Format::Webp)),
            sizes: Some(crate::images::SIZES),
            og_width: Some(og.width),
            og_height: Some(og.height),
        }
    }
}

/// The URL of a front-matter `image`: a file beside the page, a path from the site's root
/// (which gets the base path), or an absolute URL.
fn resolve_image(
    config: &Config,
    graph: &ContentGraph,
    page: &Page,
    image: &str,
) -> Option<String> {
    if image.starts_with("http://") || image.starts_with("https://") || image.starts_with("//") {
        return Some(image.to_string());
    }
    if image.starts_with('/') {
        return Some(config.url(image));
    }
    let dir = page.key.rsplit_once('/').map_or("", |(d, _)| d);
    let rel = if dir.is_empty() {
        image.to_string()
    } else {
        format!("{dir}/{image}")
    };
    graph.asset_urls.get(&rel).cloned()
}

fn key_position(page: &Page, key: &str) -> Option<crate::diag::Position> {
    page.key_position(key)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn share_text_is_percent_encoded_like_encode_uri_component() {
        assert_eq!(
            percent_encode("Sosialisasi & PMI?\nhttps://x.id/a b/"),
            "Sosialisasi%20%26%20PMI%3F%0Ahttps%3A%2F%2Fx.id%2Fa%20b%2F"
        );
        assert_eq!(percent_encode("Pekerja–migran"), "Pekerja%E2%80%93migran");
    }
}
