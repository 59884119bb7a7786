//! Sections and home pages: the `_index.md` files read first (they decide the content type of
//! their folder's pages), every folder that holds pages made a section, each with its title,
//! slug and URL per language, and later its list of pages.
//!
//! A section's URL is decided here; its claim on the URL is made in `urls`.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::sync::Arc;

use super::frontmatter::{self, SectionMeta};
use super::kinds::ContentType;
use super::urls::{Origin, OutputMap, slug_error};
use super::{Body, Home, PAGE_SIZE, Page, PageId, Section, SectionLang, compare_for_lists, slug};
use crate::config::Config;
use crate::diag::Code;
use crate::diag::{Diagnostic, Diagnostics};
use crate::msg;
use crate::source::Document;

/// One `_index.md` read: its front matter and its body.
pub(super) struct Index {
    pub(super) meta: SectionMeta,
    pub(super) body: Body,
}

/// Every `_index.md` read, by what it introduces.
#[derive(Default)]
pub(super) struct Indexes {
    /// Section folder → language → its index; a folder that holds pages but no `_index.md`
    /// is here with no language.
    pub(super) sections: BTreeMap<String, BTreeMap<String, Index>>,
    /// Language → the index of the home page.
    pub(super) homes: BTreeMap<String, Index>,
    /// (key, language) of the indexes whose front matter has errors (reported).
    pub(super) failed: HashSet<(String, String)>,
}

/// The sections, in folder order, and where each folder's section is in the list.
pub(super) struct Sections {
    pub(super) list: Vec<Section>,
    by_key: HashMap<String, usize>,
}

impl Sections {
    /// The index in [`Sections::list`] of the section of `folder`.
    pub(super) fn index_of(&self, folder: Option<&str>) -> Option<usize> {
        folder.and_then(|f| self.by_key.get(f)).copied()
    }

    /// The content type of the pages of `folder` (plain pages outside any section).
    pub(super) fn content_type_of(&self, folder: Option<&str>) -> ContentType {
        self.index_of(folder)
            .and_then(|i| self.list.get(i))
            .map_or(ContentType::Page, |s| s.content_type)
    }
}

/// Reads the `_index.md` files (`index_docs`, in file order); every folder of `page_docs` is a
/// section too, with or without an `_index.md`.
pub(super) fn read_indexes(
    index_docs: Vec<Document>,
    page_docs: &[Document],
) -> (Indexes, Diagnostics) {
    let mut diags = Diagnostics::new();
    let mut indexes = Indexes::default();
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
                let index = Index { meta, body };
                match &doc.path.section {
                    Some(section) => {
                        indexes
                            .sections
                            .entry(section.clone())
                            .or_default()
                            .insert(doc.path.lang.clone(), index);
                    }
                    None => {
                        indexes.homes.insert(doc.path.lang.clone(), index);
                    }
                }
            }
            Err(ds) => {
                diags.extend(ds);
                indexes
                    .failed
                    .insert((doc.path.key(), doc.path.lang.clone()));
            }
        }
    }
    for doc in page_docs {
        if let Some(s) = &doc.path.section {
            indexes.sections.entry(s.clone()).or_default();
        }
    }
    (indexes, diags)
}

/// Every section, with its content type and its title, slug and URL in each site language.
pub(super) fn build(config: &Config, indexes: &Indexes) -> (Sections, Diagnostics) {
    let mut diags = Diagnostics::new();
    let mut sections = Sections {
        list: Vec::new(),
        by_key: HashMap::new(),
    };
    let default_lang = config.default_language.as_str();
    for (key, metas) in &indexes.sections {
        let content_type = content_type(config, key, metas, &mut diags);
        let index_failed = indexes
            .failed
            .contains(&(format!("{key}/_index.md"), default_lang.to_string()));
        if !metas.contains_key(default_lang) && !index_failed {
            diags.push(
                Diagnostic::warning(
                    Code::Section,
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
        let langs = config
            .languages
            .iter()
            .map(|lang| {
                let sl = section_lang(config, key, lang, metas.get(lang), fallback, &mut diags);
                (lang.clone(), sl)
            })
            .collect();
        sections.by_key.insert(key.clone(), sections.list.len());
        sections.list.push(Section {
            key: key.clone(),
            content_type,
            langs,
        });
    }
    (sections, diags)
}

/// The content type of section `key`: its default language's `type`, else the first language's
/// that has one. An index that says another type is an error.
fn content_type(
    config: &Config,
    key: &str,
    metas: &BTreeMap<String, Index>,
    diags: &mut Diagnostics,
) -> ContentType {
    let type_of = |lang: &str| metas.get(lang).and_then(|ix| ix.meta.content_type);
    let content_type = type_of(&config.default_language)
        .or_else(|| config.languages.iter().find_map(|l| type_of(l)))
        .unwrap_or_default();
    for (lang, Index { meta, body }) in metas {
        if let Some(t) = meta.content_type
            && t != content_type
        {
            diags.push(
                Diagnostic::error(
                    Code::Section,
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
    content_type
}

/// Section `key` in `lang`: from its own index, else from the default language's (`fallback`),
/// else from its folder name.
fn section_lang(
    config: &Config,
    key: &str,
    lang: &str,
    own: Option<&Index>,
    fallback: Option<&Index>,
    diags: &mut Diagnostics,
) -> SectionLang {
    let index = own.or(fallback);
    let meta = index.map(|ix| &ix.meta);
    let title = meta.map_or_else(|| key.to_string(), |m| m.title.clone());
    let slug = match (index, meta.and_then(|m| m.slug.as_deref())) {
        (Some(index), Some(raw)) => match slug::from_front_matter(raw) {
            Ok(s) => s,
            Err(e) => {
                let position = index.meta.key_position(&index.body.file, "slug");
                diags.push(slug_error(&index.body.file.display, raw, &e, position));
                slug::slugify(key)
            }
        },
        _ => slug::slugify(key),
    };
    let url = format!("{}/{slug}/", config.lang_prefix(lang));
    SectionLang {
        title,
        slug,
        description: meta.and_then(|m| m.description.clone()),
        url,
        body: own.map(|ix| ix.body.clone()),
        pages: Vec::new(),
        list: Vec::new(),
    }
}

/// The home page of every site language, from its `_index.md` when there is one.
pub(super) fn homes(config: &Config, indexes: &Indexes) -> BTreeMap<String, Home> {
    config
        .languages
        .iter()
        .map(|lang| {
            let own = indexes.homes.get(lang);
            let home = Home {
                title: own.map(|ix| ix.meta.title.clone()),
                description: own.and_then(|ix| ix.meta.description.clone()),
                url: format!("{}/", config.lang_prefix(lang)),
                body: own.map(|ix| ix.body.clone()),
            };
            (lang.clone(), home)
        })
        .collect()
}

/// Fills each section's list with its published pages (`pages` sorted by key), sorted for
/// lists, and claims the URLs of its later list pages (`page/2/`, …).
pub(super) fn fill_lists(
    sections: &mut [Section],
    pages: &[Page],
    outputs: &mut OutputMap,
) -> Diagnostics {
    let mut diags = Diagnostics::new();
    for (id, page) in pages.iter().enumerate() {
        if let Some(si) = page.section
            && let Some(sl) = sections[si].langs.get_mut(&page.lang)
        {
            sl.pages.push(id);
        }
    }
    let order = |a: &PageId, b: &PageId| compare_for_lists(&pages[*a], &pages[*b]);
    for section in sections {
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
    diags
}
