//! Front matter as an editor writes it, right and wrong: each error at its line and column.

use super::{FrontMatter, parse_page, parse_section, split};
use crate::content::kinds::{ContentType, TypeFields};
use crate::dates::Date;
use crate::diag::{Diagnostic, Diagnostics};
use crate::source::SourceFile;

fn parse(text: &str, ct: ContentType) -> Result<FrontMatter, Vec<Diagnostic>> {
    let file = SourceFile::new("content/x.md", text.to_string());
    let split = split(&file).map_err(|d| vec![d])?;
    parse_page(&file, &split, ct, Date::today())
        .map(|(fm, _)| fm)
        .map_err(Diagnostics::sorted)
}

#[test]
fn wrong_date_points_at_the_value_and_suggests_the_fix() {
    let err = parse(
        "---\ntitle: A\ndate: 22-11-2024\n---\nbody\n",
        ContentType::PressRelease,
    )
    .err()
    .unwrap_or_default();
    assert_eq!(err.len(), 1);
    let pos = err[0].position.clone().map(|p| (p.line, p.column));
    assert_eq!(pos, Some((3, 7)));
    assert_eq!(err[0].hint.as_deref(), Some("write `2024-11-22`"));
}

#[test]
fn unknown_field_line_counts_from_top_of_file() {
    let err = parse(
        "---\ntitle: A\ndate: 2024-11-22\ncountires: [MY]\n---\n",
        ContentType::PressRelease,
    )
    .err()
    .unwrap_or_default();
    assert_eq!(err[0].message, "unknown field `countires`");
    assert_eq!(err[0].position.as_ref().map(|p| p.line), Some(4));
    assert_eq!(err[0].hint.as_deref(), Some("did you mean `countries`?"));
}

#[test]
fn all_validation_errors_are_reported_together() {
    let err = parse(
        "---\ntitle: A\nimage: x.jpg\ncountries: [XX]\n---\n",
        ContentType::PressRelease,
    )
    .err()
    .unwrap_or_default();
    let codes: Vec<&str> = err.iter().map(|d| d.message.as_str()).collect();
    assert_eq!(err.len(), 3, "{codes:?}");
}

#[test]
fn unclosed_and_missing_front_matter() {
    assert!(parse("---\ntitle: A\nbody\n", ContentType::Page).is_err());
    assert!(parse("# Title\n", ContentType::Page).is_err());
    assert!(parse("---\r\ntitle: A\r\n---\r\nbody\r\n", ContentType::Page).is_ok());
}

#[test]
fn faq_items_need_both_parts_and_nothing_else() {
    let fm = parse(
        "---\ntitle: A\nupdated: 2025-01-01\nfaq:\n  - q: Gratis?\n    a: Ya.\n---\n",
        ContentType::Guide,
    )
    .ok();
    assert_eq!(fm.map(|f| f.faq.len()), Some(1));
    let err = parse(
        "---\ntitle: A\nupdated: 2025-01-01\nfaq:\n  - q: Gratis?\n---\n",
        ContentType::Guide,
    )
    .err()
    .unwrap_or_default();
    assert_eq!(err.len(), 1, "{err:?}");
    assert!(
        err[0].message.contains("missing required field `a`"),
        "{err:?}"
    );
    assert_eq!(
        err[0].position.as_ref().map(|p| (p.line, p.column)),
        Some((5, 5))
    );
    let err = parse(
        "---\ntitle: A\nfaq:\n  - q: Gratis?\n    a: Ya.\n    answer: Ya.\n---\n",
        ContentType::Page,
    )
    .err()
    .unwrap_or_default();
    assert_eq!(err.len(), 1, "{err:?}");
    assert_eq!(err[0].position.as_ref().map(|p| p.line), Some(6));
    let err = parse(
        "---\ntitle: A\nfaq:\n  - q: \"\"\n    a: Ya.\n---\n",
        ContentType::Page,
    )
    .err()
    .unwrap_or_default();
    assert!(err[0].message.contains("empty `q`"), "{err:?}");
    // Press releases have no FAQ.
    assert!(
        parse(
            "---\ntitle: A\ndate: 2025-01-01\nfaq: []\n---\n",
            ContentType::PressRelease
        )
        .is_err()
    );
}

