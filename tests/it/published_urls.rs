//! `--published FILE`: a page address of the live site that a build would lose is an error
//! whose hint, followed literally, keeps the address working.

use std::path::{Path, PathBuf};

use crate::support::{copy_fixture, read, stderr, tree, warta};

const FIXTURE: &str = "published_urls/site";

fn utf8(path: &Path) -> &str {
    path.to_str().expect("utf-8 path")
}

/// A copy of the fixture, built once, with the manifest of that build kept aside as the
/// manifest of the live site.
fn published_site() -> (tempfile::TempDir, PathBuf) {
    let site = copy_fixture(FIXTURE);
    let out = warta(&["build", "--root", utf8(site.path())]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let live = site.path().join("live.json");
    std::fs::copy(site.path().join("public/.warta-manifest.json"), &live).expect("keep manifest");
    (site, live)
}

fn build_published(root: &Path, live: &Path) -> std::process::Output {
    warta(&["build", "--root", utf8(root), "--published", utf8(live)])
}

fn check_published(root: &Path, live: &Path) -> std::process::Output {
    warta(&["check", "--root", utf8(root), "--published", utf8(live)])
}

fn edit(root: &Path, rel: &str, f: impl FnOnce(String) -> String) {
    let path = root.join(rel);
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{rel}: {e}"));
    std::fs::write(&path, f(text)).expect("write");
}

/// One `published-url` error as printed: the file it names and its hint.
#[derive(Debug)]
struct Lost {
    file: String,
    first_line: String,
    hint: String,
}

fn lost_errors(stderr: &str) -> Vec<Lost> {
    let mut found = Vec::new();
    let blocks = stderr.split("\n\n");
    for block in blocks {
        if !block.contains("= code: published-url") {
            continue;
        }
        let first_line = block.lines().next().expect("first line").to_string();
        let file = first_line
            .trim_start_matches("error: ")
            .split(':')
            .next()
            .expect("file")
            .to_string();
        let hint = block
            .lines()
            .find_map(|l| l.trim().strip_prefix("= hint: "))
            .expect("a hint")
            .to_string();
        found.push(Lost {
            file,
            first_line,
            hint,
        });
    }
    found
}

/// Does what the hint says, word for word: add the line after the first `---`, or replace the
/// `aliases:` line with it.
fn follow(root: &Path, lost: &Lost) {
    let line = &lost.hint[lost.hint.rfind("aliases: [").expect("the line to add")..];
    let add = format!(
        "add this line between the `---` lines at the top of {}",
        lost.file
    );
    let replace = format!(
        "in {}, replace `aliases:` and its list with this line",
        lost.file
    );
    let replace_guess = format!(
        "in {} (or the page that really replaces it), replace `aliases:` and its list with this line",
        lost.file
    );
    edit(root, &lost.file, |text| {
        if lost.hint.starts_with(&add) {
            text.replacen("---\n", &format!("---\n{line}\n"), 1)
        } else if lost.hint.starts_with(&replace) || lost.hint.starts_with(&replace_guess) {
            let old = text
                .lines()
                .find(|l| l.starts_with("aliases:"))
                .expect("an aliases line")
                .to_string();
            text.replacen(&old, line, 1)
        } else {
            panic!("a hint this test cannot follow: {}", lost.hint)
        }
    });
}

/// Renaming a page's file changed its URL silently: the address shared on WhatsApp died.
#[test]
fn renaming_a_page_file_is_an_error_until_the_hinted_alias_is_added() {
    let (site, live) = published_site();
    let root = site.path();
    std::fs::rename(
        root.join("content/tentang.md"),
        root.join("content/tentang-kami.md"),
    )
    .expect("rename");
    let before = tree(&root.join("public"));

    let out = build_published(root, &live);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(err.contains("build failed"), "{err}");
    assert_eq!(
        tree(&root.join("public")),
        before,
        "public/ is left as it was"
    );
    let lost = lost_errors(&err);
    assert_eq!(lost.len(), 1, "{err}");
    assert_eq!(
        lost[0].first_line,
        "error: content/tentang-kami.md:2:8: the published address /tentang/ would stop working: it showed “Tentang situs ini” (content/tentang.md), and this page is the closest match"
    );
    assert!(
        lost[0].hint.ends_with(": aliases: [\"/tentang/\"]"),
        "{}",
        lost[0].hint
    );

    // `check` says the same, and exits 1.
    let out = check_published(root, &live);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert_eq!(lost_errors(&stderr(&out)).len(), 1, "{}", stderr(&out));

    follow(root, &lost[0]);
    let out = build_published(root, &live);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let redirect = read(&root.join("public"), "tentang/index.html");
    assert!(redirect.contains("/tentang-kami/"), "{redirect}");
    assert!(read(&root.join("public"), "_redirects").contains("/tentang/ /tentang-kami/ 301"));
    let out = check_published(root, &live);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
}

#[test]
fn changing_a_slug_names_the_same_file_and_its_new_address() {
    let (site, live) = published_site();
    let root = site.path();
    edit(
        root,
        "content/berita/2024-11-22-sosialisasi-banten.en.md",
        |t| t.replace("slug: outreach-banten", "slug: outreach-serang"),
    );
    let out = build_published(root, &live);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    let lost = lost_errors(&err);
    assert_eq!(lost.len(), 1, "{err}");
    assert_eq!(
        lost[0].first_line,
        "error: content/berita/2024-11-22-sosialisasi-banten.en.md:4:7: the published address /en/news/outreach-banten/ would stop working: this page was there and is now at /en/news/outreach-serang/"
    );
    assert_eq!(
        lost[0].hint,
        "add this line between the `---` lines at the top of content/berita/2024-11-22-sosialisasi-banten.en.md, so that the old address leads to the page: aliases: [\"/en/news/outreach-banten/\"]"
    );
    follow(root, &lost[0]);
    let out = build_published(root, &live);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let redirect = read(&root.join("public"), "en/news/outreach-banten/index.html");
    assert!(redirect.contains("/en/news/outreach-serang/"), "{redirect}");
}

/// A page that has aliases already gets one line with the old and the new ones: adding a
/// second `aliases:` would be an error of its own.
#[test]
fn a_page_with_aliases_gets_the_whole_list_in_one_line() {
    let (site, live) = published_site();
    let root = site.path();
    edit(
        root,
        "content/berita/2025-01-10-kunjungan-kerja-malaysia.md",
        |t| t.replacen("---\n", "---\nslug: kunjungan-menteri-malaysia\n", 1),
    );
    let out = build_published(root, &live);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    let lost = lost_errors(&err);
    assert_eq!(lost.len(), 1, "{err}");
    assert!(
        lost[0].hint.starts_with("in content/berita/2025-01-10-kunjungan-kerja-malaysia.md, replace `aliases:` and its list with this line"),
        "{}",
        lost[0].hint
    );
    assert!(
        lost[0].hint.ends_with(
            ": aliases: [\"/berita/kunjungan-lama/\", \"/berita/kunjungan-kerja-malaysia/\"]"
        ),
        "{}",
        lost[0].hint
    );
    follow(root, &lost[0]);
    let out = build_published(root, &live);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let public = root.join("public");
    for old in [
        "berita/kunjungan-lama/index.html",
        "berita/kunjungan-kerja-malaysia/index.html",
    ] {
        assert!(
            read(&public, old).contains("/berita/kunjungan-menteri-malaysia/"),
            "{old}"
        );
    }
}

/// A translation deleted: its address goes to the page it translated (same translation key).
#[test]
fn a_deleted_translation_points_to_its_original() {
    let (site, live) = published_site();
    let root = site.path();
    std::fs::remove_file(root.join("content/berita/2025-01-10-kunjungan-kerja-malaysia.en.md"))
        .expect("delete");
    let out = check_published(root, &live);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    let lost = lost_errors(&err);
    assert_eq!(lost.len(), 1, "{err}");
    assert!(
        lost[0]
            .first_line
            .starts_with("error: content/berita/2025-01-10-kunjungan-kerja-malaysia.md:"),
        "{}",
        lost[0].first_line
    );
    assert!(
        lost[0].first_line.ends_with("the published address /en/news/working-visit-malaysia/ would stop working: it showed content/berita/2025-01-10-kunjungan-kerja-malaysia.en.md, a translation of this page, which is gone"),
        "{}",
        lost[0].first_line
    );
    follow(root, &lost[0]);
    let out = check_published(root, &live);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
}

/// Lists, tag pages and feeds come and go with the content: only pages count.
#[test]
fn only_page_addresses_count() {
    let (site, live) = published_site();
    let root = site.path();
    // The only page tagged `outreach` loses its tag: `/en/tags/outreach/` and its feed go.
    edit(
        root,
        "content/berita/2024-11-22-sosialisasi-banten.en.md",
        |t| t.replace("tags: [outreach]\n", ""),
    );
    let out = build_published(root, &live);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(!root.join("public/en/tags/outreach/index.html").exists());
}

/// A manifest written before pages were recorded (version 1): its `index.html` files are the
/// pages, and the nearest address names the page.
#[test]
fn a_version_1_manifest_still_guards_the_pages() {
    let (site, live) = published_site();
    let root = site.path();
    let mut json: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&live).expect("read")).expect("JSON");
    json["version"] = 1.into();
    json.as_object_mut().expect("object").remove("pages");
    std::fs::write(&live, json.to_string()).expect("write");
    edit(
        root,
        "content/berita/2024-11-22-sosialisasi-banten.md",
        |t| t.replacen("---\n", "---\nslug: sosialisasi-banten-2024\n", 1),
    );
    let out = build_published(root, &live);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    let lost = lost_errors(&err);
    assert_eq!(lost.len(), 1, "{err}");
    assert!(
        lost[0].first_line.starts_with("error: content/berita/2024-11-22-sosialisasi-banten.md:2:7: the published address /berita/sosialisasi-banten/ would stop working: the address of this page (/berita/sosialisasi-banten-2024/) is the closest match"),
        "{}",
        lost[0].first_line
    );
    follow(root, &lost[0]);
    let out = build_published(root, &live);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
}

