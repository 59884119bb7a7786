//! Source files: walking `content/`, reading files as UTF-8, and turning byte offsets into
//! `line:column` positions for diagnostics.
//!
//! This stage owns the mapping from the file system to [`SourceTree`]: which files are
//! Markdown documents (and in which language), which are section indexes, and which are other
//! files (published later only when a page links them). A file that looks like a page but is
//! not named `.md` (`x.MD`, `x.markdown`, Notepad's `x.md.txt`, any text starting with a front
//! matter block) is an error here, so that no page source is ever published as it is. It also
//! lists the site's top-level `static/` folder, published at the output root as it is. It reads,
//! it never interprets front matter.

use std::path::{Path, PathBuf};

use crate::diag::Code;
use crate::diag::{Diagnostic, Diagnostics, Position};
use crate::i18n::Message;
use crate::msg;

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

/// Every regular file below `root/folder`, sorted by path; symbolic links and special files
/// are left out with a warning, unreadable folders are errors. Editor and system droppings
/// (see [`is_dropping`]) and `.git` folders are skipped.
fn walk_files(root: &Path, folder: &str, diags: &mut Diagnostics) -> Vec<PathBuf> {
    let mut paths = Vec::new();
    let walker = walkdir::WalkDir::new(root.join(folder))
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| {
            let name = e.file_name().to_string_lossy();
            !(is_dropping(&name) || (e.file_type().is_dir() && name == ".git"))
        });
    for entry in walker {
        match entry {
            Ok(e) if e.file_type().is_file() => paths.push(e.into_path()),
            Ok(e) if e.path_is_symlink() => diags.push(
                Diagnostic::warning(
                    Code::Symlink,
                    display_path(root, e.path()),
                    msg!("source-symlink"),
                )
                .with_hint(msg!("source-symlink-hint", folder)),
            ),
            // A named pipe, socket or device: reading it could block the build for ever.
            Ok(e) if !e.file_type().is_dir() => diags.push(
                Diagnostic::warning(
                    Code::SpecialFile,
                    display_path(root, e.path()),
                    msg!("source-special-file").arg_message("kind", special_kind(&e.file_type())),
                )
                .with_hint(msg!("source-special-file-hint", folder)),
            ),
            Ok(_) => {}
            Err(err) => {
                let shown = err
                    .path()
                    .map(|p| display_path(root, p))
                    .unwrap_or_else(|| format!("{folder}/"));
                let why = err
                    .io_error()
                    .map_or_else(|| err.to_string(), ToString::to_string);
                diags.push(
                    Diagnostic::error(Code::Io, shown, msg!("source-cannot-read-folder", why))
                        .with_hint(msg!("source-cannot-read-folder-hint")),
                );
            }
        }
    }
    paths
}

/// Files that editors, file managers and operating systems leave beside real ones, never
/// part of a site: `.DS_Store`, `._foto.jpg` (macOS), `Thumbs.db`, `desktop.ini` (Windows),
/// `~$catatan.docx` (an open Office document), backups (`x.md~`) and swap and lock files
/// (`.x.md.swp`, `.#x.md`, `#x.md#`). Other hidden files (`.well-known/`) are not droppings.
pub fn is_dropping(name: &str) -> bool {
    const NAMES: &[&str] = &[
        ".DS_Store",
        "Thumbs.db",
        "ehthumbs.db",
        "desktop.ini",
        "4913",
    ];
    NAMES.iter().any(|n| name.eq_ignore_ascii_case(n))
        || name.starts_with("._")
        || name.starts_with(".#")
        || name.starts_with("~$")
        || (name.starts_with('#') && name.ends_with('#') && name.len() > 1)
        || name.ends_with('~')
        || [".swp", ".swo", ".swx"]
            .iter()
            .any(|ext| name.ends_with(ext))
}

/// A file of the site's `static/` folder, published at the output root as it is.
pub type StaticFile = Asset;

