//! One fixture per kind of bad input: each must exit 1, name the file with line and column,
//! give a hint, and leave an existing `public/` byte-for-byte untouched.

use crate::support::{build, copy_fixture, stderr, tree};

/// Builds `tests/fixtures/bad/<case>` over an existing `public/` and checks the contract.
pub(crate) fn assert_rejected(case: &str, expected: &[&str]) -> String {
    assert_fixture_rejected(&format!("bad/{case}"), expected)
}

/// Builds the fixture `tests/fixtures/<path>` over an existing `public/` and checks the
/// contract: exit 1, every `expected` line, a hint, no panic, `public/` untouched.
pub(crate) fn assert_fixture_rejected(path: &str, expected: &[&str]) -> String {
    let case = path;
    let site = copy_fixture(path);
    let public = site.path().join("public");
    std::fs::create_dir_all(public.join("berita")).expect("public/");
    std::fs::write(public.join("index.html"), "<p>the live site</p>").expect("write");
    std::fs::write(public.join("berita/old.html"), "old page").expect("write");
    let before = tree(&public);

    let out = build(site.path());
    let err = stderr(&out);
    assert_eq!(
        out.status.code(),
        Some(1),
        "{case}: exit code; stderr:\n{err}"
    );
    for want in expected {
        assert!(err.contains(want), "{case}: stderr lacks {want:?}:\n{err}");
    }
    assert!(err.contains("= hint: "), "{case}: no hint:\n{err}");
    assert!(!err.contains("panicked"), "{case}: panic:\n{err}");
    assert_eq!(tree(&public), before, "{case}: public/ was changed");
    let leftovers: Vec<_> = std::fs::read_dir(site.path())
        .expect("read site")
        .flatten()
        .filter(|e| e.file_name().to_string_lossy().contains("warta-staging"))
        .collect();
    assert!(leftovers.is_empty(), "{case}: staging folder left behind");
    err
}

#[test]
fn invalid_yaml() {
    assert_rejected(
        "invalid_yaml",
        &[
            "error: content/berita/2024-01-01-a.md:5:",
            "invalid YAML",
            "not closed with `]`",
        ],
    );
}

#[test]
fn missing_required_field() {
    assert_rejected(
        "missing_field",
        &["error: content/berita/2024-01-01-a.md:1:1: missing required field `date`"],
    );
}

#[test]
fn wrong_type() {
    assert_rejected(
        "wrong_type",
        &[
            "error: content/berita/2024-01-01-a.md:4:8: `draft`: wrong type: found the text \"maybe\", expected true or false (a boolean)",
            "write `true` or `false`",
        ],
    );
}

/// YAML reads a plain `123` or `true` as a number or a boolean: where text is expected, that is
/// a wrong type, as the contract says, not text taken as written. Every file is reported.
#[test]
fn text_field_not_text() {
    let err = assert_rejected(
        "text_field_not_text",
        &[
            "error: content/berita/2024-01-01-a.md:2:8: `title`: wrong type: found the number `123`, expected text",
            "= hint: put the text in quotes; write the line as `title: \"123\"`",
            "error: content/berita/2024-01-02-b.md:5:8: `tags[0]`: wrong type: found the number `1`, expected text",
            "= hint: put the text in quotes: `\"1\"`",
        ],
    );
    // `title: "2024"` and `place: NO` (Norway) in the second file are text.
    assert!(!err.contains("2024-01-02-b.md:2:"), "{err}");
    assert!(!err.contains("`place`"), "{err}");
    assert!(err.contains("2 errors,"), "{err}");
}

#[test]
fn unknown_field_suggests_the_nearest() {
    assert_rejected(
        "unknown_field",
        &[
            "error: content/berita/2024-01-01-a.md:4:1: unknown field `countires`",
            "did you mean `countries`?",
        ],
    );
}

#[test]
fn unknown_config_key() {
    assert_rejected(
        "unknown_config_key",
        &[
            "error: site.yaml:5:1: the site settings (site.yaml) have no setting `defualt_language`",
            "did you mean `default_language`?",
        ],
    );
}

#[test]
fn invalid_date_suggests_iso_form() {
    assert_rejected(
        "invalid_date",
        &[
            "error: content/berita/2024-01-01-a.md:3:7: `date` must be YYYY-MM-DD",
            "write `2024-11-22`",
        ],
    );
}

#[test]
fn impossible_date() {
    assert_rejected(
        "impossible_date",
        &["error: content/berita/2024-01-01-a.md:3:7: `date` is not a day of the calendar"],
    );
}

#[test]
fn invalid_utf8() {
    assert_rejected(
        "invalid_utf8",
        &[
            "error: content/tentang.md:4:4: the file is not saved as text the way warta reads it (UTF-8): the byte 0x",
        ],
    );
}

#[test]
fn escaping_slug() {
    assert_rejected(
        "escaping_slug",
        &[
            "error: content/berita/2024-01-01-a.md:4:7: the address name (slug) \"../../etc\" would leave its folder",
        ],
    );
}

