//! serde_yaml's error message taken apart ([`Problem`]) and said again in plain words, with
//! a hint an editor can act on. Its words are English and technical; these go through the
//! message catalogue.

use super::text;
use crate::diag::did_you_mean;
use crate::i18n::Message;
use crate::msg;

/// `true` or `false` for a yes or a no written as a word (`ya`, `tidak`, `yes`, `no`), from
/// serde's "string \"ya\"".
fn yes_or_no(found: &str) -> Option<&'static str> {
    let word = found
        .strip_prefix("string ")?
        .trim_matches('"')
        .trim()
        .to_lowercase();
    match word.as_str() {
        "ya" | "iya" | "yes" | "y" | "benar" | "betul" | "on" | "true" => Some("true"),
        "tidak" | "tdk" | "bukan" | "no" | "n" | "salah" | "off" | "false" => Some("false"),
        _ => None,
    }
}

/// serde_yaml's message, sorted out: where inside the block, and what is wrong.
pub(super) struct Explained {
    /// The place of the value inside the block when serde names one (`faq[0].a`).
    pub(super) path: Option<String>,
    pub(super) problem: Problem,
}

/// What serde_yaml's message says, taken apart (its words are English and technical).
#[derive(Debug, PartialEq, Eq)]
pub(super) enum Problem {
    UnknownField {
        field: String,
        allowed: Vec<String>,
    },
    MissingField(String),
    /// serde's words for the value found (`string "ya"`, ``integer `1` ``, `map`) and for
    /// the one expected (`a boolean`, `a sequence`, [`text::EXPECTED`]).
    WrongType {
        found: String,
        expected: String,
    },
    DuplicateField(String),
    /// The parser's text about a key written twice in a mapping.
    DuplicateKey(String),
    UnknownVariant {
        variant: String,
        choices: Vec<String>,
    },
    /// Anchors and aliases (`&a`, `*a`) that expand to too much.
    TooMuchRepetition,
    /// Values nested beyond the parser's limit.
    TooDeep,
    /// Anything else the parser says, as it says it.
    Syntax(String),
}

/// The parts of `text` between backticks: `` `a`, `b` `` gives `a`, `b`.
fn backticked(text: &str) -> Vec<String> {
    text.split('`')
        .enumerate()
        .filter(|(i, _)| i % 2 == 1)
        .map(|(_, s)| s.to_string())
        .collect()
}

/// Takes serde_yaml's message apart.
pub(super) fn explain(message: &str) -> Explained {
    // Errors inside nested values come as `path.to.key: message`.
    if let Some((path, rest)) = message.split_once(": ")
        && !path.contains(' ')
        && !rest.is_empty()
    {
        return Explained {
            path: Some(path.to_string()),
            problem: problem(rest),
        };
    }
    Explained {
        path: None,
        problem: problem(message),
    }
}

fn problem(message: &str) -> Problem {
    if let Some(rest) = message.strip_prefix("unknown field `") {
        let (field, tail) = rest.split_once('`').unwrap_or((rest, ""));
        return Problem::UnknownField {
            field: field.to_string(),
            allowed: backticked(tail),
        };
    }
    if let Some(rest) = message.strip_prefix("missing field `") {
        let field = rest.split('`').next().unwrap_or(rest);
        return Problem::MissingField(field.to_string());
    }
    if let Some(rest) = message.strip_prefix("duplicate field `") {
        let field = rest.split('`').next().unwrap_or(rest);
        return Problem::DuplicateField(field.to_string());
    }
    if let Some(rest) = message.strip_prefix("invalid type: ") {
        let (found, expected) = rest
            .split_once(", expected ")
            .unwrap_or((rest, "another type"));
        return Problem::WrongType {
            found: found.to_string(),
            expected: expected.to_string(),
        };
    }
    if message.contains("duplicate entry") || message.contains("duplicate key") {
        return Problem::DuplicateKey(message.to_string());
    }
    if let Some(rest) = message.strip_prefix("unknown variant `") {
        let (variant, tail) = rest.split_once('`').unwrap_or((rest, ""));
        // serde says "expected one of `a`, `b`" or, for a single choice, "expected `a`".
        return Problem::UnknownVariant {
            variant: variant.to_string(),
            choices: backticked(tail),
        };
    }
    if message.contains("repetition limit exceeded") {
        return Problem::TooMuchRepetition;
    }
    if message.contains("recursion limit exceeded") {
        return Problem::TooDeep;
    }
    Problem::Syntax(message.to_string())
}

impl Problem {
    /// The problem in plain words, and a hint an editor can act on.
    pub(super) fn words(&self) -> (Message, Message) {
        match self {
            Problem::UnknownField { field, allowed } => unknown_field(field, allowed),
            Problem::MissingField(field) => (
                msg!("yaml-missing-field", field),
                msg!("yaml-missing-field-hint", field),
            ),
            Problem::WrongType { found, expected } => wrong_type(found, expected),
            Problem::DuplicateField(key) => {
                (msg!("yaml-given-twice", key), msg!("yaml-given-twice-hint"))
            }
            Problem::DuplicateKey(detail) => (
                msg!("yaml-duplicate-key", detail),
                msg!("yaml-duplicate-key-hint"),
            ),
            Problem::UnknownVariant { variant, choices } => unknown_choice(variant, choices),
            Problem::TooMuchRepetition => (
                msg!("yaml-too-much-repetition"),
                msg!("yaml-too-much-repetition-hint"),
            ),
            Problem::TooDeep => (msg!("yaml-nested-too-deeply"), msg!("yaml-nesting-hint")),
            Problem::Syntax(detail) => (msg!("yaml-invalid", detail), syntax_hint(detail)),
        }
    }
}

