//! The good fixture site: every output the contract lists, with the right content.

use std::path::Path;

use crate::support::{build, copy_fixture, main_of, read, stderr, tree, warta};

fn built() -> tempfile::TempDir {
    let site = copy_fixture("good/basic");
    let out = build(site.path());
    assert_eq!(
        out.status.code(),
        Some(0),
        "build failed:\n{}",
        stderr(&out)
    );
    site
}

fn public(site: &tempfile::TempDir) -> std::path::PathBuf {
    site.path().join("public")
}

#[test]
fn writes_every_output_of_the_contract() {
    let site = built();
    let files = tree(&public(&site));
    for want in [
        "index.html",
        "en/index.html",
        "berita/index.html",
        "en/news/index.html",
        "berita/sosialisasi-banten/index.html",
        "en/news/outreach-banten/index.html",
        "berita/hanya-indonesia/index.html",
        "panduan/cara-mengadu/index.html",
        "en/guides/how-to-complain/index.html",
        "negara/malaysia/index.html",
        "en/countries/malaysia/index.html",
        "tentang/index.html",
        "tags/index.html",
        "tags/sosialisasi/index.html",
        "tags/banten/index.html",
        "en/tags/index.html",
        "en/tags/outreach/index.html",
        "atom.xml",
        "en/atom.xml",
        "berita/atom.xml",
        "en/news/atom.xml",
        "404.html",
        "en/404.html",
        "sitemap.xml",
        "robots.txt",
        "berita/lama-sosialisasi/index.html",
        "berita/foto.svg",
    ] {
        assert!(
            files.contains_key(want),
            "missing {want}; have {:?}",
            files.keys().collect::<Vec<_>>()
        );
    }
    assert!(
        !files
            .keys()
            .any(|f| f.contains("draf") || f.contains("masa-depan")),
        "drafts and future pages are not published"
    );
}

