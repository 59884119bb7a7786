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
fn usage_errors_clap_cannot_see_exit_2() {
    let missing = "/no/such/site/folder";
    for args in [
        &["build", "--root", missing][..],
        &["check", "--root", missing],
        &["new", "page", "Tentang", "--root", missing],
        &["serve", "--root", missing, "--port", "0"],
    ] {
        let out = warta(args);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {}", stderr(&out));
        assert!(
            stderr(&out).contains("error: the site folder `/no/such/site/folder` does not exist"),
            "{args:?}: {}",
            stderr(&out)
        );
    }
    let site = copy_fixture("good/basic");
    let root = site.path().to_str().expect("utf-8");
    for url in ["not-a-url", "https://", "example.go.id/kp2mi/"] {
        let out = warta(&["build", "--root", root, "--base-url", url]);
        assert_eq!(out.status.code(), Some(2), "{url}: {}", stderr(&out));
        assert!(
            stderr(&out).contains(&format!(
                "error: --base-url {url:?} is not an absolute http(s) URL"
            )),
            "{}",
            stderr(&out)
        );
    }
    assert!(!site.path().join("public").exists());
    for args in [
        &[
            "new",
            "page",
            "Tentang Kami",
            "--lang",
            "fr",
            "--root",
            root,
        ][..],
        &["new", "page", "!!!", "--root", root],
        &["new", "page", "", "--root", root],
    ] {
        let out = warta(args);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {}", stderr(&out));
    }
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
        stderr(&out).contains("error: site.yaml: cannot read the site settings (site.yaml)"),
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
