//! Diagnostics: the errors and warnings an editor sees.
//!
//! Every stage reports problems as [`Diagnostic`] values — data with a file, a position and a
//! hint — and goes on where it can, so that one run reports every problem. Printing (human
//! text or JSON) happens only at the edge, in [`Diagnostic::render_human`] and
//! [`Diagnostics::to_json`].
//!
//! Diagnostics travel in one collection, [`Diagnostics`]: a stage that goes on after a
//! problem returns `(T, Diagnostics)`, one that cannot returns `Result<T, Diagnostics>`, and a
//! check returns `Diagnostics`. Only a function that fails in one way, for one file (reading
//! it, finding its `---` block), returns a single `Result<T, Diagnostic>`, which its caller
//! adds to its own list. What a diagnostic is about is a [`Code`], a closed set.

use std::fmt::Write as _;

use serde::Serialize;

mod code;

pub use code::Code;

use crate::i18n::{Lang, Message};
use crate::msg;

/// How bad a diagnostic is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
}

/// A position in a source file: 1-based line and column (in characters), and the width of the
/// fault in characters, for the caret line.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Position {
    pub line: usize,
    pub column: usize,
    #[serde(skip)]
    pub width: usize,
    /// The text of the line, for the snippet under the message.
    #[serde(skip)]
    pub source_line: String,
}

/// One problem, with everything an editor needs to fix it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    pub severity: Severity,
    /// A stable, short identifier (`frontmatter`, `yaml`, `link`, …) for tools and tests.
    pub code: Code,
    /// Path relative to the site root (`content/berita/x.md`), or empty for the whole site.
    pub file: String,
    pub position: Option<Position>,
    pub message: Message,
    pub hint: Option<Message>,
}

/// A diagnostic as `--format json` writes it: the words in the editor's language, the
/// message's catalogue id for tools that want it stable.
#[derive(Debug, Serialize)]
pub struct JsonDiagnostic {
    severity: Severity,
    code: Code,
    file: String,
    #[serde(flatten)]
    position: Option<Position>,
    message: String,
    hint: Option<String>,
    message_id: &'static str,
}

impl Diagnostic {
    pub fn error(code: Code, file: impl Into<String>, message: impl Into<Message>) -> Self {
        Diagnostic {
            severity: Severity::Error,
            code,
            file: file.into(),
            position: None,
            message: message.into(),
            hint: None,
        }
    }

    pub fn warning(code: Code, file: impl Into<String>, message: impl Into<Message>) -> Self {
        Diagnostic {
            severity: Severity::Warning,
            ..Diagnostic::error(code, file, message)
        }
    }

    pub fn with_hint(mut self, hint: impl Into<Message>) -> Self {
        self.hint = Some(hint.into());
        self
    }

    pub fn at(mut self, position: Option<Position>) -> Self {
        self.position = position;
        self
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    /// The rendering in English, for logs and tests; editors get [`Diagnostic::render`].
    pub fn render_human(&self) -> String {
        self.render(Lang::En)
    }

    /// The rustc-like rendering, message and hint in `lang`:
    ///
    /// ```text
    /// error: content/berita/x.md:4:7: `date` must be YYYY-MM-DD, found "22-11-2024"
    ///   |
    /// 4 | date: 22-11-2024
    ///   |       ^^^^^^^^^^
    ///   = hint: write 2024-11-22
    ///   = code: frontmatter
    /// ```
    ///
    /// The code is what `warta check --allow` takes (for warnings).
    pub fn render(&self, lang: Lang) -> String {
        let mut out = String::new();
        let label = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        let _ = write!(out, "{label}: ");
        if !self.file.is_empty() {
            out.push_str(&self.file);
            if let Some(pos) = &self.position {
                let _ = write!(out, ":{}:{}", pos.line, pos.column);
            }
            out.push_str(": ");
        }
        out.push_str(&self.message.render(lang));
        out.push('\n');
        let gutter = self
            .position
            .as_ref()
            .map(|p| p.line.to_string().len())
            .unwrap_or(1);
        let pad = " ".repeat(gutter);
        if let Some(pos) = &self.position
            && !pos.source_line.is_empty()
        {
            // Long lines (a paragraph is one line in Markdown) are shown as a window around
            // the fault, so the caret stays under it.
            let chars: Vec<char> = pos.source_line.chars().collect();
            let col = pos.column.saturating_sub(1).min(chars.len());
            let (start, prefix) = if chars.len() > 100 && col > 40 {
                (col - 30, "…")
            } else {
                (0, "")
            };
            let end = (start + 100).min(chars.len());
            let suffix = if end < chars.len() { "…" } else { "" };
            // Control characters would garble the terminal: show them as U+FFFD.
            let shown: String = chars[start..end]
                .iter()
                .map(|&c| {
                    if c.is_control() && c != '\t' {
                        '\u{FFFD}'
                    } else {
                        c
                    }
                })
                .collect();
            let _ = writeln!(out, "{pad} |");
            let _ = writeln!(
                out,
                "{} | {prefix}{}{suffix}",
                pos.line,
                shown.replace('\t', " ")
            );
            let caret_pad = " ".repeat(col - start + prefix.chars().count());
            let carets = "^".repeat(pos.width.clamp(1, end.saturating_sub(col).max(1)));
            let _ = writeln!(out, "{pad} | {caret_pad}{carets}");
        }
        if let Some(hint) = &self.hint {
            let label = msg!("diag-hint-label").render(lang);
            let _ = writeln!(out, "{pad} = {label}: {}", hint.render(lang));
        }
        let label = msg!("diag-code-label").render(lang);
        let _ = writeln!(out, "{pad} = {label}: {}", self.code);
        out
    }
}

/// The diagnostics of one run, in the order they were found; sorted before printing so the
/// output is stable whatever the thread schedule.
#[derive(Debug, Default, Clone)]
pub struct Diagnostics {
    items: Vec<Diagnostic>,
}

impl Diagnostics {
    pub fn new() -> Self {
        Diagnostics::default()
    }

