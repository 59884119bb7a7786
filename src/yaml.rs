//! YAML with positions relative to the whole file.
//!
//! Front matter is a YAML block that starts a few lines into a Markdown file, and `site.yaml`
//! is YAML from line 1; both are parsed here, with serde_yaml's errors turned into diagnostics
//! whose line numbers count from the top of the file, with a hint an editor can act on.

use std::collections::BTreeSet;

use serde::de::DeserializeOwned;

use crate::diag::{Diagnostic, did_you_mean};
use crate::i18n::Message;
use crate::msg;
use crate::source::SourceFile;

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
                "yaml",
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

    /// Deserializes the block key by key, so that one run reports every bad key: each
    /// top-level `key: value` entry is read on its own (an unknown key, a wrong type and a
    /// syntax error on three lines give three errors, each at its place), then the entries
    /// that were read are deserialized together. `T`'s top-level fields must all be optional.
    ///
    /// When the block cannot be cut into entries safely (a flow mapping `{…}`, text before the
    /// first key, a cut that does not give back the same mapping), the one error of reading
    /// the whole block is reported, as [`Block::parse`] does.
    pub fn parse_each<T: DeserializeOwned>(&self) -> Partial<T> {
        let whole_error = match self.parse::<T>() {
            Ok(value) => {
                return Partial {
                    value: Some(value),
                    errors: Vec::new(),
                    refused: BTreeSet::new(),
                };
            }
            Err(d) => d,
        };
        let whole_only = |d: Diagnostic| Partial {
            value: None,
            errors: vec![d],
            refused: BTreeSet::new(),
        };
        // Aliases refer to anchors in other entries: those cannot be read one by one.
        if too_deep(self.text).is_some()
            || has_anchors(self.text)
            || serde_yaml::from_str::<T>("{}").is_err()
        {
            return whole_only(whole_error);
        }
        let Some(entries) = entries(self.text) else {
            return whole_only(whole_error);
        };
        if !same_mapping(self.text, &entries) {
            return whole_only(whole_error);
        }
        let mut errors = Vec::new();
        let mut refused = BTreeSet::new();
        // The entries read, with the refused ones blanked out line for line, so that positions
        // in it are positions in the block.
        let mut kept = String::with_capacity(self.text.len());
        for entry in &entries {
            let sub = Block {
                file: self.file,
                text: entry.text,
                first_line: self.first_line + entry.line,
            };
            match sub.parse::<T>() {
                Ok(_) => kept.push_str(entry.text),
                Err(d) => {
                    errors.push(d);
                    refused.insert(entry.key.clone());
                    kept.push_str(&"\n".repeat(entry.text.matches('\n').count()));
                }
            }
        }
        // Every entry is fine on its own: the fault is between them (a repeated key).
        if errors.is_empty() {
            return whole_only(whole_error);
        }
        let rest = Block {
            text: &kept,
            ..*self
        };
        let value = match rest.parse::<T>() {
            Ok(v) => Some(v),
            Err(d) => {
                errors.push(d);
                None
            }
        };
        Partial {
            value,
            errors,
            refused,
        }
    }

    fn error_from(&self, err: &serde_yaml::Error) -> Diagnostic {
        let full = err.to_string();
        let said = full.split(" at line ").next().unwrap_or(&full).trim();
        let position = err.location().map(|loc| {
            // YAML also breaks lines at a lone `\r` (and U+0085, U+2028, U+2029); the file's
            // lines end at `\n` only, so the place is found in the text itself.
            let at = yaml_offset(self.text, loc.line(), loc.column());
            let before = &self.text[..at];
            let line = self.first_line + before.matches('\n').count();
            let col = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
            let text = self.file.line_text(line);
            let width = token_width(text, col);
            self.file.position_at_line(line, col, width)
        });
        let Explained { path, problem } = explain(said);
        let (words, mut hint) = problem.words();
        let mut message = at_path(path.as_deref(), words);
        let mut position = position;
        // serde points at the first of two duplicate keys; the second is the one to remove.
        if path.is_none()
            && let Problem::DuplicateField(key) = &problem
        {
            let mut lines = self.text.split('\n').enumerate().filter(|(_, l)| {
                l.strip_prefix(key.as_str())
                    .is_some_and(|rest| rest.trim_start().starts_with(':'))
            });
            if let (Some(_), Some((i, _))) = (lines.next(), lines.next()) {
                position = Some(self.file.position_at_line(
                    self.first_line + i,
                    1,
                    key.chars().count(),
                ));
            }
        }
        // A number, boolean or null where text belongs: show the value quoted.
        if let Problem::WrongType { found, expected } = &problem
            && expected == text::EXPECTED
            && let Some(pos) = position.as_mut()
        {
            let line = Line::parse(&pos.source_line);
            let raw = scalar_at(&pos.source_line, pos.column);
            let key = path
                .as_deref()
                .filter(|k| k.chars().all(|c| c.is_ascii_alphanumeric() || c == '_'));
            let map = found == "map";
            let collection = map || found == "sequence";
            hint = if map && line.lead.contains('-') {
                // `- Paspor: berlaku 6 bulan` in a list of text is a map of one key.
                msg!("yaml-quote-line", line = line.whole_quoted())
            } else if collection && line.key.is_some() && key == line.key && !line.value.is_empty()
            {
                // `title: [Resmi] Sosialisasi`: brackets start a list.
                msg!("yaml-quote-line", line = line.quoted())
            } else if found.starts_with("null") || raw.is_empty() {
                msg!("yaml-write-text-or-remove")
            } else {
                pos.width = raw.chars().count();
                let value = quoted(raw);
                match key {
                    Some(key) if line.key == Some(key) && line.value.starts_with(raw) => {
                        let (lead, after) = (line.lead, &line.value[raw.len()..]);
                        msg!(
                            "yaml-quote-line",
                            line = format!("{lead}{key}: {value}{after}")
                        )
                    }
                    _ => msg!("yaml-quote-value", value),
                }
            };
        }
        // A colon and a space inside plain text start a mapping where none can be: show the
        // line with the text in quotes.
        let mut reworded = false;
        if let Problem::Syntax(detail) = &problem
            && detail.contains("mapping values are not allowed")
            && let Some(pos) = position.as_mut()
        {
            let source = pos.source_line.clone();
            let line = Line::parse(&source);
            if line.is_plain()
                && let Some(key) = line.key
            {
                message = msg!("yaml-colon-in-text", key, detail);
                hint = msg!("yaml-write-line", line = line.quoted());
                line.mark_value(pos);
                reworded = true;
            } else if line.lead.contains('-') {
                // `- Paspor: berlaku: 6 bulan` in a list of text.
                message = msg!("yaml-colon-in-item", detail);
                hint = msg!("yaml-write-line", line = line.whole_quoted());
                reworded = true;
            }
        }
        // Text starting with a character YAML reserves (`@`, a backtick, `*`, `&`, `!`, `%`),
        // or with a quoted part and more after it: the same, with the whole text in quotes.
        if !reworded
            && path.is_none()
            && let Problem::Syntax(detail) = &problem
            && let Some(pos) = position.as_mut()
        {
            let source = pos.source_line.clone();
            let line = Line::parse(&source);
            let at_value = pos.column > line.value_at
                && pos.column <= line.value_at + line.value.chars().count() + 1;
            if let Some(key) = line.key
                && at_value
                && line
                    .value
                    .starts_with(['@', '`', '*', '&', '!', '%', '"', '\''])
            {
                message = msg!("yaml-text-needs-quotes", key, detail);
                hint = msg!("yaml-write-line", line = line.quoted());
                line.mark_value(pos);
            }
        }
        // An alias bomb has no position of its own: point at the first alias.
        if problem == Problem::TooMuchRepetition
            && let Some((i, line)) = self
                .text
                .split('\n')
                .enumerate()
                .find(|(_, l)| l.contains(" *") || l.contains("[*"))
        {
            let col = line.find('*').map_or(1, |c| line[..c].chars().count() + 1);
            position = Some(self.file.position_at_line(self.first_line + i, col, 2));
        }
        // A tab in the indentation is the usual cause of a cryptic scanner error.
        if let Some(pos) = &position
            && pos.source_line.starts_with([' ', '\t'])
            && pos.source_line.trim_start_matches(' ').starts_with('\t')
        {
            message = msg!("yaml-tab");
            hint = msg!("yaml-tab-hint");
        }
        Diagnostic::error("yaml", self.file.display.clone(), message)
            .at(position.or_else(|| Some(self.file.position_at_line(self.first_line, 1, 1))))
            .with_hint(hint)
    }

    /// The position of a top-level `key:`'s value (or of the key, when it has no value on its
    /// line), for errors found after deserializing.
    pub fn key_position(&self, key: &str) -> Option<crate::diag::Position> {
        for (i, line) in self.text.split('\n').enumerate() {
            let line_no = self.first_line + i;
            if let Some(rest) = line.strip_prefix(key)
                && let Some(value) = rest.strip_prefix(':')
            {
                let value_trim = value.trim_start();
                let value_trim = value_trim.trim_end_matches('\r');
                let col_bytes = line.len() - value.len() + (value.len() - value.trim_start().len());
                if value_trim.trim().is_empty() || value_trim.starts_with('#') {
                    return Some(self.file.position_at_line(line_no, 1, key.chars().count()));
                }
                let start = self.file.line_start(line_no) + col_bytes;
                return Some(self.file.position(start, value_trim.trim_end().len()));
            }
        }
        None
    }

    /// The position of `item` as written in top-level `key`'s value (one entry of a list, the
    /// URL of one link), for an error about that item alone: a hint then replaces just it.
    /// Falls back to the key's position.
    pub fn item_position(&self, key: &str, item: &str) -> Option<crate::diag::Position> {
        let lines: Vec<&str> = self.text.split('\n').collect();
        let start = lines.iter().position(|l| {
            l.strip_prefix(key)
                .is_some_and(|rest| rest.trim_start().starts_with(':'))
        })?;
        let found = lines
            .iter()
            .enumerate()
            .skip(start)
            .take_while(|(i, l)| *i == start || top_level_key(l).is_none())
            .find_map(|(i, line)| {
                let skip = if i == start { key.len() + 1 } else { 0 };
                token_in(line, item, skip).map(|at| (i, at))
            });
        match found {
            Some((i, at)) if !item.is_empty() => {
                let offset = self.file.line_start(self.first_line + i) + at;
                Some(self.file.position(offset, item.len()))
            }
            _ => self.key_position(key),
        }
    }

    /// The position just after the last line of the block (where a missing key would go).
    pub fn start_position(&self) -> crate::diag::Position {
        self.file
            .position_at_line(self.first_line.saturating_sub(1).max(1), 1, 3)
    }
}

