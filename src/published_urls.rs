//! Published URLs never die: given the manifest of the live site (`--published FILE`), every
//! page address it lists that this build would no longer serve, and that no alias covers, is
//! an error on the page that most likely replaced it, with the `aliases:` line that keeps the
//! old address working (a redirect page, and a `301` in `_redirects`).
//!
//! Also writes what a later build needs for that: the record of every page in the manifest
//! ([`records`]). Only page addresses count: feeds, lists, tag pages, stylesheets and images
//! come and go with the content.

use std::collections::{BTreeMap, HashSet};

use crate::artifact::relative;
use crate::config::Config;
use crate::content::{ContentGraph, Page, normalize_alias};
use crate::diag::Diagnostic;
use crate::diag::{Code, Diagnostics};
use crate::manifest::{Manifest, PageRecord};
use crate::msg;

/// The record of every page and of every alias of a page, by its path in the output folder.
pub fn records(config: &Config, graph: &ContentGraph) -> BTreeMap<String, PageRecord> {
    let mut out = BTreeMap::new();
    for page in &graph.pages {
        let record = PageRecord {
            source: page.file().to_string(),
            key: page.key.clone(),
            lang: page.lang.clone(),
            title: page.fm.title.clone(),
            alias: false,
        };
        for alias in &page.fm.aliases {
            let path = output_path(&config.url(&normalize_alias(alias)), &config.base_path);
            out.entry(path).or_insert_with(|| PageRecord {
                alias: true,
                ..record.clone()
            });
        }
        out.insert(output_path(&page.url, &config.base_path), record);
    }
    out
}

/// Why a page was chosen as the one that replaced an address.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Reason {
    /// It comes from the file that was published there.
    SameFile,
    /// It is a translation of the page that was there (same translation key).
    SameTranslation,
    /// Its title or address is the nearest to what was there.
    Nearest,
}

/// An address of the live site that this build would no longer serve.
struct Lost<'a> {
    /// As an alias is written: `/berita/lama/`.
    address: String,
    record: Option<&'a PageRecord>,
    reason: Reason,
}

/// The errors for every page address of `live` that this build does not serve. `built` holds
/// the paths (in the output folder, `berita/x/index.html`) of what this build writes beside
/// its pages, when known (a run that failed before rendering has only the content).
pub fn check<'b>(
    live: &Manifest,
    config: &Config,
    graph: &ContentGraph,
    built: impl IntoIterator<Item = &'b str>,
) -> Diagnostics {
    let mut served: HashSet<String> = built
        .into_iter()
        .map(|p| relative(p, &config.base_path).to_string())
        .collect();
    served.extend(
        graph
            .pages
            .iter()
            .flat_map(|page| {
                std::iter::once(page.url.clone()).chain(
                    page.fm
                        .aliases
                        .iter()
                        .map(|a| config.url(&normalize_alias(a))),
                )
            })
            .map(|url| output_path(&url, &config.base_path)),
    );
    served.extend(
        graph
            .homes
            .values()
            .map(|h| output_path(&h.url, &config.base_path)),
    );
    served.extend(
        graph
            .sections
            .iter()
            .flat_map(|s| s.langs.values())
            .map(|sl| output_path(&sl.url, &config.base_path)),
    );

    // Every lost address, grouped by the page that takes it over (in graph order).
    let mut by_page: BTreeMap<usize, Vec<Lost<'_>>> = BTreeMap::new();
    let mut orphans = Vec::new();
    for (path, record) in page_paths(live, config) {
        if served.contains(path) {
            continue;
        }
        let address = alias_of(path);
        match successor(path, record, live, config, graph) {
            Some((id, reason)) => by_page.entry(id).or_default().push(Lost {
                address,
                record,
                reason,
            }),
            None => orphans.push(address),
        }
    }

    let mut diags = Diagnostics::new();
    for (id, lost) in &by_page {
        let page = &graph.pages[*id];
        // One line that keeps every address this page takes over, whichever hint is followed.
        let mut aliases = page.fm.aliases.clone();
        aliases.extend(lost.iter().map(|l| l.address.clone()));
        let line = aliases_line(&aliases);
        for l in lost {
            diags.push(lost_error(page, l, &line, &config.base_path));
        }
    }
    for old in orphans {
        let line = aliases_line(std::slice::from_ref(&old));
        diags.push(
            Diagnostic::error(
                Code::PublishedUrl,
                "",
                msg!("manifest-published-orphan", old),
            )
            .with_hint(msg!("manifest-published-orphan-hint", line)),
        );
    }
    diags
}

