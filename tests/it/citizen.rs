//! What citizens get from the example site: JSON-LD that parses and says what the page shows,
//! a WhatsApp share link without script, FAQs as `<details>`, `lang` on text in the other
//! language, and pages inside the size budgets (with the budget warnings that enforce them).

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use serde_json::Value;

use crate::support::{copy_dir, fixture, read, stderr, warta, warta_on};

/// The example content is dated up to this day.
const EXAMPLE_TODAY: &str = "2026-11-28";
const ORIGIN: &str = "https://kp2mi.example.go.id";

/// The example site, built once for every test of this module.
fn example() -> &'static Path {
    static SITE: OnceLock<PathBuf> = OnceLock::new();
    SITE.get_or_init(|| {
        let tmp = Path::new(env!("CARGO_TARGET_TMPDIR"));
        let out = tmp.join(format!("citizen-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&out);
        // Builds of earlier runs (a static is never dropped, so nothing removes them then).
        for entry in std::fs::read_dir(tmp).into_iter().flatten().flatten() {
            let stale = entry
                .metadata()
                .and_then(|m| m.modified())
                .ok()
                .and_then(|t| t.elapsed().ok())
                .is_some_and(|age| age.as_secs() > 3600);
            if stale && entry.file_name().to_string_lossy().starts_with("citizen-") {
                let _ = std::fs::remove_dir_all(entry.path());
            }
        }
        let built = warta_on(
            EXAMPLE_TODAY,
            &[
                "build",
                "--root",
                env!("CARGO_MANIFEST_DIR"),
                "--output",
                out.to_str().expect("utf-8"),
            ],
        );
        assert_eq!(built.status.code(), Some(0), "{}", stderr(&built));
        out
    })
}

/// The JSON-LD of a page, parsed: the `@graph` items.
fn jsonld(html: &str) -> Vec<Value> {
    let open = "<script type=\"application/ld+json\">";
    let start = html.find(open).expect("the page has JSON-LD") + open.len();
    let end = start + html[start..].find("</script>").expect("script closes");
    assert_eq!(html.matches(open).count(), 1, "one JSON-LD script a page");
    let doc: Value = serde_json::from_str(&html[start..end]).expect("JSON-LD parses");
    assert_eq!(doc["@context"], "https://schema.org");
    doc["@graph"].as_array().expect("@graph is a list").clone()
}

fn of_type<'a>(items: &'a [Value], t: &str) -> Vec<&'a Value> {
    items.iter().filter(|v| v["@type"] == t).collect()
}

/// Text between `open` (a prefix of a start tag) and the next `close`, for every occurrence.
/// `html` without its tags: `a <a href="x">b</a>` → `a b`.
fn without_tags(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => in_tag = false,
            _ if !in_tag => out.push(c),
            _ => {}
        }
    }
    out
}

fn texts(html: &str, open: &str, close: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = html;
    while let Some(i) = rest.find(open) {
        rest = &rest[i + open.len()..];
        let gt = rest.find('>').expect("tag ends");
        rest = &rest[gt + 1..];
        let end = rest.find(close).expect("element closes");
        out.push(unescape(&rest[..end]));
        rest = &rest[end..];
    }
    out
}

fn unescape(s: &str) -> String {
    s.replace("&#x27;", "'")
        .replace("&#39;", "'")
        .replace("&quot;", "\"")
        .replace("&#x2F;", "/")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&")
}

/// The visible breadcrumbs: (text, href).
fn crumbs(html: &str) -> Vec<(String, String)> {
    let nav = &html[html.find("<nav class=\"crumbs\"").expect("breadcrumbs")..];
    let nav = &nav[..nav.find("</nav>").expect("nav closes")];
    let hrefs: Vec<String> = crate::support::links(nav);
    let names = texts(nav, "<a ", "</a>");
    names.into_iter().zip(hrefs).collect()
}

