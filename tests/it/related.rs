//! Related pages (issue 16, point 6): a country page lists the latest press releases and the
//! guides that name its country; tags show their topic's label from site.yaml and switch to
//! the same topic in the other language; lists show the pages that exist only in the other
//! language, marked with it. Bad `countries:` and `tags:` stop the build at their place.

use crate::bad_input::assert_rejected;
use crate::support::{build, copy_fixture, read, stderr, text_of, warta};

/// The `<li>` items of the related list under the heading `heading`, tags stripped.
fn related_items(html: &str, heading: &str) -> Vec<String> {
    let start = html
        .find(&format!("<h2>{heading}</h2>"))
        .unwrap_or_else(|| panic!("no {heading:?} list"));
    let end = start + html[start..].find("</ul>").expect("list closed");
    html[start..end]
        .split("<li")
        .skip(1)
        .map(|li| text_of(&format!("<li{li}")).trim().to_string())
        .collect()
}

/// The `<li …>` start tags and `<a …>` of the related list under `heading`, as written.
fn related_html(html: &str, heading: &str) -> String {
    let start = html.find(&format!("<h2>{heading}</h2>")).expect("list");
    let end = start + html[start..].find("</ul>").expect("list closed");
    html[start..end].to_string()
}

fn built_site() -> tempfile::TempDir {
    let site = copy_fixture("related/site");
    let out = build(site.path());
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    site
}

