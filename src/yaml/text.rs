//! Strict text fields, for `#[serde(deserialize_with = "…")]`.
//!
//! serde_yaml hands any scalar to a `String` field as the text it was written with, so
//! `title: 123` or `tags: [true]` would slip through although the YAML says number or boolean.
//! These ask for "any" value instead: a plain scalar the YAML 1.2 core schema resolves to a
//! boolean, integer, float or null is refused, and quoted or ordinary text is kept as written.
//! (`NO`, `yes`, `0800-1000`, `+62 21 …`, `2024-11-22` are all text in the core schema.)

use serde::de::{self, Deserialize, Deserializer, Unexpected, Visitor};

/// What the refusal says the field expects; [`super::Block`] recognises it to give a hint.
pub(super) const EXPECTED: &str = "text";

struct Strict(String);

struct TextVisitor;

impl Visitor<'_> for TextVisitor {
    type Value = String;

    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(EXPECTED)
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<String, E> {
        Ok(v.to_owned())
    }

    fn visit_string<E: de::Error>(self, v: String) -> Result<String, E> {
        Ok(v)
    }

    fn visit_i128<E: de::Error>(self, v: i128) -> Result<String, E> {
        Err(E::invalid_type(
            Unexpected::Other(&format!("integer `{v}`")),
            &self,
        ))
    }

    fn visit_u128<E: de::Error>(self, v: u128) -> Result<String, E> {
        Err(E::invalid_type(
            Unexpected::Other(&format!("integer `{v}`")),
            &self,
        ))
    }

    fn visit_unit<E: de::Error>(self) -> Result<String, E> {
        Err(E::invalid_type(Unexpected::Other("null (no value)"), &self))
    }

    fn visit_none<E: de::Error>(self) -> Result<String, E> {
        self.visit_unit()
    }
}

impl<'de> Deserialize<'de> for Strict {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(TextVisitor).map(Strict)
    }
}

/// A required text field.
pub fn string<'de, D: Deserializer<'de>>(d: D) -> Result<String, D::Error> {
    Strict::deserialize(d).map(|s| s.0)
}

/// An optional text field; `null` or an empty value means absent. Pair with
/// `#[serde(default)]`, or a missing field becomes an error.
pub fn option<'de, D: Deserializer<'de>>(d: D) -> Result<Option<String>, D::Error> {
    Ok(Option::<Strict>::deserialize(d)?.map(|s| s.0))
}

/// A list of text; every item must be text.
pub fn list<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<String>, D::Error> {
    Ok(Vec::<Strict>::deserialize(d)?
        .into_iter()
        .map(|s| s.0)
        .collect())
}

/// An optional list of text. Pair with `#[serde(default)]`.
pub fn option_list<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Vec<String>>, D::Error> {
    Ok(
        Option::<Vec<Strict>>::deserialize(d)?
            .map(|items| items.into_iter().map(|s| s.0).collect()),
    )
}
