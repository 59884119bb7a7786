//! Currency codes (ISO 4217 alphabetic, from the `iso_currency` crate) for the amounts of a
//! guide's costs, and the code an editor meant when they wrote a symbol or a name instead
//! (`Rp`, `RM`, `rupiah`, `ringgit`, `myr`).
//!
//! Only the codes of money are accepted: fund codes (`BOV`), special ones (`XAU` for gold,
//! `XXX`, `XTS`) and superseded ones (`HRK`) are refused, the latter with their successor as
//! the hint. How an amount is written per language is `render`'s concern, not this module's.

use iso_currency::{Currency, IntoEnumIterator};

use crate::diag::did_you_mean;

/// Symbols and names editors write for the currencies of KP2MI's destinations, lower case:
/// (written, code).
const ALIASES: &[(&str, &str)] = &[
    ("rp", "IDR"),
    ("rp.", "IDR"),
    ("rupiah", "IDR"),
    ("rm", "MYR"),
    ("ringgit", "MYR"),
    ("s$", "SGD"),
    ("sg$", "SGD"),
    ("dolar singapura", "SGD"),
    ("singapore dollar", "SGD"),
    ("hk$", "HKD"),
    ("dolar hong kong", "HKD"),
    ("hong kong dollar", "HKD"),
    ("nt$", "TWD"),
    ("ntd", "TWD"),
    ("dolar taiwan", "TWD"),
    ("taiwan dollar", "TWD"),
    ("won", "KRW"),
    ("₩", "KRW"),
    ("yen", "JPY"),
    ("¥", "JPY"),
    ("riyal", "SAR"),
    ("sr", "SAR"),
    ("us$", "USD"),
    ("$", "USD"),
    ("dolar", "USD"),
    ("dollar", "USD"),
    ("dolar as", "USD"),
    ("euro", "EUR"),
    ("€", "EUR"),
];

/// The currency of `code`, when it is the upper-case code of a currency in use.
fn money(code: &str) -> Option<Currency> {
    Currency::from_code(code)
        .filter(|c| !c.is_fund() && !c.is_special() && c.is_superseded().is_none())
}

/// Whether `code` is the upper-case ISO 4217 code of a currency in use (`IDR`, `MYR`).
pub fn is_valid(code: &str) -> bool {
    valid(code).is_some()
}

/// `code` as a static string, when it is the upper-case ISO 4217 code of a currency in use.
pub fn valid(code: &str) -> Option<&'static str> {
    if code.len() == 3 && code.bytes().all(|b| b.is_ascii_uppercase()) {
        money(code).map(|c| c.code())
    } else {
        None
    }
}

/// The code the editor most likely meant by `written`: its upper case (`myr`), the code of a
/// symbol or name (`Rp`, `ringgit`), the successor of a superseded code (`HRK` → `EUR`), or
/// the nearest code (`MYY` → `MYR`).
pub fn suggest(written: &str) -> Option<&'static str> {
    let trimmed = written.trim();
    let lower = trimmed.to_lowercase();
    if let Some((_, code)) = ALIASES.iter().find(|(alias, _)| *alias == lower) {
        return Some(code);
    }
    let upper = trimmed.to_ascii_uppercase();
    if let Some(c) = Currency::from_code(&upper) {
        let latest = c.latest();
        if money(latest.code()).is_some() {
            return Some(latest.code());
        }
    }
    did_you_mean(
        &upper,
        Currency::iter()
            .filter(|c| money(c.code()).is_some())
            .map(|c| c.code()),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_of_money_in_use_are_valid() {
        for code in [
            "IDR", "MYR", "SGD", "HKD", "TWD", "KRW", "JPY", "SAR", "USD", "EUR",
        ] {
            assert!(is_valid(code), "{code}");
        }
        for code in [
            "idr", "Rp", "XAU", "XXX", "XTS", "BOV", "HRK", "ABC", "", "IDRR",
        ] {
            assert!(!is_valid(code), "{code}");
        }
    }

    #[test]
    fn symbols_names_and_slips_suggest_the_code() {
        for (written, code) in [
            ("RM", "MYR"),
            ("Rp", "IDR"),
            ("Rp.", "IDR"),
            ("rupiah", "IDR"),
            ("Ringgit", "MYR"),
            ("myr", "MYR"),
            (" idr ", "IDR"),
            ("NT$", "TWD"),
            ("HRK", "EUR"),
            ("MYY", "MYR"),
        ] {
            assert_eq!(suggest(written), Some(code), "{written}");
        }
        assert_eq!(suggest("uang saku"), None);
    }
}
