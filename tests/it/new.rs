//! `warta new`: each type, always a draft; the translation of an existing page, linked to it
//! and buildable as a draft; usage errors that say what to type; refusal to overwrite; and
//! the sample text or `TRANSLATE:` a page still holds once it is no longer a draft.

use std::path::Path;

use crate::support::{TODAY, build, copy_fixture, read, stderr, tree, warta};

fn new(site: &tempfile::TempDir, args: &[&str]) -> std::process::Output {
    let root = site.path().to_str().expect("utf-8").to_string();
    let mut all = vec!["new"];
    all.extend_from_slice(args);
    all.extend_from_slice(&["--root", root.as_str()]);
    warta(&all)
}

fn stdout(out: &std::process::Output) -> String {
    String::from_utf8_lossy(&out.stdout).trim().to_string()
}

fn build_drafts(root: &Path) -> std::process::Output {
    warta(&["build", "--drafts", "--root", root.to_str().expect("utf-8")])
}

fn check(root: &Path) -> std::process::Output {
    warta(&["check", "--root", root.to_str().expect("utf-8")])
}

/// Deletes the lines of `rel` for which `drop` is true.
fn drop_lines(root: &Path, rel: &str, drop: impl Fn(&str) -> bool) {
    let text = read(root, rel);
    let kept: String = text.split_inclusive('\n').filter(|l| !drop(l)).collect();
    std::fs::write(root.join(rel), kept).expect("write");
}

/// The command between the last pair of backticks of the first hint that contains `marker`.
fn hinted_command(err: &str, marker: &str) -> String {
    let hint = err
        .lines()
        .find(|l| l.contains("= hint:") && l.contains(marker))
        .unwrap_or_else(|| panic!("no hint with {marker:?}:\n{err}"));
    let inner = hint
        .rsplit('`')
        .nth(1)
        .unwrap_or_else(|| panic!("no `command` in {hint:?}"));
    inner.to_string()
}

/// Runs a command line from a hint as an editor would: in a shell, in the site's folder, with
/// `warta` on the PATH.
#[cfg(unix)]
fn run_in_shell(site: &Path, command: &str) -> std::process::Output {
    let bin = Path::new(env!("CARGO_BIN_EXE_warta"))
        .parent()
        .expect("bin folder")
        .to_path_buf();
    let path = std::env::var_os("PATH").unwrap_or_default();
    let mut dirs = vec![bin];
    dirs.extend(std::env::split_paths(&path));
    std::process::Command::new("sh")
        .arg("-c")
        .arg(command)
        .current_dir(site)
        .env("PATH", std::env::join_paths(dirs).expect("PATH"))
        .env("WARTA_TODAY", TODAY)
        .env("NO_COLOR", "1")
        .output()
        .expect("run sh")
}

#[test]
fn creates_each_type_in_its_section_as_a_draft_that_is_not_published() {
    let site = copy_fixture("good/basic");
    let pr = new(&site, &["press-release", "Sosialisasi di Cirebon"]);
    assert_eq!(pr.status.code(), Some(0), "{}", stderr(&pr));
    assert_eq!(
        stdout(&pr),
        "content/berita/2025-06-01-sosialisasi-di-cirebon.md"
    );
    assert!(
        stderr(&pr).contains("as a draft: edit it, then see it with `warta serve --drafts`"),
        "{}",
        stderr(&pr)
    );
    let text = read(
        site.path(),
        "content/berita/2025-06-01-sosialisasi-di-cirebon.md",
    );
    assert!(
        text.contains("title: \"Sosialisasi di Cirebon\"\ndate: 2025-06-01\n# Hapus baris `draft: true` di bawah ini bila halaman sudah siap terbit. / Delete the line `draft: true` below when the page is ready to be published.\ndraft: true\n"),
        "{text}"
    );

    let guide = new(&site, &["guide", "Cara Mendaftar — SISKOP2MI"]);
    assert_eq!(
        stdout(&guide),
        "content/panduan/cara-mendaftar-siskop2mi.md"
    );
    let text = read(site.path(), "content/panduan/cara-mendaftar-siskop2mi.md");
    assert!(text.contains("updated: 2025-06-01\n"), "{text}");
    assert!(text.contains("\ndraft: true\n"), "{text}");

    let page = new(&site, &["page", "Kontak"]);
    assert_eq!(stdout(&page), "content/kontak.md");
    assert!(read(site.path(), "content/kontak.md").contains("\ndraft: true\n"));

    let out = build(site.path());
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    for url in [
        "public/berita/sosialisasi-di-cirebon/index.html",
        "public/panduan/cara-mendaftar-siskop2mi/index.html",
        "public/kontak/index.html",
    ] {
        assert!(
            !site.path().join(url).exists(),
            "a scaffold is not published: {url}"
        );
    }
    let out = build_drafts(site.path());
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(
        site.path()
            .join("public/berita/sosialisasi-di-cirebon/index.html")
            .exists()
    );
}

