//! Helpers: copy a fixture to a temporary folder, run the binary, read the output tree.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Output;

/// The date the fixture builds run on, so drafts, future pages and alerts are stable.
pub const TODAY: &str = "2025-06-01";

pub fn fixture(path: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(path)
}

/// A copy of a fixture site in a fresh temporary folder.
pub fn copy_fixture(path: &str) -> tempfile::TempDir {
    let tmp = tempfile::tempdir().expect("temporary folder");
    copy_dir(&fixture(path), tmp.path());
    tmp
}

pub fn copy_dir(from: &Path, to: &Path) {
    for entry in walkdir::WalkDir::new(from) {
        let entry = entry.expect("readable fixture");
        let rel = entry.path().strip_prefix(from).expect("inside fixture");
        let target = to.join(rel);
        if entry.file_type().is_dir() {
            std::fs::create_dir_all(&target).expect("create folder");
        } else {
            std::fs::copy(entry.path(), &target).expect("copy file");
        }
    }
}

/// Runs `warta` with `args` (and the pinned date).
pub fn warta(args: &[&str]) -> Output {
    warta_on(TODAY, args)
}

/// Runs `warta` as if today were `today`.
pub fn warta_on(today: &str, args: &[&str]) -> Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_warta"))
        .args(args)
        .env("WARTA_TODAY", today)
        .env("WARTA_LANG", "en")
        .env("NO_COLOR", "1")
        .output()
        .expect("run warta")
}

pub fn build(root: &Path) -> Output {
    warta(&["build", "--root", root.to_str().expect("utf-8 path")])
}

pub fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// Every file below `dir` with its bytes, by `/`-separated relative path.
pub fn tree(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    let mut files = BTreeMap::new();
    if !dir.exists() {
        return files;
    }
    for entry in walkdir::WalkDir::new(dir) {
        let entry = entry.expect("readable output");
        if entry.file_type().is_file() {
            let rel = entry
                .path()
                .strip_prefix(dir)
                .expect("inside output")
                .to_string_lossy()
                .replace('\\', "/");
            files.insert(rel, std::fs::read(entry.path()).expect("read output"));
        }
    }
    files
}

pub fn read(dir: &Path, rel: &str) -> String {
    std::fs::read_to_string(dir.join(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"))
}

/// The `<main>…</main>` element of a page, for snapshots.
pub fn main_of(html: &str) -> String {
    let start = html.find("<main").expect("page has <main>");
    let end = html.rfind("</main>").expect("page closes </main>") + "</main>".len();
    html[start..end].to_string()
}

/// Every `href="…"` and `src="…"` value in an HTML text.
pub fn links(html: &str) -> Vec<String> {
    let mut out = Vec::new();
    for attr in ["href=\"", "src=\""] {
        let mut rest = html;
        while let Some(i) = rest.find(attr) {
            rest = &rest[i + attr.len()..];
            if let Some(end) = rest.find('"') {
                out.push(rest[..end].to_string());
                rest = &rest[end..];
            }
        }
    }
    out
}

/// The text of an HTML fragment, tags left out, a no-break space read as a space.
pub(crate) fn text_of(html: &str) -> String {
    let mut out = String::new();
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' => in_tag = false,
            '\u{a0}' if !in_tag => out.push(' '),
            c if !in_tag => out.push(c),
            _ => {}
        }
    }
    out
}