/// What [`Block::parse_each`] could read.
pub struct Partial<T> {
    /// The block without its refused entries, unless that could not be read either.
    pub value: Option<T>,
    /// Every error found, each at its place.
    pub errors: Vec<Diagnostic>,
    /// The top-level keys whose entry was refused: absent from `value`, although written, so
    /// that nothing reports them missing as well.
    pub refused: BTreeSet<String>,
}

/// One top-level `key: value` entry of a block: its key, its text (the key's line and the
/// lines that belong to it, up to the next top-level key), and the 0-based line it starts on.
struct Entry<'a> {
    key: String,
    text: &'a str,
    line: usize,
}

/// Cuts a block mapping into its top-level entries: a line that starts in column 1 with
/// `key:` starts an entry; indented lines, list items (`- …`), comments and blank lines belong
/// to the entry above. `None` when something other than comments comes before the first key.
fn entries(text: &str) -> Option<Vec<Entry<'_>>> {
    let mut out: Vec<Entry<'_>> = Vec::new();
    let mut start = 0;
    let mut offset = 0;
    for (i, line) in text.split_inclusive('\n').enumerate() {
        if let Some(key) = top_level_key(line) {
            if let Some(last) = out.last_mut() {
                last.text = &text[start..offset];
            } else if !text[..offset]
                .lines()
                .all(|l| l.trim().is_empty() || l.trim_start().starts_with('#'))
            {
                return None;
            }
            start = offset;
            out.push(Entry {
                key,
                text: "",
                line: i,
            });
        }
        offset += line.len();
    }
    let last = out.last_mut()?;
    last.text = &text[start..];
    Some(out)
}

