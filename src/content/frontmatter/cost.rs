//! A guide's `cost` list: each item's `amount` or `max` (a whole number, 0 or more), its
//! `currency` (an ISO 4217 code, `IDR` when left out) and its `note`, checked where each value
//! is written, into [`Cost`]s.
//!
//! YAML reads `1.500.000` as text and `1.500` as the number 1.5, so an amount is first taken as
//! written ([`Written`]) and judged here, where the error can say what to write instead. How an
//! amount is shown per language is `render`'s concern.

use std::fmt;

use serde::Deserialize;
use serde::de::{self, Deserializer, Visitor};

use super::validate::Validator;
use crate::content::kinds::{Cost, Price};
use crate::currencies;
use crate::i18n::Message;
use crate::msg;
use crate::yaml::text;

/// The currency of an amount written without one.
pub const DEFAULT_CURRENCY: &str = "IDR";

/// One item of `cost:` as written, before its amount and currency are checked.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawCost {
    #[serde(deserialize_with = "text::string")]
    item: String,
    #[serde(deserialize_with = "text::string")]
    payer: String,
    #[serde(default)]
    amount: Option<Written>,
    #[serde(default)]
    max: Option<Written>,
    #[serde(default, deserialize_with = "text::option")]
    currency: Option<String>,
    #[serde(default, deserialize_with = "text::option")]
    note: Option<String>,
}

/// An amount as YAML read it: a whole number, a number with a fraction, or text.
#[derive(Debug, Clone, PartialEq)]
enum Written {
    Whole(i128),
    Fraction(f64),
    Text(String),
}

struct WrittenVisitor;

impl Visitor<'_> for WrittenVisitor {
    type Value = Written;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an integer")
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Written, E> {
        Ok(Written::Whole(v.into()))
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Written, E> {
        Ok(Written::Whole(v.into()))
    }

    fn visit_i128<E: de::Error>(self, v: i128) -> Result<Written, E> {
        Ok(Written::Whole(v))
    }

    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Written, E> {
        Ok(Written::Fraction(v))
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Written, E> {
        Ok(Written::Text(v.to_owned()))
    }
}

impl<'de> Deserialize<'de> for Written {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(WrittenVisitor)
    }
}

/// Checks every item of a guide's `cost` list; what cannot be read is reported and left
/// without a price.
pub(super) fn check_costs(v: &mut Validator<'_>, raw: Vec<RawCost>) -> Vec<Cost> {
    raw.into_iter()
        .enumerate()
        .map(|(i, c)| check_cost(v, i, c))
        .collect()
}

fn check_cost(v: &mut Validator<'_>, index: usize, raw: RawCost) -> Cost {
    let number = index + 1;
    let amount = raw
        .amount
        .as_ref()
        .and_then(|w| whole(v, index, "amount", w));
    let max = raw.max.as_ref().and_then(|w| whole(v, index, "max", w));
    if raw.amount.is_some() && raw.max.is_some() {
        v.error_at(
            v.block.field_position("cost", index, "max"),
            msg!("frontmatter-cost-amount-and-max", number),
            msg!("frontmatter-cost-amount-and-max-hint"),
        );
    }
    let currency = match raw.currency.as_deref() {
        None => DEFAULT_CURRENCY,
        Some(written) => currency(v, index, written).unwrap_or(DEFAULT_CURRENCY),
    };
    let price = match (amount, max) {
        (Some(amount), None) => Some(Price {
            amount,
            up_to: false,
            currency,
        }),
        (None, Some(amount)) => Some(Price {
            amount,
            up_to: true,
            currency,
        }),
        _ => None,
    };
    Cost {
        item: raw.item,
        payer: raw.payer,
        price,
        note: raw.note.filter(|n| !n.trim().is_empty()),
    }
}

/// `field`'s value as a whole number of 0 or more, else an error at it saying what to write.
fn whole(v: &mut Validator<'_>, index: usize, field: &str, written: &Written) -> Option<u64> {
    let position = v.block.field_position("cost", index, field);
    let as_written = position
        .as_ref()
        .map(|p| value_text(&p.source_line, p.column, p.width))
        .unwrap_or_default();
    let (message, hint) = match written {
        Written::Whole(n) if *n >= 0 => match u64::try_from(*n) {
            Ok(n) => return Some(n),
            Err(_) => (
                msg!(
                    "frontmatter-cost-amount-too-large",
                    field,
                    number = index + 1
                ),
                msg!("frontmatter-cost-amount-hint", field),
            ),
        },
        Written::Whole(n) => (
            msg!(
                "frontmatter-cost-amount-negative",
                field,
                number = index + 1,
                found = n.to_string()
            ),
            msg!("frontmatter-write", text = n.unsigned_abs().to_string()),
        ),
        Written::Fraction(_) | Written::Text(_) => (
            msg!(
                "frontmatter-cost-amount-not-whole",
                field,
                number = index + 1,
                found = as_written.clone()
            ),
            match free_word(&as_written).or_else(|| digits_of(&as_written)) {
                Some(digits) => msg!("frontmatter-cost-amount-digits-hint", text = digits),
                None => msg!("frontmatter-cost-amount-hint", field),
            },
        ),
    };
    v.error_at(position, message, hint);
    None
}

