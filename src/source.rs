//! Source files: walking `content/`, reading files as UTF-8, and turning byte offsets into
//! `line:column` positions for diagnostics.
//!
//! This stage owns the mapping from the file system to [`SourceTree`]: which files are
//! Markdown documents (and in which language), which are section indexes, and which are assets
//! to copy. It reads, it never interprets front matter.

use std::path::{Path, PathBuf};

use crate::diag::{Diagnostic, Diagnostics, Position};

/// A text file, read whole, with an index of its line starts.
#[derive(Debug, Clone)]
pub struct SourceFile {
    /// Path relative to the site root, with `/` separators: `content/berita/x.md`.
    pub display: String,
    pub text: String,
    line_starts: Vec<usize>,
}

impl SourceFile {
    pub fn new(display: impl Into<String>, text: String) -> Self {
        let mut line_starts = vec![0];
        line_starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
        SourceFile {
            display: display.into(),
            text,
            line_starts,
        }
    }

    /// The 1-based line and column (in characters) of a byte offset, with the line's text.
    pub fn position(&self, offset: usize, width_bytes: usize) -> Position {
        let offset = offset.min(self.text.len());
        let line_idx = match self.line_starts.binary_search(&offset) {
            Ok(i) => i,
            Err(i) => i.saturating_sub(1),
        };
        let start = self.line_starts[line_idx];
        let line_text = self.line_text(line_idx + 1);
        let before = self.text.get(start..offset).unwrap_or("");
        let column = before.chars().count() + 1;
        let end = (offset + width_bytes).min(start + line_text.len());
        let width = self.text.get(offset..end).map_or(1, |s| s.chars().count());
        Position {
            line: line_idx + 1,
            column,
            width: width.max(1),
            source_line: line_text.to_string(),
        }
    }

    /// A position given as 1-based line and column, as YAML parsers report them.
    pub fn position_at_line(&self, line: usize, column: usize, width: usize) -> Position {
        let text = self.line_text(line);
        Position {
            line,
            column: column.max(1),
            width: width.max(1),
            source_line: text.to_string(),
        }
    }

    /// The text of a 1-based line, without its line ending.
    pub fn line_text(&self, line: usize) -> &str {
        let Some(&start) = self.line_starts.get(line.wrapping_sub(1)) else {
            return "";
        };
        let end = self
            .line_starts
            .get(line)
            .map_or(self.text.len(), |&next| next - 1);
        self.text
            .get(start..end.max(start))
            .unwrap_or("")
            .trim_end_matches('\r')
    }

    /// The byte offset where a 1-based line starts.
    pub fn line_start(&self, line: usize) -> usize {
        self.line_starts
            .get(line.wrapping_sub(1))
            .copied()
            .unwrap_or(self.text.len())
    }
}

/// What a Markdown file under `content/` is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DocumentPath {
    /// The section folder (`berita`), or `None` for files at the content root.
    pub section: Option<String>,
    /// The file name without language suffix and extension: `2024-11-22-sosialisasi-banten`,
    /// or `_index` for a section index.
    pub name: String,
    pub lang: String,
}

impl DocumentPath {
    pub fn is_index(&self) -> bool {
        self.name == "_index"
    }

    /// The language-independent key that links translations: `berita/name.md`.
    pub fn key(&self) -> String {
        match &self.section {
            Some(s) => format!("{s}/{}.md", self.name),
            None => format!("{}.md", self.name),
        }
    }
}

/// A Markdown document read from `content/`.
#[derive(Debug, Clone)]
pub struct Document {
    pub path: DocumentPath,
    pub file: SourceFile,
}

/// A non-Markdown file under `content/`, copied to the output.
#[derive(Debug, Clone)]
pub struct Asset {
    /// Absolute path on disk.
    pub source: PathBuf,
    /// Path relative to `content/`, with `/` separators: `berita/foto.jpg`.
    pub rel: String,
}

/// Everything read from `content/`.
#[derive(Debug, Default)]
pub struct SourceTree {
    pub documents: Vec<Document>,
    pub assets: Vec<Asset>,
}

