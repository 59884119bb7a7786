//! Phone numbers and WhatsApp as links: `tel:` numbers, `wa.me` URLs, the percent-encoding of a
//! share link's text, and a mission contact and a local emergency number of a country page as
//! its template sees them.

use serde::Serialize;

use crate::content::kinds::{Contact, EmergencyNumber};

/// A contact of a country page (an embassy, a consulate), with its numbers ready for links.
#[derive(Serialize, Clone)]
pub(super) struct ContactView {
    name: String,
    phone: Option<String>,
    phone_tel: Option<String>,
    whatsapp: Option<String>,
    whatsapp_url: Option<String>,
    email: Option<String>,
    url: Option<String>,
    address: Option<String>,
    hours: Option<String>,
}

impl ContactView {
    pub(super) fn of(k: &Contact) -> ContactView {
        ContactView {
            name: k.name.clone(),
            phone: k.phone.clone(),
            phone_tel: k.phone.as_deref().map(tel),
            whatsapp: k.whatsapp.clone(),
            whatsapp_url: k.whatsapp.as_deref().map(whatsapp_url),
            email: k.email.clone(),
            url: k.url.clone(),
            address: k.address.clone(),
            hours: k.hours.clone(),
        }
    }
}

/// A local emergency number of a country page, with its `tel:` number.
#[derive(Serialize, Clone)]
pub(super) struct EmergencyView {
    name: String,
    number: String,
    tel: String,
}

impl EmergencyView {
    /// The number is dialled where the reader is (`999` in Malaysia): only its digits and a
    /// leading `+`, never read as an Indonesian number.
    pub(super) fn of(e: &EmergencyNumber) -> EmergencyView {
        EmergencyView {
            name: e.name.clone(),
            number: e.number.clone(),
            tel: e
                .number
                .chars()
                .filter(|c| c.is_ascii_digit() || *c == '+')
                .collect(),
        }
    }
}

/// The `tel:` number of a number written on its own, by the rule of body text
/// ([`crate::markdown::phone`]): `0800-1000` → `08001000`; `(021) 2924 4800` →
/// `+622129244800`; `+60 3-2116 4000` → `+60321164000`.
pub(super) fn tel(number: &str) -> String {
    crate::markdown::phone::tel_of(number)
}

/// Percent-encodes everything but RFC 3986's unreserved characters (what JavaScript's
/// `encodeURIComponent` does, minus `!'()*`), for a query value.
pub(super) fn percent_encode(text: &str) -> String {
    let mut out = String::with_capacity(text.len() * 3);
    for b in text.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~') {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

pub(super) fn whatsapp_url(number: &str) -> String {
    let digits: String = number.chars().filter(char::is_ascii_digit).collect();
    let digits = match digits.strip_prefix('0') {
        Some(rest) => format!("62{rest}"),
        None => digits,
    };
    format!("https://wa.me/{digits}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn contact_numbers_follow_the_rule_of_body_text() {
        assert_eq!(tel("0800-1000"), "08001000");
        assert_eq!(tel("(021) 2924 4800"), "+622129244800");
        assert_eq!(tel("0812 3456 7890"), "+6281234567890");
        assert_eq!(tel("+60 3-2116 4000"), "+60321164000");
    }

    #[test]
    fn emergency_numbers_are_dialled_as_written() {
        let view = EmergencyView::of(&EmergencyNumber {
            name: "Polis".into(),
            number: "999".into(),
        });
        assert_eq!(view.tel, "999");
    }

    #[test]
    fn share_text_is_percent_encoded_like_encode_uri_component() {
        assert_eq!(
            percent_encode("Sosialisasi & PMI?\nhttps://x.id/a b/"),
            "Sosialisasi%20%26%20PMI%3F%0Ahttps%3A%2F%2Fx.id%2Fa%20b%2F"
        );
        assert_eq!(percent_encode("Pekerja–migran"), "Pekerja%E2%80%93migran");
    }
}
