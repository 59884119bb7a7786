//! Phone numbers in running text, found so that a reader on a phone can tap to call: the
//! Indonesian forms (`0800-1000`, `(021) 2924 4800`, `021-2924-4800`, `0812 3456 7890`,
//! `08123456789`, `+62 21 2924 4800`) and international numbers written with `+` and a country
//! code (`+60 3-2116 4000`). Markdown body text (see `walk`) and the theme's `phones` filter
//! use it.
//!
//! The rule is deliberately narrow, because a link on a date or an amount is worse than no
//! link: a number must start with `+` and a country code, or with `0` and an Indonesian area
//! or mobile prefix (`02`…`09`); groups are separated by one space, hyphen or dot; a grouped
//! national number opens with a 3–4 digit prefix (`021`, `0274`, `0812`, `0800`). So dates
//! (`22-11-2024`, `2024-11-22`, `05.11.2024`), years, times (`08.30`), amounts (`Rp1.500.000`,
//! `IDR 1,500,000`), regulation numbers (`No. 18 Tahun 2017`, `PP 59/2021`), IDs (NIK, NPWP,
//! passport numbers), postal codes and counts never match. Digits glued to a letter, `/`, `.`,
//! `-`, `,` or `%` are never a number either (URLs, codes, decimals).
//!
//! The `tel:` target ([`Phone::tel`]): `+` and the digits for international numbers; a
//! national number becomes `+62` without its leading `0`, except the toll-free and service
//! prefixes `0800`, `0804` and `0807`, which only work dialled from Indonesia and stay as
//! written (`0800-1000` → `08001000`). Short numbers (`112`) are not found: they cannot be told
//! from counts, so editors link them themselves (`[112](tel:112)`).
//!
//! The scan goes over bytes and allocates nothing for a text without a number.

use std::ops::Range;

/// A phone number found in a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Phone {
    /// Where the number is written, separators and parentheses included.
    pub range: Range<usize>,
    /// The number for a `tel:` URI: `+622129244800`, `08001000`.
    pub tel: String,
}

/// The phone numbers of `text`, in order.
pub fn find(text: &str) -> Phones<'_> {
    let has_digit = text.bytes().any(|b| b.is_ascii_digit());
    Phones {
        bytes: text.as_bytes(),
        at: if has_digit { 0 } else { text.len() },
    }
}

/// The iterator of [`find`].
pub struct Phones<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl Iterator for Phones<'_> {
    type Item = Phone;

    fn next(&mut self) -> Option<Phone> {
        let bytes = self.bytes;
        while self.at < bytes.len() {
            let start = self.at;
            let b = bytes[start];
            if matches!(b, b'+' | b'(' | b'0')
                && free_before(bytes, start)
                && let Some(end) = number_at(bytes, start)
            {
                self.at = end;
                return Some(Phone {
                    range: start..end,
                    tel: tel(&bytes[start..end]),
                });
            }
            self.at += 1;
            // A number starts at a run of digits, never inside one.
            while b.is_ascii_digit() && bytes.get(self.at).is_some_and(u8::is_ascii_digit) {
                self.at += 1;
            }
        }
        None
    }
}

/// Whether a number may start at `at`: not glued to a word, a URL, a decimal or a code.
fn free_before(bytes: &[u8], at: usize) -> bool {
    let Some(&prev) = at.checked_sub(1).and_then(|i| bytes.get(i)) else {
        return true;
    };
    !(prev.is_ascii_alphanumeric() || b"/.-_=#@&+%,\\".contains(&prev))
}

/// Whether nothing that continues a word, code or amount follows the number ending at `end`.
fn free_after(bytes: &[u8], end: usize) -> bool {
    let Some(&next) = bytes.get(end) else {
        return true;
    };
    let digit_after = bytes.get(end + 1).is_some_and(u8::is_ascii_digit);
    !(next.is_ascii_alphanumeric()
        || b"%@_/+".contains(&next)
        || (b",:-.".contains(&next) && digit_after))
}

/// Most groups a number is written in (`+62 812-3456-7890` has four).
const MAX_GROUPS: usize = 6;

/// A run of digits of a number.
#[derive(Clone, Copy, Default)]
struct Group {
    start: usize,
    end: usize,
    /// Whether a space separates it from the group before (where a number may end early).
    after_space: bool,
}

impl Group {
    fn len(self) -> usize {
        self.end - self.start
    }
}

