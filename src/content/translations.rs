//! A document in each language: every page linked to its translations (the pages of the same
//! language-independent key), and the link targets, key → language → URL, by which Markdown
//! links to a page, a section or the home page resolve.

use std::collections::{BTreeMap, HashMap};

use super::{Home, Page, PageId, Section};

/// Gives every page (`pages` sorted by key, then in site language order) the same page in the
/// other languages, in site language order.
pub(super) fn link(pages: &mut [Page]) {
    let mut by_key: HashMap<&str, Vec<PageId>> = HashMap::new();
    for (id, page) in pages.iter().enumerate() {
        by_key.entry(page.key.as_str()).or_default().push(id);
    }
    let translations: Vec<Vec<PageId>> = pages
        .iter()
        .enumerate()
        .map(|(id, p)| {
            by_key
                .get(p.key.as_str())
                .map(|ids| ids.iter().copied().filter(|&o| o != id).collect())
                .unwrap_or_default()
        })
        .collect();
    for (page, tr) in pages.iter_mut().zip(translations) {
        page.translations = tr;
    }
}

/// Content key (`panduan/x.md`, `berita/_index.md`, `_index.md`) → language → URL, for every
/// published page, every section and every home page.
pub(super) fn link_targets(
    pages: &[Page],
    sections: &[Section],
    homes: &BTreeMap<String, Home>,
) -> HashMap<String, BTreeMap<String, String>> {
    let mut targets: HashMap<String, BTreeMap<String, String>> = HashMap::new();
    for page in pages {
        targets
            .entry(page.key.clone())
            .or_default()
            .insert(page.lang.clone(), page.url.clone());
    }
    for section in sections {
        let section_targets = targets
            .entry(format!("{}/_index.md", section.key))
            .or_default();
        for (lang, sl) in &section.langs {
            section_targets.insert(lang.clone(), sl.url.clone());
        }
    }
    let home_targets = targets.entry("_index.md".to_string()).or_default();
    for (lang, home) in homes {
        home_targets.insert(lang.clone(), home.url.clone());
    }
    targets
}