/// Regression: a scaffold was not a draft, so its sample text went live on the next merge.
#[test]
fn a_scaffold_without_draft_and_with_its_sample_text_is_an_error_at_that_line() {
    let site = copy_fixture("good/basic");
    let rel = "content/berita/2025-06-01-sosialisasi-di-cirebon.md";
    new(&site, &["press-release", "Sosialisasi di Cirebon"]);
    assert_eq!(build(site.path()).status.code(), Some(0));
    let before = tree(&site.path().join("public"));
    drop_lines(site.path(), rel, |l| l.starts_with("draft: true"));

    let out = build(site.path());
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(
        err.contains(&format!("error: {rel}:14:1: \"Tulis isi siaran pers di sini.\" is the sample text `warta new` wrote, and this page is not a draft: it would be published like this\n   |\n14 | Tulis isi siaran pers di sini.\n   | ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^\n   = hint: replace it with the page's real text; until the page is ready, add the line `draft: true` to the top block of the file (front matter)\n")),
        "{err}"
    );
    assert_eq!(
        tree(&site.path().join("public")),
        before,
        "public/ is untouched"
    );
    assert_eq!(check(site.path()).status.code(), Some(1));

    // Either way out of the hint works: `draft: true` back, or the real text.
    let text = read(site.path(), rel);
    std::fs::write(
        site.path().join(rel),
        text.replace("title:", "draft: true\ntitle:"),
    )
    .expect("write");
    let out = build(site.path());
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    std::fs::write(
        site.path().join(rel),
        text.replace("Tulis isi siaran pers di sini.", "Warga Cirebon hadir."),
    )
    .expect("write");
    let out = build(site.path());
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(
        site.path()
            .join("public/berita/sosialisasi-di-cirebon/index.html")
            .exists()
    );
}

#[test]
fn every_kind_and_its_translation_build_as_drafts_and_are_not_published() {
    let site = copy_fixture("good/basic");
    let made = [
        (
            "press-release",
            "Sosialisasi di Cirebon",
            "en/news/sosialisasi-di-cirebon",
        ),
        ("guide", "Cara Mendaftar", "en/guides/cara-mendaftar"),
        ("country", "Jepang", "en/countries/jepang"),
        ("page", "Kontak", "en/kontak"),
    ];
    for (kind, title, _) in made {
        let out = new(&site, &[kind, title]);
        assert_eq!(out.status.code(), Some(0), "{kind}: {}", stderr(&out));
        let out = new(&site, &[kind, title, "--lang", "en"]);
        assert_eq!(out.status.code(), Some(0), "{kind} en: {}", stderr(&out));
        let text = read(site.path(), &stdout(&out));
        assert!(text.contains("\ndraft: true\n"), "{text}");
        assert!(
            text.contains(&format!("title: \"TRANSLATE: {title}\"")),
            "{text}"
        );
    }
    let out = build_drafts(site.path());
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    for (_, _, url) in made {
        let page = site.path().join("public").join(url).join("index.html");
        assert!(page.exists(), "{url} is shown with --drafts");
    }
    let out = build(site.path());
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    for (_, _, url) in made {
        let page = site.path().join("public").join(url).join("index.html");
        assert!(!page.exists(), "{url} is not published");
    }
}

