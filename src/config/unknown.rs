//! The settings site.yaml may have, and every setting it has that warta does not know,
//! reported at once where it is written, with the nearest known one.
//!
//! Only the keys: values of the wrong shape are left to the typed reading that follows.

use crate::diag::Code;
use crate::diag::{Diagnostic, Diagnostics, Position, did_you_mean};
use crate::msg;
use crate::source::SourceFile;

/// The settings warta reads from site.yaml, by block: the block's path (`""` for the top
/// level), whether it is a list of such blocks, and its keys. The `Raw…` structs of the
/// sections must take the same keys (a test checks).
pub(super) const SETTINGS: &[(&str, bool, &[&str])] = &[
    (
        "",
        false,
        &[
            "base_url",
            "title",
            "description",
            "default_language",
            "languages",
            "theme",
            "output",
            "markdown",
            "images",
            "budgets",
            "tags",
            "extra",
        ],
    ),
    ("output", false, &["precompress", "content_security_policy"]),
    ("markdown", false, &["raw_html", "iframe_hosts"]),
    (
        "images",
        false,
        &["widths", "quality", "publish_originals", "image_budget_kb"],
    ),
    ("budgets", false, &["html", "css", "js", "image"]),
    (
        "extra.hotline",
        false,
        &["number", "abroad", "whatsapp", "email", "hours", "free"],
    ),
    ("extra.feedback", false, &["url", "param", "email"]),
    ("extra.alerts", true, &["text", "start", "end", "link"]),
];

/// Every setting of site.yaml that warta does not know, with the nearest known one. Values of
/// the wrong shape are left to the typed reading that follows.
pub(super) fn unknown_settings(tree: &serde_yaml::Value, file: &SourceFile) -> Diagnostics {
    let mut out = Diagnostics::new();
    for (block, list, known) in SETTINGS {
        let node = block
            .split('.')
            .filter(|p| !p.is_empty())
            .try_fold(tree, |node, part| node.get(part));
        let maps: Vec<&serde_yaml::Mapping> = match node {
            Some(serde_yaml::Value::Mapping(m)) if !list => vec![m],
            Some(serde_yaml::Value::Sequence(items)) if *list => items
                .iter()
                .filter_map(serde_yaml::Value::as_mapping)
                .collect(),
            _ => Vec::new(),
        };
        for key in maps
            .iter()
            .flat_map(|m| m.keys())
            .filter_map(serde_yaml::Value::as_str)
            .filter(|k| !known.contains(k))
        {
            let message = if block.is_empty() {
                msg!("config-unknown-setting", key)
            } else {
                msg!("config-unknown-setting-in", key, block = *block)
            };
            let hint = match did_you_mean(key, known.iter().copied()) {
                Some(near) => msg!("config-did-you-mean", near),
                None => msg!("config-unknown-setting-hint", known = known.join(", ")),
            };
            out.push(
                Diagnostic::error(Code::Config, file.display.clone(), message)
                    .at(Some(setting_position(file, block, key)))
                    .with_hint(hint),
            );
        }
    }
    out
}

/// Where `key` is written inside `block` (a dotted path of keys, `""` for the top level): the
/// first line after the block's own key that writes it, in block or flow style; else line 1.
fn setting_position(file: &SourceFile, block: &str, key: &str) -> Position {
    let lines: Vec<&str> = file.text.split('\n').collect();
    let mut from = 0;
    for part in block.split('.').filter(|p| !p.is_empty()) {
        match (from..lines.len()).find(|&i| key_column(lines[i], part).is_some()) {
            Some(i) => from = i,
            None => return file.position_at_line(1, 1, 1),
        }
    }
    for (i, line) in lines.iter().enumerate().skip(from) {
        match key_column(line, key) {
            // Top-level keys start their line.
            Some(col) if !block.is_empty() || col == 0 => {
                let column = line[..col].chars().count() + 1;
                return file.position_at_line(i + 1, column, key.chars().count());
            }
            _ => {}
        }
    }
    file.position_at_line(1, 1, 1)
}

/// The byte column where `line` writes the key `key` (`key:` at the start, after `- `, `{` or
/// `,`), before any comment.
fn key_column(line: &str, key: &str) -> Option<usize> {
    let code = line.split(" #").next().unwrap_or(line);
    code.match_indices(key).map(|(i, _)| i).find(|&i| {
        let before = code[..i].trim_end();
        let starts = before.is_empty()
            || before.ends_with(['{', ','])
            || before.trim_start_matches([' ', '-']).is_empty();
        starts && code[i + key.len()..].trim_start().starts_with(':')
    })
}
