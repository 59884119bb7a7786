//! Command-line interface: clap types and the code that runs each subcommand and prints its
//! diagnostics. Usage errors exit with 2 (clap's own), content and template errors with 1.
//!
//! Without `--root`, the site is the nearest folder from the current one upward that holds
//! `site.yaml`, as git finds its repository: warta works from anywhere inside a site.

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};

use clap::{Parser, Subcommand};

use crate::diag::{Diagnostics, Severity};
use crate::i18n::{Lang, Message};
use crate::msg;
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
    message: Message,
    hint: Message,
}

impl Usage {
    /// Prints the error in `lang` as a diagnostic without a file is printed; returns 2.
    fn print(&self, lang: Lang) -> i32 {
        let message = self.message.render(lang);
        let label = msg!("diag-hint-label").render(lang);
        let hint = self.hint.render(lang);
        eprintln!("error: {message}\n  = {label}: {hint}");
        2
    }
}

/// The site folder: `--root` as given, else the nearest folder from here upward that holds
/// `site.yaml`.
fn site_root(root: Option<PathBuf>) -> Result<PathBuf, Usage> {
    if let Some(root) = root {
        if !root.is_dir() {
            let folder = root.display().to_string();
            return Err(Usage {
                message: msg!("cli-root-missing", folder),
                hint: msg!("cli-root-missing-hint"),
            });
        }
        return Ok(root);
    }
    let here = std::env::current_dir().map_err(|e| Usage {
        message: msg!("cli-current-folder-unknown", why = e.to_string()),
        hint: msg!("cli-current-folder-unknown-hint"),
    })?;
    find_root(&here).map_err(|tried| {
        let folders: String = tried
            .iter()
            .map(|dir| format!("\n    {}", dir.display()))
            .collect();
        Usage {
            message: msg!("cli-site-not-found", folders),
            hint: msg!("cli-site-not-found-hint"),
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
            // Quoted as Rust quotes it, so that a stray space or control character shows.
            message: msg!("cli-base-url-not-absolute", url = format!("{url:?}")),
            hint: msg!("cli-base-url-not-absolute-hint"),
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
        Some(near) => msg!("cli-allow-did-you-mean", near, codes),
        None => msg!("cli-allow-codes", codes),
    };
    Err(Usage {
        message: msg!("cli-allow-unknown", code),
        hint,
    })
}

/// The manifest given to `--published`; one that cannot be read is bad usage.
fn load_published(
    path: Option<&Path>,
    lang: Lang,
) -> Result<Option<crate::manifest::Manifest>, i32> {
    let Some(path) = path else {
        return Ok(None);
    };
    crate::manifest::Manifest::load(path)
        .map(Some)
        .map_err(|d| {
            eprint!("{}", d.render(lang));
            2
        })
}

/// Runs the parsed command; returns the process exit code. Everything it prints is in the
/// editor's language, chosen here once.
pub fn dispatch(cli: Cli) -> i32 {
    let lang = Lang::detect();
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
                Err(usage) => return usage.print(lang),
            };
            let live = match load_published(published.as_deref(), lang) {
                Ok(live) => live,
                Err(code) => return code,
            };
            let opts = Options {
                root,
                output,
                base_url,
                drafts,
                write: true,
                today: crate::dates::Date::today(),
                timings: crate::timing::requested(),
            };
            build(&opts, precompress, live.as_ref(), lang)
        }
        Command::Serve {
            root,
            port,
            bind,
            drafts,
        } => match site_root(root) {
            Ok(root) => crate::serve::run_dev_server(crate::serve::ServeOptions {
                root,
                bind,
                port,
                drafts,
                timings: crate::timing::requested(),
            }),
            Err(usage) => usage.print(lang),
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
                Err(usage) => return usage.print(lang),
            };
            let live = match load_published(published.as_deref(), lang) {
                Ok(live) => live,
                Err(code) => return code,
            };
            check(root, format, deny_warnings, &allow, live.as_ref(), lang)
        }
        Command::Diff {
            old_manifest,
            new_dir,
            format,
            purge,
        } => diff(&old_manifest, &new_dir, format, purge, lang),
        Command::New {
            kind,
            title,
            lang: page_lang,
            root,
        } => {
            let root = match site_root(root) {
                Ok(r) => r,
                Err(usage) => return usage.print(lang),
            };
            match crate::new::scaffold(&crate::new::NewOptions {
                root,
                kind,
                title,
                lang: page_lang,
                today: crate::dates::Date::today(),
            }) {
                Ok(path) => {
                    print_out(&format!("{path}\n"));
                    eprintln!("{}", msg!("cli-new-created", path).render(lang));
                    0
                }
                Err(d) => {
                    eprint!("{}", d.render(lang));
                    // A language the site does not have, a title without letters: bad usage.
                    if d.code == crate::diag::Code::Usage {
                        2
                    } else {
                        1
                    }
                }
            }
        }
    }
}

