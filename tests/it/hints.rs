//! Every hint works when followed literally: for each kind of "did you mean `X`", "write `X`",
//! "write the line as `X`", "add the line `X`" and "rename the file to one of: `X`", a
//! fixture site under `tests/fixtures/hints/` holds that one mistake; the test builds it, does
//! exactly what the hint says, builds again, and the problem is gone (and the site builds).

use std::path::Path;

use crate::support::{build, copy_fixture, read, stderr};

/// One diagnostic as `warta` prints it.
#[derive(Debug)]
struct Printed {
    file: String,
    line: Option<usize>,
    column: Option<usize>,
    width: usize,
    message: String,
    hint: String,
}

/// The diagnostics of a run's stderr (the human format: header, snippet, caret, hint).
fn printed(stderr: &str) -> Vec<Printed> {
    let mut out: Vec<Printed> = Vec::new();
    for line in stderr.lines() {
        let header = line
            .strip_prefix("error: ")
            .or_else(|| line.strip_prefix("warning: "));
        if let Some(header) = header {
            let Some((place, message)) = header.split_once(": ") else {
                continue;
            };
            let mut parts = place.split(':');
            let file = parts.next().unwrap_or_default().to_string();
            let line = parts.next().and_then(|n| n.parse().ok());
            let column = parts.next().and_then(|n| n.parse().ok());
            out.push(Printed {
                file,
                line,
                column,
                width: 0,
                message: message.to_string(),
                hint: String::new(),
            });
        } else if let Some(last) = out.last_mut() {
            let trimmed = line.trim_start();
            if let Some(hint) = trimmed.strip_prefix("= hint: ") {
                last.hint = hint.to_string();
            } else if let Some(carets) = trimmed.strip_prefix("| ")
                && carets.trim_start().starts_with('^')
            {
                last.width = carets.matches('^').count();
            }
        }
    }
    out
}

/// The text between the backticks that follow `after` in `hint` (the last backtick for a
/// whole line, which may itself hold quotes).
fn quoted_after<'a>(hint: &'a str, after: &str, whole_line: bool) -> Option<&'a str> {
    let start = hint.find(after)? + after.len();
    let rest = &hint[start..];
    let end = if whole_line {
        rest.rfind('`')?
    } else {
        rest.find('`')?
    };
    Some(&rest[..end])
}

/// Does what `d`'s hint says, to the file it names, in the site at `root`.
fn follow(root: &Path, d: &Printed) {
    let path = root.join(&d.file);
    let text = std::fs::read_to_string(&path).expect("the file the diagnostic names");
    let mut lines: Vec<String> = text.lines().map(str::to_string).collect();
    let hint = d.hint.as_str();
    if let Some(new) = quoted_after(hint, "write the line as `", true) {
        let n = d.line.expect("a line to replace");
        lines[n - 1] = new.to_string();
    } else if let Some(name) = quoted_after(hint, "rename the file to one of: `", false) {
        std::fs::rename(&path, path.with_file_name(name)).expect("rename");
        return;
    } else if let Some(new) = quoted_after(hint, "add the line `", false) {
        let after = d.line.unwrap_or(1);
        lines.insert(after, new.to_string());
    } else {
        let new = ["did you mean `", "write `", "in quotes: `"]
            .iter()
            .find_map(|lead| quoted_after(hint, lead, false))
            .unwrap_or_else(|| panic!("no text to write in the hint {hint:?}"));
        let (n, col) = (d.line.expect("a line"), d.column.expect("a column"));
        let line: Vec<char> = lines[n - 1].chars().collect();
        let before: String = line[..col - 1].iter().collect();
        let after: String = line[col - 1 + d.width..].iter().collect();
        lines[n - 1] = format!("{before}{new}{after}");
    }
    std::fs::write(&path, lines.join("\n") + "\n").expect("write the fixed file");
}

