//! Publishing: hashed asset names, `_headers`, `_redirects`, precompressed files, a base URL
//! with a path, byte-identical builds, the manifest and `warta diff`, and the nginx snippet of
//! docs/deploy.md run against a real nginx.

use std::collections::BTreeMap;
use std::io::Read;
use std::path::Path;

use crate::support::{copy_dir, copy_fixture, links, read, stderr, tree, warta, warta_on};

/// The example content is dated up to this day.
const EXAMPLE_TODAY: &str = "2026-11-28";

fn repo() -> &'static str {
    env!("CARGO_MANIFEST_DIR")
}

fn utf8(p: &Path) -> &str {
    p.to_str().expect("utf-8 path")
}

/// Builds `root` into `out` with extra arguments; panics with the stderr when it fails.
fn build_into(today: &str, root: &Path, out: &Path, extra: &[&str]) {
    let mut args = vec!["build", "--root", utf8(root), "--output", utf8(out)];
    args.extend_from_slice(extra);
    let result = warta_on(today, &args);
    assert_eq!(result.status.code(), Some(0), "{}", stderr(&result));
}

/// The example site of this repository built into a fresh folder.
fn example(extra: &[&str]) -> (tempfile::TempDir, BTreeMap<String, Vec<u8>>) {
    let out = tempfile::tempdir().expect("tmp");
    build_into(
        EXAMPLE_TODAY,
        Path::new(repo()),
        &out.path().join("site"),
        extra,
    );
    let files = tree(&out.path().join("site"));
    (out, files)
}

fn text(files: &BTreeMap<String, Vec<u8>>, path: &str) -> String {
    String::from_utf8_lossy(files.get(path).unwrap_or_else(|| panic!("missing {path}")))
        .into_owned()
}

fn html_pages(files: &BTreeMap<String, Vec<u8>>) -> Vec<&String> {
    files.keys().filter(|f| f.ends_with(".html")).collect()
}

