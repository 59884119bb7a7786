//! Integration tests: the real `warta` binary on fixture sites under `tests/fixtures/`.

// Test code may panic on broken fixtures: that is how a test fails.
#![allow(clippy::expect_used, clippy::unwrap_used, clippy::panic)]

mod actions;
mod architecture;
mod atomic;
mod bad_input;
mod bench_smoke;
mod check;
mod citizen;
mod cli;
mod cost;
mod deploy;
mod example_site;
mod good_site;
mod help;
mod hints;
mod hostile;
mod i18n;
mod images;
mod journeys;
mod new;
mod phones;
mod props;
mod published;
mod published_urls;
mod related;
mod serve;
mod serve_security;
mod support;
