//! Slugs: URL segments that are lowercase ASCII words joined by `-`.
//!
//! Non-ASCII text is transliterated ("Ke Luar Negeri — Panduan" → `ke-luar-negeri-panduan`,
//! "Bekerja di Türkiye" → `bekerja-di-turkiye`), so URLs survive copy-paste into WhatsApp.

/// Why a slug cannot be used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SlugError {
    /// It would leave its folder (`..`, `/`, `\`, absolute).
    Escapes,
    /// Nothing is left after slugifying (only punctuation or emoji).
    Empty,
}

/// Turns any text into a slug; may return an empty string.
pub fn slugify(text: &str) -> String {
    // Letters and digits are transliterated; everything else (punctuation, symbols, emoji,
    // which deunicode would spell out as words) separates words.
    let mut ascii = String::with_capacity(text.len());
    for c in text.chars() {
        if c.is_alphanumeric() {
            ascii.push_str(deunicode::deunicode_char(c).unwrap_or(" "));
        } else {
            ascii.push(' ');
        }
    }
    let mut out = String::with_capacity(ascii.len());
    let mut dash = false;
    for c in ascii.chars() {
        if c.is_ascii_alphanumeric() {
            if dash && !out.is_empty() {
                out.push('-');
            }
            dash = false;
            out.push(c.to_ascii_lowercase());
        } else {
            dash = true;
        }
    }
    out
}

/// A slug an editor wrote in front matter: it must stay inside its folder, and is normalised.
pub fn from_front_matter(raw: &str) -> Result<String, SlugError> {
    let trimmed = raw.trim();
    if trimmed.contains('/')
        || trimmed.contains('\\')
        || trimmed.starts_with('.')
        || trimmed.contains("..")
    {
        return Err(SlugError::Escapes);
    }
    let slug = slugify(trimmed);
    if slug.is_empty() {
        return Err(SlugError::Empty);
    }
    Ok(slug)
}

/// The default slug of a file: its name without a leading date, `YYYY-MM-DD-` or
/// `YYYY-MM-DD ` (as a file manager or a phone names a file), or `YYYY-MM-DD_`.
pub fn from_file_name(name: &str) -> String {
    let b = name.as_bytes();
    let dated = b.len() > 11
        && b[4] == b'-'
        && b[7] == b'-'
        && matches!(b[10], b'-' | b' ' | b'_')
        && [0, 1, 2, 3, 5, 6, 8, 9]
            .iter()
            .all(|&i| b[i].is_ascii_digit());
    slugify(if dated { &name[11..] } else { name })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugify_transliterates_and_joins_words() {
        assert_eq!(
            slugify("Ke Luar Negeri — Panduan"),
            "ke-luar-negeri-panduan"
        );
        assert_eq!(
            slugify("  Sosialisasi   PMI: Banten! "),
            "sosialisasi-pmi-banten"
        );
        assert_eq!(slugify("Bekerja di Türkiye"), "bekerja-di-turkiye");
        assert_eq!(slugify("🎉🎉"), "");
    }

    #[test]
    fn date_prefix_is_stripped() {
        assert_eq!(
            from_file_name("2024-11-22-sosialisasi-banten"),
            "sosialisasi-banten"
        );
        assert_eq!(from_file_name("2024-relawan"), "2024-relawan");
    }

    /// File names as editors type them: spaces, capitals, brackets, dashes and accents.
    #[test]
    fn any_file_name_gives_a_clean_slug() {
        for (name, slug) in [
            (
                "2024-11-22 Kunjungan Kerja ke Sabah",
                "kunjungan-kerja-ke-sabah",
            ),
            ("2024-11-22_Kunjungan", "kunjungan"),
            ("Berita Ekspor", "berita-ekspor"),
            (
                "Pelatihan Bahasa Korea (Tahap 2)",
                "pelatihan-bahasa-korea-tahap-2",
            ),
            ("Sosialisasi Cianjur—Garut", "sosialisasi-cianjur-garut"),
            ("Kerja di Türkiye & Curaçao", "kerja-di-turkiye-curacao"),
            ("2024-11-22", "2024-11-22"),
        ] {
            assert_eq!(from_file_name(name), slug, "{name}");
        }
    }

    #[test]
    fn escaping_slugs_are_rejected() {
        assert_eq!(from_front_matter("../etc"), Err(SlugError::Escapes));
        assert_eq!(from_front_matter("a/b"), Err(SlugError::Escapes));
        assert_eq!(from_front_matter("/abs"), Err(SlugError::Escapes));
        assert_eq!(from_front_matter("🙂"), Err(SlugError::Empty));
        assert_eq!(
            from_front_matter("Outreach Banten"),
            Ok("outreach-banten".into())
        );
    }
}
