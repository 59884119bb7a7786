//! `budgets:` in site.yaml: the most each kind of file may weigh (docs/budgets.md).
//!
//! Written in KB, kept in bytes. Checking the built files against them is the `budgets`
//! stage's business, not this one's.

use serde::Deserialize;

use crate::i18n::Message;
use crate::msg;

/// `budgets:` in site.yaml: the most each kind of file may weigh, in KB (docs/budgets.md).
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawBudgets {
    html: Option<u64>,
    css: Option<u64>,
    js: Option<u64>,
    image: Option<u64>,
}

/// What readers may be made to download (`budgets:` in site.yaml), in bytes. HTML, CSS and
/// JavaScript are measured gzipped, per file; over budget is a warning, not an error.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Budgets {
    /// Each HTML page, gzipped.
    pub html: u64,
    /// Each stylesheet, gzipped.
    pub css: u64,
    /// Each script, gzipped.
    pub js: u64,
    /// Each photo as a phone downloads it (the 800 px WebP); the same as `images.budget_bytes`.
    pub image: u64,
}

impl Default for Budgets {
    fn default() -> Self {
        Budgets {
            html: 40 * 1024,
            css: 20 * 1024,
            js: 15 * 1024,
            image: 100 * 1024,
        }
    }
}

/// Validates `budgets:` (KB in the file, bytes in [`Budgets`]); `image` defaults to the image
/// budget already set under `images:`.
pub(super) fn budgets_config(
    raw: RawBudgets,
    image_default: u64,
    error: &mut dyn FnMut(Message, Message),
) -> Budgets {
    let default = Budgets::default();
    let mut kb = |key: &str, value: Option<u64>, fallback: u64| match value {
        None => fallback,
        Some(0) => {
            error(
                msg!("config-budget-zero", key),
                msg!("config-budget-zero-hint"),
            );
            fallback
        }
        Some(kb) => kb.saturating_mul(1024),
    };
    Budgets {
        html: kb("html", raw.html, default.html),
        css: kb("css", raw.css, default.css),
        js: kb("js", raw.js, default.js),
        image: kb("image", raw.image, image_default),
    }
}
