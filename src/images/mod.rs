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

use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use crate::config::{Config, ImagesConfig};
use crate::content::{AssetOut, ContentGraph};
use crate::diag::{Diagnostic, Diagnostics, Position};
use crate::i18n::Message;
use crate::msg;

/// Where processed images are kept between builds, below the site's root.
pub const CACHE_DIR: &str = ".warta-cache/images";

/// The `sizes` of every responsive image: the theme's text column (42rem, reached on screens
/// 44rem wide) on wide screens, the screen less the page's padding (1rem a side) below. A
/// 360 px phone at 2× thus needs 656 pixels and loads the 800 px file.
pub const SIZES: &str = "(min-width: 44rem) 42rem, calc(100vw - 2rem)";

/// The size of the Open Graph image (what WhatsApp and Facebook show for a shared link).
pub const OG_WIDTH: u32 = 1200;
pub const OG_HEIGHT: u32 = 630;

/// The width whose WebP is held to the image budget: what a phone at 2× downloads.
pub const BUDGET_WIDTH: u32 = 800;

/// Bumped whenever processing changes its output, so that old cache entries are not reused.
#[cfg(feature = "images")]
const PIPELINE_VERSION: u64 = 3;

/// Quality of re-encoded originals and Open Graph crops (shown large, once).
#[cfg(feature = "images")]
const HIGH_QUALITY: u8 = 88;

/// The most an Open Graph image may weigh: WhatsApp shows no preview for larger ones. A crop
/// over it is encoded again at lower qualities until it fits.
pub const OG_MAX_BYTES: usize = 300_000;

/// Files larger than this are not read (a phone photo is 3–8 MB).
#[cfg(feature = "images")]
const MAX_FILE_BYTES: u64 = 64 * 1024 * 1024;

/// Refused from the header, before any pixel is decoded: a decompression bomb declares a huge
/// size in a few bytes. 16,384 px a side and 210 megapixels admit a 200 MP phone photo.
#[cfg(feature = "images")]
const MAX_SIDE: u32 = 16_384;
#[cfg(feature = "images")]
const MAX_PIXELS: u64 = 210_000_000;

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

/// Counts of a run of [`process`], for the build report and the tests.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Stats {
    /// Images decoded and encoded in this run.
    pub processed: usize,
    /// Images whose every output was already in the cache.
    pub cached: usize,
    /// Old files [`prune`] removed from the cache.
    pub pruned: usize,
}

