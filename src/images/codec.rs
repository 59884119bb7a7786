//! Decoding, orienting, colour management, resizing and encoding: the only code that touches
//! pixels (the `images` feature). It refuses what could take the build down before a pixel is
//! decoded (files over 64 MB, sizes a decompression bomb declares), finds JPEGs cut short, and
//! writes no metadata of any kind. Where the bytes it makes go is the caller's: it hands each
//! encoded file to a `store` function.

use std::borrow::Cow;
use std::io::Cursor;
use std::path::Path;

use crate::i18n::Message;
use crate::msg;
use fast_image_resize as fir;
use image::{DynamicImage, ImageDecoder, ImageEncoder, ImageFormat, ImageReader, Limits};
use rayon::prelude::*;

use super::{Broken, Format, Header, Kind, OG_MAX_BYTES, Photo, Variant, crop_box};

/// Bumped whenever processing changes its output, so that old cache entries are not reused.
pub(super) const PIPELINE_VERSION: u64 = 3;

/// Quality of re-encoded originals and Open Graph crops (shown large, once).
const HIGH_QUALITY: u8 = 88;

/// Files larger than this are not read (a phone photo is 3–8 MB).
const MAX_FILE_BYTES: u64 = 64 * 1024 * 1024;

/// Refused from the header, before any pixel is decoded: a decompression bomb declares a huge
/// size in a few bytes. 16,384 px a side and 210 megapixels admit a 200 MP phone photo.
const MAX_SIDE: u32 = 16_384;
const MAX_PIXELS: u64 = 210_000_000;

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
    if w == 0 || h == 0 || w > MAX_SIDE || h > MAX_SIDE || u64::from(w) * u64::from(h) > MAX_PIXELS
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
fn to_srgb(icc: &[u8], data: &mut [u8], alpha: bool) {
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
fn jpeg_is_complete(bytes: &[u8]) -> bool {
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
                        let Some(at) = bytes
                            .get(i..)
                            .and_then(|rest| rest.iter().position(|&b| b == 0xFF).map(|p| i + p))
                        else {
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

/// Decodes the photo and hands each of `missing`, encoded, to `store`. The sizes are made in
/// parallel (a site with one new photo still uses every core); the WebP and the JPEG of
/// one size share one resize.
pub(super) fn make(
    photo: &Photo,
    missing: &[&Variant],
    quality: u8,
    store: impl Fn(&Variant, &[u8]) -> Result<(), Message> + Sync,
) -> Result<(), Message> {
    let pixels = decode(photo)?;
    let results: Vec<Result<(), Message>> = same_pixels(missing)
        .par_iter()
        .map(|group| {
            let Some(first) = group.first() else {
                return Ok(());
            };
            let data = resize(&pixels, first)?;
            for v in group {
                store(v, &encode_variant(&data, v, pixels.alpha, quality)?)?;
            }
            Ok(())
        })
        .collect();
    results.into_iter().collect()
}

/// `variants` grouped by the pixels they are made of (size and kind), in order of first
/// appearance: each group is resized once.
fn same_pixels<'v>(variants: &[&'v Variant]) -> Vec<Vec<&'v Variant>> {
    let mut groups: Vec<Vec<&Variant>> = Vec::new();
    for &v in variants {
        match groups.iter_mut().find(|g| {
            g.first()
                .is_some_and(|f| (f.width, f.height, f.kind) == (v.width, v.height, v.kind))
        }) {
            Some(group) => group.push(v),
            None => groups.push(vec![v]),
        }
    }
    groups
}

/// The file of `v` from its resized pixels `data`: originals and Open Graph crops at high
/// quality (a crop lower when it must, to fit), the responsive widths at `quality`.
fn encode_variant(data: &[u8], v: &Variant, alpha: bool, quality: u8) -> Result<Vec<u8>, Message> {
    match v.kind {
        Kind::Resized => encode(data, v.width, v.height, alpha, v.format, quality),
        Kind::Original => encode(
            data,
            v.width,
            v.height,
            alpha,
            v.format,
            HIGH_QUALITY.max(quality),
        ),
        Kind::Crop { .. } => og_jpeg(data, v, alpha, quality),
    }
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
                .map_err(|e| msg!("images-cannot-encode", format = "JPEG", why = e.to_string()))?;
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
fn on_white(rgba: &[u8]) -> Vec<u8> {
    let blend = |c: u8, a: u8| {
        let (c, a) = (u32::from(c), u32::from(a));
        // c·a + 255·(255 − a), over 255, rounded.
        u8::try_from((c * a + 255 * (255 - a) + 127) / 255).unwrap_or(u8::MAX)
    };
    rgba.chunks_exact(4)
        .flat_map(|p| [blend(p[0], p[3]), blend(p[1], p[3]), blend(p[2], p[3])])
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn transparency_becomes_white_in_jpeg() {
        // Opaque red, transparent black, half-transparent black.
        let rgba = [255, 0, 0, 255, 0, 0, 0, 0, 0, 0, 0, 128];
        assert_eq!(on_white(&rgba), [255, 0, 0, 255, 255, 255, 127, 127, 127]);
    }

    #[test]
    fn cut_jpegs_are_found() {
        // SOI, a COM segment, SOS with scan data holding a stuffed byte and a restart, EOI.
        let whole = [
            0xFF, 0xD8, 0xFF, 0xFE, 0x00, 0x04, b'h', b'i', 0xFF, 0xDA, 0x00, 0x02, 0x12, 0xFF,
            0x00, 0x34, 0xFF, 0xD0, 0x56, 0xFF, 0xD9,
        ];
        assert!(jpeg_is_complete(&whole));
        for cut in 0..whole.len() - 1 {
            assert!(!jpeg_is_complete(&whole[..cut]), "cut at {cut}");
        }
        let mut trailer = whole.to_vec();
        trailer.extend_from_slice(b"motion photo video after the end");
        assert!(jpeg_is_complete(&trailer));
    }

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
                to_srgb(&icc, &mut data, alpha);
                assert_eq!(data, before, "{name}");
            }
        }
    }
}
