//! warta speaks the editor's language: the same problems as elsewhere in this suite, with
//! `WARTA_LANG=id`, must read in Indonesian, word for word, with the file and the place
//! unchanged. The words come from `messages/id.ftl`; a message left out of it, or one built
//! from English text, fails here.
//!
//! The report is read as `warta check --format json`, which carries each message and hint in
//! the editor's language.

use std::path::Path;
use std::process::Output;

use serde_json::Value;

use crate::support::{TODAY, copy_dir, copy_fixture, fixture};

/// Runs `warta check --format json` on `root` in `lang`.
fn check_in(lang: &str, root: &Path) -> Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_warta"))
        .args(["check", "--format", "json", "--root"])
        .arg(root)
        .env("WARTA_TODAY", TODAY)
        .env("WARTA_LANG", lang)
        .env("NO_COLOR", "1")
        .output()
        .expect("run warta")
}

/// The diagnostics of a JSON report (`{"diagnostics": […], "summary": …}`).
fn report(out: &Output) -> Vec<Value> {
    let json: Value = serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
        panic!(
            "no JSON report ({e}):\n{}\n{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        )
    });
    json["diagnostics"].as_array().cloned().unwrap_or_default()
}

/// The one diagnostic of `out` with `code`.
fn the(out: &Output, code: &str) -> Value {
    let all = report(out);
    let found: Vec<&Value> = all.iter().filter(|d| d["code"] == code).collect();
    assert_eq!(found.len(), 1, "one `{code}` diagnostic expected: {all:#?}");
    found[0].clone()
}

fn text<'a>(d: &'a Value, field: &str) -> &'a str {
    d[field].as_str().unwrap_or_default()
}

/// A misspelt setting in site.yaml: the headline names the site settings in plain words and
/// the hint suggests the right spelling, in Indonesian; the place is the misspelt key.
#[test]
fn an_unknown_site_setting_is_explained_in_indonesian() {
    let root = fixture("i18n/unknown_setting");
    let out = check_in("id", &root);
    assert_eq!(out.status.code(), Some(1));
    let d = the(&out, "config");
    assert_eq!(
        text(&d, "message"),
        "pengaturan situs (site.yaml) tidak mengenal pengaturan `languges`"
    );
    assert_eq!(text(&d, "hint"), "maksud Anda `languages`?");
    assert_eq!(text(&d, "file"), "site.yaml");
    assert_eq!(
        (d["line"].as_u64(), d["column"].as_u64()),
        (Some(3), Some(1))
    );
    assert_eq!(text(&d, "message_id"), "config-unknown-setting");

    // The same report in English: only the words change.
    let d = the(&check_in("en", &root), "config");
    assert_eq!(
        text(&d, "message"),
        "the site settings (site.yaml) have no setting `languges`"
    );
    assert_eq!(text(&d, "hint"), "did you mean `languages`?");
}

/// A date inside a message: the reason why the date is wrong (dates.rs) is Indonesian too.
#[test]
fn a_wrong_alert_date_is_explained_in_indonesian() {
    let d = the(&check_in("id", &fixture("i18n/alert_date")), "date");
    assert_eq!(
        text(&d, "message"),
        "tanggal \"2025-02-30\" pada pengumuman (`extra.alerts`) bukan tanggal yang ada di kalender"
    );
    assert_eq!(
        text(&d, "hint"),
        "tulis tanggal sebagai tahun-bulan-tanggal, seperti `2024-11-22`"
    );
}

/// A template that uses a field the page does not have: warta's words around the template
/// engine's own (English) text are Indonesian, and so is the hint.
#[test]
fn a_template_error_is_explained_in_indonesian() {
    let d = the(
        &check_in("id", &fixture("bad/template_render_error")),
        "template",
    );
    let message = text(&d, "message");
    assert!(
        message.starts_with(
            "ada kesalahan pada tata letak halaman tema (templat): Field `subtitle` is not defined."
        ),
        "{message}"
    );
    assert!(
        message.ends_with(" (saat membuat content/tentang.md)"),
        "{message}"
    );
    assert_eq!(
        text(&d, "hint"),
        "cocokkan nama variabel dengan docs/templates.md; nilai yang boleh kosong harus diperiksa dengan `{% if … %}`"
    );
    assert_eq!(text(&d, "file"), "themes/mini/templates/page.html");
    assert_eq!(
        (d["line"].as_u64(), d["column"].as_u64()),
        (Some(4), Some(12))
    );
}

