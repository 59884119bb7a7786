//! Rendering whole bodies: links resolved and repaired, heading ids and the table of
//! contents, the summary, images, and raw HTML under each policy.

use super::*;
use crate::source::SourceFile;
use std::collections::BTreeMap;
use std::sync::Arc;

fn graph() -> ContentGraph {
    let mut g = ContentGraph::default();
    g.link_targets.insert(
        "panduan/cara.md".into(),
        BTreeMap::from([
            ("id".into(), "/panduan/cara/".into()),
            ("en".into(), "/en/guides/how/".into()),
        ]),
    );
    g.asset_urls
        .insert("berita/foto.jpg".into(), "/berita/foto.jpg".into());
    g.link_targets.insert(
        "berita/2024-11-22 Kunjungan Kerja.md".into(),
        BTreeMap::from([("id".into(), "/berita/kunjungan-kerja/".into())]),
    );
    for (rel, url) in [
        ("berita/Foto Kunjungan.jpg", "/berita/Foto Kunjungan.jpg"),
        ("berita/peta.pdf", "/berita/peta.pdf"),
    ] {
        g.asset_urls.insert(rel.into(), url.into());
        g.asset_rels.insert(url.into(), rel.into());
    }
    g
}

fn run(md: &str, lang: &str) -> (Rendered, Diagnostics) {
    run_with(md, lang, RawHtml::Sanitize)
}

fn run_with(md: &str, lang: &str, mode: RawHtml) -> (Rendered, Diagnostics) {
    let g = graph();
    let langs = vec!["id".to_string(), "en".to_string()];
    let policy = HtmlPolicy {
        mode,
        iframe_hosts: vec!["www.youtube-nocookie.com".into()],
    };
    let images = crate::images::Catalog::default();
    let site = SiteContext {
        graph: &g,
        languages: &langs,
        default_language: "id",
        html: &policy,
        images: &images,
    };
    let head = "---\ntitle: x\n---\n";
    let body = Body {
        file: Arc::new(SourceFile::new(
            "content/berita/x.md",
            format!("{head}{md}"),
        )),
        start: head.len(),
    };
    render(
        &body,
        &BodyPlace {
            lang,
            url: "/berita/x/",
            dir: "berita",
        },
        &site,
    )
}

