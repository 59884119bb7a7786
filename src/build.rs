//! `warta build`: the site written for publishing — the pipeline's files under the base
//! path, optionally precompressed, with a manifest of every file — or, given the manifest of the
//! live site, a failed build when a published page address would be lost.

use std::path::PathBuf;
use std::time::{Duration, Instant};

use crate::diag::Diagnostics;
use crate::images;
use crate::manifest::Manifest;
use crate::output::{self, WriteOptions};
use crate::pipeline::{self, Options};
use crate::published_urls;

/// What a successful build did.
#[derive(Debug)]
pub struct BuildReport {
    /// Published pages per language, in site order.
    pub pages: Vec<(String, usize)>,
    pub files: usize,
    pub unpublished: usize,
    pub output: PathBuf,
    pub elapsed: Duration,
    /// Warnings only.
    pub diagnostics: Diagnostics,
    /// Images processed in this run and found in the cache.
    pub images: images::Stats,
}

/// `warta build`: runs the pipeline and writes the site for its host — files relative to the
/// base path, `.gz`/`.br` beside the compressible ones when `precompress` (or
/// `output.precompress`) asks, and `.warta-manifest.json`. Given the manifest of the live
/// site (`published`), a page address of it that this build would lose fails the build.
pub fn build(
    opts: &Options,
    precompress: bool,
    published: Option<&Manifest>,
) -> Result<BuildReport, Diagnostics> {
    let start = Instant::now();
    let output_dir = opts
        .output
        .clone()
        .unwrap_or_else(|| opts.root.join("public"));
    if opts.write
        && let Err(d) = output::check_target(&opts.root, &output_dir)
    {
        let mut diags = Diagnostics::new();
        diags.push(d);
        return Err(diags);
    }
    let built = pipeline::generate(opts)?;
    if let Some(live) = published {
        let lost = published_urls::check(live, &built.config, &built.graph, built.paths());
        if !lost.is_empty() {
            let mut diags = built.diagnostics;
            diags.extend(lost);
            return Err(diags);
        }
    }
    let files = if opts.write {
        let pages = published_urls::records(&built.config, &built.graph);
        let write = WriteOptions {
            base_path: &built.config.base_path,
            precompress: precompress || built.config.output.precompress,
            pages: Some(&pages),
        };
        match output::write_with(&output_dir, &built.files, &built.assets, &write) {
            Ok(n) => n,
            Err(ds) => {
                let mut diags = built.diagnostics;
                diags.extend(ds);
                return Err(diags);
            }
        }
    } else {
        built.files.len() + built.assets.len()
    };
    Ok(BuildReport {
        pages: built.pages,
        files,
        unpublished: built.unpublished,
        output: output_dir,
        elapsed: start.elapsed(),
        diagnostics: built.diagnostics,
        images: built.images,
    })
}
