//! Size budgets: after rendering, what each page, stylesheet and script costs a reader, gzipped
//! as a host sends it, against `budgets:` in site.yaml; and no webfonts.
//!
//! Readers are on metered mobile data, so weight is a defect the build reports like a broken
//! link: as warnings (`budget-html`, `budget-css`, `budget-js`, `budget-font`), which
//! `warta check --deny-warnings` turns into a failure. Images have their own budget, checked
//! where they are processed (`images`, `image-budget`).

use std::collections::HashMap;
use std::io::Write;

use flate2::Compression;
use flate2::write::GzEncoder;
use rayon::prelude::*;

use crate::artifact::OutputFile;
use crate::config::Config;
use crate::diag::Code;
use crate::diag::{Diagnostic, Diagnostics};
use crate::msg;

/// File endings of webfonts.
const FONTS: &[&str] = &[".woff2", ".woff", ".ttf", ".otf", ".eot"];

/// Checks every rendered file against the site's budgets. `source_of` maps an output path to
/// the content file it was rendered from, so a warning names the file an editor can change.
pub fn check(
    config: &Config,
    files: &[OutputFile],
    source_of: &HashMap<String, String>,
) -> Diagnostics {
    let budgets = config.budgets;
    let found: Vec<Option<Diagnostic>> = files
        .par_iter()
        .map(|file| {
            let path = file.path.as_str();
            if FONTS.iter().any(|ext| path.ends_with(ext)) {
                return Some(font(config, path));
            }
            let (kind, budget) = kind_of(path, &budgets)?;
            // gzip adds at most a few bytes to incompressible input: a file this small is
            // within budget without compressing it (most pages of a big site).
            let bound = file.bytes.len() as u64 + file.bytes.len() as u64 / 1000 + 64;
            if bound <= budget {
                return None;
            }
            let size = gzipped_len(&file.bytes);
            (size > budget).then(|| over(config, kind, path, size, budget, source_of))
        })
        .collect();
    let mut diags = Diagnostics::new();
    for d in found.into_iter().flatten() {
        diags.push(d);
    }
    diags
}

/// The size of `bytes` gzipped at the highest level (`gzip -9`).
pub fn gzipped_len(bytes: &[u8]) -> u64 {
    let mut encoder = GzEncoder::new(Counter(0), Compression::best());
    // Writing to a counter cannot fail.
    let _ = encoder.write_all(bytes);
    encoder.finish().map_or(bytes.len() as u64, |c| c.0)
}

/// A writer that only counts what it is given.
struct Counter(u64);

