//! A content page: its context ([`Views::page`]), the template it is rendered with, its view
//! ([`PageView`]: the common fields, then those of its type: press release, guide, country),
//! and the glue to its JSON-LD (the schema.org values themselves are made in `jsonld`).

use serde::Serialize;
use tera::Context;

use super::TagRef;
use super::Views;
use super::base::{Crumb, Frame};
use super::contact::{ContactView, EmergencyView, percent_encode};
use super::cost::{CostView, CostWords};
use super::image::ImageView;
use super::journey::JourneyView;
use super::related::CountryRef;
use crate::content::kinds::{ContentType, CountryFields, GuideFields, Scheme, TypeFields};
use crate::content::{Page, PageId};
use crate::countries;
use crate::dates::Date;
use crate::markdown::TocEntry;
use crate::render::engine::Engine;
use crate::render::jsonld;

#[derive(Serialize, Clone)]
struct SectionRef {
    title: String,
    url: String,
}

#[derive(Serialize, Clone)]
struct SchemeView {
    code: &'static str,
    name: &'static str,
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
    cost: Vec<CostView<'a>>,
    /// Whether any cost has an amount: the table then has a column for them.
    cost_amounts: bool,
    country_code: Option<&'a str>,
    country_name: Option<String>,
    status: Option<&'static str>,
    status_label: Option<&'static str>,
    sectors: &'a [String],
    special_rules: &'a [String],
    contacts: Vec<ContactView>,
    /// Local emergency numbers, shown with the contacts before the body.
    emergency: Vec<EmergencyView>,
    faq: &'a [crate::content::kinds::Faq],
    /// Call-to-action buttons near the top (`actions:`), their URLs resolved.
    actions: &'a [crate::markdown::ActionLink],
    /// The journey of a guide that is one of its steps or its overview.
    journey: Option<JourneyView>,
    /// `https://wa.me/?text=…`: the title and the permalink, for a share link without script.
    share_whatsapp: String,
}

impl Views<'_> {
    /// A page's template (its type's own, else `page.html`), context, and origin for errors.
    pub fn page(&self, id: PageId, engine: &Engine) -> (String, Context, String) {
        let page = &self.graph.pages[id];
        let lang = page.lang.as_str();
        let rendered = self.bodies.pages.get(id);
        let versions = self.page_versions(page);
        let switches = self.switches(lang, &versions, |l| {
            self.section_or_home_url(page.section, l)
        });
        let section_ref = self
            .graph
            .section_of(page)
            .and_then(|s| s.langs.get(lang))
            .map(|sl| SectionRef {
                title: sl.title.clone(),
                url: sl.url.clone(),
            });
        let crumbs = self.page_crumbs(page, section_ref.as_ref());
        let summary = &self.summary(id).summary;
        let description = page.fm.description.as_deref().unwrap_or(summary);
        let jsonld = self.page_jsonld(id, page, description, &crumbs);
        let mut ctx = self.base(Frame {
            description,
            alternates: versions,
            switches,
            breadcrumbs: crumbs,
            current_section: page.section,
            ..Frame::new(lang, "page", &page.url, &page.fm.title)
        });
        let view = self.page_view(
            id,
            page,
            rendered.map_or("", |r| r.html.as_str()),
            rendered.map_or(&[][..], |r| &r.toc),
            section_ref,
        );
        ctx.insert("page", &view);
        ctx.insert("jsonld", &jsonld);
        ctx.insert("related", &self.related(id));
        ctx.insert("feedback_url", &self.feedback_url(page));
        let template = template_of(page.content_type, engine);
        (template.to_string(), ctx, page.file().to_string())
    }

    /// Where a language switch leads when the page has no translation in `lang`.
    fn section_or_home_url(&self, section: Option<usize>, lang: &str) -> String {
        section
            .and_then(|i| self.graph.sections[i].langs.get(lang))
            .map_or_else(
                || format!("{}/", self.config.lang_prefix(lang)),
                |sl| sl.url.clone(),
            )
    }

    /// Home, the page's section (when it has one in the page's language), the page.
    fn page_crumbs(&self, page: &Page, section: Option<&SectionRef>) -> Vec<Crumb> {
        let mut crumbs = vec![self.home_crumb(&page.lang)];
        if let Some(s) = section {
            crumbs.push(Crumb {
                title: s.title.clone(),
                url: s.url.clone(),
            });
        }
        crumbs.push(Crumb {
            title: page.fm.title.clone(),
            url: page.url.clone(),
        });
        crumbs
    }

    /// The page's view: the fields every page has, then those of its type.
    fn page_view<'p>(
        &'p self,
        id: PageId,
        page: &'p Page,
        content: &'p str,
        toc: &'p [TocEntry],
        section: Option<SectionRef>,
    ) -> PageView<'p> {
        let mut view = self.common_view(id, page, content, toc, section);
        let lang = page.lang.as_str();
        match &page.fm.fields {
            TypeFields::Page => {}
            TypeFields::PressRelease {
                place,
                source,
                countries: codes,
            } => {
                view.place = place.as_deref();
                view.source = source.as_deref();
                view.countries = self.country_refs(codes, lang);
            }
            TypeFields::Guide(g) => {
                view.fill_guide(g, lang, self.today);
                view.countries = self.country_refs(&g.countries, lang);
                let words = CostWords {
                    free: self.t("cost_free", lang, "free"),
                    max: self.t("cost_max", lang, "up to {amount}"),
                };
                view.cost = g
                    .cost
                    .iter()
                    .map(|c| CostView::of(c, lang, &words))
                    .collect();
                view.cost_amounts = g.cost.iter().any(|c| c.price.is_some());
                view.journey = self.journey_of(page);
            }
            TypeFields::Country(c) => view.fill_country(c, lang, self.today),
        }
        view
    }

    /// The view with the fields of every page, those of the types empty.
    fn common_view<'p>(
        &'p self,
        id: PageId,
        page: &'p Page,
        content: &'p str,
        toc: &'p [TocEntry],
        section: Option<SectionRef>,
    ) -> PageView<'p> {
        let lang = page.lang.as_str();
        let none: &[String] = &[];
        PageView {
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
            cost: Vec::new(),
            cost_amounts: false,
            country_code: None,
            country_name: None,
            status: None,
            status_label: None,
            sectors: none,
            special_rules: none,
            contacts: Vec::new(),
            emergency: Vec::new(),
            faq: &page.fm.faq,
            actions: self.bodies.pages.get(id).map_or(&[][..], |r| &r.actions),
            journey: None,
            share_whatsapp: format!(
                "https://wa.me/?text={}",
                percent_encode(&format!(
                    "{}\n{}",
                    page.fm.title,
                    self.config.permalink(&page.url)
                ))
            ),
        }
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
}

