//! site.yaml as written: the file read as UTF-8 text, then its raw serde shape.
//!
//! Settings warta does not know are found before serde reads the shape, and reported all at
//! once in the words of site.yaml (serde would stop at the first). Whether the values make
//! sense is for the sections' validation that follows.

use std::path::Path;

use serde::Deserialize;

use super::DISPLAY;
use super::budgets::RawBudgets;
use super::images::RawImages;
use super::languages::LangText;
use super::markup::RawMarkdown;
use super::output::RawOutput;
use super::unknown::unknown_settings;
use crate::diag::Code;
use crate::diag::{Diagnostic, Diagnostics};
use crate::msg;
use crate::source::SourceFile;
use crate::yaml::Block;

/// The top level of site.yaml; each section is its own `Raw…` shape.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawConfig {
    pub(super) base_url: Option<String>,
    pub(super) title: Option<LangText>,
    pub(super) description: Option<LangText>,
    pub(super) default_language: Option<String>,
    pub(super) languages: Option<Vec<String>>,
    pub(super) theme: Option<String>,
    pub(super) output: Option<RawOutput>,
    pub(super) markdown: Option<RawMarkdown>,
    pub(super) images: Option<RawImages>,
    pub(super) budgets: Option<RawBudgets>,
    pub(super) tags: Option<Vec<super::tags::RawTag>>,
    pub(super) extra: Option<serde_yaml::Value>,
}

/// Reads `<root>/site.yaml` as text, without a byte-order mark.
pub(super) fn read_file(root: &Path) -> Result<SourceFile, Diagnostics> {
    let bytes = match std::fs::read(root.join("site.yaml")) {
        Ok(b) => b,
        Err(err) => {
            let folder = root.display().to_string();
            return Err(only(
                Diagnostic::error(
                    Code::Config,
                    DISPLAY,
                    msg!("config-cannot-read", why = err.to_string()),
                )
                .with_hint(msg!("config-cannot-read-hint", folder)),
            ));
        }
    };
    let text = match String::from_utf8(bytes) {
        Ok(t) => t,
        Err(_) => {
            return Err(only(
                Diagnostic::error(Code::Utf8, DISPLAY, msg!("config-not-utf8"))
                    .with_hint(msg!("config-not-utf8-hint")),
            ));
        }
    };
    Ok(SourceFile::new(
        DISPLAY,
        text.trim_start_matches('\u{feff}').to_string(),
    ))
}

/// Reads the raw shape of site.yaml: a YAML error, or every unknown setting, stops here.
pub(super) fn parse(block: &Block<'_>) -> Result<RawConfig, Diagnostics> {
    let tree: serde_yaml::Value = block.parse().map_err(only)?;
    let unknown = unknown_settings(&tree, block.file);
    if !unknown.is_empty() {
        let mut diags = Diagnostics::new();
        diags.extend(unknown);
        return Err(diags);
    }
    block.parse().map_err(only)
}

/// The diagnostics of a read that stops at its first error.
fn only(d: Diagnostic) -> Diagnostics {
    let mut diags = Diagnostics::new();
    diags.push(d);
    diags
}
