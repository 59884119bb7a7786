//! Command-line interface: clap types and the code that runs each subcommand and prints its
//! diagnostics. Usage errors exit with 2 (clap's own), content and template errors with 1.
//!
//! Without `--root`, the site is the nearest folder from the current one upward that holds
//! `site.yaml`, as git finds its repository: warta works from anywhere inside a site.

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};

use clap::{Parser, Subcommand};

use crate::diag::{Diagnostics, Severity};
use crate::pipeline::{self, Options};

/// warta: a fast, bilingual static-site generator for public-information sites.
#[derive(Debug, Parser)]
#[command(name = "warta", version, about, long_about = None)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Build the site into the output folder (public/ by default).
    Build {
        /// The site folder (with site.yaml and content/) [default: the nearest folder, from
        /// here upward, that holds site.yaml].
        #[arg(long)]
        root: Option<PathBuf>,
        /// Where to write the site [default: <root>/public].
        #[arg(long)]
        output: Option<PathBuf>,
        /// Override `base_url` from site.yaml.
        #[arg(long)]
        base_url: Option<String>,
        /// Also publish drafts and pages dated in the future.
        #[arg(long)]
        drafts: bool,
        /// Write `.gz` and `.br` copies beside every HTML, CSS, JS, XML, JSON, SVG and text
        /// file (for hosts that serve precompressed files, e.g. nginx `gzip_static`);
        /// `output.precompress: true` in site.yaml does the same.
        #[arg(long)]
        precompress: bool,
        /// The `.warta-manifest.json` of the site that is live now: a page address it lists
        /// that this build would no longer serve (and no alias covers) fails the build.
        #[arg(long, value_name = "FILE")]
        published: Option<PathBuf>,
    },
    /// Compare the manifest of the published site with a new build: added, changed and removed
    /// files, and the URLs to purge from a CDN cache.
    Diff {
        /// The `.warta-manifest.json` of what is published now.
        old_manifest: PathBuf,
        /// The output folder of the new build.
        new_dir: PathBuf,
        /// Output format.
        #[arg(long, value_enum, default_value = "human")]
        format: Format,
        /// Print only the URLs to purge from a CDN cache, one a line.
        #[arg(long, conflicts_with = "format")]
        purge: bool,
    },
    /// Serve the site on loopback, rebuild on change and reload open pages.
    Serve {
        /// The site folder [default: the nearest folder, from here upward, that holds
        /// site.yaml].
        #[arg(long)]
        root: Option<PathBuf>,
        #[arg(long, default_value_t = 1111)]
        port: u16,
        /// Address to listen on; loopback unless you ask otherwise.
        #[arg(long, default_value = "127.0.0.1")]
        bind: std::net::IpAddr,
        /// Also show drafts and pages dated in the future.
        #[arg(long)]
        drafts: bool,
    },
    /// Create a content file with its required fields, or the translation of an existing one.
    New {
        /// What to create.
        #[arg(value_enum)]
        kind: crate::new::Kind,
        /// The title (for `--lang en` next to an existing page: that page's title, slug or path).
        title: String,
        /// Translate the existing page named by <TITLE> into this language (without it: a new
        /// page in the site's default language).
        #[arg(long)]
        lang: Option<String>,
        /// The site folder [default: the nearest folder, from here upward, that holds
        /// site.yaml].
        #[arg(long)]
        root: Option<PathBuf>,
    },
    /// Check the whole site and report every problem, writing nothing.
    Check {
        /// The site folder [default: the nearest folder, from here upward, that holds
        /// site.yaml].
        #[arg(long)]
        root: Option<PathBuf>,
        /// Output format of the diagnostics.
        #[arg(long, value_enum, default_value = "human")]
        format: Format,
        /// Fail (exit 1) on warnings too, for CI.
        #[arg(long)]
        deny_warnings: bool,
        /// With --deny-warnings: warnings of this kind (e.g. `translation-missing`) are still
        /// shown but do not fail the check. Repeat for more kinds.
        #[arg(long, value_name = "CODE", long_help = crate::check::allow_help())]
        allow: Vec<String>,
        /// The `.warta-manifest.json` of the site that is live now: a page address it lists
        /// that this build would no longer serve (and no alias covers) is an error.
        #[arg(long, value_name = "FILE")]
        published: Option<PathBuf>,
    },
}

