//! Where things are written in a block: a top-level key's value, one item of it, the block's
//! start. For errors found after deserializing, which serde cannot place.

use super::Block;
use super::entries::top_level_key;
use crate::diag::Position;

impl Block<'_> {
    /// The position of a top-level `key:`'s value (or of the key, when it has no value on its
    /// line), for errors found after deserializing.
    pub fn key_position(&self, key: &str) -> Option<Position> {
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
    pub fn item_position(&self, key: &str, item: &str) -> Option<Position> {
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

    /// The position of `field`'s value in the `index`-th item (from 0) of top-level `key`'s
    /// list, written as a block list (`- amount: 5` or `- { item: A, amount: 5 }` on its
    /// lines): for an error about one field of one item, such as a cost's `amount`. Falls back
    /// to the key's position (a list written in brackets on the key's line, say).
    pub fn field_position(&self, key: &str, index: usize, field: &str) -> Option<Position> {
        let lines: Vec<&str> = self.text.split('\n').collect();
        let start = lines.iter().position(|l| {
            l.strip_prefix(key)
                .is_some_and(|rest| rest.trim_start().starts_with(':'))
        })?;
        let region: Vec<(usize, &str)> = lines
            .iter()
            .copied()
            .enumerate()
            .skip(start + 1)
            .take_while(|(_, l)| top_level_key(l).is_none())
            .collect();
        let dash = |l: &str| {
            let t = l.trim_start();
            (t == "-" || t.starts_with("- ")).then(|| l.len() - t.len())
        };
        let indent = region.iter().find_map(|(_, l)| dash(l));
        let mut item = None;
        for &(i, line) in &region {
            if indent.is_some() && dash(line) == indent {
                item = Some(item.map_or(0, |n| n + 1));
            }
            if item == Some(index)
                && let Some((at, width)) = field_value_in(line, field)
            {
                let offset = self.file.line_start(self.first_line + i) + at;
                return Some(self.file.position(offset, width));
            }
        }
        self.key_position(key)
    }

    /// The position just after the last line of the block (where a missing key would go).
    pub fn start_position(&self) -> Position {
        self.file
            .position_at_line(self.first_line.saturating_sub(1).max(1), 1, 3)
    }
}

/// Where `field:`'s value is written in `line` (byte offset and width), or the field itself
/// when its value is on the lines below.
fn field_value_in(line: &str, field: &str) -> Option<(usize, usize)> {
    let mut from = 0;
    while let Some(j) = line.get(from..)?.find(field) {
        let at = from + j;
        from = at + field.len().max(1);
        let before = line[..at].chars().next_back();
        let rest = &line[at + field.len()..];
        let Some(after_colon) = rest.trim_start_matches([' ', '\t']).strip_prefix(':') else {
            continue;
        };
        if !before.is_none_or(|c| " \t{,-".contains(c)) {
            continue;
        }
        let value = after_colon.trim_start_matches([' ', '\t']);
        let value_at = line.len() - value.len();
        let end = value.find([',', '}', '#', '\r']).unwrap_or(value.len());
        let written = value[..end].trim_end();
        if written.is_empty() {
            return Some((at, field.len()));
        }
        return Some((value_at, written.len()));
    }
    None
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::SourceFile;

    #[test]
    fn field_position_points_at_the_field_of_that_item() {
        let text = "---\ncost:\n  - item: A\n    amount: 5\n  - { item: B, max: -1 }\n  - item: C\n    note:\n      kosong\ntitle: X\n---\n";
        let file = SourceFile::new("x.md", text.into());
        let block = Block {
            file: &file,
            text: &text[4..text.len() - 4],
            first_line: 2,
        };
        let at = |i, f| {
            block
                .field_position("cost", i, f)
                .map(|p| (p.line, p.column, p.width))
        };
        assert_eq!(at(0, "amount"), Some((4, 13, 1)));
        assert_eq!(at(1, "max"), Some((5, 21, 2)));
        assert_eq!(at(2, "note"), Some((7, 5, 4)), "a value below: the field");
        assert_eq!(at(2, "amount"), Some((2, 1, 4)), "not written: the key");
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
}
