//! Help first, trust and feedback (issue 16, points 1 and 7): every page's header links the
//! help page site.yaml names, in the page's language; the hotline says its hours and that it
//! is free; a country page opens with its emergency numbers and its contacts as tap-to-call
//! links; every page shows the official masthead and the footer's pages; content pages end
//! with a "was this page useful?" link that works without script. A reference to a missing
//! page and a bad emergency number stop the build where they are written.

use crate::bad_input::assert_rejected;
use crate::support::{build, copy_fixture, fixture, read, stderr, warta};

fn built() -> (tempfile::TempDir, std::path::PathBuf) {
    let site = copy_fixture("help/site");
    let out = build(site.path());
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let public = site.path().join("public");
    (site, public)
}

/// The text between `start` and the next `end` in `html`.
fn between<'a>(html: &'a str, start: &str, end: &str) -> &'a str {
    let from = html
        .find(start)
        .unwrap_or_else(|| panic!("no {start:?} in:\n{html}"));
    let rest = &html[from..];
    &rest[..rest.find(end).map_or(rest.len(), |e| e + end.len())]
}

#[test]
fn every_page_links_the_help_page_in_its_language() {
    let (_site, public) = built();
    for (page, help) in [
        (
            "index.html",
            r#"<a class="top__help" href="/bantuan/">Butuh bantuan?</a>"#,
        ),
        (
            "negara/index.html",
            r#"<a class="top__help" href="/bantuan/">Butuh bantuan?</a>"#,
        ),
        (
            "404.html",
            r#"<a class="top__help" href="/bantuan/">Butuh bantuan?</a>"#,
        ),
        (
            "en/index.html",
            r#"<a class="top__help" href="/en/help/">Need help?</a>"#,
        ),
        (
            "en/countries/malaysia/index.html",
            r#"<a class="top__help" href="/en/help/">Need help?</a>"#,
        ),
    ] {
        let html = read(&public, page);
        assert!(html.contains(help), "{page}: no help link {help:?}");
        // In the header, before the menu.
        let header = between(&html, "<header", "</header>");
        assert!(
            header.contains(help),
            "{page}: help link outside the header"
        );
    }
    let help_page = read(&public, "bantuan/index.html");
    assert!(
        help_page.contains(r#"href="/bantuan/" aria-current="page">Butuh bantuan?</a>"#),
        "the help page marks its own link"
    );
}

#[test]
fn the_hotline_says_its_hours_and_that_it_is_free() {
    let (_site, public) = built();
    let id = read(&public, "index.html");
    assert!(id.contains(">Bantuan &amp; pengaduan</li>"), "help wording");
    assert!(id.contains(
        r#"<a class="hotline__main" href="tel:08001000">0800-1000</a> <span class="hotline__terms">(24 jam, gratis)</span>"#
    ));
    let en = read(&public, "en/index.html");
    assert!(en.contains(">Help &amp; complaints</li>"));
    assert!(en.contains("(24 hours, free of charge)"));
}

#[test]
fn a_country_page_opens_with_its_emergency_block() {
    let (_site, public) = built();
    let html = read(&public, "negara/malaysia/index.html");
    let sos = between(&html, "<section class=\"sos\"", "</section>");
    for want in [
        r#"Polis / Ambulans: <a href="tel:999">999</a>"#,
        r#"Bomba: <a href="tel:994">994</a>"#,
        r#"<a href="tel:+60321164000">+60 3-2116 4000</a>"#,
        // A national number calls +62, as in body text.
        r#"<a href="tel:+622129244800">(021) 2924 4800</a>"#,
        r#"WhatsApp: <a href="https://wa.me/60123905212">+60 12-390 5212</a>"#,
        "Alamat: No. 233, Jalan Tun Razak, 50400 Kuala Lumpur",
        "Jam layanan: Senin–Jumat, 08.00–16.00",
    ] {
        assert!(sos.contains(want), "emergency block lacks {want:?}:\n{sos}");
    }
    // Right after the title, before the status, description, schemes and body: on a 360 px
    // phone the first mission's phone is then inside the first screen.
    let at = |s: &str| html.find(s).unwrap_or_else(|| panic!("no {s:?}"));
    assert!(at("<h1>Malaysia</h1>") < at("class=\"sos\""));
    assert!(at("class=\"sos\"") < at("status--open"));
    assert!(at("class=\"sos\"") < at("Skema penempatan"));
    assert!(at("class=\"sos\"") < at("<p>Isi halaman.</p>"));
    // The contacts are not listed a second time further down.
    assert_eq!(html.matches(">KBRI Kuala Lumpur</h3>").count(), 1, "{html}");
    assert_eq!(html.matches("tel:+60321164000").count(), 1);
}

#[test]
fn masthead_and_footer_pages_are_on_every_page_in_its_language() {
    let (_site, public) = built();
    let id = read(&public, "negara/index.html");
    let skip = id.find("class=\"skip\"").expect("skip link");
    let masthead = id
        .find(r#"<p class="masthead">Situs resmi Pemerintah Republik Indonesia</p>"#)
        .expect("masthead");
    assert!(skip < masthead, "the skip link comes first");
    assert!(
        masthead < id.find("top__title").expect("title"),
        "at the very top"
    );
    let foot = between(&id, "<ul class=\"foot__links\">", "</ul>");
    assert!(foot.contains(r#"<li><a href="/tentang/">Tentang situs ini</a></li>"#));
    assert!(foot.contains(r#"<li><a href="/bantuan/">Butuh bantuan?</a></li>"#));

    let en = read(&public, "en/countries/index.html");
    assert!(en.contains(
        r#"<p class="masthead">An official website of the Government of the Republic of Indonesia</p>"#
    ));
    let foot = between(&en, "<ul class=\"foot__links\">", "</ul>");
    // A page without a translation: the Indonesian page, marked as such.
    assert!(
        foot.contains(
            r#"<li><a href="/tentang/" hreflang="id" lang="id">Tentang situs ini</a></li>"#
        ),
        "{foot}"
    );
    assert!(foot.contains(r#"<li><a href="/en/help/">Need help?</a></li>"#));
}

#[test]
fn content_pages_end_with_a_feedback_link_to_the_form() {
    let (_site, public) = built();
    let html = read(&public, "negara/malaysia/index.html");
    assert!(html.contains(
        "<p class=\"feedback\"><span class=\"feedback__q\">Apakah halaman ini membantu?</span> \
         <a href=\"https://forms.example.go.id/masukan?sumber=situs&amp;halaman=https%3A%2F%2Fexample.go.id%2Fnegara%2Fmalaysia%2F\">Beri tahu kami</a></p>"
    ), "{html}");
    let en = read(&public, "en/help/index.html");
    assert!(en.contains("Was this page useful?"));
    assert!(en.contains("halaman=https%3A%2F%2Fexample.go.id%2Fen%2Fhelp%2F"));
    for list in ["index.html", "negara/index.html", "404.html", "en/404.html"] {
        assert!(
            !read(&public, list).contains("class=\"feedback\""),
            "{list}: lists and 404 have no feedback link"
        );
    }
}

#[test]
fn a_country_page_without_a_phone_is_a_warning_at_its_contacts() {
    let out = warta(&[
        "check",
        "--root",
        fixture("help/site").to_str().expect("utf-8"),
        "--deny-warnings",
        "--allow",
        "translation-missing",
    ]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    for want in [
        "warning: content/negara/tanpa-telepon.md:4:1: this country page gives readers no number to call",
        "warning: content/negara/tanpa-telepon.en.md:2:8: this country page gives readers no number to call",
        "= hint: add the embassy's phone number under `contacts`, e.g. `- { name: \"KBRI Kuala Lumpur\", phone: \"+60 3-2116 4000\" }`",
        "= code: country-no-phone",
    ] {
        assert!(err.contains(want), "stderr lacks {want:?}:\n{err}");
    }
    assert!(
        !err.contains("malaysia.md:"),
        "a page with phones: no warning\n{err}"
    );
}

#[test]
fn a_help_page_that_does_not_exist_is_an_error_in_site_yaml() {
    let err = assert_rejected(
        "help_missing_page",
        &[
            "error: site.yaml:6:9: `extra.help` names the page `bantuann`, but there is no page content/bantuann.md",
            "= hint: did you mean `bantuan` (the page content/bantuan.md)?",
            "error: site.yaml:9:7: `extra.footer` names the page `kebijakan-privasi`, but there is no page content/kebijakan-privasi.md",
            "= hint: write a page's path under content/ without `.md`: `bantuan` for content/bantuan.md",
        ],
    );
    assert!(!err.contains("`tentang`"), "an existing page is no error");
}

#[test]
fn a_bad_emergency_number_is_an_error_where_it_is_written() {
    assert_rejected(
        "emergency_number",
        &[
            "error: content/negara/malaysia.md:9:13: emergency number 1 is \"999/994\", which is not a phone number",
            "= hint: write only digits, spaces, dashes and a `+` in front, in quotes, e.g. `number: \"999\"`",
            "error: content/negara/malaysia.md:10:13: emergency number 2 has no `name`",
            "= hint: write each number with its name, e.g. `- { name: \"Polis / Ambulans\", number: \"999\" }`",
            "error: content/negara/malaysia.md:11:28: emergency number 3 is \"call 994\"",
        ],
    );
}