#[test]
fn text_fields_refuse_plain_numbers_and_booleans() {
    for (yaml, ct, key, line) in [
        ("title: 123", ContentType::Page, "title", 2),
        ("title: A\nslug: 2024", ContentType::Page, "slug", 3),
        (
            "title: A\ndescription: true",
            ContentType::Page,
            "description",
            3,
        ),
        (
            "title: A\ntags: [banten, 2.5]",
            ContentType::Page,
            "tags[1]",
            3,
        ),
        (
            "title: A\nimage: a.jpg\nimage_alt: 1",
            ContentType::Page,
            "image_alt",
            4,
        ),
        (
            "title: A\ndate: 2024-11-22\nplace: 12",
            ContentType::PressRelease,
            "place",
            4,
        ),
        (
            "title: A\nupdated: 2024-11-22\nduration: 14",
            ContentType::Guide,
            "duration",
            4,
        ),
        (
            "title: A\nupdated: 2024-11-22\nfaq:\n  - q: Berapa?\n    a: 0",
            ContentType::Guide,
            "faq[0].a",
            6,
        ),
        (
            "title: A\ncountry_code: MY\nsectors:\n  - false",
            ContentType::Country,
            "sectors[0]",
            5,
        ),
        (
            "title: A\ncountry_code: MY\ncontacts:\n  - name: KBRI\n    phone: 112",
            ContentType::Country,
            "contacts[0].phone",
            6,
        ),
    ] {
        let err = parse(&format!("---\n{yaml}\n---\n"), ct)
            .err()
            .unwrap_or_default();
        assert_eq!(err.len(), 1, "{yaml}: {err:?}");
        assert!(
            err[0]
                .message
                .starts_with(&format!("`{key}`: wrong type: found ")),
            "{yaml}: {}",
            err[0].message
        );
        assert_eq!(
            err[0].position.as_ref().map(|p| p.line),
            Some(line),
            "{yaml}"
        );
        assert!(
            err[0]
                .hint
                .as_deref()
                .is_some_and(|h| h.starts_with("put the text in quotes")),
            "{yaml}: {:?}",
            err[0].hint
        );
    }
    let err = parse("---\ntitle: 123\n---\n", ContentType::Page)
        .err()
        .unwrap_or_default();
    assert_eq!(
        err[0].hint.as_deref(),
        Some("put the text in quotes; write the line as `title: \"123\"`")
    );
}

#[test]
fn text_fields_accept_quoted_and_ordinary_text() {
    let fm = parse(
        "---\ntitle: \"123\"\nslug: '2024'\ntags: [\"1\", NO, banten]\ncountry_code: NO\n\
         contacts:\n  - name: KBRI Oslo\n    phone: +47 22 44 11 21\n    hours: 08.00-16.00\n---\n",
        ContentType::Country,
    );
    let fm = match fm {
        Ok(fm) => fm,
        Err(e) => panic!("{e:?}"),
    };
    assert_eq!(fm.title, "123");
    assert_eq!(fm.slug.as_deref(), Some("2024"));
    assert_eq!(fm.tags, ["1", "NO", "banten"]);
    let TypeFields::Country(c) = fm.fields else {
        panic!("a country")
    };
    assert_eq!(c.country_code, "NO");
    assert_eq!(c.contacts[0].phone.as_deref(), Some("+47 22 44 11 21"));
    assert_eq!(c.contacts[0].hours.as_deref(), Some("08.00-16.00"));
    assert!(c.contacts[0].email.is_none());
    // Numbers stay numbers where a number is asked for.
    assert!(
        parse(
            "---\ntitle: A\nimage: a.jpg\nimage_alt: A\nimage_focus: [0.5, 1]\n---\n",
            ContentType::Page
        )
        .is_ok()
    );
}

#[test]
fn section_text_fields_are_strict_too() {
    let file = SourceFile::new(
        "content/berita/_index.md",
        "---\ntitle: Berita\nslug: 7\n---\n".into(),
    );
    let err = split(&file)
        .map_err(|d| vec![d])
        .and_then(|s| parse_section(&file, &s).map_err(Diagnostics::sorted))
        .err()
        .unwrap_or_default();
    assert_eq!(
        err.first()
            .and_then(|e| e.position.as_ref())
            .map(|p| (p.line, p.column)),
        Some((3, 7))
    );
    let file = SourceFile::new(
        "content/berita/_index.md",
        "---\ntitle: \"2024\"\n---\n".into(),
    );
    let meta = split(&file)
        .ok()
        .and_then(|s| parse_section(&file, &s).ok());
    assert_eq!(meta.map(|m| m.title).as_deref(), Some("2024"));
}

