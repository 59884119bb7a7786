//! Stage timings for profiling builds: one [`Stopwatch`] for the full build and for serve's
//! fast rebuilds, printing `timing: <stage> <ms> ms` on stderr when asked to.
//!
//! Whether to time is decided once, at the edge (the command that builds the pipeline's
//! options, from `WARTA_TIMINGS`): nothing below reads the environment.

use std::time::Instant;

/// Whether `WARTA_TIMINGS` asks for stage timings. For the commands only (`build`, `check`,
/// `serve`), which pass the answer down in their options.
pub fn requested() -> bool {
    std::env::var_os("WARTA_TIMINGS").is_some()
}

/// Times the stages of one run: each [`lap`](Stopwatch::lap) is the time since the previous
/// one (or the start), printed at once when enabled.
#[derive(Debug)]
pub struct Stopwatch {
    enabled: bool,
    /// Put before each stage's name (`fast ` for serve's fast rebuilds).
    scope: &'static str,
    last: Instant,
}

impl Stopwatch {
    /// Starts timing; prints nothing unless `enabled`.
    pub fn new(enabled: bool, scope: &'static str) -> Self {
        Stopwatch {
            enabled,
            scope,
            last: Instant::now(),
        }
    }

    /// Ends the stage `stage`: prints how long it took since the last lap, when enabled.
    pub fn lap(&mut self, stage: &str) {
        let now = Instant::now();
        if self.enabled {
            let name = format!("{}{stage}", self.scope);
            let ms = (now - self.last).as_secs_f64() * 1000.0;
            eprintln!("timing: {name:<24} {ms:>8.1} ms");
        }
        self.last = now;
    }
}