/// warta's own template functions refuse in the editor's language too, although Tera hands
/// their refusal on as English text.
#[test]
fn a_refusal_of_a_template_function_is_in_indonesian() {
    let d = the(
        &check_in("id", &fixture("bad/template_nested_loops")),
        "template",
    );
    assert_eq!(
        text(&d, "message"),
        "ada kesalahan pada tata letak halaman tema (templat): perulangan (loop) di halaman ini melewati lebih dari 1000000 butir `range` (saat membuat content/tentang.md)"
    );
    assert_eq!(
        text(&d, "hint"),
        "perulangan (loop) dibatasi: `range` memberi paling banyak 100000 butir, dan 1000000 butir di satu halaman seluruhnya; lakukan perulangan atas datanya"
    );
}

#[test]
fn a_missing_theme_is_explained_in_indonesian() {
    let d = the(&check_in("id", &fixture("bad/missing_theme")), "theme");
    assert_eq!(
        text(&d, "message"),
        "tema `tidak-ada` tidak ditemukan di themes/tidak-ada/"
    );
    assert_eq!(
        text(&d, "hint"),
        "buat themes/tidak-ada/templates/, atau hapus `theme:` agar memakai tema bawaan `kp2mi`"
    );
}

#[test]
fn page_weight_warnings_are_in_indonesian() {
    let out = check_in("id", &fixture("budgets/over"));
    assert_eq!(out.status.code(), Some(0), "warnings only");
    let d = the(&out, "budget-html");
    let message = text(&d, "message");
    assert!(
        message.starts_with("halaman `/laporan/` berbobot ")
            && message.ends_with(
                " setelah dikompresi (gzip), melebihi batas 4 KB (`budgets.html` di site.yaml)"
            ),
        "{message}"
    );
    assert_eq!(
        text(&d, "hint"),
        "buat halaman lebih ringan: pecah halaman yang panjang menjadi beberapa halaman, atau pindahkan tabel dan daftar besar ke halaman tersendiri; jika bobot itu ditambahkan tema ke setiap halaman, rampingkan templatnya"
    );
}

/// A theme with more static files than Cloudflare Pages reads rules of `_headers`.
#[test]
fn too_many_header_rules_is_a_warning_in_indonesian() {
    let site = copy_fixture("budgets/over");
    let theme = site.path().join("themes/kp2mi");
    copy_dir(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("themes/kp2mi"),
        &theme,
    );
    for i in 0..100 {
        std::fs::write(theme.join(format!("static/f{i}.css")), format!("i{i}{{}}")).expect("write");
    }
    let yaml = site.path().join("site.yaml");
    let settings = std::fs::read_to_string(&yaml).expect("site.yaml");
    std::fs::write(&yaml, format!("{settings}theme: kp2mi\n")).expect("write");
    let d = the(&check_in("id", site.path()), "headers");
    let message = text(&d, "message");
    assert!(
        message.starts_with("berkas pengaturan hosting _headers memuat ")
            && message.ends_with(" aturan; Cloudflare Pages hanya membaca 100 aturan pertama"),
        "{message}"
    );
    assert_eq!(
        text(&d, "hint"),
        "untuk Cloudflare Pages, kurangi berkas di static/ tema atau kurangi jumlah bagian"
    );
}

// new, scaffold

/// Runs `warta` with `args` in `lang`, in the site folder `root` (as an editor runs it).
fn warta_in(lang: &str, root: &Path, args: &[&str]) -> Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_warta"))
        .args(args)
        .current_dir(root)
        .env("WARTA_TODAY", TODAY)
        .env("WARTA_LANG", lang)
        .env("NO_COLOR", "1")
        .output()
        .expect("run warta")
}

