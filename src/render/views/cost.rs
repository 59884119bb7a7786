//! A guide's cost table as its template shows it: each item with its amount written the way
//! the page's language writes money (`Rp1.500.000` and `MYR 1.200` in Indonesian,
//! `IDR 1,500,000` and `MYR 1,200` in English), "maks." / "up to" before a maximum, and
//! "gratis" / "free" for nothing to pay. The words come from the theme's strings
//! (`cost_free`, `cost_max`), the digits from here.

use serde::Serialize;

use crate::content::kinds::{Cost, Price};

/// A no-break space: a currency code and its number stay on one line of a narrow table.
const NBSP: char = '\u{a0}';

/// One row of the cost table.
#[derive(Serialize, Clone)]
pub(super) struct CostView<'a> {
    item: &'a str,
    payer: &'a str,
    /// The amount as the page shows it (`Rp350.000`, `up to IDR 1,500,000`, `free`).
    amount: Option<String>,
    /// The amount as a number, for a theme that writes it otherwise (`data-` attributes).
    value: Option<u64>,
    currency: Option<&'static str>,
    up_to: bool,
    note: Option<&'a str>,
}

/// The theme's words around an amount in one language.
pub(super) struct CostWords {
    /// What nothing to pay is called (`gratis`).
    pub(super) free: String,
    /// A maximum, with `{amount}` where the amount goes (`maks. {amount}`).
    pub(super) max: String,
}

impl<'a> CostView<'a> {
    pub(super) fn of(cost: &'a Cost, lang: &str, words: &CostWords) -> CostView<'a> {
        CostView {
            item: &cost.item,
            payer: &cost.payer,
            amount: cost.price.map(|p| price_text(p, lang, words)),
            value: cost.price.map(|p| p.amount),
            currency: cost.price.map(|p| p.currency),
            up_to: cost.price.is_some_and(|p| p.up_to),
            note: cost.note.as_deref(),
        }
    }
}

/// A price as `lang` writes it, with the theme's words: `Rp350.000`, `maks. Rp1.500.000`,
/// `gratis`.
pub(super) fn price_text(price: Price, lang: &str, words: &CostWords) -> String {
    if price.amount == 0 {
        return words.free.clone();
    }
    let money = money(price.amount, price.currency, lang);
    if price.up_to {
        words.max.replace("{amount}", &money)
    } else {
        money
    }
}

/// `amount` of `currency` as `lang` writes money: rupiah in Indonesian as `Rp1.500.000`,
/// everything else as the code and the number grouped by thousands (`.` in Indonesian, `,`
/// otherwise), joined by a no-break space.
pub(super) fn money(amount: u64, currency: &str, lang: &str) -> String {
    let separator = if lang == "id" { '.' } else { ',' };
    let digits = grouped(amount, separator);
    if lang == "id" && currency == "IDR" {
        format!("Rp{digits}")
    } else {
        format!("{currency}{NBSP}{digits}")
    }
}

/// `n` with `separator` between groups of three digits.
fn grouped(n: u64, separator: char) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(separator);
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(lang: &str) -> CostWords {
        match lang {
            "id" => CostWords {
                free: "gratis".into(),
                max: "maks. {amount}".into(),
            },
            _ => CostWords {
                free: "free".into(),
                max: "up to {amount}".into(),
            },
        }
    }

    fn shown(amount: u64, up_to: bool, currency: &'static str, lang: &str) -> String {
        let price = Price {
            amount,
            up_to,
            currency,
        };
        price_text(price, lang, &words(lang)).replace(NBSP, " ")
    }

    #[test]
    fn rupiah_in_each_language() {
        assert_eq!(shown(1_500_000, false, "IDR", "id"), "Rp1.500.000");
        assert_eq!(shown(1_500_000, false, "IDR", "en"), "IDR 1,500,000");
        assert_eq!(shown(350_000, false, "IDR", "id"), "Rp350.000");
        assert_eq!(shown(999, false, "IDR", "id"), "Rp999");
        assert_eq!(shown(1_000, false, "IDR", "en"), "IDR 1,000");
    }

    #[test]
    fn other_currencies_keep_their_code_with_the_language_grouping() {
        assert_eq!(shown(200, false, "MYR", "id"), "MYR 200");
        assert_eq!(shown(200, false, "MYR", "en"), "MYR 200");
        assert_eq!(shown(1_200, false, "MYR", "id"), "MYR 1.200");
        assert_eq!(shown(1_200, false, "MYR", "en"), "MYR 1,200");
        assert_eq!(shown(2_500_000, false, "KRW", "id"), "KRW 2.500.000");
        assert_eq!(shown(18_000, false, "TWD", "en"), "TWD 18,000");
    }

    #[test]
    fn a_maximum_says_so() {
        assert_eq!(shown(1_500_000, true, "IDR", "id"), "maks. Rp1.500.000");
        assert_eq!(shown(1_500_000, true, "IDR", "en"), "up to IDR 1,500,000");
        assert_eq!(shown(1_200, true, "HKD", "id"), "maks. HKD 1.200");
        assert_eq!(shown(1_200, true, "HKD", "en"), "up to HKD 1,200");
    }

    #[test]
    fn nothing_to_pay_is_free() {
        assert_eq!(shown(0, false, "IDR", "id"), "gratis");
        assert_eq!(shown(0, false, "IDR", "en"), "free");
        assert_eq!(shown(0, true, "MYR", "en"), "free", "at most nothing");
    }

    #[test]
    fn code_and_number_do_not_part_at_a_line_end() {
        let price = Price {
            amount: 200,
            up_to: false,
            currency: "MYR",
        };
        assert_eq!(price_text(price, "en", &words("en")), "MYR\u{a0}200");
    }

    #[test]
    fn grouping_by_thousands() {
        assert_eq!(grouped(0, '.'), "0");
        assert_eq!(grouped(12, '.'), "12");
        assert_eq!(grouped(123_456, ','), "123,456");
        assert_eq!(grouped(1_234_567, '.'), "1.234.567");
        assert_eq!(grouped(u64::MAX, ','), "18,446,744,073,709,551,615");
    }
}