/// A key the value does not have, with the nearest one it has (or all of them).
fn unknown_field(field: &str, allowed: &[String]) -> (Message, Message) {
    let hint = match did_you_mean(field, allowed.iter().map(String::as_str)) {
        Some(near) => msg!("yaml-did-you-mean", near),
        None if allowed.is_empty() => msg!("yaml-remove-field"),
        None => msg!("yaml-fields-allowed", allowed = allowed.join(", ")),
    };
    (msg!("yaml-unknown-field", field), hint)
}

/// A value of the wrong kind, with how to write the kind expected.
fn wrong_type(found: &str, expected: &str) -> (Message, Message) {
    let hint = match expected {
        e if e.contains("sequence") => msg!("yaml-write-list"),
        e if e.contains("string") => msg!("yaml-write-text"),
        e if e.contains("bool") => match yes_or_no(found) {
            Some(word) => msg!("yaml-write", text = word),
            None => msg!("yaml-write-true-or-false"),
        },
        e if e.contains("map") || e.contains("struct") => msg!("yaml-write-fields"),
        e => msg!("yaml-write-expected").arg_message("expected", expected_words(e)),
    };
    let message = msg!("yaml-wrong-type")
        .arg_message("found", found_words(found))
        .arg_message("expected", expected_words(expected));
    (message, hint)
}

/// A choice that is not one of `choices`, with the one meant when it is only spelt otherwise
/// (`Siaran Pers` for `siaran_pers`) or nearly the same.
fn unknown_choice(variant: &str, choices: &[String]) -> (Message, Message) {
    let listed = choices
        .iter()
        .map(|c| format!("`{c}`"))
        .collect::<Vec<_>>()
        .join(", ");
    let wanted = variant.trim().to_lowercase().replace([' ', '-'], "_");
    let near = choices
        .iter()
        .map(String::as_str)
        .find(|c| c.replace('-', "_") == wanted)
        .or_else(|| did_you_mean(&wanted, choices.iter().map(String::as_str)));
    let hint = match near {
        Some(near) => msg!("yaml-did-you-mean-choice", near, choices = listed),
        None => msg!("yaml-write-one-of", choices = listed),
    };
    (msg!("yaml-unknown-choice", value = variant), hint)
}

/// The hint for what the parser says: a list or a group not closed, a character YAML reserves.
fn syntax_hint(detail: &str) -> Message {
    if detail.contains("expected ',' or ']'") {
        msg!("yaml-unclosed-list-hint")
    } else if detail.contains("expected ',' or '}'") {
        msg!("yaml-unclosed-group-hint")
    } else if detail.contains("found character that cannot start any token") {
        msg!("yaml-bad-start-hint")
    } else {
        msg!("yaml-invalid-hint")
    }
}

/// `problem`, said of the value at `path` inside the block (`` `faq[0].a`: … ``) if any.
pub(super) fn at_path(path: Option<&str>, problem: Message) -> Message {
    match path {
        Some(path) => msg!("yaml-at-path", path).arg_message("problem", problem),
        None => problem,
    }
}

/// serde's words for a value found (`string "ya"`, ``integer `1` ``, `sequence`), plainly.
fn found_words(found: &str) -> Message {
    if let Some(value) = found.strip_prefix("string ") {
        return msg!("yaml-found-text", value);
    }
    if let Some(value) = found
        .strip_prefix("integer ")
        .or_else(|| found.strip_prefix("floating point "))
    {
        return msg!("yaml-found-number", value);
    }
    if let Some(value) = found.strip_prefix("boolean ") {
        return msg!("yaml-found-true-false", value);
    }
    match found {
        "map" => msg!("yaml-found-group"),
        "sequence" => msg!("yaml-found-list"),
        f if f.starts_with("null") || f == "unit value" || f == "Option value" => {
            msg!("yaml-found-nothing")
        }
        other => msg!("yaml-found-other", what = other),
    }
}

/// serde's words for the kind of value expected (`a boolean`, `struct Link`), plainly.
fn expected_words(expected: &str) -> Message {
    match expected {
        text::EXPECTED | "a string" | "a character" => msg!("yaml-expected-text"),
        "a boolean" => msg!("yaml-expected-true-false"),
        e if e.contains("sequence") => msg!("yaml-expected-list"),
        e if e.starts_with("struct ") || e.contains("map") => msg!("yaml-expected-group"),
        "f64" | "f32" | "a float" => msg!("yaml-expected-number"),
        e if e.starts_with(['i', 'u']) && e[1..].chars().all(|c| c.is_ascii_digit()) => {
            msg!("yaml-expected-whole-number")
        }
        "an integer" | "usize" | "isize" => msg!("yaml-expected-whole-number"),
        e if e.starts_with("enum ") || e.contains("variant") => msg!("yaml-expected-choice"),
        other => msg!("yaml-expected-other", what = other),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unknown_field_suggests_nearest() {
        let (m, h) = explain("unknown field `titel`, expected one of `title`, `date`")
            .problem
            .words();
        assert_eq!(m, "unknown field `titel`");
        assert_eq!(h, "did you mean `title`?");
    }
}
