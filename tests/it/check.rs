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
        "check passed: no errors, 4 warning(s)",
    ] {
        assert!(err.contains(want), "lacks {want:?}:\n{err}");
    }
    assert!(!site.path().join("public").exists(), "check writes nothing");
}

#[test]
fn prints_the_translation_status_table() {
    let (out, _site) = check(&[]);
    let err = stderr(&out);
    assert!(err.contains("translation status:\n  section  id  en  missing  outdated\n  panduan   2   1        1         1\n"), "{err}");
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
    let items = json.as_array().expect("array");
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
        stderr(&out).contains("check failed: 3 error(s)"),
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
    let missing: Vec<&str> = json
        .as_array()
        .expect("array")
        .iter()
        .filter(|d| d["code"] == "translation-missing")
        .filter_map(|d| d["file"].as_str())
        .collect();
    assert_eq!(missing, ["content/panduan/orientasi-pra-pemberangkatan.md"]);
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
        err.contains("error: content/panduan/lama.md:9:5: the image `gambar.svg` has no alt text"),
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
        "translation status:\n  section  id  en  missing  outdated\n  panduan   2   1        1         1\n",
        "check failed: 1 error(s), 4 warning(s)",
    ] {
        assert!(err.contains(want), "lacks {want:?}:\n{err}");
    }
}

#[test]
fn an_error_does_not_hide_the_warnings_in_json() {
    let out = check_fixture("check/errors_and_warnings", &["--format", "json"]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    let mut found: Vec<(&str, &str)> = json
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
    assert!(
        err.contains("check failed: 2 error(s), 0 warning(s)"),
        "{err}"
    );
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
    assert!(err.contains("check failed: 2 error(s)"), "{err}");
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
