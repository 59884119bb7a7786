//! The tags pages write, matched to the topics of site.yaml's `tags:`: a tag written as a
//! topic's label in the page's language, or as that label's short form (`Calon PMI` or
//! `calon-pmi`), is that topic. The topic gives the tag its label, and links it to the same
//! topic's tag in the other languages. When a site defines topics, a tag that is none of them
//! is a warning (it still works, shown as written).

use std::collections::HashMap;

use super::{Page, slug};
use crate::config::Config;
use crate::diag::Code;
use crate::diag::{Diagnostic, Position};
use crate::msg;

/// (language, slug of a label) → the index of its topic in `config.tags`.
pub(super) struct LabelIndex {
    by_slug: HashMap<(String, String), usize>,
}

impl LabelIndex {
    pub(super) fn new(config: &Config) -> LabelIndex {
        let mut by_slug = HashMap::new();
        for (entry, labels) in config.tags.entries.iter().enumerate() {
            for (lang, label) in labels {
                // The first topic wins when two labels make one short form.
                by_slug
                    .entry((lang.clone(), slug::slugify(label)))
                    .or_insert(entry);
            }
        }
        LabelIndex { by_slug }
    }

    /// The topic of the tag whose slug is `slug` in `lang`.
    pub(super) fn entry(&self, lang: &str, slug: &str) -> Option<usize> {
        self.by_slug
            .get(&(lang.to_string(), slug.to_string()))
            .copied()
    }
}

/// A warning: `name`, a tag of `page`, is not one of the site's topics.
pub(super) fn undefined(
    config: &Config,
    page: &Page,
    name: &str,
    at: Option<Position>,
) -> Diagnostic {
    let example = config
        .languages
        .iter()
        .map(|l| format!("{l}: {name}"))
        .collect::<Vec<_>>()
        .join(", ");
    Diagnostic::warning(
        Code::TagUndefined,
        page.file(),
        msg!("content-tag-undefined", tag = format!("{name:?}")),
    )
    .at(at)
    .with_hint(msg!("content-tag-undefined-hint", example))
}
