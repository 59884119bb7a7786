//! Costs in numbers (issue 16, point 5): a guide's cost table shows each amount as the page's
//! language writes money, and a wrong amount or currency stops the build at its line and
//! column with a hint that can be followed literally.

use crate::bad_input::assert_rejected;
use crate::support::{build, copy_fixture, read, stderr, text_of};

/// The rows of a page's cost table, tags stripped and no-break spaces made plain, one string
/// per row: `item amount note | payer`.
fn cost_rows(html: &str) -> Vec<String> {
    let start = html.find("<table class=\"cost\">").expect("a cost table");
    let end = start + html[start..].find("</table>").expect("table closed");
    html[start..end]
        .split("<tr>")
        .skip(2)
        .map(|row| {
            let cells: Vec<String> = row
                .split("</td>")
                .filter(|c| c.contains("<td"))
                .map(|c| text_of(c).split_whitespace().collect::<Vec<_>>().join(" "))
                .collect();
            cells.join(" | ")
        })
        .collect()
}

#[test]
fn the_guide_shows_amounts_as_each_language_writes_money() {
    let site = copy_fixture("cost/amounts");
    let out = build(site.path());
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let public = site.path().join("public");

    let id = read(&public, "panduan/biaya/index.html");
    assert_eq!(
        cost_rows(&id),
        [
            "Biaya penempatan gratis | Bukan pekerja",
            "Paspor Rp350.000 | Pekerja",
            "Pemeriksaan kesehatan maks. Rp1.500.000 Perkiraan | Pekerja",
            "Levi Malaysia MYR 1.200 | Majikan",
            "Izin kerja Taiwan maks. TWD 1.200 | Majikan",
            "Transportasi lokal Tergantung jarak | Pekerja",
        ]
    );
    assert!(
        id.contains(">Komponen dan jumlah biaya</th>"),
        "column heading"
    );
    assert!(
        id.contains("MYR\u{a0}1.200"),
        "code and number stay together"
    );

    let en = read(&public, "en/guides/costs/index.html");
    assert_eq!(
        cost_rows(&en),
        [
            "Placement costs free | Not the worker",
            "Passport IDR 350,000 | The worker",
            "Medical check up to IDR 1,500,000 An estimate | The worker",
            "Malaysian levy MYR 1,200 | The employer",
            "Taiwan work permit up to TWD 1,200 | The employer",
            "Local transport Depends on the distance | The worker",
        ]
    );
    assert!(en.contains(">Cost item and amount</th>"), "column heading");
}

/// A cost table without amounts keeps its old heading: nothing to announce.
#[test]
fn a_table_without_amounts_keeps_its_heading() {
    let site = copy_fixture("good/basic");
    let out = build(site.path());
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let html = read(
        &site.path().join("public"),
        "panduan/cara-mengadu/index.html",
    );
    assert!(html.contains(">Komponen biaya</th>"), "heading");
    assert!(!html.contains("cost__amount"), "no amount");
}

#[test]
fn an_unknown_currency_names_the_code_meant() {
    assert_rejected(
        "cost_unknown_currency",
        &[
            "error: content/panduan/levi.md:8:15: `currency` of cost 1 is \"RM\", not a currency code (ISO 4217)",
            "= hint: write `MYR`",
        ],
    );
}

#[test]
fn a_negative_amount_is_refused_at_the_amount() {
    assert_rejected(
        "cost_negative_amount",
        &[
            "error: content/panduan/paspor.md:5:45: `amount` of cost 1 is -350000: an amount cannot be below zero",
            "= hint: write `350000`",
        ],
    );
}

#[test]
fn amount_and_max_together_are_refused_at_max() {
    assert_rejected(
        "cost_amount_and_max",
        &[
            "error: content/panduan/kesehatan.md:11:10: cost 2 has both `amount` and `max`",
            "= hint: keep one of the two lines",
        ],
    );
}