/// `warta new --lang` for a page that does not exist: the Indonesian "did you mean" names the
/// closest page, and the command in the hint is the one that works, word for word.
#[test]
fn a_translation_of_no_page_is_bad_usage_in_indonesian_with_the_command_unchanged() {
    let site = copy_fixture("good/basic");
    std::fs::remove_file(site.path().join("content/panduan/cara-mengadu.en.md")).expect("rm");
    let out = warta_in("id", site.path(), &["new", "guide", "X", "--lang", "en"]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert_eq!(
        err,
        "error: tidak ada panduan dengan judul, nama berkas, atau nama alamat (slug) \"X\", jadi tidak ada yang dapat diterjemahkan ke bahasa Inggris; maksud Anda \"Cara mengadu\" (content/panduan/cara-mengadu.md)?\n  \
         = petunjuk: untuk menerjemahkan yang pertama, jalankan `warta new guide \"Cara mengadu\" --lang en`; untuk menulis panduan baru, jangan pakai `--lang` (halaman baru ditulis dulu dalam bahasa Indonesia)\n  \
         = kode: usage\n"
    );

    // The hinted command, as typed, makes the translation.
    let out = warta_in(
        "id",
        site.path(),
        &["new", "guide", "Cara mengadu", "--lang", "en"],
    );
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        site.path()
            .join("content/panduan/cara-mengadu.en.md")
            .exists()
    );
}

/// A page that is no longer a draft but still holds the sample text of `warta new`: the place
/// stays as CI tools read it, the words and the hint are Indonesian.
#[test]
fn sample_text_left_in_a_published_page_is_an_error_in_indonesian() {
    let site = copy_fixture("good/basic");
    let out = warta_in(
        "id",
        site.path(),
        &["new", "press-release", "Sosialisasi di Cirebon"],
    );
    assert_eq!(out.status.code(), Some(0));
    let rel = "content/berita/2025-06-01-sosialisasi-di-cirebon.md";
    let text = std::fs::read_to_string(site.path().join(rel)).expect("read");
    let published: String = text
        .split_inclusive('\n')
        .filter(|l| !l.starts_with("draft: true"))
        .collect();
    std::fs::write(site.path().join(rel), published).expect("write");

    let out = warta_in("id", site.path(), &["build"]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(
        err.contains(&format!(
            "error: {rel}:14:1: \"Tulis isi siaran pers di sini.\" adalah teks contoh yang ditulis `warta new`, dan halaman ini bukan draf: halaman akan terbit seperti ini\n   \
             |\n14 | Tulis isi siaran pers di sini.\n   | ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^\n   \
             = petunjuk: ganti dengan teks halaman yang sebenarnya; selama halaman belum siap, tambahkan baris `draft: true` ke blok atas berkas (front matter)\n"
        )),
        "{err}"
    );
}

// cli, check, manifest

/// Runs `warta` with `args` in `lang` (`WARTA_LANG`), from `dir`.
fn warta_in_lang(lang: &str, dir: &Path, args: &[&str]) -> Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_warta"))
        .args(args)
        .current_dir(dir)
        .env("WARTA_TODAY", TODAY)
        .env("WARTA_LANG", lang)
        .env("NO_COLOR", "1")
        .output()
        .expect("run warta")
}

fn utf8(path: &Path) -> &str {
    path.to_str().expect("utf-8 path")
}