impl<'p> PageView<'p> {
    /// A procedure guide's fields: audience, schemes, legal basis, what to bring, where, cost.
    fn fill_guide(&mut self, g: &'p GuideFields, lang: &str, today: Date) {
        self.review(g.review_by, lang, today);
        self.audience = g.audience.as_deref();
        self.duration = g.duration.as_deref();
        self.schemes = scheme_views(&g.schemes, lang);
        self.legal_basis = &g.legal_basis;
        self.requirements = &g.requirements;
        self.documents = &g.documents;
        self.r#where = &g.r#where;
    }

    /// A country page's fields: the country, its status, schemes, sectors, rules, contacts.
    fn fill_country(&mut self, c: &'p CountryFields, lang: &str, today: Date) {
        self.review(c.review_by, lang, today);
        self.country_code = Some(&c.country_code);
        self.country_name = Some(countries::name(&c.country_code, lang));
        self.status = c.status.map(|s| s.code());
        self.status_label = c.status.map(|s| s.label(lang));
        self.schemes = scheme_views(&c.schemes, lang);
        self.sectors = &c.sectors;
        self.special_rules = &c.special_rules;
        self.contacts = c.contacts.iter().map(ContactView::of).collect();
        self.emergency = c.emergency.iter().map(EmergencyView::of).collect();
    }

    /// The date by which the page is to be reviewed, and whether it has passed.
    fn review(&mut self, by: Option<Date>, lang: &str, today: Date) {
        self.review_by = by.map(|d| d.iso());
        self.review_by_display = by.map(|d| d.display(lang));
        self.review_overdue = by.is_some_and(|d| d.day() < today.day());
    }
}

fn scheme_views(schemes: &[Scheme], lang: &str) -> Vec<SchemeView> {
    schemes
        .iter()
        .map(|s| SchemeView {
            code: s.code(),
            name: s.name(lang),
        })
        .collect()
}

/// The template of a page of `content_type`: its own when the theme has it, else `page.html`.
fn template_of(content_type: ContentType, engine: &Engine) -> &'static str {
    let own = match content_type {
        ContentType::PressRelease => "press_release.html",
        ContentType::Guide => "guide.html",
        ContentType::Country => "country.html",
        ContentType::Page => "page.html",
    };
    if engine.has_template(own) {
        own
    } else {
        "page.html"
    }
}
