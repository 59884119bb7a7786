//! The cache of processed images (`<root>/.warta-cache/images/`) and the work that fills it:
//! [`process`] turns the pages' references into one job per photo, has the codec make what
//! the cache lacks (in parallel, each file written atomically), and lists the files to
//! publish; [`prune`] removes what no build has used for a week. Which files a photo needs
//! is decided here from how pages use it; how they look is the plan's, their pixels the
//! codec's.

use std::collections::{BTreeMap, HashSet};
use std::path::Path;

use rayon::prelude::*;

use crate::artifact::AssetOut;
use crate::config::ImagesConfig;
use crate::diag::Code;
use crate::diag::{Diagnostic, Diagnostics, Position};
use crate::i18n::Message;
use crate::msg;

use super::{Catalog, Photo, Reference, Usage, Variant};

/// Where processed images are kept between builds, below the site's root.
pub const CACHE_DIR: &str = ".warta-cache/images";

/// How long a cache file that no build uses is kept: the photo of a draft shown by
/// `serve --drafts`, or of a page on another git branch, costs nothing when it comes back
/// within a week.
pub const CACHE_GRACE: std::time::Duration = std::time::Duration::from_secs(7 * 24 * 60 * 60);

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
    let settings = &catalog.settings;
    let jobs = jobs(catalog, references);

    let cache = root.join(CACHE_DIR);
    if let Err(e) = prepare_cache(root) {
        out.diagnostics.push(
            Diagnostic::error(
                Code::Io,
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
        record(&mut out, job, result, &cache, settings, &mut published);
    }
    out
}

/// The jobs of the photos some page shows or links, sorted by path. A photo no page shows or
/// links is not published (`published` warns about it).
fn jobs<'a>(catalog: &'a Catalog, references: &[Reference]) -> Vec<Job<'a>> {
    let mut by_rel: BTreeMap<&str, Vec<&Reference>> = BTreeMap::new();
    for r in references {
        by_rel.entry(r.rel.as_str()).or_default().push(r);
    }
    let mut photos: Vec<&Photo> = catalog
        .entries
        .values()
        .filter_map(|e| e.photo.as_ref().ok())
        .filter(|p| by_rel.contains_key(p.rel.as_str()))
        .collect();
    photos.sort_by(|a, b| a.rel.cmp(&b.rel));
    let publish_originals = catalog.settings.publish_originals;
    photos
        .into_iter()
        .map(|photo| {
            let refs = by_rel
                .get(photo.rel.as_str())
                .map_or(&[][..], Vec::as_slice);
            Job::new(photo, refs, publish_originals)
        })
        .collect()
}

impl<'a> Job<'a> {
    /// The job of `photo` used by `refs`: its responsive widths and one Open Graph crop per
    /// focal point when a page shows it, its original when a page links it (or the settings
    /// publish originals).
    fn new(photo: &'a Photo, refs: &[&Reference], publish_originals: bool) -> Self {
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
        if publish_originals || refs.iter().any(|r| r.usage == Usage::Linked) {
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
    }
}

/// Adds to `out` what `job` made (its files, each URL once across jobs through `published`)
/// or the error of why it could not, and the warning of a photo over the image budget.
fn record<'j>(
    out: &mut Processed,
    job: &'j Job<'_>,
    result: Result<bool, Message>,
    cache: &Path,
    settings: &ImagesConfig,
    published: &mut HashSet<&'j str>,
) {
    out.replaced.insert(job.photo.url.clone());
    out.used
        .extend(job.outputs.iter().map(|v| v.cache_name.clone()));
    match result {
        Ok(true) => out.stats.processed += 1,
        Ok(false) => out.stats.cached += 1,
        Err(why) => {
            out.diagnostics.push(
                Diagnostic::error(
                    Code::Image,
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
            return;
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
    if let Some(warning) = over_budget(job, cache, settings) {
        out.diagnostics.push(warning);
    }
}

/// The warning of a shown photo whose budget-width WebP weighs more than the budget.
fn over_budget(job: &Job<'_>, cache: &Path, settings: &ImagesConfig) -> Option<Diagnostic> {
    if !job.shown {
        return None;
    }
    let v = job.photo.budget_variant()?;
    let meta = std::fs::metadata(cache.join(&v.cache_name)).ok()?;
    if meta.len() <= settings.budget_bytes {
        return None;
    }
    Some(
        Diagnostic::warning(
            Code::ImageBudget,
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
    )
}

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
        super::codec::make(job.photo, &missing, settings.quality, |v, bytes| {
            write_atomic(&cache.join(&v.cache_name), bytes)
        })?;
        Ok(true)
    }
    #[cfg(not(feature = "images"))]
    {
        let _ = settings;
        Err(msg!("images-built-without-feature"))
    }
}

/// Writes beside the target and renames, so that a build killed half-way (or another
/// build at the same time) never leaves a truncated file in the cache.
#[cfg(feature = "images")]
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