/// Reads `content/` below `root`. Problems (unreadable files, invalid UTF-8, misplaced files)
/// become diagnostics; everything readable is returned.
pub fn read_content(
    root: &Path,
    languages: &[String],
    default_language: &str,
) -> (SourceTree, Diagnostics) {
    let mut diags = Diagnostics::new();
    let mut tree = SourceTree::default();
    let content = root.join("content");
    if !content.is_dir() {
        diags.push(
            Diagnostic::error("content", "content/", "the site has no `content/` folder")
                .with_hint("create `content/_index.md`; see the README for the layout"),
        );
        return (tree, diags);
    }
    let mut paths = Vec::new();
    for entry in walkdir::WalkDir::new(&content).sort_by_file_name() {
        match entry {
            Ok(e) if e.file_type().is_file() => paths.push(e.into_path()),
            Ok(e) if e.path_is_symlink() => diags.push(
                Diagnostic::warning(
                    "symlink",
                    display_path(root, e.path()),
                    "symbolic links are not followed: this file is not part of the site",
                )
                .with_hint("copy the file into content/ instead of linking to it"),
            ),
            // A named pipe, socket or device: reading it could block the build for ever.
            Ok(e) if !e.file_type().is_dir() => diags.push(
                Diagnostic::warning(
                    "special-file",
                    display_path(root, e.path()),
                    format!(
                        "{} is not a regular file: it is not part of the site",
                        special_kind(&e.file_type())
                    ),
                )
                .with_hint("keep only files and folders in content/"),
            ),
            Ok(_) => {}
            Err(err) => {
                let shown = err
                    .path()
                    .map(|p| display_path(root, p))
                    .unwrap_or_else(|| "content/".into());
                let why = err
                    .io_error()
                    .map_or_else(|| err.to_string(), ToString::to_string);
                diags.push(
                    Diagnostic::error("io", shown, format!("cannot read: {why}"))
                        .with_hint("check the folder's permissions"),
                );
            }
        }
    }

    let results: Vec<_> = {
        use rayon::prelude::*;
        paths
            .par_iter()
            .map(|path| classify_and_read(root, &content, path, languages, default_language))
            .collect()
    };
    for result in results {
        match result {
            Ok(Some(Entry::Document(doc))) => tree.documents.push(doc),
            Ok(Some(Entry::Asset(asset))) => tree.assets.push(asset),
            Ok(Some(Entry::UnreadableAsset(asset, d))) => {
                tree.assets.push(asset);
                diags.push(d);
            }
            Ok(None) => {}
            Err(d) => diags.push(d),
        }
    }
    (tree, diags)
}

enum Entry {
    Document(Document),
    Asset(Asset),
    /// Listed all the same, so that links to it are not called broken as well.
    UnreadableAsset(Asset, Diagnostic),
}

fn classify_and_read(
    root: &Path,
    content: &Path,
    path: &Path,
    languages: &[String],
    default_language: &str,
) -> Result<Option<Entry>, Diagnostic> {
    let display = display_path(root, path);
    let rel = path
        .strip_prefix(content)
        .map(|p| p.to_string_lossy().replace('\\', "/"))
        .unwrap_or_default();
    let file_name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    // Editor and OS droppings are never content.
    if file_name.starts_with('.') || file_name.ends_with('~') {
        return Ok(None);
    }
    if !file_name.ends_with(".md") {
        // Assets are read when the site is written; an unreadable one is found here, named,
        // before anything is written.
        let asset = Asset {
            source: path.to_path_buf(),
            rel,
        };
        if let Err(err) = std::fs::File::open(path) {
            let d = Diagnostic::error("io", display, format!("cannot read the file: {err}"))
                .with_hint("check the file's permissions");
            return Ok(Some(Entry::UnreadableAsset(asset, d)));
        }
        return Ok(Some(Entry::Asset(asset)));
    }
    let parts: Vec<&str> = rel.split('/').collect();
    let section = match parts.len() {
        1 => None,
        2 => Some(parts[0].to_string()),
        _ => {
            return Err(Diagnostic::error(
                "layout",
                display,
                "Markdown files may sit in `content/` or one section folder below it, not deeper",
            )
            .with_hint(format!("move it to `content/{}/{}`", parts[0], file_name)));
        }
    };
    let stem = &file_name[..file_name.len() - 3];
    let (name, lang) = match stem.rsplit_once('.') {
        Some((name, suffix)) if languages.iter().any(|l| l == suffix) => {
            (name.to_string(), suffix.to_string())
        }
        Some((_, suffix))
            if suffix.len() <= 3 && suffix.chars().all(|c| c.is_ascii_lowercase()) =>
        {
            return Err(Diagnostic::error(
                "language",
                display,
                format!("the language suffix `.{suffix}` is not one of the site's languages"),
            )
            .with_hint(rename_hint(stem, suffix, languages, default_language)));
        }
        _ => (stem.to_string(), default_language.to_string()),
    };
    let bytes = std::fs::read(path).map_err(|err| {
        Diagnostic::error(
            "io",
            display.clone(),
            format!("cannot read the file: {err}"),
        )
        .with_hint("check that the file exists and is readable")
    })?;
    let text = decode_utf8(&display, bytes)?;
    Ok(Some(Entry::Document(Document {
        path: DocumentPath {
            section,
            name,
            lang,
        },
        file: SourceFile::new(display, text),
    })))
}

