//! What reaches `public/`: pages, the files pages link, and `static/` — nothing else; and file
//! names as editors type them (spaces, capitals, brackets, accents) giving clean URLs and
//! working `@/` links. Fixtures under `tests/fixtures/published/`.

use std::collections::BTreeSet;
use std::path::Path;

use crate::support::{build, copy_dir, copy_fixture, read, stderr, tree, warta};

/// The files of a built site that are not generated pages, lists, feeds or search indexes.
fn copied_files(public: &Path) -> BTreeSet<String> {
    tree(public)
        .into_keys()
        .filter(|p| {
            !p.ends_with(".html")
                && !p.ends_with(".xml")
                && !p.starts_with("search/")
                && !p.starts_with("processed_images/")
                && !p.starts_with("style.")
                && !p.starts_with("search.")
                && ![
                    "_headers",
                    "_redirects",
                    "robots.txt",
                    ".warta-manifest.json",
                ]
                .contains(&p.as_str())
        })
        .collect()
}

fn root(site: &tempfile::TempDir) -> &str {
    site.path().to_str().expect("utf-8 path")
}

// Point 1: only pages and linked files are published.

/// `x.MD`, `x.markdown`, Notepad's `x.md.txt` (a draft, even) and a `.txt` starting with front
/// matter were copied into `public/` as they are: raw page sources on the site, without a word.
#[test]
fn page_sources_not_named_md_are_errors_with_the_rename() {
    let site = copy_fixture("published/misnamed");
    for command in ["build", "check"] {
        let out = warta(&[command, "--root", root(&site)]);
        let err = stderr(&out);
        assert_eq!(out.status.code(), Some(1), "{command}: {err}");
        for (file, renamed) in [
            ("x.MD", "x.md"),
            ("x.en.MD", "x.en.md"),
            ("rilis.markdown", "rilis.md"),
            ("catatan.mdown", "catatan.md"),
            ("notepad.md.txt", "notepad.md"),
            ("pengumuman.txt", "pengumuman.md"),
        ] {
            let want = format!(
                "error: content/berita/{file}: this file looks like a page, but only files whose name ends in `.md` are pages: it is not published\n  = hint: rename it to content/berita/{renamed}\n"
            );
            assert!(err.contains(&want), "{command}: missing {want:?} in\n{err}");
        }
        // A text file that is not a page is just a file no page links.
        assert!(
            err.contains("warning: content/berita/daftar.txt: no page links this file"),
            "{err}"
        );
        assert_eq!(err.matches("error: ").count(), 6, "{err}");
    }
    assert!(!site.path().join("public").exists(), "nothing written");
}

/// A backup or a second copy of a page that exists: merging, not renaming.
#[test]
fn a_page_copy_beside_its_page_is_named_as_such() {
    let site = copy_fixture("published/misnamed");
    let berita = site.path().join("content/berita");
    std::fs::copy(
        berita.join("2025-01-01-resmi.md"),
        berita.join("2025-01-01-resmi.md.bak"),
    )
    .unwrap();
    let err = stderr(&build(site.path()));
    assert!(
        err.contains("error: content/berita/2025-01-01-resmi.md.bak: this file looks like a page, but only files whose name ends in `.md` are pages: it is not published\n  = hint: content/berita/2025-01-01-resmi.md exists already: copy into it what this file adds, then delete this file\n"),
        "{err}"
    );
}

/// The hint, followed literally, makes pages of them (the draft stays a draft).
#[test]
fn following_the_rename_hint_publishes_the_pages() {
    let site = copy_fixture("published/misnamed");
    let err = stderr(&build(site.path()));
    let berita = site.path().join("content/berita");
    let mut renamed = 0;
    for line in err.lines() {
        if let Some(target) = line.strip_prefix("  = hint: rename it to content/berita/") {
            let block = err[..err.find(line).unwrap()]
                .rsplit("error: content/berita/")
                .next()
                .unwrap();
            let source = block.split(": this file looks like a page").next().unwrap();
            std::fs::rename(berita.join(source), berita.join(target)).unwrap();
            renamed += 1;
        }
    }
    assert_eq!(renamed, 6, "{err}");
    let out = build(site.path());
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let public = site.path().join("public");
    for page in [
        "berita/x",
        "en/berita/x",
        "berita/rilis",
        "berita/catatan",
        "berita/pengumuman",
    ] {
        assert!(public.join(page).join("index.html").exists(), "{page}");
    }
    assert!(!public.join("berita/notepad").exists(), "still a draft");
    assert!(
        copied_files(&public).is_empty(),
        "{:?}",
        copied_files(&public)
    );
}

