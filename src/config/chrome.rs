//! The site's chrome set in `extra:`: the help page the header links (`help`), the official
//! masthead (`masthead`), the footer's page links (`footer`), the "was this page useful?"
//! target (`feedback`), and the hotline's `hours` and `free`.
//!
//! This module validates what can be judged from site.yaml alone (texts per language, a
//! feedback address that is an `https://` form or an e-mail address) and records where each
//! page reference is written. Whether a referenced page exists is known only once the content
//! is read: `render` resolves [`PageRef`]s and reports a missing page at the position kept
//! here.

use std::collections::BTreeMap;

use serde::Deserialize;

use super::DISPLAY;
use super::extra::RawExtra;
use super::languages::per_language;
use crate::diag::Code;
use crate::diag::{Diagnostic, Diagnostics, Position};
use crate::msg;
use crate::yaml::Block;

/// A content page named in site.yaml (`help: bantuan`), as written and where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PageRef {
    /// As written: `bantuan`, `panduan/pengaduan-crisis-center`.
    pub written: String,
    /// The page's language-independent key: `bantuan.md`.
    pub key: String,
    /// The setting it is written under (`extra.help`, `extra.footer`), for messages.
    pub setting: &'static str,
    /// Where it is written in site.yaml.
    pub position: Option<Position>,
}

/// Where "Was this page useful?" sends the reader.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Feedback {
    /// A web form: the page's address is added as the query parameter `param`.
    Form { url: String, param: String },
    /// An e-mail address: a `mailto:` with the page's address in its subject and body.
    Email(String),
}

/// The chrome of every page, validated.
#[derive(Debug, Clone, Default)]
pub struct Chrome {
    pub help: Option<PageRef>,
    pub footer: Vec<PageRef>,
    /// The official-site bar, per language.
    pub masthead: BTreeMap<String, String>,
    pub feedback: Option<Feedback>,
    /// The hotline's opening hours, per language (`24 jam`, `24 hours`).
    pub hotline_hours: BTreeMap<String, String>,
    /// Whether calling the hotline costs nothing.
    pub hotline_free: bool,
}

/// `extra.feedback:` as written.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawFeedback {
    url: Option<String>,
    param: Option<String>,
    email: Option<String>,
}

/// The query parameter a feedback form gets the page's address in, unless `param` says.
const DEFAULT_PARAM: &str = "page";

/// Validates the chrome keys of `extra:`.
pub(super) fn chrome(
    raw: &mut RawExtra,
    languages: &[String],
    block: &Block<'_>,
    diags: &mut Diagnostics,
) -> Chrome {
    let help = raw
        .help
        .take()
        .map(|w| page_ref(block, "help", "extra.help", w));
    let footer = raw
        .footer
        .take()
        .unwrap_or_default()
        .into_iter()
        .map(|w| page_ref(block, "footer", "extra.footer", w))
        .collect();
    let masthead = per_language(
        raw.masthead.take(),
        languages,
        block,
        "extra.masthead",
        diags,
    );
    let feedback = raw.feedback.take().and_then(|f| feedback(f, block, diags));
    let hours = raw.hotline.as_ref().and_then(|h| h.hours.clone());
    let hotline_free = raw.hotline.as_ref().and_then(|h| h.free).unwrap_or(false);
    Chrome {
        help,
        footer,
        masthead,
        feedback,
        hotline_hours: per_language(hours, languages, block, "extra.hotline.hours", diags),
        hotline_free,
    }
}

/// A page reference as written (`bantuan`, `/bantuan`, `bantuan.md`), with its key.
fn page_ref(block: &Block<'_>, key: &str, setting: &'static str, written: String) -> PageRef {
    let trimmed = written.trim().trim_matches('/');
    let stem = trimmed.strip_suffix(".md").unwrap_or(trimmed);
    PageRef {
        key: format!("{stem}.md"),
        position: extra_item_position(block, key, &written),
        written,
        setting,
    }
}