#[derive(Debug, Clone, Copy, clap::ValueEnum)]
pub enum Format {
    Human,
    Json,
}

/// A usage error that clap cannot see (a site folder that does not exist, a `--base-url` that
/// is not an absolute URL, an unknown `--allow` code): exit 2, like clap's own.
struct Usage {
    message: String,
    hint: String,
}

impl Usage {
    fn print(&self) -> i32 {
        let Usage { message, hint } = self;
        eprintln!("error: {message}\n  = hint: {hint}");
        2
    }
}

/// The site folder: `--root` as given, else the nearest folder from here upward that holds
/// `site.yaml`.
fn site_root(root: Option<PathBuf>) -> Result<PathBuf, Usage> {
    if let Some(root) = root {
        if !root.is_dir() {
            let folder = root.display();
            return Err(Usage {
                message: format!("the site folder `{folder}` does not exist"),
                hint: "pass the folder that holds site.yaml and content/ with --root".to_string(),
            });
        }
        return Ok(root);
    }
    let here = std::env::current_dir().map_err(|e| Usage {
        message: format!("cannot tell which folder warta is run in: {e}"),
        hint: "run warta inside the site folder (the one with site.yaml and content/), or give it with --root DIR".to_string(),
    })?;
    find_root(&here).map_err(|tried| {
        let folders: String = tried
            .iter()
            .map(|dir| format!("\n    {}", dir.display()))
            .collect();
        Usage {
            message: format!("cannot find the site: no site.yaml in this folder or in any folder above it; looked in:{folders}"),
            hint: "run warta inside the site folder (the one with site.yaml and content/) or any folder in it, or give the site folder with --root DIR".to_string(),
        }
    })
}

/// The nearest of `start` and the folders above it that holds `site.yaml`; else every folder
/// looked in, nearest first.
pub fn find_root(start: &Path) -> Result<PathBuf, Vec<PathBuf>> {
    let mut tried = Vec::new();
    for dir in start.ancestors() {
        if dir.join("site.yaml").is_file() {
            return Ok(dir.to_path_buf());
        }
        tried.push(dir.to_path_buf());
    }
    Err(tried)
}

fn check_base_url(base_url: Option<&str>) -> Result<(), Usage> {
    match base_url {
        Some(url) if !crate::config::is_absolute_url(url) => Err(Usage {
            message: format!("--base-url {url:?} is not an absolute http(s) URL"),
            hint: "write it with the scheme, e.g. --base-url https://example.github.io/kp2mi/"
                .to_string(),
        }),
        _ => Ok(()),
    }
}

/// Every `--allow` code must be one a warning can have: a typo would let warnings through.
fn check_allow(allow: &[String]) -> Result<(), Usage> {
    let Some((code, near)) = crate::check::unknown_allow(allow) else {
        return Ok(());
    };
    let codes = crate::check::WARNING_CODES.join(", ");
    let hint = match near {
        Some(near) => format!("did you mean `--allow {near}`? The codes are: {codes}"),
        None => format!("use one of these codes: {codes}"),
    };
    Err(Usage {
        message: format!("--allow {code}: no warning has this code"),
        hint,
    })
}

/// The manifest given to `--published`; one that cannot be read is bad usage.
fn load_published(path: Option<&Path>) -> Result<Option<crate::manifest::Manifest>, i32> {
    let Some(path) = path else {
        return Ok(None);
    };
    crate::manifest::Manifest::load(path)
        .map(Some)
        .map_err(|d| {
            eprint!("{}", d.render_human());
            2
        })
}