/// An unlinked `catatan-rapat.docx` beside a press release was published as it was.
#[test]
fn only_files_a_published_page_links_are_published() {
    let site = copy_fixture("published/linked");
    let out = build(site.path());
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(0), "{err}");
    let copied = copied_files(&site.path().join("public"));
    let expected: BTreeSet<String> = [
        "berita/brosur.pdf",            // from the home page's text, by `@/`
        "berita/jadwal.pdf",            // from the section's text
        "berita/laporan.pdf",           // a link
        "berita/lampiran/formulir.pdf", // in a folder below the page
        "berita/bagan.svg",             // an image shown
        "berita/peta.svg",              // the lead `image`
        "berita/peta-besar.pdf",        // a link by its published URL
    ]
    .into_iter()
    .map(String::from)
    .collect();
    assert_eq!(copied, expected);
    // The file only a draft links and the files of a page dated in the future wait for them,
    // without a warning; the file no page links is named.
    assert_eq!(err.matches("warning: ").count(), 1, "{err}");
    assert!(
        err.contains(
            "warning: content/berita/catatan-rapat.docx: no page links this file, so it is not published\n  = hint: delete it if the site does not need it; to publish it, link it from a page: `[catatan-rapat.docx](@/berita/catatan-rapat.docx)`; a file meant for the site's root as it is (a verification file, a favicon) belongs in `static/`\n"
        ),
        "{err}"
    );
    // The manifest lists exactly what was written.
    let manifest = read(&site.path().join("public"), ".warta-manifest.json");
    assert!(manifest.contains("\"berita/laporan.pdf\""));
    assert!(!manifest.contains("catatan-rapat") && !manifest.contains("rahasia"));
}

/// A page with a front-matter error still counts as linking its files: one error, not a
/// warning more for each file it links.
#[test]
fn files_of_a_page_with_errors_are_not_called_unused() {
    let site = copy_fixture("published/linked");
    let page = site.path().join("content/berita/2025-01-01-laporan.md");
    let text = std::fs::read_to_string(&page).unwrap();
    std::fs::write(&page, text.replace("date: 2025-01-01", "date: 01-01-2025")).unwrap();
    let out = build(site.path());
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert_eq!(err.matches("no page links this file").count(), 1, "{err}");
    assert!(
        err.contains("warning: content/berita/catatan-rapat.docx: no page links"),
        "{err}"
    );
}