/// `warta build`: prints the warnings and a summary, or every error.
fn build(
    opts: &Options,
    precompress: bool,
    live: Option<&crate::manifest::Manifest>,
    lang: Lang,
) -> i32 {
    match crate::build::build(opts, precompress, live) {
        Ok(report) => {
            print_diagnostics_capped(&report.diagnostics, WARNINGS_PER_CODE, lang);
            eprintln!("{}", build_summary(&report).render(lang));
            let images = report.images;
            if images.processed + images.cached + images.pruned > 0 {
                let summary = msg!(
                    "cli-images",
                    processed = images.processed,
                    cached = images.cached,
                    pruned = images.pruned
                );
                eprintln!("{}", summary.render(lang));
            }
            0
        }
        Err(diags) => {
            print_diagnostics_capped(&diags, WARNINGS_PER_CODE, lang);
            print_failure(&diags, msg!("cli-build-failed"), lang);
            1
        }
    }
}

/// `built 47 pages (24 id, 23 en), 212 files in 310 ms → public`.
fn build_summary(report: &crate::build::BuildReport) -> Message {
    let per_language = report
        .pages
        .iter()
        .map(|(l, n)| format!("{n} {l}"))
        .collect::<Vec<_>>()
        .join(", ");
    let pages: usize = report.pages.iter().map(|(_, n)| n).sum();
    msg!(
        "cli-built",
        pages,
        per_language,
        unpublished = report.unpublished,
        files = report.files,
        ms = u64::try_from(report.elapsed.as_millis()).unwrap_or(u64::MAX),
        output = report.output.display().to_string()
    )
}

/// `warta diff`: exit 0 whatever changed; 1 when a manifest or folder cannot be read.
fn diff(
    old_manifest: &std::path::Path,
    new_dir: &std::path::Path,
    format: Format,
    purge: bool,
    lang: Lang,
) -> i32 {
    let d = match crate::diff::compare(old_manifest, new_dir) {
        Ok(d) => d,
        Err(diags) => {
            for d in diags {
                eprint!("{}", d.render(lang));
            }
            return 1;
        }
    };
    if purge {
        let urls: String = d.purge.iter().map(|url| format!("{url}\n")).collect();
        print_out(&urls);
    } else {
        match format {
            Format::Json => print_out(&format!("{}\n", d.to_json())),
            Format::Human => print_out(&d.render(lang)),
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
    lang: Lang,
) -> i32 {
    let opts = Options {
        timings: crate::timing::requested(),
        ..Options::new(root.clone(), crate::dates::Date::today())
    };
    // Errors do not stop the other checks: every finding is reported at once.
    let (diags, rows) = crate::check::check_site(&root, pipeline::generate_or_content(&opts), live);
    let denied: Vec<&'static str> = diags
        .iter()
        .filter(|d| !d.is_error() && !allow.iter().any(|a| a == d.code.as_str()))
        .map(|d| d.code.as_str())
        .collect();
    let failed = diags.has_errors() || (deny_warnings && !denied.is_empty());
    match format {
        Format::Json => {
            let report = crate::check::Report {
                diagnostics: diags.to_json_items(lang),
                summary: crate::check::Summary::new(&diags, &rows, !failed, denied.len()),
                translations: rows,
            };
            let json = serde_json::to_string_pretty(&report).unwrap_or_else(|_| "{}".to_string());
            print_out(&format!("{json}\n"));
        }
        Format::Human => {
            print_diagnostics(&diags, lang);
            eprint!("{}", crate::check::render_table(&rows, lang));
            if diags.has_errors() {
                print_failure(&diags, msg!("check-failed"), lang);
            } else if failed {
                print_failure(&diags, msg!("check-failed-deny-warnings"), lang);
                let kinds: std::collections::BTreeSet<&str> = denied.into_iter().collect();
                let kinds = kinds.into_iter().collect::<Vec<_>>().join(", ");
                let label = msg!("diag-hint-label").render(lang);
                let hint = msg!("check-deny-warnings-hint", kinds).render(lang);
                eprintln!("  = {label}: {hint}");
            } else {
                let passed = msg!("check-passed", warnings = diags.warning_count());
                eprintln!("{}", passed.render(lang));
            }
        }
    }
    i32::from(failed)
}

/// `build` shows this many warnings of one kind; `check` shows them all.
const WARNINGS_PER_CODE: usize = 5;

fn print_diagnostics(diags: &Diagnostics, lang: Lang) {
    print_diagnostics_capped(diags, usize::MAX, lang);
}

/// Prints every error, and at most `cap` warnings of each kind, then how many were left out.
fn print_diagnostics_capped(diags: &Diagnostics, cap: usize, lang: Lang) {
    let color = std::io::stderr().is_terminal() && std::env::var_os("NO_COLOR").is_none();
    let stderr = std::io::stderr();
    let mut out = stderr.lock();
    let mut shown: std::collections::BTreeMap<crate::diag::Code, usize> =
        std::collections::BTreeMap::new();
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
            let more = msg!("cli-more-warnings", count = n - cap, code = code.as_str());
            let _ = writeln!(out, "{}\n", more.render(lang));
        }
    }
}

/// `build failed; …: 2 errors, 1 warning`.
fn print_failure(diags: &Diagnostics, what: Message, lang: Lang) {
    let line = msg!(
        "cli-failed-counts",
        errors = diags.error_count(),
        warnings = diags.warning_count()
    )
    .arg_message("what", what);
    eprintln!("{}", line.render(lang));
}

/// Writes `text` to stdout. A reader that stopped reading (`warta check --format json | head`)
/// is not warta's failure: `println!` would panic there; this drops the rest quietly.
fn print_out(text: &str) {
    let mut out = std::io::stdout().lock();
    let _ = out.write_all(text.as_bytes());
    let _ = out.flush();
}