fn percent_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = std::str::from_utf8(&bytes[i + 1..i + 3]).expect("ascii");
            out.push(u8::from_str_radix(hex, 16).expect("hex"));
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).expect("utf-8")
}

fn gzipped(bytes: &[u8]) -> usize {
    use std::io::Write;
    let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    e.write_all(bytes).expect("gzip");
    e.finish().expect("gzip").len()
}

#[test]
fn press_release_has_news_article_and_breadcrumbs_matching_the_page() {
    for (path, lang, site_title) in [
        (
            "berita/sosialisasi-banten/index.html",
            "id",
            "Kementerian Pelindungan Pekerja Migran Indonesia",
        ),
        (
            "en/news/outreach-banten/index.html",
            "en",
            "Ministry for the Protection of Indonesian Migrant Workers",
        ),
    ] {
        let html = read(example(), path);
        let items = jsonld(&html);
        let articles = of_type(&items, "NewsArticle");
        assert_eq!(articles.len(), 1, "{path}");
        let a = articles[0];
        let h1 = texts(&html, "<h1", "</h1>");
        assert_eq!(a["headline"].as_str(), h1.first().map(String::as_str));
        assert_eq!(a["inLanguage"], lang);
        assert!(
            a["datePublished"]
                .as_str()
                .is_some_and(|d| d.starts_with("2024-11-22T")),
            "{a}"
        );
        assert!(a["dateModified"].is_string(), "{a}");
        assert!(
            a["description"].as_str().is_some_and(|d| d.len() > 20),
            "{a}"
        );
        let permalink = format!("{ORIGIN}/{}", path.trim_end_matches("index.html"));
        assert_eq!(a["url"], permalink.as_str());
        assert_eq!(a["publisher"]["@type"], "GovernmentOrganization");
        assert_eq!(a["publisher"]["name"], site_title);
        // The lead image, as an absolute URL.
        let image = a["image"][0].as_str().unwrap_or_default();
        assert!(image.starts_with(ORIGIN), "{a}");

        let lists = of_type(&items, "BreadcrumbList");
        assert_eq!(lists.len(), 1);
        let shown = crumbs(&html);
        let listed: Vec<(String, String)> = lists[0]["itemListElement"]
            .as_array()
            .expect("items")
            .iter()
            .enumerate()
            .map(|(i, item)| {
                assert_eq!(item["position"], i + 1);
                (
                    item["name"].as_str().unwrap_or_default().to_string(),
                    item["item"].as_str().unwrap_or_default().to_string(),
                )
            })
            .collect();
        let expected: Vec<(String, String)> = shown
            .into_iter()
            .map(|(name, href)| (name, format!("{ORIGIN}{href}")))
            .collect();
        assert_eq!(listed, expected, "{path}");
        assert_eq!(expected.len(), 3);
    }
}

#[test]
fn country_page_lists_its_mission_contacts_as_government_organizations() {
    let html = read(example(), "negara/malaysia/index.html");
    let items = jsonld(&html);
    let orgs = of_type(&items, "GovernmentOrganization");
    let names: Vec<&str> = orgs.iter().filter_map(|o| o["name"].as_str()).collect();
    let shown = texts(&html, "<h3 class=\"contact__name\"", "</h3>");
    assert_eq!(names, shown);
    assert!(orgs.iter().any(|o| o["telephone"].is_string()), "{orgs:?}");
    assert!(orgs.iter().any(|o| o["url"].is_string()), "{orgs:?}");
    assert_eq!(of_type(&items, "BreadcrumbList").len(), 1);
}

