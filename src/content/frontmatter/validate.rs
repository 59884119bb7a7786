//! The checks of front-matter values that serde cannot make, each reported where the value is
//! written: dates, country codes, required keys. A key written with a wrong value is reported
//! once (by `yaml`), not also as missing.

use std::collections::BTreeSet;

use serde::de::DeserializeOwned;

use super::keys::KeyPositions;
use crate::countries;
use crate::dates::Date;
use crate::diag::Code;
use crate::diag::{Diagnostic, Diagnostics, Position};
use crate::i18n::Message;
use crate::msg;
use crate::yaml::Block;

/// One front matter being read: its block, where its keys are, and every problem found so
/// far.
pub(super) struct Validator<'a> {
    pub(super) block: Block<'a>,
    pub(super) keys: KeyPositions,
    pub(super) diags: Diagnostics,
    /// Keys written but refused (a wrong type): not to be reported missing as well.
    pub(super) refused: BTreeSet<String>,
}

impl<'a> Validator<'a> {
    /// Starts reading `block`, with the positions of its keys.
    pub(super) fn new(block: Block<'a>) -> Self {
        Validator {
            keys: KeyPositions::read(&block),
            block,
            diags: Diagnostics::new(),
            refused: BTreeSet::new(),
        }
    }

    /// Where `key` is written (its value, or the key when the value is on later lines).
    pub(super) fn key_position(&self, key: &str) -> Option<Position> {
        self.keys.position(self.block.file, key)
    }

    /// Reads the block key by key: every bad key is reported, and the rest is returned.
    pub(super) fn read<T: DeserializeOwned>(&mut self) -> Option<T> {
        let partial = self.block.parse_each::<T>();
        self.diags.extend(partial.errors);
        self.refused = partial.refused;
        partial.value
    }

    pub(super) fn error(&mut self, key: &str, message: Message, hint: Message) {
        self.report(Code::Frontmatter, key, message, hint);
    }

    /// An error at `position` (or at the top of the front matter).
    pub(super) fn error_at(&mut self, position: Option<Position>, message: Message, hint: Message) {
        let position = position.or_else(|| Some(self.block.start_position()));
        self.diags.push(
            Diagnostic::error(Code::Frontmatter, self.block.file.display.clone(), message)
                .at(position)
                .with_hint(hint),
        );
    }

    /// An error at `key`'s value (or at the top of the front matter when the key is absent).
    pub(super) fn report(&mut self, code: Code, key: &str, message: Message, hint: Message) {
        let position = self
            .key_position(key)
            .or_else(|| Some(self.block.start_position()));
        self.diags.push(
            Diagnostic::error(code, self.block.file.display.clone(), message)
                .at(position)
                .with_hint(hint),
        );
    }

    pub(super) fn warn(&mut self, key: &str, message: Message, hint: Message) {
        self.diags.push(
            Diagnostic::warning(key_code(key), self.block.file.display.clone(), message)
                .at(self.key_position(key))
                .with_hint(hint),
        );
    }

    /// A required key is absent, unless it was written and refused (already reported).
    pub(super) fn missing(&mut self, key: &str, hint: Message) {
        if self.refused.contains(key) {
            return;
        }
        self.diags.push(
            Diagnostic::error(
                Code::Frontmatter,
                self.block.file.display.clone(),
                msg!("frontmatter-missing-field", key),
            )
            .at(Some(self.block.start_position()))
            .with_hint(hint),
        );
    }

    pub(super) fn date(&mut self, key: &str, value: Option<&str>) -> Option<Date> {
        let value = value?;
        match Date::parse(value) {
            Ok(d) => Some(d),
            Err(e) => {
                let hint = Date::suggest(value).map_or_else(
                    || msg!("frontmatter-date-hint"),
                    |s| msg!("frontmatter-write", text = s),
                );
                let message = msg!("frontmatter-bad-date", key, found = format!("{value:?}"))
                    .arg_message("why", e.message());
                self.report(Code::Date, key, message, hint);
                None
            }
        }
    }

    pub(super) fn country_code(&mut self, code: &str, key: &str) -> Option<String> {
        let upper = code.trim().to_ascii_uppercase();
        if countries::is_valid(&upper) {
            return Some(upper);
        }
        let hint = match countries::code_for_name(code) {
            Some(c) => msg!("frontmatter-did-you-mean", near = c),
            None => msg!("frontmatter-country-code-hint"),
        };
        let position = self
            .block
            .item_position(key, code)
            .or_else(|| Some(self.block.start_position()));
        self.diags.push(
            Diagnostic::error(
                Code::Country,
                self.block.file.display.clone(),
                msg!("frontmatter-country-code", code = format!("{code:?}"), key),
            )
            .at(position)
            .with_hint(hint),
        );
        None
    }
}

/// The diagnostic code of a warning about `key`.
fn key_code(key: &str) -> Code {
    match key {
        "description" => Code::Description,
        _ => Code::Frontmatter,
    }
}