impl Write for Counter {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0 += buf.len() as u64;
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

#[derive(Clone, Copy)]
enum Kind {
    Html,
    Css,
    Js,
}

fn kind_of(path: &str, budgets: &crate::config::Budgets) -> Option<(Kind, u64)> {
    if path.ends_with(".html") {
        Some((Kind::Html, budgets.html))
    } else if path.ends_with(".css") {
        Some((Kind::Css, budgets.css))
    } else if path.ends_with(".js") || path.ends_with(".mjs") {
        Some((Kind::Js, budgets.js))
    } else {
        None
    }
}

fn over(
    config: &Config,
    kind: Kind,
    path: &str,
    size: u64,
    budget: u64,
    source_of: &HashMap<String, String>,
) -> Diagnostic {
    let url = format!("/{}", path.trim_end_matches("index.html"));
    let (size, budget) = (kb(size), kb(budget));
    let (file, theme_name) = match (source_of.get(path), kind) {
        (Some(source), _) => (source.clone(), None),
        (None, Kind::Html) => (String::new(), None),
        (None, _) => {
            let (file, name) = theme_file(config, path);
            (file, Some(name))
        }
    };
    let (code, message, hint) = match (kind, theme_name) {
        (Kind::Html, _) => (
            Code::BudgetHtml,
            msg!("budgets-page-over", url, size, budget),
            msg!("budgets-page-over-hint"),
        ),
        (Kind::Css, None) => (
            Code::BudgetCss,
            msg!("budgets-stylesheet-over", url, size, budget),
            msg!("budgets-stylesheet-over-hint"),
        ),
        (Kind::Css, Some(name)) => (
            Code::BudgetCss,
            msg!("budgets-theme-stylesheet-over", url, name, size, budget),
            msg!("budgets-stylesheet-over-hint"),
        ),
        (Kind::Js, None) => (
            Code::BudgetJs,
            msg!("budgets-script-over", url, size, budget),
            msg!("budgets-script-over-hint"),
        ),
        (Kind::Js, Some(name)) => (
            Code::BudgetJs,
            msg!("budgets-theme-script-over", url, name, size, budget),
            msg!("budgets-script-over-hint"),
        ),
    };
    Diagnostic::warning(code, file, message).with_hint(hint)
}

fn font(config: &Config, path: &str) -> Diagnostic {
    let (file, name) = theme_file(config, path);
    Diagnostic::warning(Code::BudgetFont, file, msg!("budgets-webfont", name, path))
        .with_hint(msg!("budgets-webfont-hint"))
}

/// The theme file a static output came from, as (the file to name in the warning, its name in
/// `static/`): `style.3f2a9c1d5e7b4a60.css` → `themes/kp2mi/static/style.css`, `style.css`.
/// The embedded theme has no file in the site to name.
fn theme_file(config: &Config, path: &str) -> (String, String) {
    let base = format!("{}/", config.base_path.trim_start_matches('/'));
    let rel = path.strip_prefix(base.as_str()).unwrap_or(path);
    let name = unhashed(rel);
    match &config.theme {
        Some(theme) => (format!("themes/{theme}/static/{name}"), name),
        None => (String::new(), name),
    }
}

/// `a/style.3f2a9c1d5e7b4a60.css` → `a/style.css`; names without a 16-hex-digit hash as they are.
fn unhashed(rel: &str) -> String {
    let (dir, file) = rel.rsplit_once('/').map_or(("", rel), |(d, f)| (d, f));
    let parts: Vec<&str> = file.split('.').collect();
    let name = match parts.as_slice() {
        [stem @ .., hash, ext]
            if !stem.is_empty()
                && hash.len() == 16
                && hash.chars().all(|c| c.is_ascii_hexdigit()) =>
        {
            format!("{}.{ext}", stem.join("."))
        }
        _ => file.to_string(),
    };
    if dir.is_empty() {
        name
    } else {
        format!("{dir}/{name}")
    }
}

/// `41 KB`, `40.6 KB`: kilobytes of 1024 bytes, one decimal when it matters.
fn kb(bytes: u64) -> String {
    let tenths = (bytes * 10).div_ceil(1024);
    if tenths.is_multiple_of(10) {
        format!("{} KB", tenths / 10)
    } else {
        format!("{}.{} KB", tenths / 10, tenths % 10)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashed_static_names_map_back_to_the_theme_file() {
        assert_eq!(unhashed("style.3f2a9c1d5e7b4a60.css"), "style.css");
        assert_eq!(unhashed("js/app.min.0123456789abcdef.js"), "js/app.min.js");
        assert_eq!(unhashed("search.js"), "search.js");
        assert_eq!(unhashed("font.woff2"), "font.woff2");
    }

    fn config(yaml: &str) -> Option<Config> {
        let dir = tempfile::tempdir().ok()?;
        std::fs::write(dir.path().join("site.yaml"), yaml).ok()?;
        crate::config::load(dir.path(), None).ok()
    }

    fn file(path: &str, bytes: Vec<u8>) -> OutputFile {
        OutputFile {
            path: path.into(),
            bytes,
        }
    }

    #[test]
    fn over_budget_pages_name_their_source_and_webfonts_are_reported() {
        let Some(config) =
            config("base_url: https://x.id/situs/\ntitle: X\ntheme: kp2mi\nbudgets: { html: 1 }\n")
        else {
            panic!("the test configuration loads");
        };
        // Text that does not compress below 1 KB: distinct numbers.
        let fat: String = (0..2000u64)
            .map(|i| format!("{} ", i * 7919 % 10007))
            .collect();
        let files = vec![
            file("situs/a/index.html", fat.clone().into_bytes()),
            file("situs/b/index.html", b"<p>small</p>".to_vec()),
            file("situs/fonts/noto.0123456789abcdef.woff2", vec![0; 10]),
            file("situs/style.0123456789abcdef.css", b"body{}".to_vec()),
        ];
        let source_of =
            HashMap::from([("situs/a/index.html".to_string(), "content/a.md".to_string())]);
        let diags = check(&config, &files, &source_of).sorted();
        let found: Vec<(&str, &str)> = diags
            .iter()
            .map(|d| (d.code.as_str(), d.file.as_str()))
            .collect();
        assert_eq!(
            found,
            vec![
                ("budget-html", "content/a.md"),
                ("budget-font", "themes/kp2mi/static/fonts/noto.woff2"),
            ]
        );
        assert!(diags.iter().all(|d| !d.is_error()));
        assert!(
            diags[0].message.contains("over the budget of 1 KB"),
            "{}",
            diags[0].message
        );
    }

    #[test]
    fn sizes_are_shown_in_kilobytes() {
        assert_eq!(kb(40 * 1024), "40 KB");
        assert_eq!(kb(41_574), "40.6 KB");
        assert_eq!(kb(1), "0.1 KB");
    }

    #[test]
    fn gzip_size_is_that_of_a_real_gzip_stream() {
        let text = "Pekerja migran Indonesia. ".repeat(400);
        let size = gzipped_len(text.as_bytes());
        assert!(size > 18 && size < 400, "{size}");
        assert_eq!(gzipped_len(b""), 20);
    }
}
