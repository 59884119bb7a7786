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