#[test]
fn duplicate_output_path_names_both_files() {
    assert_rejected(
        "duplicate_output",
        &[
            "two outputs would be written to /berita/sama/",
            "content/berita/2024-01-01-a.md",
            "content/berita/2024-01-02-b.md",
        ],
    );
}

#[test]
fn image_without_alt() {
    assert_rejected(
        "image_without_alt",
        &["error: content/berita/2024-01-01-a.md:4:8: `image` is set but `image_alt` is missing"],
    );
}

#[test]
fn invalid_country_code() {
    assert_rejected(
        "invalid_country",
        &[
            // At the item itself, so that the hint replaces just it.
            "error: content/berita/2024-01-01-a.md:4:17: \"Malaysia\" in `countries` is not a two-letter country code (ISO 3166-1 alpha-2)",
            "did you mean `MY`?",
        ],
    );
}

#[test]
fn broken_link_to_content_file() {
    assert_rejected(
        "broken_link",
        &[
            "error: content/berita/2024-01-01-a.md:7:17: broken link: `content/panduan/tidak-ada.md` does not exist",
        ],
    );
}

#[test]
fn missing_front_matter() {
    assert_rejected(
        "missing_front_matter",
        &[
            "error: content/berita/2024-01-01-a.md:1:1: the file does not start with its block of fields (front matter)",
        ],
    );
}

#[test]
fn unclosed_front_matter() {
    assert_rejected(
        "unclosed_front_matter",
        &[
            "error: content/berita/2024-01-01-a.md:1:1: the block of fields at the top of the file (front matter) is never closed",
        ],
    );
}

#[test]
fn broken_template_syntax() {
    assert_rejected(
        "broken_template",
        &["error: themes/mini/templates/page.html:4:", "is not closed"],
    );
}

#[test]
fn template_error_names_template_line_and_page() {
    assert_rejected(
        "template_render_error",
        &[
            "error: themes/mini/templates/page.html:4:12: a mistake in the theme's page layout (template): Field `subtitle` is not defined",
            "(while rendering content/tentang.md)",
        ],
    );
}

/// Regression guard for "abort at the first error" (Zola's fault): every error is listed.
#[test]
fn every_error_is_reported_not_just_the_first() {
    let err = assert_rejected(
        "many_errors",
        &[
            "content/berita/2024-01-01-a.md:3:7",
            "content/berita/2024-01-02-b.md:4:1: unknown field `sumary`",
            "content/berita/2024-01-03-c.md:5:5: broken link",
        ],
    );
    assert!(
        err.contains("build failed; the output folder was left as it was: 3 errors,"),
        "{err}"
    );
}

#[test]
fn broken_anchors_in_markdown() {
    assert_rejected(
        "broken_anchor",
        &[
            "error: content/berita/2024-01-01-a.md:7:21: broken anchor: /berita/b/ has no `#langkah-2`",
            "did you mean `@/berita/2024-01-02-b.md#langkah-1`?",
            "error: content/berita/2024-01-01-a.md:7:71: broken anchor: /berita/a/ has no `#langkah-1`",
        ],
    );
}

#[test]
fn unknown_variant_lists_the_choices() {
    assert_rejected(
        "unknown_variant",
        &[
            "error: site.yaml:6:13: `markdown.raw_html`: `sanitise` is not one of the choices",
            "hint: did you mean `sanitize`? (the choices are `sanitize`, `allow`, `deny`)\n",
        ],
    );
}

/// Regression: serde stopped at the first bad field, so a file with four mistakes took four
/// runs. Now each is reported at its own line and column, in one run.
#[test]
fn every_front_matter_error_of_a_file_in_one_run() {
    let err = assert_rejected(
        "many_errors_one_file",
        &[
            "error: content/panduan/cara.md:1:1: missing required field `updated`",
            "error: content/panduan/cara.md:3:7: `date` must be YYYY-MM-DD",
            "= hint: write `2024-11-22`",
            "error: content/panduan/cara.md:4:8: `draft`: wrong type: found the text \"mungkin\", expected true or false (a boolean)",
            "error: content/panduan/cara.md:5:1: unknown field `audiens`",
            "= hint: did you mean `audience`?",
            "error: content/panduan/biaya.md:4:7: `cost`: wrong type",
        ],
    );
    assert!(err.contains(": 5 errors, 0 warnings"), "{err}");
}

/// Regression: a file with errors also gave warnings about its translation partner ("no
/// Indonesian version") and an error in every page linking to it ("does not exist").
#[test]
fn a_file_with_errors_gets_no_knock_on_findings() {
    let site = crate::support::copy_fixture("bad/many_errors_one_file");
    let out = crate::support::warta(&["check", "--root", site.path().to_str().expect("utf-8")]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(!err.contains("version"), "no missing translation: {err}");
    assert!(!err.contains("broken link"), "no broken link: {err}");
    assert!(!err.contains("content/_index.md"), "{err}");
    assert!(!err.contains("cara.en.md"), "{err}");
    assert!(err.contains("check failed: 5 errors, 0 warnings"), "{err}");
}
