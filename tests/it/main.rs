//! Integration tests: the real `warta` binary on fixture sites under `tests/fixtures/`.

mod bad_input;
mod cli;
mod example_site;
mod good_site;
mod support;