/// Runs the parsed command; returns the process exit code.
pub fn run(cli: Cli) -> i32 {
    match cli.command {
        Command::Build {
            root,
            output,
            base_url,
            drafts,
            precompress,
            published,
        } => {
            let root = match site_root(root).and_then(|r| {
                check_base_url(base_url.as_deref())?;
                Ok(r)
            }) {
                Ok(r) => r,
                Err(usage) => return usage.print(),
            };
            let live = match load_published(published.as_deref()) {
                Ok(live) => live,
                Err(code) => return code,
            };
            let opts = Options {
                root,
                output,
                base_url,
                drafts,
                write: true,
            };
            build(&opts, precompress, live.as_ref())
        }
        Command::Serve {
            root,
            port,
            bind,
            drafts,
        } => match site_root(root) {
            Ok(root) => crate::serve::run(crate::serve::ServeOptions {
                root,
                bind,
                port,
                drafts,
            }),
            Err(usage) => usage.print(),
        },
        Command::Check {
            root,
            format,
            deny_warnings,
            allow,
            published,
        } => {
            let root = match site_root(root).and_then(|r| {
                check_allow(&allow)?;
                Ok(r)
            }) {
                Ok(r) => r,
                Err(usage) => return usage.print(),
            };
            let live = match load_published(published.as_deref()) {
                Ok(live) => live,
                Err(code) => return code,
            };
            check(root, format, deny_warnings, &allow, live.as_ref())
        }
        Command::Diff {
            old_manifest,
            new_dir,
            format,
            purge,
        } => diff(&old_manifest, &new_dir, format, purge),
        Command::New {
            kind,
            title,
            lang,
            root,
        } => {
            let root = match site_root(root) {
                Ok(r) => r,
                Err(usage) => return usage.print(),
            };
            match crate::new::run(&crate::new::NewOptions {
                root,
                kind,
                title,
                lang,
            }) {
                Ok(path) => {
                    println!("{path}");
                    eprintln!(
                        "created {path} as a draft: edit it, then see it with `warta serve --drafts`"
                    );
                    0
                }
                Err(d) => {
                    eprint!("{}", d.render(crate::i18n::Lang::detect()));
                    // A language the site does not have, a title without letters: bad usage.
                    if d.code == "usage" { 2 } else { 1 }
                }
            }
        }
    }
}

/// `warta build`: prints the warnings and a summary, or every error.
fn build(opts: &Options, precompress: bool, live: Option<&crate::manifest::Manifest>) -> i32 {
    match crate::deploy::build(opts, precompress, live) {
        Ok(report) => {
            print_diagnostics_capped(&report.diagnostics, WARNINGS_PER_CODE);
            let per_lang: Vec<String> = report
                .pages
                .iter()
                .map(|(l, n)| format!("{n} {l}"))
                .collect();
            let total: usize = report.pages.iter().map(|(_, n)| n).sum();
            let unpublished = if report.unpublished > 0 {
                format!(
                    ", {} unpublished (drafts or future dates)",
                    report.unpublished
                )
            } else {
                String::new()
            };
            eprintln!(
                "built {total} pages ({}){unpublished}, {} files in {} ms → {}",
                per_lang.join(", "),
                report.files,
                report.elapsed.as_millis(),
                report.output.display()
            );
            let images = report.images;
            if images.processed + images.cached + images.pruned > 0 {
                let pruned = match images.pruned {
                    0 => String::new(),
                    1 => ", 1 unused file removed from the cache".to_string(),
                    n => format!(", {n} unused files removed from the cache"),
                };
                eprintln!(
                    "images: {} processed, {} cached{pruned}",
                    images.processed, images.cached
                );
            }
            0
        }
        Err(diags) => {
            print_diagnostics_capped(&diags, WARNINGS_PER_CODE);
            print_failure(&diags, "build failed; the output folder was left as it was");
            1
        }
    }
}

/// `warta diff`: exit 0 whatever changed; 1 when a manifest or folder cannot be read.
fn diff(
    old_manifest: &std::path::Path,
    new_dir: &std::path::Path,
    format: Format,
    purge: bool,
) -> i32 {
    use crate::manifest::{self, Manifest};
    let old = Manifest::load(old_manifest);
    let new = Manifest::scan(new_dir, old.as_ref().map_or("", |m| m.base_path.as_str()));
    let (old, new) = match (old, new) {
        (Ok(o), Ok(n)) => (o, n),
        (o, n) => {
            for d in [o.err(), n.err()].into_iter().flatten() {
                eprint!("{}", d.render_human());
            }
            return 1;
        }
    };
    let d = manifest::diff(&old, &new);
    if purge {
        for url in &d.purge {
            println!("{url}");
        }
    } else {
        match format {
            Format::Json => println!("{}", d.to_json()),
            Format::Human => print!("{}", d.render_human()),
        }
    }
    0
}