/// The key of a line that starts a top-level entry: `key: …`, `key:`, `"key": …`.
fn top_level_key(line: &str) -> Option<String> {
    let line = line.trim_end_matches(['\n', '\r']);
    let first = line.chars().next()?;
    if first.is_whitespace() || "#-[]{},?|>%@&*!`".contains(first) {
        return None;
    }
    let colon_ends_key = |rest: &str| rest.is_empty() || rest.starts_with([' ', '\t']);
    if first == '"' || first == '\'' {
        let close = line[1..].find(first)? + 1;
        let rest = line[close + 1..].trim_start_matches([' ', '\t']);
        let rest = rest.strip_prefix(':')?;
        return colon_ends_key(rest).then(|| line[1..close].to_string());
    }
    let mut from = 0;
    while let Some(i) = line[from..].find(':') {
        let at = from + i;
        if colon_ends_key(&line[at + 1..]) {
            return Some(line[..at].trim_end().to_string());
        }
        from = at + 1;
    }
    None
}

/// Whether the entries, read one by one, give the mapping the whole text gives: the check
/// that cutting at column-1 keys did not split a value (a quoted text over several lines).
/// Text that is not valid YAML as a whole cannot be compared: each entry must then at least
/// be a mapping of one key.
fn same_mapping(text: &str, entries: &[Entry<'_>]) -> bool {
    use serde_yaml::Value;
    let one = |entry: &Entry<'_>| match serde_yaml::from_str::<Value>(entry.text) {
        Ok(Value::Mapping(m)) if m.len() == 1 => m.into_iter().next(),
        _ => None,
    };
    match serde_yaml::from_str::<Value>(text) {
        Ok(Value::Mapping(whole)) => {
            whole.len() == entries.len()
                && entries
                    .iter()
                    .all(|e| one(e).is_some_and(|(k, v)| whole.get(&k) == Some(&v)))
        }
        Ok(_) => false,
        // Invalid YAML: the entries that parse must each hold one key.
        Err(_) => entries
            .iter()
            .all(|e| serde_yaml::from_str::<Value>(e.text).is_err() || one(e).is_some()),
    }
}

/// Whether `text` may hold a YAML anchor (`&name`) or alias (`*name`): one of them after a
/// space, a bracket or a comma, followed by a letter, digit or `_`.
fn has_anchors(text: &str) -> bool {
    let bytes = text.as_bytes();
    bytes.windows(3).any(|w| {
        matches!(w[0], b' ' | b'\t' | b'[' | b'{' | b',')
            && matches!(w[1], b'&' | b'*')
            && (w[2].is_ascii_alphanumeric() || w[2] == b'_')
    })
}

/// `text` as a YAML scalar that stays text, as an editor would write it: in double quotes,
/// or in single quotes when it holds a double quote or a backslash (which double quotes would
/// read as an escape).
pub fn quoted(text: &str) -> String {
    if text.contains(['"', '\\']) {
        format!("'{}'", text.replace('\'', "''"))
    } else {
        format!("\"{text}\"")
    }
}

/// A line `key: value` or `- key: value` or `- value`, split into its parts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Line<'a> {
    /// Leading spaces and the list dash, as written: `  - `.
    pub lead: &'a str,
    /// Everything after `lead`, as written.
    pub body: &'a str,
    /// The key, when the line has one that can be a field name (lowercase ASCII, digits,
    /// `_`): `Paspor: berlaku` in a list is text with a colon, not a field.
    pub key: Option<&'a str>,
    /// The value as written, after `key: ` (or after the dash), without the line break.
    pub value: &'a str,
    /// Byte offset of `value` in the line.
    pub value_at: usize,
}