/// `0` for a word that means nothing to pay (`gratis`, `free`, `tidak dipungut biaya`).
fn free_word(written: &str) -> Option<String> {
    let lower = written.trim().to_lowercase();
    [
        "gratis",
        "free",
        "nol",
        "tidak dipungut biaya",
        "bebas biaya",
    ]
    .contains(&lower.as_str())
    .then(|| "0".to_string())
}

/// The value as written at `column` (1-based, `width` characters) of `line`.
fn value_text(line: &str, column: usize, width: usize) -> String {
    line.chars()
        .skip(column.saturating_sub(1))
        .take(width)
        .collect::<String>()
        .trim_matches(['"', '\''])
        .to_string()
}

/// The whole number meant by an amount written with a currency or digit grouping
/// (`Rp1.500.000`, `1,500,000`, `RM 200`, `1.500`): its digits, when every group after the
/// first has three. `None` when it has a fraction (`1.5`, `12,50`) or no digits.
fn digits_of(written: &str) -> Option<String> {
    let number = written
        .trim()
        .trim_start_matches(|c: char| !c.is_ascii_digit() && c != '-')
        .trim_end_matches(|c: char| !c.is_ascii_digit());
    let number = number.strip_prefix('-').unwrap_or(number);
    if number.is_empty()
        || !number
            .chars()
            .all(|c| c.is_ascii_digit() || ".,  \u{a0}".contains(c))
    {
        return None;
    }
    let groups: Vec<&str> = number.split(['.', ',', ' ', '\u{a0}']).collect();
    let grouped = groups.len() > 1
        && (1..=3).contains(&groups[0].len())
        && groups[1..].iter().all(|g| g.len() == 3);
    (groups.len() == 1 || grouped).then(|| groups.concat())
}

