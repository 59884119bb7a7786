//! What is published besides the rendered pages: the files under `content/` that a page links,
//! and the site's `static/` folder.
//!
//! A file under `content/` that is not a page is published only when a published page, section
//! or home body links or shows it, or names it as its lead `image`; one that only a draft (or
//! a page dated in the future) links waits, unpublished, without a word; any other is left
//! out with a warning naming it, so that internal notes dropped beside a press release never
//! reach the site. `static/` is published at the output root as it is (search-engine
//! verification files, `.well-known/`, a favicon); it may replace a file of the theme's own
//! `static/` (as in Hugo and Zola), but a clash with anything warta generates is an error
//! naming both. It decides, it writes nothing.

use std::collections::{BTreeMap, BTreeSet, HashSet};

use crate::artifact::AssetOut;
use crate::artifact::{OutputFile, url_to_path};
use crate::config::Config;
use crate::content::ContentGraph;
use crate::diag::Code;
use crate::diag::{Diagnostic, Diagnostics};
use crate::markdown::{self, BodyPlace, Rendered, SiteContext};
use crate::msg;
use crate::render::Bodies;
use crate::source::{STATIC_DIR, StaticFile};

/// The `content/`-relative paths of the files (not pages) that pages link.
#[derive(Debug, Default)]
pub struct Linked {
    /// Linked by what is published: these are published.
    pub published: HashSet<String>,
    /// Linked only by pages not published yet (drafts, future dates): not published, and not
    /// unused either.
    pub waiting: HashSet<String>,
}

/// Every file the published bodies and lead images link, and those the held pages link.
pub fn linked(
    config: &Config,
    graph: &ContentGraph,
    bodies: &Bodies,
    site: &SiteContext<'_>,
) -> Linked {
    let mut out = Linked::default();
    let rendered = bodies
        .pages
        .iter()
        .chain(bodies.sections.values())
        .chain(bodies.homes.values());
    for r in rendered {
        out.published.extend(r.files.iter().cloned());
    }
    for page in &graph.pages {
        if let Some(rel) = lead_image(config, graph, &page.key, page.fm.image.as_deref()) {
            out.published.insert(rel);
        }
    }
    for held in &graph.held {
        let place = BodyPlace::of_file(&held.key, &held.lang, "");
        // Its problems are reported when it is published; only its links count here.
        let (r, _): (Rendered, _) = markdown::render(&held.body, &place, site);
        let lead = lead_image(config, graph, &held.key, held.image.as_deref());
        out.waiting.extend(r.files.into_iter().chain(lead));
    }
    out
}

/// The `content/`-relative path of a page's lead `image`, when it is a file of `content/`.
fn lead_image(
    config: &Config,
    graph: &ContentGraph,
    key: &str,
    image: Option<&str>,
) -> Option<String> {
    let image = image?;
    if image.starts_with('/') && !image.starts_with("//") {
        return graph.asset_rels.get(&config.url(image)).cloned();
    }
    crate::images::lead_rel(key, image).filter(|rel| graph.asset_urls.contains_key(rel))
}

/// The files of `content/` to copy: the linked ones, less those `replaced` by processed
/// copies.
pub fn content_files(
    graph: &ContentGraph,
    linked: &Linked,
    replaced: &HashSet<String>,
) -> Vec<AssetOut> {
    graph
        .assets
        .iter()
        .filter(|a| {
            graph
                .asset_rels
                .get(&a.url)
                .is_some_and(|rel| linked.published.contains(rel))
                && !replaced.contains(&a.url)
        })
        .cloned()
        .collect()
}

/// A warning for every file under `content/` that no page links.
pub fn unused(graph: &ContentGraph, linked: &Linked) -> Diagnostics {
    let mut diags = Diagnostics::new();
    let unused: BTreeSet<&String> = graph
        .asset_urls
        .keys()
        .filter(|rel| !linked.published.contains(*rel) && !linked.waiting.contains(*rel))
        .collect();
    for rel in unused {
        let name = rel.rsplit('/').next().unwrap_or(rel);
        let link = if rel.contains(char::is_whitespace) {
            format!("<@/{rel}>")
        } else {
            format!("@/{rel}")
        };
        diags.push(
            Diagnostic::warning(
                Code::FileUnused,
                format!("content/{rel}"),
                msg!("output-unused-file"),
            )
            .with_hint(msg!(
                "output-unused-file-hint",
                name,
                link,
                folder = STATIC_DIR
            )),
        );
    }
    diags
}

