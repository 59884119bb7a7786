//! The files a build produces, as every stage that makes, checks or writes them sees them:
//! a rendered [`OutputFile`], an [`AssetOut`] copied from the site's folders, and the mapping
//! between a URL and its path in the site ([`url_to_path`], [`relative`]).
//!
//! It sits below every stage (it imports nothing of the crate), so that rendering, search,
//! link checks, budgets and the writer share these types without depending on one another.

/// One file of the output: its path, and its bytes.
///
/// The path is the file's URL without the leading `/` (`berita/x/index.html`), so under a base
/// path `/kp2mi` it starts with `kp2mi/`: in memory the site is laid out as it is served, and
/// links are checked against it as they are written. `output` writes each file relative to the
/// base path (`public/berita/x/index.html`), since the output folder is what the host serves
/// at the base URL.
#[derive(Debug, Clone)]
pub struct OutputFile {
    pub path: String,
    pub bytes: Vec<u8>,
}

/// A file copied to the output: a file under `content/` that a page links, or one of
/// `static/`.
#[derive(Debug, Clone)]
pub struct AssetOut {
    pub source: std::path::PathBuf,
    /// Root-relative URL (base path included), which is also its path in the site as held in
    /// memory; `output` writes it without the base path.
    pub url: String,
}

/// `/berita/x/` → `berita/x/index.html`: a URL to its path in the site as held in memory
/// (see [`OutputFile`]; a base path stays in front, `/kp2mi/x/` → `kp2mi/x/index.html`).
pub fn url_to_path(url: &str) -> String {
    let trimmed = url.trim_start_matches('/');
    if trimmed.is_empty() {
        "index.html".to_string()
    } else if trimmed.ends_with('/') {
        format!("{trimmed}index.html")
    } else {
        trimmed.to_string()
    }
}

/// The path of a URL path (`kp2mi/x/index.html`) in the output folder (`x/index.html`).
/// Files outside the base path are written as they are.
pub fn relative<'p>(path: &'p str, base_path: &str) -> &'p str {
    let path = path.trim_start_matches('/');
    let base = base_path.trim_matches('/');
    if base.is_empty() {
        return path;
    }
    path.strip_prefix(base)
        .and_then(|rest| rest.strip_prefix('/'))
        .unwrap_or(path)
}