#[test]
fn a_country_page_lists_the_five_latest_press_releases_naming_it_newest_first() {
    let site = built_site();
    let public = site.path().join("public");
    let id = read(&public, "negara/malaysia/index.html");
    // G names Singapore only; E and F are older than the five newest; H exists only in
    // English and is marked; B wrote its code in small letters.
    assert_eq!(
        related_items(&id, "Berita tentang negara ini"),
        [
            "News H only in English (dalam bahasa Inggris) 20 Mei 2025",
            "Berita A 1 Mei 2025",
            "Berita B 1 April 2025",
            "Berita C hanya Indonesia 1 Maret 2025",
            "Berita D 1 Februari 2025",
        ]
    );
    let en = read(&public, "en/countries/malaysia/index.html");
    assert_eq!(
        related_items(&en, "News about this country"),
        [
            "News H only in English 20 May 2025",
            "News A 1 May 2025",
            "News B 1 April 2025",
            "Berita C hanya Indonesia (in Indonesian) 1 March 2025",
            "News D 1 February 2025",
        ]
    );
    let list = related_html(&en, "News about this country");
    assert!(
        list.contains(r#"<li lang="id"><a href="/berita/c/" hreflang="id">Berita C"#),
        "the Indonesian-only item carries its language:\n{list}"
    );
    assert!(
        list.contains(r#"<time datetime="2025-05-01">1 May 2025</time>"#),
        "dates in the page's language:\n{list}"
    );
}

#[test]
fn a_country_page_lists_the_guides_naming_it_in_both_languages() {
    let site = built_site();
    let public = site.path().join("public");
    let id = read(&public, "negara/malaysia/index.html");
    assert_eq!(
        related_items(&id, "Panduan untuk negara ini"),
        ["Biaya ke Malaysia", "Hak cuti di Malaysia"]
    );
    let en = read(&public, "en/countries/malaysia/index.html");
    assert_eq!(
        related_items(&en, "Guides for this country"),
        ["Costs for Malaysia", "Hak cuti di Malaysia (in Indonesian)"]
    );
    assert!(
        related_html(&en, "Guides for this country")
            .contains(r#"<a href="/panduan/cuti/" hreflang="id">"#),
        "link to the Indonesian guide"
    );
    // The guide shows the countries it names, linked to their pages.
    let guide = read(&public, "en/guides/biaya/index.html");
    assert!(guide.contains(r#"<a href="/en/countries/malaysia/">Malaysia</a>"#));
}

#[test]
fn tags_show_their_label_and_switch_to_the_same_topic_in_the_other_language() {
    let site = built_site();
    let public = site.path().join("public");
    // Written as the slug `calon-pmi`, shown as the label.
    let news = read(&public, "berita/a/index.html");
    assert!(news.contains(r#"<a href="/tags/calon-pmi/">Calon PMI</a>"#));
    // Written as the label `Penipuan`: the same tag page.
    let guide = read(&public, "panduan/biaya/index.html");
    assert!(guide.contains(r#"<a href="/tags/penipuan/">Penipuan</a>"#));

    let tag = read(&public, "tags/calon-pmi/index.html");
    assert!(
        tag.contains("<h1>Topik: Calon PMI</h1>"),
        "label in the title"
    );
    assert!(
        tag.contains(r#"<a class="switch__link" href="/en/tags/prospective-workers/" hreflang="en" lang="en">"#),
        "the switch goes to the English topic"
    );
    assert!(!tag.contains("switch__missing"), "not 'not available'");
    assert!(
        tag.contains(r#"hreflang="en" href="https://example.go.id/en/tags/prospective-workers/""#)
    );
    let en_tag = read(&public, "en/tags/prospective-workers/index.html");
    assert!(en_tag.contains("Topic: Prospective workers"));
    assert!(en_tag.contains(r#"href="/tags/calon-pmi/" hreflang="id""#));

    let sitemap = read(&public, "sitemap.xml");
    let entry = sitemap
        .split("<url>")
        .find(|e| e.contains("<loc>https://example.go.id/tags/calon-pmi/</loc>"))
        .expect("tag in the sitemap");
    assert!(
        entry
            .contains(r#"hreflang="en" href="https://example.go.id/en/tags/prospective-workers/""#),
        "{entry}"
    );

    // A tag that is not a topic keeps working as written, with no other language.
    let other = read(&public, "tags/lain-lain/index.html");
    assert!(other.contains("<h1>Topik: lain-lain</h1>"));
    assert!(other.contains("switch__missing"));
    let index = read(&public, "en/tags/index.html");
    assert!(index.contains(r#"<a href="/en/tags/scams/">Scams "#));
}

#[test]
fn check_warns_about_a_tag_that_is_not_a_topic() {
    let site = copy_fixture("related/site");
    let out = warta(&["check", "--root", site.path().to_str().expect("utf-8")]);
    let err = stderr(&out);
    assert!(
        err.contains("warning: content/panduan/biaya.md:5:18: the topic (tag) \"lain-lain\" is not in `tags:` of site.yaml"),
        "{err}"
    );
    assert!(err.contains("= hint: add the line `- { id: lain-lain, en: lain-lain }` under `tags:` in site.yaml, then replace each name"));
    assert!(err.contains("= code: tag-undefined"));
    assert_eq!(
        err.matches("= code: tag-undefined").count(),
        1,
        "one warning about topics (`Penipuan` and `calon-pmi` are topics):\n{err}"
    );
}

#[test]
fn lists_show_the_pages_only_in_the_other_language_marked() {
    let site = built_site();
    let public = site.path().join("public");
    let en = read(&public, "en/news/index.html");
    assert!(
        en.contains(r#"<li class="card" lang="id">"#)
            && en.contains(r#"<a href="/berita/c/" hreflang="id">Berita C hanya Indonesia</a> <span class="card__lang" lang="en">(in Indonesian)</span>"#),
        "Indonesian-only page in the English list:\n{en}"
    );
    // In date order among the English ones.
    let at = |s: &str| en.find(s).unwrap_or_else(|| panic!("{s}"));
    assert!(at("News B") < at("Berita C") && at("Berita C") < at("News D"));
    let id = read(&public, "berita/index.html");
    assert!(id.contains(r#"<a href="/en/news/h/" hreflang="en">News H only in English</a> <span class="card__lang" lang="id">(dalam bahasa Inggris)</span>"#));
    // A page with a translation is listed once, in the list's language.
    assert!(!id.contains("News A"));
    let guides = read(&public, "en/guides/index.html");
    assert!(guides.contains("Hak cuti di Malaysia"));
    // Feeds keep to their language.
    assert!(!read(&public, "en/news/atom.xml").contains("Berita C"));
    assert!(!read(&public, "en/atom.xml").contains("Berita C"));
}

#[test]
fn pagination_counts_the_other_language_pages() {
    let site = copy_fixture("related/site");
    // 20 more pages only in Indonesian: 7 English + 21 Indonesian-only = 28, over 20 a page.
    for n in 0..20 {
        std::fs::write(
            site.path()
                .join(format!("content/berita/2024-06-{:02}-x{n}.md", n + 1)),
            format!(
                "---\ntitle: Tambahan {n}\ndate: 2024-06-{:02}\n---\nIsi.\n",
                n + 1
            ),
        )
        .expect("write page");
    }
    let out = build(site.path());
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let public = site.path().join("public");
    let page2 = read(&public, "en/news/page/2/index.html");
    assert!(page2.contains("Tambahan"), "the second page holds them");
    assert!(page2.contains(r#"hreflang="id""#));
    assert!(!public.join("en/news/page/3").exists());
}

#[test]
fn guide_countries_of_the_wrong_type_are_refused() {
    assert_rejected(
        "related_guide_countries_type",
        &[
            "error: content/panduan/biaya.md:4:12: `countries`: wrong type: found the text \"MY\", expected a list",
            "= hint: write a list: `[a, b]` or one `- item` per line",
        ],
    );
}

#[test]
fn an_unknown_country_in_a_guide_is_refused_at_it() {
    assert_rejected(
        "related_guide_unknown_country",
        &[
            "error: content/panduan/biaya.md:4:17: \"Malaysia\" in `countries` is not a two-letter country code (ISO 3166-1 alpha-2)",
            "= hint: did you mean `MY`?",
        ],
    );
}

#[test]
fn a_topic_without_a_label_in_a_site_language_is_refused() {
    assert_rejected(
        "related_tags_missing_language",
        &[
            "error: site.yaml:7:11: topic 2 of `tags` (\"Calon PMI\") has no label in `en`",
            "= hint: add `en: …` to this topic, with its name in that language",
        ],
    );
}

#[test]
fn tags_that_are_not_a_list_are_refused() {
    assert_rejected(
        "related_tags_not_a_list",
        &[
            "error: site.yaml:5:7: `tags`: wrong type: found the text \"calon-pmi\", expected a list",
        ],
    );
}

#[test]
fn a_topic_in_a_language_the_site_does_not_have_is_refused() {
    assert_rejected(
        "related_tags_unknown_language",
        &[
            "error: site.yaml:8:5: `tags` has a text in `de`, which is not one of the site's languages",
            "= hint: write it in one of: id, en; or add `de` to `languages`",
        ],
    );
}
