//! Action buttons and alert links (issue 16, point 3): a page's `actions:` show as buttons
//! after its title and before its body, in each language, their internal links resolved and
//! checked like body links; an alert in site.yaml shows its `link:` after its text. An action
//! address that is not `https:`, `tel:`, `mailto:` or a page of the site stops the build at its
//! line and column with the address to write, and leaves `public/` as it was.

use crate::bad_input::assert_fixture_rejected;
use crate::support::{build, copy_fixture, read, stderr, warta};

/// The `<ul class="actions">` list of a page, or `""` when it has none.
fn actions_of(html: &str) -> &str {
    let Some(start) = html.find("<ul class=\"actions\">") else {
        return "";
    };
    let end = start + html[start..].find("</ul>").expect("list closed");
    &html[start..end]
}

/// Each button of a page as (href, accessible text: the label and any hidden words).
fn buttons(html: &str) -> Vec<(String, String)> {
    actions_of(html)
        .split("<li>")
        .skip(1)
        .map(|li| {
            let href = li
                .split("href=\"")
                .nth(1)
                .and_then(|r| r.split('"').next())
                .unwrap_or_default()
                .to_string();
            let mut text = String::new();
            let mut in_tag = false;
            let mut hidden = false;
            for part in li.split_inclusive(['<', '>']) {
                if in_tag {
                    hidden = hidden || part.contains("aria-hidden");
                    if part.starts_with("/span") {
                        hidden = false;
                    }
                } else if !hidden {
                    text.push_str(part.trim_end_matches('<'));
                }
                in_tag = part.ends_with('<');
            }
            (href, text.trim().to_string())
        })
        .collect()
}

fn pair(href: &str, text: &str) -> (String, String) {
    (href.to_string(), text.to_string())
}

#[test]
fn buttons_show_in_each_language_with_internal_links_resolved() {
    let site = copy_fixture("actions/good");
    let out = build(site.path());
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let public = site.path().join("public");

    let id = read(&public, "panduan/cek/index.html");
    assert_eq!(
        buttons(&id),
        [
            pair(
                "https://siskop2mi.bp2mi.go.id/",
                "Cek perusahaan di SISKOP2MI (situs luar)"
            ),
            pair("tel:0800-1000", "Telepon 0800-1000"),
            pair("/panduan/aduan/", "Cara mengadu"),
        ]
    );
    let en = read(&public, "en/guides/check/index.html");
    assert_eq!(
        buttons(&en),
        [
            pair(
                "https://siskop2mi.bp2mi.go.id/",
                "Check the company in SISKOP2MI (external site)"
            ),
            pair("/en/guides/complaints/#langkah", "How to complain"),
        ]
    );
    let page = read(&public, "tentang/index.html");
    assert_eq!(
        buttons(&page),
        [
            pair("mailto:humas@example.go.id", "Kirim email"),
            pair("/panduan/aduan/", "Panduan mengadu"),
        ]
    );
    assert_eq!(
        actions_of(&read(&public, "panduan/aduan/index.html")),
        "",
        "no actions, no list"
    );
}

#[test]
fn buttons_sit_after_the_lede_and_before_the_body_and_open_in_the_same_tab() {
    let site = copy_fixture("actions/good");
    let out = build(site.path());
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let html = read(&site.path().join("public"), "panduan/cek/index.html");
    let at = |needle: &str| html.find(needle).unwrap_or_else(|| panic!("{needle}"));
    assert!(at("<h1>") < at("class=\"lede\""));
    assert!(at("class=\"lede\"") < at("<ul class=\"actions\">"));
    assert!(at("<ul class=\"actions\">") < at("Isi panduan."));
    assert!(!html.contains("target="), "no new tabs");
    assert!(
        actions_of(&html).contains("rel=\"noopener noreferrer\">Cek perusahaan"),
        "the external button"
    );
    assert!(
        !actions_of(&html).contains("href=\"tel:0800-1000\" rel="),
        "a phone button is not an external site"
    );
}

#[test]
fn an_alert_shows_its_link_after_its_text() {
    let site = copy_fixture("actions/good");
    let out = build(site.path());
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let public = site.path().join("public");
    let id = read(&public, "index.html");
    assert!(
        id.contains(
            "Periksa dulu perusahaan penempatan. <a class=\"notice__link\" \
             href=\"https://siskop2mi.bp2mi.go.id/\" rel=\"noopener noreferrer\">\
             Cek perusahaan di SISKOP2MI<span class=\"visually-hidden\"> (situs luar)</span></a></p>"
        ),
        "{id}"
    );
    let en = read(&public, "en/index.html");
    assert!(
        en.contains(">Check the company in SISKOP2MI<span class=\"visually-hidden\"> (external site)</span></a>"),
        "{en}"
    );
    // A label given only in Indonesian is shown on English pages, marked as Indonesian.
    assert!(
        en.contains(
            "<a class=\"notice__link\" href=\"/panduan/aduan/\" lang=\"id\">Cara mengadu</a>"
        ),
        "{en}"
    );
}

