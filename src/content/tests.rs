//! The content graph built from small sites: URLs, translations, collisions, publishing.

use super::*;
use crate::source::DocumentPath;

fn config() -> Config {
    Config {
        base_url: "https://x.id".into(),
        base_path: String::new(),
        title: BTreeMap::from([("id".into(), "X".into())]),
        description: BTreeMap::new(),
        default_language: "id".into(),
        languages: vec!["id".into(), "en".into()],
        theme: None,
        extra: serde_json::Value::Null,
        hotline: None,
        alerts: Vec::new(),
        menu: Vec::new(),
        chrome: crate::config::Chrome::default(),
        output: crate::config::OutputConfig::default(),
        images: crate::config::ImagesConfig::default(),
        markdown: crate::config::HtmlPolicy::default(),
        budgets: crate::config::Budgets::default(),
        tags: crate::config::TagLabels::default(),
    }
}

fn doc(section: Option<&str>, name: &str, lang: &str, text: &str) -> Document {
    let display = match section {
        Some(s) => format!("content/{s}/{name}.{lang}.md"),
        None => format!("content/{name}.{lang}.md"),
    };
    Document {
        path: DocumentPath {
            section: section.map(str::to_string),
            name: name.into(),
            lang: lang.into(),
        },
        file: SourceFile::new(display, text.into()),
    }
}

fn publish() -> Publish {
    Publish {
        drafts: false,
        today: Date::from_ymd(2025, 1, 1).unwrap_or_else(Date::today),
    }
}

#[test]
fn urls_translations_and_section_slugs() {
    let tree = SourceTree {
        documents: vec![
            doc(
                Some("berita"),
                "_index",
                "id",
                "---\ntitle: Berita\ntype: press_release\n---\n",
            ),
            doc(
                Some("berita"),
                "_index",
                "en",
                "---\ntitle: News\nslug: news\n---\n",
            ),
            doc(
                Some("berita"),
                "2024-11-22-sosialisasi-banten",
                "id",
                "---\ntitle: A\ndate: 2024-11-22\n---\n",
            ),
            doc(
                Some("berita"),
                "2024-11-22-sosialisasi-banten",
                "en",
                "---\ntitle: A\ndate: 2024-11-22\nslug: outreach-banten\n---\n",
            ),
        ],
        assets: vec![],
    };
    let (g, d) = build(&config(), tree, publish());
    assert!(!d.has_errors(), "{d:?}");
    let urls: Vec<&str> = g.pages.iter().map(|p| p.url.as_str()).collect();
    assert_eq!(
        urls,
        ["/berita/sosialisasi-banten/", "/en/news/outreach-banten/"]
    );
    assert_eq!(g.pages[0].translations, vec![1]);
    assert_eq!(g.pages[1].translations, vec![0]);
    assert_eq!(g.pages[1].content_type, ContentType::PressRelease);
}

#[test]
fn a_base_path_is_in_every_url_of_the_graph() {
    let mut config = config();
    config.base_url = "https://example.github.io/kp2mi".into();
    config.base_path = "/kp2mi".into();
    let tree = SourceTree {
        documents: vec![
            doc(
                Some("berita"),
                "2024-11-22-a",
                "id",
                "---\ntitle: A\ndate: 2024-11-22\ntags: [x]\naliases: [/lama]\n---\n",
            ),
            doc(
                Some("berita"),
                "2024-11-22-a",
                "en",
                "---\ntitle: A\ndate: 2024-11-22\n---\n",
            ),
        ],
        assets: vec![crate::source::Asset {
            rel: "berita/foto.jpg".into(),
            source: "content/berita/foto.jpg".into(),
        }],
    };
    let (g, d) = build(&config, tree, publish());
    assert!(!d.has_errors(), "{d:?}");
    let urls: Vec<&str> = g.pages.iter().map(|p| p.url.as_str()).collect();
    assert_eq!(urls, ["/kp2mi/berita/a/", "/kp2mi/en/berita/a/"]);
    assert_eq!(
        g.homes.get("en").map(|h| h.url.as_str()),
        Some("/kp2mi/en/")
    );
    assert_eq!(
        g.sections[0].langs.get("id").map(|s| s.url.as_str()),
        Some("/kp2mi/berita/")
    );
    assert_eq!(
        g.tags
            .get("id")
            .and_then(|t| t.get("x"))
            .map(|t| t.url.as_str()),
        Some("/kp2mi/tags/x/")
    );
    assert_eq!(g.assets[0].url, "/kp2mi/berita/foto.jpg");
    assert_eq!(
        g.asset_urls.get("berita/foto.jpg").map(String::as_str),
        Some("/kp2mi/berita/foto.jpg")
    );
    assert_eq!(
        g.link_targets
            .get("berita/2024-11-22-a.md")
            .and_then(|t| t.get("en"))
            .map(String::as_str),
        Some("/kp2mi/en/berita/a/")
    );
}

