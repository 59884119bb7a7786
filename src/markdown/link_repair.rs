//! Links as editors write them, before Markdown reads them.
//!
//! CommonMark takes no spaces in a link's address: `[x](@/berita/2024-11-22 Kunjungan.md)`
//! is plain text to it, and would be published as such. This module finds such addresses
//! ([`spaced_destinations`]) and wraps the ones that name a file of the site in `<…>` (the
//! CommonMark spelling of an address with spaces) before parsing ([`repair_spaced_links`]),
//! mapping every offset back to the file as written ([`Repaired`]). What still stays text after
//! that, an `@/` link Markdown did not read ([`unread_links`]), is an error at its place
//! ([`report_unread_links`]): a link is never published as raw text.

use std::borrow::Cow;
use std::ops::Range;

use pulldown_cmark::{Event, Parser, Tag, TagEnd};

use super::rewrite::{content_rel, has_scheme};
use super::{BodyPlace, SiteContext, options};
use crate::content::Body;
use crate::diag::Diagnostic;
use crate::diag::{Code, Diagnostics};
use crate::msg;

/// A body with some link addresses wrapped in `<…>`, and the way back to the original offsets.
#[derive(Debug)]
pub struct Repaired<'t> {
    pub text: Cow<'t, str>,
    /// Original offsets at which one byte was inserted, sorted.
    inserted: Vec<usize>,
}

impl<'t> Repaired<'t> {
    /// The text as written.
    pub fn unchanged(text: &'t str) -> Self {
        Repaired {
            text: Cow::Borrowed(text),
            inserted: Vec::new(),
        }
    }

    /// The offset in the original text of `offset` in the repaired one (an inserted byte maps
    /// to the place it was inserted at).
    pub fn original(&self, offset: usize) -> usize {
        // The i-th insertion sits at `inserted[i] + i` in the repaired text.
        let before = self
            .inserted
            .iter()
            .enumerate()
            .take_while(|(i, at)| *at + i < offset)
            .count();
        offset - before
    }
}

/// `text` with each of `ranges` (link addresses, sorted, not overlapping) wrapped in `<…>`.
pub fn wrap<'t>(text: &'t str, ranges: &[Range<usize>]) -> Repaired<'t> {
    if ranges.is_empty() {
        return Repaired::unchanged(text);
    }
    let mut out = String::with_capacity(text.len() + 2 * ranges.len());
    let mut inserted = Vec::with_capacity(2 * ranges.len());
    let mut copied = 0;
    for r in ranges {
        out.push_str(&text[copied..r.start]);
        out.push('<');
        out.push_str(&text[r.clone()]);
        out.push('>');
        inserted.push(r.start);
        inserted.push(r.end);
        copied = r.end;
    }
    out.push_str(&text[copied..]);
    Repaired {
        text: Cow::Owned(out),
        inserted,
    }
}

/// The addresses with spaces of inline links and images (`](address "title")`, parentheses
/// balanced, on one line) and of link reference definitions (`[name]: address`), as byte
/// ranges of `text`, sorted. An address already in `<…>`, or holding `<` or `>`, is left out.
pub fn spaced_destinations(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    for (at, _) in text.match_indices("](") {
        let start = at + 2;
        let line = &text[start..text[start..].find('\n').map_or(text.len(), |i| start + i)];
        let Some(close) = closing_parenthesis(line) else {
            continue;
        };
        if let Some(r) = spaced(line, 0..close) {
            out.push(start + r.start..start + r.end);
        }
    }
    let mut line_start = 0;
    for line in text.split_inclusive('\n') {
        let indent = line.len() - line.trim_start_matches(' ').len();
        if indent <= 3
            && line[indent..].starts_with('[')
            && let Some(colon) = line.find("]:")
        {
            let end = line.trim_end().len();
            if let Some(r) = spaced(line, (colon + 2).min(end)..end) {
                out.push(line_start + r.start..line_start + r.end);
            }
        }
        line_start += line.len();
    }
    out.sort_by_key(|r| r.start);
    out.dedup_by(|b, a| b.start < a.end);
    out
}

/// The offset in `line` of the `)` that closes a link opened just before it, if on this line.
fn closing_parenthesis(line: &str) -> Option<usize> {
    let mut depth = 0usize;
    let mut escaped = false;
    for (i, c) in line.char_indices() {
        match c {
            _ if escaped => escaped = false,
            '\\' => escaped = true,
            '(' => depth += 1,
            ')' if depth == 0 => return Some(i),
            ')' => depth -= 1,
            _ => {}
        }
    }
    None
}

