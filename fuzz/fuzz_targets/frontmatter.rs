//! Front matter of every content type: split and parse must never panic, and errors must
//! point inside the file.
#![no_main]

use libfuzzer_sys::fuzz_target;
use warta::content::{frontmatter, kinds::ContentType};
use warta::source::SourceFile;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let file = SourceFile::new("content/x.md", text.to_string());
    let lines = text.split('\n').count();
    let Ok(split) = frontmatter::split(&file) else { return };
    for ct in [ContentType::Page, ContentType::PressRelease, ContentType::Guide, ContentType::Country] {
        if let Err(diags) = frontmatter::parse_page(&file, &split, ct, warta::dates::Date::today()) {
            for d in diags.sorted() {
                if let Some(p) = &d.position {
                    assert!(p.line >= 1 && p.line <= lines + 1, "line {} of {lines}", p.line);
                }
                let _ = d.render_human();
            }
        }
    }
    let _ = frontmatter::parse_section(&file, &split);
});
