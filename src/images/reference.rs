//! How pages name images: a [`Reference`] says where a page uses one and for what (shown,
//! lead image with its focal point, linked for download); the path of a front-matter `image`
//! beside its page; and, for a name that matches no file, the nearest file written as the
//! page would write it. Paths only: nothing here reads a file.

use crate::diag::Position;

/// Where a page uses an image, for what, and where to point when it is bad.
#[derive(Debug, Clone)]
pub struct Reference {
    /// `content/`-relative path of the image.
    pub rel: String,
    /// The file that refers to it, and where.
    pub file: String,
    pub position: Option<Position>,
    pub usage: Usage,
}

/// How a page uses an image.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Usage {
    /// `![alt](foto.jpg)` in Markdown.
    Shown,
    /// Front-matter `image`: shown, and cropped for Open Graph around the focal point.
    Lead { focus: (f64, f64) },
    /// `[unduh](foto.jpg)`: the file itself is linked, so its original is published.
    Linked,
}

/// The `content/`-relative path of a front-matter `image` of the page `page_key`
/// (`berita/x.md`); `None` for URLs and root-relative paths, which are not processed.
pub fn lead_rel(page_key: &str, image: &str) -> Option<String> {
    if image.starts_with('/') || image.contains("://") {
        return None;
    }
    match page_key.rsplit_once('/') {
        Some((dir, _)) => Some(format!("{dir}/{image}")),
        None => Some(image.to_string()),
    }
}

/// The file a page most likely meant when `written` (as in the page: relative to the page's
/// folder `dir`, or `@/…`) names no file: the nearest of `candidates` (`content/`-relative
/// paths), written as the editor would write it at that place, so the hint can be copied as
/// it is: `foto.jpg` beside the page, `../panduan/foto.jpg`, `@/panduan/foto.jpg`.
pub fn nearest_file<'a>(
    dir: &str,
    written: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<String> {
    let cut = written.find(['#', '?']).unwrap_or(written.len());
    let (path, suffix) = written.split_at(cut);
    let wanted = match path.strip_prefix("@/") {
        Some(p) => p.to_string(),
        None => crate::source::join_rel(dir, path)?,
    };
    let near = crate::diag::did_you_mean(&wanted, candidates)?;
    Some(if path.starts_with("@/") {
        format!("@/{near}{suffix}")
    } else {
        format!("{}{suffix}", relative_to(dir, near))
    })
}

/// The relative path from the folder `dir` to `target` (both `content/`-relative).
fn relative_to(dir: &str, target: &str) -> String {
    let from: Vec<&str> = dir.split('/').filter(|p| !p.is_empty()).collect();
    let to: Vec<&str> = target.split('/').collect();
    let common = from
        .iter()
        .zip(&to)
        .take_while(|(a, b)| a == b)
        .count()
        .min(to.len().saturating_sub(1));
    let mut out: Vec<&str> = vec![".."; from.len() - common];
    out.extend(&to[common..]);
    out.join("/")
}

/// The focal point a page asks for, or the centre.
pub fn focus(asked: Option<(f64, f64)>) -> (f64, f64) {
    asked.unwrap_or((0.5, 0.5))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lead_images_resolve_beside_their_page() {
        assert_eq!(
            lead_rel("berita/x.md", "foto.jpg").as_deref(),
            Some("berita/foto.jpg")
        );
        assert_eq!(
            lead_rel("_index.md", "foto.jpg").as_deref(),
            Some("foto.jpg")
        );
        assert_eq!(lead_rel("berita/x.md", "/foto.jpg"), None);
        assert_eq!(lead_rel("berita/x.md", "https://x.id/f.jpg"), None);
    }

    /// Regression: the hint said `berita/sosialisasi.svg`, which, written in a page of
    /// `berita/`, names `berita/berita/sosialisasi.svg`.
    #[test]
    fn the_nearest_file_is_written_as_the_page_writes_it() {
        let files = ["berita/sosialisasi.svg", "panduan/alur.png", "logo.png"];
        let near = |dir, written| super::nearest_file(dir, written, files.iter().copied());
        assert_eq!(
            near("berita", "sosialisas.svg").as_deref(),
            Some("sosialisasi.svg")
        );
        assert_eq!(
            near("berita", "../panduan/alur.jpg").as_deref(),
            Some("../panduan/alur.png")
        );
        assert_eq!(
            near("berita", "@/panduan/alur.jpg").as_deref(),
            Some("@/panduan/alur.png")
        );
        assert_eq!(near("", "logo.pgn").as_deref(), Some("logo.png"));
        assert_eq!(
            near("berita", "../logo.pgn").as_deref(),
            Some("../logo.png")
        );
        assert_eq!(
            near("berita", "sosialisas.svg#x").as_deref(),
            Some("sosialisasi.svg#x")
        );
        assert_eq!(near("berita", "zzz.doc"), None);
    }
}