#[test]
fn a_broken_internal_action_is_reported_at_its_url_by_build_and_check() {
    let expected = [
        "error: content/panduan/cek.md:6:11: broken link: `content/panduan/adu.md` does not exist",
        "= hint: did you mean `@/panduan/aduan.md`?",
    ];
    assert_fixture_rejected("actions/broken", &expected);
    let site = copy_fixture("actions/broken");
    let out = warta(&["check", "--root", site.path().to_str().expect("utf-8")]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    for want in expected {
        assert!(stderr(&out).contains(want), "{}", stderr(&out));
    }
}

/// An action to a site path that nothing is published at is found by the link check, as a
/// body link is.
#[test]
fn an_action_to_a_missing_site_path_is_reported_by_check() {
    let site = copy_fixture("actions/broken_root");
    let out = warta(&["check", "--root", site.path().to_str().expect("utf-8")]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(
        stderr(&out).contains(
            "error: content/panduan/cek.md:6:10: broken link: nothing is published at /panduan/hilang/"
        ),
        "{}",
        stderr(&out)
    );
    assert!(!site.path().join("public").exists(), "check writes nothing");
}

#[test]
fn an_http_action_is_refused_with_the_https_address() {
    assert_fixture_rejected(
        "actions/bad_http",
        &[
            "error: content/panduan/cek.md:6:10: the address \"http://siskop2mi.bp2mi.go.id/\" in `actions` starts with `http:`",
            "= hint: write `https://siskop2mi.bp2mi.go.id/`",
            "= code: action",
        ],
    );
}

#[test]
fn a_javascript_action_is_refused() {
    assert_fixture_rejected(
        "actions/bad_javascript",
        &[
            "error: content/panduan/cek.md:6:11: the address \"javascript:alert(1)\" in `actions` starts with `javascript:`",
            "= hint: write a web address starting with `https://`, a phone number as `tel:0800-1000`",
        ],
    );
}

#[test]
fn an_action_without_its_label_is_refused() {
    assert_fixture_rejected(
        "actions/bad_missing_label",
        &[
            "error: content/panduan/cek.md:5:5: `actions[0]`: missing required field `label`",
            "= hint: add a line `label: …`",
        ],
    );
}

#[test]
fn actions_written_as_one_address_are_a_wrong_type() {
    assert_fixture_rejected(
        "actions/bad_wrong_type",
        &[
            "error: content/panduan/cek.md:4:10: `actions`: wrong type: found the text \"https://siskop2mi.bp2mi.go.id/\", expected a list",
            "= hint: write a list",
        ],
    );
}

#[test]
fn an_http_alert_link_is_refused_in_site_yaml() {
    assert_fixture_rejected(
        "actions/bad_alert_http",
        &[
            "error: site.yaml:9:14: the address \"http://siskop2mi.bp2mi.go.id/\" in `extra.alerts.link` starts with `http:`",
            "= hint: write `https://siskop2mi.bp2mi.go.id/`",
        ],
    );
}

#[test]
fn an_alert_link_to_a_content_file_asks_for_the_site_path() {
    assert_fixture_rejected(
        "actions/bad_alert_content_path",
        &[
            "error: site.yaml:9:15: the address \"@/panduan/aduan.md\" in `extra.alerts.link` is not a full address",
            "such as `/panduan/pengaduan/`",
        ],
    );
}

/// The example site's guide, the complaints guide and the alert lead to SISKOP2MI and the
/// hotline (the example content).
#[test]
fn the_example_site_puts_siskop2mi_and_the_hotline_in_front_of_the_reader() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let out_dir = tempfile::tempdir().expect("temporary folder");
    let out = crate::support::warta_on(
        crate::example_site::EXAMPLE_TODAY,
        &[
            "build",
            "--root",
            root.to_str().expect("utf-8"),
            "--output",
            out_dir.path().to_str().expect("utf-8"),
        ],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let public = out_dir.path();
    let guide = read(
        public,
        "panduan/bekerja-ke-luar-negeri-secara-resmi/index.html",
    );
    assert_eq!(
        buttons(&guide),
        [pair(
            "https://siskop2mi.bp2mi.go.id/",
            "Cek perusahaan di SISKOP2MI (situs luar)"
        )]
    );
    let complaints = read(public, "en/guides/crisis-center-complaints/index.html");
    let hrefs: Vec<String> = buttons(&complaints).into_iter().map(|b| b.0).collect();
    assert_eq!(
        hrefs,
        ["tel:0800-1000", "mailto:pengaduan@kp2mi.example.go.id"]
    );
    let home = read(public, "index.html");
    assert!(
        home.contains("class=\"notice__link\" href=\"https://siskop2mi.bp2mi.go.id/\""),
        "the alert links SISKOP2MI"
    );
}