impl<'a> Line<'a> {
    /// Splits `line` (without its line break).
    pub fn parse(line: &'a str) -> Line<'a> {
        let line = line.trim_end_matches('\r');
        let indent = line.len() - line.trim_start_matches(' ').len();
        let mut lead_end = indent;
        while let Some(rest) = line[lead_end..].strip_prefix('-')
            && (rest.is_empty() || rest.starts_with(' '))
        {
            lead_end += 1 + (rest.len() - rest.trim_start_matches(' ').len());
        }
        let body = &line[lead_end..];
        let key_end = body
            .char_indices()
            .find(|&(i, c)| {
                c == ':'
                    && body[i + 1..]
                        .chars()
                        .next()
                        .is_none_or(|n| n == ' ' || n == '\t')
            })
            .map(|(i, _)| i);
        match key_end {
            Some(k)
                if k > 0
                    && body[..k]
                        .chars()
                        .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_') =>
            {
                let after = &body[k + 1..];
                let value = after.trim_start_matches([' ', '\t']);
                Line {
                    lead: &line[..lead_end],
                    body,
                    key: Some(&body[..k]),
                    value,
                    value_at: line.len() - value.len(),
                }
            }
            _ => Line {
                lead: &line[..lead_end],
                body,
                key: None,
                value: body,
                value_at: lead_end,
            },
        }
    }

    /// Whether the value is plain text as YAML reads it (not quoted, a list, a map, a block of
    /// text, an anchor, a tag or a comment).
    pub fn is_plain(&self) -> bool {
        !self.value.is_empty()
            && !self.value.starts_with([
                '"', '\'', '[', '{', '|', '>', '&', '*', '!', '#', '%', '@', '`',
            ])
    }

    /// Marks the value at `pos`'s line, for a hint that rewrites it.
    fn mark_value(&self, pos: &mut crate::diag::Position) {
        let before = pos.source_line.get(..self.value_at).unwrap_or("");
        pos.column = before.chars().count() + 1;
        pos.width = self.value.trim_end().chars().count();
    }

    /// The line with everything after the dash in quotes, key and all: a list item of text.
    pub fn whole_quoted(&self) -> String {
        format!("{}{}", self.lead, quoted(self.body.trim_end()))
    }

    /// The line with its whole value (comment included) in quotes.
    pub fn quoted(&self) -> String {
        let value = quoted(self.value.trim_end());
        match self.key {
            Some(key) => format!("{}{key}: {value}", self.lead),
            None => format!("{}{value}", self.lead),
        }
    }
}

/// Strict text fields, for `#[serde(deserialize_with = "…")]`.
///
/// serde_yaml hands any scalar to a `String` field as the text it was written with, so
/// `title: 123` or `tags: [true]` would slip through although the YAML says number or boolean.
/// These ask for "any" value instead: a plain scalar the YAML 1.2 core schema resolves to a
/// boolean, integer, float or null is refused, and quoted or ordinary text is kept as written.
/// (`NO`, `yes`, `0800-1000`, `+62 21 …`, `2024-11-22` are all text in the core schema.)
pub mod text {
    use serde::de::{self, Deserialize, Deserializer, Unexpected, Visitor};

    /// What the refusal says the field expects; [`super::Block`] recognises it to give a hint.
    pub(super) const EXPECTED: &str = "text";

    struct Strict(String);

    struct TextVisitor;

    impl Visitor<'_> for TextVisitor {
        type Value = String;

        fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            f.write_str(EXPECTED)
        }

        fn visit_str<E: de::Error>(self, v: &str) -> Result<String, E> {
            Ok(v.to_owned())
        }

        fn visit_string<E: de::Error>(self, v: String) -> Result<String, E> {
            Ok(v)
        }

        fn visit_i128<E: de::Error>(self, v: i128) -> Result<String, E> {
            Err(E::invalid_type(
                Unexpected::Other(&format!("integer `{v}`")),
                &self,
            ))
        }

        fn visit_u128<E: de::Error>(self, v: u128) -> Result<String, E> {
            Err(E::invalid_type(
                Unexpected::Other(&format!("integer `{v}`")),
                &self,
            ))
        }

        fn visit_unit<E: de::Error>(self) -> Result<String, E> {
            Err(E::invalid_type(Unexpected::Other("null (no value)"), &self))
        }

        fn visit_none<E: de::Error>(self) -> Result<String, E> {
            self.visit_unit()
        }
    }

    impl<'de> Deserialize<'de> for Strict {
        fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
            d.deserialize_any(TextVisitor).map(Strict)
        }
    }

    /// A required text field.
    pub fn string<'de, D: Deserializer<'de>>(d: D) -> Result<String, D::Error> {
        Strict::deserialize(d).map(|s| s.0)
    }

    /// An optional text field; `null` or an empty value means absent. Pair with
    /// `#[serde(default)]`, or a missing field becomes an error.
    pub fn option<'de, D: Deserializer<'de>>(d: D) -> Result<Option<String>, D::Error> {
        Ok(Option::<Strict>::deserialize(d)?.map(|s| s.0))
    }

    /// A list of text; every item must be text.
    pub fn list<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<String>, D::Error> {
        Ok(Vec::<Strict>::deserialize(d)?
            .into_iter()
            .map(|s| s.0)
            .collect())
    }

    /// An optional list of text. Pair with `#[serde(default)]`.
    pub fn option_list<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Vec<String>>, D::Error> {
        Ok(Option::<Vec<Strict>>::deserialize(d)?
            .map(|items| items.into_iter().map(|s| s.0).collect()))
    }
}

/// Flow collections (`[…]`, `{…}`) nested deeper than this are refused before parsing: the
/// YAML parser takes time quadratic in the depth, so a pasted wall of brackets could stall a
/// build.
const MAX_FLOW_DEPTH: usize = 64;

