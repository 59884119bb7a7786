//! serde_yaml's error as a [`Diagnostic`]: placed in the whole file (counting lines as the
//! file does, not as YAML does), said in plain words ([`super::problem`]), and, for the usual
//! mistakes of editors (text YAML reads as a number, a colon inside text, a reserved first
//! character, a tab in the indentation), with the line rewritten as it should be.

use super::Block;
use super::line::{Line, quoted};
use super::problem::{Explained, Problem, at_path, explain};
use super::text;
use crate::diag::Code;
use crate::diag::{Diagnostic, Position};
use crate::i18n::Message;
use crate::msg;

impl Block<'_> {
    /// The diagnostic for `err`, met while deserializing this block.
    pub(super) fn error_from(&self, err: &serde_yaml::Error) -> Diagnostic {
        let full = err.to_string();
        let said = full.split(" at line ").next().unwrap_or(&full).trim();
        let mut position = err
            .location()
            .map(|loc| self.position_of(loc.line(), loc.column()));
        let Explained { path, problem } = explain(said);
        let (words, mut hint) = problem.words();
        let mut message = at_path(path.as_deref(), words);
        match &problem {
            // serde points at the first of two duplicate keys; the second is the one to remove.
            Problem::DuplicateField(key) if path.is_none() => {
                if let Some(second) = self.second_key(key) {
                    position = Some(second);
                }
            }
            Problem::WrongType { found, expected } if expected == text::EXPECTED => {
                if let Some(pos) = position.as_mut() {
                    hint = text_hint(pos, found, path.as_deref());
                }
            }
            Problem::Syntax(detail) => {
                if let Some(pos) = position.as_mut()
                    && let Some(reworded) = reword_syntax(pos, detail, path.is_none())
                {
                    (message, hint) = reworded;
                }
            }
            // An alias bomb has no position of its own: point at the first alias.
            Problem::TooMuchRepetition => {
                if let Some(alias) = self.first_alias() {
                    position = Some(alias);
                }
            }
            _ => {}
        }
        // A tab in the indentation is the usual cause of a cryptic scanner error.
        if position.as_ref().is_some_and(tab_indented) {
            message = msg!("yaml-tab");
            hint = msg!("yaml-tab-hint");
        }
        Diagnostic::error(Code::Yaml, self.file.display.clone(), message)
            .at(position.or_else(|| Some(self.file.position_at_line(self.first_line, 1, 1))))
            .with_hint(hint)
    }

    /// The position in the file of YAML's 1-based `line` and `column` in the block.
    fn position_of(&self, line: usize, column: usize) -> Position {
        // YAML also breaks lines at a lone `\r` (and U+0085, U+2028, U+2029); the file's
        // lines end at `\n` only, so the place is found in the text itself.
        let at = yaml_offset(self.text, line, column);
        let before = &self.text[..at];
        let line = self.first_line + before.matches('\n').count();
        let col = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
        let text = self.file.line_text(line);
        let width = token_width(text, col);
        self.file.position_at_line(line, col, width)
    }

    /// The second line that starts with `key:`, if the key is written twice.
    fn second_key(&self, key: &str) -> Option<Position> {
        let mut lines = self.text.split('\n').enumerate().filter(|(_, l)| {
            l.strip_prefix(key)
                .is_some_and(|rest| rest.trim_start().starts_with(':'))
        });
        match (lines.next(), lines.next()) {
            (Some(_), Some((i, _))) => Some(self.file.position_at_line(
                self.first_line + i,
                1,
                key.chars().count(),
            )),
            _ => None,
        }
    }

    /// The first alias (`*name`) of the block.
    fn first_alias(&self) -> Option<Position> {
        let (i, line) = self
            .text
            .split('\n')
            .enumerate()
            .find(|(_, l)| l.contains(" *") || l.contains("[*"))?;
        let col = line.find('*').map_or(1, |c| line[..c].chars().count() + 1);
        Some(self.file.position_at_line(self.first_line + i, col, 2))
    }
}

/// The hint for a number, boolean or null where text belongs (at `pos`, of the value at
/// `path`): the value shown quoted, or the whole line when brackets or a colon made it a list
/// or a map. `pos` is narrowed to the value when the hint rewrites it.
fn text_hint(pos: &mut Position, found: &str, path: Option<&str>) -> Message {
    let line = Line::parse(&pos.source_line);
    let raw = scalar_at(&pos.source_line, pos.column);
    let key = path.filter(|k| k.chars().all(|c| c.is_ascii_alphanumeric() || c == '_'));
    let map = found == "map";
    let collection = map || found == "sequence";
    if map && line.lead.contains('-') {
        // `- Paspor: berlaku 6 bulan` in a list of text is a map of one key.
        msg!("yaml-quote-line", line = line.whole_quoted())
    } else if collection && line.key.is_some() && key == line.key && !line.value.is_empty() {
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
    }
}

/// A syntax error (`detail`, at `pos`) said again, when plain text that YAML cannot read is
/// its cause: the message and a hint with the text in quotes. `at_top` is whether serde names
/// no path inside the block.
fn reword_syntax(pos: &mut Position, detail: &str, at_top: bool) -> Option<(Message, Message)> {
    if detail.contains("mapping values are not allowed")
        && let Some(reworded) = colon_in_text(pos, detail)
    {
        return Some(reworded);
    }
    if at_top {
        reserved_start(pos, detail)
    } else {
        None
    }
}

/// A colon and a space inside plain text start a mapping where none can be: the line with the
/// text in quotes.
fn colon_in_text(pos: &mut Position, detail: &str) -> Option<(Message, Message)> {
    let source = pos.source_line.clone();
    let line = Line::parse(&source);
    if line.is_plain()
        && let Some(key) = line.key
    {
        line.mark_value(pos);
        Some((
            msg!("yaml-colon-in-text", key, detail),
            msg!("yaml-write-line", line = line.quoted()),
        ))
    } else if line.lead.contains('-') {
        // `- Paspor: berlaku: 6 bulan` in a list of text.
        Some((
            msg!("yaml-colon-in-item", detail),
            msg!("yaml-write-line", line = line.whole_quoted()),
        ))
    } else {
        None
    }
}

/// Text starting with a character YAML reserves (`@`, a backtick, `*`, `&`, `!`, `%`), or with
/// a quoted part and more after it: the line with the whole text in quotes.
fn reserved_start(pos: &mut Position, detail: &str) -> Option<(Message, Message)> {
    let source = pos.source_line.clone();
    let line = Line::parse(&source);
    let at_value =
        pos.column > line.value_at && pos.column <= line.value_at + line.value.chars().count() + 1;
    let key = line.key?;
    if at_value
        && line
            .value
            .starts_with(['@', '`', '*', '&', '!', '%', '"', '\''])
    {
        line.mark_value(pos);
        Some((
            msg!("yaml-text-needs-quotes", key, detail),
            msg!("yaml-write-line", line = line.quoted()),
        ))
    } else {
        None
    }
}

/// Whether the line at `pos` is indented with a tab.
fn tab_indented(pos: &Position) -> bool {
    pos.source_line.starts_with([' ', '\t'])
        && pos.source_line.trim_start_matches(' ').starts_with('\t')
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
}
