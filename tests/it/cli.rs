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
                "error: --base-url {url:?} is not a full web address (absolute http(s) URL)"
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
    let first = &json["diagnostics"][0];
    assert_eq!(first["severity"], "error");
    assert_eq!(first["file"], "content/berita/2024-01-01-a.md");
    assert_eq!(first["line"], 4);
    assert_eq!(first["column"], 1);
    assert!(!site.path().join("public").exists());
}

/// Runs `warta` in `dir` (the pinned date, no colours).
fn warta_in(dir: &std::path::Path, args: &[&str]) -> std::process::Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_warta"))
        .args(args)
        .current_dir(dir)
        .env("WARTA_TODAY", crate::support::TODAY)
        .env("WARTA_LANG", "en")
        .env("NO_COLOR", "1")
        .output()
        .expect("run warta")
}

/// Run from `content/berita/`, warta said it could not read `site.yaml`.
#[test]
fn every_command_finds_the_site_from_a_folder_inside_it() {
    let site = copy_fixture("good/basic");
    let inside = site.path().join("content/berita");

    let out = warta_in(&inside, &["check"]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(0), "{err}");
    assert!(
        err.contains("warning: content/berita/2025-01-15-hanya-indonesia.md: no English version"),
        "paths stay relative to the site root: {err}"
    );

    let out = warta_in(&inside, &["build"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(
        site.path()
            .join("public/berita/sosialisasi-banten/index.html")
            .is_file(),
        "--output defaults to <root>/public"
    );
    assert!(!inside.join("public").exists());

    let out = warta_in(&inside, &["new", "press-release", "Kunjungan ke Taiwan"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let created = String::from_utf8_lossy(&out.stdout).trim().to_string();
    assert!(created.starts_with("content/berita/"), "{created}");
    assert!(site.path().join(&created).is_file(), "{created}");
}

#[test]
fn serve_finds_the_site_from_a_folder_inside_it() {
    use std::io::BufRead;
    let site = copy_fixture("good/basic");
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_warta"))
        .args(["serve", "--port", "0", "--bind", "127.0.0.1"])
        .current_dir(site.path().join("content/negara"))
        .env("WARTA_TODAY", crate::support::TODAY)
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::null())
        .spawn()
        .expect("start warta serve");
    let stdout = child.stdout.take().expect("stdout");
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        for line in std::io::BufReader::new(stdout)
            .lines()
            .map_while(Result::ok)
        {
            if tx.send(line).is_err() {
                break;
            }
        }
    });
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(20);
    let mut serving = false;
    while let Ok(line) =
        rx.recv_timeout(deadline.saturating_duration_since(std::time::Instant::now()))
    {
        if line.contains("serving http://127.0.0.1:") {
            serving = true;
            break;
        }
    }
    let _ = child.kill();
    let _ = child.wait();
    assert!(serving, "serve started from content/negara/");
}

#[test]
fn no_site_yaml_here_or_above_is_bad_usage_naming_every_folder_tried() {
    let tmp = tempfile::tempdir().expect("tmp");
    let deep = tmp.path().join("a/b");
    std::fs::create_dir_all(&deep).expect("folders");
    // The folders as the process sees them (the temporary folder may sit behind a link).
    let deep = deep.canonicalize().expect("canonical");
    let tried: Vec<String> = deep
        .ancestors()
        .map(|d| format!("\n    {}", d.display()))
        .collect();
    for args in [
        &["build"][..],
        &["check"],
        &["check", "--format", "json"],
        &["new", "page", "Tentang"],
        &["serve", "--port", "0"],
    ] {
        let out = warta_in(&deep, args);
        let err = stderr(&out);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {err}");
        assert!(
            err.starts_with(&format!(
                "error: cannot find the site: no site.yaml in this folder or in any folder above it; looked in:{}\n  = hint: run warta inside the site folder",
                tried.concat()
            )),
            "{args:?}: {err}"
        );
    }
    assert!(!deep.join("public").exists());
    assert!(!deep.join("content").exists());
}

#[test]
fn an_explicit_root_is_not_searched_upward() {
    let site = copy_fixture("good/basic");
    let inside = site.path().join("content");
    let out = warta(&["check", "--root", inside.to_str().expect("utf-8")]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("error: site.yaml: cannot read the site settings (site.yaml): "),
        "{}",
        stderr(&out)
    );
}

/// Regression: `warta check --format json | head` panicked ("failed printing to stdout:
/// Broken pipe", exit 101) once the reader had gone. A reader that stops early is not an
/// error of the site: check still exits with its own verdict.
#[test]
fn a_reader_that_stops_early_does_not_crash_warta() {
    let site = copy_fixture("good/basic");
    let root = site.path().to_str().expect("utf-8");
    for args in [
        vec!["check", "--root", root, "--format", "json"],
        vec![
            "diff",
            "public/.warta-manifest.json",
            "public",
            "--format",
            "json",
        ],
    ] {
        if args[0] == "diff" {
            let out = warta(&["build", "--root", root]);
            assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
        }
        let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_warta"))
            .args(&args)
            .current_dir(site.path())
            .env("WARTA_LANG", "en")
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .expect("run warta");
        // The reader goes away before warta writes anything.
        drop(child.stdout.take());
        let out = child.wait_with_output().expect("wait");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(!err.contains("panicked"), "{args:?}: {err}");
        assert_eq!(out.status.code(), Some(0), "{args:?}: {err}");
    }
}
