//! `warta new`: each type, the translation sibling, refusal to overwrite.

use crate::support::{build, copy_fixture, read, stderr, warta};

fn new(site: &tempfile::TempDir, args: &[&str]) -> std::process::Output {
    let root = site.path().to_str().expect("utf-8").to_string();
    let mut all = vec!["new"];
    all.extend_from_slice(args);
    all.extend_from_slice(&["--root", root.as_str()]);
    warta(&all)
}

fn stdout(out: &std::process::Output) -> String {
    String::from_utf8_lossy(&out.stdout).trim().to_string()
}

#[test]
fn creates_each_type_in_its_section_and_the_site_still_builds() {
    let site = copy_fixture("good/basic");
    let pr = new(&site, &["press-release", "Sosialisasi di Cirebon"]);
    assert_eq!(pr.status.code(), Some(0), "{}", stderr(&pr));
    assert_eq!(
        stdout(&pr),
        "content/berita/2025-06-01-sosialisasi-di-cirebon.md"
    );
    let text = read(
        site.path(),
        "content/berita/2025-06-01-sosialisasi-di-cirebon.md",
    );
    assert!(
        text.contains("title: \"Sosialisasi di Cirebon\"\ndate: 2025-06-01\n"),
        "{text}"
    );

    let guide = new(&site, &["guide", "Cara Mendaftar — SISKOP2MI"]);
    assert_eq!(
        stdout(&guide),
        "content/panduan/cara-mendaftar-siskop2mi.md"
    );
    assert!(
        read(site.path(), "content/panduan/cara-mendaftar-siskop2mi.md")
            .contains("updated: 2025-06-01")
    );

    let page = new(&site, &["page", "Kontak", "--lang", "en"]);
    assert_eq!(stdout(&page), "content/kontak.en.md");

    let out = build(site.path());
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(
        site.path()
            .join("public/berita/sosialisasi-di-cirebon/index.html")
            .exists()
    );
    assert!(
        site.path()
            .join("public/panduan/cara-mendaftar-siskop2mi/index.html")
            .exists()
    );
}

#[test]
fn country_code_comes_from_the_name_or_a_placeholder_that_check_flags() {
    let site = copy_fixture("good/basic");
    let out = new(&site, &["country", "Jepang"]);
    assert_eq!(stdout(&out), "content/negara/jepang.md");
    assert!(read(site.path(), "content/negara/jepang.md").contains("\ncountry_code: JP\n"));
    let out = build(site.path());
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));

    let out = new(&site, &["country", "Negeri Antah Berantah"]);
    assert_eq!(stdout(&out), "content/negara/negeri-antah-berantah.md");
    let check = warta(&["check", "--root", site.path().to_str().expect("utf-8")]);
    assert_eq!(check.status.code(), Some(1));
    assert!(stderr(&check).contains("content/negara/negeri-antah-berantah.md:3:15: \"XX\" in `country_code` is not an ISO 3166-1 alpha-2 country code"), "{}", stderr(&check));
}

#[test]
fn translation_sibling_copies_shared_fields_and_stays_a_draft() {
    let site = copy_fixture("good/basic");
    std::fs::remove_file(site.path().join("content/negara/malaysia.en.md")).expect("rm");
    let out = new(&site, &["country", "Malaysia", "--lang", "en"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(stdout(&out), "content/negara/malaysia.en.md");
    let text = read(site.path(), "content/negara/malaysia.en.md");
    for kept in [
        "country_code: MY",
        "status: open",
        "review_by: 2026-01-01",
        "  - name: KBRI Kuala Lumpur",
        "draft: true",
    ] {
        assert!(text.contains(kept), "lacks {kept:?}:\n{text}");
    }
    assert!(
        text.contains("# sectors: [Perkebunan]"),
        "text fields are marked to translate:\n{text}"
    );
    assert!(text.contains("Isi."), "the body is copied to be translated");
    let built = build(site.path());
    assert_eq!(built.status.code(), Some(0), "{}", stderr(&built));
    assert!(
        !site
            .path()
            .join("public/en/countries/malaysia/index.html")
            .exists(),
        "an untranslated draft is not published"
    );
}

#[test]
fn never_overwrites() {
    let site = copy_fixture("good/basic");
    let before = read(site.path(), "content/tentang.md");
    let out = new(&site, &["page", "Tentang"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains(
        "error: content/tentang.md: the file already exists; warta new never overwrites"
    ));
    assert_eq!(read(site.path(), "content/tentang.md"), before);
}

#[test]
fn unknown_kind_is_a_usage_error() {
    let site = copy_fixture("good/basic");
    assert_eq!(new(&site, &["poster", "X"]).status.code(), Some(2));
}