#[test]
fn country_code_is_validated_and_uppercased() {
    let fm = parse(
        "---\ntitle: Malaysia\ncountry_code: my\n---\n",
        ContentType::Country,
    )
    .ok();
    let code = fm.and_then(|fm| match fm.fields {
        TypeFields::Country(c) => Some(c.country_code),
        _ => None,
    });
    assert_eq!(code.as_deref(), Some("MY"));
    assert!(
        parse(
            "---\ntitle: X\ncountry_code: ZZ\n---\n",
            ContentType::Country
        )
        .is_err()
    );
}

fn warnings(text: &str, ct: ContentType) -> Vec<(usize, usize, String)> {
    let file = SourceFile::new("content/x.md", text.to_string());
    let Ok(split) = split(&file) else {
        return Vec::new();
    };
    let found = match parse_page(&file, &split, ct, Date::today()) {
        Ok((_, w)) => w,
        Err(ds) => ds.into_iter().filter(|d| !d.is_error()).collect(),
    };
    found
        .into_iter()
        .map(|d| {
            let p = d
                .position
                .clone()
                .unwrap_or_else(|| file.position_at_line(1, 1, 1));
            (
                p.line,
                p.column,
                d.hint.map(|h| h.to_string()).unwrap_or_default(),
            )
        })
        .collect()
}

/// Regression: `title: Siaran Pers #12 Kunjungan` became "Siaran Pers" without a word.
#[test]
fn text_cut_at_a_hash_is_a_warning_with_the_quoted_line() {
    let w = warnings(
        "---\ntitle: Siaran Pers #12 Kunjungan\ndate: 2024-11-22\n---\n",
        ContentType::PressRelease,
    );
    assert_eq!(
        w,
        [(
            2,
            20,
            "to keep the whole text, write the line as `title: \"Siaran Pers #12 Kunjungan\"`"
                .to_string()
        )]
    );
    let w = warnings(
        "---\ntitle: A\nupdated: 2024-11-22\nrequirements:\n  - KTP\n  - Formulir #3\n\
         faq:\n  - q: Nomor #1?\n    a: Ya\n---\n",
        ContentType::Guide,
    );
    let at: Vec<(usize, usize)> = w.iter().map(|(l, c, _)| (*l, *c)).collect();
    assert_eq!(at, [(6, 14), (8, 14)], "{w:?}");
    assert!(w[0].2.ends_with("`  - \"Formulir #3\"`"), "{w:?}");
}

#[test]
fn genuine_comments_are_no_warning() {
    let w = warnings(
        "---\ntitle: \"Siaran Pers #12\"\ndescription: Nomor#12 tanpa spasi\n\
         date: 2024-11-22 # tanggal terbit\ndraft: true # belum selesai\n\
         # place: Serang, Banten\nsource: # nanti\ncountries: [MY] # Malaysia\n\
         tags:\n  # - banten\n  - banten\n---\n",
        ContentType::PressRelease,
    );
    assert_eq!(w, [], "{w:?}");
    let w = warnings(
        "---\ntitle: A\ndescription: |\n  Baris pertama\n  title: nomor #2 tetap teks\n---\n",
        ContentType::Page,
    );
    assert_eq!(w, [], "a block of text keeps its `#`: {w:?}");
}

/// A field written with a wrong value is reported once: not also as missing.
#[test]
fn a_refused_required_field_is_not_also_missing() {
    let err = parse(
        "---\ntitle: [A]\ndate: 2024-11-22\nimage: a.jpg\nimage_alt: 7\n---\n",
        ContentType::PressRelease,
    )
    .err()
    .unwrap_or_default();
    let messages: Vec<&str> = err.iter().map(|d| d.message.as_str()).collect();
    assert_eq!(err.len(), 2, "{messages:?}");
    assert!(
        messages.iter().all(|m| !m.contains("missing")),
        "{messages:?}"
    );
}
