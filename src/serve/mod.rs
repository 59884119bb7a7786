//! `warta serve`: build in memory, serve on loopback, watch, rebuild, live reload, and show
//! build errors as an overlay in the open page.
//!
//! The parts: `site` (the built files and how a path maps onto them), `state` (what is served
//! now), `http` (axum: files, reload script, event stream), `live` (the script and the
//! overlay), `watch` (which edits matter), `rebuild` (building and reporting). Nothing here
//! touches `public/` or what `warta build` writes.

mod http;
mod incremental;
mod live;
mod rebuild;
mod site;
mod state;
mod watch;

use std::future::IntoFuture;
use std::io::Write;
use std::net::{IpAddr, SocketAddr};
use std::path::PathBuf;

use tokio::net::TcpListener;

use crate::dates::Date;
use crate::i18n::{Lang, Message};
use crate::msg;
use crate::pipeline::Options;
use tokio::sync::mpsc;

use rebuild::Builder;
use state::{Publisher, Served};
use watch::{Changes, Watcher};

/// What `warta serve` was asked to do.
#[derive(Debug, Clone)]
pub struct ServeOptions {
    pub root: PathBuf,
    pub bind: IpAddr,
    pub port: u16,
    pub drafts: bool,
    /// Print the time of each stage of every build (`WARTA_TIMINGS`, read by the command).
    pub timings: bool,
}

/// Runs the dev server until interrupted; returns the exit code.
pub fn run_dev_server(opts: ServeOptions) -> i32 {
    // The editor's language, for every line this server prints and for the overlay.
    let lang = Lang::detect();
    let root = match opts.root.canonicalize() {
        Ok(r) if r.is_dir() => r,
        _ => {
            let folder = opts.root.display().to_string();
            eprintln!("error: {}", msg!("cli-root-missing", folder).render(lang));
            return 2;
        }
    };
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
    {
        Ok(rt) => rt,
        Err(e) => {
            let why = e.to_string();
            eprintln!("error: {}", msg!("serve-cannot-start", why).render(lang));
            return 1;
        }
    };
    let code = runtime.block_on(serve_until_stopped(root, opts, lang));
    // Do not wait for a build still running or for open event streams.
    runtime.shutdown_background();
    code
}

async fn serve_until_stopped(root: PathBuf, opts: ServeOptions, lang: Lang) -> i32 {
    let listener = match bind(opts.bind, opts.port).await {
        Ok(l) => l,
        Err((message, hint)) => {
            eprintln!("error: {}", message.render(lang));
            if let Some(hint) = hint {
                eprintln!("  = hint: {}", hint.render(lang));
            }
            return 2;
        }
    };
    let addr = listener
        .local_addr()
        .unwrap_or(SocketAddr::new(opts.bind, opts.port));

    let options = Options {
        drafts: opts.drafts,
        timings: opts.timings,
        ..Options::new(root.clone(), Date::today())
    };
    let mut builder = Builder::new(options, lang);
    let tx = state::publisher(Served::default());
    let (outcome, elapsed) = builder.build().await;
    builder.report(None, outcome, elapsed, &tx);

    let (changes_tx, changes_rx) = mpsc::unbounded_channel();
    let watcher = match Watcher::start(&root, changes_tx, lang) {
        Ok(w) => Some(w),
        Err(why) => {
            let warning = msg!("serve-no-reload").arg_message("why", why);
            eprintln!("warning: {}", warning.render(lang));
            None
        }
    };
    say(&serving_line(addr).render(lang));

    let server = axum::serve(listener, http::router(tx.clone())).into_future();
    tokio::select! {
        result = server => match result {
            Ok(()) => 0,
            Err(e) => {
                let why = e.to_string();
                eprintln!("error: {}", msg!("serve-server-stopped", why).render(lang));
                1
            }
        },
        () = rebuild_on_change(changes_rx, watcher, builder, tx) => 0,
        () = shutdown_signal() => {
            say(&msg!("serve-stopped").render(lang));
            0
        }
    }
}

