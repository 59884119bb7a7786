//! `warta serve`: build in memory, serve on loopback, watch, rebuild, live reload, and show
//! build errors as an overlay in the open page.
//!
//! (Being written: see the serve helper's brief.)

use std::net::IpAddr;
use std::path::PathBuf;

/// What `warta serve` was asked to do.
#[derive(Debug, Clone)]
pub struct ServeOptions {
    pub root: PathBuf,
    pub bind: IpAddr,
    pub port: u16,
    pub drafts: bool,
}

/// Runs the dev server until interrupted; returns the exit code.
pub fn run(opts: ServeOptions) -> i32 {
    let _ = opts;
    eprintln!("error: `warta serve` is not available in this build yet");
    1
}