/// The build summary, and `warta diff`'s, in Indonesian: counts, languages and folder as in
/// English, the words from messages/id.ftl.
#[test]
fn the_build_summary_is_in_indonesian() {
    let site = copy_fixture("good/basic");
    let root = site.path();
    let out = warta_in_lang("id", root, &["build", "--root", utf8(root)]);
    let err = crate::support::stderr(&out);
    assert_eq!(out.status.code(), Some(0), "{err}");
    let summary = err
        .lines()
        .find(|l| l.starts_with("berhasil membuat "))
        .unwrap_or_else(|| panic!("no Indonesian summary:\n{err}"));
    // `berhasil membuat 8 halaman (5 id, 3 en), 2 tidak diterbitkan (…), 50 berkas dalam 63 ms → …/public`
    let rest = summary
        .strip_prefix(
            "berhasil membuat 8 halaman (5 id, 3 en), 2 tidak diterbitkan (draf atau bertanggal di masa depan), ",
        )
        .unwrap_or_else(|| panic!("{summary}"));
    let (files, rest) = rest.split_once(" berkas dalam ").expect("the files");
    let (ms, output) = rest.split_once(" ms → ").expect("the time");
    assert!(
        files.parse::<usize>().is_ok() && ms.parse::<u64>().is_ok(),
        "{summary}"
    );
    assert_eq!(output, root.join("public").display().to_string());
    assert!(!err.contains("built "), "{err}");

    let manifest = root.join("public/.warta-manifest.json");
    let out = warta_in_lang(
        "id",
        root,
        &["diff", utf8(&manifest), utf8(&root.join("public"))],
    );
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        "0 baru, 0 berubah, 0 dihapus\n"
    );
}

/// The translation table of `check`: title, headings and legend in Indonesian, and every
/// number right-aligned under the end of its (wider) Indonesian heading.
#[test]
fn the_translation_table_of_check_is_in_indonesian_and_aligned() {
    let root = fixture("check/translation_states");
    let out = warta_in_lang("id", &root, &["check", "--root", utf8(&root)]);
    let err = crate::support::stderr(&out);
    assert_eq!(out.status.code(), Some(0), "{err}");
    let table = "status terjemahan:\n\
        \x20 bagian   id  en  belum dimulai  sedang dikerjakan  perlu diperbarui\n\
        \x20 panduan   5   2              1                  2                 1\n\
        \x20 (belum dimulai: belum ada berkas dalam bahasa itu; sedang dikerjakan: berkasnya masih draf atau bertanggal di masa depan; perlu diperbarui: lebih lama daripada halaman yang diterjemahkannya)\n\
        pemeriksaan lulus: tidak ada kesalahan, 4 peringatan\n";
    assert!(err.ends_with(table), "{err}");

    // Each number ends in the column where its heading ends.
    let lines: Vec<&str> = table.lines().collect();
    let ends = |line: &str| -> Vec<usize> {
        let chars: Vec<char> = line.chars().collect();
        (1..chars.len())
            .filter(|&i| chars[i - 1] != ' ' && (i == chars.len() || chars[i] == ' '))
            .chain(std::iter::once(chars.len()))
            .collect()
    };
    // The headings, split where two spaces separate them ("belum dimulai" is one heading).
    let heading_ends: Vec<usize> = {
        let line = lines[1];
        let mut ends = Vec::new();
        let mut at = 0;
        for part in line.split("  ") {
            at += part.chars().count();
            if !part.trim().is_empty() {
                ends.push(at);
            }
            at += 2;
        }
        ends
    };
    let row_ends = ends(lines[2]);
    assert_eq!(heading_ends[1..], row_ends[1..], "{table}");
    assert!(!err.contains("translation status"), "{err}");
}

