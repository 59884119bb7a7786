//! The languages of a site (`default_language:`, `languages:`) and the texts given per
//! language (`title:`, `description:`, an alert's `text:`).
//!
//! A text in a language the site does not have is an error, not silently dropped.

use std::collections::BTreeMap;

use serde::Deserialize;

use super::{DISPLAY, setting_at};
use crate::diag::Code;
use crate::diag::{Diagnostic, Diagnostics};
use crate::msg;
use crate::yaml::Block;

/// Text given once for all languages, or per language.
#[derive(Debug, Clone, Deserialize)]
#[serde(untagged)]
pub enum LangText {
    One(String),
    PerLanguage(BTreeMap<String, String>),
}

/// Validates `default_language:` and `languages:`: the default language (`id` unless written)
/// and every language of the site, the default first.
pub(super) fn languages(
    default_language: Option<String>,
    listed: Option<Vec<String>>,
    block: &Block<'_>,
    diags: &mut Diagnostics,
) -> (String, Vec<String>) {
    let default_language = default_language.unwrap_or_else(|| "id".to_string());
    let mut languages = listed.unwrap_or_else(|| vec![default_language.clone()]);
    for lang in &languages {
        check_code(lang, block, diags);
    }
    if !languages.contains(&default_language) {
        let lang = &default_language;
        let message = msg!("config-default-language-not-listed", lang);
        let hint = msg!("config-default-language-not-listed-hint", lang);
        diags.push(
            Diagnostic::error(Code::Config, DISPLAY, message)
                .at(setting_at(block, "default_language"))
                .with_hint(hint),
        );
    }
    languages.retain(|l| l != &default_language);
    languages.insert(0, default_language.clone());
    languages.dedup();
    (default_language, languages)
}

/// Whether `code` is written as a language code: two or three lowercase letters (`id`, `en`).
fn is_code(code: &str) -> bool {
    (2..=3).contains(&code.len()) && code.chars().all(|c| c.is_ascii_lowercase())
}

/// An error, at the item in `languages:`, unless `lang` is a language code.
fn check_code(lang: &str, block: &Block<'_>, diags: &mut Diagnostics) {
    if is_code(lang) {
        return;
    }
    let lower = lang.trim().to_ascii_lowercase();
    let hint = if is_code(&lower) {
        msg!("config-write", text = lower)
    } else {
        msg!("config-not-a-language-code-hint")
    };
    diags.push(
        Diagnostic::error(
            Code::Config,
            DISPLAY,
            msg!("config-not-a-language-code", lang),
        )
        .at(block.item_position("languages", lang))
        .with_hint(hint),
    );
}

/// Validates `title:`, which the default language must have.
pub(super) fn title(
    text: Option<LangText>,
    languages: &[String],
    default_language: &str,
    block: &Block<'_>,
    diags: &mut Diagnostics,
) -> BTreeMap<String, String> {
    let title = per_language(text, languages, block, "title", diags);
    if !title.contains_key(default_language) {
        diags.push(
            Diagnostic::error(Code::Config, DISPLAY, msg!("config-title-missing"))
                .at(setting_at(block, "title"))
                .with_hint(msg!("config-title-missing-hint", lang = default_language)),
        );
    }
    title
}

/// Text per language. A language the site does not have is an error (naming `key`, at
/// `position`): `{ id: …, en: …, de: … }` would otherwise drop the German silently, and
/// `{ in: … }` for `id` would leave the site without its title.
pub(super) fn per_language(
    text: Option<LangText>,
    languages: &[String],
    block: &Block<'_>,
    key: &str,
    diags: &mut Diagnostics,
) -> BTreeMap<String, String> {
    match text {
        None => BTreeMap::new(),
        Some(LangText::One(s)) => languages.iter().map(|l| (l.clone(), s.clone())).collect(),
        Some(LangText::PerLanguage(map)) => {
            for lang in map.keys().filter(|l| !languages.contains(l)) {
                let nearest = languages
                    .iter()
                    .min_by_key(|l| strsim::levenshtein(l, lang))
                    .filter(|l| strsim::levenshtein(l, lang) <= 1)
                    // A language that has its text already would then be given twice.
                    .filter(|l| !map.contains_key(*l));
                let all = languages.join(", ");
                let hint = match nearest {
                    Some(near) => msg!("config-did-you-mean", near),
                    None => msg!("config-text-language-hint", lang, languages = all),
                };
                diags.push(
                    Diagnostic::error(
                        Code::Config,
                        "site.yaml",
                        msg!("config-text-language", key, lang),
                    )
                    .at(block.item_position(key.split('.').next().unwrap_or(key), lang))
                    .with_hint(hint),
                );
            }
            map.into_iter()
                .filter(|(l, _)| languages.contains(l))
                .collect()
        }
    }
}
