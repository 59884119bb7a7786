//! A link destination as written in Markdown → the URL it stands for in the body's language,
//! or the `LinkProblem` that makes it broken (reported at the link's place in the file).
//!
//! Destinations name pages (`@/panduan/cara.md`, `../panduan/cara.md`, `cara.en.md`), files
//! of `content/` (`foto.jpg`, `Foto%20Kunjungan.jpg`, `/berita/foto.jpg`) or other sites; a
//! URL with a scheme or from the root is left as written. Only the schemes a public site may
//! use pass `safe_scheme`.

use super::{BodyPlace, SiteContext};
use crate::content::Body;
use crate::diag::Code;
use crate::diag::{Diagnostic, did_you_mean};
use crate::i18n::Message;
use crate::msg;
use crate::source::join_rel;

/// Why a link destination is broken.
pub(super) enum LinkProblem {
    Missing { target: String, hint: Message },
    Unpublished { target: String, why: Message },
    Escapes,
}

/// The position of a link's destination inside `[text](dest)`, or of the link itself.
pub(super) fn link_position(
    body: &Body,
    offset_in_body: usize,
    dest: &str,
) -> crate::diag::Position {
    let offset = body.start + offset_in_body;
    let file = &body.file;
    let search_end = (offset + 4096).min(file.text.len());
    let at = file
        .text
        .get(offset..search_end)
        .and_then(|s| s.find(dest))
        .map_or(offset, |i| offset + i);
    file.position(at, dest.len())
}

impl LinkProblem {
    pub(super) fn into_diagnostic(
        self,
        body: &Body,
        offset_in_body: usize,
        dest: &str,
    ) -> Diagnostic {
        let position = Some(link_position(body, offset_in_body, dest));
        self.into_diagnostic_at(&body.file.display, position, dest)
    }

    /// The diagnostic of a broken link `dest` written at `position` of `file` (a body's link,
    /// or a front-matter field that links like one).
    pub(super) fn into_diagnostic_at(
        self,
        file: &str,
        position: Option<crate::diag::Position>,
        dest: &str,
    ) -> Diagnostic {
        match self {
            LinkProblem::Missing { target, hint } => {
                Diagnostic::error(Code::Link, file, msg!("markdown-link-missing", target))
                    .at(position)
                    .with_hint(hint)
            }
            LinkProblem::Unpublished { target, why } => Diagnostic::error(
                Code::Link,
                file,
                msg!("markdown-link-unpublished", target).arg_message("why", why),
            )
            .at(position)
            .with_hint(msg!("markdown-link-unpublished-hint")),
            LinkProblem::Escapes => {
                Diagnostic::error(Code::Link, file, msg!("markdown-link-escapes", link = dest))
                    .at(position)
                    .with_hint(msg!("markdown-link-escapes-hint"))
            }
        }
    }
}

/// The URL a Markdown link destination stands for, or why it is broken.
pub(super) fn rewrite(
    dest: &str,
    place: &BodyPlace<'_>,
    site: &SiteContext<'_>,
) -> Result<String, LinkProblem> {
    let (path, fragment) = match dest.find(['#', '?']) {
        Some(i) => dest.split_at(i),
        None => (dest, ""),
    };
    let content_path = if let Some(p) = path.strip_prefix("@/") {
        p.to_string()
    } else if path.is_empty() || path.starts_with('/') || path.starts_with("//") || has_scheme(path)
    {
        return Ok(dest.to_string());
    } else {
        join_rel(place.dir, path).ok_or(LinkProblem::Escapes)?
    };
    let content_path = known_path(content_path, site);
    if content_path.ends_with(".md") {
        page_url(&content_path, fragment, dest, place, site)
    } else {
        file_url(&content_path, fragment, dest, place, site)
    }
}

/// The URL of the page file `content_path` (`panduan/cara.en.md`) in its language (written in
/// its name, else the body's), `fragment` kept.
fn page_url(
    content_path: &str,
    fragment: &str,
    dest: &str,
    place: &BodyPlace<'_>,
    site: &SiteContext<'_>,
) -> Result<String, LinkProblem> {
    let (key, lang) = key_and_lang(content_path, site.languages);
    let lang = lang.unwrap_or(place.lang);
    if let Some(urls) = site.graph.link_targets.get(&key) {
        let url = urls
            .get(lang)
            .or_else(|| urls.get(site.default_language))
            .or_else(|| urls.values().next());
        if let Some(url) = url {
            return Ok(format!("{url}{fragment}"));
        }
    }
    // The target's own front matter has errors, reported there: no second error here.
    if site.graph.failed(&key, None) {
        return Ok(dest.to_string());
    }
    if let Some(why) = site.graph.unpublished.get(&key) {
        return Err(LinkProblem::Unpublished {
            target: format!("content/{key}"),
            why: why.clone(),
        });
    }
    let near = did_you_mean(&key, site.graph.link_targets.keys().map(String::as_str));
    let hint = match near {
        Some(n) => msg!("markdown-did-you-mean", near = format!("@/{n}{fragment}")),
        None => msg!("markdown-link-page-hint"),
    };
    Err(LinkProblem::Missing {
        target: format!("content/{key}"),
        hint,
    })
}

