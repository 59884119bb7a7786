//! Responsive images: the photos beside the pages become a few widths of WebP and JPEG, upright
//! and stripped of every byte of metadata (GPS position, camera serial), plus a 1200×630 crop
//! for link previews (Open Graph); each is made once and cached.
//!
//! Two steps, so that rendering never waits for pixels:
//!
//! 1. [`catalog`] reads only the headers of the raster images under `content/` (size, EXIF
//!    orientation) and decides the name and size of every output. Markdown and templates use
//!    it to write `<picture>` with `srcset`, `width` and `height` ([`Photo::picture`]).
//! 2. [`process`] decodes, orients, resizes and encodes in parallel (alongside rendering),
//!    into `<root>/.warta-cache/images/`, and skips every output already there. Outputs are
//!    named after the file's content hash and the settings, so a changed photo gets new URLs
//!    and an unchanged site does no image work at all on its second build.
//!
//! A photo shown on a page is published only as its variants; its original file is not,
//! unless `images.publish_originals` asks or a Markdown link points at it: then it is
//! re-encoded at full size, upright and without metadata. A photo no page shows or links is
//! not published at all (`published` names it). Bad files (not an image, truncated, a
//! decompression bomb, a format browsers cannot show) are errors at the place that shows
//! them, never a panic or an out-of-memory. (A file warta cannot read, a
//! HEIC say, that a Markdown link offers for download is copied as it is.)
//!
//! Without the `images` cargo feature the catalog is empty: images are copied as they are and
//! the build warns once.
//!
//! This file holds the catalogue (what photos the site has, and the files planned for each)
//! and the public API. The work is done by its children, each of one concern:
//!
//! - `plan`: from a header to the planned files, their sizes and names (no pixel read);
//! - `html`: `<picture>`, `srcset` and `sizes`;
//! - `reference`: how pages name an image (lead image, focal point, the nearest-file hint);
//! - `codec`: the only code that touches pixels (the `images` feature);
//! - `cache`: the cache folder, the parallel jobs that fill it, and its pruning.
//!
//! They use this file's types and, among themselves, point one way: `codec` uses nothing but
//! this file; `plan` reads headers through `codec`; `html` writes what `plan` decided; `cache`
//! turns `reference`s into work for `codec` and stores the bytes it gets back.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use crate::config::{Config, ImagesConfig};
use crate::diag::Code;
use crate::diag::{Diagnostic, Diagnostics};
use crate::i18n::Message;
use crate::msg;

mod cache;
#[cfg(feature = "images")]
mod codec;
mod html;
mod plan;
mod reference;

pub use cache::{CACHE_DIR, CACHE_GRACE, Processed, Stats, process, prune};
pub use html::SIZES;
pub use reference::{Reference, Usage, focus, lead_rel, nearest_file};

/// The size of the Open Graph image (what WhatsApp and Facebook show for a shared link).
pub const OG_WIDTH: u32 = 1200;
pub const OG_HEIGHT: u32 = 630;

/// The width whose WebP is held to the image budget: what a phone at 2× downloads.
pub const BUDGET_WIDTH: u32 = 800;

/// The most an Open Graph image may weigh: WhatsApp shows no preview for larger ones. A crop
/// over it is encoded again at lower qualities until it fits.
pub const OG_MAX_BYTES: usize = 300_000;

/// Extensions of the images warta turns into responsive images.
const PROCESSED: &[&str] = &["jpg", "jpeg", "png", "webp"];

/// Extensions of images that browsers cannot all show: an error when a page shows one.
const UNSHOWABLE: &[&str] = &["heic", "heif", "tif", "tiff", "bmp", "dng"];

/// An encoding of a published image.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Webp,
    Jpeg,
    Png,
}

impl Format {
    pub fn extension(self) -> &'static str {
        match self {
            Format::Webp => "webp",
            Format::Jpeg => "jpg",
            Format::Png => "png",
        }
    }

    pub fn mime(self) -> &'static str {
        match self {
            Format::Webp => "image/webp",
            Format::Jpeg => "image/jpeg",
            Format::Png => "image/png",
        }
    }
}

/// What a [`Variant`] is made of.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Kind {
    /// The whole picture, scaled down.
    Resized,
    /// The Open Graph crop around a focal point (0–1 from the left and the top).
    Crop { focus: (f64, f64) },
    /// The whole picture at full size, re-encoded without metadata.
    Original,
}

/// One file made from a photo.
#[derive(Debug, Clone, PartialEq)]
pub struct Variant {
    pub width: u32,
    pub height: u32,
    pub format: Format,
    /// Root-relative URL, base path included.
    pub url: String,
    /// The file's name in the cache folder.
    cache_name: String,
    kind: Kind,
}