/// Regression: `image:` was copied and `image_alt:` commented out, so the new draft broke the
/// build for everyone.
#[test]
fn a_translation_keeps_the_lead_photo_with_its_alt_text() {
    let site = copy_fixture("scaffold/untranslated");
    let rel = "content/berita/2024-11-22-sosialisasi-banten.en.md";
    let out = new(
        &site,
        &["press-release", "Sosialisasi di Banten", "--lang", "en"],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(stdout(&out), rel);
    let text = read(site.path(), rel);
    assert!(
        text.contains("\nimage: foto.svg\nimage_alt: \"TRANSLATE: Peta Banten\"\n"),
        "{text}"
    );
    assert!(
        !text.contains("/berita/lama-sosialisasi"),
        "aliases are the original's: {text}"
    );
    let out = build_drafts(site.path());
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let html = read(site.path(), "public/en/news/sosialisasi-banten/index.html");
    assert!(
        html.contains("TRANSLATE: Peta Banten"),
        "the photo is shown"
    );
    let out = build(site.path());
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(
        !site
            .path()
            .join("public/en/news/sosialisasi-banten/index.html")
            .exists()
    );
}

/// Regression: without `draft: true`, "TRANSLATE: …" was published over Indonesian text.
#[test]
fn an_untranslated_scaffold_without_draft_is_an_error_at_each_marker() {
    let site = copy_fixture("good/basic");
    let rel = "content/berita/2024-11-22-sosialisasi-banten.en.md";
    std::fs::remove_file(site.path().join(rel)).expect("rm");
    new(
        &site,
        &["press-release", "sosialisasi-banten", "--lang", "en"],
    );
    drop_lines(site.path(), rel, |l| l.starts_with("draft: true"));
    let out = check(site.path());
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    for want in [
        format!("error: {rel}:5:9: `TRANSLATE:` marks text that is not translated yet, and this page is not a draft: it would be published like this\n  |\n5 | title: \"TRANSLATE: Sosialisasi di Banten\"\n  |         ^^^^^^^^^^\n  = hint: translate the text and delete `TRANSLATE:`; until it is translated, add the line `draft: true` to the top block of the file (front matter)\n"),
        format!("error: {rel}:11:13: `TRANSLATE:` marks"),
        format!("error: {rel}:18:1: `TRANSLATE:` marks"),
        "= hint: translate the text below this line, then delete the line; until it is translated, add the line `draft: true`".to_string(),
    ] {
        assert!(err.contains(&want), "lacks {want:?}:\n{err}");
    }
    assert_eq!(build(site.path()).status.code(), Some(1));
}

#[test]
fn lang_without_an_original_is_bad_usage_naming_the_closest() {
    let site = copy_fixture("good/basic");
    std::fs::remove_file(
        site.path()
            .join("content/berita/2024-11-22-sosialisasi-banten.en.md"),
    )
    .expect("rm");
    let before = tree(&site.path().join("content"));
    let out = new(
        &site,
        &["press-release", "Sosialisasi Banteng", "--lang", "en"],
    );
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(
        err.contains("error: no press release has the title, file name or address name (slug) \"Sosialisasi Banteng\", so there is nothing to translate into English; did you mean \"Sosialisasi di Banten\" (content/berita/2024-11-22-sosialisasi-banten.md), "),
        "{err}"
    );
    assert!(
        err.contains("= hint: to translate the first of these, run `warta new press-release \"Sosialisasi di Banten\" --lang en`; to write a new press release, leave out `--lang` (a new page starts in Indonesian)"),
        "{err}"
    );
    assert_eq!(
        tree(&site.path().join("content")),
        before,
        "nothing is written"
    );

    // Every country page has its English version.
    let out = new(&site, &["country", "Jepang", "--lang", "en"]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(
        err.contains("error: no country page is waiting for its English version, so \"Jepang\" cannot be translated into English\n  = hint: to write a new country page, leave out `--lang` (a new page starts in Indonesian): `warta new country \"Jepang\"`"),
        "{err}"
    );
    assert_eq!(tree(&site.path().join("content")), before);

    #[cfg(unix)]
    {
        let out = run_in_shell(site.path(), &hinted_command(&err, "leave out"));
        assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
        assert!(site.path().join("content/negara/jepang.md").exists());
    }
}

#[test]
fn lang_of_a_page_of_another_kind_is_bad_usage_naming_its_kind() {
    let site = copy_fixture("good/basic");
    let rel = "content/berita/2024-11-22-sosialisasi-banten.en.md";
    std::fs::remove_file(site.path().join(rel)).expect("rm");
    let out = new(&site, &["guide", "Sosialisasi di Banten", "--lang", "en"]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(
        err.contains("error: \"Sosialisasi di Banten\" is a press release (content/berita/2024-11-22-sosialisasi-banten.md), not a guide\n  = hint: to translate it, run `warta new press-release \"Sosialisasi di Banten\" --lang en`"),
        "{err}"
    );
    assert!(
        !site
            .path()
            .join("content/panduan/sosialisasi-di-banten.en.md")
            .exists()
    );
    #[cfg(unix)]
    {
        let out = run_in_shell(site.path(), &hinted_command(&err, "to translate it"));
        assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
        assert_eq!(stdout(&out), rel);
    }
}

/// Regression: `check`'s hint for an English page without its Indonesian original created an
/// unrelated page (named by the English title, dated today).
#[cfg(unix)]
#[test]
fn checks_hint_for_a_page_without_its_original_creates_the_linked_original() {
    let site = copy_fixture("scaffold/untranslated");
    let root = site.path();
    let out = check(root);
    let err = stderr(&out);
    assert!(
        err.contains("warning: content/berita/2025-02-10-biaya-nol.en.md: no Indonesian version: content/berita/2025-02-10-biaya-nol.md does not exist"),
        "{err}"
    );
    let command = hinted_command(&err, "--lang id");
    assert_eq!(
        command,
        "warta new press-release \"Workers' placement is free: no fees for 10 jobs!\" --lang id"
    );
    let out = run_in_shell(root, &command);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let rel = "content/berita/2025-02-10-biaya-nol.md";
    assert_eq!(stdout(&out), rel);

    // Linked: `check` now sees the draft translation, and the draft builds.
    let err = stderr(&check(root));
    assert!(!err.contains("biaya-nol.md does not exist"), "{err}");
    assert!(
        err.contains(&format!(
            "no Indonesian version yet: {rel} is not published: it is a draft"
        )),
        "{err}"
    );
    let out = build_drafts(root);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));

    // Translated and published: the two pages are each other's translation.
    let text = read(root, rel)
        .replace(
            "TRANSLATE: Workers' placement is free: no fees for 10 jobs!",
            "Biaya nol untuk 10 jabatan",
        )
        .replace(
            "TRANSLATE: A poster that says zero fees",
            "Poster bertuliskan biaya nol",
        );
    std::fs::write(root.join(rel), text).expect("write");
    drop_lines(root, rel, |l| {
        l.starts_with("draft: true") || l.starts_with("TRANSLATE:")
    });
    let out = check(root);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(0), "{err}");
    assert!(!err.contains("no Indonesian version"), "{err}");
    assert_eq!(build(root).status.code(), Some(0));
    let html = read(root, "public/en/news/zero-fees/index.html");
    assert!(
        html.contains("hreflang=\"id\" href=\"https://example.go.id/berita/biaya-nol/\""),
        "{html}"
    );
}