fn check(
    root: PathBuf,
    format: Format,
    deny_warnings: bool,
    allow: &[String],
    live: Option<&crate::manifest::Manifest>,
) -> i32 {
    let opts = Options {
        root: root.clone(),
        output: None,
        base_url: None,
        drafts: false,
        write: false,
    };
    // Errors do not stop the other checks: every finding is reported at once.
    let (diags, rows) = crate::check::run(&root, pipeline::run(&opts), live);
    let denied: Vec<&'static str> = diags
        .iter()
        .filter(|d| !d.is_error() && !allow.iter().any(|a| a == d.code))
        .map(|d| d.code)
        .collect();
    let failed = diags.has_errors() || (deny_warnings && !denied.is_empty());
    match format {
        Format::Json => {
            let report = crate::check::Report {
                diagnostics: diags.to_json_items(crate::i18n::Lang::detect()),
                summary: crate::check::Summary::new(&diags, &rows, !failed, denied.len()),
                translations: rows,
            };
            println!(
                "{}",
                serde_json::to_string_pretty(&report).unwrap_or_else(|_| "{}".to_string())
            );
        }
        Format::Human => {
            print_diagnostics(&diags);
            eprint!("{}", crate::check::render_table(&rows));
            if diags.has_errors() {
                print_failure(&diags, "check failed");
            } else if failed {
                print_failure(&diags, "check failed (--deny-warnings)");
                let kinds: std::collections::BTreeSet<&str> = denied.into_iter().collect();
                let kinds = kinds.into_iter().collect::<Vec<_>>().join(", ");
                eprintln!(
                    "  = hint: fix the warnings, or let a kind of warning pass with --allow CODE; the kinds here: {kinds} (every kind: `warta check --help`)"
                );
            } else {
                eprintln!(
                    "check passed: no errors, {} warning(s)",
                    diags.warning_count()
                );
            }
        }
    }
    i32::from(failed)
}

/// `build` shows this many warnings of one kind; `check` shows them all.
const WARNINGS_PER_CODE: usize = 5;

fn print_diagnostics(diags: &Diagnostics) {
    print_diagnostics_capped(diags, usize::MAX);
}

/// Prints every error, and at most `cap` warnings of each kind, then how many were left out.
fn print_diagnostics_capped(diags: &Diagnostics, cap: usize) {
    let color = std::io::stderr().is_terminal() && std::env::var_os("NO_COLOR").is_none();
    let stderr = std::io::stderr();
    let mut out = stderr.lock();
    let mut shown: std::collections::BTreeMap<&'static str, usize> =
        std::collections::BTreeMap::new();
    let lang = crate::i18n::Lang::detect();
    for d in diags.clone().sorted() {
        if !d.is_error() {
            let n = shown.entry(d.code).or_insert(0);
            *n += 1;
            if *n > cap {
                continue;
            }
        }
        let text = d.render(lang);
        let text = if color {
            match d.severity {
                Severity::Error => text.replacen("error:", "\x1b[1;31merror\x1b[0m:", 1),
                Severity::Warning => text.replacen("warning:", "\x1b[1;33mwarning\x1b[0m:", 1),
            }
        } else {
            text
        };
        let _ = writeln!(out, "{text}");
    }
    for (code, n) in shown {
        if n > cap {
            let _ = writeln!(
                out,
                "… and {} more `{code}` warning(s): run `warta check` to see them all\n",
                n - cap
            );
        }
    }
}

fn print_failure(diags: &Diagnostics, what: &str) {
    eprintln!(
        "{what}: {} error(s), {} warning(s)",
        diags.error_count(),
        diags.warning_count()
    );
}
