//! The manifest of a built site (`.warta-manifest.json`: every file with its size and xxh3-128
//! hash), which `warta diff` (see `diff`) compares with a built folder so that CI uploads only
//! what changed and purges only those URLs from a CDN's cache.
//!
//! It also records where every page came from (its content file, translation key and title),
//! so that a later build given the live site's manifest (`--published`) can tell which page
//! took over an address that would otherwise stop working (see `published_urls`).
//!
//! The manifest does not list itself, and nothing links to it: it is for deploy scripts.

use std::collections::BTreeMap;
use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::diag::Code;
use crate::diag::Diagnostic;
use crate::msg;

/// The manifest's name, at the root of the output folder.
pub const FILE_NAME: &str = ".warta-manifest.json";
/// The format of the manifest; a later format gets a new number. Version 2 added `pages`;
/// version 1 manifests (without it) are still read.
const VERSION: u32 = 2;
/// The versions this warta reads.
const READABLE: &[u32] = &[1, 2];

/// Every file of a built site.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Manifest {
    pub version: u32,
    /// The site's base path (`""` or `"/kp2mi"`): the URL of `a/index.html` is
    /// `{base_path}/a/index.html`.
    pub base_path: String,
    /// Path relative to the output folder (`/`-separated) → size and hash.
    pub files: BTreeMap<String, Entry>,
    /// The HTML file of every page and of every alias of a page, by path relative to the
    /// output folder (`berita/x/index.html`) → the page it shows. Empty in version 1.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub pages: BTreeMap<String, PageRecord>,
}

/// Where a page of a built site came from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PageRecord {
    /// The content file, from the site root: `content/berita/2024-11-22-x.md`.
    pub source: String,
    /// The key its translations share: `berita/2024-11-22-x.md`.
    pub key: String,
    pub lang: String,
    pub title: String,
    /// The file is a redirect page for one of the page's `aliases`, not the page itself.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub alias: bool,
}

/// One file of the manifest.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Entry {
    pub size: u64,
    /// xxh3-128 of the bytes, 32 hex digits.
    pub hash: String,
}

impl Entry {
    pub fn of(bytes: &[u8]) -> Entry {
        Entry {
            size: bytes.len() as u64,
            hash: format!("{:032x}", xxhash_rust::xxh3::xxh3_128(bytes)),
        }
    }
}

impl Manifest {
    pub fn new(base_path: &str, files: BTreeMap<String, Entry>) -> Manifest {
        Manifest {
            version: VERSION,
            base_path: base_path.to_string(),
            files,
            pages: BTreeMap::new(),
        }
    }

    /// The manifest with the record of every page.
    pub fn with_pages(mut self, pages: BTreeMap<String, PageRecord>) -> Manifest {
        self.pages = pages;
        self
    }

    /// The manifest as written: pretty JSON, sorted by path, ending in a newline.
    pub fn to_json(&self) -> String {
        let mut text = serde_json::to_string_pretty(self).unwrap_or_else(|_| "{}".into());
        text.push('\n');
        text
    }

    /// Reads a manifest file.
    pub fn load(path: &Path) -> Result<Manifest, Diagnostic> {
        let display = path.display().to_string();
        let text = std::fs::read_to_string(path).map_err(|e| {
            Diagnostic::error(
                Code::Manifest,
                &display,
                msg!("manifest-cannot-read", why = e.to_string()),
            )
            .with_hint(msg!("manifest-cannot-read-hint", file = FILE_NAME))
        })?;
        // The version first, so that a manifest of another format says so whatever it holds.
        #[derive(Deserialize)]
        struct Head {
            version: u32,
        }
        let not_a_manifest = |e: serde_json::Error| {
            Diagnostic::error(
                Code::Manifest,
                &display,
                msg!("manifest-damaged", why = e.to_string()),
            )
            .at(json_position(&text, &e))
            .with_hint(msg!("manifest-damaged-hint", file = FILE_NAME))
        };
        let head: Head = serde_json::from_str(&text).map_err(not_a_manifest)?;
        if !READABLE.contains(&head.version) {
            let version = head.version;
            return Err(Diagnostic::error(
                Code::Manifest,
                &display,
                msg!("manifest-version-unknown", version, newest = VERSION),
            )
            .with_hint(msg!("manifest-version-unknown-hint")));
        }
        let manifest: Manifest = serde_json::from_str(&text).map_err(not_a_manifest)?;
        Ok(manifest)
    }

    /// The manifest of the files in `dir` as they are now (its own manifest left out). The base
    /// path comes from the folder's manifest when it has one, else `base_path`.
    pub fn scan(dir: &Path, base_path: &str) -> Result<Manifest, Diagnostic> {
        let display = dir.display().to_string();
        if !dir.is_dir() {
            return Err(
                Diagnostic::error(Code::Manifest, &display, msg!("manifest-not-a-folder"))
                    .with_hint(msg!("manifest-not-a-folder-hint")),
            );
        }
        let base_path = Manifest::load(&dir.join(FILE_NAME))
            .map(|m| m.base_path)
            .unwrap_or_else(|_| base_path.to_string());
        let mut files = BTreeMap::new();
        for entry in walkdir::WalkDir::new(dir).sort_by_file_name() {
            let entry = entry.map_err(|e| {
                Diagnostic::error(
                    Code::Io,
                    &display,
                    msg!("manifest-cannot-read-folder", why = e.to_string()),
                )
            })?;
            if !entry.file_type().is_file() {
                continue;
            }
            let rel = entry
                .path()
                .strip_prefix(dir)
                .map(|p| p.to_string_lossy().replace('\\', "/"))
                .unwrap_or_default();
            if rel == FILE_NAME {
                continue;
            }
            let bytes = std::fs::read(entry.path()).map_err(|e| {
                Diagnostic::error(
                    Code::Io,
                    entry.path().display().to_string(),
                    msg!("manifest-cannot-read-file", why = e.to_string()),
                )
            })?;
            files.insert(rel, Entry::of(&bytes));
        }
        Ok(Manifest::new(&base_path, files))
    }
}

/// Where a JSON error is, for the snippet under the message.
fn json_position(text: &str, e: &serde_json::Error) -> Option<crate::diag::Position> {
    let line = e.line();
    // At the end of a file cut off after a newline, the line is empty.
    let source_line = text.lines().nth(line.checked_sub(1)?).unwrap_or("");
    Some(crate::diag::Position {
        line,
        column: e.column().max(1),
        width: 1,
        source_line: source_line.to_string(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn manifest_round_trips_through_json() {
        let m = Manifest::new("", [("a.html".to_string(), Entry::of(b"x"))].into());
        let back: Result<Manifest, _> = serde_json::from_str(&m.to_json());
        assert_eq!(back.ok(), Some(m));
    }
}
