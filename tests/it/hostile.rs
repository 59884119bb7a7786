//! Hostile and odd input: each class either fails cleanly (exit 1, file:line:col, a hint,
//! `public/` untouched) or, where an editor could reasonably do it, simply works.

use crate::bad_input::assert_rejected;
use crate::support::{build, copy_fixture, read, stderr, tree};

#[test]
fn yaml_alias_bomb_is_refused_quickly() {
    assert_rejected(
        "yaml_bomb",
        &[
            "error: site.yaml:7:10: the shortcuts `&name` and `*name` (YAML anchors and aliases)",
            "write the values out",
        ],
    );
}

#[test]
fn deeply_nested_yaml_is_an_error_not_a_stack_overflow() {
    assert_rejected(
        "deep_nesting",
        &[
            "error: content/berita/2024-01-01-a.md:4:71: the brackets are nested more than 64 levels deep",
        ],
    );
}

#[test]
fn file_of_nul_bytes() {
    assert_rejected(
        "nul_bytes",
        &[
            "error: content/berita/2024-01-01-a.md:1:1: the file is not text (it contains NUL bytes)",
        ],
    );
}

#[test]
fn tab_indentation() {
    assert_rejected(
        "tab_indent",
        &[
            "error: content/berita/2024-01-01-a.md:6:1: a tab is used for indentation",
            "with spaces",
        ],
    );
}

#[test]
fn duplicate_keys_point_at_the_second() {
    assert_rejected(
        "duplicate_key",
        &["error: content/berita/2024-01-01-a.md:4:1: `title` is given twice"],
    );
}

#[test]
fn slug_empty_after_slugifying() {
    assert_rejected(
        "empty_slug",
        &[
            "content/berita/2024-01-01-🎉🎉.md: the file name gives an empty address name (slug)",
            "add the line `slug: pesta`",
        ],
    );
}

#[test]
fn alias_colliding_with_a_page() {
    assert_rejected(
        "alias_collision",
        &[
            "two outputs would be written to /berita/b/",
            "content/berita/2024-01-01-a.md (old address /berita/b/)",
        ],
    );
}

#[test]
fn two_pages_on_one_url_are_one_error_at_the_slug() {
    let err = assert_rejected(
        "duplicate_output",
        &[
            "error: content/berita/2024-01-02-b.md:4:7: two outputs would be written to /berita/sama/: content/berita/2024-01-01-a.md and content/berita/2024-01-02-b.md",
            "1 error,",
        ],
    );
    assert!(
        !err.contains("index.html"),
        "reported again by the renderer:\n{err}"
    );
}

#[test]
fn nothing_of_the_editors_goes_into_the_processed_images_folder() {
    // `_headers` caches that folder forever: an alias or a file there could never change.
    assert_rejected(
        "reserved_image_folder",
        &[
            "error: content/berita/2024-01-01-a.md:4:10: the old address (alias) /processed_images/lama/ is inside /processed_images/, the folder where warta publishes processed images",
            "error: content/processed_images/brosur.pdf: this file's address (URL) /processed_images/brosur.pdf is inside /processed_images/",
            "hint: move the file to another folder",
        ],
    );
}

#[test]
fn alias_escaping_the_output_folder() {
    assert_rejected(
        "alias_escape",
        &[
            "error: content/berita/2024-01-01-a.md:4:12: the old address \"/../../etc/x\" in `aliases` must start with `/` and stay inside the site",
        ],
    );
}

#[test]
fn missing_theme() {
    assert_rejected("missing_theme", &["the theme `tidak-ada` was not found"]);
}

#[test]
fn markdown_too_deep_in_folders() {
    assert_rejected(
        "too_deep_folder",
        &[
            "content/berita/2024/2024-01-01-a.md: Markdown files may sit in `content/` or one section folder below it",
        ],
    );
}

#[test]
fn unknown_language_suffix() {
    assert_rejected(
        "unknown_language_suffix",
        &["the language suffix `.fr` is not one of the site's languages"],
    );
}