/// The URL of the file (not a page) `content_path`, `fragment` kept.
fn file_url(
    content_path: &str,
    fragment: &str,
    dest: &str,
    place: &BodyPlace<'_>,
    site: &SiteContext<'_>,
) -> Result<String, LinkProblem> {
    match site.graph.asset_urls.get(content_path) {
        Some(url) => Ok(format!("{url}{fragment}")),
        None => {
            let near = crate::images::nearest_file(
                place.dir,
                dest,
                site.graph.asset_urls.keys().map(String::as_str),
            );
            Err(LinkProblem::Missing {
                target: format!("content/{content_path}"),
                hint: match near {
                    Some(n) => msg!("markdown-did-you-mean", near = n),
                    None => msg!("markdown-link-file-hint"),
                },
            })
        }
    }
}

/// The `content/`-relative path of the file (not a page) a destination names: relative
/// (`foto.jpg`, `../x/f.png`, `Foto%20Kunjungan.jpg`), from the content root
/// (`@/berita/f.jpg`), or its published URL (`/berita/f.jpg`); `None` for pages, URLs, paths
/// leaving `content/` and files that do not exist.
pub(super) fn content_rel(
    dest: &str,
    place: &BodyPlace<'_>,
    site: &SiteContext<'_>,
) -> Option<String> {
    let path = dest.split(['#', '?']).next().unwrap_or("");
    let rel = if let Some(p) = path.strip_prefix("@/") {
        p.to_string()
    } else if path.starts_with('/') && !path.starts_with("//") {
        let urls = &site.graph.asset_rels;
        let decoded = crate::source::percent_decode(path);
        return urls
            .get(path)
            .or_else(|| decoded.and_then(|d| urls.get(&d)))
            .cloned();
    } else if path.is_empty() || has_scheme(path) {
        return None;
    } else {
        join_rel(place.dir, path)?
    };
    let rel = known_path(rel, site);
    site.graph.asset_urls.contains_key(&rel).then_some(rel)
}

/// A `content/`-relative path as written, or with its `%XX` escapes decoded when only that
/// names a file or page (`berita/Foto%20Kunjungan.jpg` → `berita/Foto Kunjungan.jpg`).
fn known_path(path: String, site: &SiteContext<'_>) -> String {
    let exists = |p: &str| {
        if p.ends_with(".md") {
            let (key, _) = key_and_lang(p, site.languages);
            site.graph.link_targets.contains_key(&key) || site.graph.unpublished.contains_key(&key)
        } else {
            site.graph.asset_urls.contains_key(p)
        }
    };
    if exists(&path) {
        return path;
    }
    match crate::source::percent_decode(&path) {
        Some(decoded) if exists(&decoded) => decoded,
        _ => path,
    }
}

/// Whether a link's scheme (if any) is one a public site may use.
pub(super) fn safe_scheme(dest: &str) -> bool {
    if !has_scheme(dest) {
        return true;
    }
    let scheme = dest.split(':').next().unwrap_or("").to_ascii_lowercase();
    matches!(scheme.as_str(), "http" | "https" | "mailto" | "tel")
}

pub(super) fn has_scheme(path: &str) -> bool {
    match path.find(':') {
        Some(i) => {
            path[..i]
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'))
                && i > 0
        }
        None => false,
    }
}

/// `panduan/x.en.md` → (`panduan/x.md`, Some("en")).
fn key_and_lang<'l>(path: &str, languages: &'l [String]) -> (String, Option<&'l str>) {
    let stem = &path[..path.len() - 3];
    if let Some((name, suffix)) = stem.rsplit_once('.')
        && let Some(lang) = languages.iter().find(|l| *l == suffix)
    {
        return (format!("{name}.md"), Some(lang.as_str()));
    }
    (path.to_string(), None)
}