#[test]
fn a_script_end_tag_in_a_title_cannot_break_out_of_the_json_ld() {
    let site = tempfile::tempdir().expect("tmp");
    copy_dir(&fixture("good/basic"), site.path());
    let nasty = "Awas </script><script>alert(1)</script> & <!-- calo";
    std::fs::write(
        site.path().join("content/berita/2025-01-20-awas.md"),
        format!("---\ntitle: '{nasty}'\ndate: 2025-01-20\n---\nIsi.\n"),
    )
    .expect("write");
    let out = warta(&["build", "--root", site.path().to_str().expect("utf-8")]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let html = read(&site.path().join("public"), "berita/awas/index.html");
    assert_eq!(
        html.matches("<script").count(),
        1,
        "no script but the JSON-LD"
    );
    let items = jsonld(&html);
    assert_eq!(of_type(&items, "NewsArticle")[0]["headline"], nasty);
}

#[test]
fn press_release_has_a_whatsapp_share_link_with_the_encoded_title_and_url() {
    for (path, label) in [
        (
            "berita/sosialisasi-banten/index.html",
            "Bagikan lewat WhatsApp",
        ),
        ("en/news/outreach-banten/index.html", "Share on WhatsApp"),
    ] {
        let html = read(example(), path);
        let link = &html[html.find("<a class=\"share__link\"").expect("share link")..];
        let link = &link[..link.find("</a>").expect("closes") + 4];
        let href = crate::support::links(link).remove(0);
        let text = href
            .strip_prefix("https://wa.me/?text=")
            .expect("a wa.me link");
        assert!(
            text.bytes()
                .all(|b| b.is_ascii_alphanumeric() || b"-_.~%".contains(&b)),
            "not encoded: {text}"
        );
        let title = &texts(&html, "<h1", "</h1>")[0];
        let permalink = format!("{ORIGIN}/{}", path.trim_end_matches("index.html"));
        assert_eq!(percent_decode(text), format!("{title}\n{permalink}"));
        assert!(link.ends_with(&format!(">{label}</a>")), "{link}");
    }
}

#[test]
fn guide_faq_is_details_and_faq_page_json_ld() {
    for (path, heading) in [
        (
            "panduan/bekerja-ke-luar-negeri-secara-resmi/index.html",
            "Pertanyaan yang sering diajukan",
        ),
        (
            "en/guides/working-abroad-legally/index.html",
            "Frequently asked questions",
        ),
    ] {
        let html = read(example(), path);
        assert!(html.contains(&format!(">{heading}</h2>")), "{path}");
        let questions = texts(&html, "<summary", "</summary>");
        assert!((4..=6).contains(&questions.len()), "{questions:?}");
        assert_eq!(
            html.matches("<details class=\"faq__item\">").count(),
            questions.len()
        );
        let answers = texts(&html, "<details class=\"faq__item\">\n<summary", "</p>");
        let items = jsonld(&html);
        let faq = of_type(&items, "FAQPage");
        assert_eq!(faq.len(), 1);
        let listed = faq[0]["mainEntity"].as_array().expect("questions");
        assert_eq!(listed.len(), questions.len());
        for (q, (shown, answer)) in listed.iter().zip(questions.iter().zip(&answers)) {
            assert_eq!(q["@type"], "Question");
            assert_eq!(q["name"].as_str(), Some(shown.as_str()));
            assert_eq!(q["acceptedAnswer"]["@type"], "Answer");
            let text = q["acceptedAnswer"]["text"].as_str().unwrap_or_default();
            // The page links the answer's phone numbers; the JSON-LD keeps the plain text.
            let shown = without_tags(answer);
            assert!(shown.ends_with(text), "{shown:?} / {text:?}");
        }
    }
    // Guides without `faq` have neither.
    let other = read(example(), "panduan/skema-penempatan/index.html");
    assert!(!other.contains("<details"));
    assert!(!other.contains("FAQPage"));
}

#[test]
fn a_faq_item_without_an_answer_is_an_error_at_its_line_and_column() {
    let site = tempfile::tempdir().expect("tmp");
    std::fs::create_dir_all(site.path().join("content/panduan")).expect("mkdir");
    std::fs::write(
        site.path().join("site.yaml"),
        "base_url: https://x.id\ntitle: X\nlanguages: [id]\n",
    )
    .expect("write");
    std::fs::write(
        site.path().join("content/panduan/_index.md"),
        "---\ntitle: Panduan\ntype: guide\n---\n",
    )
    .expect("write");
    std::fs::write(
        site.path().join("content/panduan/cara.md"),
        "---\ntitle: Cara\nupdated: 2025-01-01\nfaq:\n  - q: Gratis?\n    a: Ya.\n  - q: Izin?\n---\nIsi.\n",
    )
    .expect("write");
    let out = warta(&["check", "--root", site.path().to_str().expect("utf-8")]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(
        err.contains("error: content/panduan/cara.md:7:5: `faq[1]`: missing required field `a`"),
        "{err}"
    );
}

#[test]
fn language_switch_and_fallback_text_carry_lang() {
    let id = read(example(), "berita/sosialisasi-banten/index.html");
    assert!(
        id.contains("hreflang=\"en\" lang=\"en\">English</a>"),
        "the English link on an Indonesian page is marked English"
    );
    let en = read(example(), "en/news/outreach-banten/index.html");
    assert!(
        en.contains("hreflang=\"id\" lang=\"id\">Bahasa Indonesia</a>"),
        "the Indonesian link on an English page is marked Indonesian"
    );
    // No English version: the note is written in English, and says so.
    let untranslated = read(example(), "panduan/layanan-terpadu-satu-atap/index.html");
    assert!(
        untranslated.contains("<li class=\"switch__missing\" lang=\"en\">"),
        "{}",
        &untranslated[..untranslated.len().min(3000)]
    );
}

#[test]
fn an_alert_shown_in_the_default_language_is_marked_with_its_language() {
    let site = tempfile::tempdir().expect("tmp");
    copy_dir(&fixture("good/basic"), site.path());
    let yaml = site.path().join("site.yaml");
    let text = std::fs::read_to_string(&yaml).expect("site.yaml");
    let text = text.replace(
        "{ id: \"Pemberitahuan aktif\", en: \"Active notice\" }",
        "{ id: \"Pemberitahuan aktif\" }",
    );
    std::fs::write(&yaml, text).expect("write");
    let out = warta(&["build", "--root", site.path().to_str().expect("utf-8")]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let public = site.path().join("public");
    let en = read(&public, "en/index.html");
    assert!(
        en.contains("<span lang=\"id\">Pemberitahuan aktif</span>"),
        "{en}"
    );
    let id = read(&public, "index.html");
    assert!(id.contains("</strong> Pemberitahuan aktif</p>"), "{id}");
}

#[test]
fn the_example_site_is_well_inside_its_budgets() {
    let out = warta_on(
        EXAMPLE_TODAY,
        &[
            "check",
            "--root",
            env!("CARGO_MANIFEST_DIR"),
            "--format",
            "json",
        ],
    );
    let report: Value = serde_json::from_slice(&out.stdout).expect("JSON report");
    let budget: Vec<&Value> = report
        .as_array()
        .into_iter()
        .flatten()
        .filter(|d| d["code"].as_str().is_some_and(|c| c.starts_with("budget")))
        .collect();
    assert!(budget.is_empty(), "{budget:?}");

    // A press release, as a reader downloads it without images: HTML and CSS (no script).
    let site = example();
    let css: usize = std::fs::read_dir(site)
        .expect("output")
        .filter_map(Result::ok)
        .filter(|e| e.file_name().to_string_lossy().ends_with(".css"))
        .map(|e| gzipped(&std::fs::read(e.path()).expect("css")))
        .sum();
    for entry in std::fs::read_dir(site.join("berita")).expect("berita") {
        let index = entry.expect("entry").path().join("index.html");
        if !index.exists() {
            continue;
        }
        let html = std::fs::read(&index).expect("html");
        assert!(
            !String::from_utf8_lossy(&html).contains("<script src"),
            "a press release loads no script"
        );
        let total = gzipped(&html) + css;
        assert!(
            total <= 30 * 1024,
            "{}: {total} bytes transferred",
            index.display()
        );
    }
}

#[test]
fn over_budget_pages_warn_and_fail_check_with_deny_warnings() {
    let root = fixture("budgets/over");
    let root = root.to_str().expect("utf-8");
    let out = warta(&["check", "--root", root, "--deny-warnings"]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    for want in [
        "warning: content/laporan.md: the page `/laporan/` weighs ",
        "over the budget of 4 KB (`budgets.html` in site.yaml)",
        "(the theme's `static/style.css`) weighs ",
        "over the budget of 2 KB (`budgets.css` in site.yaml)",
        "(the theme's `static/search.js`) weighs ",
        "check failed (--deny-warnings)",
    ] {
        assert!(err.contains(want), "lacks {want:?}:\n{err}");
    }
    assert!(
        !err.contains("content/tentang.md"),
        "the short page is inside: {err}"
    );
    // Warnings only: without --deny-warnings the check passes.
    let out = warta(&["check", "--root", root]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let json = warta(&["check", "--root", root, "--format", "json"]);
    let report: Value = serde_json::from_slice(&json.stdout).expect("JSON report");
    let mut codes: Vec<&str> = report["diagnostics"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|d| d["code"].as_str())
        .filter(|c| c.starts_with("budget"))
        .collect();
    codes.sort_unstable();
    assert_eq!(codes, ["budget-css", "budget-html", "budget-js"]);
}

/// The `(hreflang, href)` pairs of every `<tag … hreflang="…" href="…">` in `text` whose tag
/// starts with `open` (`<link rel="alternate"` in a page, `<xhtml:link` in the sitemap).
fn alternates(text: &str, open: &str) -> std::collections::BTreeSet<(String, String)> {
    let attr = |tag: &str, name: &str| {
        let start = tag.find(&format!(" {name}=\""))? + name.len() + 3;
        let end = tag[start..].find('"')? + start;
        Some(tag[start..end].to_string())
    };
    text.match_indices(open)
        .filter_map(|(at, _)| {
            let tag = &text[at..at + text[at..].find('>')?];
            Some((attr(tag, "hreflang")?, attr(tag, "href")?))
        })
        .collect()
}

/// Search engines read the languages of a page from the sitemap and from the page itself:
/// for every URL of the sitemap with `xhtml:link` alternates, they are exactly the page's own
/// `<link rel="alternate" hreflang>` links (x-default included); a URL without them is a page
/// that names no other version. Every HTML page listed exists; tag pages and lists count as
/// much as articles.
#[test]
fn every_sitemap_alternate_matches_the_pages_own_hreflang_links() {
    let sitemap = read(example(), "sitemap.xml");
    let mut checked = 0;
    for entry in sitemap.split("<url>").skip(1) {
        let loc = entry
            .split_once("<loc>")
            .and_then(|(_, rest)| rest.split_once("</loc>"))
            .map(|(loc, _)| loc)
            .expect("a <loc> in every <url>");
        let path = loc.strip_prefix(ORIGIN).expect("a URL of the site");
        let file = if path.ends_with('/') {
            format!("{}index.html", path.trim_start_matches('/'))
        } else {
            path.trim_start_matches('/').to_string()
        };
        let page = read(example(), &file);
        let in_sitemap = alternates(entry, "<xhtml:link");
        let in_page = alternates(&page, "<link rel=\"alternate\" hreflang=");
        if in_sitemap.is_empty() {
            // A page in one language: the sitemap claims nothing, and the page names only itself.
            assert!(
                in_page.iter().all(|(_, href)| href == loc),
                "{loc}: the page names other versions the sitemap leaves out: {in_page:?}"
            );
        } else {
            assert_eq!(in_sitemap, in_page, "{loc}: sitemap and page disagree");
            checked += 1;
        }
    }
    assert!(checked > 100, "only {checked} URLs with alternates");
}