/// `serving http://127.0.0.1:1111/`; for an unspecified address (`0.0.0.0`, `::`), the
/// loopback URL to open, and what it listens on.
fn serving_line(addr: SocketAddr) -> Message {
    if addr.ip().is_unspecified() {
        let local = match addr.ip() {
            IpAddr::V4(_) => SocketAddr::new(IpAddr::from([127, 0, 0, 1]), addr.port()),
            IpAddr::V6(_) => {
                SocketAddr::new(IpAddr::from([0u16, 0, 0, 0, 0, 0, 0, 1]), addr.port())
            }
        };
        let url = format!("http://{local}/");
        msg!("serve-serving-everywhere", url, addr = addr.to_string())
    } else {
        msg!("serve-serving", url = format!("http://{addr}/"))
    }
}

/// One line on stdout, flushed; a closed stdout must not stop the server.
pub(crate) fn say(line: &str) {
    let mut out = std::io::stdout().lock();
    let _ = writeln!(out, "{line}");
    let _ = out.flush();
}

/// Listens on `ip:port`; a taken port or a refused address is a usage error (exit 2).
async fn bind(ip: IpAddr, port: u16) -> Result<TcpListener, (Message, Option<Message>)> {
    let addr = SocketAddr::new(ip, port);
    TcpListener::bind(addr).await.map_err(|e| {
        if e.kind() == std::io::ErrorKind::AddrInUse {
            (
                msg!("serve-port-in-use", port, ip = ip.to_string()),
                Some(msg!("serve-port-in-use-hint")),
            )
        } else {
            let why = e.to_string();
            (
                msg!("serve-cannot-listen", addr = addr.to_string(), why),
                None,
            )
        }
    })
}

/// How long the editor must pause before the search index catches up with a fast rebuild.
const SEARCH_AFTER: std::time::Duration = std::time::Duration::from_millis(1500);

/// Rebuilds after each batch of changes; changes that come in during a build are taken
/// together by the next one.
async fn rebuild_on_change(
    mut rx: mpsc::UnboundedReceiver<Changes>,
    mut watcher: Option<Watcher>,
    mut builder: Builder,
    tx: Publisher,
) {
    loop {
        // After a fast rebuild the search index is refreshed once the editor pauses, so that
        // saving again is never held up by it.
        let next = if builder.search_stale() {
            match tokio::time::timeout(SEARCH_AFTER, rx.recv()).await {
                Ok(next) => next,
                Err(_) => {
                    builder.refresh_search(&tx).await;
                    continue;
                }
            }
        } else {
            rx.recv().await
        };
        let Some(mut changes) = next else { break };
        while let Ok(more) = rx.try_recv() {
            changes.merge(more);
        }
        if let Some(w) = watcher.as_mut() {
            w.refresh(&changes);
        }
        let current = tx.borrow().site.clone();
        // The day is read here, once per rebuild: a new one takes the full build.
        let (outcome, elapsed) = builder.rebuild(&changes, current, Date::today()).await;
        builder.report(Some(&changes), outcome, elapsed, &tx);
    }
    // No watcher (it failed to start): keep serving what was built.
    std::future::pending::<()>().await;
}

/// Ctrl-C, or SIGTERM on Unix.
async fn shutdown_signal() {
    let ctrl_c = async {
        if tokio::signal::ctrl_c().await.is_err() {
            std::future::pending::<()>().await;
        }
    };
    #[cfg(unix)]
    let term = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {},
        () = term => {},
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn serving_line_names_an_address_to_open() {
        let at = |s: &str| serving_line(s.parse().unwrap());
        assert_eq!(at("127.0.0.1:1111"), "serving http://127.0.0.1:1111/");
        assert_eq!(
            at("127.0.0.1:1111").render(Lang::Id),
            "situs tersedia di http://127.0.0.1:1111/"
        );
        assert_eq!(at("[::1]:8080"), "serving http://[::1]:8080/");
        assert_eq!(
            at("0.0.0.0:1111"),
            "serving http://127.0.0.1:1111/ (listening on every address: 0.0.0.0:1111)"
        );
    }
}