/// Builds the fixture `hints/<case>`, finds the diagnostic whose message holds `problem`
/// and whose hint holds `hint`, follows the hint, and builds again: the problem is gone and
/// the site builds. Returns the site, for checks of the output.
fn followed(case: &str, problem: &str, hint: &str) -> tempfile::TempDir {
    let site = copy_fixture(&format!("hints/{case}"));
    let first = stderr(&build(site.path()));
    let found = printed(&first);
    let d = found
        .iter()
        .find(|d| d.message.contains(problem))
        .unwrap_or_else(|| panic!("{case}: no diagnostic says {problem:?}:\n{first}"));
    assert!(
        d.hint.contains(hint),
        "{case}: the hint {:?} lacks {hint:?}",
        d.hint
    );
    follow(site.path(), d);
    let out = build(site.path());
    let second = stderr(&out);
    assert!(
        !second.contains(problem),
        "{case}: following {:?} did not fix it:\n{second}",
        d.hint
    );
    assert_eq!(
        out.status.code(),
        Some(0),
        "{case}: following {:?} left the site broken:\n{second}",
        d.hint
    );
    site
}

/// Regression: the hint said `berita/sosialisasi.svg`, which written in a page of `berita/`
/// names `berita/berita/sosialisasi.svg`, and gave the same error again.
#[test]
fn a_missing_image_suggests_its_path_as_the_page_writes_it() {
    followed(
        "image_in_body",
        "`content/berita/sosialisas.svg` does not exist",
        "did you mean `sosialisasi.svg`?",
    );
    followed(
        "image_in_other_folder",
        "`content/panduan/alr.svg` does not exist",
        "did you mean `../panduan/alur.svg`?",
    );
    followed(
        "lead_image",
        "the image \"sosialisas.svg\" does not exist",
        "did you mean `sosialisasi.svg`?",
    );
}

#[test]
fn links_and_anchors() {
    followed(
        "page_link",
        "`content/berita/2024-11-21-bb.md` does not exist",
        "did you mean `@/berita/2024-11-21-b.md`?",
    );
    // The whole destination is marked: the hint keeps its path.
    followed(
        "anchor",
        "has no `#langkah-2`",
        "did you mean `@/berita/2024-11-21-b.md#langkah-1`?",
    );
}

#[test]
fn front_matter_fields_and_values() {
    for (case, problem, hint) in [
        (
            "unknown_field",
            "unknown field `plase`",
            "did you mean `place`?",
        ),
        (
            "date_format",
            "`date` must be YYYY-MM-DD",
            "write `2024-11-22`",
        ),
        (
            "date_time",
            "has a time that is not RFC 3339",
            "write `2024-11-22T09:30:00+07:00`",
        ),
        ("image_focus", "`image_focus` must be", "write `[0.5, 0.3]`"),
        ("yes_no", "`draft`: wrong type", "write `false`"),
        (
            "country_name",
            "\"Taiwan\" in `countries`",
            "did you mean `TW`?",
        ),
        (
            "country_code",
            "\"Malaysia\" in `country_code`",
            "did you mean `MY`?",
        ),
        (
            "alias",
            "the old address \"berita/lama\"",
            "write `/berita/lama`",
        ),
        (
            "slug_escapes",
            "would leave its folder",
            "write `sosialisasi-banten`",
        ),
        (
            "legal_basis_url",
            "is not a web address (URL)",
            "write `https://peraturan.go.id/uu-18-2017`",
        ),
        (
            "section_type",
            "`press-release` is not one of the choices",
            "did you mean `press_release`?",
        ),
        (
            "section_type_of_translation",
            "but `guide` here",
            "write `press_release`",
        ),
    ] {
        followed(case, problem, hint);
    }
}

