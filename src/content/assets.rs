//! The files under `content/` that are not pages (photos, PDFs): each given its URL beside its
//! section's output, keeping its path below the section folder, and claimed as an output.
//! Only the ones a published page links are published; that is decided after rendering.

use std::collections::HashMap;

use super::sections::Sections;
use super::urls::{Origin, OutputMap};
use crate::artifact::AssetOut;
use crate::config::Config;
use crate::diag::Diagnostics;
use crate::source::Asset;

/// Every file under `content/` that is not a page, with its URL both ways.
#[derive(Default)]
pub(super) struct Assets {
    pub(super) files: Vec<AssetOut>,
    /// `content/`-relative path → URL.
    pub(super) urls: HashMap<String, String>,
    /// URL → `content/`-relative path.
    pub(super) rels: HashMap<String, String>,
}

/// Gives every asset its URL: `berita/foto.jpg` below the default language's slug of section
/// `berita`, any other path as it is.
pub(super) fn place(
    config: &Config,
    assets: Vec<Asset>,
    sections: &Sections,
    outputs: &mut OutputMap,
) -> (Assets, Diagnostics) {
    let mut diags = Diagnostics::new();
    let mut out = Assets::default();
    for asset in assets {
        let mut parts = asset.rel.splitn(2, '/');
        let first = parts.next().unwrap_or("");
        let url = match (parts.next(), sections.index_of(Some(first))) {
            (Some(rest), Some(si)) => {
                let slug = sections.list[si]
                    .langs
                    .get(&config.default_language)
                    .map_or(first, |sl| sl.slug.as_str());
                config.url(&format!("/{slug}/{rest}"))
            }
            _ => config.url(&format!("/{}", asset.rel)),
        };
        outputs.claim(
            &url,
            Origin::file(format!("content/{}", asset.rel)),
            &mut diags,
        );
        out.urls.insert(asset.rel.clone(), url.clone());
        out.rels.insert(url.clone(), asset.rel.clone());
        out.files.push(AssetOut {
            source: asset.source,
            url,
        });
    }
    (out, diags)
}
