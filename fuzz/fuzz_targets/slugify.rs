//! Slugs: always lowercase ASCII words joined by `-`, stable, and never escaping.
#![no_main]

use libfuzzer_sys::fuzz_target;
use warta::content::slug;

fuzz_target!(|text: &str| {
    let s = slug::slugify(text);
    assert!(s.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-'));
    assert!(!s.starts_with('-') && !s.ends_with('-') && !s.contains("--"));
    assert_eq!(slug::slugify(&s), s);
    if let Ok(f) = slug::from_front_matter(text) {
        assert!(!f.is_empty() && !f.contains('/') && !f.contains(".."));
    }
    let _ = slug::from_file_name(text);
});
