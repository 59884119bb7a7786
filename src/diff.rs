//! `warta diff`: what changed between the manifest of the live site and a newly built folder —
//! the files to upload and the URLs to purge from a CDN's cache — listed in the editor's
//! language or as JSON.

use std::path::Path;

use serde::Serialize;

use crate::diag::Diagnostics;
use crate::i18n::Lang;
use crate::manifest::Manifest;
use crate::msg;

/// Reads the old manifest and scans the new folder (under the old manifest's base path), then
/// compares them; every manifest or folder that cannot be read is a diagnostic.
pub fn compare(old_manifest: &Path, new_dir: &Path) -> Result<Diff, Diagnostics> {
    let old = Manifest::load(old_manifest);
    let new = Manifest::scan(new_dir, old.as_ref().map_or("", |m| m.base_path.as_str()));
    match (old, new) {
        (Ok(old), Ok(new)) => Ok(diff(&old, &new)),
        (old, new) => Err([old.err(), new.err()].into_iter().flatten().collect()),
    }
}

/// What changed between two builds, paths relative to the output folder, sorted.
#[derive(Debug, Default, Clone, PartialEq, Eq, Serialize)]
pub struct Diff {
    pub added: Vec<String>,
    pub changed: Vec<String>,
    pub removed: Vec<String>,
    /// URLs to purge from a CDN cache: those of changed and removed files (a page's
    /// `index.html` also as its folder URL), without the precompressed siblings, which a CDN
    /// caches under the URL of the original.
    pub purge: Vec<String>,
}

impl Diff {
    pub fn is_empty(&self) -> bool {
        self.added.is_empty() && self.changed.is_empty() && self.removed.is_empty()
    }

    /// One line per file (`added    berita/x/index.html`), then a count, in `lang`; the paths
    /// start in one column whatever the words.
    pub fn render(&self, lang: Lang) -> String {
        let kinds = [
            (msg!("manifest-diff-added").render(lang), &self.added),
            (msg!("manifest-diff-changed").render(lang), &self.changed),
            (msg!("manifest-diff-removed").render(lang), &self.removed),
        ];
        let width = kinds
            .iter()
            .map(|(what, _)| what.chars().count())
            .max()
            .unwrap_or(0)
            + 1;
        let mut out = String::new();
        for (what, paths) in &kinds {
            for path in *paths {
                out.push_str(&format!("{what:<width$} {path}\n"));
            }
        }
        let counts = msg!(
            "manifest-diff-counts",
            added = self.added.len(),
            changed = self.changed.len(),
            removed = self.removed.len()
        );
        out.push_str(&counts.render(lang));
        out.push('\n');
        out
    }

    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_else(|_| "{}".into())
    }
}

/// Compares the manifest of what was published with that of a new build.
pub fn diff(old: &Manifest, new: &Manifest) -> Diff {
    let mut d = Diff::default();
    for (path, entry) in &new.files {
        match old.files.get(path) {
            None => d.added.push(path.clone()),
            Some(e) if e != entry => d.changed.push(path.clone()),
            Some(_) => {}
        }
    }
    for path in old.files.keys() {
        if !new.files.contains_key(path) {
            d.removed.push(path.clone());
        }
    }
    let mut purge = Vec::new();
    for (path, base, files) in d
        .changed
        .iter()
        .map(|p| (p, &new.base_path, &new.files))
        .chain(d.removed.iter().map(|p| (p, &old.base_path, &old.files)))
    {
        // A compressed copy is purged with its original; a `.gz` of `static/` is a file.
        let original = path
            .strip_suffix(".gz")
            .or_else(|| path.strip_suffix(".br"));
        if original.is_some_and(|o| files.contains_key(o)) {
            continue;
        }
        let url = format!("{base}/{path}");
        if let Some(folder) = url.strip_suffix("index.html") {
            purge.push(folder.to_string());
        }
        purge.push(url);
    }
    purge.sort();
    purge.dedup();
    d.purge = purge;
    d
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::manifest::Entry;

    fn manifest(base: &str, files: &[(&str, &str)]) -> Manifest {
        Manifest::new(
            base,
            files
                .iter()
                .map(|(p, b)| (p.to_string(), Entry::of(b.as_bytes())))
                .collect(),
        )
    }

    #[test]
    fn diff_lists_added_changed_removed_and_urls_to_purge() {
        let old = manifest(
            "/kp2mi",
            &[
                ("index.html", "a"),
                ("index.html.gz", "a"),
                ("old/index.html", "b"),
                ("style.css", "c"),
            ],
        );
        let new = manifest(
            "/kp2mi",
            &[
                ("index.html", "A"),
                ("index.html.gz", "A"),
                ("new/index.html", "d"),
                ("style.css", "c"),
            ],
        );
        let d = diff(&old, &new);
        assert_eq!(d.added, ["new/index.html"]);
        assert_eq!(d.changed, ["index.html", "index.html.gz"]);
        assert_eq!(d.removed, ["old/index.html"]);
        assert_eq!(
            d.purge,
            [
                "/kp2mi/",
                "/kp2mi/index.html",
                "/kp2mi/old/",
                "/kp2mi/old/index.html"
            ]
        );
        assert!(diff(&new, &new).is_empty());
    }

    /// A `.gz` published from `static/` (no original beside it) is a file of its own.
    #[test]
    fn a_compressed_file_without_its_original_is_purged() {
        let old = manifest("", &[("data/arsip.csv.gz", "a")]);
        let new = manifest("", &[("data/arsip.csv.gz", "b")]);
        assert_eq!(diff(&old, &new).purge, ["/data/arsip.csv.gz"]);
    }

    /// The paths start in one column in either language, whatever the length of the words.
    #[test]
    fn diff_is_listed_in_the_editors_language() {
        let old = manifest("", &[("a.html", "a"), ("b.html", "b")]);
        let new = manifest("", &[("a.html", "A"), ("c.html", "c")]);
        let d = diff(&old, &new);
        assert_eq!(
            d.render(Lang::En),
            "added    c.html\nchanged  a.html\nremoved  b.html\n1 added, 1 changed, 1 removed\n"
        );
        assert_eq!(
            d.render(Lang::Id),
            "baru     c.html\nberubah  a.html\ndihapus  b.html\n1 baru, 1 berubah, 1 dihapus\n"
        );
    }
}