/// A check that fails: the first line keeps `error: <path>:<line>:<col>: ` for CI tools, the
/// words after it and the hint are Indonesian, and so is the verdict.
#[test]
fn a_failing_check_speaks_indonesian_after_the_place() {
    let root = fixture("check/errors_and_warnings");
    let out = warta_in_lang("id", &root, &["check", "--root", utf8(&root)]);
    let err = crate::support::stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    for want in [
        "error: content/panduan/tanpa-terjemahan.md:7:41: tautan rusak: tidak ada yang diterbitkan di /panduan/dihapus/\n  |\n7 | Lihat juga [halaman yang sudah dihapus](/panduan/dihapus/).\n  |                                         ^^^^^^^^^^^^^^^^^\n  = petunjuk: tautkan halaman lewat berkasnya",
        "warning: content/panduan/lama.md:5:12: tanggal tinjauan 2025-01-01 sudah lewat: fakta di halaman ini mungkin sudah tidak berlaku\n  |\n5 | review_by: 2025-01-01\n  |            ^^^^^^^^^^\n  = petunjuk: cocokkan halaman ini dengan aturan yang berlaku sekarang, lalu isi `updated:` dengan tanggal hari ini dan `review_by:` dengan tanggal tinjauan berikutnya\n  = kode: review-overdue\n",
        "warning: content/panduan/lama.en.md: terjemahan ini lebih lama daripada sumbernya: content/panduan/lama.md diperbarui 2025-05-01, berkas ini mencatat 2025-02-01\n",
        "warning: content/panduan/tanpa-terjemahan.md: belum ada versi bahasa Inggris: berkas content/panduan/tanpa-terjemahan.en.md belum dibuat\n  = petunjuk: terjemahkan halaman ini (sementara itu, pembaca halaman bahasa Inggris diarahkan ke daftar halaman bagian ini): `warta new guide \"Tanpa terjemahan\" --lang en`\n",
        "\npemeriksaan gagal: 1 kesalahan, 4 peringatan\n",
    ] {
        assert!(err.contains(want), "lacks {want:?}:\n{err}");
    }
    assert!(!err.contains("= hint:"), "{err}");

    // With --deny-warnings, the hint that lists the kinds of warnings is Indonesian too.
    let root = fixture("check/warnings");
    let out = warta_in_lang(
        "id",
        &root,
        &["check", "--root", utf8(&root), "--deny-warnings"],
    );
    let err = crate::support::stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(
        err.contains("pemeriksaan gagal (--deny-warnings): 0 kesalahan, 4 peringatan\n  = petunjuk: perbaiki peringatannya, atau loloskan satu jenis peringatan dengan --allow KODE; jenis yang ada di sini: "),
        "{err}"
    );
}

/// No site.yaml here or above: bad usage (exit 2), in Indonesian, naming every folder tried.
#[test]
fn no_site_found_is_bad_usage_in_indonesian() {
    let tmp = tempfile::tempdir().expect("tmp");
    let deep = tmp.path().join("a/b");
    std::fs::create_dir_all(&deep).expect("folders");
    let deep = deep.canonicalize().expect("canonical");
    let tried: String = deep
        .ancestors()
        .map(|d| format!("\n    {}", d.display()))
        .collect();
    let out = warta_in_lang("id", &deep, &["build"]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        crate::support::stderr(&out),
        format!(
            "error: situs tidak ditemukan: tidak ada site.yaml di folder ini maupun di folder mana pun di atasnya; warta sudah mencari di:{tried}\n  = petunjuk: jalankan warta di dalam folder situs (yang memuat site.yaml dan content/) atau di folder mana pun di dalamnya, atau sebutkan folder situs dengan --root FOLDER\n"
        )
    );
    // An unknown --allow code, too: its hint still lists every code.
    let root = fixture("check/warnings");
    let out = warta_in_lang(
        "id",
        &deep,
        &["check", "--root", utf8(&root), "--allow", "review-overdu"],
    );
    assert_eq!(out.status.code(), Some(2));
    let err = crate::support::stderr(&out);
    assert!(
        err.starts_with("error: --allow review-overdu: tidak ada peringatan dengan kode ini\n  = petunjuk: maksud Anda `--allow review-overdue`? Kode yang ada: actions-many, budget-css, "),
        "{err}"
    );
    assert!(err.contains(", translation-outdated\n"), "{err}");
}