/// The error for one lost address, on the page that takes it over. Addresses are shown as
/// aliases are written: without the base path.
fn lost_error(page: &Page, lost: &Lost<'_>, line: &str, base_path: &str) -> Diagnostic {
    let old = &lost.address;
    let new = page.url.strip_prefix(base_path).unwrap_or(&page.url);
    let message = match (lost.reason, lost.record) {
        (Reason::SameFile, _) => msg!("manifest-published-moved", old, new),
        (Reason::SameTranslation, Some(r)) => {
            msg!("manifest-published-translation-gone", old, was = &r.source)
        }
        (_, Some(r)) => msg!(
            "manifest-published-closest",
            old,
            title = &r.title,
            was = &r.source
        ),
        (_, None) => msg!("manifest-published-closest-address", old, new),
    };
    let file = page.file();
    // The guessed page may be the wrong one; the page's own file cannot be.
    let hint = match (page.fm.aliases.is_empty(), lost.reason == Reason::SameFile) {
        (true, true) => msg!("manifest-published-add-hint", file, line),
        (true, false) => msg!("manifest-published-add-maybe-hint", file, line),
        (false, true) => msg!("manifest-published-replace-hint", file, line),
        (false, false) => msg!("manifest-published-replace-maybe-hint", file, line),
    };
    let position = ["aliases", "slug", "title"]
        .iter()
        .find_map(|key| page.key_position(key));
    Diagnostic::error(Code::PublishedUrl, file, message)
        .at(position)
        .with_hint(hint)
}

/// `aliases: ["/a/", "/b/"]`, quoted so that YAML reads every address as text.
fn aliases_line(aliases: &[String]) -> String {
    let quoted: Vec<String> = aliases
        .iter()
        .map(|a| format!("\"{}\"", a.replace('\\', "\\\\").replace('"', "\\\"")))
        .collect();
    format!("aliases: [{}]", quoted.join(", "))
}

/// The page addresses of the live site, with their records. A version 1 manifest has no
/// records: its pages are the `index.html` files other than homes, tag pages and the later
/// pages of lists.
fn page_paths<'m>(live: &'m Manifest, config: &Config) -> Vec<(&'m str, Option<&'m PageRecord>)> {
    if live.version >= 2 {
        return live
            .pages
            .iter()
            .map(|(p, r)| (p.as_str(), Some(r)))
            .collect();
    }
    live.files
        .keys()
        .map(String::as_str)
        .filter(|p| is_v1_page(p, &config.languages))
        .map(|p| (p, None))
        .collect()
}

fn is_v1_page(path: &str, languages: &[String]) -> bool {
    let Some(dir) = path.strip_suffix("index.html") else {
        return false;
    };
    if !(dir.is_empty() || dir.ends_with('/')) {
        return false;
    }
    let segments: Vec<&str> = dir.split('/').filter(|s| !s.is_empty()).collect();
    let first_is_lang = segments
        .first()
        .is_some_and(|s| languages.iter().any(|l| l == s));
    let rest = if first_is_lang {
        &segments[1..]
    } else {
        &segments[..]
    };
    let home = rest.is_empty();
    let tags = rest.first() == Some(&"tags");
    let later_list_page = rest.len() >= 2
        && rest[rest.len() - 2] == "page"
        && rest[rest.len() - 1].bytes().all(|b| b.is_ascii_digit());
    !(home || tags || later_list_page)
}

/// How alike two titles must be (normalized Levenshtein, lowercase) for a page of the same
/// language to count as the old one renamed: more than a translation of it, which is in the
/// other language. "Outreach in Banten" and "Outreach in Cilacap" are 0.63 alike.
const SAME_TITLE: f64 = 0.85;

