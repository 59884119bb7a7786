//! Internal links against the rendered site: does every root-relative link reach a file of the
//! output, and every `#anchor` an `id` on the target page?
//!
//! Links written in Markdown are checked on every build ([`check_markdown_links`]), reported at
//! their line and column; `warta check` also scans every link of every HTML output, which
//! covers the links that templates write ([`check_output_links`]).

use std::collections::{HashMap, HashSet};

use rayon::prelude::*;

use crate::artifact::{OutputFile, url_to_path};
use crate::diag::Code;
use crate::diag::{Diagnostic, Diagnostics, did_you_mean};
use crate::i18n::Message;
use crate::markdown::LinkRef;
use crate::msg;

/// The files of a rendered site, with the `id`s of each HTML page.
pub struct SiteIndex<'a> {
    files: HashMap<&'a str, &'a [u8]>,
    assets: HashSet<String>,
    /// Paths the site has although their file is not here (its template failed).
    unrendered: HashSet<String>,
    ids: std::sync::Mutex<HashMap<String, HashSet<String>>>,
}

impl<'a> SiteIndex<'a> {
    pub fn new(files: &'a [OutputFile], asset_urls: impl IntoIterator<Item = String>) -> Self {
        Self::from_pairs(
            files.iter().map(|f| (f.path.as_str(), f.bytes.as_slice())),
            asset_urls,
        )
    }

    /// The same, from (path, bytes) pairs held some other way (the dev server's site).
    pub fn from_pairs(
        files: impl IntoIterator<Item = (&'a str, &'a [u8])>,
        asset_urls: impl IntoIterator<Item = String>,
    ) -> Self {
        SiteIndex {
            files: files.into_iter().collect(),
            assets: asset_urls
                .into_iter()
                .map(|u| u.trim_start_matches('/').to_string())
                .collect(),
            unrendered: HashSet::new(),
            ids: std::sync::Mutex::new(HashMap::new()),
        }
    }

    /// Adds paths the site has although their file failed to render: links to them resolve,
    /// and their anchors are not checked (the page's `id`s are unknown).
    pub fn with_unrendered(mut self, paths: impl IntoIterator<Item = String>) -> Self {
        let missing: Vec<String> = paths
            .into_iter()
            .filter(|p| !self.files.contains_key(p.as_str()))
            .collect();
        self.unrendered.extend(missing);
        self
    }

    fn exists(&self, path: &str) -> bool {
        self.files.contains_key(path)
            || self.assets.contains(path)
            || self.unrendered.contains(path)
    }

    /// The `id`s of the HTML file at `path` (cached).
    fn ids_of(&self, path: &str) -> HashSet<String> {
        if let Ok(cache) = self.ids.lock()
            && let Some(ids) = cache.get(path)
        {
            return ids.clone();
        }
        let ids = self
            .files
            .get(path)
            .map(|bytes| ids_in(&String::from_utf8_lossy(bytes)))
            .unwrap_or_default();
        if let Ok(mut cache) = self.ids.lock() {
            cache.insert(path.to_string(), ids.clone());
        }
        ids
    }

    /// Why `url` (root-relative, maybe with `#fragment`) does not resolve, if it does not:
    /// the message and the hint.
    pub fn problem(&self, url: &str) -> Option<(Message, Message)> {
        self.problem_near(url)
            .map(|(message, hint, _)| (message, hint))
    }

    /// [`SiteIndex::problem`], and the nearest existing anchor when the page has a close one.
    fn problem_near(&self, url: &str) -> Option<(Message, Message, Option<String>)> {
        let (path_part, fragment) = match url.split_once('#') {
            Some((p, f)) => (p, Some(f)),
            None => (url, None),
        };
        let path_part = path_part.split('?').next().unwrap_or(path_part);
        let mut path = url_to_path(path_part);
        // HTML carries a file name with spaces as `Foto%20Kunjungan.jpg`.
        if !self.exists(&path)
            && let Some(decoded) = crate::source::percent_decode(&path)
        {
            path = decoded;
        }
        if !self.exists(&path) {
            return Some((
                msg!("link-broken", path = path_part),
                msg!("link-broken-hint"),
                None,
            ));
        }
        let fragment = fragment.filter(|f| !f.is_empty())?;
        if !path.ends_with(".html") || self.unrendered.contains(&path) {
            return None;
        }
        let ids = self.ids_of(&path);
        if ids.contains(fragment) {
            return None;
        }
        let near = did_you_mean(fragment, ids.iter().map(String::as_str));
        let hint = match near {
            Some(near) => msg!("link-anchor-did-you-mean", near),
            None => msg!("link-anchor-hint"),
        };
        Some((
            msg!("link-anchor-broken", path = path_part, fragment),
            hint,
            near.map(str::to_string),
        ))
    }
}