#[test]
fn text_that_yaml_reads_otherwise_is_shown_quoted() {
    let site = followed(
        "colon_in_title",
        "the text of `title` has a colon followed by a space",
        "write the line as `title: \"Kunjungan Kerja: Menteri ke Malaysia\"`",
    );
    let html = read(&site.path().join("public"), "berita/a/index.html");
    assert!(
        html.contains("Kunjungan Kerja: Menteri ke Malaysia"),
        "{html}"
    );
    // Text holding double quotes goes in single quotes.
    followed(
        "colon_and_quotes_in_title",
        "has a colon followed by a space",
        "write the line as `title: 'Menteri: \"Jalur resmi melindungi\"'`",
    );
    followed(
        "colon_in_list_item",
        "`requirements[0]`: wrong type: found a group of fields",
        "write the line as `  - \"Paspor: berlaku paling sedikit 6 bulan\"`",
    );
    followed(
        "reserved_start_in_title",
        "the text of `title` must be in quotes",
        "write the line as `title: \"@kp2mi menyapa warga Banten\"`",
    );
    followed(
        "quoted_part_in_title",
        "the text of `title` must be in quotes",
        "write the line as `title: '\"Jalur resmi\" kata Menteri'`",
    );
    followed(
        "brackets_in_title",
        "`title`: wrong type: found a list",
        "write the line as `title: \"[Resmi] Sosialisasi di Banten\"`",
    );
    followed(
        "number_in_title",
        "`title`: wrong type: found the number `2024`",
        "write the line as `title: \"2024\"`",
    );
    followed(
        "number_in_list",
        "`tags[1]`: wrong type: found the number `2024`",
        "put the text in quotes: `\"2024\"`",
    );
}

/// Regression: `title: Siaran Pers #12 Kunjungan` was published as "Siaran Pers", silently.
#[test]
fn a_text_cut_at_a_hash_is_a_warning_until_quoted() {
    let site = followed(
        "hash_in_title",
        "`title` stops at ` #`",
        "write the line as `title: \"Siaran Pers #12 Kunjungan\"`",
    );
    let html = read(&site.path().join("public"), "berita/a/index.html");
    assert!(html.contains("Siaran Pers #12 Kunjungan"), "{html}");
    // The commented-out field below the title (as `warta new` writes them) is no warning.
    let site = copy_fixture("hints/hash_in_title");
    let err = stderr(&build(site.path()));
    assert_eq!(err.matches("warning:").count(), 1, "{err}");
    assert!(err.contains(":2:20: `title` stops at ` #`"), "{err}");

    let site = followed(
        "hash_in_list_item",
        "an item of `requirements` stops at ` #`",
        "write the line as `  - \"Formulir #3 yang sudah diisi\"`",
    );
    let html = read(&site.path().join("public"), "panduan/syarat/index.html");
    assert!(html.contains("Formulir #3 yang sudah diisi"), "{html}");
}

#[test]
fn missing_fields_are_added_as_the_hint_writes_them() {
    followed(
        "missing_date",
        "missing required field `date`",
        "add the line `date: 2025-06-01`",
    );
    followed(
        "image_alt_missing",
        "`image` is set but `image_alt` is missing",
        "add the line `image_alt: \"…\"`",
    );
    followed(
        "empty_slug",
        "the file name gives an empty address name (slug)",
        "add the line `slug: pesta-rakyat`",
    );
}

#[test]
fn a_language_suffix_is_renamed_as_the_hint_says() {
    let site = followed(
        "language_suffix",
        "the language suffix `.eng`",
        "rename the file to one of: `2024-11-22-a.en.md` (en), `2024-11-22-a.md` (id)",
    );
    assert!(site.path().join("public/en/berita/a/index.html").exists());
}

#[test]
fn site_yaml() {
    for (case, problem, hint) in [
        (
            "config_key",
            "have no setting `defualt_language`",
            "did you mean `default_language`?",
        ),
        (
            "config_base_url",
            "must be a full address (absolute URL)",
            "write `https://example.go.id`",
        ),
        (
            "config_language_code",
            "`EN` is not a language code",
            "write `en`",
        ),
        (
            "config_text_language",
            "a text in `eN`",
            "did you mean `en`?",
        ),
        (
            "config_alert_date",
            "of an alert (`extra.alerts`)",
            "write `2024-12-01`",
        ),
        (
            "config_variant",
            "`sanitise` is not one of the choices",
            "did you mean `sanitize`?",
        ),
    ] {
        followed(case, problem, hint);
    }
}
