//! Reading a block entry by entry ([`Block::parse_each`]), so that one run reports every bad
//! key of a front matter, each at its place, and still reads the good ones.
//!
//! It refuses what cannot be cut safely (flow mappings, anchors and aliases, text before the
//! first key): those give the one error of reading the whole block.

use std::collections::BTreeSet;

use serde::de::DeserializeOwned;

use super::Block;
use super::limits::too_deep;
use crate::diag::{Diagnostic, Diagnostics};

impl Block<'_> {
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
                    errors: Diagnostics::new(),
                    refused: BTreeSet::new(),
                };
            }
            Err(d) => d,
        };
        let whole_only = |d: Diagnostic| Partial {
            value: None,
            errors: Diagnostics::from(vec![d]),
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
        let mut errors = Diagnostics::new();
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
}

/// What [`Block::parse_each`] could read.
pub struct Partial<T> {
    /// The block without its refused entries, unless that could not be read either.
    pub value: Option<T>,
    /// Every error found, each at its place.
    pub errors: Diagnostics,
    /// The top-level keys whose entry was refused: absent from `value`, although written, so
    /// that nothing reports them missing as well.
    pub refused: BTreeSet<String>,
}

/// One top-level `key: value` entry of a block: its key, its text (the key's line and the
/// lines that belong to it, up to the next top-level key), and the 0-based line it starts on.
pub(super) struct Entry<'a> {
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
pub(super) fn top_level_key(line: &str) -> Option<String> {
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

#[cfg(test)]
mod tests {
    use super::super::text;
    use super::*;
    use crate::source::SourceFile;

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
}
