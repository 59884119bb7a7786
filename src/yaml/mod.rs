//! YAML with positions relative to the whole file.
//!
//! Front matter is a YAML block that starts a few lines into a Markdown file, and `site.yaml`
//! is YAML from line 1; both are parsed here, with serde_yaml's errors turned into diagnostics
//! whose line numbers count from the top of the file, with a hint an editor can act on.
//!
//! [`Block`] is the parser. Around it, one file per concern: `entries` reads a block entry by
//! entry ([`Block::parse_each`]), `positions` finds where a key or an item is written,
//! `error` turns serde_yaml's error into a [`Diagnostic`] (with `problem` taking its message
//! apart), `line` splits a line as an editor writes it, [`text`] holds the strict text fields
//! and `limits` what is refused before parsing.

mod entries;
mod error;
mod limits;
mod line;
mod positions;
mod problem;
pub mod text;

use serde::de::DeserializeOwned;

use crate::diag::Code;
use crate::diag::Diagnostic;
use crate::msg;
use crate::source::SourceFile;

pub use entries::Partial;
use limits::{MAX_FLOW_DEPTH, too_deep};
pub use line::{Line, quoted};

/// A YAML block inside `file`, starting at 1-based line `first_line`.
#[derive(Clone, Copy)]
pub struct Block<'a> {
    pub file: &'a SourceFile,
    pub text: &'a str,
    pub first_line: usize,
}

impl<'a> Block<'a> {
    pub fn whole(file: &'a SourceFile) -> Self {
        Block {
            file,
            text: &file.text,
            first_line: 1,
        }
    }

    /// Deserializes the block, or explains why it cannot be.
    pub fn parse<T: DeserializeOwned>(&self) -> Result<T, Diagnostic> {
        if let Some(offset) = too_deep(self.text) {
            let start = self.file.line_start(self.first_line) + offset;
            return Err(Diagnostic::error(
                Code::Yaml,
                self.file.display.clone(),
                msg!("yaml-brackets-too-deep", max = MAX_FLOW_DEPTH),
            )
            .at(Some(self.file.position(start, 1)))
            .with_hint(msg!("yaml-brackets-too-deep-hint")));
        }
        // An empty block is an empty mapping, so that "missing field" errors are the ones shown.
        let text = if self.text.trim().is_empty() {
            "{}"
        } else {
            self.text
        };
        serde_yaml::from_str(text).map_err(|err| self.error_from(&err))
    }
}

#[cfg(test)]
mod tests;
