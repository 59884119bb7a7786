//! Properties over generated input (proptest): slugs, URL mapping, deterministic output.

use std::collections::{BTreeMap, HashSet};

use proptest::prelude::*;
use warta::content::{self, Publish, slug};
use warta::dates::Date;
use warta::source::{Document, DocumentPath, SourceFile, SourceTree};

fn config() -> warta::config::Config {
    warta::config::load(&crate::support::fixture("good/basic"), None).expect("fixture config")
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    /// Always lowercase ASCII words joined by single `-`, and stable when applied again.
    #[test]
    fn slugs_are_lowercase_ascii_and_stable(text in "\\PC{0,40}") {
        let s = slug::slugify(&text);
        prop_assert!(s.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-'), "{s:?}");
        prop_assert!(!s.starts_with('-') && !s.ends_with('-') && !s.contains("--"), "{s:?}");
        prop_assert_eq!(slug::slugify(&s), s.clone());
    }

    /// Whatever an editor writes in `slug:`, it never leaves its folder.
    #[test]
    fn front_matter_slugs_never_escape(text in "(\\.\\./|/|\\\\|[a-zA-Z ]|\\PC){0,30}") {
        if let Ok(s) = slug::from_front_matter(&text) {
            prop_assert!(!s.is_empty());
            prop_assert!(!s.contains('/') && !s.contains('\\') && !s.contains(".."), "{s:?}");
        }
    }

    /// No two published pages share a URL: either the URLs differ or the build says why.
    #[test]
    fn no_two_pages_on_one_url(names in proptest::collection::vec(("[a-zA-Z0-9 éü-]{1,12}", proptest::option::of("[a-zA-Z -]{1,10}")), 1..12)) {
        let mut documents = vec![Document {
            path: DocumentPath { section: Some("berita".into()), name: "_index".into(), lang: "id".into() },
            file: SourceFile::new("content/berita/_index.md", "---\ntitle: Berita\n---\n".into()),
        }];
        let mut seen_files = HashSet::new();
        for (i, (name, slug_field)) in names.iter().enumerate() {
            let file_name = name.clone();
            if !seen_files.insert(file_name.clone()) {
                continue;
            }
            let slug_line = slug_field.as_ref().map(|s| format!("slug: \"{s}\"\n")).unwrap_or_default();
            documents.push(Document {
                path: DocumentPath { section: Some("berita".into()), name: file_name.clone(), lang: if i % 3 == 0 { "en".into() } else { "id".into() } },
                file: SourceFile::new(format!("content/berita/{file_name}.md"), format!("---\ntitle: T{i}\n{slug_line}---\nbody\n")),
            });
        }
        let publish = Publish { drafts: false, today: Date::from_ymd(2025, 1, 1).expect("date") };
        let (graph, diags) = content::build(&config(), SourceTree { documents, assets: Vec::new() }, publish);
        let mut urls = HashSet::new();
        let all_unique = graph.pages.iter().all(|p| urls.insert(p.url.clone()));
        prop_assert!(all_unique || diags.has_errors(), "a URL collision went unreported");
        for page in &graph.pages {
            prop_assert!(page.url.starts_with('/') && page.url.ends_with('/') && !page.url.contains(".."), "{}", page.url);
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(8))]

    /// The same input gives byte-identical output, however the threads were scheduled.
    #[test]
    fn output_is_deterministic(titles in proptest::collection::vec("[A-Za-z][A-Za-z ]{0,20}", 1..15), tags in proptest::collection::vec("[a-z]{1,6}", 0..5)) {
        let site = crate::support::copy_fixture("good/basic");
        for (i, title) in titles.iter().enumerate() {
            let text = format!("---\ntitle: \"{title}\"\ndate: 2024-02-{:02}\ntags: [{}]\n---\nIsi {i}.\n", i % 28 + 1, tags.join(", "));
            std::fs::write(site.path().join(format!("content/berita/2024-02-01-p{i}.md")), text).expect("write");
        }
        let opts = warta::pipeline::Options::new(site.path().to_path_buf(), warta::dates::Date::today());
        let first = warta::pipeline::generate(&opts).map(|g| g.files.into_iter().map(|f| (f.path, f.bytes)).collect::<BTreeMap<_, _>>());
        let second = warta::pipeline::generate(&opts).map(|g| g.files.into_iter().map(|f| (f.path, f.bytes)).collect::<BTreeMap<_, _>>());
        prop_assert!(first.is_ok());
        prop_assert_eq!(first.ok(), second.ok());
    }
}
