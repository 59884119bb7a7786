//! Tests of [`Block::parse`] as a whole: the strict text fields and the errors they give,
//! placed in the file.

use super::*;

/// Found by the `frontmatter` fuzz target: YAML counted 28 lone `\r` as lines, and the
/// error pointed at line 35 of a 7-line file.
#[test]
fn errors_after_lone_carriage_returns_point_inside_the_file() {
    let text = "---\ntitle: A\ndmengad\r\r\r\r\r\r\r\r\r\r\r\r\r\r\r\r\r\r\r\r\r\r\r\r\r\r\r\rate: .\n---\netc/x\"]\n---\n";
    let file = SourceFile::new("x.md", text.to_string());
    let yaml_end = text.find("\n---\n").map_or(0, |i| i + 1);
    let block = Block {
        file: &file,
        text: &text[4..yaml_end],
        first_line: 2,
    };
    let err = block
        .parse::<std::collections::BTreeMap<String, String>>()
        .expect_err("invalid");
    let p = err.position.clone().expect("a position");
    assert!(
        p.line <= 4,
        "line {} of a 7-line file: {}",
        p.line,
        err.message
    );
    let _ = err.render_human();
}

#[derive(Debug, serde::Deserialize)]
struct Texts {
    #[serde(default, deserialize_with = "text::option")]
    one: Option<String>,
    #[serde(default, deserialize_with = "text::list")]
    many: Vec<String>,
}

fn texts(yaml: &str) -> Result<Texts, Diagnostic> {
    let text = format!("---\n{yaml}\n---\n");
    let file = SourceFile::new("x.md", text.clone());
    Block {
        file: &file,
        text: &text[4..text.len() - 4],
        first_line: 2,
    }
    .parse()
}

#[test]
fn text_fields_keep_what_the_core_schema_calls_text() {
    for (yaml, want) in [
        ("one: Jakarta", "Jakarta"),
        ("one: \"123\"", "123"),
        ("one: '2.5'", "2.5"),
        ("one: \"true\"", "true"),
        ("one: !!str 42", "42"),
        ("one: NO", "NO"),
        ("one: yes", "yes"),
        ("one: off", "off"),
        ("one: 0800-1000", "0800-1000"),
        ("one: +62 21 2924 4800", "+62 21 2924 4800"),
        ("one: 2024-01-01", "2024-01-01"),
        ("one: 007", "007"),
        ("one: 1.2.3", "1.2.3"),
        ("one: >-\n  123", "123"),
    ] {
        let got = texts(yaml).map(|t| t.one);
        assert_eq!(got, Ok(Some(want.to_string())), "{yaml}");
    }
    assert_eq!(texts("one:").map(|t| t.one), Ok(None), "empty means absent");
    assert_eq!(
        texts("one: ~").map(|t| t.one),
        Ok(None),
        "null means absent"
    );
    assert_eq!(
        texts("many: [NO, \"1\", a b]").map(|t| t.many),
        Ok(vec!["NO".into(), "1".into(), "a b".into()])
    );
}

#[test]
fn text_fields_refuse_numbers_booleans_and_null() {
    for (yaml, found, hint) in [
        ("one: 123", "the number `123`", "one: \"123\""),
        ("one: -7", "the number `-7`", "one: \"-7\""),
        ("one: 0x1F", "the number `31`", "one: \"0x1F\""),
        (
            "one: 99999999999999999999999",
            "the number `99999999999999999999999`",
            "one: \"99999999999999999999999\"",
        ),
        ("one: 2.5", "the number `2.5`", "one: \"2.5\""),
        ("one: .inf", "the number `inf`", "one: \".inf\""),
        ("one: true", "the true/false value `true`", "one: \"true\""),
        (
            "one: False # no",
            "the true/false value `false`",
            "one: \"False\" # no",
        ),
        (
            "one: +62215551234",
            "the number `62215551234`",
            "one: \"+62215551234\"",
        ),
    ] {
        let err = texts(yaml).expect_err(yaml);
        assert_eq!(
            err.message,
            format!("`one`: wrong type: found {found}, expected text"),
            "{yaml}"
        );
        assert_eq!(
            err.hint.as_ref().map(ToString::to_string),
            Some(format!(
                "put the text in quotes; write the line as `{hint}`"
            )),
            "{yaml}"
        );
        let p = err.position.expect("a position");
        assert_eq!(
            (p.line, p.column, p.width),
            (2, 6, hint.trim_end_matches(" # no").len() - 7),
            "{yaml}"
        );
    }
    let err = texts("many: [a, 1, true]").expect_err("a number in a list");
    assert_eq!(
        err.message,
        "`many[1]`: wrong type: found the number `1`, expected text"
    );
    assert_eq!(err.hint.as_deref(), Some("put the text in quotes: `\"1\"`"));
    assert_eq!(
        err.position.map(|p| (p.line, p.column, p.width)),
        Some((2, 11, 1))
    );
    let err = texts("many:\n  - a\n  - ~").expect_err("null in a list");
    assert!(
        err.message
            .ends_with("found an empty value (null), expected text"),
        "{}",
        err.message
    );
    assert_eq!(err.position.map(|p| p.line), Some(4));
    assert!(texts("one: [a]").is_err(), "a list is not text");
    assert!(texts("one: {a: b}").is_err(), "a map is not text");
}
