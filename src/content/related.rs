//! Lists that also show the pages written only in another language (GOV.UK's "available
//! in"): the English list of a section holds the pages that exist only in Indonesian, and the
//! other way round, so that a reader of either language sees everything the site has.
//!
//! [`add_other_languages`] makes each section's [`SectionLang::list`] (what its list pages show
//! and count) from its own `pages`, in their order, with the other languages' untranslated
//! pages merged in by [`compare_for_lists`]; it runs after every step that orders `pages`.
//! Feeds and tag pages keep to one language (`pages`; a tag is a word of one language).

use std::cmp::Ordering;

use super::urls::{Origin, OutputMap};
use super::{PAGE_SIZE, Page, PageId, Section, SectionLang, compare_for_lists};
use crate::config::Config;
use crate::diag::Diagnostics;
use crate::msg;

/// Whether page `id` is shown in the lists of `lang`: it is written in `lang`, or it has no
/// translation in `lang` and is the first of its versions in the site's order of languages
/// (a page written in two other languages is listed once).
pub fn listed_in(pages: &[Page], languages: &[String], id: PageId, lang: &str) -> bool {
    let page = &pages[id];
    if page.lang == lang {
        return true;
    }
    let rank = |l: &str| languages.iter().position(|x| x == l);
    !page.translations.iter().any(|&t| {
        let other = &pages[t].lang;
        other == lang || rank(other) < rank(&page.lang)
    })
}

/// Fills every section's `list` in every language, and claims the URLs of the list pages the
/// other languages' pages add (`page/3/`, …).
pub(super) fn add_other_languages(
    config: &Config,
    sections: &mut [Section],
    pages: &[Page],
    outputs: &mut OutputMap,
) -> Diagnostics {
    let mut diags = Diagnostics::new();
    for section in sections {
        let all: Vec<PageId> = section
            .langs
            .values()
            .flat_map(|sl| sl.pages.iter().copied())
            .collect();
        for (lang, sl) in &mut section.langs {
            let mut others: Vec<PageId> = all
                .iter()
                .copied()
                .filter(|&id| pages[id].lang != *lang)
                .filter(|&id| listed_in(pages, &config.languages, id, lang))
                .collect();
            others.sort_by(|a, b| compare_for_lists(&pages[*a], &pages[*b]));
            sl.list = merge(&sl.pages, others, pages);
            claim_more(sl, &section.key, outputs, &mut diags);
        }
    }
    diags
}

/// `own` in its order, each of `others` (sorted) before the first of `own` that sorts after it.
fn merge(own: &[PageId], others: Vec<PageId>, pages: &[Page]) -> Vec<PageId> {
    let mut list = Vec::with_capacity(own.len() + others.len());
    let mut others = others.into_iter().peekable();
    for &id in own {
        while let Some(&x) = others.peek()
            && compare_for_lists(&pages[x], &pages[id]) == Ordering::Less
        {
            list.push(x);
            others.next();
        }
        list.push(id);
    }
    list.extend(others);
    list
}

/// Claims the list pages beyond those of the section's own pages.
fn claim_more(sl: &SectionLang, key: &str, outputs: &mut OutputMap, diags: &mut Diagnostics) {
    let first = sl.pages.len().div_ceil(PAGE_SIZE).max(1) + 1;
    for n in first..=sl.list.len().div_ceil(PAGE_SIZE) {
        outputs.claim(
            &format!("{}page/{n}/", sl.url),
            Origin::made(msg!(
                "content-origin-section-page",
                number = n,
                section = key
            )),
            diags,
        );
    }
}