/// Lists the site's top-level `static/` folder (none: nothing). `rel` is the path below
/// `static/`, which is also the file's path in the output.
pub fn read_static(root: &Path) -> (Vec<StaticFile>, Diagnostics) {
    let mut diags = Diagnostics::new();
    let folder = root.join(STATIC_DIR);
    if !folder.is_dir() {
        return (Vec::new(), diags);
    }
    let mut files = Vec::new();
    for path in walk_files(root, STATIC_DIR, &mut diags) {
        let rel = path
            .strip_prefix(&folder)
            .map(|p| p.to_string_lossy().replace('\\', "/"))
            .unwrap_or_default();
        if let Err(err) = std::fs::File::open(&path) {
            diags.push(
                Diagnostic::error(
                    Code::Io,
                    display_path(root, &path),
                    msg!("source-cannot-read-file", why = err.to_string()),
                )
                .with_hint(msg!("source-file-permissions-hint")),
            );
            continue;
        }
        files.push(Asset { source: path, rel });
    }
    (files, diags)
}

/// The folder beside `site.yaml` whose files are published at the output root as they are.
pub const STATIC_DIR: &str = "static";

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
            Diagnostic::error(Code::Content, "content/", msg!("source-no-content-folder"))
                .with_hint(msg!("source-no-content-folder-hint")),
        );
        return (tree, diags);
    }
    let paths = walk_files(root, "content", &mut diags);

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
    // Hidden files (editor and OS droppings among them) are never content.
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
        let mut file = match std::fs::File::open(path) {
            Ok(f) => f,
            Err(err) => {
                let why = err.to_string();
                let d = Diagnostic::error(Code::Io, display, msg!("source-cannot-read-file", why))
                    .with_hint(msg!("source-file-permissions-hint"));
                return Ok(Some(Entry::UnreadableAsset(asset, d)));
            }
        };
        let front_matter = || starts_with_front_matter(&mut file);
        if let Some(name) = page_name(&file_name, languages, front_matter) {
            return Err(misnamed_page(path, &display, &name));
        }
        return Ok(Some(Entry::Asset(asset)));
    }
    let parts: Vec<&str> = rel.split('/').collect();
    let section =
        match parts.len() {
            1 => None,
            2 => Some(parts[0].to_string()),
            _ => {
                return Err(
                    Diagnostic::error(Code::Layout, display, msg!("source-too-deep")).with_hint(
                        msg!("source-too-deep-hint", section = parts[0], file = file_name),
                    ),
                );
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
                Code::Language,
                display,
                msg!("source-unknown-language", suffix),
            )
            .with_hint(rename_hint(stem, suffix, languages, default_language)));
        }
        _ => (stem.to_string(), default_language.to_string()),
    };
    let bytes = std::fs::read(path).map_err(|err| {
        let why = err.to_string();
        Diagnostic::error(
            Code::Io,
            display.clone(),
            msg!("source-cannot-read-file", why),
        )
        .with_hint(msg!("source-file-readable-hint"))
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

/// Extensions of Markdown files that are not `.md` (compared in lower case).
const MARKDOWN_EXTENSIONS: &[&str] = &["md", "markdown", "mdown", "mdwn", "mkd", "mkdn"];

/// The name a file that looks like a page should have (`x.md`, `x.en.md`), or `None` when it
/// does not look like a page. It looks like one when its extension is a Markdown one in
/// another spelling (`x.MD`, `x.Md`, `x.markdown`, `x.mdown`), when it is a Markdown file
/// with `.txt` added (`x.md.txt`, as Notepad saves it), or when its text starts with a front
/// matter block (`x.txt`, `x.html`, `x.md.bak`, a name without extension). `front_matter` is
/// only asked for when the name does not decide.
fn page_name(
    file_name: &str,
    languages: &[String],
    front_matter: impl FnOnce() -> bool,
) -> Option<String> {
    // `x.md ` (a space typed after the name) is `x.md` too.
    let file_name = file_name.trim();
    let strip = |name: &str, ext: &str| -> Option<usize> {
        let (stem, last) = name.rsplit_once('.')?;
        (!stem.is_empty() && last.eq_ignore_ascii_case(ext)).then_some(stem.len())
    };
    let markdown_stem = |name: &str| -> Option<usize> {
        MARKDOWN_EXTENSIONS.iter().find_map(|ext| strip(name, ext))
    };
    let without_txt = strip(file_name, "txt").map_or(file_name, |n| &file_name[..n]);
    if let Some(n) = markdown_stem(without_txt) {
        return Some(format!("{}.md", &without_txt[..n]));
    }
    if !front_matter() {
        return None;
    }
    // The last extension goes (unless it is a language: `x.en` means `x.en.md`), then a
    // Markdown one under it (`x.md.bak` → `x.md`).
    let stem = match file_name.rsplit_once('.') {
        Some((stem, ext))
            if !stem.is_empty()
                && (1..=8).contains(&ext.len())
                && ext.chars().all(|c| c.is_ascii_alphanumeric())
                && !languages.iter().any(|l| l == ext) =>
        {
            stem
        }
        _ => file_name,
    };
    let stem = markdown_stem(stem).map_or(stem, |n| &stem[..n]);
    Some(format!("{stem}.md"))
}

/// Whether a file's text starts with a front matter block: a `---` line, then a closing
/// `---` line within the first 64 KiB. Only files starting with `---` are read further.
fn starts_with_front_matter(file: &mut std::fs::File) -> bool {
    use std::io::Read;
    let mut head = [0u8; 8];
    let mut got = 0;
    while got < head.len() {
        match file.read(&mut head[got..]) {
            Ok(0) | Err(_) => break,
            Ok(n) => got += n,
        }
    }
    let head = &head[..got];
    let head = head.strip_prefix(&[0xEF, 0xBB, 0xBF][..]).unwrap_or(head);
    if !(head.starts_with(b"---\n") || head.starts_with(b"---\r\n")) {
        return false;
    }
    let mut rest = Vec::new();
    if file.take(64 * 1024).read_to_end(&mut rest).is_err() {
        return false;
    }
    let text = String::from_utf8_lossy(&rest);
    text.lines().skip(1).any(|line| line.trim_end() == "---")
}

/// The error for a page source that is not named `.md`, with the rename that makes it a page.
fn misnamed_page(path: &Path, display: &str, name: &str) -> Diagnostic {
    let folder = display.rsplit_once('/').map_or("", |(dir, _)| dir);
    let target = if folder.is_empty() {
        name.to_string()
    } else {
        format!("{folder}/{name}")
    };
    // Listed by its exact name: on Windows and macOS `x.md` "exists" as `x.MD` itself.
    let exists = path
        .parent()
        .and_then(|dir| std::fs::read_dir(dir).ok())
        .is_some_and(|entries| {
            entries
                .flatten()
                .any(|e| e.file_name().to_string_lossy() == name)
        });
    let hint = if exists {
        msg!("source-page-name-exists-hint", target)
    } else {
        msg!("source-page-name-hint", target)
    };
    Diagnostic::error(Code::PageName, display, msg!("source-page-name")).with_hint(hint)
}

/// What a non-regular, non-folder entry is, for messages.
fn special_kind(file_type: &std::fs::FileType) -> Message {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if file_type.is_fifo() {
            return msg!("source-kind-pipe");
        }
        if file_type.is_socket() {
            return msg!("source-kind-socket");
        }
        if file_type.is_block_device() || file_type.is_char_device() {
            return msg!("source-kind-device");
        }
    }
    let _ = file_type;
    msg!("source-kind-other")
}

/// The names a file with an unknown language suffix can take, nearest first, each written
/// out: "rename the file to one of: `x.en.md` (en), `x.md` (id)".
fn rename_hint(stem: &str, suffix: &str, languages: &[String], default_language: &str) -> Message {
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
    msg!("source-unknown-language-hint", choices)
}

/// `dir` joined with a relative `path` (both `content/`-relative, `/`-separated), with `.`
/// and `..` resolved; `None` when it would leave `content/`.
pub fn join_rel(dir: &str, path: &str) -> Option<String> {
    let mut parts: Vec<&str> = dir.split('/').filter(|p| !p.is_empty()).collect();
    for seg in path.split('/') {
        match seg {
            "" | "." => {}
            ".." => {
                parts.pop()?;
            }
            s => parts.push(s),
        }
    }
    Some(parts.join("/"))
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
        return Err(
            Diagnostic::error(Code::Binary, display, msg!("source-binary"))
                .at(Some(Position {
                    line,
                    column,
                    width: 1,
                    source_line: String::new(),
                }))
                .with_hint(msg!("source-binary-hint")),
        );
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
                Code::Utf8,
                display,
                msg!("source-not-utf8", byte = format!("{:02X}", bytes[bad])),
            )
            .at(Some(Position {
                line,
                column,
                width: 1,
                source_line,
            }))
            .with_hint(msg!("source-not-utf8-hint")))
        }
    }
}