/// The files of `static/` as outputs at the site's root. A static file replaces a file of the
/// theme's `static/` at the same path (removed from `files`); one at the path of any other
/// output (or of its folder, or of its compressed copy `.gz`/`.br`) is an error.
pub fn static_files(
    config: &Config,
    graph: &ContentGraph,
    theme: Option<&crate::theme::Theme>,
    statics: Vec<StaticFile>,
    files: &mut Vec<OutputFile>,
    assets: &[AssetOut],
) -> (Vec<AssetOut>, Diagnostics) {
    let mut diags = Diagnostics::new();
    if statics.is_empty() {
        return (Vec::new(), diags);
    }
    let theme_paths: HashSet<String> = theme
        .map(|t| crate::theme::publish_statics(&t.statics))
        .unwrap_or_default()
        .into_iter()
        .map(|f| url_to_path(&config.url(&format!("/{}", f.published))))
        .collect();
    let ours: HashSet<String> = statics
        .iter()
        .map(|s| url_to_path(&config.url(&format!("/{}", s.rel))))
        .collect();
    files.retain(|f| !(theme_paths.contains(&f.path) && ours.contains(&f.path)));

    // Every other output, by path, with where it comes from.
    let mut outputs: BTreeMap<String, Owner> = BTreeMap::new();
    for f in files.iter() {
        outputs.insert(f.path.clone(), Owner::Warta);
    }
    for a in assets {
        let owner = match graph.asset_rels.get(&a.url) {
            Some(rel) => Owner::Content(rel.clone()),
            None => Owner::Warta,
        };
        outputs.insert(url_to_path(&a.url), owner);
    }
    let manifest = url_to_path(&config.url(&format!("/{}", crate::manifest::FILE_NAME)));
    outputs.insert(manifest, Owner::Warta);
    let reserved = url_to_path(&config.url(&format!("{}/", crate::config::IMAGES_OUTPUT_DIR)));
    let reserved = reserved.trim_end_matches("index.html");

    let mut out = Vec::with_capacity(statics.len());
    for file in statics {
        let url = config.url(&format!("/{}", file.rel));
        let path = url_to_path(&url);
        let shown = format!("{STATIC_DIR}/{}", file.rel);
        if path.starts_with(reserved) {
            diags.push(
                Diagnostic::error(
                    Code::StaticClash,
                    &shown,
                    msg!("output-static-in-images", reserved),
                )
                .with_hint(msg!(
                    "output-static-in-images-hint",
                    file = &shown,
                    folder = STATIC_DIR
                )),
            );
            continue;
        }
        let message = match clash(&path, &outputs, &ours) {
            None => {
                out.push(AssetOut {
                    source: file.source,
                    url,
                });
                continue;
            }
            Some(Clash::Same(Owner::Warta)) => msg!("output-static-clash-warta", path),
            Some(Clash::Same(Owner::Content(rel))) => {
                msg!("output-static-clash-content", path, file = rel)
            }
            Some(Clash::Folder(inside)) => msg!("output-static-clash-folder", path, inside),
            Some(Clash::InFile(parent, Owner::Warta)) => {
                msg!("output-static-clash-in-warta-file", parent)
            }
            Some(Clash::InFile(parent, Owner::Content(rel))) => {
                msg!("output-static-clash-in-content-file", parent, file = rel)
            }
            Some(Clash::Compressed(original)) => {
                msg!("output-static-clash-compressed", path, original)
            }
        };
        diags.push(
            Diagnostic::error(Code::StaticClash, &shown, message).with_hint(msg!(
                "output-static-clash-hint",
                file = &shown,
                folder = STATIC_DIR
            )),
        );
    }
    (out, diags)
}

/// Where an output comes from.
#[derive(Debug, Clone, PartialEq)]
enum Owner {
    /// warta makes it: a page, a list, a feed, the theme's files, the search index.
    Warta,
    /// A file under `content/` (its `content/`-relative path) that a page links.
    Content(String),
}

/// How a static file's output path is in the way of another output.
#[derive(Debug, PartialEq)]
enum Clash {
    /// An output at the same path.
    Same(Owner),
    /// An output inside a folder of that name (its path).
    Folder(String),
    /// An output where the static file needs a folder (its path).
    InFile(String, Owner),
    /// The compressed copy of an output or of another static file (the original's path).
    Compressed(String),
}

/// What `path` (a static file's output path) is in the way of, if anything.
fn clash(path: &str, outputs: &BTreeMap<String, Owner>, ours: &HashSet<String>) -> Option<Clash> {
    if let Some(owner) = outputs.get(path) {
        return Some(Clash::Same(owner.clone()));
    }
    let folder = format!("{path}/");
    if let Some((inside, _)) = outputs.range(folder.clone()..).next()
        && inside.starts_with(&folder)
    {
        return Some(Clash::Folder(inside.clone()));
    }
    let mut at = path;
    while let Some((parent, _)) = at.rsplit_once('/') {
        if let Some(owner) = outputs.get(parent) {
            return Some(Clash::InFile(parent.to_string(), owner.clone()));
        }
        at = parent;
    }
    for ext in [".gz", ".br"] {
        if let Some(original) = path.strip_suffix(ext)
            && crate::output::is_compressible(original)
            && (outputs.contains_key(original) || ours.contains(original))
        {
            return Some(Clash::Compressed(original.to_string()));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clashes_name_what_is_in_the_way() {
        let outputs: BTreeMap<String, Owner> = [
            ("sitemap.xml", Owner::Warta),
            ("berita/index.html", Owner::Warta),
            ("robots.txt", Owner::Warta),
            (
                "berita/laporan.pdf",
                Owner::Content("berita/laporan.pdf".into()),
            ),
        ]
        .into_iter()
        .map(|(p, o)| (p.to_string(), o))
        .collect();
        let ours: HashSet<String> = ["verifikasi.txt".to_string()].into();
        let c = |p: &str| clash(p, &outputs, &ours);
        assert_eq!(c("sitemap.xml"), Some(Clash::Same(Owner::Warta)));
        assert_eq!(
            c("berita/laporan.pdf"),
            Some(Clash::Same(Owner::Content("berita/laporan.pdf".into())))
        );
        assert_eq!(c("berita"), Some(Clash::Folder("berita/index.html".into())));
        assert_eq!(
            c("robots.txt/x"),
            Some(Clash::InFile("robots.txt".into(), Owner::Warta))
        );
        assert_eq!(
            c("sitemap.xml.gz"),
            Some(Clash::Compressed("sitemap.xml".into()))
        );
        assert_eq!(
            c("verifikasi.txt.br"),
            Some(Clash::Compressed("verifikasi.txt".into()))
        );
        assert_eq!(c("google1234.html"), None);
        assert_eq!(c(".well-known/security.txt"), None);
        assert_eq!(c("berita/lain.pdf"), None);
        assert_eq!(c("data.csv.gz"), None);
    }
}