    pub fn push(&mut self, diagnostic: Diagnostic) {
        self.items.push(diagnostic);
    }

    pub fn extend(&mut self, other: impl IntoIterator<Item = Diagnostic>) {
        self.items.extend(other);
    }

    pub fn has_errors(&self) -> bool {
        self.items.iter().any(Diagnostic::is_error)
    }

    pub fn error_count(&self) -> usize {
        self.items.iter().filter(|d| d.is_error()).count()
    }

    pub fn warning_count(&self) -> usize {
        self.items.len() - self.error_count()
    }

    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    /// Sorted by file, then position, errors before warnings at one place; duplicates dropped.
    pub fn sorted(mut self) -> Vec<Diagnostic> {
        self.items.sort_by(|a, b| {
            let pa = a.position.as_ref().map(|p| (p.line, p.column));
            let pb = b.position.as_ref().map(|p| (p.line, p.column));
            (&a.file, pa, a.severity, &a.message).cmp(&(&b.file, pb, b.severity, &b.message))
        });
        self.items.dedup();
        self.items
    }

    pub fn iter(&self) -> impl Iterator<Item = &Diagnostic> {
        self.items.iter()
    }

    /// One JSON document: an array of diagnostics, their words in `lang`.
    pub fn to_json(&self, lang: Lang) -> String {
        serde_json::to_string_pretty(&self.to_json_items(lang)).unwrap_or_else(|_| "[]".to_string())
    }

    /// The diagnostics, sorted, as `--format json` writes them, their words in `lang`.
    pub fn to_json_items(&self, lang: Lang) -> Vec<JsonDiagnostic> {
        self.clone()
            .sorted()
            .into_iter()
            .map(|d| JsonDiagnostic {
                message: d.message.render(lang),
                hint: d.hint.as_ref().map(|h| h.render(lang)),
                message_id: d.message.id(),
                severity: d.severity,
                code: d.code,
                file: d.file,
                position: d.position,
            })
            .collect()
    }
}

/// Read as a slice: `diags.len()`, `diags[0]`, `diags.iter()`.
impl std::ops::Deref for Diagnostics {
    type Target = [Diagnostic];
    fn deref(&self) -> &[Diagnostic] {
        &self.items
    }
}

impl FromIterator<Diagnostic> for Diagnostics {
    fn from_iter<I: IntoIterator<Item = Diagnostic>>(iter: I) -> Self {
        Diagnostics {
            items: iter.into_iter().collect(),
        }
    }
}

impl From<Vec<Diagnostic>> for Diagnostics {
    fn from(items: Vec<Diagnostic>) -> Self {
        Diagnostics { items }
    }
}

/// Checks that run in parallel collect straight into one list, in input order.
impl rayon::iter::FromParallelIterator<Diagnostic> for Diagnostics {
    fn from_par_iter<I>(iter: I) -> Self
    where
        I: rayon::iter::IntoParallelIterator<Item = Diagnostic>,
    {
        Diagnostics {
            items: Vec::from_par_iter(iter),
        }
    }
}

impl Extend<Diagnostic> for Diagnostics {
    fn extend<I: IntoIterator<Item = Diagnostic>>(&mut self, iter: I) {
        self.items.extend(iter);
    }
}

impl IntoIterator for Diagnostics {
    type Item = Diagnostic;
    type IntoIter = std::vec::IntoIter<Diagnostic>;
    fn into_iter(self) -> Self::IntoIter {
        self.items.into_iter()
    }
}

/// The nearest of `candidates` to `word`, when it is close enough to be a likely typo.
pub fn did_you_mean<'a>(
    word: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<&'a str> {
    candidates
        .into_iter()
        .map(|c| (strsim::jaro_winkler(word, c), c))
        .filter(|(score, _)| *score > 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, c)| c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn renders_snippet_with_caret_under_the_fault() {
        let d = Diagnostic::error(
            Code::Link,
            "content/berita/x.md",
            msg!("link-broken", path = "/x/"),
        )
        .at(Some(Position {
            line: 4,
            column: 7,
            width: 10,
            source_line: "date: 22-11-2024".into(),
        }))
        .with_hint(msg!("frontmatter-write", text = "2024-11-22"));
        assert_eq!(
            d.render_human(),
            "error: content/berita/x.md:4:7: broken link: nothing is published at /x/\n  |\n4 | date: 22-11-2024\n  |       ^^^^^^^^^^\n  = hint: write `2024-11-22`\n  = code: link\n"
        );
        // The words follow the editor's language; prefix, place and snippet do not.
        assert_eq!(
            d.render(Lang::Id),
            "error: content/berita/x.md:4:7: tautan rusak: tidak ada yang diterbitkan di /x/\n  |\n4 | date: 22-11-2024\n  |       ^^^^^^^^^^\n  = petunjuk: tulis `2024-11-22`\n  = kode: link\n"
        );
    }

    #[test]
    fn suggests_nearest_key() {
        assert_eq!(
            did_you_mean("countires", ["countries", "title", "place"]),
            Some("countries")
        );
        assert_eq!(did_you_mean("zzz", ["countries", "title"]), None);
    }
}
