//! `warta check`: each finding, human and JSON, and the exit codes.

use crate::support::{copy_fixture, stderr, warta};

fn check(args: &[&str]) -> (std::process::Output, tempfile::TempDir) {
    let site = copy_fixture("check/warnings");
    let root = site.path().to_str().expect("utf-8").to_string();
    let mut all = vec!["check", "--root", root.as_str()];
    all.extend_from_slice(args);
    (warta(&all), site)
}

#[test]
fn reports_every_finding_and_passes_with_only_warnings() {
    let (out, site) = check(&[]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(0), "{err}");
    for want in [
        "warning: content/panduan/lama.en.md: this translation is older than its source",
        "warning: content/panduan/lama.md:3:14: `description` is 164 characters long",
        "warning: content/panduan/lama.md:5:12: the review date 2025-01-01 has passed",
        "warning: content/panduan/tanpa-terjemahan.md: no English version",
        "check passed: no errors, 4 warnings",
    ] {
        assert!(err.contains(want), "lacks {want:?}:\n{err}");
    }
    assert!(!site.path().join("public").exists(), "check writes nothing");
}

#[test]
fn prints_the_translation_status_table() {
    let (out, _site) = check(&[]);
    let err = stderr(&out);
    assert!(err.contains("translation status:\n  section  id  en  not started  in progress  outdated\n  panduan   2   1            1            0         1\n"), "{err}");
}