/// The end of the phone number that starts at `start`, if one does.
fn number_at(bytes: &[u8], start: usize) -> Option<usize> {
    let international = bytes[start] == b'+';
    let mut groups = [Group::default(); MAX_GROUPS];
    let mut count = 0;
    let mut at = if international { start + 1 } else { start };
    let parenthesised = bytes[at] == b'(';
    if parenthesised {
        // `(021) 2924 4800`: the area code in parentheses, then the number.
        let end = digits_end(bytes, at + 1);
        if bytes.get(end) != Some(&b')') || international {
            return None;
        }
        groups[0] = Group {
            start: at + 1,
            end,
            after_space: false,
        };
        count = 1;
        at = end + 1;
        if bytes.get(at) == Some(&b' ') {
            at += 1;
        }
    }
    loop {
        let end = digits_end(bytes, at);
        if end == at {
            // After a separator that is not followed by digits: `(021)` alone, `+` alone.
            if count == 0 || parenthesised && count == 1 {
                return None;
            }
            break;
        }
        if count == MAX_GROUPS {
            return None;
        }
        let after_space = at > 0 && matches!(bytes[at - 1], b' ' | 0xA0);
        groups[count] = Group {
            start: at,
            end,
            after_space,
        };
        count += 1;
        match separator(bytes, end) {
            Some(width) if bytes.get(end + width).is_some_and(u8::is_ascii_digit) => {
                at = end + width;
            }
            _ => break,
        }
    }
    // The longest reading that is a number, ending early only at a space: in
    // `0812 3456 7890 20 kali` the `20` is not part of the number.
    (1..=count).rev().find_map(|n| {
        let cut_ok = n == count || groups[n].after_space;
        let shape = Shape {
            bytes,
            groups: &groups[..n],
            international,
            parenthesised,
        };
        let end = groups[n - 1].end;
        (cut_ok && shape.is_number() && free_after(bytes, end)).then_some(end)
    })
}

/// The width of the group separator at `at`: a space, hyphen, dot or no-break space.
fn separator(bytes: &[u8], at: usize) -> Option<usize> {
    match bytes.get(at)? {
        b' ' | b'-' | b'.' => Some(1),
        0xC2 if bytes.get(at + 1) == Some(&0xA0) => Some(2),
        _ => None,
    }
}

fn digits_end(bytes: &[u8], from: usize) -> usize {
    let mut at = from;
    while bytes.get(at).is_some_and(u8::is_ascii_digit) {
        at += 1;
    }
    at
}

/// The groups of a candidate number, to be judged.
struct Shape<'b> {
    bytes: &'b [u8],
    groups: &'b [Group],
    international: bool,
    parenthesised: bool,
}

impl Shape<'_> {
    fn is_number(&self) -> bool {
        let digits: usize = self.groups.iter().map(|g| g.len()).sum();
        let first = self.groups[0];
        let lead = self.bytes[first.start];
        // Groups after a space carry two digits or more (`+60 3 …` aside): `… 7890 2 kali`.
        let first_free = usize::from(self.international) + 1;
        if self.groups[first_free.min(self.groups.len())..]
            .iter()
            .any(|g| g.after_space && g.len() < 2)
        {
            return false;
        }
        if self.international {
            return lead != b'0' && (8..=15).contains(&digits);
        }
        let second = self.bytes.get(first.start + 1).copied().unwrap_or(0);
        if lead != b'0' || !(b'2'..=b'9').contains(&second) {
            return false;
        }
        let grouped = self.groups.len() > 1 || self.parenthesised;
        if grouped && !(3..=4).contains(&first.len()) {
            return false;
        }
        let shortest = if grouped { 8 } else { 9 };
        // Mobile and toll-free numbers (`08…`) run longer than landlines.
        let longest = if second == b'8' { 13 } else { 12 };
        (shortest..=longest).contains(&digits)
    }
}

/// The number for a `tel:` URI: see the module documentation.
/// The `tel:` number of a number written on its own (a contact's `phone`, the hotline), by
/// the rule above: `+` and the digits, a national number as `+62…`, toll-free ones as dialled.
pub fn tel_of(written: &str) -> String {
    tel(written.trim().as_bytes())
}