#[test]
fn files_of_drafts_are_published_with_the_drafts() {
    let site = copy_fixture("published/linked");
    let out = warta(&["build", "--drafts", "--root", root(&site)]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let copied = copied_files(&site.path().join("public"));
    for file in [
        "berita/rahasia.pdf",
        "berita/nanti.pdf",
        "berita/sampul.svg",
    ] {
        assert!(copied.contains(file), "{file}: {copied:?}");
    }
    assert!(!copied.contains("berita/catatan-rapat.docx"));
}

/// `check` names the unused file, and `--deny-warnings` stops CI on it.
#[test]
fn check_names_unused_files() {
    let site = copy_fixture("published/linked");
    let out = warta(&["check", "--root", root(&site)]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(0), "{err}");
    assert!(
        err.contains("warning: content/berita/catatan-rapat.docx: no page links this file"),
        "{err}"
    );
    let out = warta(&["check", "--deny-warnings", "--root", root(&site)]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let json = warta(&["check", "--format", "json", "--root", root(&site)]);
    assert!(
        String::from_utf8_lossy(&json.stdout).contains("\"file-unused\""),
        "{}",
        String::from_utf8_lossy(&json.stdout)
    );
}

/// `static/` is published at the root as it is, hidden `.well-known/` included and editor
/// droppings left out, in the manifest and precompressed like every other file.
#[test]
fn static_folder_is_published_at_the_root() {
    let site = copy_fixture("published/static");
    let statics = site.path().join("static");
    for dropping in [
        ".DS_Store",
        "Thumbs.db",
        "favicon.ico~",
        ".well-known/.security.txt.swp",
    ] {
        std::fs::write(statics.join(dropping), "x").unwrap();
    }
    let out = warta(&["build", "--precompress", "--root", root(&site)]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(0), "{err}");
    assert!(!err.contains("warning"), "{err}");
    let public = site.path().join("public");
    let files = tree(&public);
    for rel in [
        ".well-known/security.txt",
        "google1234567890abcdef.html",
        "favicon.ico",
        "unduhan/data.csv",
    ] {
        let source = std::fs::read(statics.join(rel)).unwrap();
        assert_eq!(files.get(rel), Some(&source), "{rel}");
    }
    for rel in files.keys() {
        assert!(
            !rel.contains("DS_Store") && !rel.contains("Thumbs") && !rel.contains('~'),
            "{rel}"
        );
    }
    assert!(files.contains_key(".well-known/security.txt.gz"));
    assert!(files.contains_key("google1234567890abcdef.html.br"));
    let manifest = read(&public, ".warta-manifest.json");
    for rel in [
        ".well-known/security.txt",
        ".well-known/security.txt.gz",
        "favicon.ico",
    ] {
        assert!(manifest.contains(&format!("\"{rel}\"")), "{rel}");
    }
    // The manifest and the folder agree: nothing to upload.
    let diff = warta(&[
        "diff",
        &public.join(".warta-manifest.json").to_string_lossy(),
        &public.to_string_lossy(),
    ]);
    assert_eq!(diff.status.code(), Some(0), "{}", stderr(&diff));
    assert!(
        String::from_utf8_lossy(&diff.stdout).contains("0 added, 0 changed, 0 removed"),
        "{}",
        String::from_utf8_lossy(&diff.stdout)
    );
}

/// As in Hugo and Zola, the site's `static/` may replace a file of the theme's `static/`.
#[test]
fn a_static_file_replaces_the_themes_file_of_that_name() {
    let site = copy_fixture("published/static");
    let theme = site.path().join("themes/kp2mi");
    copy_dir(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("themes/kp2mi"),
        &theme,
    );
    std::fs::write(theme.join("static/favicon.ico"), "THEME").unwrap();
    let out = build(site.path());
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(read(&site.path().join("public"), "favicon.ico"), "ICO");
}

/// A static file where warta writes one of its own is an error naming both; nothing is written.
#[test]
fn a_static_file_in_the_place_of_a_generated_one_is_an_error() {
    let site = copy_fixture("published/static_clash");
    let out = build(site.path());
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    for want in [
        "error: static/sitemap.xml: this file would be published at /sitemap.xml, in the place of the file that warta makes there\n  = hint: rename `static/sitemap.xml` or move it to another folder of `static/`, or remove it: the site cannot have two files at one address\n",
        "error: static/berita/index.html: this file would be published at /berita/index.html, in the place of the file that warta makes there",
        "error: static/robots.txt.gz: this file would be published at /robots.txt.gz, in the place of the compressed copy of /robots.txt that `--precompress` writes",
    ] {
        assert!(err.contains(want), "missing {want:?} in\n{err}");
    }
    assert_eq!(err.matches("error: ").count(), 3, "{err}");
    assert!(!site.path().join("public").exists());
    // Following the hint (removing the files) builds, with the rest of static/.
    for rel in ["sitemap.xml", "berita/index.html", "robots.txt.gz"] {
        std::fs::remove_file(site.path().join("static").join(rel)).unwrap();
    }
    let out = build(site.path());
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(read(&site.path().join("public"), "boleh.txt"), "boleh\n");
}

#[test]
fn the_output_folder_may_not_be_inside_static() {
    let site = copy_fixture("published/static");
    let output = site.path().join("static/public");
    let out = warta(&[
        "build",
        "--root",
        root(&site),
        "--output",
        &output.to_string_lossy(),
    ]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(stderr(&out).contains("refusing to write the site into"));
}

// Point 9: any file name works.

/// "A file name with spaces keeps its date in the URL, and an `@/` link to it is published as
/// raw text without an error."
#[test]
fn file_names_with_spaces_capitals_and_accents_give_clean_urls() {
    let site = copy_fixture("published/names");
    let out = build(site.path());
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let public = site.path().join("public");
    for page in [
        "berita/kunjungan-kerja-ke-sabah",
        "berita/berita-ekspor",
        "en/news/berita-ekspor",
        "berita/pelatihan-bahasa-korea-tahap-2",
        "berita/sosialisasi-cianjur-garut",
    ] {
        assert!(public.join(page).join("index.html").exists(), "{page}");
    }
}

#[test]
fn links_to_file_names_with_spaces_resolve_in_every_spelling() {
    let site = copy_fixture("published/names");
    let out = build(site.path());
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let public = site.path().join("public");
    let html = read(&public, "berita/tautan/index.html");
    let main = crate::support::main_of(&html);
    let outside_code = main.split("<pre>").next().unwrap_or(&main);
    assert!(
        !outside_code.contains("@/"),
        "no link left as text:\n{main}"
    );
    let links = crate::support::links(&main);
    for want in [
        "/berita/kunjungan-kerja-ke-sabah/",
        "/berita/kunjungan-kerja-ke-sabah/#hasil-kunjungan",
        "/berita/berita-ekspor/",
        "/berita/pelatihan-bahasa-korea-tahap-2/",
        "/berita/sosialisasi-cianjur-garut/",
        "/berita/Laporan%20Tahunan%202024.pdf",
    ] {
        assert!(links.iter().any(|l| l == want), "{want} not in {links:?}");
    }
    // `[x](@/… .md)` ×2, `%20`, `<…>`: three plain spellings and one with an anchor.
    assert_eq!(
        links
            .iter()
            .filter(|l| l.starts_with("/berita/kunjungan-kerja-ke-sabah/"))
            .count(),
        3
    );
    // A code block shows what was written.
    assert!(
        main.contains("[contoh di dalam kode](@/berita/tidak ada.md)"),
        "{main}"
    );
    // The photo with spaces in its name, written three ways, is one processed picture whose
    // copies have URL-safe names (`srcset` splits on spaces).
    #[cfg(feature = "images")]
    {
        assert_eq!(main.matches("<picture>").count(), 3, "{main}");
        assert!(
            main.contains("/processed_images/foto-kunjungan-48."),
            "{main}"
        );
    }
    let copied = copied_files(&public);
    assert!(
        copied.contains("berita/Laporan Tahunan 2024.pdf"),
        "{copied:?}"
    );
    // The English page links the English translation.
    let en = read(&public, "en/news/tautan/index.html");
    assert!(en.contains("href=\"/en/news/berita-ekspor/\""), "{en}");
    // `check` follows the encoded address to the file.
    let out = warta(&["check", "--root", root(&site)]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
}

/// An `@/` link that cannot be resolved or read is an error at its line, never text.
#[test]
fn an_at_link_that_cannot_be_read_or_resolved_is_an_error_at_its_line() {
    let site = copy_fixture("published/bad_links");
    let out = build(site.path());
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(
        err.contains(
            "error: content/berita/2024-11-26-tautan.md:5:27: broken link: `content/berita/Tidak Ada.md` does not exist"
        ),
        "{err}"
    );
    let want = "error: content/berita/2024-11-26-tautan.md:7:30: this link cannot be read, so it would show as plain text on the page\n  |\n7 | Terpotong: [kunjungan kerja](@/berita/2024-11-22 Kunjungan\n  |                              ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^\n  = hint: write the whole link on one line, with the address between `<` and `>`: `[kunjungan kerja](<@/berita/2024-11-22 Kunjungan Kerja ke Sabah.md>)`\n";
    assert!(err.contains(want), "missing {want:?} in\n{err}");
    assert_eq!(
        err.matches("error: ").count(),
        2,
        "the code span is fine: {err}"
    );
    assert!(!site.path().join("public").exists());

    // The hint, followed literally, builds.
    let page = site.path().join("content/berita/2024-11-26-tautan.md");
    let text = std::fs::read_to_string(&page).unwrap();
    let text = text
        .replace("[rusak](@/berita/Tidak Ada.md)", "rusak")
        .replace(
            "[kunjungan kerja](@/berita/2024-11-22 Kunjungan\nKerja ke Sabah.md)",
            "[kunjungan kerja](<@/berita/2024-11-22 Kunjungan Kerja ke Sabah.md>)",
        );
    std::fs::write(&page, text).unwrap();
    let out = build(site.path());
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let html = read(&site.path().join("public"), "berita/tautan/index.html");
    assert!(
        html.contains("href=\"/berita/kunjungan-kerja-ke-sabah/\""),
        "{html}"
    );
}
