//! The generated site as `serve` holds it in memory, and how a request path maps onto it.
//!
//! Only the files of the last good build and the content assets it lists can ever be served:
//! a request path is looked up in those maps, never joined to a folder on disk, so `..`,
//! encoded slashes and the like simply find nothing.

use std::collections::HashMap;
use std::path::PathBuf;

use axum::body::Bytes;

use crate::artifact::AssetOut;
use crate::artifact::OutputFile;
use crate::config::Config;

/// The files of one successful build, by output path (`berita/x/index.html`).
#[derive(Debug, Default)]
pub struct ServedFiles {
    files: HashMap<String, Bytes>,
    /// Output path (`berita/foto.svg`) → the content file to read.
    assets: HashMap<String, PathBuf>,
    /// URL prefix (`/en`) → that language's 404 page, for every language but the default.
    not_found: Vec<(String, String)>,
    pages: usize,
}

/// What a request path resolves to.
#[derive(Debug, PartialEq)]
pub enum Resolved {
    /// A generated file: its output path (for the content type) and bytes.
    File { path: String, bytes: Bytes },
    /// A content asset, read from disk.
    Asset { path: String, source: PathBuf },
    /// `/x` when `/x/` is a page: where to go.
    Redirect(String),
    /// Nothing: the 404 page of the path's language, when the build made one.
    NotFound(Option<Bytes>),
}

impl ServedFiles {
    /// Takes the files out of a build (without copying them).
    pub fn new(
        files: Vec<OutputFile>,
        assets: Vec<AssetOut>,
        config: &Config,
        pages: usize,
    ) -> Self {
        let files = files
            .into_iter()
            .map(|f| (f.path, Bytes::from(f.bytes)))
            .collect();
        let assets = assets
            .into_iter()
            .map(|a| (a.url.trim_start_matches('/').to_string(), a.source))
            .collect();
        let not_found = config
            .languages
            .iter()
            .filter(|l| **l != config.default_language)
            .map(|l| {
                let prefix = config.lang_prefix(l);
                let page = format!("{}/404.html", prefix.trim_start_matches('/'));
                (prefix, page)
            })
            .collect();
        ServedFiles {
            files,
            assets,
            not_found,
            pages,
        }
    }

    /// This site with some files replaced or added (the rest shared, not copied).
    pub fn with(&self, changed: Vec<OutputFile>) -> ServedFiles {
        let mut files = self.files.clone();
        for f in changed {
            files.insert(f.path, Bytes::from(f.bytes));
        }
        ServedFiles {
            files,
            assets: self.assets.clone(),
            not_found: self.not_found.clone(),
            pages: self.pages,
        }
    }

    /// Every generated file, by path (for link checks).
    pub fn files(&self) -> impl Iterator<Item = (&str, &[u8])> {
        self.files.iter().map(|(p, b)| (p.as_str(), b.as_ref()))
    }

    /// The URLs of the content assets (for link checks).
    pub fn asset_urls(&self) -> impl Iterator<Item = String> + '_ {
        self.assets.keys().map(|p| format!("/{p}"))
    }

    /// Published pages, all languages together.
    pub fn pages(&self) -> usize {
        self.pages
    }

    /// Resolves the path of a request URI (still percent-encoded; without the query).
    pub fn resolve(&self, uri_path: &str) -> Resolved {
        let Some(path) = percent_decode(uri_path) else {
            return self.not_found(uri_path);
        };
        let Some(rel) = path.strip_prefix('/') else {
            return self.not_found(&path);
        };
        let key = if rel.is_empty() || rel.ends_with('/') {
            format!("{rel}index.html")
        } else {
            rel.to_string()
        };
        if let Some(bytes) = self.files.get(&key) {
            return Resolved::File {
                path: key,
                bytes: bytes.clone(),
            };
        }
        if let Some(source) = self.assets.get(&key) {
            return Resolved::Asset {
                path: key,
                source: source.clone(),
            };
        }
        if !rel.is_empty()
            && !rel.ends_with('/')
            && self.files.contains_key(&format!("{rel}/index.html"))
        {
            return Resolved::Redirect(format!("{uri_path}/"));
        }
        self.not_found(&path)
    }

    /// The 404 page of the language `path` belongs to (by its `/en/` prefix), or the root one.
    fn not_found(&self, path: &str) -> Resolved {
        let page = self
            .not_found
            .iter()
            .find(|(prefix, _)| {
                path.strip_prefix(prefix.as_str())
                    .is_some_and(|rest| rest.is_empty() || rest.starts_with('/'))
            })
            .map_or("404.html", |(_, page)| page.as_str());
        Resolved::NotFound(self.files.get(page).cloned())
    }
}

