//! A line of YAML as an editor writes it (`key: value`, `- key: value`, `- value`), split into
//! its parts, and rewritten with its text in quotes: the words of many hints.

use crate::diag::Position;

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
    pub(super) fn mark_value(&self, pos: &mut Position) {
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

#[cfg(test)]
mod tests {
    use super::*;

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