/// BOM, CRLF line endings, a `---` rule in the body and a non-ASCII file name all just work.
#[test]
fn editor_quirks_that_must_work() {
    let site = copy_fixture("good/hostile_ok");
    let out = build(site.path());
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let p = site.path().join("public");
    assert!(read(&p, "berita/bom/index.html").contains("Dengan BOM."));
    let crlf = read(&p, "berita/crlf/index.html");
    assert!(
        crlf.contains("Baris Windows.") && crlf.contains(r#"<h2 id="judul">Judul</h2>"#),
        "{crlf}"
    );
    assert!(p.join("tags/windows/index.html").exists());
    let rule = read(&p, "berita/garis/index.html");
    assert!(
        rule.contains("<hr />") && rule.contains("Sesudah garis."),
        "a `---` in the body is a rule"
    );
    assert!(
        p.join("berita/ke-luar-negeri-panduan/index.html").exists(),
        "non-ASCII file names slugify"
    );
}

#[test]
fn symlinks_are_not_followed_and_say_so() {
    let site = copy_fixture("good/hostile_ok");
    let outside = tempfile::tempdir().expect("tmp");
    std::fs::write(
        outside.path().join("rahasia.md"),
        "---\ntitle: Rahasia\ndate: 2024-01-01\n---\nsecret\n",
    )
    .expect("write");
    let content = site.path().join("content/berita");
    std::os::unix::fs::symlink(
        outside.path().join("rahasia.md"),
        content.join("2024-01-05-rahasia.md"),
    )
    .expect("symlink");
    std::os::unix::fs::symlink("..", content.join("loop")).expect("symlink loop");
    let out = build(site.path());
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(0), "{err}");
    assert!(
        err.contains(
            "warning: content/berita/2024-01-05-rahasia.md: this is a link to another file (symbolic link), which warta does not follow: it is not part of the site"
        ),
        "{err}"
    );
    assert!(
        err.contains("warning: content/berita/loop: this is a link to another file (symbolic link), which warta does not follow: it is not part of the site"),
        "{err}"
    );
    let files = tree(&site.path().join("public"));
    assert!(
        !files.keys().any(|f| f.contains("rahasia")),
        "the linked file is not published"
    );
}

#[test]
fn a_50_mb_markdown_file_builds() {
    let site = copy_fixture("good/hostile_ok");
    let para = "Kata-kata yang panjang dan berulang untuk menguji berkas yang sangat besar sekali. "
        .repeat(8) + "\n\n";
    let mut text = String::from("---\ntitle: Besar\ndate: 2024-01-06\n---\n");
    while text.len() < 50_000_000 {
        text.push_str(&para);
    }
    std::fs::write(site.path().join("content/berita/2024-01-06-besar.md"), text).expect("write");
    let out = build(site.path());
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let html = std::fs::metadata(site.path().join("public/berita/besar/index.html")).expect("page");
    assert!(html.len() > 50_000_000);
}

#[test]
fn output_inside_content_is_refused() {
    let site = copy_fixture("good/hostile_ok");
    let root = site.path().to_str().expect("utf-8");
    let inside = site.path().join("content/public");
    let out = crate::support::warta(&[
        "build",
        "--root",
        root,
        "--output",
        inside.to_str().expect("utf-8"),
    ]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("refusing to write the site into"));
    assert!(!inside.exists());
    let out = crate::support::warta(&["build", "--root", root, "--output", "/"]);
    assert_eq!(
        out.status.code(),
        Some(1),
        "the file system root is refused"
    );
}

/// A component that calls itself without end stops at Tera's depth limit (20) with an error
/// naming the template and the page, not a stack overflow.
#[test]
fn recursive_component_is_an_error_not_a_stack_overflow() {
    assert_rejected(
        "template_recursion",
        &[
            "error: themes/mini/templates/page.html: a mistake in the theme's page layout (template): Maximum render recursion depth for components exceeded. (while rendering content/tentang.md)",
            "stop the recursion",
        ],
    );
}

#[test]
fn include_cycle_names_the_templates() {
    assert_rejected(
        "template_include_cycle",
        &[
            "error: themes/mini/templates/partials/a.html: a mistake in the theme's page layout (template): Circular include detected",
            r#""partials/a.html", "partials/b.html", "partials/a.html""#,
        ],
    );
}

/// Two nested `range(end=100000)` loops would run 10^10 times: the page's `range` budget
/// (1,000,000 items) stops them within a second.
#[test]
fn nested_loops_are_bounded() {
    let started = std::time::Instant::now();
    assert_rejected(
        "template_nested_loops",
        &[
            "error: themes/mini/templates/page.html:4:18: a mistake in the theme's page layout (template): the loops of this page went through more than 1000000 `range` items (while rendering content/tentang.md)",
            "loops are bounded",
        ],
    );
    assert!(started.elapsed() < std::time::Duration::from_secs(30));
}

#[test]
fn huge_range_is_refused() {
    assert_rejected(
        "template_huge_range",
        &[
            "error: themes/mini/templates/page.html:3:17: a mistake in the theme's page layout (template): `range` would give 10000000000 items; the limit is 100000",
        ],
    );
}

/// A template asking for a UI string that no language has: one error at the call (not one per
/// page); the key missing only from `en.yaml` is a warning beside it.
#[test]
fn i18n_key_in_no_language_is_a_template_error() {
    let err = assert_rejected(
        "i18n_missing_key",
        &[
            "error: themes/mini/templates/page.html:5:18: `trans(key=\"tidak_ada\")`: none of the theme's translation files (i18n) has the interface text (UI string) `tidak_ada`",
            "warning: themes/mini/i18n/en.yaml: the interface text (UI string) `read_more` is missing",
        ],
    );
    assert_eq!(err.matches("tidak_ada`").count(), 1, "{err}");
}