/// The Content-Type of an output path, by its extension.
pub fn content_type(path: &str) -> &'static str {
    let ext = path
        .rsplit_once('.')
        .map(|(_, e)| e.to_ascii_lowercase())
        .unwrap_or_default();
    match ext.as_str() {
        "html" | "htm" => "text/html; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "xml" => "application/xml; charset=utf-8",
        "json" => "application/json",
        "txt" => "text/plain; charset=utf-8",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "webp" => "image/webp",
        "gif" => "image/gif",
        "avif" => "image/avif",
        "ico" => "image/x-icon",
        "pdf" => "application/pdf",
        "woff2" => "font/woff2",
        "woff" => "font/woff",
        "mp4" => "video/mp4",
        "webm" => "video/webm",
        "mp3" => "audio/mpeg",
        _ => "application/octet-stream",
    }
}

/// `%XX` escapes decoded; `None` when they are malformed or decode to invalid UTF-8 or NUL.
fn percent_decode(s: &str) -> Option<String> {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = s.get(i + 1..i + 3)?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    let text = String::from_utf8(out).ok()?;
    (!text.contains('\0')).then_some(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn site() -> ServedFiles {
        let mut files = HashMap::new();
        for path in [
            "index.html",
            "404.html",
            "en/404.html",
            "berita/x/index.html",
            "style.css",
            "en/index.html",
        ] {
            files.insert(path.to_string(), Bytes::from(path.as_bytes().to_vec()));
        }
        let mut assets = HashMap::new();
        assets.insert(
            "berita/foto.svg".to_string(),
            PathBuf::from("/site/content/berita/foto.svg"),
        );
        ServedFiles {
            files,
            assets,
            not_found: vec![("/en".into(), "en/404.html".into())],
            pages: 3,
        }
    }

    fn file(path: &str) -> Resolved {
        Resolved::File {
            path: path.into(),
            bytes: Bytes::from(path.as_bytes().to_vec()),
        }
    }

    #[test]
    fn folders_serve_their_index() {
        let s = site();
        assert_eq!(s.resolve("/"), file("index.html"));
        assert_eq!(s.resolve("/berita/x/"), file("berita/x/index.html"));
        assert_eq!(s.resolve("/style.css"), file("style.css"));
    }

    #[test]
    fn folder_without_slash_redirects() {
        assert_eq!(
            site().resolve("/berita/x"),
            Resolved::Redirect("/berita/x/".into())
        );
        assert_eq!(site().resolve("/en"), Resolved::Redirect("/en/".into()));
    }

    #[test]
    fn assets_come_from_their_source() {
        assert_eq!(
            site().resolve("/berita/foto.svg"),
            Resolved::Asset {
                path: "berita/foto.svg".into(),
                source: PathBuf::from("/site/content/berita/foto.svg"),
            }
        );
    }

    #[test]
    fn missing_paths_get_their_languages_404() {
        let s = site();
        let root = Resolved::NotFound(Some(Bytes::from_static(b"404.html")));
        let en = Resolved::NotFound(Some(Bytes::from_static(b"en/404.html")));
        assert_eq!(s.resolve("/nope/"), root);
        assert_eq!(s.resolve("/english/"), root);
        assert_eq!(s.resolve("/en/nope"), en);
        assert_eq!(s.resolve("/en/nope/"), en);
    }

    #[test]
    fn traversal_finds_nothing() {
        let s = site();
        for path in [
            "/../Cargo.toml",
            "/%2e%2e/site.yaml",
            "/berita/../../etc/passwd",
            "/%2F..%2Fsite.yaml",
            "/berita/x/%00",
            "/%zz",
            "//etc/passwd",
            "/content/berita/foto.svg",
        ] {
            assert!(
                matches!(s.resolve(path), Resolved::NotFound(_)),
                "{path} must not be served"
            );
        }
    }

    #[test]
    fn encoded_names_are_decoded() {
        let mut s = site();
        s.files
            .insert("berita/ä b.txt".into(), Bytes::from_static(b"x"));
        assert!(matches!(
            s.resolve("/berita/%C3%A4%20b.txt"),
            Resolved::File { .. }
        ));
    }

    #[test]
    fn content_types_by_extension() {
        assert_eq!(content_type("a/index.html"), "text/html; charset=utf-8");
        assert_eq!(content_type("atom.xml"), "application/xml; charset=utf-8");
        assert_eq!(content_type("x.JPG"), "image/jpeg");
        assert_eq!(content_type("x.webp"), "image/webp");
        assert_eq!(content_type("x.pdf"), "application/pdf");
        assert_eq!(content_type("README"), "application/octet-stream");
    }
}