/// What [`process`] made.
#[derive(Debug, Default)]
pub struct Processed {
    /// Files to publish, read from the cache folder.
    pub assets: Vec<AssetOut>,
    /// URLs of originals that must not be copied as they are (replaced or withheld).
    pub replaced: HashSet<String>,
    /// The names in the cache folder of every output this run needs (made or found).
    pub used: HashSet<String>,
    pub stats: Stats,
    pub diagnostics: Diagnostics,
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

/// Reads the header of every raster image under `content/` (in parallel) and plans its
/// outputs. Problems are kept per image and reported where a page shows it; the only
/// diagnostic returned is the warning of a build without the `images` feature.
pub fn catalog(config: &Config, root: &Path, graph: &ContentGraph) -> (Catalog, Diagnostics) {
    let mut diags = Diagnostics::new();
    let mut files: Vec<(&String, &String)> = graph
        .asset_urls
        .iter()
        .filter(|(rel, _)| is_image(rel))
        .collect();
    files.sort();
    let settings = config.images.clone();
    if !cfg!(feature = "images") {
        if let Some((rel, _)) = files.first() {
            diags.push(
                Diagnostic::warning(
                    "images-disabled",
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
                photo: plan(&settings, &content.join(rel.as_str()), rel, url, &out_dir),
            };
            ((*rel).clone(), entry)
        })
        .collect();
    (Catalog { entries, settings }, diags)
}

/// Header → photo with its outputs planned.
fn plan(
    settings: &ImagesConfig,
    source: &Path,
    rel: &str,
    url: &str,
    out_dir: &str,
) -> Result<Photo, Broken> {
    let ext = extension(rel);
    if UNSHOWABLE.contains(&ext.as_str()) {
        return Err(Broken {
            message: msg!(
                "images-unshowable",
                file = format!("content/{rel}"),
                format = ext.to_ascii_uppercase()
            ),
            hint: msg!("images-unshowable-hint"),
        });
    }
    let header = read_header(source, rel)?;
    let key = header.hash ^ settings_hash(settings);
    let name = url.rsplit('/').next().unwrap_or(url);
    let stem = match name.rsplit_once('.') {
        Some((stem, _)) if !stem.is_empty() => stem,
        _ => name,
    };
    // Copies go into `srcset`, where a space or a comma would end the URL: `Foto Kunjungan.jpg`
    // gives `foto-kunjungan-800.….webp`.
    let stem = match crate::content::slug::slugify(stem) {
        s if s.is_empty() => "image".to_string(),
        s => s,
    };
    let mut photo = Photo {
        out_stem: format!("{out_dir}/{stem}"),
        rel: rel.to_string(),
        url: url.to_string(),
        source: source.to_path_buf(),
        width: header.width,
        height: header.height,
        format: header.format,
        alpha: header.alpha,
        key,
        variants: Vec::new(),
    };
    let mut widths: Vec<u32> = settings
        .widths
        .iter()
        .copied()
        .filter(|&w| w < photo.width)
        .collect();
    // Never upscaled: a photo narrower than the widest width is also offered at its own width.
    if settings.widths.iter().any(|&w| w >= photo.width) {
        widths.push(photo.width);
    }
    for format in [Format::Webp, photo.fallback_format()] {
        for &w in &widths {
            let h = scaled_height(photo.width, photo.height, w);
            photo
                .variants
                .push(photo.variant(w, h, format, Kind::Resized));
        }
    }
    Ok(photo)
}

/// The height of a `width`-wide copy of a `w`×`h` picture, at least one pixel.
fn scaled_height(w: u32, h: u32, width: u32) -> u32 {
    let scaled = (u64::from(h) * u64::from(width) + u64::from(w) / 2) / u64::from(w.max(1));
    u32::try_from(scaled).unwrap_or(u32::MAX).max(1)
}

/// A hash of the settings that change the bytes of an output.
fn settings_hash(settings: &ImagesConfig) -> u64 {
    #[cfg(feature = "images")]
    let version = PIPELINE_VERSION;
    #[cfg(not(feature = "images"))]
    let version = 0u64;
    xxhash_rust::xxh3::xxh3_64(format!("v{version} q{}", settings.quality).as_bytes())
}

struct Header {
    format: Format,
    width: u32,
    height: u32,
    alpha: bool,
    hash: u64,
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

impl Photo {
    /// JPEG, or PNG when the picture has transparency.
    fn fallback_format(&self) -> Format {
        if self.alpha {
            Format::Png
        } else {
            Format::Jpeg
        }
    }

    fn variant(&self, width: u32, height: u32, format: Format, kind: Kind) -> Variant {
        let ext = format.extension();
        let key = self.key;
        let stem = &self.out_stem;
        let (url, cache_name) = match kind {
            Kind::Resized => (
                format!("{stem}-{width}.{key:016x}.{ext}"),
                format!("{key:016x}-{width}.{ext}"),
            ),
            Kind::Crop { focus: (x, y) } => {
                let crop = xxhash_rust::xxh3::xxh3_64(format!("{key} {x:.4} {y:.4}").as_bytes());
                (
                    format!("{stem}-og.{crop:016x}.{ext}"),
                    format!("{key:016x}-og-{crop:016x}.{ext}"),
                )
            }
            Kind::Original => (self.url.clone(), format!("{key:016x}-original.{ext}")),
        };
        Variant {
            width,
            height,
            format,
            url,
            cache_name,
            kind,
        }
    }

    fn of(&self, format: Format) -> impl Iterator<Item = &Variant> {
        self.variants.iter().filter(move |v| v.format == format)
    }

    /// `url 480w, url 800w, …` of one format.
    pub fn srcset(&self, format: Format) -> String {
        self.of(format)
            .map(|v| format!("{} {}w", v.url, v.width))
            .collect::<Vec<_>>()
            .join(", ")
    }

    /// The fallback file for browsers without `srcset`: the widest up to 800 px.
    pub fn src(&self) -> Option<&Variant> {
        let format = self.fallback_format();
        self.of(format)
            .filter(|v| v.width <= BUDGET_WIDTH)
            .last()
            .or_else(|| self.of(format).next())
    }

    /// The widest variant: its size goes into `width` and `height` (the aspect ratio, so the
    /// page does not jump while the picture loads).
    pub fn largest(&self) -> Option<&Variant> {
        self.variants.iter().max_by_key(|v| v.width)
    }

    /// The WebP held to the image budget: at 800 px, or the widest below.
    fn budget_variant(&self) -> Option<&Variant> {
        self.of(Format::Webp)
            .filter(|v| v.width <= BUDGET_WIDTH)
            .last()
            .or_else(|| self.of(Format::Webp).next())
    }

    /// The Open Graph crop around `focus`: 1200×630, or smaller (same shape) for a photo too
    /// small for it; never upscaled.
    pub fn og(&self, focus: (f64, f64)) -> Variant {
        let (_, _, cw, _) = crop_box(self.width, self.height, focus);
        let (w, h) = if cw >= f64::from(OG_WIDTH) {
            (OG_WIDTH, OG_HEIGHT)
        } else {
            let w = (cw.floor() as u32).max(1);
            (w, scaled_height(OG_WIDTH, OG_HEIGHT, w))
        };
        self.variant(w, h, Format::Jpeg, Kind::Crop { focus })
    }

    /// The original, re-encoded at full size in its own format, upright and without metadata.
    fn original(&self) -> Variant {
        self.variant(self.width, self.height, self.format, Kind::Original)
    }

    /// `<picture>` with a WebP `<source>` and a fallback `<img>`. The lead image (above the
    /// fold) loads at once and first; others load lazily.
    pub fn picture(&self, alt: &str, title: Option<&str>, lead: bool) -> String {
        let mut html = String::from("<picture><source type=\"image/webp\" srcset=\"");
        let _ = pulldown_cmark_escape::escape_html(&mut html, &self.srcset(Format::Webp));
        html.push_str("\" sizes=\"");
        html.push_str(SIZES);
        html.push_str("\"><img src=\"");
        let _ = pulldown_cmark_escape::escape_html(&mut html, self.src().map_or("", |v| &v.url));
        html.push_str("\" srcset=\"");
        let _ = pulldown_cmark_escape::escape_html(&mut html, &self.srcset(self.fallback_format()));
        html.push_str("\" sizes=\"");
        html.push_str(SIZES);
        let (w, h) = self
            .largest()
            .map_or((self.width, self.height), |v| (v.width, v.height));
        html.push_str(&format!("\" width=\"{w}\" height=\"{h}\" alt=\""));
        let _ = pulldown_cmark_escape::escape_html(&mut html, alt);
        html.push('"');
        if let Some(title) = title.filter(|t| !t.is_empty()) {
            html.push_str(" title=\"");
            let _ = pulldown_cmark_escape::escape_html(&mut html, title);
            html.push('"');
        }
        if lead {
            html.push_str(" fetchpriority=\"high\" decoding=\"async\"></picture>");
        } else {
            html.push_str(" loading=\"lazy\" decoding=\"async\"></picture>");
        }
        html
    }
}

/// The largest box of the Open Graph shape inside a `w`×`h` picture, centred on `focus` as
/// far as the edges allow: (left, top, width, height).
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

/// One photo's work: the outputs it needs, and whom to blame when it fails.
struct Job<'a> {
    photo: &'a Photo,
    outputs: Vec<Variant>,
    /// The first reference.
    file: String,
    position: Option<Position>,
    /// A page shows it (Markdown or front matter).
    shown: bool,
}

/// Makes every output the pages need, in parallel, reusing what the cache already holds. A
/// photo no page shows or links is left alone: it is not published.
///
/// An image that cannot be made clean is never published with its metadata: that is an error
/// at the reference. (A broken image a page shows was already reported by the Markdown or the
/// template; one a Markdown link offers for download is copied as it is.)
pub fn process(catalog: &Catalog, references: &[Reference], root: &Path) -> Processed {
    let mut out = Processed::default();
    if catalog.is_empty() {
        return out;
    }
    let mut by_rel: BTreeMap<&str, Vec<&Reference>> = BTreeMap::new();
    for r in references {
        by_rel.entry(r.rel.as_str()).or_default().push(r);
    }
    // A photo no page shows or links is not published (`published` warns about it).
    let mut photos: Vec<&Photo> = catalog
        .entries
        .values()
        .filter_map(|e| e.photo.as_ref().ok())
        .filter(|p| by_rel.contains_key(p.rel.as_str()))
        .collect();
    photos.sort_by(|a, b| a.rel.cmp(&b.rel));
    let settings = &catalog.settings;
    let jobs: Vec<Job<'_>> = photos
        .into_iter()
        .map(|photo| {
            let refs = by_rel
                .get(photo.rel.as_str())
                .map_or(&[][..], Vec::as_slice);
            let shown = refs.iter().any(|r| r.usage != Usage::Linked);
            let mut outputs = Vec::new();
            if shown {
                outputs.extend(photo.variants.iter().cloned());
                let mut focuses: Vec<(f64, f64)> = Vec::new();
                for r in refs {
                    if let Usage::Lead { focus } = r.usage
                        && !focuses.contains(&focus)
                    {
                        focuses.push(focus);
                        outputs.push(photo.og(focus));
                    }
                }
            }
            if settings.publish_originals || refs.iter().any(|r| r.usage == Usage::Linked) {
                outputs.push(photo.original());
            }
            let first = refs.first();
            Job {
                photo,
                outputs,
                file: first.map_or_else(|| format!("content/{}", photo.rel), |r| r.file.clone()),
                position: first.and_then(|r| r.position.clone()),
                shown,
            }
        })
        .collect();

    let cache = root.join(CACHE_DIR);
    if let Err(e) = prepare_cache(root) {
        out.diagnostics.push(
            Diagnostic::error(
                "io",
                cache.display().to_string(),
                msg!("images-cannot-create-cache", why = e.to_string()),
            )
            .with_hint(msg!("images-cannot-create-cache-hint")),
        );
        return out;
    }
    let results: Vec<Result<bool, Message>> = jobs
        .par_iter()
        .map(|job| make(job, &cache, settings))
        .collect();

    let mut published: HashSet<&str> = HashSet::new();
    for (job, result) in jobs.iter().zip(results) {
        out.replaced.insert(job.photo.url.clone());
        out.used
            .extend(job.outputs.iter().map(|v| v.cache_name.clone()));
        match result {
            Ok(true) => out.stats.processed += 1,
            Ok(false) => out.stats.cached += 1,
            Err(why) => {
                out.diagnostics.push(
                    Diagnostic::error(
                        "image",
                        job.file.clone(),
                        msg!(
                            "images-cannot-process",
                            file = format!("content/{}", job.photo.rel)
                        )
                        .arg_message("why", why),
                    )
                    .at(job.position.clone())
                    .with_hint(msg!("images-save-again-hint")),
                );
                continue;
            }
        }
        for v in &job.outputs {
            // The same photo beside two pages (same bytes, same name) is one set of files.
            if !published.insert(v.url.as_str()) {
                continue;
            }
            out.assets.push(AssetOut {
                source: cache.join(&v.cache_name),
                url: v.url.clone(),
            });
        }
        if job.shown
            && let Some(v) = job.photo.budget_variant()
            && let Ok(meta) = std::fs::metadata(cache.join(&v.cache_name))
            && meta.len() > settings.budget_bytes
        {
            out.diagnostics.push(
                Diagnostic::warning(
                    "image-budget",
                    job.file.clone(),
                    msg!(
                        "images-over-budget",
                        file = format!("content/{}", job.photo.rel),
                        size = meta.len().div_ceil(1024),
                        width = v.width,
                        budget = settings.budget_bytes / 1024
                    ),
                )
                .at(job.position.clone())
                .with_hint(msg!("images-over-budget-hint")),
            );
        }
    }
    out
}

/// How long a cache file that no build uses is kept: the photo of a draft shown by
/// `serve --drafts`, or of a page on another git branch, costs nothing when it comes back
/// within a week.
pub const CACHE_GRACE: std::time::Duration = std::time::Duration::from_secs(7 * 24 * 60 * 60);

/// Removes from the cache folder the files that this build did not use (`used`, by name) and
/// that were written longer than `grace` ago: outputs of photos since changed or deleted, of
/// older settings or versions of warta, and temporary files of interrupted builds. Returns how
/// many it removed. Called after a successful build only, so that a page with an error does
/// not lose its images; a file that cannot be removed is left for the next build.
pub fn prune(root: &Path, used: &HashSet<String>, grace: std::time::Duration) -> usize {
    let Ok(dir) = std::fs::read_dir(root.join(CACHE_DIR)) else {
        return 0;
    };
    let now = std::time::SystemTime::now();
    let mut removed = 0;
    for entry in dir.flatten() {
        let name = entry.file_name();
        if name.to_str().is_some_and(|n| used.contains(n)) {
            continue;
        }
        // Only plain files: never follow a link or descend into a folder someone put here.
        let Ok(meta) = entry.metadata() else { continue };
        let old = meta
            .modified()
            .ok()
            .and_then(|m| now.duration_since(m).ok())
            .is_some_and(|age| age >= grace);
        if meta.is_file() && old && std::fs::remove_file(entry.path()).is_ok() {
            removed += 1;
        }
    }
    removed
}

/// Creates the cache folder, with a `.gitignore` so that it is never committed.
fn prepare_cache(root: &Path) -> std::io::Result<()> {
    std::fs::create_dir_all(root.join(CACHE_DIR))?;
    let ignore = root.join(".warta-cache/.gitignore");
    if !ignore.exists() {
        std::fs::write(
            ignore,
            "# warta's cache of processed images; safe to delete.\n*\n",
        )?;
    }
    Ok(())
}

/// Makes the outputs of `job` missing from the cache. `Ok(true)` when it decoded the photo,
/// `Ok(false)` when everything was cached.
fn make(job: &Job<'_>, cache: &Path, settings: &ImagesConfig) -> Result<bool, Message> {
    let missing: Vec<&Variant> = job
        .outputs
        .iter()
        .filter(|v| !cache.join(&v.cache_name).is_file())
        .collect();
    if missing.is_empty() {
        return Ok(false);
    }
    #[cfg(feature = "images")]
    {
        codec::make(job.photo, &missing, cache, settings.quality)?;
        Ok(true)
    }
    #[cfg(not(feature = "images"))]
    {
        let _ = settings;
        Err(msg!("images-built-without-feature"))
    }
}

#[cfg(feature = "images")]
fn read_header(source: &Path, rel: &str) -> Result<Header, Broken> {
    codec::read_header(source, rel)
}

#[cfg(not(feature = "images"))]
fn read_header(_source: &Path, rel: &str) -> Result<Header, Broken> {
    Err(Broken {
        message: msg!("images-no-feature", file = format!("content/{rel}")),
        hint: msg!("images-no-feature-hint"),
    })
}

/// Decoding, resizing and encoding (the `images` feature).
#[cfg(feature = "images")]
mod codec {
    use std::borrow::Cow;
    use std::io::Cursor;
    use std::path::Path;

    use crate::i18n::Message;
    use crate::msg;
    use fast_image_resize as fir;
    use image::{DynamicImage, ImageDecoder, ImageEncoder, ImageFormat, ImageReader, Limits};
    use rayon::prelude::*;

    use super::{
        Broken, Format, HIGH_QUALITY, Header, Kind, MAX_FILE_BYTES, MAX_PIXELS, MAX_SIDE,
        OG_MAX_BYTES, Photo, Variant, crop_box,
    };

    fn limits() -> Limits {
        let mut limits = Limits::default();
        limits.max_image_width = Some(MAX_SIDE);
        limits.max_image_height = Some(MAX_SIDE);
        limits.max_alloc = Some(MAX_PIXELS * 4 + 64 * 1024 * 1024);
        limits
    }

    /// Reads a file no larger than [`MAX_FILE_BYTES`].
    fn read(source: &Path, rel: &str) -> Result<Vec<u8>, Broken> {
        let too_big = |len: u64| Broken {
            message: msg!(
                "images-file-too-big",
                file = format!("content/{rel}"),
                size = len / (1024 * 1024),
                max = MAX_FILE_BYTES / (1024 * 1024)
            ),
            hint: msg!("images-file-too-big-hint"),
        };
        let unreadable = |e: std::io::Error| Broken {
            message: msg!(
                "images-cannot-read",
                file = format!("content/{rel}"),
                why = e.to_string()
            ),
            hint: msg!("images-cannot-read-hint"),
        };
        let len = std::fs::metadata(source).map_err(unreadable)?.len();
        if len > MAX_FILE_BYTES {
            return Err(too_big(len));
        }
        std::fs::read(source).map_err(unreadable)
    }

    /// The decoder of `bytes`, with limits set and the declared size checked; and the format.
    fn decoder<'a>(bytes: &'a [u8], rel: &str) -> Result<(Format, impl ImageDecoder + 'a), Broken> {
        let not_an_image = || Broken {
            message: msg!("images-not-an-image", file = format!("content/{rel}")),
            hint: msg!("images-not-an-image-hint"),
        };
        let mut reader = ImageReader::new(Cursor::new(bytes))
            .with_guessed_format()
            .map_err(|_| not_an_image())?;
        let Some(image_format) = reader.format() else {
            return Err(not_an_image());
        };
        let format = match image_format {
            ImageFormat::Jpeg => Format::Jpeg,
            ImageFormat::Png => Format::Png,
            ImageFormat::WebP => Format::Webp,
            other => {
                return Err(Broken {
                    message: msg!(
                        "images-unsupported-format",
                        file = format!("content/{rel}"),
                        format = format!("{other:?}")
                    ),
                    hint: msg!("images-unsupported-format-hint"),
                });
            }
        };
        reader.limits(limits());
        let decoder = reader.into_decoder().map_err(|e| match e {
            // Refused from the header; read it again, without the limits and without decoding
            // a pixel, to tell the editor the size the file claims.
            image::ImageError::Limits(_) => too_large(
                rel,
                ImageReader::with_format(Cursor::new(bytes), image_format)
                    .into_dimensions()
                    .ok(),
            ),
            other => Broken {
                message: msg!(
                    "images-unreadable",
                    file = format!("content/{rel}"),
                    why = other.to_string()
                ),
                hint: msg!("images-save-again-hint"),
            },
        })?;
        let (w, h) = decoder.dimensions();
        if w == 0
            || h == 0
            || w > MAX_SIDE
            || h > MAX_SIDE
            || u64::from(w) * u64::from(h) > MAX_PIXELS
        {
            return Err(too_large(rel, Some((w, h))));
        }
        Ok((format, decoder))
    }

    fn too_large(rel: &str, size: Option<(u32, u32)>) -> Broken {
        let file = format!("content/{rel}");
        let megapixels = MAX_PIXELS / 1_000_000;
        // Sizes as text: no digit grouping, whatever the language.
        let side = MAX_SIDE.to_string();
        let message = match size {
            Some((w, h)) => msg!(
                "images-too-large-size",
                file,
                width = w.to_string(),
                height = h.to_string(),
                side,
                megapixels
            ),
            None => msg!("images-too-large", file, side, megapixels),
        };
        Broken {
            message,
            hint: msg!("images-too-large-hint"),
        }
    }

    pub(super) fn read_header(source: &Path, rel: &str) -> Result<Header, Broken> {
        let bytes = read(source, rel)?;
        let hash = xxhash_rust::xxh3::xxh3_64(&bytes);
        let (format, mut decoder) = decoder(&bytes, rel)?;
        let (w, h) = decoder.dimensions();
        let alpha = decoder.color_type().has_alpha();
        let orientation = decoder
            .orientation()
            .unwrap_or(image::metadata::Orientation::NoTransforms);
        let (width, height) = if swaps_sides(orientation) {
            (h, w)
        } else {
            (w, h)
        };
        Ok(Header {
            format,
            width,
            height,
            alpha,
            hash,
        })
    }

    fn swaps_sides(o: image::metadata::Orientation) -> bool {
        use image::metadata::Orientation as O;
        matches!(
            o,
            O::Rotate90 | O::Rotate270 | O::Rotate90FlipH | O::Rotate270FlipH
        )
    }

    /// Upright pixels: 3 or 4 bytes each.
    struct Pixels {
        width: u32,
        height: u32,
        alpha: bool,
        data: Vec<u8>,
    }

    fn decode(photo: &Photo) -> Result<Pixels, Message> {
        let bytes = read(&photo.source, &photo.rel).map_err(|b| b.message)?;
        let (format, mut decoder) = decoder(&bytes, &photo.rel).map_err(|b| b.message)?;
        if format == Format::Jpeg && !jpeg_is_complete(&bytes) {
            return Err(msg!("images-cut-short"));
        }
        let orientation = decoder
            .orientation()
            .unwrap_or(image::metadata::Orientation::NoTransforms);
        let icc = decoder.icc_profile().ok().flatten();
        let mut image = DynamicImage::from_decoder(decoder)
            .map_err(|e| msg!("images-cannot-decode", why = e.to_string()))?;
        image.apply_orientation(orientation);
        let (width, height) = (image.width(), image.height());
        let alpha = image.color().has_alpha();
        let mut data = if alpha {
            image.into_rgba8().into_raw()
        } else {
            image.into_rgb8().into_raw()
        };
        if let Some(icc) = icc {
            to_srgb(&icc, &mut data, alpha);
        }
        Ok(Pixels {
            width,
            height,
            alpha,
            data,
        })
    }

    /// Converts pixels described by the ICC profile `icc` (a phone's Display P3, a camera's
    /// Adobe RGB) to sRGB. Published images carry no profile (it goes with the rest of the
    /// metadata), and browsers show an image without one as sRGB: unconverted, a P3 photo
    /// would look dull. A profile that is not RGB (grey, CMYK) or that qcms cannot read
    /// leaves the pixels as they are, which is what a browser would show.
    pub(super) fn to_srgb(icc: &[u8], data: &mut [u8], alpha: bool) {
        // The header's colour space field: only RGB profiles describe RGB pixels.
        if icc.get(16..20) != Some(b"RGB ".as_slice()) {
            return;
        }
        let kind = if alpha {
            qcms::DataType::RGBA8
        } else {
            qcms::DataType::RGB8
        };
        // qcms is Firefox's, read hostile profiles from the web for years; still, a panic in
        // it (its debug assertions) must not take the build down with it.
        let transform = std::panic::catch_unwind(|| {
            let input = qcms::Profile::new_from_slice(icc, false)?;
            let mut srgb = qcms::Profile::new_sRGB();
            srgb.precache_output_transform();
            qcms::Transform::new(&input, &srgb, kind, qcms::Intent::default())
        });
        let Ok(Some(transform)) = transform else {
            return;
        };
        // Whole pixels per chunk, a few hundred kilobytes each, converted on every core.
        let chunk = kind.bytes_per_pixel() * 64 * 1024;
        data.par_chunks_mut(chunk)
            .for_each(|pixels| transform.apply(pixels));
    }

    /// Whether a JPEG's entropy-coded data runs to its end marker. The decoder fills a cut
    /// file with grey instead of failing, so truncation is checked by walking the segments.
    pub(super) fn jpeg_is_complete(bytes: &[u8]) -> bool {
        if !bytes.starts_with(&[0xFF, 0xD8]) {
            return false;
        }
        let mut i = 2;
        while i + 1 < bytes.len() {
            if bytes[i] != 0xFF {
                return false;
            }
            let marker = bytes[i + 1];
            match marker {
                0xD9 => return true,
                0xFF => i += 1,
                0x01 | 0xD0..=0xD7 => i += 2,
                _ => {
                    let Some(len) = bytes
                        .get(i + 2..i + 4)
                        .map(|b| usize::from(u16::from_be_bytes([b[0], b[1]])))
                    else {
                        return false;
                    };
                    i += 2 + len;
                    if marker == 0xDA {
                        // Scan data: up to the next marker that is not a stuffed byte or a
                        // restart marker.
                        loop {
                            let Some(at) = bytes.get(i..).and_then(|rest| {
                                rest.iter().position(|&b| b == 0xFF).map(|p| i + p)
                            }) else {
                                return false;
                            };
                            match bytes.get(at + 1) {
                                Some(0x00 | 0xD0..=0xD7 | 0xFF) => i = at + 1,
                                Some(_) => {
                                    i = at;
                                    break;
                                }
                                None => return false,
                            }
                        }
                    }
                }
            }
        }
        false
    }

    /// Decodes the photo and writes each of `missing` into the cache. The sizes are made in
    /// parallel (a site with one new photo still uses every core); the WebP and the JPEG of
    /// one size share one resize.
    pub(super) fn make(
        photo: &Photo,
        missing: &[&Variant],
        cache: &Path,
        quality: u8,
    ) -> Result<(), Message> {
        let pixels = decode(photo)?;
        let mut groups: Vec<Vec<&Variant>> = Vec::new();
        for &v in missing {
            match groups.iter_mut().find(|g| {
                g.first()
                    .is_some_and(|f| (f.width, f.height, f.kind) == (v.width, v.height, v.kind))
            }) {
                Some(group) => group.push(v),
                None => groups.push(vec![v]),
            }
        }
        let results: Vec<Result<(), Message>> = groups
            .par_iter()
            .map(|group| {
                let Some(first) = group.first() else {
                    return Ok(());
                };
                let data = resize(&pixels, first)?;
                for v in group {
                    let encoded = match v.kind {
                        Kind::Resized => {
                            encode(&data, v.width, v.height, pixels.alpha, v.format, quality)?
                        }
                        Kind::Original => encode(
                            &data,
                            v.width,
                            v.height,
                            pixels.alpha,
                            v.format,
                            HIGH_QUALITY.max(quality),
                        )?,
                        Kind::Crop { .. } => og_jpeg(&data, v, pixels.alpha, quality)?,
                    };
                    write_atomic(&cache.join(&v.cache_name), &encoded)?;
                }
                Ok(())
            })
            .collect();
        results.into_iter().collect()
    }

    /// The Open Graph crop as JPEG, at high quality when it fits [`OG_MAX_BYTES`], else at
    /// the highest quality that does.
    fn og_jpeg(data: &[u8], v: &Variant, alpha: bool, quality: u8) -> Result<Vec<u8>, Message> {
        let mut encoded = Vec::new();
        for q in [HIGH_QUALITY.max(quality), 80, 70, 60, 50, 40, 30, 20, 10] {
            encoded = encode(data, v.width, v.height, alpha, Format::Jpeg, q)?;
            if encoded.len() <= OG_MAX_BYTES {
                break;
            }
        }
        Ok(encoded)
    }

    /// The pixels of `v`: the decoded picture itself when it is wanted at full size.
    fn resize<'p>(pixels: &'p Pixels, v: &Variant) -> Result<Cow<'p, [u8]>, Message> {
        if v.kind == Kind::Original
            || (v.width == pixels.width
                && v.height == pixels.height
                && !matches!(v.kind, Kind::Crop { .. }))
        {
            return Ok(Cow::Borrowed(&pixels.data));
        }
        let pixel_type = if pixels.alpha {
            fir::PixelType::U8x4
        } else {
            fir::PixelType::U8x3
        };
        let src = fir::images::ImageRef::new(pixels.width, pixels.height, &pixels.data, pixel_type)
            .map_err(|e| msg!("images-cannot-resize", why = e.to_string()))?;
        let mut dst = fir::images::Image::new(v.width, v.height, pixel_type);
        let mut options = fir::ResizeOptions::new()
            .resize_alg(fir::ResizeAlg::Convolution(fir::FilterType::Lanczos3));
        if let Kind::Crop { focus } = v.kind {
            let (left, top, w, h) = crop_box(pixels.width, pixels.height, focus);
            options = options.crop(left, top, w, h);
        }
        fir::Resizer::new()
            .resize(&src, &mut dst, &options)
            .map_err(|e| msg!("images-cannot-resize", why = e.to_string()))?;
        Ok(Cow::Owned(dst.into_vec()))
    }

    /// Encodes pixels; none of these encoders writes metadata of any kind.
    fn encode(
        data: &[u8],
        width: u32,
        height: u32,
        alpha: bool,
        format: Format,
        quality: u8,
    ) -> Result<Vec<u8>, Message> {
        let color = if alpha {
            image::ExtendedColorType::Rgba8
        } else {
            image::ExtendedColorType::Rgb8
        };
        let mut out = Vec::new();
        match format {
            Format::Webp => {
                let encoder = if alpha {
                    webp::Encoder::from_rgba(data, width, height)
                } else {
                    webp::Encoder::from_rgb(data, width, height)
                };
                let encoded = encoder
                    .encode_simple(false, f32::from(quality))
                    .map_err(|e| {
                        msg!(
                            "images-cannot-encode",
                            format = "WebP",
                            why = format!("{e:?}")
                        )
                    })?;
                out.extend_from_slice(&encoded);
            }
            Format::Jpeg => {
                let rgb;
                let (data, color) = if alpha {
                    rgb = on_white(data);
                    (&rgb[..], image::ExtendedColorType::Rgb8)
                } else {
                    (data, color)
                };
                image::codecs::jpeg::JpegEncoder::new_with_quality(&mut out, quality)
                    .write_image(data, width, height, color)
                    .map_err(|e| {
                        msg!("images-cannot-encode", format = "JPEG", why = e.to_string())
                    })?;
            }
            Format::Png => {
                image::codecs::png::PngEncoder::new_with_quality(
                    &mut out,
                    image::codecs::png::CompressionType::Best,
                    image::codecs::png::FilterType::Adaptive,
                )
                .write_image(data, width, height, color)
                .map_err(|e| msg!("images-cannot-encode", format = "PNG", why = e.to_string()))?;
            }
        }
        Ok(out)
    }

    /// RGBA over a white background, as RGB: JPEG has no transparency, and a transparent
    /// logo must not turn black in a link preview.
    pub(super) fn on_white(rgba: &[u8]) -> Vec<u8> {
        let blend = |c: u8, a: u8| {
            let (c, a) = (u32::from(c), u32::from(a));
            // c·a + 255·(255 − a), over 255, rounded.
            u8::try_from((c * a + 255 * (255 - a) + 127) / 255).unwrap_or(u8::MAX)
        };
        rgba.chunks_exact(4)
            .flat_map(|p| [blend(p[0], p[3]), blend(p[1], p[3]), blend(p[2], p[3])])
            .collect()
    }

    /// Writes beside the target and renames, so that a build killed half-way (or another
    /// build at the same time) never leaves a truncated file in the cache.
    fn write_atomic(path: &Path, bytes: &[u8]) -> Result<(), Message> {
        let tmp = path.with_extension(format!("tmp{}", std::process::id()));
        std::fs::write(&tmp, bytes)
            .and_then(|()| std::fs::rename(&tmp, path))
            .map_err(|e| {
                let _ = std::fs::remove_file(&tmp);
                msg!(
                    "images-cannot-write",
                    path = path.display().to_string(),
                    why = e.to_string()
                )
            })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn photo(width: u32, height: u32) -> Photo {
        let mut p = Photo {
            rel: "berita/foto.jpg".into(),
            url: "/berita/foto.jpg".into(),
            source: PathBuf::from("foto.jpg"),
            width,
            height,
            format: Format::Jpeg,
            alpha: false,
            key: 0x0123_4567_89ab_cdef,
            out_stem: "/processed_images/foto".into(),
            variants: Vec::new(),
        };
        let settings = ImagesConfig::default();
        let mut widths: Vec<u32> = settings
            .widths
            .iter()
            .copied()
            .filter(|&w| w < width)
            .collect();
        if settings.widths.iter().any(|&w| w >= width) {
            widths.push(width);
        }
        for format in [Format::Webp, Format::Jpeg] {
            for &w in &widths {
                let h = scaled_height(width, height, w);
                p.variants.push(p.variant(w, h, format, Kind::Resized));
            }
        }
        p
    }

    #[test]
    fn widths_are_never_upscaled() {
        let big = photo(4000, 3000);
        assert_eq!(
            big.srcset(Format::Webp),
            "/processed_images/foto-480.0123456789abcdef.webp 480w, /processed_images/foto-800.0123456789abcdef.webp 800w, /processed_images/foto-1200.0123456789abcdef.webp 1200w"
        );
        let small = photo(1000, 500);
        let widths: Vec<u32> = small.of(Format::Jpeg).map(|v| v.width).collect();
        assert_eq!(widths, [480, 800, 1000]);
        assert_eq!(small.src().map(|v| v.width), Some(800));
        let tiny = photo(300, 200);
        let widths: Vec<u32> = tiny.of(Format::Webp).map(|v| v.width).collect();
        assert_eq!(widths, [300]);
    }

    #[test]
    fn og_crop_keeps_the_focus_inside_the_picture() {
        // A portrait photo: the full width, 1200/630 high, moved down to the focus.
        let (left, top, w, h) = crop_box(1600, 2400, (0.5, 0.9));
        assert_eq!((left, w), (0.0, 1600.0));
        assert!((h - 840.0).abs() < 0.01);
        assert!((top - (2400.0 - 840.0)).abs() < 0.01, "{top}");
        let (left, top, _, _) = crop_box(4000, 1000, (0.0, 0.5));
        assert_eq!((left, top), (0.0, 0.0));
        let p = photo(4000, 3000);
        let og = p.og((0.5, 0.5));
        assert_eq!((og.width, og.height), (1200, 630));
        assert!(og.url.starts_with("/processed_images/foto-og.") && og.url.ends_with(".jpg"));
        assert_ne!(
            og.url,
            p.og((0.2, 0.2)).url,
            "another focus is another file"
        );
        let small = photo(800, 600).og((0.5, 0.5));
        assert_eq!((small.width, small.height), (800, 420));
    }

    #[test]
    fn picture_has_srcset_sizes_and_dimensions() {
        let html = photo(4000, 3000).picture("Petugas & warga", Some("judul"), false);
        assert!(html.starts_with(
            "<picture><source type=\"image/webp\" srcset=\"/processed_images/foto-480."
        ));
        assert!(html.contains(" width=\"1200\" height=\"900\" alt=\"Petugas &amp; warga\" title=\"judul\" loading=\"lazy\" decoding=\"async\"></picture>"), "{html}");
        assert!(html.contains("<img src=\"/processed_images/foto-800.0123456789abcdef.jpg\""));
        let lead = photo(4000, 3000).picture("x", None, true);
        assert!(lead.contains("fetchpriority=\"high\"") && !lead.contains("lazy"));
    }

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

    #[cfg(feature = "images")]
    #[test]
    fn transparency_becomes_white_in_jpeg() {
        // Opaque red, transparent black, half-transparent black.
        let rgba = [255, 0, 0, 255, 0, 0, 0, 0, 0, 0, 0, 128];
        assert_eq!(
            codec::on_white(&rgba),
            [255, 0, 0, 255, 255, 255, 127, 127, 127]
        );
    }

    #[test]
    fn sizes_match_the_theme_column() {
        // The kp2mi theme: `main` 42rem wide with 1rem padding on phones; its children 42rem
        // at most on wider screens, reached when the screen is 44rem wide.
        assert_eq!(SIZES, "(min-width: 44rem) 42rem, calc(100vw - 2rem)");
        // A 360 px phone at 2×: 656 pixels, so the 800 px file is the one it loads.
        let needed = (360 - 32) * 2;
        let settings = ImagesConfig::default();
        assert_eq!(
            settings.widths.iter().find(|&&w| w >= needed),
            Some(&BUDGET_WIDTH)
        );
    }

    #[cfg(feature = "images")]
    #[test]
    fn cut_jpegs_are_found() {
        // SOI, a COM segment, SOS with scan data holding a stuffed byte and a restart, EOI.
        let whole = [
            0xFF, 0xD8, 0xFF, 0xFE, 0x00, 0x04, b'h', b'i', 0xFF, 0xDA, 0x00, 0x02, 0x12, 0xFF,
            0x00, 0x34, 0xFF, 0xD0, 0x56, 0xFF, 0xD9,
        ];
        assert!(codec::jpeg_is_complete(&whole));
        for cut in 0..whole.len() - 1 {
            assert!(!codec::jpeg_is_complete(&whole[..cut]), "cut at {cut}");
        }
        let mut trailer = whole.to_vec();
        trailer.extend_from_slice(b"motion photo video after the end");
        assert!(codec::jpeg_is_complete(&trailer));
    }

    #[cfg(feature = "images")]
    #[test]
    fn pixels_without_a_usable_rgb_profile_are_left_as_they_are() {
        let pixels: Vec<u8> = (0..=255).cycle().take(3 * 1000).collect();
        // A grey profile's header, a CMYK one's, one cut short, noise, nothing.
        let mut grey = vec![0u8; 200];
        grey[..4].copy_from_slice(&200u32.to_be_bytes());
        grey[12..20].copy_from_slice(b"mntrGRAY");
        let mut cmyk = grey.clone();
        cmyk[16..20].copy_from_slice(b"CMYK");
        let mut cut = grey.clone();
        cut[16..20].copy_from_slice(b"RGB ");
        cut.truncate(100);
        let noise: Vec<u8> = (0..600u32).map(|i| (i * 7919 % 251) as u8).collect();
        for (name, icc) in [
            ("grey", grey),
            ("cmyk", cmyk),
            ("cut", cut),
            ("noise", noise),
            ("empty", Vec::new()),
        ] {
            for alpha in [false, true] {
                let mut data = pixels.clone();
                if alpha {
                    data.truncate(4 * 700);
                }
                let before = data.clone();
                codec::to_srgb(&icc, &mut data, alpha);
                assert_eq!(data, before, "{name}");
            }
        }
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
