//! Pages: every page's front matter parsed (in parallel) as its section's content type, then
//! what is published decided (drafts and future dates are not, unless asked), and each
//! published page given its slug and URL, claimed with its old addresses (aliases).
//!
//! A page that is not published is held (see [`Held`]): the files it links wait for it.

use std::collections::HashMap;
use std::sync::Arc;

use rayon::prelude::*;

use super::frontmatter::{self, FrontMatter};
use super::sections::Sections;
use super::urls::{Origin, OutputMap, first_line, slug_error};
use super::{Body, Held, Page, Publish, normalize_alias, scaffold, slug};
use crate::config::Config;
use crate::dates::Date;
use crate::diag::Code;
use crate::diag::{Diagnostic, Diagnostics};
use crate::i18n::Message;
use crate::msg;
use crate::source::{Document, SourceFile};

/// A page document with its front matter, where its body starts, and its warnings.
pub(super) struct Parsed {
    doc: Document,
    fm: FrontMatter,
    body_start: usize,
    warnings: Diagnostics,
}

/// Parses every page in parallel, each as its section's content type. A page that fails comes
/// back with its document, whose links still count (see [`Held`]).
pub(super) fn parse(
    page_docs: Vec<Document>,
    sections: &Sections,
    today: Date,
) -> Vec<Result<Parsed, (Document, Diagnostics)>> {
    page_docs
        .into_par_iter()
        .map(|doc| {
            let content_type = sections.content_type_of(doc.path.section.as_deref());
            let split = match frontmatter::split(&doc.file) {
                Ok(split) => split,
                Err(d) => {
                    let mut ds = Diagnostics::new();
                    ds.push(d);
                    return Err((doc, ds));
                }
            };
            let body_start = split.body_start;
            match frontmatter::parse_page(&doc.file, &split, content_type, today) {
                Ok((fm, warnings)) => Ok(Parsed {
                    doc,
                    fm,
                    body_start,
                    warnings,
                }),
                Err(ds) => Err((doc, ds)),
            }
        })
        .collect()
}

/// What the pages give the graph.
#[derive(Default)]
pub(super) struct Published {
    /// The published pages, sorted by key, then in site language order.
    pub(super) pages: Vec<Page>,
    /// The pages that are not published, in file order.
    pub(super) held: Vec<Held>,
    /// Keys of the pages held as drafts or for their date, with why.
    pub(super) unpublished: HashMap<String, Message>,
    pub(super) drafts_skipped: usize,
    /// (key, language) of the pages whose front matter has errors (reported).
    pub(super) failed: Vec<(String, String)>,
}

/// Decides which parsed pages are published and gives each its slug and URL, claiming it and
/// its aliases in `outputs`; reports, page by page in file order, its front-matter errors and
/// warnings, leftovers of `warta new`, and slug and URL errors.
pub(super) fn publish(
    config: &Config,
    parsed: Vec<Result<Parsed, (Document, Diagnostics)>>,
    sections: &Sections,
    publish: Publish,
    outputs: &mut OutputMap,
) -> (Published, Diagnostics) {
    let mut diags = Diagnostics::new();
    let mut out = Published::default();
    for result in parsed {
        let Parsed {
            doc,
            fm,
            body_start,
            warnings,
        } = match result {
            Ok(parsed) => parsed,
            Err((doc, ds)) => {
                diags.extend(ds);
                out.failed.push((doc.path.key(), doc.path.lang.clone()));
                out.held.push(Held::failed(doc));
                continue;
            }
        };
        diags.extend(warnings);
        diags.extend(scaffold::check(&doc.file, &fm, body_start));
        let file = Arc::new(doc.file);
        let body = Body {
            file,
            start: body_start,
        };
        let key = doc.path.key();
        if let Some(why) = why_held(&fm, publish) {
            out.drafts_skipped += 1;
            out.unpublished.insert(key.clone(), why);
            out.held.push(Held {
                key,
                lang: doc.path.lang,
                body,
                image: fm.image.clone(),
            });
            continue;
        }
        let slug = match page_slug(&doc.path.name, &fm, &body.file) {
            Ok(slug) => slug,
            Err(d) => {
                diags.push(d);
                continue;
            }
        };
        let section = sections.index_of(doc.path.section.as_deref());
        let lang = doc.path.lang;
        let base = match section.and_then(|i| sections.list[i].langs.get(&lang)) {
            Some(sl) => sl.url.clone(),
            None => format!("{}/", config.lang_prefix(&lang)),
        };
        let url = format!("{base}{slug}/");
        claim_page(config, outputs, &url, &fm, &body.file, &mut diags);
        out.pages.push(Page {
            key,
            lang,
            section,
            content_type: sections.content_type_of(doc.path.section.as_deref()),
            fm,
            slug,
            url,
            translations: Vec::new(),
            body,
        });
    }
    // Deterministic order whatever the parallel parse did.
    out.pages.sort_by(|a, b| {
        (&a.key, lang_rank(config, &a.lang)).cmp(&(&b.key, lang_rank(config, &b.lang)))
    });
    (out, diags)
}

/// Why a page is not published (a draft, a date still to come), unless drafts are asked for.
fn why_held(fm: &FrontMatter, publish: Publish) -> Option<Message> {
    if fm.draft && !publish.drafts {
        Some(msg!("content-why-draft"))
    } else {
        fm.date
            .filter(|date| date.day() > publish.today.day() && !publish.drafts)
            .map(|date| msg!("content-why-future", date = date.iso()))
    }
}

/// A page's slug: its `slug`, else its file name (`name`) without a leading date.
fn page_slug(name: &str, fm: &FrontMatter, file: &SourceFile) -> Result<String, Diagnostic> {
    if let Some(raw) = &fm.slug {
        return slug::from_front_matter(raw)
            .map_err(|e| slug_error(&file.display, raw, &e, fm.key_position(file, "slug")));
    }
    let s = slug::from_file_name(name);
    if s.is_empty() {
        return Err(Diagnostic::error(
            Code::Slug,
            file.display.clone(),
            msg!("content-file-name-no-slug"),
        )
        .with_hint(match slug::slugify(&fm.title) {
            s if s.is_empty() => msg!("content-file-name-no-slug-hint"),
            s => msg!("content-file-name-no-slug-hint-slug", slug = s),
        }));
    }
    Ok(s)
}

/// Claims a page's `url` and its aliases, each error at the line that gives it.
fn claim_page(
    config: &Config,
    outputs: &mut OutputMap,
    url: &str,
    fm: &FrontMatter,
    file: &SourceFile,
    diags: &mut Diagnostics,
) {
    // A page's URL comes from its `slug`, or else from its file name (line 1).
    outputs.claim_at(
        url,
        Origin::file(&file.display),
        || fm.key_position(file, "slug").or_else(|| first_line(file)),
        diags,
    );
    for alias in &fm.aliases {
        outputs.claim_at(
            &config.url(&normalize_alias(alias)),
            Origin::alias(&file.display, alias),
            || fm.key_position(file, "aliases"),
            diags,
        );
    }
}

fn lang_rank(config: &Config, lang: &str) -> usize {
    config
        .languages
        .iter()
        .position(|l| l == lang)
        .unwrap_or(usize::MAX)
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
