//! A whole Markdown page through the content graph and the Markdown stage: no panics, and
//! every diagnostic renders.
#![no_main]

use libfuzzer_sys::fuzz_target;
use warta::content::{self, Publish};
use warta::dates::Date;
use warta::markdown::{self, BodyPlace, SiteContext};
use warta::source::{Document, DocumentPath, SourceFile, SourceTree};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    static CONFIG: std::sync::OnceLock<Option<warta::config::Config>> = std::sync::OnceLock::new();
    let config = CONFIG.get_or_init(|| {
        warta::config::load(std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("seed-site").as_path(), None).ok()
    });
    let Some(config) = config else { return };
    let tree = SourceTree {
        documents: vec![
            Document {
                path: DocumentPath { section: Some("berita".into()), name: "_index".into(), lang: "id".into() },
                file: SourceFile::new("content/berita/_index.md", "---\ntitle: Berita\ntype: press_release\n---\n".into()),
            },
            Document {
                path: DocumentPath { section: Some("berita".into()), name: "2024-01-01-x".into(), lang: "id".into() },
                file: SourceFile::new("content/berita/2024-01-01-x.md", text.to_string()),
            },
        ],
        assets: Vec::new(),
    };
    let today = Date::from_ymd(2025, 1, 1).unwrap_or_else(Date::today);
    let (graph, diags) = content::build(config, tree, Publish { drafts: true, today });
    for d in diags.sorted() {
        let _ = d.render_human();
    }
    let images = warta::images::Catalog::default();
    let site = SiteContext::new(&graph, config, &images);
    for page in &graph.pages {
        let (rendered, diags) = markdown::render(
            &page.body,
            &BodyPlace { lang: &page.lang, url: &page.url, dir: "berita" },
            &site,
        );
        assert!(rendered.html.len() < text.len() * 64 + 4096);
        for d in diags {
            let _ = d.render_human();
        }
    }
});