/// A key missing in one language falls back to the default language, with one warning
/// naming the file and the key however many pages use it.
#[test]
fn i18n_key_missing_in_one_language_falls_back_and_warns_once() {
    let site = copy_fixture("bad/i18n_missing_key");
    let page = site.path().join("themes/mini/templates/page.html");
    let text = std::fs::read_to_string(&page).expect("page.html");
    let kept: String = text
        .lines()
        .filter(|l| !l.contains("tidak_ada"))
        .map(|l| format!("{l}\n"))
        .collect();
    std::fs::write(&page, kept).expect("write");
    let out = build(site.path());
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(0), "{err}");
    let warning = "warning: themes/mini/i18n/en.yaml: the interface text (UI string) `read_more` is missing: pages in `en` show it in `id`";
    assert_eq!(err.matches(warning).count(), 1, "{err}");
    assert!(err.contains("add `read_more: \"…\"` to themes/mini/i18n/en.yaml, translating themes/mini/i18n/id.yaml:3"), "{err}");
    let p = site.path().join("public");
    assert!(read(&p, "en/tentang/index.html").contains(r#"<p class="baca">Baca selengkapnya</p>"#));
    assert!(read(&p, "tentang/index.html").contains(r#"<p class="baca">Baca selengkapnya</p>"#));
}

/// A template that writes without end (here 320 MiB) stops at 256 MiB for one file instead of
/// filling the memory.
#[test]
fn runaway_output_is_bounded() {
    assert_rejected(
        "template_output_bomb",
        &[
            "error: themes/mini/templates/page.html: what the template wrote grew past 256 MiB (while rendering content/tentang.md)",
        ],
    );
}

/// The page of `tests/fixtures/raw_html` built with `markdown:` set to `settings` (if any):
/// exit code, stderr, and the page's `<main>`.
fn raw_html_site(settings: Option<&str>) -> (Option<i32>, String, String) {
    let site = copy_fixture("raw_html");
    if let Some(settings) = settings {
        let yaml = site.path().join("site.yaml");
        let text = std::fs::read_to_string(&yaml).expect("site.yaml");
        std::fs::write(&yaml, format!("{text}markdown: {settings}\n")).expect("write");
    }
    let out = build(site.path());
    let page = std::fs::read_to_string(site.path().join("public/berita/html/index.html"))
        .map(|html| crate::support::main_of(&html))
        .unwrap_or_default();
    (out.status.code(), stderr(&out), page)
}

const IKLAN: &str = "https://iklan.example/banner";

#[test]
fn raw_html_is_sanitized_by_default() {
    let (code, err, page) = raw_html_site(None);
    assert_eq!(code, Some(0), "{err}");
    let lower = page.to_lowercase();
    for bad in [
        "<script",
        "onclick",
        "onerror",
        "javascript:",
        "data:text",
        "allow=\"autoplay\"",
        IKLAN,
    ] {
        assert!(!lower.contains(bad), "{bad:?} survived:\n{page}");
    }
    assert!(
        page.contains("<mark>tanda</mark>") && page.contains("<span>klik</span>"),
        "{page}"
    );
    assert!(
        page.contains(r#"<a href="https://kp2mi.go.id/" rel="noopener noreferrer">aman</a>"#),
        "{page}"
    );
    let sandbox = r#"sandbox="allow-scripts allow-same-origin allow-presentation""#;
    for video in [
        "https://www.youtube-nocookie.com/embed/abc123",
        "https://www.youtube.com/embed/def456",
    ] {
        let iframe = page
            .split("<iframe ")
            .find(|f| f.starts_with(&format!("src=\"{video}\"")))
            .unwrap_or_else(|| panic!("{video} was dropped:\n{page}"));
        assert!(iframe.contains(sandbox), "{iframe}");
    }
    assert!(
        err.contains(&format!(
            "warning: content/berita/2024-01-01-html.md:17:1: the embedded frame (iframe) of \"{IKLAN}\" is removed"
        )),
        "{err}"
    );
}

#[test]
fn raw_html_allow_keeps_it_as_written() {
    let (code, err, page) = raw_html_site(Some("{ raw_html: allow }"));
    assert_eq!(code, Some(0), "{err}");
    assert!(
        page.contains(r#"<script>alert("skrip")</script>"#),
        "{page}"
    );
    assert!(
        page.contains(r#"<span onclick="alert(1)">klik</span>"#),
        "{page}"
    );
    assert!(page.contains(IKLAN) && !err.contains("warning"), "{err}");
}

#[test]
fn raw_html_deny_is_an_error_naming_each_piece_of_html() {
    let (code, err, page) = raw_html_site(Some("{ raw_html: deny }"));
    assert_eq!(code, Some(1), "{err}");
    assert!(page.is_empty(), "nothing is published");
    for want in [
        "error: content/berita/2024-01-01-html.md:5:17: the HTML `<mark>` written in the text is not allowed on this site",
        "error: content/berita/2024-01-01-html.md:7:1: the HTML `<script>` written in the text is not allowed on this site",
        "error: content/berita/2024-01-01-html.md:17:1: the HTML `<iframe src=\"https://iklan.example/banner\" title=\"Iklan\">` written in the text is not allowed",
        "= hint: write it in Markdown instead",
    ] {
        assert!(err.contains(want), "no {want:?} in:\n{err}");
    }
}

#[test]
fn iframe_hosts_replace_the_default_list() {
    let (code, err, page) = raw_html_site(Some("{ iframe_hosts: [iklan.example] }"));
    assert_eq!(code, Some(0), "{err}");
    assert!(page.contains(&format!("<iframe src=\"{IKLAN}\"")), "{page}");
    assert!(!page.contains("youtube"), "{page}");
    assert_eq!(
        err.matches("warning: content/berita/2024-01-01-html.md:")
            .count(),
        2,
        "{err}"
    );
}

/// Runs `warta build` on `root` without the capabilities that let root read any file
/// (`setpriv` from util-linux), so that `chmod 000` means unreadable even as root. `None`
/// when that cannot be arranged.
fn build_without_read_override(
    root: &std::path::Path,
    probe: &std::path::Path,
) -> Option<std::process::Output> {
    let mut command = if std::fs::read(probe).is_err() {
        std::process::Command::new(env!("CARGO_BIN_EXE_warta"))
    } else {
        let mut c = std::process::Command::new("setpriv");
        c.args([
            "--bounding-set",
            "-dac_override,-dac_read_search",
            env!("CARGO_BIN_EXE_warta"),
        ]);
        c
    };
    command
        .args(["build", "--root"])
        .arg(root)
        .env("WARTA_TODAY", crate::support::TODAY)
        .env("NO_COLOR", "1")
        .output()
        .ok()
        .filter(|out| !String::from_utf8_lossy(&out.stderr).contains("setpriv:"))
}

/// A page, an asset and a folder that cannot be read are errors naming each, never skipped;
/// the live site stays as it was.
#[test]
fn unreadable_files_are_errors_naming_them() {
    use std::os::unix::fs::PermissionsExt;
    let site = copy_fixture("good/basic");
    let content = site.path().join("content");
    std::fs::create_dir_all(content.join("rahasia")).expect("mkdir");
    std::fs::write(content.join("rahasia/a.md"), "---\ntitle: A\n---\n").expect("write");
    let public = site.path().join("public");
    std::fs::create_dir_all(&public).expect("public/");
    std::fs::write(public.join("index.html"), "the live site").expect("write");
    let locked = [
        content.join("tentang.md"),
        content.join("berita/foto.svg"),
        content.join("rahasia"),
    ];
    for path in &locked {
        std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o000)).expect("chmod");
    }
    let out = build_without_read_override(site.path(), &locked[0]);
    for path in &locked {
        let mode = if path.is_dir() { 0o755 } else { 0o644 };
        std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode)).expect("chmod");
    }
    let Some(out) = out else {
        eprintln!("skipped: cannot drop the capability to read any file (no setpriv?)");
        return;
    };
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    for want in [
        "error: content/tentang.md: cannot read the file: Permission denied",
        "error: content/berita/foto.svg: cannot read the file: Permission denied",
        "error: content/rahasia: cannot read: Permission denied",
        "= hint: check the file's permissions",
    ] {
        assert!(err.contains(want), "no {want:?} in:\n{err}");
    }
    assert!(
        !err.contains("does not exist"),
        "no follow-on broken links:\n{err}"
    );
    assert_eq!(read(&public, "index.html"), "the live site");
}

/// A named pipe in `content/` would block a read for ever: it is skipped with a warning.
#[test]
fn a_named_pipe_in_content_is_warned_about_not_read() {
    let site = copy_fixture("good/hostile_ok");
    let fifo = site.path().join("content/berita/2024-01-09-pipa.md");
    let made = std::process::Command::new("mkfifo").arg(&fifo).status();
    assert!(made.is_ok_and(|s| s.success()), "mkfifo");
    let out = build(site.path());
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(0), "{err}");
    assert!(
        err.contains("warning: content/berita/2024-01-09-pipa.md: a named pipe is not a regular file: it is not part of the site"),
        "{err}"
    );
}