#[test]
fn two_pages_on_one_url_name_both_files() {
    let tree = SourceTree {
        documents: vec![
            doc(None, "a", "id", "---\ntitle: A\nslug: same\n---\n"),
            doc(None, "b", "id", "---\ntitle: B\nslug: same\n---\n"),
        ],
        assets: vec![],
    };
    let (_, d) = build(&config(), tree, publish());
    let errors: Vec<_> = d.iter().filter(|d| d.is_error()).collect();
    assert_eq!(errors.len(), 1);
    assert!(
        errors[0].message.contains("content/a.id.md")
            && errors[0].message.contains("content/b.id.md"),
        "{}",
        errors[0].message
    );
}

#[test]
fn drafts_and_future_pages_are_not_published() {
    let tree = SourceTree {
        documents: vec![
            doc(None, "a", "id", "---\ntitle: A\ndraft: true\n---\n"),
            doc(None, "b", "id", "---\ntitle: B\ndate: 2030-01-01\n---\n"),
            doc(None, "c", "id", "---\ntitle: C\ndate: 2024-01-01\n---\n"),
        ],
        assets: vec![],
    };
    let (g, _) = build(&config(), tree, publish());
    assert_eq!(g.pages.len(), 1);
    assert_eq!(g.drafts_skipped, 2);
}

/// A page written in two languages other than a list's is listed there once (in the first of
/// the site's languages), and the lists merge other-language pages in by date.
#[test]
fn lists_hold_the_pages_of_other_languages_once_in_date_order() {
    let mut config = config();
    config.languages = vec!["id".into(), "en".into(), "ms".into()];
    let page = |name: &str, lang: &str, date: &str| {
        doc(
            Some("berita"),
            name,
            lang,
            &format!("---\ntitle: {name} {lang}\ndate: {date}\n---\n"),
        )
    };
    let tree = SourceTree {
        documents: vec![
            doc(
                Some("berita"),
                "_index",
                "id",
                "---\ntitle: Berita\ntype: press_release\n---\n",
            ),
            page("2024-03-01-a", "id", "2024-03-01"),
            page("2024-02-01-b", "en", "2024-02-01"),
            page("2024-02-01-b", "ms", "2024-02-01"),
            page("2024-01-01-c", "id", "2024-01-01"),
            page("2024-04-01-d", "ms", "2024-04-01"),
        ],
        assets: vec![],
    };
    let (g, d) = build(&config, tree, publish());
    assert!(!d.has_errors(), "{d:?}");
    let titles = |lang: &str| -> Vec<&str> {
        g.sections[0].langs[lang]
            .list
            .iter()
            .map(|&id| g.pages[id].fm.title.as_str())
            .collect()
    };
    assert_eq!(
        titles("id"),
        [
            "2024-04-01-d ms",
            "2024-03-01-a id",
            "2024-02-01-b en",
            "2024-01-01-c id"
        ]
    );
    assert_eq!(
        titles("ms"),
        [
            "2024-04-01-d ms",
            "2024-03-01-a id",
            "2024-02-01-b ms",
            "2024-01-01-c id"
        ]
    );
    // The section's own pages stay its language's only (feeds, counts of translation).
    assert_eq!(g.sections[0].langs["id"].pages.len(), 2);
}
