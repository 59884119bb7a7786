//! A photo in HTML: `<picture>` with a WebP `<source>` and a JPEG (or PNG) `<img>`, their
//! `srcset` and `sizes`, and the `width` and `height` that keep the page from jumping while
//! the picture loads. Only what the plan decided is written here; nothing is read from disk.

use super::{BUDGET_WIDTH, Format, Photo, Variant};

/// The `sizes` of every responsive image: the theme's text column (42rem, reached on screens
/// 44rem wide) on wide screens, the screen less the page's padding (1rem a side) below. A
/// 360 px phone at 2× thus needs 656 pixels and loads the 800 px file.
pub const SIZES: &str = "(min-width: 44rem) 42rem, calc(100vw - 2rem)";

impl Photo {
    /// `url 480w, url 800w, …` of one format.
    pub fn srcset(&self, format: Format) -> String {
        self.of(format)
            .map(|v| format!("{} {}w", v.url, v.width))
            .collect::<Vec<_>>()
            .join(", ")
    }

    /// The fallback file for browsers without `srcset`: the widest up to 800 px.
    pub fn src(&self) -> Option<&Variant> {
        let format = self.fallback_format();
        self.of(format)
            .filter(|v| v.width <= BUDGET_WIDTH)
            .last()
            .or_else(|| self.of(format).next())
    }

    /// The widest variant: its size goes into `width` and `height` (the aspect ratio, so the
    /// page does not jump while the picture loads).
    pub fn largest(&self) -> Option<&Variant> {
        self.variants.iter().max_by_key(|v| v.width)
    }

    /// `<picture>` with a WebP `<source>` and a fallback `<img>`. The lead image (above the
    /// fold) loads at once and first; others load lazily.
    pub fn picture(&self, alt: &str, title: Option<&str>, lead: bool) -> String {
        let mut html = String::from("<picture><source type=\"image/webp\" srcset=\"");
        let _ = pulldown_cmark_escape::escape_html(&mut html, &self.srcset(Format::Webp));
        html.push_str("\" sizes=\"");
        html.push_str(SIZES);
        html.push_str("\"><img src=\"");
        let _ = pulldown_cmark_escape::escape_html(&mut html, self.src().map_or("", |v| &v.url));
        html.push_str("\" srcset=\"");
        let _ = pulldown_cmark_escape::escape_html(&mut html, &self.srcset(self.fallback_format()));
        html.push_str("\" sizes=\"");
        html.push_str(SIZES);
        let (w, h) = self
            .largest()
            .map_or((self.width, self.height), |v| (v.width, v.height));
        html.push_str(&format!("\" width=\"{w}\" height=\"{h}\" alt=\""));
        let _ = pulldown_cmark_escape::escape_html(&mut html, alt);
        html.push('"');
        if let Some(title) = title.filter(|t| !t.is_empty()) {
            html.push_str(" title=\"");
            let _ = pulldown_cmark_escape::escape_html(&mut html, title);
            html.push('"');
        }
        if lead {
            html.push_str(" fetchpriority=\"high\" decoding=\"async\"></picture>");
        } else {
            html.push_str(" loading=\"lazy\" decoding=\"async\"></picture>");
        }
        html
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::ImagesConfig;
    use crate::images::plan::tests::photo;

    #[test]
    fn picture_has_srcset_sizes_and_dimensions() {
        let html = photo(4000, 3000).picture("Petugas & warga", Some("judul"), false);
        assert!(html.starts_with(
            "<picture><source type=\"image/webp\" srcset=\"/processed_images/foto-480."
        ));
        assert!(html.contains(" width=\"1200\" height=\"900\" alt=\"Petugas &amp; warga\" title=\"judul\" loading=\"lazy\" decoding=\"async\"></picture>"), "{html}");
        assert!(html.contains("<img src=\"/processed_images/foto-800.0123456789abcdef.jpg\""));
        let lead = photo(4000, 3000).picture("x", None, true);
        assert!(lead.contains("fetchpriority=\"high\"") && !lead.contains("lazy"));
    }

    #[test]
    fn sizes_match_the_theme_column() {
        // The kp2mi theme: `main` 42rem wide with 1rem padding on phones; its children 42rem
        // at most on wider screens, reached when the screen is 44rem wide.
        assert_eq!(SIZES, "(min-width: 44rem) 42rem, calc(100vw - 2rem)");
        // A 360 px phone at 2×: 656 pixels, so the 800 px file is the one it loads.
        let needed = (360 - 32) * 2;
        let settings = ImagesConfig::default();
        assert_eq!(
            settings.widths.iter().find(|&&w| w >= needed),
            Some(&BUDGET_WIDTH)
        );
    }
}