/// `%XX` escapes decoded (`Foto%20Kunjungan.jpg` → `Foto Kunjungan.jpg`); `None` when there is
/// nothing to decode, or the escapes are not valid UTF-8 (then the text is taken as written).
pub fn percent_decode(text: &str) -> Option<String> {
    if !text.contains('%') {
        return None;
    }
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = |b: u8| (b as char).to_digit(16);
        match (bytes[i], bytes.get(i + 1), bytes.get(i + 2)) {
            (b'%', Some(&h), Some(&l)) if hex(h).is_some() && hex(l).is_some() => {
                let value = hex(h).unwrap_or(0) * 16 + hex(l).unwrap_or(0);
                out.push(u8::try_from(value).unwrap_or(b'%'));
                i += 3;
            }
            (b, _, _) => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8(out)
        .ok()
        .filter(|t| t != text && !t.contains('\0'))
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
    fn page_sources_not_named_md_get_their_rename() {
        let langs = ["id".to_string(), "en".to_string()];
        let name = |file: &str, front_matter: bool| page_name(file, &langs, || front_matter);
        for (file, renamed) in [
            ("x.MD", "x.md"),
            ("x.Md", "x.md"),
            ("x.en.MD", "x.en.md"),
            ("x.markdown", "x.md"),
            ("x.mdown", "x.md"),
            ("x.md.txt", "x.md"),
            ("x.en.md.TXT", "x.en.md"),
            ("2024-11-22 Kunjungan.Markdown", "2024-11-22 Kunjungan.md"),
            ("x.md ", "x.md"),
        ] {
            assert_eq!(name(file, false).as_deref(), Some(renamed), "{file}");
        }
        for (file, renamed) in [
            ("x.txt", "x.md"),
            ("x.en.txt", "x.en.md"),
            ("x.html", "x.md"),
            ("x.md.bak", "x.md"),
            ("x", "x.md"),
            ("x.en", "x.en.md"),
        ] {
            assert_eq!(name(file, true).as_deref(), Some(renamed), "{file}");
            assert_eq!(name(file, false), None, "{file} without front matter");
        }
        assert_eq!(name("foto.jpg", false), None);
        assert_eq!(name(".md", false), None);
    }

    #[test]
    fn front_matter_is_found_only_at_the_very_top() {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let cases: [(&[u8], bool); 6] = [
            (b"---\ntitle: X\n---\nteks\n", true),
            (b"\xEF\xBB\xBF---\r\ntitle: X\r\n---\r\n", true),
            (b"---\ntitle: X\n", false),
            (b"title: X\n---\n", false),
            (b"-----\nx\n---\n", false),
            (b"\xFF\xD8\xFF\xE0 JFIF", false),
        ];
        for (i, (bytes, expected)) in cases.iter().enumerate() {
            let path = dir.path().join(format!("f{i}"));
            std::fs::write(&path, bytes).unwrap_or_else(|e| panic!("{e}"));
            let mut file = std::fs::File::open(&path).unwrap_or_else(|e| panic!("{e}"));
            assert_eq!(starts_with_front_matter(&mut file), *expected, "case {i}");
        }
    }

    #[test]
    fn droppings_are_recognised_and_hidden_site_files_are_not() {
        for name in [
            ".DS_Store",
            "._foto.jpg",
            "Thumbs.db",
            "desktop.ini",
            "~$catatan.docx",
            "x.md~",
            ".x.md.swp",
            ".#x.md",
            "#x.md#",
        ] {
            assert!(is_dropping(name), "{name}");
        }
        for name in [
            ".well-known",
            ".nojekyll",
            "security.txt",
            "#",
            "favicon.ico",
        ] {
            assert!(!is_dropping(name), "{name}");
        }
    }

    #[test]
    fn percent_escapes_are_decoded() {
        assert_eq!(
            percent_decode("Foto%20Kunjungan.jpg").as_deref(),
            Some("Foto Kunjungan.jpg")
        );
        assert_eq!(percent_decode("T%C3%BCrkiye").as_deref(), Some("Türkiye"));
        assert_eq!(percent_decode("100%"), None);
        assert_eq!(percent_decode("a%2"), None);
        assert_eq!(percent_decode("plain"), None);
        assert_eq!(percent_decode("%FF"), None);
    }

    #[test]
    fn byte_order_mark_is_dropped() {
        let text = decode_utf8("x.md", b"\xEF\xBB\xBF---".to_vec()).ok();
        assert_eq!(text.as_deref(), Some("---"));
    }
}
