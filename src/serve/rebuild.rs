//! Building the site for `serve`, and saying what happened: one line per build on stdout
//! (what changed, how many pages, how long, or how many errors), errors on stderr as
//! `warta build` prints them, and only the warnings the previous build did not have.

use std::collections::HashSet;
use std::io::{IsTerminal, Write};
use std::sync::Arc;
use std::time::{Duration, Instant};

use crate::dates::Date;
use crate::diag::Code;
use crate::diag::{Diagnostic, Diagnostics, Severity};
use crate::i18n::{Lang, Message};
use crate::msg;
use crate::pipeline::{self, Options};

use super::incremental::Session;
use super::live;
use super::site::ServedFiles;
use super::state::{self, Publisher};
use super::watch::Changes;

/// Changed paths named in a rebuild line; the rest are counted.
const NAMED_CHANGES: usize = 3;
/// New warnings printed after one build; the rest are counted.
const WARNINGS_SHOWN: usize = 10;

/// What one build gave.
pub enum Outcome {
    Built {
        site: ServedFiles,
        warnings: Diagnostics,
        /// For a fast rebuild, the outputs rendered again and the warnings of the changed
        /// files; `None` for a full build.
        fast: Option<(usize, Diagnostics)>,
    },
    Failed(Diagnostics),
}

/// Builds the site in memory, and remembers what it last printed.
pub struct Builder {
    options: Options,
    /// The warnings already printed, as rendered, so each is printed once.
    warned: HashSet<String>,
    /// What the last full build left for fast rebuilds (none after a failed build).
    session: Option<Session>,
    /// The search index is older than the pages (after a fast rebuild).
    search_stale: bool,
    /// The editor's language, for what this prints and the overlay.
    lang: Lang,
}

impl Builder {
    /// A builder of the site `options` describe (which write nothing); each rebuild gives the
    /// date it is for.
    pub fn new(options: Options, lang: Lang) -> Self {
        Builder {
            options,
            warned: HashSet::new(),
            session: None,
            search_stale: false,
            lang,
        }
    }

    /// Rebuilds after `changes`, as of `today`: only what they affect when that can be done
    /// exactly (see `incremental`; never on a new day), else the whole site.
    pub async fn rebuild(
        &mut self,
        changes: &Changes,
        current: Option<Arc<ServedFiles>>,
        today: Date,
    ) -> (Outcome, Duration) {
        let start = Instant::now();
        self.options.today = today;
        if let (false, Some(site), Some(mut session)) =
            (changes.rescan, current, self.session.take())
        {
            let options = self.options.clone();
            let paths = changes.paths.clone();
            let fast = tokio::task::spawn_blocking(move || {
                let update = session.update(&options, &paths, &site);
                (session, update)
            })
            .await;
            if let Ok((session, Some(update))) = fast {
                self.session = Some(session);
                self.search_stale = true;
                let outcome = Outcome::Built {
                    site: update.site,
                    warnings: update.warnings,
                    fast: Some((update.rendered, update.fresh)),
                };
                return (outcome, start.elapsed());
            }
        }
        let (outcome, _) = self.build().await;
        (outcome, start.elapsed())
    }

    /// The search index is older than the pages.
    pub fn search_stale(&self) -> bool {
        self.search_stale
    }

    /// After a fast rebuild, brings the search index up to date without reloading open pages.
    pub async fn refresh_search(&mut self, tx: &Publisher) {
        if !std::mem::take(&mut self.search_stale) {
            return;
        }
        let Some(session) = self.session.take() else {
            return;
        };
        let done = tokio::task::spawn_blocking(move || {
            let files = session.search_files();
            (session, files)
        })
        .await;
        if let Ok((session, files)) = done {
            self.session = Some(session);
            let current = tx.borrow().site.clone();
            if let Some(site) = current {
                state::publish_quietly(tx, site.with(files));
            }
        }
    }

    /// Runs the pipeline on a blocking thread; a panic in it is reported as a failed build,
    /// so bad content can never stop the server.
    pub async fn build(&mut self) -> (Outcome, Duration) {
        let options = self.options.clone();
        let start = Instant::now();
        let result = tokio::task::spawn_blocking(move || pipeline::generate(&options)).await;
        self.search_stale = false;
        let outcome = match result {
            Ok(Ok(built)) => {
                let warnings = built.diagnostics.clone();
                let (site, session) = Session::start(built);
                self.session = Some(session);
                Outcome::Built {
                    site,
                    warnings,
                    fast: None,
                }
            }
            Ok(Err(diags)) => {
                self.session = None;
                Outcome::Failed(diags)
            }
            Err(e) => {
                let mut diags = Diagnostics::new();
                diags.push(
                    Diagnostic::error(
                        Code::Internal,
                        "",
                        msg!("serve-build-crashed", why = e.to_string()),
                    )
                    .with_hint(msg!("serve-build-crashed-hint")),
                );
                Outcome::Failed(diags)
            }
        };
        (outcome, start.elapsed())
    }

