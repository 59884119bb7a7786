//! Planning: from the header of a photo to the files made of it (the responsive widths, never
//! upscaled; the Open Graph crop around a focal point; the re-encoded original) and the names
//! they get, from the content hash mixed with the settings. No pixel is read here: this is
//! what rendering waits for, so it stays at the cost of reading a header.

use std::path::Path;

use crate::config::ImagesConfig;
use crate::msg;

use super::{
    BUDGET_WIDTH, Broken, Format, Kind, OG_HEIGHT, OG_WIDTH, Photo, UNSHOWABLE, Variant, crop_box,
    extension,
};

#[cfg(feature = "images")]
use super::codec::read_header;

/// Without the `images` feature no header is read (and no photo planned).
#[cfg(not(feature = "images"))]
fn read_header(_source: &Path, rel: &str) -> Result<super::Header, Broken> {
    Err(Broken {
        message: msg!("images-no-feature", file = format!("content/{rel}")),
        hint: msg!("images-no-feature-hint"),
    })
}

/// Header → photo with its outputs planned.
pub(super) fn plan(
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
    let mut photo = Photo {
        out_stem: format!("{out_dir}/{}", output_stem(url)),
        rel: rel.to_string(),
        url: url.to_string(),
        source: source.to_path_buf(),
        width: header.width,
        height: header.height,
        format: header.format,
        alpha: header.alpha,
        key: header.hash ^ settings_hash(settings),
        variants: Vec::new(),
    };
    let widths = responsive_widths(settings, photo.width);
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

/// What the names of a photo's outputs start with: the name of the original at `url`,
/// without its extension, as a slug.
fn output_stem(url: &str) -> String {
    let name = url.rsplit('/').next().unwrap_or(url);
    let stem = match name.rsplit_once('.') {
        Some((stem, _)) if !stem.is_empty() => stem,
        _ => name,
    };
    // Copies go into `srcset`, where a space or a comma would end the URL: `Foto Kunjungan.jpg`
    // gives `foto-kunjungan-800.….webp`.
    match crate::content::slug::slugify(stem) {
        s if s.is_empty() => "image".to_string(),
        s => s,
    }
}

/// The widths a `width`-wide photo is offered at: the configured ones below its own width,
/// and its own width when some configured width reaches it (never upscaled).
fn responsive_widths(settings: &ImagesConfig, width: u32) -> Vec<u32> {
    let mut widths: Vec<u32> = settings
        .widths
        .iter()
        .copied()
        .filter(|&w| w < width)
        .collect();
    // Never upscaled: a photo narrower than the widest width is also offered at its own width.
    if settings.widths.iter().any(|&w| w >= width) {
        widths.push(width);
    }
    widths
}

/// The height of a `width`-wide copy of a `w`×`h` picture, at least one pixel.
fn scaled_height(w: u32, h: u32, width: u32) -> u32 {
    let scaled = (u64::from(h) * u64::from(width) + u64::from(w) / 2) / u64::from(w.max(1));
    u32::try_from(scaled).unwrap_or(u32::MAX).max(1)
}

/// A hash of the settings that change the bytes of an output.
fn settings_hash(settings: &ImagesConfig) -> u64 {
    #[cfg(feature = "images")]
    let version = super::codec::PIPELINE_VERSION;
    #[cfg(not(feature = "images"))]
    let version = 0u64;
    xxhash_rust::xxh3::xxh3_64(format!("v{version} q{}", settings.quality).as_bytes())
}

impl Photo {
    /// JPEG, or PNG when the picture has transparency.
    pub(super) fn fallback_format(&self) -> Format {
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

    /// The responsive widths of one format.
    pub(super) fn of(&self, format: Format) -> impl Iterator<Item = &Variant> {
        self.variants.iter().filter(move |v| v.format == format)
    }

    /// The WebP held to the image budget: at 800 px, or the widest below.
    pub(super) fn budget_variant(&self) -> Option<&Variant> {
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
    pub(super) fn original(&self) -> Variant {
        self.variant(self.width, self.height, self.format, Kind::Original)
    }
}

#[cfg(test)]
pub(super) mod tests {
    use std::path::PathBuf;

    use super::*;

    /// A `width`×`height` JPEG planned with the default settings, without reading a file.
    pub(in crate::images) fn photo(width: u32, height: u32) -> Photo {
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
}