/// The address inside `line[inner]` (a title in quotes after it left out), when it holds a
/// space and can be wrapped in `<…>`.
fn spaced(line: &str, inner: Range<usize>) -> Option<Range<usize>> {
    let part = &line[inner.clone()];
    let lead = part.len() - part.trim_start().len();
    let mut dest = part.trim();
    for quote in ['"', '\''] {
        if dest.len() > 1
            && dest.ends_with(quote)
            && let Some(open) = dest[..dest.len() - 1].rfind(quote)
            && dest[..open].ends_with(char::is_whitespace)
        {
            dest = dest[..open].trim_end();
            break;
        }
    }
    let usable = !dest.is_empty()
        && !dest.starts_with('<')
        && !dest.contains(['<', '>'])
        && dest.contains(char::is_whitespace);
    usable.then(|| inner.start + lead..inner.start + lead + dest.len())
}

/// Where `text` holds an `@/` link that Markdown left as plain text: the offsets of each `@/`
/// that lies in `plain` (the ranges of text events, sorted) and follows `](`, `](<` or `]:`.
pub fn unread_links(text: &str, plain: &[Range<usize>]) -> Vec<usize> {
    let mut out = Vec::new();
    for (at, _) in text.match_indices("@/") {
        let in_plain = plain.iter().any(|r| r.contains(&at));
        if in_plain && follows_bracket(&text[..at]) {
            out.push(at);
        }
    }
    out
}

/// Whether `before` ends with `](`, `](<` or `]:` (spaces allowed between).
fn follows_bracket(before: &str) -> bool {
    let rest = before.trim_end_matches([' ', '\t']);
    let rest = rest
        .strip_suffix('<')
        .unwrap_or(rest)
        .trim_end_matches([' ', '\t']);
    let rest = match rest.strip_suffix('(') {
        Some(r) => r,
        None => match rest.strip_suffix(':') {
            Some(r) => r,
            None => return false,
        },
    };
    rest.trim_end_matches([' ', '\t']).ends_with(']')
}

/// An `@/` link Markdown left as text, as it should be written: `[label](<address>)`, or
/// `[label]: <address>` for a reference definition. The address runs from `at` to the `)`
/// that closes the link, over up to three lines (a link broken over lines is joined with
/// spaces), or to the end of the line.
pub fn rewritten_at(text: &str, at: usize) -> String {
    let before = &text[..at];
    let opening = before
        .trim_end_matches([' ', '\t', '<'])
        .trim_end_matches([' ', '\t']);
    let definition = opening.ends_with(':');
    let label = opening
        .strip_suffix(['(', ':'])
        .map(|r| r.trim_end_matches([' ', '\t']))
        .and_then(|r| r.strip_suffix(']'))
        .and_then(|r| r.rfind('[').map(|open| &r[open + 1..]))
        .unwrap_or("text");
    let rest = &text[at..];
    let window: String = rest
        .split_inclusive('\n')
        .take(3)
        .collect::<String>()
        .replace(['\r', '\n'], " ");
    let address = if definition {
        window
            .split("  ")
            .next()
            .unwrap_or(&window)
            .trim()
            .to_string()
    } else {
        match closing_parenthesis(&window) {
            Some(end) => window[..end].to_string(),
            None => window.split(' ').next().unwrap_or(&window).to_string(),
        }
    };
    let address = address
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .trim_end_matches('>')
        .to_string();
    if definition {
        format!("[{label}]: <{address}>")
    } else {
        format!("[{label}](<{address}>)")
    }
}