    /// Prints the outcome of a build and publishes it to the server.
    pub fn report(
        &mut self,
        changes: Option<&Changes>,
        outcome: Outcome,
        elapsed: Duration,
        tx: &Publisher,
    ) {
        let ms = u64::try_from(elapsed.as_millis()).unwrap_or(u64::MAX);
        let lang = self.lang;
        let what = changes.map_or_else(|| msg!("serve-initial-build"), describe);
        match outcome {
            Outcome::Built {
                site,
                warnings,
                fast,
            } => {
                match &fast {
                    Some((_, fresh)) => self.print_fresh_warnings(fresh),
                    None => self.print_new_warnings(&warnings),
                }
                let line = msg!(
                    "serve-built",
                    pages = site.pages(),
                    ms,
                    rendered = fast.map_or(0, |(n, _)| n),
                    warnings = warnings.warning_count()
                )
                .arg_message("what", what);
                super::say(&line.render(lang));
                state::publish_site(tx, site);
            }
            Outcome::Failed(diags) => {
                print_errors(&diags, lang);
                let errors: Diagnostics = diags
                    .clone()
                    .sorted()
                    .into_iter()
                    .filter(Diagnostic::is_error)
                    .collect();
                let still_serving = tx.borrow().site.is_some();
                let line = if still_serving {
                    msg!("serve-failed-still-serving", errors = errors.len(), ms)
                } else {
                    msg!("serve-failed-nothing-yet", errors = errors.len(), ms)
                };
                super::say(&line.arg_message("what", what).render(lang));
                state::publish_failure(tx, live::overlay(&errors, still_serving, lang));
            }
        }
    }

    /// After a fast rebuild: only the changed files' warnings can be new.
    fn print_fresh_warnings(&mut self, fresh: &Diagnostics) {
        let new: Diagnostics = fresh
            .clone()
            .sorted()
            .into_iter()
            .filter(|d| self.warned.insert(d.render_human()))
            .collect();
        print_diagnostics(&collect(new), self.lang);
    }

    fn print_new_warnings(&mut self, warnings: &Diagnostics) {
        let mut fresh = Vec::new();
        let mut now = HashSet::new();
        for d in warnings.clone().sorted() {
            let text = d.render_human();
            if !self.warned.contains(&text) {
                fresh.push(d);
            }
            now.insert(text);
        }
        self.warned = now;
        let shown = collect(fresh.iter().take(WARNINGS_SHOWN).cloned());
        print_diagnostics(&shown, self.lang);
        if fresh.len() > WARNINGS_SHOWN {
            let more = msg!("serve-more-warnings", count = fresh.len() - WARNINGS_SHOWN);
            eprintln!("{}\n", more.render(self.lang));
        }
    }
}

fn collect(items: impl IntoIterator<Item = Diagnostic>) -> Diagnostics {
    let mut d = Diagnostics::new();
    d.extend(items);
    d
}

/// `content/a.md changed`, `content/a.md, content/b.md, site.yaml and 2 more changed`.
pub fn describe(changes: &Changes) -> Message {
    let named: Vec<&str> = changes
        .paths
        .iter()
        .take(NAMED_CHANGES)
        .map(String::as_str)
        .collect();
    let more = changes.paths.len().saturating_sub(NAMED_CHANGES);
    if named.is_empty() {
        msg!("serve-files-changed")
    } else {
        msg!("serve-changed", files = named.join(", "), more)
    }
}

/// The errors, as `warta build` prints them.
fn print_errors(diags: &Diagnostics, lang: Lang) {
    print_diagnostics(
        &collect(diags.iter().filter(|d| d.is_error()).cloned()),
        lang,
    );
}

fn print_diagnostics(diags: &Diagnostics, lang: Lang) {
    let color = std::io::stderr().is_terminal() && std::env::var_os("NO_COLOR").is_none();
    let stderr = std::io::stderr();
    let mut out = stderr.lock();
    for d in diags.clone().sorted() {
        let text = d.render(lang);
        let text = match (color, d.severity) {
            (false, _) => text,
            (true, Severity::Error) => text.replacen("error:", "\x1b[1;31merror\x1b[0m:", 1),
            (true, Severity::Warning) => text.replacen("warning:", "\x1b[1;33mwarning\x1b[0m:", 1),
        };
        let _ = writeln!(out, "{text}");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn changes(paths: &[&str]) -> Changes {
        Changes {
            paths: paths.iter().map(|p| p.to_string()).collect(),
            rescan: false,
        }
    }

    #[test]
    fn names_up_to_three_changes() {
        assert_eq!(describe(&changes(&["site.yaml"])), "site.yaml changed");
        assert_eq!(describe(&changes(&["a", "b", "c"])), "a, b, c changed");
        assert_eq!(
            describe(&changes(&["a", "b", "c", "d", "e"])),
            "a, b, c and 2 more changed"
        );
        assert_eq!(
            describe(&Changes {
                rescan: true,
                ..Changes::default()
            }),
            "files changed"
        );
    }

    #[test]
    fn the_build_line_counts_in_each_language() {
        let line = |rendered: usize, warnings: usize| {
            msg!(
                "serve-built",
                pages = 47usize,
                ms = 12u64,
                rendered,
                warnings
            )
            .arg_message("what", describe(&changes(&["content/a.md"])))
        };
        assert_eq!(line(0, 0), "content/a.md changed: 47 pages in 12 ms");
        assert_eq!(
            line(3, 1),
            "content/a.md changed: 47 pages in 12 ms (3 files re-rendered), 1 warning"
        );
        assert_eq!(
            line(3, 2).render(Lang::Id),
            "content/a.md berubah: 47 halaman dalam 12 ms (3 berkas dibuat ulang), 2 peringatan"
        );
        assert_eq!(
            describe(&changes(&["a", "b", "c", "d"])).render(Lang::Id),
            "a, b, c dan 1 berkas lain berubah"
        );
    }
}
