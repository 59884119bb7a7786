//! `warta build`: the site written for publishing — the pipeline's files under the base
//! path, optionally precompressed, with a manifest of every file — or, given the manifest of the
//! live site, a failed build when a published page address would be lost.

use std::time::Instant;

use crate::diag::Diagnostics;
use crate::manifest::Manifest;
use crate::output::{self, WriteOptions};
use crate::pipeline::{self, BuildReport, Options};
use crate::published_urls;

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
    let generated = pipeline::generate(opts)?;
    if let Some(live) = published {
        let lost =
            published_urls::check(live, &generated.config, &generated.graph, generated.paths());
        if !lost.is_empty() {
            let mut diags = generated.diagnostics;
            diags.extend(lost);
            return Err(diags);
        }
    }
    let files = if opts.write {
        let pages = published_urls::records(&generated.config, &generated.graph);
        let write = WriteOptions {
            base_path: &generated.config.base_path,
            precompress: precompress || generated.config.output.precompress,
            pages: Some(&pages),
        };
        match output::write_with(&output_dir, &generated.files, &generated.assets, &write) {
            Ok(n) => n,
            Err(ds) => {
                let mut diags = generated.diagnostics;
                diags.extend(ds);
                return Err(diags);
            }
        }
    } else {
        generated.files.len() + generated.assets.len()
    };
    Ok(BuildReport {
        pages: generated.pages,
        files,
        unpublished: generated.unpublished,
        output: output_dir,
        elapsed: start.elapsed(),
        diagnostics: generated.diagnostics,
        images: generated.images,
    })
}