/// A published address the build would lose: the error and its `aliases:` hint in Indonesian,
/// the line to add unchanged.
#[test]
fn a_lost_published_address_is_explained_in_indonesian() {
    let site = copy_fixture("published_urls/site");
    let root = site.path();
    let out = warta_in_lang("en", root, &["build", "--root", utf8(root)]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        crate::support::stderr(&out)
    );
    let live = root.join("live.json");
    std::fs::copy(root.join("public/.warta-manifest.json"), &live).expect("keep manifest");
    std::fs::rename(
        root.join("content/tentang.md"),
        root.join("content/tentang-kami.md"),
    )
    .expect("rename");
    let out = warta_in_lang(
        "id",
        root,
        &["check", "--root", utf8(root), "--published", utf8(&live)],
    );
    let err = crate::support::stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(
        err.contains("error: content/tentang-kami.md:2:8: alamat /tentang/ yang sudah diterbitkan akan berhenti berfungsi: alamat itu menampilkan “Tentang situs ini” (content/tentang.md), dan halaman inilah yang paling mirip\n"),
        "{err}"
    );
    assert!(
        err.contains("  = petunjuk: tambahkan baris ini di antara dua garis `---` di bagian atas content/tentang-kami.md (atau halaman yang sebenarnya menggantikannya), agar alamat lama mengarah ke sana: aliases: [\"/tentang/\"]\n"),
        "{err}"
    );
}

/// Without WARTA_LANG, the system's language decides: `LANG=id_ID.UTF-8` is Indonesian.
#[test]
fn the_system_language_id_id_gives_indonesian() {
    let root = fixture("check/translation_states");
    let run = |lang: &str, lc_all: Option<&str>| {
        let mut command = std::process::Command::new(env!("CARGO_BIN_EXE_warta"));
        command
            .args(["check", "--root", utf8(&root)])
            .env("WARTA_TODAY", TODAY)
            .env("NO_COLOR", "1")
            .env_remove("WARTA_LANG")
            .env_remove("LC_ALL")
            .env_remove("LC_MESSAGES")
            .env("LANG", lang);
        if let Some(lc_all) = lc_all {
            command.env("LC_ALL", lc_all);
        }
        command.output().expect("run warta")
    };
    let err = crate::support::stderr(&run("id_ID.UTF-8", None));
    assert!(
        err.contains("status terjemahan:\n  bagian   id  en  belum dimulai")
            && err.ends_with("pemeriksaan lulus: tidak ada kesalahan, 4 peringatan\n"),
        "{err}"
    );
    // LC_ALL comes before LANG.
    let err = crate::support::stderr(&run("id_ID.UTF-8", Some("en_US.UTF-8")));
    assert!(
        err.ends_with("check passed: no errors, 4 warnings\n"),
        "{err}"
    );
}

// source, output, serve

/// `x.MD` is a page source under a name that is not `.md`: an error in Indonesian, with the
/// rename in the hint exactly as the editor must type it; `daftar.txt`, which no page links, is
/// a warning in Indonesian with the link that would publish it.
#[test]
fn a_misnamed_page_and_an_unlinked_file_are_explained_in_indonesian() {
    let site = copy_fixture("published/misnamed");
    let out = warta_in("id", site.path(), &["build"]);
    let err = crate::support::stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(
        err.contains("error: content/berita/x.MD: berkas ini tampak seperti halaman, tetapi hanya berkas yang namanya berakhiran `.md` yang menjadi halaman: berkas ini tidak diterbitkan\n  = petunjuk: ganti namanya menjadi content/berita/x.md\n"),
        "{err}"
    );
    assert!(
        err.contains("warning: content/berita/daftar.txt: tidak ada halaman yang menautkan berkas ini, jadi berkas ini tidak diterbitkan\n  = petunjuk: hapus berkas ini jika situs tidak memerlukannya; untuk menerbitkannya, tautkan dari sebuah halaman: `[daftar.txt](@/berita/daftar.txt)`; berkas yang harus berada apa adanya di akar situs (berkas verifikasi, favicon) tempatnya di `static/`\n"),
        "{err}"
    );
    assert!(!site.path().join("public").exists(), "nothing written");
}

