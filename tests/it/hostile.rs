//! Hostile and odd input: each class either fails cleanly (exit 1, file:line:col, a hint,
//! `public/` untouched) or, where an editor could reasonably do it, simply works.

use crate::bad_input::assert_rejected;
use crate::support::{build, copy_fixture, read, stderr, tree};

#[test]
fn yaml_alias_bomb_is_refused_quickly() {
    assert_rejected(
        "yaml_bomb",
        &[
            "error: site.yaml:7:10: invalid YAML: anchors and aliases",
            "write the values out",
        ],
    );
}

#[test]
fn deeply_nested_yaml_is_an_error_not_a_stack_overflow() {
    assert_rejected(
        "deep_nesting",
        &[
            "error: content/berita/2024-01-01-a.md:4:71: invalid YAML: brackets nested more than 64 levels deep",
        ],
    );
}

#[test]
fn file_of_nul_bytes() {
    assert_rejected(
        "nul_bytes",
        &["error: content/berita/2024-01-01-a.md:1:1: the file contains NUL bytes"],
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
            "content/berita/2024-01-01-🎉🎉.md: the file name gives an empty slug",
            "set `slug:",
        ],
    );
}

#[test]
fn alias_colliding_with_a_page() {
    assert_rejected(
        "alias_collision",
        &[
            "two outputs would be written to /berita/b/",
            "content/berita/2024-01-01-a.md (alias /berita/b/)",
        ],
    );
}

#[test]
fn alias_escaping_the_output_folder() {
    assert_rejected(
        "alias_escape",
        &[
            "error: content/berita/2024-01-01-a.md:4:10: alias \"/../../etc/x\" must be a root-relative path inside the site",
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
            "warning: content/berita/2024-01-05-rahasia.md: symbolic links are not followed"
        ),
        "{err}"
    );
    assert!(
        err.contains("warning: content/berita/loop: symbolic links are not followed"),
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