#[test]
fn content_links_resolve_in_the_page_language() {
    let (r, d) = run(
        "[a](@/panduan/cara.md#langkah) [b](../panduan/cara.md) ![f](foto.jpg)\n",
        "en",
    );
    assert!(d.is_empty());
    assert!(
        r.html.contains(r#"href="/en/guides/how/#langkah""#),
        "{}",
        r.html
    );
    assert!(r.html.contains(r#"href="/en/guides/how/""#));
    assert!(r.html.contains(r#"src="/berita/foto.jpg""#));
}

#[test]
fn links_to_names_with_spaces_resolve_as_written_escaped_or_in_angle_brackets() {
    let (r, d) = run(
        "[a](@/berita/2024-11-22 Kunjungan Kerja.md) [b](@/berita/2024-11-22%20Kunjungan%20Kerja.md#x) \
         [c](<@/berita/2024-11-22 Kunjungan Kerja.md> \"t\") [d](2024-11-22 Kunjungan Kerja.md)\n\n\
         [e](Foto Kunjungan.jpg) [f](Foto%20Kunjungan.jpg) [g](/berita/peta.pdf)\n",
        "id",
    );
    assert!(d.is_empty(), "{d:?}");
    assert_eq!(
        r.html.matches(r#"href="/berita/kunjungan-kerja/""#).count(),
        3,
        "{}",
        r.html
    );
    assert!(
        r.html.contains(r#"href="/berita/kunjungan-kerja/#x""#),
        "{}",
        r.html
    );
    assert_eq!(
        r.html
            .matches(r#"href="/berita/Foto%20Kunjungan.jpg""#)
            .count(),
        2
    );
    assert_eq!(
        r.files,
        [
            "berita/Foto Kunjungan.jpg",
            "berita/Foto Kunjungan.jpg",
            "berita/peta.pdf"
        ]
    );
}

#[test]
fn an_at_link_markdown_cannot_read_is_an_error_and_offsets_stay_true() {
    // After a repaired link, positions still point into the file as written.
    let (_, d) = run(
        "[a](@/berita/2024-11-22 Kunjungan Kerja.md) [b](@/panduan/cra.md)\n\n[c](@/x\ny.md)\n\n`[d](@/x y.md)`\n",
        "id",
    );
    let found: Vec<_> = d
        .iter()
        .map(|d| {
            (
                d.position.as_ref().map(|p| (p.line, p.column)),
                d.message.as_str(),
            )
        })
        .collect();
    assert_eq!(found.len(), 2, "{found:?}");
    assert_eq!(found[0].0, Some((4, 49)));
    assert!(found[0].1.starts_with("broken link"), "{found:?}");
    assert_eq!(found[1].0, Some((6, 5)));
    assert!(found[1].1.contains("cannot be read"), "{found:?}");
}

#[test]
fn broken_link_is_reported_at_its_line() {
    let (_, d) = run("text\n\nsee [x](@/panduan/cra.md)\n", "id");
    assert_eq!(d.len(), 1);
    let p = d[0].position.clone().map(|p| (p.line, p.column));
    assert_eq!(p, Some((6, 9)));
    assert_eq!(
        d[0].hint.as_deref(),
        Some("did you mean `@/panduan/cara.md`?")
    );
}

#[test]
fn heading_ids_are_unique_and_listed_in_toc() {
    let (r, _) = run(
        "## Langkah 1\n\n## Langkah 1\n\n### Biaya {#biaya-resmi}\n",
        "id",
    );
    assert!(r.html.contains(r#"<h2 id="langkah-1">"#));
    assert!(r.html.contains(r#"<h2 id="langkah-1-1">"#));
    assert!(r.html.contains(r#"<h3 id="biaya-resmi">"#));
    assert_eq!(r.toc.len(), 3);
}

#[test]
fn summary_is_first_paragraph_cut_at_a_word() {
    let long = "kata ".repeat(100);
    let (r, _) = run(&format!("# T\n\n{long}\n\nsecond"), "id");
    assert!(r.first_paragraph.ends_with('…'));
    assert!(r.first_paragraph.chars().count() <= 201);
}

/// Payloads from the usual XSS lists: none may survive as script, handler or bad URL.
#[test]
fn raw_html_is_sanitized() {
    let payloads = [
        "<script>alert(1)</script>",
        "<img src=x onerror=alert(1)>",
        "<a href=\"javascript:alert(1)\">x</a>",
        "<a href=\"data:text/html,<script>alert(1)</script>\">x</a>",
        "<svg onload=alert(1)>",
        "<iframe src=\"https://evil.example/\"></iframe>",
        "<div style=\"background:url(javascript:alert(1))\">x</div>",
        "<body onload=alert(1)>",
        "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
    ];
    for p in payloads {
        let (r, _) = run(&format!("para\n\n{p}\n"), "id");
        let lower = r.html.to_lowercase();
        for bad in [
            "<script",
            "onerror",
            "onload",
            "javascript:",
            "data:text",
            "evil.example",
            "<svg",
            "style=\"background",
        ] {
            assert!(!lower.contains(bad), "{p:?} left {bad:?} in {}", r.html);
        }
    }
    let (r, _) = run(
        "<iframe src=\"https://www.youtube-nocookie.com/embed/x\" title=\"Video\"></iframe>\n",
        "id",
    );
    assert!(
        r.html.contains("youtube-nocookie.com/embed/x"),
        "{}",
        r.html
    );
}

#[test]
fn javascript_links_in_markdown_are_errors() {
    let (r, d) = run("[x](javascript:alert(1)) [y](JaVaScRiPt:alert(1))\n", "id");
    assert_eq!(d.len(), 2, "{d:?}");
    assert!(!r.html.to_lowercase().contains("javascript"), "{}", r.html);
}

#[test]
fn raw_html_can_be_denied_or_allowed() {
    let (_, d) = run_with("a\n\n<div>x</div>\n", "id", RawHtml::Deny);
    assert_eq!(d.len(), 1);
    assert_eq!(d[0].position.as_ref().map(|p| p.line), Some(6));
    let (r, d) = run_with("<b onclick=\"x()\">b</b>\n", "id", RawHtml::Allow);
    assert!(d.is_empty() && r.html.contains("onclick"));
}

#[test]
fn only_allowed_iframes_survive_sandboxed_and_the_rest_are_warned_about() {
    let md = "<iframe src=\"https://www.youtube-nocookie.com/embed/x\" allow=\"autoplay\" onload=\"x()\"></iframe>\n\n\
              <iframe src=\"https://evil.example/\" title=\"t\">fallback</iframe>\n\n\
              <IFRAME SRC=\"http://www.youtube-nocookie.com/embed/y\"></IFRAME>\n\n\
              <iframe src=\"https://www.youtube-nocookie.com.evil.example/\"></iframe>\n\n\
              <iframe srcdoc=\"<script>x()</script>\"></iframe>\n\n\
              after\n";
    let (r, d) = run(md, "id");
    assert_eq!(
        r.html.matches("<iframe").count(),
        1,
        "only the allowed one: {}",
        r.html
    );
    assert!(r.html.contains(r#"<iframe src="https://www.youtube-nocookie.com/embed/x" sandbox="allow-scripts allow-same-origin allow-presentation"></iframe>"#), "{}", r.html);
    assert!(
        r.html.contains("<p>after</p>") && !r.html.contains("fallback"),
        "{}",
        r.html
    );
    let warned: Vec<(usize, &str)> = d
        .iter()
        .map(|d| {
            (
                d.position.as_ref().map_or(0, |p| p.line),
                d.message.as_str(),
            )
        })
        .collect();
    assert_eq!(warned.len(), 4, "{warned:#?}");
    assert!(d.iter().all(|d| !d.is_error() && d.code == "raw-html"));
    assert_eq!(warned[0].0, 6);
    assert!(warned[0].1.contains("\"https://evil.example/\" is removed"));
    assert!(
        warned[3].1.contains("(iframe) of \"\" is removed"),
        "{warned:?}"
    );
}

#[test]
fn denied_html_is_named_in_the_error() {
    let (_, d) = run_with(
        "Teks <span class=\"merah\">merah</span>.\n",
        "id",
        RawHtml::Deny,
    );
    assert_eq!(d.len(), 1, "{d:?}");
    assert_eq!(
        d[0].render_human().lines().next(),
        Some(
            "error: content/berita/x.md:4:6: the HTML `<span class=\"merah\">` written in the text is not allowed on this site"
        )
    );
}

#[test]
fn external_links_get_rel_and_tables_no_inline_style() {
    let (r, _) = run(
        "[KP2MI](https://kp2mi.go.id/ \"situs\") [dalam](@/panduan/cara.md)\n\n| a | b |\n|:-:|--:|\n| 1 | 2 |\n",
        "id",
    );
    assert!(
        r.html.contains(
            r#"<a href="https://kp2mi.go.id/" rel="noopener noreferrer" title="situs">KP2MI</a>"#
        ),
        "{}",
        r.html
    );
    assert!(r.html.contains(r#"<a href="/panduan/cara/">dalam</a>"#));
    assert!(
        r.html.contains(r#"<th class="align-center">"#) && !r.html.contains("style="),
        "{}",
        r.html
    );
}

#[test]
fn image_without_alt_is_an_error_unless_marked_decorative() {
    let (_, d) = run("Teks.\n\n![](foto.jpg)\n", "id");
    assert_eq!(d.len(), 1, "{d:?}");
    assert_eq!(d[0].code, "image-alt");
    assert_eq!(
        d[0].message,
        "the image `foto.jpg` has no description for readers who cannot see it (alt text)"
    );
    assert_eq!(
        d[0].position.as_ref().map(|p| (p.line, p.column)),
        Some((6, 5))
    );
    // Spaces are no description either.
    let (_, d) = run("![  ](foto.jpg)\n", "id");
    assert_eq!(d.len(), 1, "{d:?}");
    // `"decorative"`: an empty alt on purpose, and the word is not shown as a title.
    let (r, d) = run("![](foto.jpg \"decorative\")\n", "id");
    assert!(d.is_empty(), "{d:?}");
    assert!(r.html.contains(r#"alt="""#), "{}", r.html);
    assert!(!r.html.contains("title="), "{}", r.html);
}

#[test]
fn phone_numbers_in_running_text_become_tel_links_written_as_they_were() {
    let (r, d) = run(
        "Dalam keadaan darurat, telepon **0800-1000** atau (021) 2924 4800.\n\n\
         - KBRI: +60 3-2116 4000; \"0812 3456 7890\" -- gratis...\n",
        "id",
    );
    assert!(d.is_empty());
    for link in [
        r#"<strong><a href="tel:08001000">0800-1000</a></strong>"#,
        r#"<a href="tel:+622129244800">(021) 2924 4800</a>."#,
        r#"<a href="tel:+60321164000">+60 3-2116 4000</a>;"#,
        r#"<a href="tel:+6281234567890">0812 3456 7890</a>"#,
    ] {
        assert!(r.html.contains(link), "{link} in {}", r.html);
    }
}

#[test]
fn phone_numbers_in_links_code_headings_and_alt_text_stay_as_they_are() {
    let (r, d) = run(
        "## Hotline 0800-1000\n\n\
         [0812 3456 7890](https://wa.me/6281234567890) `021-2924-4800` \
         <a href=\"tel:0211234567\">0211234567</a> ![Papan 0811 2222 3333](foto.jpg)\n\n\
         ```\n0800-1000\n```\n\n\
         Tanggal 22-11-2024, Rp1.500.000, No. 18 Tahun 2017.\n",
        "id",
    );
    assert!(d.is_empty(), "{d:?}");
    assert_eq!(r.html.matches("tel:").count(), 1, "{}", r.html);
    assert!(
        r.html
            .contains(r#"<h2 id="hotline-0800-1000">Hotline 0800-1000</h2>"#)
    );
    assert_eq!(r.first_paragraph.matches("0812 3456 7890").count(), 1);
}

#[test]
fn inline_code_is_written_as_code_and_counts_as_text() {
    let (r, d) = run(
        "Tulis `draft: true` di atas, lalu <code>warta check</code>.\n\n\
         ## Kolom `slug`\n\n\
         ![Layar `warta`](foto.jpg)\n",
        "id",
    );
    assert!(d.is_empty(), "{d:?}");
    assert!(
        r.html.contains("Tulis <code>draft: true</code> di atas"),
        "{}",
        r.html
    );
    assert!(
        r.html
            .contains(r#"<h2 id="kolom-slug">Kolom <code>slug</code></h2>"#),
        "{}",
        r.html
    );
    assert!(r.html.contains(r#"alt="Layar warta""#), "{}", r.html);
    assert!(r.first_paragraph.contains("Tulis draft: true di atas"));
}