#[test]
fn a_missing_or_damaged_manifest_is_bad_usage() {
    let site = copy_fixture(FIXTURE);
    let root = site.path();
    let missing = root.join("no-such.json");
    for command in ["build", "check"] {
        let out = warta(&[command, "--root", utf8(root), "--published", utf8(&missing)]);
        let err = stderr(&out);
        assert_eq!(out.status.code(), Some(2), "{command}: {err}");
        assert!(err.contains("cannot read the manifest"), "{err}");
    }
    let damaged = root.join("damaged.json");
    std::fs::write(
        &damaged,
        "{\"version\": 2, \"base_path\": \"\",\n  \"files\": {\n",
    )
    .expect("write");
    let out = warta(&["build", "--root", utf8(root), "--published", utf8(&damaged)]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(
        err.contains(
            "damaged.json:3:1: this is not a warta manifest, or it is damaged: EOF while parsing"
        ),
        "{err}"
    );
    assert!(!root.join("public").exists());
    let other = root.join("other.json");
    std::fs::write(&other, "{\"version\": 9}").expect("write");
    let out = warta(&["check", "--root", utf8(root), "--published", utf8(&other)]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("manifest version 9 is not one this warta reads"),
        "{}",
        stderr(&out)
    );
}

/// The manifest records where each page came from, and still reads as a manifest for `diff`.
#[test]
fn the_manifest_records_each_page_and_alias() {
    let (site, live) = published_site();
    let json: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&live).expect("read")).expect("JSON");
    assert_eq!(json["version"], 2);
    let page = &json["pages"]["en/news/outreach-banten/index.html"];
    assert_eq!(
        page["source"],
        "content/berita/2024-11-22-sosialisasi-banten.en.md"
    );
    assert_eq!(page["key"], "berita/2024-11-22-sosialisasi-banten.md");
    assert_eq!(page["lang"], "en");
    assert_eq!(page["title"], "Outreach in Banten");
    assert_eq!(
        json["pages"]["berita/kunjungan-lama/index.html"]["alias"],
        true
    );
    assert!(json["pages"].get("tags/sosialisasi/index.html").is_none());
    let out = warta(&["diff", utf8(&live), utf8(&site.path().join("public"))]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
}