/// A page saved as Windows-1252: the headline says in plain words what is wrong, the technical
/// name only in brackets, at the place of the first wrong byte.
#[test]
fn a_page_not_saved_as_utf8_is_explained_in_indonesian() {
    let out = check_in("id", &fixture("bad/invalid_utf8"));
    assert_eq!(out.status.code(), Some(1));
    let d = the(&out, "utf8");
    assert_eq!(
        text(&d, "message"),
        "berkas ini tidak tersimpan sebagai teks yang dapat dibaca warta (UTF-8): byte 0xE9 tidak semestinya ada di sana"
    );
    assert_eq!(
        text(&d, "hint"),
        "simpan ulang berkas ini sebagai UTF-8 di editor Anda (mungkin tersimpan sebagai Windows-1252 atau Latin-1)"
    );
    assert_eq!(text(&d, "file"), "content/tentang.md");
    assert_eq!(
        (d["line"].as_u64(), d["column"].as_u64()),
        (Some(4), Some(4))
    );
    assert_eq!(text(&d, "message_id"), "source-not-utf8");
}

// markdown, content, images

/// The diagnostics of `out` written about `file`, with `code`.
fn about<'a>(all: &'a [Value], code: &str, file: &str) -> Vec<&'a Value> {
    all.iter()
        .filter(|d| d["code"] == code && d["file"] == file)
        .collect()
}

/// A `@/` link to a page that is not there: the Indonesian headline names the file, and the
/// hint offers the nearest page as the link to write, unchanged.
#[test]
fn a_broken_page_link_and_its_did_you_mean_are_in_indonesian() {
    let out = check_in("id", &fixture("hints/page_link"));
    assert_eq!(out.status.code(), Some(1));
    let d = the(&out, "link");
    assert_eq!(
        text(&d, "message"),
        "tautan rusak: `content/berita/2024-11-21-bb.md` tidak ada"
    );
    assert_eq!(text(&d, "hint"), "maksud Anda `@/berita/2024-11-21-b.md`?");
    assert_eq!(text(&d, "file"), "content/berita/2024-11-22-a.md");
    assert_eq!(
        (d["line"].as_u64(), d["column"].as_u64()),
        (Some(5), Some(18))
    );
    assert_eq!(text(&d, "message_id"), "markdown-link-missing");
}

/// Two pages on one address: both files named, the error at the `slug` that makes it.
#[test]
fn two_pages_on_one_address_are_explained_in_indonesian() {
    let out = check_in("id", &fixture("bad/duplicate_output"));
    assert_eq!(out.status.code(), Some(1));
    let d = the(&out, "collision");
    assert_eq!(
        text(&d, "message"),
        "content/berita/2024-01-01-a.md dan content/berita/2024-01-02-b.md akan diterbitkan di alamat yang sama, /berita/sama/"
    );
    assert_eq!(
        text(&d, "hint"),
        "beri salah satunya `slug` yang lain (atau hapus alamat lama itu dari `aliases:`); yang satunya lagi adalah content/berita/2024-01-01-a.md"
    );
    assert_eq!(text(&d, "file"), "content/berita/2024-01-02-b.md");
    assert_eq!(
        (d["line"].as_u64(), d["column"].as_u64()),
        (Some(4), Some(7))
    );
}