/// `source` with the addresses of links that name a file of the site but hold spaces
/// (`[x](@/berita/2024-11-22 Kunjungan.md)`, `![foto](Foto Kunjungan.jpg)`) wrapped in `<…>`,
/// so that Markdown reads them as links. Only addresses in plain text count (not in code).
pub(super) fn repair_spaced_links<'t>(
    source: &'t str,
    place: &BodyPlace<'_>,
    site: &SiteContext<'_>,
) -> Repaired<'t> {
    // `@/` links, files that exist, and relative paths that end in a file name (a missing
    // one is then reported as a broken link rather than shown as text).
    let names_a_file = |dest: &str| {
        let path = dest.split(['#', '?']).next().unwrap_or("");
        let file_name = path.rsplit('/').next().unwrap_or(path);
        let has_extension = file_name.rsplit_once('.').is_some_and(|(stem, ext)| {
            !stem.trim().is_empty()
                && (1..=5).contains(&ext.len())
                && ext.chars().all(|c| c.is_ascii_alphanumeric())
        });
        dest.starts_with("@/")
            || content_rel(dest, place, site).is_some()
            || (has_extension && !has_scheme(path) && !path.starts_with('/'))
    };
    let candidates: Vec<_> = spaced_destinations(source)
        .into_iter()
        .filter(|r| names_a_file(&source[r.clone()]))
        .collect();
    if candidates.is_empty() {
        return Repaired::unchanged(source);
    }
    let mut code_blocks = 0usize;
    let mut plain = Vec::new();
    for (event, range) in Parser::new_ext(source, options()).into_offset_iter() {
        match event {
            Event::Start(Tag::CodeBlock(_)) => code_blocks += 1,
            Event::End(TagEnd::CodeBlock) => code_blocks = code_blocks.saturating_sub(1),
            Event::Text(_) if code_blocks == 0 => plain.push(range),
            _ => {}
        }
    }
    let confirmed: Vec<_> = candidates
        .into_iter()
        .filter(|r| plain.iter().any(|p| p.contains(&r.start)))
        .collect();
    wrap(source, &confirmed)
}

/// An error for each `@/` link Markdown left as text in `source` (`plain`: the ranges of its
/// text events outside code blocks), with the link as it should be written.
pub(super) fn report_unread_links(
    source: &str,
    plain: &[Range<usize>],
    body: &Body,
    diags: &mut Diagnostics,
) {
    for at in unread_links(source, plain) {
        let written = rewritten_at(source, at);
        let line_rest = source[at..].find('\n').unwrap_or(source.len() - at);
        let position = body.file.position(body.start + at, line_rest);
        diags.push(
            Diagnostic::error(
                Code::Link,
                body.file.display.clone(),
                msg!("markdown-unreadable-link"),
            )
            .at(Some(position))
            .with_hint(msg!("markdown-unreadable-link-hint", written)),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(text: &str) -> Vec<&str> {
        spaced_destinations(text)
            .into_iter()
            .map(|r| &text[r])
            .collect()
    }

    #[test]
    fn addresses_with_spaces_are_found_with_their_title_left_out() {
        assert_eq!(
            found("Lihat [a](@/berita/2024-11-22 Kunjungan Kerja.md) dan [b](x.md).\n"),
            ["@/berita/2024-11-22 Kunjungan Kerja.md"]
        );
        assert_eq!(
            found("[a](@/berita/Pelatihan Bahasa Korea (Tahap 2).md \"judul\")"),
            ["@/berita/Pelatihan Bahasa Korea (Tahap 2).md"]
        );
        assert_eq!(
            found("![foto]( Foto Kunjungan.jpg 'judul' )"),
            ["Foto Kunjungan.jpg"]
        );
        assert_eq!(
            found("[x]: @/berita/Berita Ekspor.md\n  [y]: <@/a b.md>\n"),
            ["@/berita/Berita Ekspor.md"]
        );
        assert!(found("[a](<@/a b.md>) [b](x.md \"judul\") [c](a\nb)").is_empty());
    }

    #[test]
    fn offsets_map_back_to_the_text_as_written() {
        let text = "[a](x y.md) z [b](p q.md)";
        let r = wrap(text, &spaced_destinations(text));
        assert_eq!(r.text, "[a](<x y.md>) z [b](<p q.md>)");
        for (i, c) in r.text.char_indices() {
            if c != '<' && c != '>' {
                assert_eq!(text.as_bytes()[r.original(i)], c as u8, "at {i}");
            }
        }
        assert_eq!(r.original(r.text.len()), text.len());
    }

    #[test]
    fn unread_links_follow_a_bracket_and_are_shown_as_they_should_be_written() {
        let text = "a [Kunjungan kerja](@/a b\nc.md) and @/ alone, [y]: @/z\n";
        let all = vec![std::ops::Range {
            start: 0,
            end: text.len(),
        }];
        let at: Vec<String> = unread_links(text, &all)
            .into_iter()
            .map(|i| rewritten_at(text, i))
            .collect();
        assert_eq!(at, ["[Kunjungan kerja](<@/a b c.md>)", "[y]: <@/z>"]);
        assert!(unread_links(text, &[]).is_empty());
    }
}
