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

    /// The position just after the last line of the block (where a missing key would go).
    pub fn start_position(&self) -> Position {
        self.file
            .position_at_line(self.first_line.saturating_sub(1).max(1), 1, 3)
    }
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
