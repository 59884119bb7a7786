//! A page's lead image as templates see it ([`ImageView`]): a processed photo with its
//! `srcset`s and Open Graph crop, or a file, path or URL served as it is. A missing or broken
//! image becomes a problem of the [`Views`] (with the position of the `image` key).

use serde::Serialize;

use super::Views;
use crate::config::Config;
use crate::content::{ContentGraph, Page, PageId};
use crate::diag::Code;
use crate::diag::Diagnostic;
use crate::msg;

#[derive(Serialize, Clone)]
pub struct ImageView {
    url: String,
    /// Absolute URL, for `og:image` (the Open Graph crop of a processed photo).
    pub(super) permalink: String,
    alt: String,
    /// A processed photo (see `images`): the size of its widest variant, its `srcset`s in
    /// JPEG (or PNG) and WebP, `sizes`, and the size of its Open Graph crop. All null for
    /// images served as they are (SVG, GIF, URLs).
    width: Option<u32>,
    height: Option<u32>,
    srcset: Option<String>,
    srcset_webp: Option<String>,
    sizes: Option<&'static str>,
    og_width: Option<u32>,
    og_height: Option<u32>,
}

impl Views<'_> {
    /// The view of a page's lead image, uncached (see [`Views::image_of`]).
    pub(super) fn make_image(&self, id: PageId) -> Option<ImageView> {
        let (config, graph) = (self.config, self.graph);
        let p = &graph.pages[id];
        let image = p.fm.image.as_ref()?;
        let alt = p.fm.image_alt.clone().unwrap_or_default();
        let rel = crate::images::lead_rel(&p.key, image);
        match rel.as_deref().and_then(|r| self.bodies.catalog.get(r)) {
            Some(Ok(photo)) => {
                return Some(ImageView::of_photo(config, photo, alt, p.fm.image_focus));
            }
            Some(Err(broken)) => {
                self.problem(
                    Diagnostic::error(Code::Image, p.file(), broken.message.clone())
                        .at(p.key_position("image"))
                        .with_hint(broken.hint.clone()),
                );
                return None;
            }
            None => {}
        }
        let url = resolve_image(config, graph, p, image).or_else(|| {
            self.problem(missing_image(graph, p, image));
            None
        })?;
        Some(ImageView {
            permalink: if url.starts_with('/') {
                config.permalink(&url)
            } else {
                url.clone()
            },
            url,
            alt,
            width: None,
            height: None,
            srcset: None,
            srcset_webp: None,
            sizes: None,
            og_width: None,
            og_height: None,
        })
    }
}

/// The error of an `image` that names no file of the site, with the nearest file's name.
fn missing_image(graph: &ContentGraph, p: &Page, image: &str) -> Diagnostic {
    let dir = p.key.rsplit_once('/').map_or("", |(d, _)| d);
    let near = crate::images::nearest_file(dir, image, graph.asset_urls.keys().map(String::as_str));
    let hint = match near {
        Some(near) => msg!("render-image-did-you-mean", near),
        None => msg!("render-image-missing-hint"),
    };
    Diagnostic::error(
        Code::Image,
        p.file(),
        msg!("render-image-missing", found = format!("{image:?}")),
    )
    .at(p.key_position("image"))
    .with_hint(hint)
}

impl ImageView {
    /// The view of a processed lead photo; `og:image` is its crop around the page's focus.
    fn of_photo(
        config: &Config,
        photo: &crate::images::Photo,
        alt: String,
        focus: Option<(f64, f64)>,
    ) -> ImageView {
        use crate::images::Format;
        let og = photo.og(crate::images::focus(focus));
        let largest = photo.largest();
        ImageView {
            url: photo
                .src()
                .map_or_else(|| photo.url.clone(), |v| v.url.clone()),
            permalink: config.permalink(&og.url),
            alt,
            width: largest.map(|v| v.width),
            height: largest.map(|v| v.height),
            srcset: photo
                .variants
                .iter()
                .find(|v| v.format != Format::Webp)
                .map(|v| photo.srcset(v.format)),
            srcset_webp: Some(photo.srcset(Format::Webp)),
            sizes: Some(crate::images::SIZES),
            og_width: Some(og.width),
            og_height: Some(og.height),
        }
    }
}

/// The URL of a front-matter `image`: a file beside the page, a path from the site's root
/// (which gets the base path), or an absolute URL.
fn resolve_image(
    config: &Config,
    graph: &ContentGraph,
    page: &Page,
    image: &str,
) -> Option<String> {
    if image.starts_with("http://") || image.starts_with("https://") || image.starts_with("//") {
        return Some(image.to_string());
    }
    if image.starts_with('/') {
        return Some(config.url(image));
    }
    let dir = page.key.rsplit_once('/').map_or("", |(d, _)| d);
    let rel = if dir.is_empty() {
        image.to_string()
    } else {
        format!("{dir}/{image}")
    };
    graph.asset_urls.get(&rel).cloned()
}