/// An image in the text without a description: the headline says what is missing in plain
/// words, the hint shows what to write, its Markdown unchanged.
#[test]
fn an_image_without_alt_text_is_explained_in_indonesian() {
    let site = copy_fixture("check/warnings");
    let page = site.path().join("content/panduan/lama.md");
    let source = std::fs::read_to_string(&page).expect("read");
    std::fs::write(
        &page,
        source.replace(r#"![](gambar.svg "decorative")"#, "![](gambar.svg)"),
    )
    .expect("write");
    let out = check_in("id", site.path());
    assert_eq!(out.status.code(), Some(1));
    let d = the(&out, "image-alt");
    assert_eq!(
        text(&d, "message"),
        "gambar `gambar.svg` belum punya keterangan untuk pembaca yang tidak dapat melihatnya (teks alt)"
    );
    assert_eq!(
        text(&d, "hint"),
        "jelaskan isi gambar di antara tanda kurung siku: `![Petugas memberi penjelasan](foto.jpg)`; untuk gambar yang hanya hiasan, tulis `![](foto.jpg \"decorative\")`"
    );
    assert_eq!(
        (d["line"].as_u64(), d["column"].as_u64()),
        (Some(9), Some(5))
    );
}

/// `warta check` on a translation that waits: the reason it is not published (a draft, a date
/// ahead) comes from the content stage, and is Indonesian inside the Indonesian sentence.
#[test]
fn why_a_translation_waits_is_in_indonesian() {
    let root = fixture("check/translation_states");
    let out = check_in("id", &root);
    assert_eq!(out.status.code(), Some(0));
    let all = report(&out);
    let draft = about(&all, "translation-missing", "content/panduan/draf.md");
    assert_eq!(draft.len(), 1, "{all:#?}");
    assert_eq!(
        text(draft[0], "message"),
        "belum ada versi bahasa Inggris: content/panduan/draf.en.md belum diterbitkan: halaman ini masih draf (`draft: true`)"
    );
    let later = about(&all, "translation-missing", "content/panduan/nanti.md");
    assert_eq!(later.len(), 1, "{all:#?}");
    assert_eq!(
        text(later[0], "message"),
        "belum ada versi bahasa Inggris: content/panduan/nanti.en.md belum diterbitkan: tanggalnya, 2099-01-01, belum tiba"
    );

    // The terminal says the same.
    let out = warta_in_lang("id", &root, &["check", "--root", utf8(&root)]);
    let err = crate::support::stderr(&out);
    assert!(
        err.contains("warning: content/panduan/draf.md: belum ada versi bahasa Inggris: content/panduan/draf.en.md belum diterbitkan: halaman ini masih draf (`draft: true`)\n"),
        "{err}"
    );
}

// frontmatter, yaml

/// The editor's commonest mistakes in the top block of a page — a misspelt field, a date
/// written day first, a yes/no written as a word — each in Indonesian, at its own place, with
/// the text to write unchanged.
#[test]
fn front_matter_mistakes_are_explained_in_indonesian() {
    let out = check_in("id", &fixture("bad/many_errors_one_file"));
    assert_eq!(out.status.code(), Some(1));
    let all = report(&out);
    let at = |line: u64| -> Vec<(&str, &str, &str)> {
        all.iter()
            .filter(|d| d["file"] == "content/panduan/cara.md" && d["line"].as_u64() == Some(line))
            .map(|d| (text(d, "code"), text(d, "message"), text(d, "hint")))
            .collect()
    };
    assert_eq!(
        at(5),
        [(
            "yaml",
            "isian `audiens` tidak dikenal",
            "maksud Anda `audience`?"
        )]
    );
    assert_eq!(
        at(3),
        [(
            "date",
            "`date` harus berformat YYYY-MM-DD (atau RFC 3339 bila disertai jam), tertulis \"22-11-2024\"",
            "tulis `2024-11-22`"
        )]
    );
    assert_eq!(
        at(4),
        [(
            "yaml",
            "`draft`: jenis nilainya salah: tertulis teks \"mungkin\", seharusnya true atau false (boolean)",
            "tulis `true` atau `false`"
        )]
    );
    assert_eq!(
        at(1),
        [(
            "frontmatter",
            "isian wajib `updated` tidak ada",
            "panduan menyebutkan kapan terakhir diperiksa: tambahkan baris `updated: 2025-06-01` (hari ini) setelah Anda memeriksanya"
        )]
    );
}

/// A colon in an unquoted title: the explanation is Indonesian, the parser's own words stay in
/// brackets as it wrote them, and the line to write is exactly what the editor types.
#[test]
fn a_colon_in_a_plain_title_is_explained_in_indonesian() {
    let site = copy_fixture("hints/colon_in_title");
    let out = warta_in("id", site.path(), &["build"]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(
        err.starts_with(
            "error: content/berita/2024-11-22-a.md:2:8: teks `title` memuat titik dua yang diikuti spasi, jadi harus diberi tanda kutip (YAML: mapping values are not allowed in this context)\n  \
             |\n2 | title: Kunjungan Kerja: Menteri ke Malaysia\n  \
             |        ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^\n  \
             = petunjuk: tulis barisnya sebagai `title: \"Kunjungan Kerja: Menteri ke Malaysia\"`\n  \
             = kode: yaml\n"
        ),
        "{err}"
    );
}
