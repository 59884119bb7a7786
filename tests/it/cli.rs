//! Exit codes and usage.

use crate::support::{copy_fixture, stderr, warta};

#[test]
fn bad_usage_exits_2() {
    let out = warta(&["build", "--no-such-flag"]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    let out = warta(&["frobnicate"]);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn version_and_help_exit_0() {
    assert_eq!(warta(&["--version"]).status.code(), Some(0));
    assert_eq!(warta(&["build", "--help"]).status.code(), Some(0));
}

#[test]
fn missing_site_yaml_is_an_error_not_a_panic() {
    let dir = tempfile::tempdir().expect("tmp");
    let out = warta(&["build", "--root", dir.path().to_str().expect("utf-8")]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("error: site.yaml: cannot read site.yaml"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn output_folder_that_is_the_site_root_is_refused() {
    let site = copy_fixture("good/basic");
    let root = site.path().to_str().expect("utf-8");
    let out = warta(&["build", "--root", root, "--output", root]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("refusing to write the site into"),
        "{}",
        stderr(&out)
    );
    assert!(site.path().join("content/_index.md").exists());
}

#[test]
fn check_writes_nothing_and_reports_json() {
    let site = copy_fixture("bad/unknown_field");
    let out = warta(&[
        "check",
        "--root",
        site.path().to_str().expect("utf-8"),
        "--format",
        "json",
    ]);
    assert_eq!(out.status.code(), Some(1));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("one JSON document");
    let first = &json[0];
    assert_eq!(first["severity"], "error");
    assert_eq!(first["file"], "content/berita/2024-01-01-a.md");
    assert_eq!(first["line"], 4);
    assert_eq!(first["column"], 1);
    assert!(!site.path().join("public").exists());
}