#[test]
fn drafts_flag_publishes_drafts_and_future_pages() {
    let site = copy_fixture("good/basic");
    let out = warta(&[
        "build",
        "--drafts",
        "--root",
        site.path().to_str().expect("utf-8"),
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(public(&site).join("berita/draf/index.html").exists());
    assert!(public(&site).join("berita/masa-depan/index.html").exists());
}

#[test]
fn every_page_has_lang_canonical_and_hreflang_both_ways() {
    let site = built();
    let p = public(&site);
    let id = read(&p, "berita/sosialisasi-banten/index.html");
    let en = read(&p, "en/news/outreach-banten/index.html");
    assert!(id.contains(r#"<html lang="id""#));
    assert!(en.contains(r#"<html lang="en""#));
    for page in [&id, &en] {
        assert!(page.contains(r#"<link rel="canonical""#));
        assert!(
            page.contains(
                r#"hreflang="id" href="https://example.go.id/berita/sosialisasi-banten/""#
            ),
            "{page}"
        );
        assert!(
            page.contains(r#"hreflang="en" href="https://example.go.id/en/news/outreach-banten/""#),
            "{page}"
        );
        assert!(
            page.contains(
                r#"hreflang="x-default" href="https://example.go.id/berita/sosialisasi-banten/""#
            ),
            "{page}"
        );
    }
    assert!(
        id.contains(r#"href="/en/news/outreach-banten/""#),
        "the switch goes to the translation"
    );
}

#[test]
fn untranslated_page_switches_to_the_other_language_section_and_says_so() {
    let site = built();
    let page = read(&public(&site), "berita/hanya-indonesia/index.html");
    assert!(
        page.contains(r#"href="/en/news/""#),
        "switch to the English news list"
    );
    assert!(
        !page.contains(r#"hreflang="en""#),
        "no hreflang to a translation that does not exist"
    );
}

#[test]
fn content_links_are_rewritten_per_language() {
    let site = built();
    let p = public(&site);
    let id = read(&p, "berita/sosialisasi-banten/index.html");
    assert!(id.contains(r#"href="/panduan/cara-mengadu/#langkah-1""#));
    assert!(id.contains(r#"href="/negara/malaysia/""#));
    assert!(id.contains(r#"src="/berita/foto.svg""#));
    let en = read(&p, "en/news/outreach-banten/index.html");
    assert!(en.contains(r#"href="/en/guides/how-to-complain/""#));
    let home_en = read(&p, "en/index.html");
    assert!(home_en.contains(r#"href="/en/guides/how-to-complain/""#));
}

#[test]
fn dates_are_shown_in_the_page_language() {
    let site = built();
    let p = public(&site);
    assert!(read(&p, "berita/hanya-indonesia/index.html").contains("15 Januari 2025"));
    assert!(read(&p, "berita/sosialisasi-banten/index.html").contains("22 November 2024"));
    assert!(read(&p, "panduan/cara-mengadu/index.html").contains("1 Maret 2025"));
    assert!(read(&p, "en/guides/how-to-complain/index.html").contains("1 March 2025"));
}

#[test]
fn hotline_and_only_active_alerts_on_every_page() {
    let site = built();
    let p = public(&site);
    for page in [
        "index.html",
        "en/index.html",
        "tentang/index.html",
        "404.html",
        "en/tags/index.html",
    ] {
        let html = read(&p, page);
        assert!(
            html.contains(r#"href="tel:08001000""#),
            "{page} lacks the hotline"
        );
        assert!(
            html.contains(r#"href="tel:+622129244800""#),
            "{page} lacks the abroad number"
        );
    }
    assert!(read(&p, "index.html").contains("Pemberitahuan aktif"));
    assert!(read(&p, "en/index.html").contains("Active notice"));
    assert!(!read(&p, "index.html").contains("Pemberitahuan lama"));
}

#[test]
fn alias_redirects_to_the_page() {
    let site = built();
    let alias = read(&public(&site), "berita/lama-sosialisasi/index.html");
    assert!(alias.contains("https://example.go.id/berita/sosialisasi-banten/"));
    assert!(alias.contains("http-equiv=\"refresh\""));
}

#[test]
fn feeds_and_sitemap() {
    let site = built();
    let p = public(&site);
    let feed = read(&p, "berita/atom.xml");
    assert!(feed.contains("<feed xmlns=\"http://www.w3.org/2005/Atom\""));
    assert!(feed.contains("https://example.go.id/berita/sosialisasi-banten/"));
    assert!(
        feed.contains("2025-01-15T02:30:00Z"),
        "RFC 3339 dates in UTC"
    );
    let en_feed = read(&p, "en/atom.xml");
    assert!(en_feed.contains("https://example.go.id/en/news/outreach-banten/"));
    assert!(!en_feed.contains("hanya-indonesia"));
    let sitemap = read(&p, "sitemap.xml");
    assert!(sitemap.contains(r#"xmlns:xhtml="http://www.w3.org/1999/xhtml""#));
    assert!(sitemap.contains(r#"<xhtml:link rel="alternate" hreflang="en" href="https://example.go.id/en/news/outreach-banten/"/>"#), "{sitemap}");
    assert!(read(&p, "robots.txt").contains("Sitemap: https://example.go.id/sitemap.xml"));
}

#[test]
fn output_is_deterministic_and_leaves_no_stale_files() {
    let site = built();
    let p = public(&site);
    let first = tree(&p);
    std::fs::write(p.join("stale.html"), "from an old build").expect("write");
    let out = build(site.path());
    assert_eq!(out.status.code(), Some(0));
    let second = tree(&p);
    assert_eq!(
        first, second,
        "a rebuild is byte-identical and removes stale files"
    );
}

#[test]
fn builds_without_a_themes_folder_using_the_embedded_theme() {
    let site = built();
    assert!(!site.path().join("themes").exists());
    assert!(Path::new(&public(&site)).join("index.html").exists());
}

#[test]
fn snapshots_of_main() {
    let site = built();
    let p = public(&site);
    insta::assert_snapshot!(
        "press_release_id",
        main_of(&read(&p, "berita/sosialisasi-banten/index.html"))
    );
    insta::assert_snapshot!(
        "guide_id",
        main_of(&read(&p, "panduan/cara-mengadu/index.html"))
    );
    insta::assert_snapshot!(
        "country_en",
        main_of(&read(&p, "en/countries/malaysia/index.html"))
    );
    insta::assert_snapshot!("section_id", main_of(&read(&p, "berita/index.html")));
    insta::assert_snapshot!("feed_news_en", read(&p, "en/news/atom.xml"));
    insta::assert_snapshot!("sitemap", read(&p, "sitemap.xml"));
}

#[test]
fn section_lists_are_paginated_by_20() {
    let site = copy_fixture("good/basic");
    for i in 1..=45 {
        let text = format!(
            "---\ntitle: Berita nomor {i}\ndate: 2023-01-{:02}\n---\nIsi {i}.\n",
            (i % 28) + 1
        );
        std::fs::write(
            site.path()
                .join(format!("content/berita/2023-01-01-nomor-{i}.md")),
            text,
        )
        .expect("write");
    }
    let out = build(site.path());
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let p = public(&site);
    assert!(p.join("berita/page/2/index.html").exists());
    assert!(p.join("berita/page/3/index.html").exists());
    assert!(
        !p.join("berita/page/4/index.html").exists(),
        "47 pages make 3 list pages"
    );
    let first = read(&p, "berita/index.html");
    assert!(
        first.contains(r#"href="/berita/page/2/""#),
        "link to the next list page"
    );
    let third = read(&p, "berita/page/3/index.html");
    assert_eq!(
        third.matches("Berita nomor").count(),
        7,
        "the last page has the remaining 7"
    );
}