/// `extra.feedback`: exactly one of a form's `https://` address or an e-mail address.
fn feedback(raw: RawFeedback, block: &Block<'_>, diags: &mut Diagnostics) -> Option<Feedback> {
    let mut error = |item: &str, message, hint| {
        diags.push(
            Diagnostic::error(Code::Config, DISPLAY, message)
                .at(extra_item_position(block, "feedback", item))
                .with_hint(hint),
        );
    };
    match (raw.url, raw.email) {
        (Some(url), None) if url.starts_with("https://") && !url.contains(char::is_whitespace) => {
            Some(Feedback::Form {
                url,
                param: raw.param.unwrap_or_else(|| DEFAULT_PARAM.to_string()),
            })
        }
        (Some(url), None) => {
            error(
                &url,
                msg!("config-feedback-url", found = format!("{url:?}")),
                match url.strip_prefix("http://") {
                    // The address as written, made secure: the text to type.
                    Some(rest) if !rest.contains(char::is_whitespace) => {
                        msg!("config-write", text = format!("url: https://{rest}"))
                    }
                    _ => msg!("config-feedback-url-hint"),
                },
            );
            None
        }
        (None, Some(email)) if is_email(&email) => Some(Feedback::Email(email)),
        (None, Some(email)) => {
            error(
                &email,
                msg!("config-feedback-email", found = format!("{email:?}")),
                msg!("config-feedback-email-hint"),
            );
            None
        }
        _ => {
            error(
                "",
                msg!("config-feedback-one"),
                msg!("config-feedback-one-hint"),
            );
            None
        }
    }
}

/// A plain `name@host.tld`, nothing a `mailto:` would need to escape in its address.
fn is_email(text: &str) -> bool {
    let Some((name, host)) = text.split_once('@') else {
        return false;
    };
    let plain = |s: &str| {
        !s.is_empty()
            && s.chars()
                .all(|c| c.is_ascii_alphanumeric() || "._+-".contains(c))
    };
    plain(name) && plain(host) && host.contains('.') && !host.starts_with('.')
}

/// Where `item` is written under `extra.<key>:` (on the key's line or the list lines below
/// it); the key itself when `item` is not found there, `extra:` when the key is not.
fn extra_item_position(block: &Block<'_>, key: &str, item: &str) -> Option<Position> {
    let lines: Vec<&str> = block.text.split('\n').collect();
    let extra = lines.iter().position(|l| l.starts_with("extra:"))?;
    let indent = |l: &str| l.len() - l.trim_start().len();
    let Some(at) = (extra + 1..lines.len())
        .take_while(|&i| lines[i].trim().is_empty() || indent(lines[i]) > 0)
        .find(|&i| {
            lines[i]
                .trim_start()
                .strip_prefix(key)
                .is_some_and(|r| r.starts_with(':'))
        })
    else {
        return block.key_position("extra");
    };
    let key_indent = indent(lines[at]);
    let offset = |i: usize, col: usize| block.file.line_start(block.first_line + i) + col;
    let below = (at + 1..lines.len()).take_while(|&i| {
        let l = lines[i];
        !l.trim().is_empty() && indent(l) > key_indent
    });
    if !item.is_empty() {
        for i in std::iter::once(at).chain(below) {
            let from = if i == at {
                key_indent + key.len() + 1
            } else {
                0
            };
            if let Some(col) = lines[i].get(from..).and_then(|rest| rest.find(item)) {
                return Some(block.file.position(offset(i, from + col), item.len()));
            }
        }
    }
    Some(block.file.position(offset(at, key_indent), key.len()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::SourceFile;

    #[test]
    fn item_positions_point_inside_extra() {
        let text = "title: bantuan\nextra:\n  menu: [a]\n  help: bantuan\n  footer:\n    - tentang\n    - privasi\n  feedback: {}\n";
        let file = SourceFile::new("site.yaml", text.to_string());
        let block = Block::whole(&file);
        let at = |k, i| extra_item_position(&block, k, i).map(|p| (p.line, p.column, p.width));
        assert_eq!(at("help", "bantuan"), Some((4, 9, 7)));
        assert_eq!(at("footer", "privasi"), Some((7, 7, 7)));
        assert_eq!(at("feedback", ""), Some((8, 3, 8)), "the key");
        assert_eq!(at("nothing", "x"), Some((2, 1, 5)), "extra itself");
    }

    #[test]
    fn page_refs_take_the_forms_editors_write() {
        let file = SourceFile::new("site.yaml", String::new());
        let block = Block::whole(&file);
        for written in ["bantuan", "/bantuan/", "bantuan.md", " bantuan "] {
            let r = page_ref(&block, "help", "extra.help", written.to_string());
            assert_eq!(r.key, "bantuan.md", "{written}");
        }
    }

    #[test]
    fn emails_are_plain_addresses() {
        assert!(is_email("humas@kp2mi.example.go.id"));
        for bad in [
            "humas",
            "humas@",
            "@x.id",
            "a b@x.id",
            "a@x",
            "a@x.id?cc=b@y.id",
        ] {
            assert!(!is_email(bad), "{bad}");
        }
    }
}
