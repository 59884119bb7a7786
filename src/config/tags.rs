//! `tags:` in site.yaml: the site's topics, each given once with its label in every language
//! of the site (`- { id: Calon PMI, en: Prospective workers }`). The entry is what links the
//! tag across languages; a page writes a tag by its label or by the label's short form
//! (`calon-pmi`), and lists and tag pages show the label.
//!
//! This module only checks the entries (every site language has a label that is not empty, no
//! other language); matching the tags pages write is `content`'s (it owns slugs).

use std::collections::BTreeMap;

use super::DISPLAY;
use super::languages::{LangText, per_language};
use crate::diag::Code;
use crate::diag::{Diagnostic, Diagnostics};
use crate::msg;
use crate::yaml::Block;

/// One entry of `tags:` as written: language → label.
pub(super) type RawTag = BTreeMap<String, String>;

/// The validated `tags:`: each entry's label per language, every site language present.
#[derive(Debug, Clone, Default)]
pub struct TagLabels {
    pub entries: Vec<BTreeMap<String, String>>,
}

impl TagLabels {
    /// The label of entry `entry` in `lang`.
    pub fn label(&self, entry: usize, lang: &str) -> Option<&str> {
        self.entries.get(entry)?.get(lang).map(String::as_str)
    }
}

/// Validates `tags:`: an entry without a label in one of the site's languages, with a label
/// without a letter or digit, or with a language the site does not have is an error at that entry.
pub(super) fn tag_labels(
    raw: Vec<RawTag>,
    languages: &[String],
    block: &Block<'_>,
    diags: &mut Diagnostics,
) -> TagLabels {
    let mut entries = Vec::new();
    for (index, written) in raw.into_iter().enumerate() {
        let first = written.iter().next().map(|(l, t)| (l.clone(), t.clone()));
        let labels = per_language(
            Some(LangText::PerLanguage(written)),
            languages,
            block,
            "tags",
            diags,
        );
        let (first_lang, first_label) = first.unwrap_or_default();
        let at = block
            .field_position("tags", index, &first_lang)
            .or_else(|| super::setting_at(block, "tags"));
        let mut complete = true;
        for lang in languages {
            let problem = match labels.get(lang) {
                None => Some((
                    msg!(
                        "config-tag-missing-language",
                        number = index + 1,
                        label = format!("{first_label:?}"),
                        lang = lang.as_str()
                    ),
                    msg!("config-tag-label-hint", lang = lang.as_str()),
                )),
                // A label without a letter or digit ("…", "-") has no name to show or to
                // make the topic's address from.
                Some(label) if !label.chars().any(char::is_alphanumeric) => Some((
                    msg!("config-tag-empty", number = index + 1, lang = lang.as_str()),
                    msg!("config-tag-name-hint", lang = lang.as_str()),
                )),
                Some(_) => None,
            };
            if let Some((message, hint)) = problem {
                complete = false;
                diags.push(
                    Diagnostic::error(Code::Config, DISPLAY, message)
                        .at(at.clone())
                        .with_hint(hint),
                );
            }
        }
        if complete {
            entries.push(labels);
        }
    }
    TagLabels { entries }
}