/// The page that most likely replaced the one at `path`: from the same file; else one of the
/// same language with (nearly) the same title, the file renamed; else a translation of it;
/// else the nearest title or address in the same language.
fn successor(
    path: &str,
    record: Option<&PageRecord>,
    live: &Manifest,
    config: &Config,
    graph: &ContentGraph,
) -> Option<(usize, Reason)> {
    if let Some(r) = record {
        if let Some(id) = graph.pages.iter().position(|p| p.file() == r.source) {
            return Some((id, Reason::SameFile));
        }
        let title = r.title.to_lowercase();
        let renamed = graph
            .pages
            .iter()
            .enumerate()
            .filter(|(_, p)| p.lang == r.lang)
            .map(|(id, p)| {
                let alike = strsim::normalized_levenshtein(&title, &p.fm.title.to_lowercase());
                (alike, id)
            })
            .filter(|(alike, _)| *alike >= SAME_TITLE)
            .fold(None, |best: Option<(f64, usize)>, (alike, id)| {
                if best.is_none_or(|(b, _)| alike > b) {
                    Some((alike, id))
                } else {
                    best
                }
            });
        if let Some((_, id)) = renamed {
            return Some((id, Reason::Nearest));
        }
        let same_key = |p: &Page| p.key == r.key;
        if let Some(id) = graph
            .pages
            .iter()
            .position(|p| same_key(p) && p.lang == r.lang)
            .or_else(|| graph.pages.iter().position(same_key))
        {
            return Some((id, Reason::SameTranslation));
        }
    }
    let lang = record.map_or_else(|| language_of(path, config), |r| r.lang.clone());
    let dir = path.strip_suffix("index.html").unwrap_or(path);
    let old_slug = dir.trim_end_matches('/').rsplit('/').next().unwrap_or("");
    let old_parent = parent(dir);
    let title = record.map(|r| r.title.to_lowercase());
    let in_lang = graph.pages.iter().any(|p| p.lang == lang);
    let mut best: Option<(f64, usize)> = None;
    for (id, page) in graph.pages.iter().enumerate() {
        if in_lang && page.lang != lang {
            continue;
        }
        let new_path = output_path(&page.url, &config.base_path);
        let by_title = title.as_ref().map_or(0.0, |t| {
            strsim::jaro_winkler(t, &page.fm.title.to_lowercase())
        });
        let by_slug = strsim::jaro_winkler(old_slug, &page.slug);
        // A page at an address the live site does not have yet is likely the one that moved.
        let moved = if live.files.contains_key(&new_path) {
            0.0
        } else {
            0.1
        };
        let same_section = if parent(&new_path) == old_parent {
            0.05
        } else {
            0.0
        };
        let score = by_title.max(by_slug) + moved + same_section;
        if best.is_none_or(|(s, _)| score > s) {
            best = Some((score, id));
        }
    }
    best.map(|(_, id)| (id, Reason::Nearest))
}

/// The folder that holds a page's folder: `berita/` for `berita/x/index.html`.
fn parent(path: &str) -> &str {
    let dir = path.strip_suffix("index.html").unwrap_or(path);
    let dir = dir.trim_end_matches('/');
    dir.rfind('/').map_or("", |i| &dir[..=i])
}

/// The language of an address: its first folder when that is a language, else the default.
fn language_of(path: &str, config: &Config) -> String {
    let first = path.split('/').next().unwrap_or("");
    config
        .languages
        .iter()
        .find(|l| *l == first && **l != config.default_language)
        .unwrap_or(&config.default_language)
        .clone()
}

/// A path in the output folder as an alias is written: `berita/x/index.html` → `/berita/x/`.
fn alias_of(path: &str) -> String {
    let dir = path.strip_suffix("index.html").unwrap_or(path);
    format!("/{dir}")
}

/// The path in the output folder of a root-relative URL (base path included).
fn output_path(url: &str, base_path: &str) -> String {
    let path = url.strip_prefix(base_path).unwrap_or(url);
    crate::artifact::url_to_path(path)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn aliases_line_quotes_every_address() {
        assert_eq!(
            aliases_line(&["/a/".into(), "/b \"c\"/".into()]),
            r#"aliases: ["/a/", "/b \"c\"/"]"#
        );
    }

    #[test]
    fn addresses_and_paths() {
        assert_eq!(alias_of("berita/lama/index.html"), "/berita/lama/");
        assert_eq!(alias_of("lama.html"), "/lama.html");
        assert_eq!(
            output_path("/kp2mi/berita/x/", "/kp2mi"),
            "berita/x/index.html"
        );
        assert_eq!(output_path("/berita/x/", ""), "berita/x/index.html");
        assert_eq!(relative("kp2mi/x/index.html", "/kp2mi"), "x/index.html");
        assert_eq!(parent("berita/x/index.html"), "berita/");
        assert_eq!(parent("x/index.html"), "");
    }

    #[test]
    fn a_version_1_manifest_counts_pages_not_lists() {
        let langs = ["id".to_string(), "en".to_string()];
        for page in [
            "berita/lama/index.html",
            "en/news/old/index.html",
            "tentang/index.html",
        ] {
            assert!(is_v1_page(page, &langs), "{page}");
        }
        for other in [
            "index.html",
            "en/index.html",
            "tags/biaya/index.html",
            "en/tags/index.html",
            "berita/page/2/index.html",
            "404.html",
            "berita/atom.xml",
            "style.css",
        ] {
            assert!(!is_v1_page(other, &langs), "{other}");
        }
    }
}