fn tel(written: &[u8]) -> String {
    let digits: String = written
        .iter()
        .filter(|b| b.is_ascii_digit())
        .map(|&b| char::from(b))
        .collect();
    if written.first() == Some(&b'+') {
        return format!("+{digits}");
    }
    let toll_free = ["0800", "0804", "0807"]
        .iter()
        .any(|p| digits.starts_with(p));
    match digits.strip_prefix('0') {
        Some(national) if !toll_free => format!("+62{national}"),
        _ => digits,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every way of writing a number the detector links, with its `tel:` number.
    const LINKED: &[(&str, &str)] = &[
        ("0800-1000", "08001000"),
        ("0800 1000", "08001000"),
        ("0804-1-500-888", "08041500888"),
        ("(021) 2924 4800", "+622129244800"),
        ("(021)2924 4800", "+622129244800"),
        ("(0274) 512 345", "+62274512345"),
        ("021-2924-4800", "+622129244800"),
        ("021 2924 4800", "+622129244800"),
        ("021.2924.4800", "+622129244800"),
        ("+62 21 2924 4800", "+622129244800"),
        ("+62 812-3456-7890", "+6281234567890"),
        ("+6281234567890", "+6281234567890"),
        ("0812 3456 7890", "+6281234567890"),
        ("0812-3456-7890", "+6281234567890"),
        ("08123456789", "+628123456789"),
        ("0211234567", "+62211234567"),
        ("+60 3-2116 4000", "+60321164000"),
        ("+60 3 2116 4000", "+60321164000"),
        ("+852 2890 4000", "+85228904000"),
        ("+966 11 488 2800", "+966114882800"),
        ("+886 2 2723 6700", "+886227236700"),
        ("0812\u{a0}3456\u{a0}7890", "+6281234567890"),
    ];

    /// Text with digits in it that is not a phone number.
    const NOT_LINKED: &[&str] = &[
        "22-11-2024",
        "2024-11-22",
        "05-11-2024",
        "05.11.2024",
        "05/11/2024",
        "2024-11-22T08:30:00+07:00",
        "2017",
        "08.30",
        "08:30 WIB",
        "08.30-16.00",
        "Rp1.500.000",
        "Rp 15.000.000",
        "Rp 0",
        "IDR 1,500,000",
        "MYR 200",
        "No. 18 Tahun 2017",
        "Nomor 39 Tahun 2004",
        "PP 59/2021",
        "Permen 09 Tahun 2019",
        "UU 18/2017",
        "NIK 3201234567890001",
        "NIK 0201234567890001",
        "NPWP 01.234.567.8-901.000",
        "C1234567",
        "paspor B 0812345",
        "12950",
        "40%",
        "0,5%",
        "0.123456789",
        "1.250 orang",
        "2 kali",
        "0812",
        "021-2924",
        "(021)",
        "+62",
        "+62 21",
        "+0 812 3456 7890",
        "0112345678",
        "0012345678",
        "https://contoh.go.id/berkas/0812345678901",
        "kode=08123456789",
        "x08123456789",
        "08123456789x",
        "0812-3456-7890-1234-5678",
        "08123456789012345",
        "ISBN 978-602-0000-00-0",
    ];

    fn found(text: &str) -> Vec<(&str, String)> {
        find(text)
            .map(|p| (&text[p.range.clone()], p.tel))
            .collect()
    }

    #[test]
    fn every_written_form_is_linked_whole_with_its_tel_number() {
        for (written, tel) in LINKED {
            let tel = tel.to_string();
            let in_sentence = format!("Telepon {written} sekarang.");
            assert_eq!(found(written), vec![(*written, tel.clone())], "{written}");
            assert_eq!(found(&in_sentence), vec![(*written, tel)], "{in_sentence}");
        }
    }

    #[test]
    fn dates_amounts_regulations_ids_and_counts_are_never_linked() {
        for text in NOT_LINKED {
            assert_eq!(found(text), vec![], "{text}");
            let in_sentence = format!("Lihat {text}, lalu ({text}).");
            assert_eq!(found(&in_sentence), vec![], "{in_sentence}");
        }
    }

    #[test]
    fn a_number_ends_before_a_count_written_after_it() {
        assert_eq!(
            found("Hubungi 0812 3456 7890 20 kali"),
            vec![("0812 3456 7890", "+6281234567890".to_string())]
        );
        assert_eq!(
            found("(021) 2924 4800 2 kali"),
            vec![("(021) 2924 4800", "+622129244800".to_string())]
        );
    }

    #[test]
    fn several_numbers_in_one_text_are_each_linked() {
        let text = "0800-1000 (gratis), +62 812-3456-7890 atau (0812 3456 7890).";
        let all: Vec<&str> = find(text).map(|p| &text[p.range]).collect();
        assert_eq!(all, ["0800-1000", "+62 812-3456-7890", "0812 3456 7890"]);
    }
}