/// Two pages with one title: the hint names the file, so that it still makes the right one.
#[cfg(unix)]
#[test]
fn checks_hint_names_the_file_when_two_pages_share_the_title() {
    let site = copy_fixture("good/basic");
    let root = site.path();
    std::fs::copy(
        root.join("content/berita/2025-01-15-hanya-indonesia.md"),
        root.join("content/berita/2025-01-16-hanya-indonesia-lagi.md"),
    )
    .expect("copy");
    let err = stderr(&check(root));
    let command = hinted_command(&err, "hanya-indonesia-lagi.md\"");
    assert_eq!(
        command,
        "warta new press-release \"content/berita/2025-01-16-hanya-indonesia-lagi.md\" --lang en"
    );
    let out = run_in_shell(root, &command);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(
        stdout(&out),
        "content/berita/2025-01-16-hanya-indonesia-lagi.en.md"
    );
}

#[test]
fn country_code_comes_from_the_name_or_a_placeholder_that_check_flags() {
    let site = copy_fixture("good/basic");
    let out = new(&site, &["country", "Jepang"]);
    assert_eq!(stdout(&out), "content/negara/jepang.md");
    assert!(read(site.path(), "content/negara/jepang.md").contains("\ncountry_code: JP\n"));
    let out = build(site.path());
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));

    let out = new(&site, &["country", "Negeri Antah Berantah"]);
    assert_eq!(stdout(&out), "content/negara/negeri-antah-berantah.md");
    let check = warta(&["check", "--root", site.path().to_str().expect("utf-8")]);
    assert_eq!(check.status.code(), Some(1));
    assert!(stderr(&check).contains("content/negara/negeri-antah-berantah.md:3:15: \"XX\" in `country_code` is not a two-letter country code (ISO 3166-1 alpha-2)"), "{}", stderr(&check));
}

#[test]
fn translation_sibling_copies_shared_fields_and_stays_a_draft() {
    let site = copy_fixture("good/basic");
    std::fs::remove_file(site.path().join("content/negara/malaysia.en.md")).expect("rm");
    let out = new(&site, &["country", "Malaysia", "--lang", "en"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(stdout(&out), "content/negara/malaysia.en.md");
    let text = read(site.path(), "content/negara/malaysia.en.md");
    for kept in [
        "country_code: MY",
        "status: open",
        "review_by: 2026-01-01",
        "  - name: KBRI Kuala Lumpur",
        "draft: true",
    ] {
        assert!(text.contains(kept), "lacks {kept:?}:\n{text}");
    }
    assert!(
        text.contains("# sectors: [Perkebunan]"),
        "text fields are marked to translate:\n{text}"
    );
    assert!(text.contains("Isi."), "the body is copied to be translated");
    let built = build(site.path());
    assert_eq!(built.status.code(), Some(0), "{}", stderr(&built));
    assert!(
        !site
            .path()
            .join("public/en/countries/malaysia/index.html")
            .exists(),
        "an untranslated draft is not published"
    );
}

#[test]
fn never_overwrites() {
    let site = copy_fixture("good/basic");
    let before = read(site.path(), "content/tentang.md");
    let out = new(&site, &["page", "Tentang"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains(
        "error: content/tentang.md: the file already exists; warta new never overwrites"
    ));
    assert_eq!(read(site.path(), "content/tentang.md"), before);
}

#[test]
fn unknown_kind_is_a_usage_error() {
    let site = copy_fixture("good/basic");
    assert_eq!(new(&site, &["poster", "X"]).status.code(), Some(2));
}