/// Checks the links written in Markdown bodies: `(file, links)` per body.
pub fn check_markdown_links(index: &SiteIndex<'_>, bodies: &[(&str, &[LinkRef])]) -> Diagnostics {
    bodies
        .par_iter()
        .flat_map_iter(|(file, links)| {
            links.iter().filter_map(move |link| {
                let (message, mut hint, near) = index.problem_near(&link.url)?;
                // The link as written (`@/berita/b.md#langkh-2`), with the anchor replaced:
                // the whole destination is what the caret marks.
                if let Some(near) = near {
                    let pos = &link.position;
                    let written: String = pos
                        .source_line
                        .chars()
                        .skip(pos.column.saturating_sub(1))
                        .take(pos.width)
                        .collect();
                    let path = written.split('#').next().unwrap_or("");
                    hint = msg!("link-did-you-mean", link = format!("{path}#{near}"));
                }
                Some(
                    Diagnostic::error(Code::Link, *file, message)
                        .at(Some(link.position.clone()))
                        .with_hint(hint),
                )
            })
        })
        .collect()
}

/// Checks every root-relative `href`/`src` in every HTML output. `source_of` names the
/// content file behind an output path, when there is one; `skip` lists (output path, URL)
/// pairs already reported from Markdown.
pub fn check_output_links(
    index: &SiteIndex<'_>,
    files: &[OutputFile],
    source_of: &HashMap<String, String>,
    skip: &HashSet<(String, String)>,
) -> Diagnostics {
    files
        .par_iter()
        .filter(|f| f.path.ends_with(".html"))
        .flat_map_iter(|f| {
            let html = String::from_utf8_lossy(&f.bytes).into_owned();
            let page_url = format!("/{}", f.path.trim_end_matches("index.html"));
            let mut out = Vec::new();
            let mut seen = HashSet::new();
            for link in attribute_values(&html, &["href", "src"]) {
                let url = if link.starts_with('#') {
                    format!("{page_url}{link}")
                } else if link.starts_with('/') && !link.starts_with("//") {
                    link
                } else {
                    continue;
                };
                if !seen.insert(url.clone()) || skip.contains(&(f.path.clone(), url.clone())) {
                    continue;
                }
                if let Some((message, hint)) = index.problem(&url) {
                    let file = source_of
                        .get(&f.path)
                        .cloned()
                        .unwrap_or_else(|| format!("public/{}", f.path));
                    out.push(
                        Diagnostic::error(
                            Code::Link,
                            file,
                            msg!("link-in-template", page = &page_url)
                                .arg_message("problem", message),
                        )
                        .with_hint(msg!("link-in-template-hint").arg_message("hint", hint)),
                    );
                }
            }
            out
        })
        .collect()
}

/// Every `id="…"` in an HTML text.
fn ids_in(html: &str) -> HashSet<String> {
    attribute_values(html, &["id"]).into_iter().collect()
}

/// The values of the given attributes (double-quoted, as warta and its themes write them),
/// with `&amp;` decoded.
fn attribute_values(html: &str, names: &[&str]) -> Vec<String> {
    let mut out = Vec::new();
    for name in names {
        let needle = format!(" {name}=\"");
        let mut rest = html;
        while let Some(i) = rest.find(&needle) {
            rest = &rest[i + needle.len()..];
            if let Some(end) = rest.find('"') {
                out.push(rest[..end].replace("&amp;", "&"));
                rest = &rest[end..];
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn file(path: &str, html: &str) -> OutputFile {
        OutputFile {
            path: path.into(),
            bytes: html.as_bytes().to_vec(),
        }
    }

    #[test]
    fn anchors_and_targets_are_checked() {
        let files = vec![
            file("index.html", r#"<a href="/x/#langkah-2">a</a>"#),
            file(
                "x/index.html",
                r#"<h2 id="langkah-1">1</h2><h2 id="langkah-2">2</h2>"#,
            ),
        ];
        let index = SiteIndex::new(&files, ["/foto.jpg".to_string()]);
        assert!(index.problem("/x/#langkah-2").is_none());
        assert!(index.problem("/x/").is_none());
        assert!(index.problem("/foto.jpg").is_none());
        let Some((msg, hint)) = index.problem("/x/#langkah-3") else {
            panic!("a missing anchor is a problem");
        };
        assert_eq!(msg, "broken anchor: /x/ has no `#langkah-3`");
        assert!(hint.contains("did you mean"), "{hint}");
        assert!(index.problem("/y/").is_some());
    }

    #[test]
    fn unrendered_pages_resolve_without_anchor_checks() {
        let files = vec![file("x/index.html", r#"<h2 id="a">a</h2>"#)];
        let index = SiteIndex::new(&files, [])
            .with_unrendered(["x/index.html", "y/index.html"].map(String::from));
        assert!(index.problem("/y/").is_none());
        assert!(index.problem("/y/#anything").is_none());
        assert!(
            index.problem("/x/#b").is_some(),
            "rendered pages keep their anchor checks"
        );
        assert!(index.problem("/z/").is_some());
    }
}
