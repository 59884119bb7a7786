//! Smoke run of the benchmark (`bench/compare.sh`) so that it cannot rot: the shared corpus
//! generator still produces a site warta builds, with every page, and the script still parses.
//! The timed comparison itself stays out of the tests (too slow, too noisy).

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::support::{stderr, warta_on};

/// Pages per language in the smoke corpus.
const PER_LANGUAGE: usize = 20;

fn repo() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// `gen_corpus.py`, found the way `bench/compare.sh` finds it.
fn generator() -> PathBuf {
    std::env::var_os("WARTA_BENCH_SHARED").map_or_else(
        || repo().join("bench/corpus/gen_corpus.py"),
        |shared| PathBuf::from(shared).join("bench/gen_corpus.py"),
    )
}

fn has_python3() -> bool {
    Command::new("python3")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success())
}

#[test]
fn compare_script_parses() {
    let out = Command::new("bash")
        .arg("-n")
        .arg(repo().join("bench/compare.sh"))
        .output()
        .expect("run bash");
    assert!(out.status.success(), "{}", stderr(&out));
}

#[test]
fn generated_corpus_builds_every_page() {
    if !has_python3() {
        eprintln!("bench_smoke: python3 not found, skipping the corpus build");
        return;
    }
    let generator = generator();
    assert!(
        generator.is_file(),
        "{} not found (set WARTA_BENCH_SHARED to the folder holding bench/gen_corpus.py)",
        generator.display()
    );
    let tmp = tempfile::tempdir().expect("tmp");
    let corpus = tmp.path().join("corpus");
    let out = Command::new("python3")
        .arg(&generator)
        .args(["-n", &PER_LANGUAGE.to_string(), "--peers", "warta", "-o"])
        .arg(&corpus)
        .output()
        .expect("run gen_corpus.py");
    assert!(out.status.success(), "gen_corpus.py: {}", stderr(&out));

    let root = corpus.join("warta");
    let site = tmp.path().join("site");
    let out = warta_on(
        "2030-01-01",
        &[
            "build",
            "--root",
            root.to_str().expect("utf-8"),
            "--output",
            site.to_str().expect("utf-8"),
        ],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));

    // Every source page has its HTML: content/<s>/<slug>.md → <s>/<slug>/index.html, and
    // content/<s>/<slug>.en.md → en/<s>/<slug>/index.html.
    let mut expected = Vec::new();
    for entry in walkdir::WalkDir::new(root.join("content")) {
        let entry = entry.expect("readable corpus");
        let name = entry.file_name().to_string_lossy().into_owned();
        if !entry.file_type().is_file() || name.starts_with("_index") {
            continue;
        }
        let Some(stem) = name.strip_suffix(".md") else {
            continue;
        };
        let section = entry
            .path()
            .parent()
            .and_then(Path::file_name)
            .expect("in a section")
            .to_string_lossy()
            .into_owned();
        expected.push(match stem.strip_suffix(".en") {
            Some(slug) => format!("en/{section}/{slug}/index.html"),
            None => format!("{section}/{stem}/index.html"),
        });
    }
    assert_eq!(expected.len(), 2 * PER_LANGUAGE, "pages in the corpus");
    let missing: Vec<_> = expected
        .iter()
        .filter(|rel| !site.join(rel).is_file())
        .collect();
    assert!(missing.is_empty(), "pages not built: {missing:?}");
    assert!(
        stderr(&out).contains(&format!(
            "built {} pages ({PER_LANGUAGE} id, {PER_LANGUAGE} en)",
            2 * PER_LANGUAGE
        )),
        "{}",
        stderr(&out)
    );
}
