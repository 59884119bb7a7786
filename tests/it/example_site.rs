//! The KP2MI example site in this repository: it builds, and every internal link resolves.

use std::path::Path;

use crate::support::{links, stderr, tree, warta_on};

/// The example content is dated up to this day.
pub(crate) const EXAMPLE_TODAY: &str = "2026-11-28";

#[test]
fn example_site_builds_and_every_internal_link_resolves() {
    let out_dir = tempfile::tempdir().expect("tmp");
    let root = env!("CARGO_MANIFEST_DIR");
    let out = warta_on(
        EXAMPLE_TODAY,
        &[
            "build",
            "--root",
            root,
            "--output",
            out_dir.path().to_str().expect("utf-8"),
        ],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let files = tree(out_dir.path());
    let pages: Vec<&String> = files.keys().filter(|f| f.ends_with(".html")).collect();
    assert!(
        pages.len() > 60,
        "the example site has {} HTML files",
        pages.len()
    );

    let mut broken = Vec::new();
    for page in &pages {
        let html = String::from_utf8_lossy(&files[*page]);
        for link in links(&html) {
            if !link.starts_with('/') || link.starts_with("//") {
                continue;
            }
            let path = link.split(['#', '?']).next().unwrap_or("");
            let rel = path.trim_start_matches('/');
            let target = if rel.is_empty() || rel.ends_with('/') {
                format!("{rel}index.html")
            } else {
                rel.to_string()
            };
            if !files.contains_key(&target) && !Path::new(out_dir.path()).join(&target).exists() {
                broken.push(format!("{page}: {link}"));
            }
        }
    }
    assert!(broken.is_empty(), "broken links:\n{}", broken.join("\n"));
}

#[test]
fn example_site_has_the_promised_content() {
    let out_dir = tempfile::tempdir().expect("tmp");
    let root = env!("CARGO_MANIFEST_DIR");
    let out = warta_on(
        EXAMPLE_TODAY,
        &[
            "build",
            "--root",
            root,
            "--output",
            out_dir.path().to_str().expect("utf-8"),
        ],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let files = tree(out_dir.path());
    let count = |prefix: &str| {
        files
            .keys()
            .filter(|f| {
                f.starts_with(prefix)
                    && f.ends_with("/index.html")
                    && !f.contains("/page/")
                    && f.matches('/').count() == prefix.matches('/').count() + 1
            })
            .count()
    };
    assert!(
        count("berita/") >= 10,
        "id press releases: {}",
        count("berita/")
    );
    assert!(
        count("en/news/") >= 10,
        "en press releases: {}",
        count("en/news/")
    );
    assert!(count("panduan/") >= 5, "id guides");
    assert!(count("en/guides/") >= 4, "en guides");
    assert!(count("negara/") >= 6, "id countries");
    assert!(count("en/countries/") >= 6, "en countries");
}