/// A raster image under `content/`, known from its header.
#[derive(Debug, Clone)]
pub struct Photo {
    /// Path relative to `content/`: `berita/foto.jpg`.
    pub rel: String,
    /// The URL the original would have.
    pub url: String,
    /// The file on disk (read only when the `images` feature processes it).
    #[cfg_attr(not(feature = "images"), expect(dead_code))]
    source: PathBuf,
    /// Upright size (EXIF orientation applied).
    pub width: u32,
    pub height: u32,
    format: Format,
    alpha: bool,
    /// The content hash mixed with the settings; names every output.
    key: u64,
    /// `<base path>/processed_images/<name of the original without extension>`: what the
    /// names of the outputs start with.
    out_stem: String,
    /// The responsive widths: WebP, then the fallback (JPEG, or PNG for a picture with
    /// transparency), each in ascending width.
    pub variants: Vec<Variant>,
}

/// Why a file cannot be shown as an image.
#[derive(Debug, Clone)]
pub struct Broken {
    pub message: Message,
    pub hint: Message,
}

/// Every raster image under `content/`, by `content/`-relative path.
#[derive(Debug, Default)]
pub struct Catalog {
    entries: HashMap<String, Entry>,
    settings: ImagesConfig,
}

/// One image of the [`Catalog`]: what its header said.
#[derive(Debug)]
struct Entry {
    photo: Result<Photo, Broken>,
}

/// What the header of an image says, read without decoding a pixel (by `codec`); all that
/// `plan` needs.
struct Header {
    format: Format,
    width: u32,
    height: u32,
    alpha: bool,
    hash: u64,
}

/// Whether `rel` names an image warta processes or refuses (by extension).
fn is_image(rel: &str) -> bool {
    let ext = extension(rel);
    PROCESSED.contains(&ext.as_str()) || UNSHOWABLE.contains(&ext.as_str())
}

fn extension(rel: &str) -> String {
    let name = rel.rsplit('/').next().unwrap_or(rel);
    name.rsplit_once('.')
        .map(|(_, e)| e.to_ascii_lowercase())
        .unwrap_or_default()
}

/// Reads the header of every raster image under `content/` (in parallel) and plans its
/// outputs. `asset_urls` maps the `content/`-relative path of every file under `content/`
/// that is not a page to its URL; only the images among them are read. Problems are kept per
/// image and reported where a page shows it; the only diagnostic returned is the warning of a
/// build without the `images` feature.
pub fn catalog(
    config: &Config,
    root: &Path,
    asset_urls: &HashMap<String, String>,
) -> (Catalog, Diagnostics) {
    let mut diags = Diagnostics::new();
    let mut files: Vec<(&String, &String)> =
        asset_urls.iter().filter(|(rel, _)| is_image(rel)).collect();
    files.sort();
    let settings = config.images.clone();
    if !cfg!(feature = "images") {
        if let Some((rel, _)) = files.first() {
            diags.push(
                Diagnostic::warning(
                    Code::ImagesDisabled,
                    format!("content/{rel}"),
                    msg!("images-disabled"),
                )
                .with_hint(msg!("images-disabled-hint")),
            );
        }
        return (
            Catalog {
                entries: HashMap::new(),
                settings,
            },
            diags,
        );
    }
    let content = root.join("content");
    let out_dir = config.url(crate::config::IMAGES_OUTPUT_DIR);
    let entries = files
        .par_iter()
        .map(|(rel, url)| {
            let entry = Entry {
                photo: plan::plan(&settings, &content.join(rel.as_str()), rel, url, &out_dir),
            };
            ((*rel).clone(), entry)
        })
        .collect();
    (Catalog { entries, settings }, diags)
}

impl Catalog {
    /// The image at `content/`-relative `rel`: `None` when it is not a raster image (SVG,
    /// GIF, a PDF) or the catalog is empty, else the photo or why it is broken.
    pub fn get(&self, rel: &str) -> Option<Result<&Photo, &Broken>> {
        self.entries.get(rel).map(|e| e.photo.as_ref())
    }

    /// Whether there is nothing to process.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Whether any image will be processed (and so [`crate::config::IMAGES_OUTPUT_DIR`] published).
    pub fn has_photos(&self) -> bool {
        self.entries.values().any(|e| e.photo.is_ok())
    }
}

/// The largest box of the Open Graph shape inside a `w`×`h` picture, centred on `focus` as
/// far as the edges allow: (left, top, width, height). Planning sizes the crop with it, the
/// codec cuts it.
fn crop_box(w: u32, h: u32, focus: (f64, f64)) -> (f64, f64, f64, f64) {
    let (w, h) = (f64::from(w), f64::from(h));
    let aspect = f64::from(OG_WIDTH) / f64::from(OG_HEIGHT);
    let (cw, ch) = if w / h > aspect {
        (h * aspect, h)
    } else {
        (w, w / aspect)
    };
    let left = (focus.0 * w - cw / 2.0).clamp(0.0, w - cw);
    let top = (focus.1 * h - ch / 2.0).clamp(0.0, h - ch);
    (left, top, cw, ch)
}