#[test]
fn deny_warnings_fails() {
    let (out, _site) = check(&["--deny-warnings"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("check failed (--deny-warnings)"));
}

#[test]
fn json_has_one_entry_per_finding_with_positions() {
    let (out, _site) = check(&["--format", "json"]);
    assert_eq!(out.status.code(), Some(0));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    let items = json["diagnostics"].as_array().expect("array");
    assert_eq!(items.len(), 4);
    let codes: Vec<&str> = items.iter().filter_map(|d| d["code"].as_str()).collect();
    for code in [
        "translation-outdated",
        "description",
        "review-overdue",
        "translation-missing",
    ] {
        assert!(codes.contains(&code), "{code} in {codes:?}");
    }
    let review = items
        .iter()
        .find(|d| d["code"] == "review-overdue")
        .expect("review");
    assert_eq!(
        (review["line"].as_u64(), review["column"].as_u64()),
        (Some(5), Some(12))
    );
    assert_eq!(review["severity"], "warning");
    assert!(review["hint"].as_str().is_some());
}

#[test]
fn check_of_a_broken_site_exits_1_with_every_error() {
    let site = copy_fixture("bad/many_errors");
    let out = warta(&["check", "--root", site.path().to_str().expect("utf-8")]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("check failed: 3 errors,"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn the_example_site_has_exactly_the_one_untranslated_guide() {
    let root = env!("CARGO_MANIFEST_DIR");
    let out =
        crate::support::warta_on("2026-11-28", &["check", "--root", root, "--format", "json"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    let missing: Vec<&str> = json["diagnostics"]
        .as_array()
        .expect("array")
        .iter()
        .filter(|d| d["code"] == "translation-missing")
        .filter_map(|d| d["file"].as_str())
        .collect();
    assert_eq!(missing, ["content/panduan/layanan-terpadu-satu-atap.md"]);
}

#[test]
fn an_image_without_alt_text_is_an_error_and_decorative_says_so() {
    let site = copy_fixture("check/warnings");
    let page = site.path().join("content/panduan/lama.md");
    let text = std::fs::read_to_string(&page).expect("read");
    assert!(
        text.contains(r#"![](gambar.svg "decorative")"#),
        "fixture marks the image decorative"
    );
    std::fs::write(
        &page,
        text.replace(r#"![](gambar.svg "decorative")"#, "![](gambar.svg)"),
    )
    .expect("write");
    let out = warta(&["check", "--root", site.path().to_str().expect("utf-8")]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(
        err.contains("error: content/panduan/lama.md:9:5: the image `gambar.svg` has no description for readers who cannot see it (alt text)"),
        "{err}"
    );
    assert!(
        err.contains("decorative"),
        "the hint names the escape hatch: {err}"
    );
}

#[test]
fn a_translation_waiting_as_a_draft_is_named_as_such() {
    let site = copy_fixture("check/warnings");
    let root = site.path().to_str().expect("utf-8");
    let made = warta(&[
        "new",
        "guide",
        "tanpa-terjemahan",
        "--lang",
        "en",
        "--root",
        root,
    ]);
    assert_eq!(made.status.code(), Some(0), "{}", stderr(&made));
    let out = warta(&["check", "--root", root]);
    let err = stderr(&out);
    assert!(
        err.contains("no English version yet: content/panduan/tanpa-terjemahan.en.md is not published: it is a draft"),
        "{err}"
    );
    assert!(err.contains("remove `draft: true`"), "{err}");
}

/// Runs `warta check` on a copy of a fixture.
fn check_fixture(fixture: &str, args: &[&str]) -> std::process::Output {
    let site = copy_fixture(fixture);
    let root = site.path().to_str().expect("utf-8");
    let mut all = vec!["check", "--root", root];
    all.extend_from_slice(args);
    warta(&all)
}

#[test]
fn an_error_does_not_hide_the_warnings() {
    let out = check_fixture("check/errors_and_warnings", &[]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    for want in [
        "error: content/panduan/tanpa-terjemahan.md:7:41: broken link: nothing is published at /panduan/dihapus/",
        "warning: content/panduan/lama.en.md: this translation is older than its source",
        "warning: content/panduan/lama.md:3:14: `description` is 164 characters long",
        "warning: content/panduan/lama.md:5:12: the review date 2025-01-01 has passed",
        "warning: content/panduan/tanpa-terjemahan.md: no English version",
        "translation status:\n  section  id  en  not started  in progress  outdated\n  panduan   2   1            1            0         1\n",
        "check failed: 1 error, 4 warnings",
    ] {
        assert!(err.contains(want), "lacks {want:?}:\n{err}");
    }
}

#[test]
fn an_error_does_not_hide_the_warnings_in_json() {
    let out = check_fixture("check/errors_and_warnings", &["--format", "json"]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    let mut found: Vec<(&str, &str)> = json["diagnostics"]
        .as_array()
        .expect("array")
        .iter()
        .filter_map(|d| Some((d["severity"].as_str()?, d["code"].as_str()?)))
        .collect();
    found.sort_unstable();
    assert_eq!(
        found,
        [
            ("error", "link"),
            ("warning", "description"),
            ("warning", "review-overdue"),
            ("warning", "translation-missing"),
            ("warning", "translation-outdated"),
        ]
    );
}

#[test]
fn a_broken_template_does_not_hide_broken_markdown_links() {
    let out = check_fixture("check/template_and_link", &[]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(
        err.contains("error: themes/mini/templates/page.html:"),
        "the template error: {err}"
    );
    assert!(
        err.contains("error: content/_index.md:4:59: broken link: nothing is published at /arsip/"),
        "the Markdown link: {err}"
    );
    // `/tentang/#isi` exists: its page only failed to render.
    assert!(!err.contains("nothing is published at /tentang/"), "{err}");
    assert!(!err.contains("has no `#isi`"), "{err}");
    assert!(err.contains("check failed: 2 errors, 0 warnings"), "{err}");
}

#[test]
fn a_page_that_fails_to_render_is_still_a_valid_link_target() {
    let site = copy_fixture("check/template_and_link");
    std::fs::write(
        site.path().join("themes/mini/templates/page.html"),
        "<!doctype html><title>{{ title }}</title><p>{{ page.subtitle }}</p>\n",
    )
    .expect("write");
    let out = warta(&["check", "--root", site.path().to_str().expect("utf-8")]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(err.contains("subtitle"), "the template error: {err}");
    assert!(
        err.contains("error: content/_index.md:4:59: broken link: nothing is published at /arsip/"),
        "{err}"
    );
    assert!(!err.contains("nothing is published at /tentang/"), "{err}");
    assert!(!err.contains("has no `#isi`"), "{err}");
    assert!(err.contains("check failed: 2 errors,"), "{err}");
}

#[test]
fn build_reports_the_markdown_links_of_a_site_whose_template_failed() {
    let site = copy_fixture("check/template_and_link");
    std::fs::create_dir_all(site.path().join("public")).expect("public");
    std::fs::write(site.path().join("public/old.html"), "old").expect("write");
    let out = crate::support::build(site.path());
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(err.contains("nothing is published at /arsip/"), "{err}");
    assert!(err.contains("build failed"), "{err}");
    let left: Vec<_> = std::fs::read_dir(site.path().join("public"))
        .expect("public")
        .filter_map(|e| e.ok().map(|e| e.file_name()))
        .collect();
    assert_eq!(left, ["old.html"], "public/ is left as it was");
}

#[test]
fn every_warning_shows_its_code_under_an_unchanged_first_line() {
    let (out, _site) = check(&[]);
    let err = stderr(&out);
    for (first, code) in [
        (
            "warning: content/panduan/lama.md:5:12: the review date 2025-01-01 has passed",
            "review-overdue",
        ),
        (
            "warning: content/panduan/tanpa-terjemahan.md: no English version",
            "translation-missing",
        ),
    ] {
        let at = err
            .lines()
            .position(|l| l.starts_with(first))
            .unwrap_or_else(|| panic!("lacks {first:?}:\n{err}"));
        let block: Vec<&str> = err.lines().skip(at).take_while(|l| !l.is_empty()).collect();
        assert_eq!(
            block.last().map(|l| l.trim()),
            Some(format!("= code: {code}").as_str()),
            "{block:#?}"
        );
        assert!(
            block[block.len() - 2].trim().starts_with("= hint:"),
            "{block:#?}"
        );
    }
}

#[test]
fn errors_show_their_code_too() {
    let out = check_fixture("check/errors_and_warnings", &[]);
    assert!(
        stderr(&out).contains("  = code: link\n"),
        "{}",
        stderr(&out)
    );
}

/// `--allow typo-code` was accepted silently and let nothing through.
#[test]
fn an_unknown_allow_code_is_bad_usage_with_did_you_mean() {
    let (out, _site) = check(&["--deny-warnings", "--allow", "translation-mising"]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(
        err.contains("error: --allow translation-mising: no warning has this code"),
        "{err}"
    );
    assert!(
        err.contains("did you mean `--allow translation-missing`?"),
        "{err}"
    );
    let (out, _site) = check(&["--allow", "zzz"]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(stderr(&out).contains("use one of these codes: actions-many, budget-css,"));
}

#[test]
fn allow_help_lists_every_code() {
    let out = warta(&["check", "--help"]);
    assert_eq!(out.status.code(), Some(0));
    let help = String::from_utf8_lossy(&out.stdout);
    for code in warta::check::WARNING_CODES {
        assert!(help.contains(code), "--help lacks {code}:\n{help}");
    }
}

#[test]
fn a_deny_warnings_failure_names_the_kinds_to_allow() {
    let (out, _site) = check(&["--deny-warnings", "--allow", "description"]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(
        err.contains("check failed (--deny-warnings): 0 errors, 4 warnings\n  = hint: fix the warnings, or let a kind of warning pass with --allow CODE; the kinds here: review-overdue, translation-missing, translation-outdated (every kind: `warta check --help`)"),
        "{err}"
    );
    // Following it passes.
    let (out, _site) = check(&[
        "--deny-warnings",
        "--allow",
        "description",
        "--allow",
        "review-overdue",
        "--allow",
        "translation-missing",
        "--allow",
        "translation-outdated",
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
}

#[test]
fn the_translation_table_separates_not_started_in_progress_and_outdated() {
    let out = check_fixture("check/translation_states", &[]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(0), "{err}");
    assert!(
        err.contains("translation status:\n  section  id  en  not started  in progress  outdated\n  panduan   5   2            1            2         1\n"),
        "{err}"
    );
    assert!(
        err.contains("draf.en.md is not published: it is a draft"),
        "{err}"
    );
    assert!(
        err.contains("nanti.en.md is not published: its date 2099-01-01 is in the future"),
        "{err}"
    );
    // Regression: a translation waiting for its date was told to remove `draft: true`, which
    // it does not have; each waits for what holds it back.
    let after = |file: &str| {
        let at = err.find(file).unwrap_or_else(|| panic!("{file} in {err}"));
        err[at..]
            .lines()
            .find(|l| l.contains("= hint:"))
            .unwrap_or("")
            .to_string()
    };
    assert!(
        after("nanti.en.md is not published").contains("write today's date in its `date:` line"),
        "{err}"
    );
    assert!(
        after("draf.en.md is not published").contains("remove `draft: true`"),
        "{err}"
    );
    assert!(err.contains("belum.en.md does not exist"), "{err}");
}

#[test]
fn json_carries_the_summary_and_the_translation_table() {
    let out = check_fixture("check/translation_states", &["--format", "json"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert_eq!(json["diagnostics"].as_array().map(Vec::len), Some(4));
    let summary = &json["summary"];
    assert_eq!(summary["passed"], true);
    assert_eq!(summary["errors"], 0);
    assert_eq!(summary["warnings"], 4);
    assert_eq!(summary["denied_warnings"], 4);
    assert_eq!(summary["pages"], serde_json::json!({"id": 5, "en": 2}));
    assert_eq!(
        (
            &summary["not_started"],
            &summary["in_progress"],
            &summary["outdated"]
        ),
        (&1.into(), &2.into(), &1.into())
    );
    assert_eq!(
        json["translations"],
        serde_json::json!([{
            "section": "panduan",
            "counts": {"id": 5, "en": 2},
            "missing": 3,
            "not_started": 1,
            "in_progress": 2,
            "outdated": 1,
        }])
    );
    // --deny-warnings turns the verdict.
    let out = check_fixture(
        "check/translation_states",
        &["--format", "json", "--deny-warnings"],
    );
    assert_eq!(out.status.code(), Some(1));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert_eq!(json["summary"]["passed"], false);
}

/// The codes `--allow` takes are one list; a warning with a code missing from it could not be
/// allowed. Every fixture site and the example site are checked, and every code they warn
/// with must be in the list.
#[test]
fn every_warning_code_emitted_is_one_allow_takes() {
    let fixtures = crate::support::fixture("");
    let mut roots: Vec<std::path::PathBuf> = walkdir::WalkDir::new(&fixtures)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_name() == "site.yaml")
        .filter_map(|e| e.path().parent().map(std::path::Path::to_path_buf))
        .collect();
    roots.sort();
    assert!(roots.len() > 50, "found the fixtures: {roots:?}");
    let example = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    roots.push(example.clone());
    let example = &example;
    let codes = std::sync::Mutex::new(std::collections::BTreeMap::new());
    let next = std::sync::atomic::AtomicUsize::new(0);
    std::thread::scope(|scope| {
        for _ in 0..2 {
            scope.spawn(|| {
                loop {
                    let i = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                    let Some(root) = roots.get(i) else { break };
                    // A copy of each fixture: images are cached inside the site folder.
                    let site = tempfile::tempdir().expect("tmp");
                    let checked = if root == example {
                        root.clone()
                    } else {
                        crate::support::copy_dir(root, site.path());
                        site.path().to_path_buf()
                    };
                    let out = warta(&[
                        "check",
                        "--root",
                        checked.to_str().expect("utf-8"),
                        "--format",
                        "json",
                    ]);
                    let json: serde_json::Value = serde_json::from_slice(&out.stdout)
                        .unwrap_or_else(|e| panic!("{}: {e}", root.display()));
                    for d in json["diagnostics"].as_array().expect("diagnostics") {
                        if d["severity"] == "warning" {
                            let code = d["code"].as_str().expect("code").to_string();
                            codes
                                .lock()
                                .expect("lock")
                                .entry(code)
                                .or_insert_with(|| root.display().to_string());
                        }
                    }
                }
            });
        }
    });
    let codes = codes.into_inner().expect("lock");
    for (code, root) in &codes {
        assert!(
            warta::check::WARNING_CODES.contains(&code.as_str()),
            "`{code}` (a warning in {root}) is missing from check::WARNING_CODES"
        );
    }
    eprintln!(
        "warning codes found: {:?}",
        codes.keys().collect::<Vec<_>>()
    );
    assert!(
        codes.len() >= 8,
        "the fixtures warn in many ways: {codes:?}"
    );
}