/// `written` as the code of a currency in use, else an error at it with the code meant.
fn currency(v: &mut Validator<'_>, index: usize, written: &str) -> Option<&'static str> {
    if let Some(code) = currencies::valid(written) {
        return Some(code);
    }
    let hint: Message = match currencies::suggest(written) {
        Some(code) => msg!("frontmatter-write", text = code),
        None => msg!("frontmatter-cost-currency-hint"),
    };
    v.error_at(
        v.block.field_position("cost", index, "currency"),
        msg!(
            "frontmatter-cost-currency",
            number = index + 1,
            found = format!("{written:?}")
        ),
        hint,
    );
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::frontmatter::{parse_page, split};
    use crate::content::kinds::{ContentType, TypeFields};
    use crate::dates::Date;
    use crate::diag::Diagnostics;
    use crate::source::SourceFile;

    /// A guide whose `cost:` list is `items` (lines from line 4 of the file).
    fn guide(items: &str) -> String {
        format!("---\ntitle: Biaya\nupdated: 2026-11-01\ncost:\n{items}---\nIsi.\n")
    }

    fn costs(items: &str) -> Vec<Cost> {
        let text = guide(items);
        let file = SourceFile::new("content/panduan/biaya.md", text);
        let Ok(split) = split(&file) else {
            panic!("no front matter")
        };
        match parse_page(&file, &split, ContentType::Guide, Date::today()) {
            Ok((fm, _)) => match fm.fields {
                TypeFields::Guide(g) => g.cost,
                _ => panic!("not a guide"),
            },
            Err(d) => panic!("{:?}", Diagnostics::sorted(d)),
        }
    }

    /// Each error as (line, column, message, hint).
    fn errors(items: &str) -> Vec<(usize, usize, String, String)> {
        let text = guide(items);
        let file = SourceFile::new("content/panduan/biaya.md", text);
        let Ok(split) = split(&file) else {
            panic!("no front matter")
        };
        match parse_page(&file, &split, ContentType::Guide, Date::today()) {
            Ok(_) => Vec::new(),
            Err(d) => Diagnostics::sorted(d)
                .into_iter()
                .map(|d| {
                    let (line, col) = d.position.map_or((0, 0), |p| (p.line, p.column));
                    (
                        line,
                        col,
                        d.message.to_string(),
                        d.hint.map(|h| h.to_string()).unwrap_or_default(),
                    )
                })
                .collect(),
        }
    }

    fn price(amount: u64, up_to: bool, currency: &'static str) -> Option<Price> {
        Some(Price {
            amount,
            up_to,
            currency,
        })
    }

    #[test]
    fn amounts_maxima_currencies_and_notes_are_read() {
        let got = costs(
            "  - item: Paspor\n    payer: Pekerja\n    amount: 350000\n\
             \x20 - { item: Cek kesehatan, payer: Pekerja, max: 1500000, note: perkiraan }\n\
             \x20 - item: Levi\n    payer: Majikan\n    amount: 410\n    currency: MYR\n\
             \x20 - item: Penempatan\n    payer: Bukan pekerja\n    amount: 0\n\
             \x20 - item: Transportasi\n    payer: Pekerja\n    note: tergantung jarak\n",
        );
        let prices: Vec<Option<Price>> = got.iter().map(|c| c.price).collect();
        assert_eq!(
            prices,
            [
                price(350_000, false, "IDR"),
                price(1_500_000, true, "IDR"),
                price(410, false, "MYR"),
                price(0, false, "IDR"),
                None,
            ]
        );
        assert_eq!(got[1].note.as_deref(), Some("perkiraan"));
        assert_eq!(
            got[4].note.as_deref(),
            Some("tergantung jarak"),
            "a note alone is fine"
        );
        assert_eq!(got[0].note, None);
    }

    #[test]
    fn a_negative_amount_points_at_it_and_drops_the_sign() {
        let e = errors("  - item: Paspor\n    payer: Pekerja\n    amount: -350000\n");
        assert_eq!(e.len(), 1, "{e:?}");
        assert_eq!((e[0].0, e[0].1), (7, 13));
        assert_eq!(
            e[0].2,
            "`amount` of cost 1 is -350000: an amount cannot be below zero"
        );
        assert_eq!(e[0].3, "write `350000`");
    }

    #[test]
    fn grouped_or_fractional_amounts_say_which_digits_to_write() {
        let e = errors(
            "  - { item: A, payer: B, amount: 1.500 }\n\
             \x20 - item: C\n    payer: D\n    max: Rp1.500.000\n\
             \x20 - item: E\n    payer: F\n    amount: 12.5\n",
        );
        assert_eq!(e.len(), 3, "{e:?}");
        assert_eq!((e[0].0, e[0].1), (5, 34));
        assert!(e[0].2.contains("`1.500`"), "{e:?}");
        assert!(e[0].3.contains("`1500`"), "{e:?}");
        assert_eq!((e[1].0, e[1].1), (8, 10));
        assert!(e[1].3.contains("`1500000`"), "{e:?}");
        assert_eq!(e[2].0, 11);
        assert!(e[2].3.contains("digits only"), "no digits to guess: {e:?}");
        let e = errors("  - item: A\n    payer: B\n    amount: gratis\n");
        assert!(e[0].3.starts_with("write `0`"), "free is 0: {e:?}");
    }

    #[test]
    fn amount_and_max_together_is_an_error_at_max() {
        let e = errors("  - item: A\n    payer: B\n    amount: 5\n    max: 10\n");
        assert_eq!(e.len(), 1, "{e:?}");
        assert_eq!((e[0].0, e[0].1), (8, 10));
        assert_eq!(e[0].2, "cost 1 has both `amount` and `max`");
        assert!(e[0].3.contains("delete the other"), "{e:?}");
    }

    #[test]
    fn an_unknown_currency_suggests_the_code_meant() {
        for (written, hint) in [
            ("RM", "write `MYR`"),
            ("Rp", "write `IDR`"),
            ("rupiah", "write `IDR`"),
            ("ringgit", "write `MYR`"),
            ("myr", "write `MYR`"),
        ] {
            let items =
                format!("  - item: A\n    payer: B\n    amount: 5\n    currency: {written}\n");
            let e = errors(&items);
            assert_eq!(e.len(), 1, "{written}: {e:?}");
            assert_eq!((e[0].0, e[0].1), (8, 15), "{written}");
            assert_eq!(
                e[0].2,
                format!("`currency` of cost 1 is \"{written}\", not a currency code (ISO 4217)")
            );
            assert_eq!(e[0].3, hint, "{written}");
        }
        let e = errors("  - item: A\n    payer: B\n    currency: uang saku\n");
        assert!(e[0].3.contains("three-letter code"), "{e:?}");
    }

    #[test]
    fn an_amount_that_is_not_a_number_is_a_wrong_type() {
        let e = errors("  - item: A\n    payer: B\n    amount: true\n");
        assert_eq!(e.len(), 1, "{e:?}");
        assert_eq!(e[0].0, 7);
        assert!(e[0].2.contains("whole number"), "{e:?}");
    }

    #[test]
    fn grouped_amounts_give_their_digits() {
        for (written, digits) in [
            ("1.500.000", Some("1500000")),
            ("Rp1.500.000", Some("1500000")),
            ("Rp 1.500.000,-", Some("1500000")),
            ("1,500,000", Some("1500000")),
            ("RM 200", Some("200")),
            ("1.500", Some("1500")),
            ("-350000", Some("350000")),
            ("1.5", None),
            ("12,50", None),
            ("gratis", None),
            ("1.500.00", None),
        ] {
            assert_eq!(digits_of(written).as_deref(), digits, "{written}");
        }
    }
}
