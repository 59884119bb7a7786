//! A section's `_index.md` front matter: its title, slug, content type and description.

use serde::Deserialize;

use super::comments::comments_in_text;
use super::keys::KeyPositions;
use super::split::Split;
use super::validate::Validator;
use crate::content::kinds::ContentType;
use crate::diag::{Diagnostics, Position};
use crate::msg;
use crate::source::SourceFile;
use crate::yaml::text;

/// An `_index.md` front matter as serde reads it.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawSection {
    #[serde(default, deserialize_with = "text::option")]
    title: Option<String>,
    #[serde(default, deserialize_with = "text::option")]
    slug: Option<String>,
    #[serde(rename = "type")]
    content_type: Option<ContentType>,
    #[serde(default, deserialize_with = "text::option")]
    description: Option<String>,
}

/// A section's `_index.md` front matter.
#[derive(Debug, Clone, Default)]
pub struct SectionMeta {
    pub title: String,
    pub slug: Option<String>,
    pub content_type: Option<ContentType>,
    pub description: Option<String>,
    /// What the front matter holds that is not an error (a text cut at ` #`).
    pub warnings: Diagnostics,
    /// Where its keys are written, for errors found later (a `type` other than the section's).
    pub keys: KeyPositions,
}

impl SectionMeta {
    /// Where `key` is written in `file`, the `_index.md` this was read from.
    pub fn key_position(&self, file: &SourceFile, key: &str) -> Option<Position> {
        self.keys.position(file, key)
    }
}

/// Parses a section's `_index.md` front matter: every error, or the section with its
/// warnings.
pub fn parse_section(file: &SourceFile, split: &Split<'_>) -> Result<SectionMeta, Diagnostics> {
    let block = split.block(file);
    let mut v = Validator::new(block);
    let warnings = comments_in_text(&block);
    let raw = v.read::<RawSection>();
    let title = match raw.as_ref().and_then(|r| r.title.as_ref()) {
        Some(t) if !t.trim().is_empty() => t.clone(),
        Some(_) => {
            v.error(
                "title",
                msg!("frontmatter-title-empty"),
                msg!("frontmatter-section-title-empty-hint"),
            );
            String::new()
        }
        None if raw.is_some() => {
            v.missing("title", msg!("frontmatter-section-title-missing-hint"));
            String::new()
        }
        None => String::new(),
    };
    match raw {
        Some(raw) if !v.diags.has_errors() => Ok(SectionMeta {
            title,
            slug: raw.slug,
            content_type: raw.content_type,
            description: raw.description,
            warnings,
            keys: v.keys,
        }),
        _ => {
            v.diags.extend(warnings);
            Err(v.diags)
        }
    }
}
