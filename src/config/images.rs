//! `images:` in site.yaml: how photos are turned into responsive images (docs/images.md),
//! and the folder the processed photos are published in.
//!
//! Only the settings; planning, encoding and caching are the `images` stage's.

use serde::Deserialize;

use crate::i18n::Message;
use crate::msg;

/// `images:` in site.yaml: how photos are turned into responsive images (docs/images.md).
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawImages {
    widths: Option<Vec<u32>>,
    quality: Option<u8>,
    publish_originals: Option<bool>,
    image_budget_kb: Option<u64>,
}

/// How photos are processed (`images:` in site.yaml).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImagesConfig {
    /// The widths made of every photo, ascending; none wider than the photo itself.
    pub widths: Vec<u32>,
    /// Encoder quality, 1–100, for WebP and JPEG alike.
    pub quality: u8,
    /// Also publish the original file (metadata stripped) at its own URL.
    pub publish_originals: bool,
    /// A warning (`image-budget`) when the 800 px WebP of a photo is larger than this.
    pub budget_bytes: u64,
}

/// The folder of the processed photos under the site's base path. Everything in it is named
/// by a hash of its bytes, so the host may cache it for a year.
pub const IMAGES_OUTPUT_DIR: &str = "/processed_images";

impl Default for ImagesConfig {
    fn default() -> Self {
        ImagesConfig {
            widths: vec![480, 800, 1200],
            quality: 75,
            publish_originals: false,
            budget_bytes: 100 * 1024,
        }
    }
}

/// Validates `images:`; each problem goes to `error(message, hint)`.
pub(super) fn images_config(
    raw: RawImages,
    error: &mut dyn FnMut(Message, Message),
) -> ImagesConfig {
    let default = ImagesConfig::default();
    let mut widths = raw.widths.unwrap_or(default.widths);
    if widths.is_empty() || widths.iter().any(|w| !(16..=4096).contains(w)) {
        error(
            msg!("config-image-widths", found = format!("{widths:?}")),
            msg!("config-image-widths-hint"),
        );
        widths = ImagesConfig::default().widths;
    }
    widths.sort_unstable();
    widths.dedup();
    let quality = match raw.quality {
        Some(q) if (1..=100).contains(&q) => q,
        Some(q) => {
            error(
                msg!("config-image-quality", found = q),
                msg!("config-image-quality-hint"),
            );
            default.quality
        }
        None => default.quality,
    };
    ImagesConfig {
        widths,
        quality,
        publish_originals: raw.publish_originals.unwrap_or(default.publish_originals),
        budget_bytes: raw
            .image_budget_kb
            .map_or(default.budget_bytes, |kb| kb.saturating_mul(1024)),
    }
}
