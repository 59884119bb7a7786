//! Text cut short by YAML: in `title: Siaran Pers #12`, the ` #` starts a comment and the title
//! is "Siaran Pers". A warning, with the line to write instead.

use crate::diag::Diagnostic;
use crate::diag::{Code, Diagnostics};
use crate::msg;
use crate::yaml::{Block, Line};

/// Fields whose value is text: a ` #` in their plain value starts a YAML comment and silently
/// cuts the text there.
const TEXT_FIELDS: &[&str] = &[
    "title",
    "description",
    "place",
    "source",
    "image_alt",
    "audience",
    "duration",
    "name",
    "address",
    "hours",
    "q",
    "a",
    "item",
    "payer",
];

/// Fields that are lists of text (each `- item` is text).
const TEXT_LIST_FIELDS: &[&str] = &[
    "tags",
    "requirements",
    "documents",
    "where",
    "sectors",
    "special_rules",
];

/// A warning for every text value that YAML cuts at a ` #` (`title: Siaran Pers #12` is the
/// title "Siaran Pers"), with the line to write instead. Lines that are comments, values that
/// are quoted or empty before the `#`, and fields that are not text (a date, `draft`) are left
/// alone: there a `#` is a comment.
pub(super) fn comments_in_text(block: &Block<'_>) -> Diagnostics {
    let mut out = Diagnostics::new();
    // The text list whose items the lines below belong to (`tags:` then `- a`).
    let mut list: Option<&str> = None;
    // Inside a block of text (`description: |`): lines indented deeper are text, `#` and all.
    let mut block_text_indent: Option<usize> = None;
    for (i, raw) in block.text.split('\n').enumerate() {
        let line = Line::parse(raw);
        let indent = raw.len() - raw.trim_start_matches(' ').len();
        if let Some(deeper) = block_text_indent {
            if raw.trim().is_empty() || indent > deeper {
                continue;
            }
            block_text_indent = None;
        }
        if raw.trim_start().starts_with('#') || raw.trim().is_empty() {
            continue;
        }
        if line.value.starts_with(['|', '>']) {
            block_text_indent = Some(indent);
        }
        let is_item = line.lead.contains('-');
        if !is_item && indent == 0 {
            list = line
                .key
                .filter(|k| TEXT_LIST_FIELDS.contains(k) && line.value.is_empty());
        }
        let field = match line.key {
            Some(key) if TEXT_FIELDS.contains(&key) => key,
            None if is_item => match list {
                Some(key) => key,
                None => continue,
            },
            _ => continue,
        };
        if !line.is_plain() {
            continue;
        }
        let Some(hash) = line.value.find(" #").or_else(|| line.value.find("\t#")) else {
            continue;
        };
        let kept = line.value[..hash].trim_end();
        let cut = line.value[hash..].trim();
        let fixed = if line.key.is_some() {
            line.quoted()
        } else {
            line.whole_quoted()
        };
        let at = block.file.line_start(block.first_line + i) + line.value_at + hash + 1;
        let kept = format!("{kept:?}");
        let message = if line.key.is_some() {
            msg!("frontmatter-text-cut-at-hash", field, cut, kept)
        } else {
            msg!("frontmatter-item-cut-at-hash", field, cut, kept)
        };
        out.push(
            Diagnostic::warning(Code::CommentInText, block.file.display.clone(), message)
                .at(Some(block.file.position(at, cut.len())))
                .with_hint(msg!("frontmatter-text-cut-at-hash-hint", line = fixed)),
        );
    }
    out
}
