//! Country codes (ISO 3166-1 alpha-2, from the `celes` crate) and their names in the site's
//! languages. Indonesian and short English names are kept here for the destinations and
//! neighbours KP2MI writes about; other countries fall back to the ISO English name.

/// Short names for common destinations: (code, Indonesian, English).
const NAMES: &[(&str, &str, &str)] = &[
    ("AE", "Uni Emirat Arab", "United Arab Emirates"),
    ("AU", "Australia", "Australia"),
    ("BN", "Brunei Darussalam", "Brunei"),
    ("CN", "Tiongkok", "China"),
    ("DE", "Jerman", "Germany"),
    ("GB", "Inggris", "United Kingdom"),
    ("HK", "Hong Kong", "Hong Kong"),
    ("ID", "Indonesia", "Indonesia"),
    ("JP", "Jepang", "Japan"),
    ("KH", "Kamboja", "Cambodia"),
    ("KR", "Korea Selatan", "South Korea"),
    ("KW", "Kuwait", "Kuwait"),
    ("MM", "Myanmar", "Myanmar"),
    ("MO", "Makau", "Macau"),
    ("MY", "Malaysia", "Malaysia"),
    ("NL", "Belanda", "Netherlands"),
    ("NZ", "Selandia Baru", "New Zealand"),
    ("OM", "Oman", "Oman"),
    ("PL", "Polandia", "Poland"),
    ("QA", "Qatar", "Qatar"),
    ("SA", "Arab Saudi", "Saudi Arabia"),
    ("SG", "Singapura", "Singapore"),
    ("TH", "Thailand", "Thailand"),
    ("TR", "Turki", "Turkey"),
    ("TW", "Taiwan", "Taiwan"),
    ("US", "Amerika Serikat", "United States"),
    ("VN", "Vietnam", "Vietnam"),
];

/// Whether `code` (upper case) is an assigned ISO 3166-1 alpha-2 code.
pub fn is_valid(code: &str) -> bool {
    code.len() == 2
        && code.bytes().all(|b| b.is_ascii_uppercase())
        && celes::Country::from_alpha2(code).is_ok()
}

/// The country's name in `lang`.
pub fn name(code: &str, lang: &str) -> String {
    if let Some((_, id, en)) = NAMES.iter().find(|(c, _, _)| *c == code) {
        return if lang == "id" { id } else { en }.to_string();
    }
    celes::Country::from_alpha2(code)
        .map(|c| c.long_name.to_string())
        .unwrap_or_else(|_| code.to_string())
}

/// The code of a country written out by name ("Malaysia", "Korea Selatan"), for hints.
pub fn code_for_name(name: &str) -> Option<&'static str> {
    let wanted = name.trim().to_lowercase();
    NAMES
        .iter()
        .find(|(_, id, en)| id.to_lowercase() == wanted || en.to_lowercase() == wanted)
        .map(|(c, _, _)| *c)
        .or_else(|| {
            celes::Country::from_alpha3(name.trim())
                .ok()
                .map(|c| c.alpha2)
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn validates_and_names() {
        assert!(is_valid("MY"));
        assert!(!is_valid("ZZ"));
        assert!(!is_valid("my"));
        assert_eq!(name("KR", "id"), "Korea Selatan");
        assert_eq!(name("KR", "en"), "South Korea");
        assert_eq!(code_for_name("Malaysia"), Some("MY"));
        assert_eq!(code_for_name("MYS"), Some("MY"));
    }
}