/// The byte offset where flow nesting first exceeds [`MAX_FLOW_DEPTH`], if it does.
fn too_deep(text: &str) -> Option<usize> {
    let mut depth = 0usize;
    let mut quote: Option<char> = None;
    let mut comment = false;
    for (i, c) in text.char_indices() {
        match (quote, c) {
            (_, '\n') => {
                comment = false;
                if quote == Some('\'') {
                    continue;
                }
            }
            _ if comment => {}
            (Some(q), c) if c == q => quote = None,
            (Some(_), _) => {}
            (None, '"' | '\'') => quote = Some(c),
            (None, '#') => comment = true,
            (None, '[' | '{') => {
                depth += 1;
                if depth > MAX_FLOW_DEPTH {
                    return Some(i);
                }
            }
            (None, ']' | '}') => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    None
}

/// The byte offset in `text` of YAML's 1-based `line` and `column` (in characters), counting
/// line breaks as YAML does: `\r\n`, `\n`, `\r`, U+0085, U+2028, U+2029. Clamped to the text.
fn yaml_offset(text: &str, line: usize, column: usize) -> usize {
    let mut chars = text.char_indices().peekable();
    let mut current = 1;
    while current < line {
        let Some((_, c)) = chars.next() else {
            return text.len();
        };
        match c {
            '\r' => {
                if chars.peek().is_some_and(|(_, n)| *n == '\n') {
                    chars.next();
                }
                current += 1;
            }
            '\n' | '\u{85}' | '\u{2028}' | '\u{2029}' => current += 1,
            _ => {}
        }
    }
    let mut at = chars.peek().map_or(text.len(), |(i, _)| *i);
    for _ in 1..column {
        match chars.next() {
            Some((_, '\n' | '\r')) | None => break,
            Some((i, c)) => at = i + c.len_utf8(),
        }
    }
    at
}

/// The byte offset of `item` in `line` at or after `from`, written as a whole YAML token
/// (between spaces, brackets, commas or quotes), not inside a longer word.
fn token_in(line: &str, item: &str, from: usize) -> Option<usize> {
    let mut from = from.min(line.len());
    while let Some(j) = line.get(from..)?.find(item) {
        let at = from + j;
        let before = line[..at].chars().next_back();
        let after = line[at + item.len()..].chars().next();
        if before.is_none_or(|c| " \t[{,-\"'".contains(c))
            && after.is_none_or(|c| " \t],:}\"'#\r".contains(c))
        {
            return Some(at);
        }
        from = at + item.len().max(1);
    }
    None
}

/// Width in characters of the YAML token starting at 1-based `col` of `line`.
fn token_width(line: &str, col: usize) -> usize {
    let rest: String = line.chars().skip(col.saturating_sub(1)).collect();
    let rest = rest.trim_end();
    let end = rest.find([':', ' ', ',']).unwrap_or(rest.len());
    rest.get(..end).map_or(1, |s| s.chars().count().max(1))
}

/// The plain scalar starting at 1-based `col` of `line` (up to a space, `,`, `]`, `}`, `#`).
fn scalar_at(line: &str, col: usize) -> &str {
    let start = line
        .char_indices()
        .nth(col.saturating_sub(1))
        .map_or(line.len(), |(i, _)| i);
    let rest = &line[start..];
    let end = rest
        .find([' ', '\t', ',', ']', '}', '#', '\r'])
        .unwrap_or(rest.len());
    &rest[..end]
}

/// `true` or `false` for a yes or a no written as a word (`ya`, `tidak`, `yes`, `no`), from
/// serde's "string \"ya\"".
fn yes_or_no(found: &str) -> Option<&'static str> {
    let word = found
        .strip_prefix("string ")?
        .trim_matches('"')
        .trim()
        .to_lowercase();
    match word.as_str() {
        "ya" | "iya" | "yes" | "y" | "benar" | "betul" | "on" | "true" => Some("true"),
        "tidak" | "tdk" | "bukan" | "no" | "n" | "salah" | "off" | "false" => Some("false"),
        _ => None,
    }
}

/// serde_yaml's message, sorted out: where inside the block, and what is wrong.
struct Explained {
    /// The place of the value inside the block when serde names one (`faq[0].a`).
    path: Option<String>,
    problem: Problem,
}

/// What serde_yaml's message says, taken apart (its words are English and technical).
#[derive(Debug, PartialEq, Eq)]
enum Problem {
    UnknownField {
        field: String,
        allowed: Vec<String>,
    },
    MissingField(String),
    /// serde's words for the value found (`string "ya"`, ``integer `1` ``, `map`) and for
    /// the one expected (`a boolean`, `a sequence`, [`text::EXPECTED`]).
    WrongType {
        found: String,
        expected: String,
    },
    DuplicateField(String),
    /// The parser's text about a key written twice in a mapping.
    DuplicateKey(String),
    UnknownVariant {
        variant: String,
        choices: Vec<String>,
    },
    /// Anchors and aliases (`&a`, `*a`) that expand to too much.
    TooMuchRepetition,
    /// Values nested beyond the parser's limit.
    TooDeep,
    /// Anything else the parser says, as it says it.
    Syntax(String),
}

/// The parts of `text` between backticks: `` `a`, `b` `` gives `a`, `b`.
fn backticked(text: &str) -> Vec<String> {
    text.split('`')
        .enumerate()
        .filter(|(i, _)| i % 2 == 1)
        .map(|(_, s)| s.to_string())
        .collect()
}

/// Takes serde_yaml's message apart.
fn explain(message: &str) -> Explained {
    // Errors inside nested values come as `path.to.key: message`.
    if let Some((path, rest)) = message.split_once(": ")
        && !path.contains(' ')
        && !rest.is_empty()
    {
        return Explained {
            path: Some(path.to_string()),
            problem: problem(rest),
        };
    }
    Explained {
        path: None,
        problem: problem(message),
    }
}

fn problem(message: &str) -> Problem {
    if let Some(rest) = message.strip_prefix("unknown field `") {
        let (field, tail) = rest.split_once('`').unwrap_or((rest, ""));
        return Problem::UnknownField {
            field: field.to_string(),
            allowed: backticked(tail),
        };
    }
    if let Some(rest) = message.strip_prefix("missing field `") {
        let field = rest.split('`').next().unwrap_or(rest);
        return Problem::MissingField(field.to_string());
    }
    if let Some(rest) = message.strip_prefix("duplicate field `") {
        let field = rest.split('`').next().unwrap_or(rest);
        return Problem::DuplicateField(field.to_string());
    }
    if let Some(rest) = message.strip_prefix("invalid type: ") {
        let (found, expected) = rest
            .split_once(", expected ")
            .unwrap_or((rest, "another type"));
        return Problem::WrongType {
            found: found.to_string(),
            expected: expected.to_string(),
        };
    }
    if message.contains("duplicate entry") || message.contains("duplicate key") {
        return Problem::DuplicateKey(message.to_string());
    }
    if let Some(rest) = message.strip_prefix("unknown variant `") {
        let (variant, tail) = rest.split_once('`').unwrap_or((rest, ""));
        // serde says "expected one of `a`, `b`" or, for a single choice, "expected `a`".
        return Problem::UnknownVariant {
            variant: variant.to_string(),
            choices: backticked(tail),
        };
    }
    if message.contains("repetition limit exceeded") {
        return Problem::TooMuchRepetition;
    }
    if message.contains("recursion limit exceeded") {
        return Problem::TooDeep;
    }
    Problem::Syntax(message.to_string())
}

impl Problem {
    /// The problem in plain words, and a hint an editor can act on.
    fn words(&self) -> (Message, Message) {
        match self {
            Problem::UnknownField { field, allowed } => {
                let hint = match did_you_mean(field, allowed.iter().map(String::as_str)) {
                    Some(near) => msg!("yaml-did-you-mean", near),
                    None if allowed.is_empty() => msg!("yaml-remove-field"),
                    None => msg!("yaml-fields-allowed", allowed = allowed.join(", ")),
                };
                (msg!("yaml-unknown-field", field), hint)
            }
            Problem::MissingField(field) => (
                msg!("yaml-missing-field", field),
                msg!("yaml-missing-field-hint", field),
            ),
            Problem::WrongType { found, expected } => {
                let hint = match expected.as_str() {
                    e if e.contains("sequence") => msg!("yaml-write-list"),
                    e if e.contains("string") => msg!("yaml-write-text"),
                    e if e.contains("bool") => match yes_or_no(found) {
                        Some(word) => msg!("yaml-write", text = word),
                        None => msg!("yaml-write-true-or-false"),
                    },
                    e if e.contains("map") || e.contains("struct") => msg!("yaml-write-fields"),
                    e => msg!("yaml-write-expected").arg_message("expected", expected_words(e)),
                };
                let message = msg!("yaml-wrong-type")
                    .arg_message("found", found_words(found))
                    .arg_message("expected", expected_words(expected));
                (message, hint)
            }
            Problem::DuplicateField(key) => {
                (msg!("yaml-given-twice", key), msg!("yaml-given-twice-hint"))
            }
            Problem::DuplicateKey(detail) => (
                msg!("yaml-duplicate-key", detail),
                msg!("yaml-duplicate-key-hint"),
            ),
            Problem::UnknownVariant { variant, choices } => {
                let listed = choices
                    .iter()
                    .map(|c| format!("`{c}`"))
                    .collect::<Vec<_>>()
                    .join(", ");
                let wanted = variant.trim().to_lowercase().replace([' ', '-'], "_");
                let near = choices
                    .iter()
                    .map(String::as_str)
                    .find(|c| c.replace('-', "_") == wanted)
                    .or_else(|| did_you_mean(&wanted, choices.iter().map(String::as_str)));
                let hint = match near {
                    Some(near) => msg!("yaml-did-you-mean-choice", near, choices = listed),
                    None => msg!("yaml-write-one-of", choices = listed),
                };
                (msg!("yaml-unknown-choice", value = variant), hint)
            }
            Problem::TooMuchRepetition => (
                msg!("yaml-too-much-repetition"),
                msg!("yaml-too-much-repetition-hint"),
            ),
            Problem::TooDeep => (msg!("yaml-nested-too-deeply"), msg!("yaml-nesting-hint")),
            Problem::Syntax(detail) => {
                let hint = if detail.contains("expected ',' or ']'") {
                    msg!("yaml-unclosed-list-hint")
                } else if detail.contains("expected ',' or '}'") {
                    msg!("yaml-unclosed-group-hint")
                } else if detail.contains("found character that cannot start any token") {
                    msg!("yaml-bad-start-hint")
                } else {
                    msg!("yaml-invalid-hint")
                };
                (msg!("yaml-invalid", detail), hint)
            }
        }
    }
}

/// `problem`, said of the value at `path` inside the block (`` `faq[0].a`: … ``) if any.
fn at_path(path: Option<&str>, problem: Message) -> Message {
    match path {
        Some(path) => msg!("yaml-at-path", path).arg_message("problem", problem),
        None => problem,
    }
}

/// serde's words for a value found (`string "ya"`, ``integer `1` ``, `sequence`), plainly.
fn found_words(found: &str) -> Message {
    if let Some(value) = found.strip_prefix("string ") {
        return msg!("yaml-found-text", value);
    }
    if let Some(value) = found
        .strip_prefix("integer ")
        .or_else(|| found.strip_prefix("floating point "))
    {
        return msg!("yaml-found-number", value);
    }
    if let Some(value) = found.strip_prefix("boolean ") {
        return msg!("yaml-found-true-false", value);
    }
    match found {
        "map" => msg!("yaml-found-group"),
        "sequence" => msg!("yaml-found-list"),
        f if f.starts_with("null") || f == "unit value" || f == "Option value" => {
            msg!("yaml-found-nothing")
        }
        other => msg!("yaml-found-other", what = other),
    }
}

/// serde's words for the kind of value expected (`a boolean`, `struct Link`), plainly.
fn expected_words(expected: &str) -> Message {
    match expected {
        text::EXPECTED | "a string" | "a character" => msg!("yaml-expected-text"),
        "a boolean" => msg!("yaml-expected-true-false"),
        e if e.contains("sequence") => msg!("yaml-expected-list"),
        e if e.starts_with("struct ") || e.contains("map") => msg!("yaml-expected-group"),
        "f64" | "f32" | "a float" => msg!("yaml-expected-number"),
        e if e.starts_with(['i', 'u']) && e[1..].chars().all(|c| c.is_ascii_digit()) => {
            msg!("yaml-expected-whole-number")
        }
        "an integer" | "usize" | "isize" => msg!("yaml-expected-whole-number"),
        e if e.starts_with("enum ") || e.contains("variant") => msg!("yaml-expected-choice"),
        other => msg!("yaml-expected-other", what = other),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn yaml_offsets_count_lone_carriage_returns_as_breaks() {
        assert_eq!(yaml_offset("a: 1\nb: 2\n", 2, 4), 8);
        assert_eq!(yaml_offset("a: 1\r\nb: 2\n", 2, 1), 6);
        assert_eq!(yaml_offset("a\r\r\rb: x", 4, 2), 5);
        assert_eq!(yaml_offset("é: 1\nx", 1, 2), 2, "columns are characters");
        assert_eq!(yaml_offset("a", 9, 9), 1, "clamped");
    }

    /// Found by the `frontmatter` fuzz target: YAML counted 28 lone `\r` as lines, and the
    /// error pointed at line 35 of a 7-line file.
    #[test]
    fn errors_after_lone_carriage_returns_point_inside_the_file() {
        let text = "---\ntitle: A\ndmengad\r\r\r\r\r\r\r\r\r\r\r\r\r\r\r\r\r\r\r\r\r\r\r\r\r\r\r\rate: .\n---\netc/x\"]\n---\n";
        let file = SourceFile::new("x.md", text.to_string());
        let yaml_end = text.find("\n---\n").map_or(0, |i| i + 1);
        let block = Block {
            file: &file,
            text: &text[4..yaml_end],
            first_line: 2,
        };
        let err = block
            .parse::<std::collections::BTreeMap<String, String>>()
            .expect_err("invalid");
        let p = err.position.clone().expect("a position");
        assert!(
            p.line <= 4,
            "line {} of a 7-line file: {}",
            p.line,
            err.message
        );
        let _ = err.render_human();
    }

    #[test]
    fn unknown_field_suggests_nearest() {
        let (m, h) = explain("unknown field `titel`, expected one of `title`, `date`")
            .problem
            .words();
        assert_eq!(m, "unknown field `titel`");
        assert_eq!(h, "did you mean `title`?");
    }

    #[test]
    fn key_position_points_at_value() {
        let file = SourceFile::new("x.md", "---\ntitle: A\ndate: 22-11-2024\n---\n".into());
        let block = Block {
            file: &file,
            text: "title: A\ndate: 22-11-2024\n",
            first_line: 2,
        };
        let p = block.key_position("date");
        assert_eq!(p.map(|p| (p.line, p.column, p.width)), Some((3, 7, 10)));
    }

    #[derive(Debug, serde::Deserialize)]
    struct Texts {
        #[serde(default, deserialize_with = "text::option")]
        one: Option<String>,
        #[serde(default, deserialize_with = "text::list")]
        many: Vec<String>,
    }

    fn texts(yaml: &str) -> Result<Texts, Diagnostic> {
        let text = format!("---\n{yaml}\n---\n");
        let file = SourceFile::new("x.md", text.clone());
        Block {
            file: &file,
            text: &text[4..text.len() - 4],
            first_line: 2,
        }
        .parse()
    }

    #[test]
    fn text_fields_keep_what_the_core_schema_calls_text() {
        for (yaml, want) in [
            ("one: Jakarta", "Jakarta"),
            ("one: \"123\"", "123"),
            ("one: '2.5'", "2.5"),
            ("one: \"true\"", "true"),
            ("one: !!str 42", "42"),
            ("one: NO", "NO"),
            ("one: yes", "yes"),
            ("one: off", "off"),
            ("one: 0800-1000", "0800-1000"),
            ("one: +62 21 2924 4800", "+62 21 2924 4800"),
            ("one: 2024-01-01", "2024-01-01"),
            ("one: 007", "007"),
            ("one: 1.2.3", "1.2.3"),
            ("one: >-\n  123", "123"),
        ] {
            let got = texts(yaml).map(|t| t.one);
            assert_eq!(got, Ok(Some(want.to_string())), "{yaml}");
        }
        assert_eq!(texts("one:").map(|t| t.one), Ok(None), "empty means absent");
        assert_eq!(
            texts("one: ~").map(|t| t.one),
            Ok(None),
            "null means absent"
        );
        assert_eq!(
            texts("many: [NO, \"1\", a b]").map(|t| t.many),
            Ok(vec!["NO".into(), "1".into(), "a b".into()])
        );
    }

    #[test]
    fn text_fields_refuse_numbers_booleans_and_null() {
        for (yaml, found, hint) in [
            ("one: 123", "the number `123`", "one: \"123\""),
            ("one: -7", "the number `-7`", "one: \"-7\""),
            ("one: 0x1F", "the number `31`", "one: \"0x1F\""),
            (
                "one: 99999999999999999999999",
                "the number `99999999999999999999999`",
                "one: \"99999999999999999999999\"",
            ),
            ("one: 2.5", "the number `2.5`", "one: \"2.5\""),
            ("one: .inf", "the number `inf`", "one: \".inf\""),
            ("one: true", "the true/false value `true`", "one: \"true\""),
            (
                "one: False # no",
                "the true/false value `false`",
                "one: \"False\" # no",
            ),
            (
                "one: +62215551234",
                "the number `62215551234`",
                "one: \"+62215551234\"",
            ),
        ] {
            let err = texts(yaml).expect_err(yaml);
            assert_eq!(
                err.message,
                format!("`one`: wrong type: found {found}, expected text"),
                "{yaml}"
            );
            assert_eq!(
                err.hint.as_ref().map(ToString::to_string),
                Some(format!(
                    "put the text in quotes; write the line as `{hint}`"
                )),
                "{yaml}"
            );
            let p = err.position.expect("a position");
            assert_eq!(
                (p.line, p.column, p.width),
                (2, 6, hint.trim_end_matches(" # no").len() - 7),
                "{yaml}"
            );
        }
        let err = texts("many: [a, 1, true]").expect_err("a number in a list");
        assert_eq!(
            err.message,
            "`many[1]`: wrong type: found the number `1`, expected text"
        );
        assert_eq!(err.hint.as_deref(), Some("put the text in quotes: `\"1\"`"));
        assert_eq!(
            err.position.map(|p| (p.line, p.column, p.width)),
            Some((2, 11, 1))
        );
        let err = texts("many:\n  - a\n  - ~").expect_err("null in a list");
        assert!(
            err.message
                .ends_with("found an empty value (null), expected text"),
            "{}",
            err.message
        );
        assert_eq!(err.position.map(|p| p.line), Some(4));
        assert!(texts("one: [a]").is_err(), "a list is not text");
        assert!(texts("one: {a: b}").is_err(), "a map is not text");
    }

    /// Regression: 5,000 nested `[` took the YAML parser 40 ms per content type (quadratic).
    #[test]
    fn deep_flow_nesting_is_refused_before_parsing() {
        assert_eq!(too_deep(&"[".repeat(64)), None);
        assert_eq!(too_deep(&"[".repeat(65)), Some(64));
        assert_eq!(
            too_deep(&format!("title: \"{}\"", "[".repeat(100))),
            None,
            "quoted text is not nesting"
        );
        assert_eq!(
            too_deep(&format!("# {}\ntags: []", "[".repeat(100))),
            None,
            "comments are not nesting"
        );
    }

    #[derive(Debug, Default, serde::Deserialize)]
    #[serde(deny_unknown_fields)]
    struct Fields {
        #[serde(default, deserialize_with = "text::option")]
        title: Option<String>,
        #[serde(default)]
        draft: bool,
        #[serde(default, deserialize_with = "text::list")]
        tags: Vec<String>,
        date: Option<String>,
    }

    fn each(yaml: &str) -> Partial<Fields> {
        let text = format!("---\n{yaml}---\n");
        let file = SourceFile::new("x.md", text.clone());
        Block {
            file: &file,
            text: &text[4..text.len() - 4],
            first_line: 2,
        }
        .parse_each()
    }

    fn lines(p: &Partial<Fields>) -> Vec<(usize, usize)> {
        let mut at: Vec<(usize, usize)> = p
            .errors
            .iter()
            .filter_map(|d| d.position.as_ref().map(|p| (p.line, p.column)))
            .collect();
        at.sort_unstable();
        at
    }

    /// Regression: serde stopped at the first bad key; an editor needed a run per mistake.
    #[test]
    fn every_bad_key_is_reported_and_the_rest_is_read() {
        let p = each("title: Judul\ndraft: mungkin\ntitel: x\ntags: [a, 1]\ndate: 2024-11-22\n");
        assert_eq!(lines(&p), [(3, 8), (4, 1), (5, 11)], "{:?}", p.errors);
        assert_eq!(
            p.refused.iter().map(String::as_str).collect::<Vec<_>>(),
            ["draft", "tags", "titel"]
        );
        let value = p.value.expect("the good keys are read");
        assert_eq!(value.title.as_deref(), Some("Judul"));
        assert_eq!(value.date.as_deref(), Some("2024-11-22"));
        assert!(
            value.tags.is_empty() && !value.draft,
            "refused keys are absent"
        );
    }

    #[test]
    fn a_syntax_error_in_one_entry_does_not_hide_the_others() {
        let p = each("title: Kunjungan Kerja: Menteri\ndraft: mungkin\n");
        assert_eq!(lines(&p), [(2, 8), (3, 8)], "{:?}", p.errors);
        assert!(p.errors[0].message.contains("colon followed by a space"));
        assert_eq!(
            p.errors[0].hint.as_deref(),
            Some("write the line as `title: \"Kunjungan Kerja: Menteri\"`")
        );
    }

    #[test]
    fn blocks_that_cannot_be_cut_into_entries_give_their_first_error() {
        for yaml in [
            // A flow mapping.
            "{title: A, draft: mungkin, titel: x}\n",
            // A key given twice is a fault between entries.
            "title: A\ntitle: B\n",
            // An alias refers to an anchor in another entry.
            "title: &t A\ndraft: mungkin\ntags: [*t, 1]\n",
        ] {
            let p = each(yaml);
            assert_eq!(p.errors.len(), 1, "{yaml}: {:?}", p.errors);
            assert!(p.value.is_none(), "{yaml}");
        }
        // A quoted text whose second line starts in column 1 like a key is one entry.
        let p = each("title: \"Satu\ndua: tiga\"\ndraft: mungkin\n");
        assert_eq!(p.errors.len(), 1, "{:?}", p.errors);
        assert!(p.errors[0].message.contains("draft"), "{:?}", p.errors);
    }

    #[test]
    fn lines_are_split_and_quoted_as_editors_write_them() {
        let line = Line::parse("  - q: Apa itu #1?");
        assert_eq!(
            (line.lead, line.key, line.value),
            ("  - ", Some("q"), "Apa itu #1?")
        );
        assert_eq!(line.quoted(), "  - q: \"Apa itu #1?\"");
        let item = Line::parse("  - Paspor: berlaku 6 bulan\r");
        assert_eq!(item.key, None, "a capitalised word is text, not a field");
        assert_eq!(item.whole_quoted(), "  - \"Paspor: berlaku 6 bulan\"");
        assert_eq!(quoted("Kata \"resmi\""), "'Kata \"resmi\"'");
        assert_eq!(quoted("It's \"ok\""), "'It''s \"ok\"'");
        assert_eq!(quoted("C:\\data"), "'C:\\data'");
        assert_eq!(quoted("It's"), "\"It's\"");
        for text in ["Kata \"resmi\": ya", "It's \"ok\"", "C:\\data", "a: b #c"] {
            let yaml = format!("t: {}", quoted(text));
            let back: std::collections::BTreeMap<String, String> =
                serde_yaml::from_str(&yaml).expect(&yaml);
            assert_eq!(back.get("t").map(String::as_str), Some(text), "{yaml}");
        }
    }
}