/// A site in a folder of its host (`/kp2mi`): addresses are shown and written as aliases are,
/// without the folder.
#[test]
fn under_a_base_path_addresses_are_written_as_aliases_are() {
    let site = copy_fixture(FIXTURE);
    let root = site.path();
    let base = ["--base-url", "https://example.github.io/kp2mi/"];
    let build = |extra: &[&str]| {
        let mut args = vec!["build", "--root", utf8(root)];
        args.extend_from_slice(&base);
        args.extend_from_slice(extra);
        warta(&args)
    };
    assert_eq!(build(&[]).status.code(), Some(0));
    let live = root.join("live.json");
    std::fs::copy(root.join("public/.warta-manifest.json"), &live).expect("keep manifest");
    edit(
        root,
        "content/berita/2024-11-22-sosialisasi-banten.en.md",
        |t| t.replace("slug: outreach-banten", "slug: outreach-serang"),
    );
    let out = build(&["--published", utf8(&live)]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    let lost = lost_errors(&err);
    assert_eq!(lost.len(), 1, "{err}");
    assert!(
        lost[0].first_line.ends_with("the published address /en/news/outreach-banten/ would stop working: this page was there and is now at /en/news/outreach-serang/"),
        "{}",
        lost[0].first_line
    );
    follow(root, &lost[0]);
    let out = build(&["--published", utf8(&live)]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let redirect = read(&root.join("public"), "en/news/outreach-banten/index.html");
    assert!(
        redirect.contains("/kp2mi/en/news/outreach-serang/"),
        "{redirect}"
    );
}

/// The Indonesian file renamed, its English translation left as it was: the old Indonesian
/// address goes to the renamed file (same title), not to the translation (same key).
#[test]
fn a_renamed_original_is_found_by_its_title_before_its_translation() {
    let (site, live) = published_site();
    let root = site.path();
    std::fs::rename(
        root.join("content/berita/2024-11-22-sosialisasi-banten.md"),
        root.join("content/berita/2024-11-22-sosialisasi-serang.md"),
    )
    .expect("rename");
    let out = check_published(root, &live);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    let lost = lost_errors(&err);
    assert_eq!(lost.len(), 1, "{err}");
    assert_eq!(
        lost[0].first_line,
        "error: content/berita/2024-11-22-sosialisasi-serang.md:2:8: the published address /berita/sosialisasi-banten/ would stop working: it showed “Sosialisasi di Banten” (content/berita/2024-11-22-sosialisasi-banten.md), and this page is the closest match"
    );
    follow(root, &lost[0]);
    let out = check_published(root, &live);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
}
