//! A country page's `emergency` list: the local emergency numbers (police, ambulance, fire),
//! each with its `name` and `number`, checked where each is written into
//! [`EmergencyNumber`]s.
//!
//! A number may be written as YAML reads it, `999` (a number) or `"+60 3-2116 4000"` (text),
//! and is kept as text. It must look like a phone number (digits, spaces, dashes, a leading
//! `+`), because the page turns it into a `tel:` link a reader taps in an emergency.

use std::fmt;

use serde::Deserialize;
use serde::de::{self, Deserializer, Visitor};

use super::validate::Validator;
use crate::content::kinds::EmergencyNumber;
use crate::msg;
use crate::yaml::text;

/// One item of `emergency:` as written.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawEmergency {
    #[serde(default, deserialize_with = "text::option")]
    name: Option<String>,
    #[serde(default)]
    number: Option<Written>,
}

/// A number as written: text, or digits YAML read as an integer (`999`).
#[derive(Debug)]
struct Written(String);

struct WrittenVisitor;

impl Visitor<'_> for WrittenVisitor {
    type Value = Written;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a phone number")
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Written, E> {
        Ok(Written(v.to_string()))
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Written, E> {
        Ok(Written(v.to_string()))
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Written, E> {
        Ok(Written(v.to_owned()))
    }
}

impl<'de> Deserialize<'de> for Written {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(WrittenVisitor)
    }
}

/// Checks every item of `emergency:`; an item missing its name or number, or with a number
/// that is not one, is reported and left out.
pub(super) fn check_emergency(
    v: &mut Validator<'_>,
    raw: Vec<RawEmergency>,
) -> Vec<EmergencyNumber> {
    raw.into_iter()
        .enumerate()
        .filter_map(|(i, e)| check_one(v, i, e))
        .collect()
}

fn check_one(v: &mut Validator<'_>, index: usize, raw: RawEmergency) -> Option<EmergencyNumber> {
    let number = index + 1;
    let name = raw.name.filter(|n| !n.trim().is_empty());
    let written = raw.number.map(|w| w.0).filter(|n| !n.trim().is_empty());
    // A missing field is reported at the item's other field, where the editor adds it.
    let missing = [
        ("name", "number", name.is_none()),
        ("number", "name", written.is_none()),
    ];
    for (field, other, absent) in missing {
        if absent {
            v.error_at(
                v.block.field_position("emergency", index, other),
                msg!("frontmatter-emergency-missing", number, field),
                msg!("frontmatter-emergency-missing-hint"),
            );
        }
    }
    let written = written?;
    if !is_phone_number(&written) {
        v.error_at(
            v.block.field_position("emergency", index, "number"),
            msg!(
                "frontmatter-emergency-number",
                number,
                found = format!("{written:?}")
            ),
            msg!("frontmatter-emergency-number-hint"),
        );
        return None;
    }
    Some(EmergencyNumber {
        name: name?,
        number: written.trim().to_string(),
    })
}

/// Digits, with spaces and dashes between them and at most a leading `+`: `999`, `112`,
/// `+60 3-2116 4000`.
fn is_phone_number(text: &str) -> bool {
    let text = text.trim();
    let rest = text.strip_prefix('+').unwrap_or(text);
    rest.bytes().any(|b| b.is_ascii_digit())
        && rest
            .bytes()
            .all(|b| b.is_ascii_digit() || b == b' ' || b == b'-')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phone_numbers_are_digits_spaces_dashes_and_a_leading_plus() {
        for good in ["999", "112", "+60 3-2116 4000", " 994 "] {
            assert!(is_phone_number(good), "{good}");
        }
        for bad in ["", "+", "call 999", "999/994", "99+9", "(03) 2116", "--"] {
            assert!(!is_phone_number(bad), "{bad}");
        }
    }
}