/// The theme's stylesheet: `style.<16 hex digits>.css`, named after the xxh3 of its bytes.
#[test]
fn theme_files_get_content_hashed_names_and_pages_link_them() {
    let site = copy_fixture("good/basic");
    let out = warta(&["build", "--root", utf8(site.path())]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let files = tree(&site.path().join("public"));
    assert!(
        !files.contains_key("style.css"),
        "the unhashed name is not published"
    );
    let css: Vec<&String> = files
        .keys()
        .filter(|f| f.starts_with("style.") && f.ends_with(".css"))
        .collect();
    assert_eq!(css.len(), 1, "{css:?}");
    let name = css[0];
    let hash = format!("{:016x}", xxhash_rust::xxh3::xxh3_64(&files[name]));
    assert_eq!(*name, format!("style.{hash}.css"));
    for page in html_pages(&files) {
        let html = text(&files, page);
        if html.contains("http-equiv=\"refresh\"") {
            continue; // alias pages are bare redirects
        }
        assert!(
            links(&html).contains(&format!("/{name}")),
            "{page} links the hashed stylesheet"
        );
    }
}

#[test]
fn headers_file_has_security_headers_and_caches_hashed_files_forever() {
    let site = copy_fixture("good/basic");
    let out = warta(&["build", "--root", utf8(site.path())]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let files = tree(&site.path().join("public"));
    let headers = text(&files, "_headers");
    let css = files
        .keys()
        .find(|f| f.starts_with("style."))
        .expect("stylesheet");
    // Rules: a path line, then indented `Name: value` lines.
    let mut rules: BTreeMap<String, Vec<String>> = BTreeMap::new();
    let mut current = String::new();
    for line in headers.lines() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        if let Some(header) = line.strip_prefix("  ") {
            rules
                .entry(current.clone())
                .or_default()
                .push(header.to_string());
        } else {
            current = line.to_string();
        }
    }
    let all = &rules["/*"];
    for want in [
        "Content-Security-Policy: default-src 'self';",
        "X-Content-Type-Options: nosniff",
        "Referrer-Policy: strict-origin-when-cross-origin",
        "Permissions-Policy: camera=()",
    ] {
        assert!(
            all.iter().any(|h| h.starts_with(want)),
            "/* lacks {want}: {all:?}"
        );
    }
    assert!(
        !all.iter().any(|h| h.starts_with("Cache-Control")),
        "no Cache-Control for every path: Cloudflare Pages would join it with the immutable one"
    );
    assert_eq!(
        rules[&format!("/{css}")],
        ["Cache-Control: public, max-age=31536000, immutable"]
    );
    for feed in [
        "/atom.xml",
        "/en/atom.xml",
        "/berita/atom.xml",
        "/sitemap.xml",
    ] {
        assert_eq!(
            rules[feed],
            ["Cache-Control: public, max-age=300"],
            "{feed}"
        );
    }
}

/// The policy in `_headers` only works if no page needs inline script or style.
#[test]
fn example_site_needs_no_inline_script_or_style() {
    let (_out, files) = example(&[]);
    let mut offenders = Vec::new();
    for page in html_pages(&files) {
        let html = text(&files, page);
        let lower = html.to_ascii_lowercase();
        let inline_script = lower
            .match_indices("<script")
            // JSON-LD is data, never run: the CSP does not apply to it.
            .any(|(i, _)| {
                let tag = lower[i..].split('>').next().unwrap_or("");
                !tag.contains(" src=") && !tag.contains("type=\"application/ld+json\"")
            });
        let handler = [
            " onclick=",
            " onload=",
            " onerror=",
            " onsubmit=",
            " onchange=",
        ]
        .iter()
        .any(|h| lower.contains(h));
        if inline_script
            || handler
            || lower.contains("<style")
            || lower.contains(" style=")
            || lower.contains("javascript:")
        {
            offenders.push(page.clone());
        }
    }
    assert!(
        offenders.is_empty(),
        "pages with inline script or style: {offenders:?}"
    );
}

#[test]
fn redirects_file_lists_every_alias_as_301() {
    let site = copy_fixture("good/basic");
    let out = warta(&["build", "--root", utf8(site.path())]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let redirects = read(&site.path().join("public"), "_redirects");
    let rules: Vec<&str> = redirects.lines().filter(|l| !l.starts_with('#')).collect();
    assert_eq!(
        rules,
        [
            "/berita/lama-sosialisasi/ /berita/sosialisasi-banten/ 301",
            "/berita/lama-sosialisasi /berita/sosialisasi-banten/ 301",
        ]
    );
    // The HTML redirect page stays, for hosts that read no `_redirects`.
    assert!(
        site.path()
            .join("public/berita/lama-sosialisasi/index.html")
            .exists()
    );
}

fn decompress_gz(bytes: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    flate2::read::GzDecoder::new(bytes)
        .read_to_end(&mut out)
        .expect("valid gzip");
    out
}

fn decompress_br(bytes: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    brotli::BrotliDecompress(&mut &bytes[..], &mut out).expect("valid brotli");
    out
}

fn assert_precompressed(files: &BTreeMap<String, Vec<u8>>) {
    let mut checked = 0;
    for (path, bytes) in files {
        let ext = path.rsplit('.').next().unwrap_or("");
        if ["gz", "br"].contains(&ext) || path.starts_with('.') {
            continue;
        }
        let text_file = ["html", "css", "js", "xml", "json", "svg", "txt"].contains(&ext);
        let gz = files.get(&format!("{path}.gz"));
        let br = files.get(&format!("{path}.br"));
        if !text_file {
            assert!(gz.is_none() && br.is_none(), "{path} is not compressed");
            continue;
        }
        let (Some(gz), Some(br)) = (gz, br) else {
            panic!("{path} has no .gz or no .br beside it");
        };
        assert_eq!(&decompress_gz(gz), bytes, "{path}.gz");
        assert_eq!(&decompress_br(br), bytes, "{path}.br");
        checked += 1;
    }
    assert!(checked > 20, "only {checked} files were checked");
}

#[test]
fn precompressed_files_decompress_to_the_originals() {
    let site = copy_fixture("good/basic");
    let out = warta(&["build", "--precompress", "--root", utf8(site.path())]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let files = tree(&site.path().join("public"));
    assert!(
        files.keys().any(|f| f.ends_with(".json")),
        "the search index is compressed too"
    );
    assert_precompressed(&files);
}

#[test]
fn precompress_can_be_set_in_site_yaml() {
    let site = copy_fixture("good/basic");
    let yaml = site.path().join("site.yaml");
    let text = std::fs::read_to_string(&yaml).expect("site.yaml");
    std::fs::write(&yaml, format!("{text}output:\n  precompress: true\n")).expect("write");
    let out = warta(&["build", "--root", utf8(site.path())]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_precompressed(&tree(&site.path().join("public")));
}

#[test]
fn unknown_output_key_is_an_error_with_its_line() {
    let site = copy_fixture("good/basic");
    let yaml = site.path().join("site.yaml");
    let text = std::fs::read_to_string(&yaml).expect("site.yaml");
    let line = text.lines().count() + 2;
    std::fs::write(&yaml, format!("{text}output:\n  precompres: true\n")).expect("write");
    let out = warta(&["build", "--root", utf8(site.path())]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(err.contains(&format!("site.yaml:{line}:")), "{err}");
    assert!(
        err.contains("precompres") && err.contains("precompress"),
        "{err}"
    );
}

#[test]
fn base_url_with_a_query_is_an_error() {
    let site = copy_fixture("good/basic");
    let out = warta(&[
        "build",
        "--root",
        utf8(site.path()),
        "--base-url",
        "https://example.github.io/kp2mi/?x=1",
    ]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("--base-url"), "{}", stderr(&out));
}

/// Every internal link of the example site, built for `https://example.github.io/kp2mi/`,
/// carries `/kp2mi` and reaches a file of the output (which the host serves at `/kp2mi/`).
#[test]
fn example_site_under_a_subpath_keeps_every_link_inside_it() {
    let (_out, files) = example(&["--base-url", "https://example.github.io/kp2mi/"]);
    assert!(files.contains_key("index.html") && files.contains_key("en/index.html"));
    assert!(
        !files.keys().any(|f| f.starts_with("kp2mi/")),
        "files are written at the root"
    );
    let mut broken = Vec::new();
    let mut count = 0;
    for page in html_pages(&files) {
        for link in links(&text(&files, page)) {
            if !link.starts_with('/') || link.starts_with("//") {
                continue;
            }
            count += 1;
            let Some(rest) = link.strip_prefix("/kp2mi/") else {
                broken.push(format!("{page}: {link} (outside /kp2mi/)"));
                continue;
            };
            let path = rest.split(['#', '?']).next().unwrap_or("");
            let target = if path.is_empty() || path.ends_with('/') {
                format!("{path}index.html")
            } else {
                path.to_string()
            };
            if !files.contains_key(&target) {
                broken.push(format!("{page}: {link}"));
            }
        }
    }
    assert!(count > 1000, "only {count} links");
    assert!(broken.is_empty(), "broken links:\n{}", broken.join("\n"));

    let absolute = "https://example.github.io/kp2mi/";
    let sitemap = text(&files, "sitemap.xml");
    let locs: Vec<&str> = sitemap
        .split("<loc>")
        .skip(1)
        .filter_map(|s| s.split("</loc>").next())
        .collect();
    assert!(locs.len() > 40);
    assert!(locs.iter().all(|l| l.starts_with(absolute)), "{locs:?}");
    assert!(!sitemap.contains("/kp2mi/kp2mi/"));
    let feed = text(&files, "en/atom.xml");
    assert!(feed.contains(r#"<link rel="self" type="application/atom+xml" href="https://example.github.io/kp2mi/en/atom.xml"/>"#));
    assert!(feed.contains("<id>https://example.github.io/kp2mi/en/news/"));
    assert!(
        text(&files, "robots.txt").contains("Sitemap: https://example.github.io/kp2mi/sitemap.xml")
    );
    let headers = text(&files, "_headers");
    assert!(headers.contains("\n/kp2mi/*\n") && headers.contains("\n/kp2mi/style."));
    let home = text(&files, "index.html");
    assert!(home.contains(r#"<link rel="canonical" href="https://example.github.io/kp2mi/">"#));
}

/// A base path also reaches aliases, images and `_redirects` (the example site has none).
#[test]
fn subpath_reaches_aliases_images_and_redirects() {
    let site = copy_fixture("good/basic");
    let out = warta(&[
        "build",
        "--root",
        utf8(site.path()),
        "--base-url",
        "https://example.github.io/kp2mi",
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let public = site.path().join("public");
    let page = read(&public, "berita/sosialisasi-banten/index.html");
    assert!(
        page.contains(r#"src="/kp2mi/berita/foto.svg""#),
        "lead image"
    );
    assert!(page.contains(
        r#"<meta property="og:image" content="https://example.github.io/kp2mi/berita/foto.svg">"#
    ));
    let alias = read(&public, "berita/lama-sosialisasi/index.html");
    assert!(alias.contains("https://example.github.io/kp2mi/berita/sosialisasi-banten/"));
    assert!(
        read(&public, "_redirects")
            .contains("/kp2mi/berita/lama-sosialisasi/ /kp2mi/berita/sosialisasi-banten/ 301")
    );
    assert!(public.join("berita/foto.svg").exists());
}

/// The same sources in two folders, built at different times, give the same bytes.
#[test]
fn builds_in_two_folders_are_byte_identical() {
    let a = tempfile::tempdir().expect("tmp");
    let b = tempfile::tempdir().expect("tmp");
    // Different depths, so that no absolute path can hide in the output.
    let root_a = a.path().join("site");
    let root_b = b.path().join("another/place/for/the/site");
    for root in [&root_a, &root_b] {
        std::fs::create_dir_all(root).expect("mkdir");
        copy_dir(&Path::new(repo()).join("content"), &root.join("content"));
        copy_dir(&Path::new(repo()).join("themes"), &root.join("themes"));
        std::fs::copy(Path::new(repo()).join("site.yaml"), root.join("site.yaml")).expect("copy");
    }
    build_into(
        EXAMPLE_TODAY,
        &root_a,
        &root_a.join("public"),
        &["--precompress"],
    );
    std::thread::sleep(std::time::Duration::from_millis(1100));
    build_into(
        EXAMPLE_TODAY,
        &root_b,
        &root_b.join("public"),
        &["--precompress"],
    );
    let first = tree(&root_a.join("public"));
    let second = tree(&root_b.join("public"));
    assert!(first.len() > 100);
    assert_eq!(
        first.keys().collect::<Vec<_>>(),
        second.keys().collect::<Vec<_>>()
    );
    let differ: Vec<&String> = first.keys().filter(|k| first[*k] != second[*k]).collect();
    assert!(differ.is_empty(), "files that differ: {differ:?}");
    // No absolute path anywhere: the site's folders appear in no file.
    for (path, bytes) in &first {
        let text = String::from_utf8_lossy(bytes);
        for root in [&root_a, &root_b] {
            assert!(
                !text.contains(utf8(root)),
                "{path} holds {}",
                root.display()
            );
        }
    }
}

fn manifest_files(dir: &Path) -> BTreeMap<String, serde_json::Value> {
    let text = read(dir, ".warta-manifest.json");
    let json: serde_json::Value = serde_json::from_str(&text).expect("manifest is JSON");
    json["files"]
        .as_object()
        .expect("files")
        .iter()
        .map(|(k, v)| (k.clone(), v.clone()))
        .collect()
}

#[test]
fn manifest_lists_every_file_with_size_and_hash() {
    let site = copy_fixture("good/basic");
    let out = warta(&["build", "--precompress", "--root", utf8(site.path())]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let public = site.path().join("public");
    let listed = manifest_files(&public);
    let files = tree(&public);
    let on_disk: Vec<&String> = files
        .keys()
        .filter(|f| *f != ".warta-manifest.json")
        .collect();
    assert_eq!(
        listed.keys().collect::<Vec<_>>(),
        on_disk,
        "every file but the manifest"
    );
    for (path, bytes) in &files {
        if let Some(entry) = listed.get(path) {
            assert_eq!(entry["size"].as_u64(), Some(bytes.len() as u64), "{path}");
            let hash = format!("{:032x}", xxhash_rust::xxh3::xxh3_128(bytes));
            assert_eq!(entry["hash"].as_str(), Some(hash.as_str()), "{path}");
        }
    }
    let sitemap = read(&public, "sitemap.xml");
    assert!(
        !sitemap.contains("warta-manifest"),
        "not part of the site listing"
    );
}

/// Edit one page, add one, delete one: `warta diff` says exactly that, and what to purge.
#[test]
fn diff_after_editing_adding_and_deleting_a_page() {
    let site = copy_fixture("good/basic");
    let root = site.path();
    let out = warta(&["build", "--root", utf8(root)]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let old = root.join("published.json");
    std::fs::copy(root.join("public/.warta-manifest.json"), &old).expect("keep the manifest");

    let guide = root.join("content/panduan/cara-mengadu.md");
    let text = std::fs::read_to_string(&guide).expect("guide");
    std::fs::write(&guide, format!("{text}\nParagraf baru.\n")).expect("edit");
    std::fs::write(
        root.join("content/tentang-kami.md"),
        "---\ntitle: Tentang kami\n---\nHalaman baru.\n",
    )
    .expect("add");
    std::fs::remove_file(root.join("content/tentang.md")).expect("delete");
    let out = warta(&["build", "--root", utf8(root)]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));

    let public = root.join("public");
    let out = warta(&["diff", utf8(&old), utf8(&public), "--format", "json"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let d: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    let list = |k: &str| -> Vec<String> {
        d[k].as_array()
            .expect("list")
            .iter()
            .map(|v| v.as_str().unwrap_or_default().to_string())
            .collect()
    };
    assert_eq!(list("added"), ["tentang-kami/index.html"]);
    assert_eq!(list("removed"), ["tentang/index.html"]);
    let changed = list("changed");
    assert!(
        changed.contains(&"panduan/cara-mengadu/index.html".to_string()),
        "{changed:?}"
    );
    // Pages that list the guide or link the pages are not "changed" unless their bytes are.
    assert!(
        !changed.contains(&"negara/malaysia/index.html".to_string()),
        "{changed:?}"
    );
    assert!(
        changed.iter().any(|c| c.starts_with("search/")),
        "the search index changed"
    );
    let purge = list("purge");
    for url in [
        "/panduan/cara-mengadu/",
        "/panduan/cara-mengadu/index.html",
        "/tentang/",
        "/tentang/index.html",
    ] {
        assert!(purge.contains(&url.to_string()), "{url} in {purge:?}");
    }
    assert!(
        !purge.iter().any(|u| u.contains("tentang-kami")),
        "new files need no purge"
    );

    let human = warta(&["diff", utf8(&old), utf8(&public)]);
    assert_eq!(human.status.code(), Some(0));
    let human = String::from_utf8_lossy(&human.stdout).into_owned();
    assert!(
        human.contains("added    tentang-kami/index.html\n"),
        "{human}"
    );
    assert!(human.contains("removed  tentang/index.html\n"), "{human}");
    assert!(
        human.contains("changed  panduan/cara-mengadu/index.html\n"),
        "{human}"
    );
    let purge_only = warta(&["diff", utf8(&old), utf8(&public), "--purge"]);
    let purge_only = String::from_utf8_lossy(&purge_only.stdout).into_owned();
    assert_eq!(purge_only.lines().collect::<Vec<_>>(), purge);

    // Nothing changed: empty lists, still exit 0.
    let same = warta(&[
        "diff",
        utf8(&public.join(".warta-manifest.json")),
        utf8(&public),
    ]);
    assert_eq!(same.status.code(), Some(0));
    assert_eq!(
        String::from_utf8_lossy(&same.stdout),
        "0 added, 0 changed, 0 removed\n"
    );
}

#[test]
fn diff_of_a_missing_manifest_is_an_error() {
    let dir = tempfile::tempdir().expect("tmp");
    let out = warta(&[
        "diff",
        utf8(&dir.path().join("nope.json")),
        utf8(dir.path()),
    ]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("cannot read the manifest"),
        "{}",
        stderr(&out)
    );
    let usage = warta(&["diff"]);
    assert_eq!(usage.status.code(), Some(2));
}

/// The publish workflow checks with `--deny-warnings`; the example site's one untranslated
/// guide is on purpose, so the workflow allows that kind of warning only.
#[test]
fn check_allows_named_warnings_only() {
    let root = repo();
    let strict = warta_on(EXAMPLE_TODAY, &["check", "--root", root, "--deny-warnings"]);
    assert_eq!(strict.status.code(), Some(1), "{}", stderr(&strict));
    let allowed = warta_on(
        EXAMPLE_TODAY,
        &[
            "check",
            "--root",
            root,
            "--deny-warnings",
            "--allow",
            "translation-missing",
        ],
    );
    assert_eq!(allowed.status.code(), Some(0), "{}", stderr(&allowed));
    assert!(
        stderr(&allowed).contains("no English version"),
        "still shown"
    );
}

/// The nginx binary, if this machine has one.
fn nginx() -> Option<std::path::PathBuf> {
    ["/usr/sbin/nginx", "/usr/local/sbin/nginx", "/usr/bin/nginx"]
        .iter()
        .map(std::path::PathBuf::from)
        .find(|p| p.exists())
}

/// The ```nginx block of docs/deploy.md.
fn nginx_snippet() -> String {
    let doc =
        std::fs::read_to_string(Path::new(repo()).join("docs/deploy.md")).expect("docs/deploy.md");
    let start = doc
        .find("```nginx\n")
        .expect("docs/deploy.md has an nginx block")
        + "```nginx\n".len();
    let end = start + doc[start..].find("```").expect("closed block");
    doc[start..end].to_string()
}

/// A response: status, headers (lowercase names), body.
struct Response {
    status: u16,
    headers: BTreeMap<String, String>,
    body: Vec<u8>,
}

fn get(port: u16, path: &str, accept_encoding: Option<&str>) -> Response {
    use std::io::Write;
    let mut stream = std::net::TcpStream::connect(("127.0.0.1", port)).expect("connect to nginx");
    stream
        .set_read_timeout(Some(std::time::Duration::from_secs(10)))
        .expect("timeout");
    let encoding = accept_encoding
        .map(|e| format!("Accept-Encoding: {e}\r\n"))
        .unwrap_or_default();
    write!(
        stream,
        "GET {path} HTTP/1.1\r\nHost: kp2mi.example.go.id\r\nConnection: close\r\n{encoding}\r\n"
    )
    .expect("send");
    let mut raw = Vec::new();
    stream.read_to_end(&mut raw).expect("read");
    let split = raw
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .expect("headers end");
    let head = String::from_utf8_lossy(&raw[..split]).into_owned();
    let mut lines = head.lines();
    let status = lines
        .next()
        .and_then(|l| l.split(' ').nth(1))
        .and_then(|s| s.parse().ok())
        .expect("status line");
    let headers = lines
        .filter_map(|l| l.split_once(':'))
        .map(|(k, v)| (k.trim().to_ascii_lowercase(), v.trim().to_string()))
        .collect();
    Response {
        status,
        headers,
        body: raw[split + 4..].to_vec(),
    }
}

/// nginx, killed when dropped.
struct Nginx(std::process::Child);

impl Drop for Nginx {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// The nginx snippet of docs/deploy.md, run in a real nginx on loopback against a build with
/// `--precompress`: compressed copies, cache lifetimes, security headers, 404 per language.
/// Skipped when nginx is not installed, unless `WARTA_REQUIRE_NGINX` is set (`.ci/run` sets it
/// after installing nginx).
#[test]
fn nginx_snippet_of_the_docs_serves_the_site() {
    let Some(nginx) = nginx() else {
        assert!(
            std::env::var_os("WARTA_REQUIRE_NGINX").is_none(),
            "nginx is not installed"
        );
        eprintln!("skipped: nginx is not installed");
        return;
    };
    let site = copy_fixture("good/basic");
    let out = warta(&["build", "--precompress", "--root", utf8(site.path())]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let public = site.path().join("public");

    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("a free port");
    let snippet = nginx_snippet();
    assert!(snippet.contains("listen 80;") && snippet.contains("root /var/www/kp2mi;"));
    let brotli_module = Path::new("/usr/lib/nginx/modules/ngx_http_brotli_static_module.so");
    let mut server = snippet
        .replace("listen 80;", &format!("listen 127.0.0.1:{port};"))
        .replace("root /var/www/kp2mi;", &format!("root {};", utf8(&public)));
    if !brotli_module.exists() {
        server = server.replace("brotli_static on;", "");
    }
    let dir = tempfile::tempdir().expect("tmp");
    let d = utf8(dir.path());
    let load = if brotli_module.exists() {
        format!("load_module {};\n", utf8(brotli_module))
    } else {
        String::new()
    };
    let conf = format!(
        "{load}daemon off;\nmaster_process off;\npid {d}/nginx.pid;\nerror_log {d}/error.log;\n\
         events {{}}\nhttp {{\ninclude /etc/nginx/mime.types;\naccess_log off;\n\
         client_body_temp_path {d}/body;\nproxy_temp_path {d}/proxy;\nfastcgi_temp_path {d}/fastcgi;\n\
         uwsgi_temp_path {d}/uwsgi;\nscgi_temp_path {d}/scgi;\n{server}\n}}\n"
    );
    let conf_path = dir.path().join("nginx.conf");
    std::fs::write(&conf_path, conf).expect("write nginx.conf");
    let child = std::process::Command::new(&nginx)
        .args([
            "-e",
            &format!("{d}/error.log"),
            "-p",
            d,
            "-c",
            utf8(&conf_path),
        ])
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("start nginx");
    let _guard = Nginx(child);
    let started = std::time::Instant::now();
    while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
        let log = std::fs::read_to_string(dir.path().join("error.log")).unwrap_or_default();
        assert!(
            started.elapsed().as_secs() < 10,
            "nginx did not start: {log}"
        );
        std::thread::sleep(std::time::Duration::from_millis(50));
    }

    let files = tree(&public);
    let page = get(port, "/berita/sosialisasi-banten/", None);
    assert_eq!(page.status, 200);
    assert_eq!(page.body, files["berita/sosialisasi-banten/index.html"]);
    assert_eq!(
        page.headers["cache-control"],
        "public, max-age=0, must-revalidate"
    );
    let headers = text(&files, "_headers");
    let csp = &page.headers["content-security-policy"];
    assert!(
        headers.contains(&format!("Content-Security-Policy: {csp}\n")),
        "nginx and _headers agree"
    );
    for name in [
        "x-content-type-options",
        "x-frame-options",
        "referrer-policy",
        "permissions-policy",
    ] {
        assert!(page.headers.contains_key(name), "{name}");
    }

    let gz = get(port, "/berita/sosialisasi-banten/", Some("gzip"));
    assert_eq!(
        gz.headers.get("content-encoding").map(String::as_str),
        Some("gzip")
    );
    assert_eq!(
        decompress_gz(&gz.body),
        files["berita/sosialisasi-banten/index.html"]
    );
    if brotli_module.exists() {
        let br = get(port, "/", Some("br, gzip"));
        assert_eq!(
            br.headers.get("content-encoding").map(String::as_str),
            Some("br")
        );
        assert_eq!(decompress_br(&br.body), files["index.html"]);
    }

    let css = files
        .keys()
        .find(|f| f.starts_with("style.") && f.ends_with(".css"))
        .expect("css");
    let style = get(port, &format!("/{css}"), None);
    assert_eq!(style.status, 200);
    assert_eq!(
        style.headers["cache-control"],
        "public, max-age=31536000, immutable"
    );
    assert!(style.headers["content-type"].starts_with("text/css"));
    let feed = get(port, "/en/atom.xml", None);
    assert_eq!(feed.headers["cache-control"], "public, max-age=300");

    let missing = get(port, "/en/no-such-page/", None);
    assert_eq!(missing.status, 404);
    assert_eq!(missing.body, files["en/404.html"], "the English 404 page");
    let missing = get(port, "/berita/tidak-ada/", None);
    assert_eq!(missing.status, 404);
    assert_eq!(missing.body, files["404.html"], "the Indonesian 404 page");
    let folder = get(port, "/berita", None);
    assert_eq!(folder.status, 301);
    assert_eq!(folder.headers["location"], "/berita/");
    assert_eq!(get(port, "/.warta-manifest.json", None).status, 404);
}
