//! `site.yaml`: loading must never panic, whatever the bytes.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(dir) = tempfile::tempdir() else { return };
    if std::fs::write(dir.path().join("site.yaml"), data).is_err() {
        return;
    }
    match warta::config::load(dir.path(), None) {
        Ok(config) => assert!(config.languages.first() == Some(&config.default_language)),
        Err(diags) => {
            for d in diags.sorted() {
                let _ = d.render_human();
            }
        }
    }
});
