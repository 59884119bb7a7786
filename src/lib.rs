//! warta turns a folder of bilingual Markdown (`content/`) and a theme into a static site.
//!
//! The pipeline runs one way, one module per stage:
//! `config` → `source` → `content` (front matter, then the graph) → `markdown` → `render` →
//! `output`, driven by `pipeline`. Each stage returns data plus diagnostics (`diag`), so one
//! run reports every problem; `cli` prints them at the edge.

pub mod artifact;
pub mod budgets;
pub mod build;
pub mod check;
pub mod cli;
pub mod config;
pub mod content;
pub mod countries;
pub mod currencies;
pub mod dates;
pub mod diag;
pub mod diff;
pub mod i18n;
pub mod images;
pub mod links;
pub mod manifest;
pub mod markdown;
pub mod new;
pub mod output;
pub mod pipeline;
pub mod published;
pub mod published_urls;
pub mod render;
pub mod search;
pub mod serve;
pub mod source;
pub mod theme;
pub mod timing;
pub mod yaml;

/// Parses the command line, runs it, and returns the exit code (0, 1, or 2 for bad usage).
pub fn run(args: impl IntoIterator<Item = std::ffi::OsString>) -> i32 {
    use clap::Parser;
    match cli::Cli::try_parse_from(args) {
        Ok(cli) => cli::dispatch(cli),
        Err(err) => {
            let _ = err.print();
            if err.use_stderr() { 2 } else { 0 }
        }
    }
}
