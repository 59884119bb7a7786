//! Where each top-level key of a front matter sits in its file, recorded once while parsing, so
//! that an error found later (two pages on one `slug`, a photo `image` names that is missing, a
//! `review_by` date gone by) points at the key without reading the file again.
//!
//! It holds offsets only (16 bytes a key, no text): a 20,000-page build keeps one of these per
//! page. It answers for keys made of letters, digits and `_`, which are all the keys front
//! matter has; a key written twice is found at its first line, as YAML errors point there.

use crate::diag::Position;
use crate::source::SourceFile;
use crate::yaml::Block;

/// The keys of one front matter, in the order of their lines.
#[derive(Debug, Clone, Default)]
pub struct KeyPositions {
    keys: Vec<KeyAt>,
}

/// One `key:` line: the key is the text at `line_start`, `key_len` bytes long; an error about
/// it points at `at`, `width` bytes wide (its value, or the key when the value is not on the
/// line).
#[derive(Debug, Clone, Copy)]
struct KeyAt {
    line_start: u32,
    key_len: u32,
    at: u32,
    width: u32,
}

impl KeyPositions {
    /// Every line of `block` that starts with `key:` in column 1, as a key.
    pub fn read(block: &Block<'_>) -> KeyPositions {
        let mut keys = Vec::new();
        for (i, line) in block.text.split('\n').enumerate() {
            let Some(colon) = line.find(':') else {
                continue;
            };
            let key = &line[..colon];
            if key.is_empty() || !key.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_') {
                continue;
            }
            let line_start = block.file.line_start(block.first_line + i);
            if let Some(found) = key_at(line_start, line, colon) {
                keys.push(found);
            }
        }
        KeyPositions { keys }
    }

    /// Where `key` sits in `file` (the file these positions were read from): its value, or the
    /// key itself when its value is not on its line. `None` when the key is not written.
    pub fn position(&self, file: &SourceFile, key: &str) -> Option<Position> {
        let found = self.keys.iter().find(|k| {
            let start = k.line_start as usize;
            k.key_len as usize == key.len() && file.text.get(start..start + key.len()) == Some(key)
        })?;
        Some(file.position(found.at as usize, found.width as usize))
    }
}

/// The place of a `key:` line starting at byte `line_start` of its file, with the colon at byte
/// `colon` of `line` (`None` for a file too large for 32-bit offsets). The same place as
/// [`Block::key_position`] gives.
fn key_at(line_start: usize, line: &str, colon: usize) -> Option<KeyAt> {
    let value = &line[colon + 1..];
    let value_trim = value.trim_start().trim_end_matches('\r');
    let (at, width) = if value_trim.trim().is_empty() || value_trim.starts_with('#') {
        (line_start, colon)
    } else {
        let col_bytes = line.len() - value.len() + (value.len() - value.trim_start().len());
        (line_start + col_bytes, value_trim.trim_end().len())
    };
    Some(KeyAt {
        line_start: u32::try_from(line_start).ok()?,
        key_len: u32::try_from(colon).ok()?,
        at: u32::try_from(at).ok()?,
        width: u32::try_from(width).ok()?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The recorded positions are the ones `Block::key_position` finds by reading the text
    /// (what every call site used before they were recorded).
    #[test]
    fn positions_are_those_found_by_reading_the_block() {
        let text = "---\r\ntitle: Judul\r\nslug:   a-b  \r\naliases:\r\n  - /lama\r\n\
                    draft: # nanti\r\nimage: \"é.jpg\" # foto\r\ntags: []\nslug: kedua\n\
                    review_by:\ntype: guide\n---\nbody\n";
        let file = SourceFile::new("content/x.md", text.to_string());
        let block = Block {
            file: &file,
            text: &text[5..text.find("\n---").unwrap_or(0) + 1],
            first_line: 2,
        };
        let keys = KeyPositions::read(&block);
        for key in [
            "title",
            "slug",
            "aliases",
            "draft",
            "image",
            "tags",
            "review_by",
            "type",
            "missing",
            "lama",
            "tit",
        ] {
            assert_eq!(keys.position(&file, key), block.key_position(key), "{key}");
        }
    }
}