/// What a non-regular, non-folder entry is, for messages.
fn special_kind(file_type: &std::fs::FileType) -> &'static str {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if file_type.is_fifo() {
            return "a named pipe";
        }
        if file_type.is_socket() {
            return "a socket";
        }
        if file_type.is_block_device() || file_type.is_char_device() {
            return "a device";
        }
    }
    let _ = file_type;
    "this entry"
}

/// The names a file with an unknown language suffix can take, nearest first, each written
/// out: "rename the file to one of: `x.en.md` (en), `x.md` (id)".
fn rename_hint(stem: &str, suffix: &str, languages: &[String], default_language: &str) -> String {
    let name = stem.rsplit_once('.').map_or(stem, |p| p.0);
    let mut langs: Vec<&str> = languages.iter().map(String::as_str).collect();
    if let Some(near) = crate::diag::did_you_mean(suffix, langs.iter().copied()) {
        langs.retain(|l| *l != near);
        langs.insert(0, near);
    }
    let names: Vec<String> = langs
        .iter()
        .map(|l| {
            if *l == default_language {
                format!("`{name}.md` ({l})")
            } else {
                format!("`{name}.{l}.md` ({l})")
            }
        })
        .collect();
    let choices = names.join(", ");
    format!("rename the file to one of: {choices} (the site's languages are set in site.yaml)")
}

/// UTF-8 text, without a byte-order mark; invalid bytes and NUL bytes (a binary file named
/// `.md`) are an error at their position.
pub fn decode_utf8(display: &str, mut bytes: Vec<u8>) -> Result<String, Diagnostic> {
    if bytes.starts_with(&[0xEF, 0xBB, 0xBF]) {
        bytes.drain(..3);
    }
    if let Some(nul) = bytes.iter().position(|&b| b == 0) {
        let before = &bytes[..nul];
        let line = before.iter().filter(|&&b| b == b'\n').count() + 1;
        let line_start = before
            .iter()
            .rposition(|&b| b == b'\n')
            .map_or(0, |i| i + 1);
        let column = String::from_utf8_lossy(&before[line_start..])
            .chars()
            .count()
            + 1;
        return Err(Diagnostic::error(
            "binary",
            display,
            "the file contains NUL bytes: it is not a text file",
        )
        .at(Some(Position {
            line,
            column,
            width: 1,
            source_line: String::new(),
        }))
        .with_hint("only Markdown text belongs in a `.md` file; was a picture or document saved with the wrong name?"));
    }
    match String::from_utf8(bytes) {
        Ok(text) => Ok(text),
        Err(err) => {
            let bytes = err.as_bytes();
            let bad = err.utf8_error().valid_up_to();
            let valid = String::from_utf8_lossy(&bytes[..bad]);
            let line = valid.matches('\n').count() + 1;
            let line_start = valid.rfind('\n').map_or(0, |i| i + 1);
            let column = valid[line_start..].chars().count() + 1;
            let line_end = bytes[bad..]
                .iter()
                .position(|&b| b == b'\n')
                .map_or(bytes.len(), |i| bad + i);
            let source_line = String::from_utf8_lossy(&bytes[line_start..line_end])
                .trim_end_matches('\r')
                .to_string();
            Err(Diagnostic::error(
                "utf8",
                display,
                format!("the file is not valid UTF-8 (byte 0x{:02X})", bytes[bad]),
            )
            .at(Some(Position {
                line,
                column,
                width: 1,
                source_line,
            }))
            .with_hint("save the file as UTF-8 in your editor (it may have been saved as Windows-1252 or Latin-1)"))
        }
    }
}

/// A path relative to the site root with `/` separators, for messages.
pub fn display_path(root: &Path, path: &Path) -> String {
    path.strip_prefix(root)
        .unwrap_or(path)
        .to_string_lossy()
        .replace('\\', "/")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_count_lines_from_one_and_columns_in_chars() {
        let f = SourceFile::new("x.md", "---\ntitle: Ké\ndate: x\n".into());
        let off = f.text.find("date").unwrap_or(0);
        let p = f.position(off + 6, 1);
        assert_eq!((p.line, p.column), (3, 7));
        assert_eq!(p.source_line, "date: x");
        let p = f.position(f.text.find(": Ké").unwrap_or(0) + 2, 3);
        assert_eq!((p.line, p.column, p.width), (2, 8, 2));
    }

    #[test]
    fn invalid_utf8_names_line_and_column() {
        let bytes = b"---\ntitle: caf\xe9\n---\n".to_vec();
        let d = decode_utf8("x.md", bytes).err();
        let pos = d.and_then(|d| d.position);
        assert_eq!(pos.map(|p| (p.line, p.column)), Some((2, 11)));
    }

    #[test]
    fn byte_order_mark_is_dropped() {
        let text = decode_utf8("x.md", b"\xEF\xBB\xBF---".to_vec()).ok();
        assert_eq!(text.as_deref(), Some("---"));
    }
}
