//! Phone numbers and WhatsApp as links: `tel:` numbers, `wa.me` URLs, the percent-encoding of a
//! share link's text, and a mission contact of a country page as its template sees it.

use serde::Serialize;

use crate::content::kinds::Contact;

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

/// `0800-1000` → `08001000`; `+62 21 2924 4800` → `+622129244800`.
pub(super) fn tel(number: &str) -> String {
    number
        .chars()
        .filter(|c| c.is_ascii_digit() || *c == '+')
        .collect()
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
    fn share_text_is_percent_encoded_like_encode_uri_component() {
        assert_eq!(
            percent_encode("Sosialisasi & PMI?\nhttps://x.id/a b/"),
            "Sosialisasi%20%26%20PMI%3F%0Ahttps%3A%2F%2Fx.id%2Fa%20b%2F"
        );
        assert_eq!(percent_encode("Pekerja–migran"), "Pekerja%E2%80%93migran");
    }
}
