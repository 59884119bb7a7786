//! Themes: templates, static files and UI strings, from `themes/<name>/` or, for the default
//! theme `kp2mi` when the site has no `themes/` folder, from a copy embedded in the binary.

use std::collections::BTreeMap;
use std::path::Path;

use include_dir::{Dir, include_dir};

use crate::diag::{Diagnostic, Diagnostics};
use crate::source::SourceFile;
use crate::yaml::Block;

static EMBEDDED: Dir<'_> = include_dir!("$CARGO_MANIFEST_DIR/themes/kp2mi");

/// The name of the default theme, embedded in the binary.
pub const DEFAULT_THEME: &str = "kp2mi";

/// A template's source.
#[derive(Debug, Clone)]
pub struct Template {
    /// Name as templates refer to it: `page.html`, `partials/header.html`.
    pub name: String,
    /// Where it came from, for messages: `themes/kp2mi/templates/page.html`.
    pub display: String,
    pub text: String,
}

/// A loaded theme.
#[derive(Debug, Clone, Default)]
pub struct Theme {
    pub name: String,
    pub templates: Vec<Template>,
    /// Files of `static/`, by path relative to it.
    pub statics: Vec<(String, Vec<u8>)>,
    /// UI strings per language.
    pub i18n: BTreeMap<String, BTreeMap<String, String>>,
}

impl Theme {
    pub fn template(&self, name: &str) -> Option<&Template> {
        self.templates.iter().find(|t| t.name == name)
    }
}

/// Loads the configured theme.
pub fn load(root: &Path, name: Option<&str>) -> Result<Theme, Diagnostics> {
    let name = name.unwrap_or(DEFAULT_THEME);
    let dir = root.join("themes").join(name);
    if dir.is_dir() {
        return load_dir(root, &dir, name);
    }
    if name == DEFAULT_THEME {
        return load_embedded();
    }
    let mut diags = Diagnostics::new();
    diags.push(
        Diagnostic::error("theme", "site.yaml", format!("the theme `{name}` was not found in themes/{name}/"))
            .with_hint(format!("create themes/{name}/templates/, or remove `theme:` to use the built-in `{DEFAULT_THEME}` theme")),
    );
    Err(diags)
}

fn load_dir(root: &Path, dir: &Path, name: &str) -> Result<Theme, Diagnostics> {
    let mut diags = Diagnostics::new();
    let mut theme = Theme {
        name: name.to_string(),
        ..Theme::default()
    };
    let mut files = Vec::new();
    for entry in walkdir::WalkDir::new(dir).sort_by_file_name() {
        match entry {
            Ok(e) if e.file_type().is_file() => files.push(e.into_path()),
            Ok(_) => {}
            Err(err) => diags.push(Diagnostic::error(
                "io",
                crate::source::display_path(root, dir),
                format!("cannot read the theme: {err}"),
            )),
        }
    }
    for path in files {
        let rel = path
            .strip_prefix(dir)
            .map(|p| p.to_string_lossy().replace('\\', "/"))
            .unwrap_or_default();
        let display = crate::source::display_path(root, &path);
        match std::fs::read(&path) {
            Ok(bytes) => add_file(&mut theme, &rel, &display, bytes, &mut diags),
            Err(err) => diags.push(Diagnostic::error(
                "io",
                display,
                format!("cannot read: {err}"),
            )),
        }
    }
    finish(theme, diags)
}

fn load_embedded() -> Result<Theme, Diagnostics> {
    let mut diags = Diagnostics::new();
    let mut theme = Theme {
        name: DEFAULT_THEME.to_string(),
        ..Theme::default()
    };
    let mut stack = vec![&EMBEDDED];
    let mut files = Vec::new();
    while let Some(dir) = stack.pop() {
        files.extend(dir.files());
        stack.extend(dir.dirs());
    }
    files.sort_by_key(|f| f.path());
    for file in files {
        let rel = file.path().to_string_lossy().replace('\\', "/");
        let display = format!("(built-in theme) {rel}");
        add_file(
            &mut theme,
            &rel,
            &display,
            file.contents().to_vec(),
            &mut diags,
        );
    }
    finish(theme, diags)
}

fn add_file(theme: &mut Theme, rel: &str, display: &str, bytes: Vec<u8>, diags: &mut Diagnostics) {
    if let Some(name) = rel.strip_prefix("templates/") {
        match String::from_utf8(bytes) {
            Ok(text) => theme.templates.push(Template {
                name: name.to_string(),
                display: display.to_string(),
                text,
            }),
            Err(_) => diags.push(
                Diagnostic::error("utf8", display, "the template is not valid UTF-8")
                    .with_hint("save it as UTF-8"),
            ),
        }
    } else if let Some(name) = rel.strip_prefix("static/") {
        theme.statics.push((name.to_string(), bytes));
    } else if let Some(file) = rel.strip_prefix("i18n/")
        && let Some(lang) = file.strip_suffix(".yaml")
    {
        let Ok(text) = String::from_utf8(bytes) else {
            diags.push(
                Diagnostic::error("utf8", display, "the file is not valid UTF-8")
                    .with_hint("save it as UTF-8"),
            );
            return;
        };
        let source = SourceFile::new(display, text);
        match Block::whole(&source).parse::<BTreeMap<String, String>>() {
            Ok(map) => {
                theme.i18n.insert(lang.to_string(), map);
            }
            Err(d) => diags.push(d),
        }
    }
}

fn finish(theme: Theme, diags: Diagnostics) -> Result<Theme, Diagnostics> {
    if diags.has_errors() {
        Err(diags)
    } else {
        Ok(theme)
    }
}

/// A file of the theme's `static/` as it is published.
#[derive(Debug, Clone, PartialEq)]
pub struct StaticFile {
    /// Its path under `static/`: `style.css`.
    pub name: String,
    /// Its path in the site: `style.3f2a9c1d5e7b4a60.css`, or `name` for the files that must
    /// keep their name (`favicon.ico`, `.well-known/…`, HTML, text and web manifests).
    pub published: String,
    pub bytes: Vec<u8>,
    /// The name carries a hash of the bytes, so the file can be cached forever.
    pub hashed: bool,
}

/// The theme's static files with content-hashed names (xxh3, 64 bits), in `statics` order.
///
/// A stylesheet's relative `url(…)` references to other static files are rewritten to their
/// hashed names before the stylesheet itself is hashed, so a changed image also changes the
/// name of the stylesheet that uses it. Deterministic: the same bytes give the same names.
pub fn publish_statics(statics: &[(String, Vec<u8>)]) -> Vec<StaticFile> {
    let mut published: BTreeMap<String, String> = BTreeMap::new();
    let mut out: Vec<Option<StaticFile>> = vec![None; statics.len()];
    // Everything but stylesheets first: their names do not depend on anything else.
    for (i, (name, bytes)) in statics.iter().enumerate() {
        if !is_css(name) {
            let file = fingerprint(name, bytes.clone());
            published.insert(name.clone(), file.published.clone());
            out[i] = Some(file);
        }
    }
    // Stylesheets in passes, each once the stylesheets it refers to have their names; what is
    // left after as many passes as there are stylesheets refers in a circle and goes as it is.
    let css: Vec<usize> = (0..statics.len()).filter(|&i| out[i].is_none()).collect();
    for pass in 0..=css.len() {
        let last = pass == css.len();
        for &i in &css {
            if out[i].is_some() {
                continue;
            }
            let (name, bytes) = &statics[i];
            let text = String::from_utf8_lossy(bytes);
            let waiting = css_urls(&text).iter().any(|(_, _, r)| {
                let target = resolve(name, r);
                is_css(&target)
                    && target != *name
                    && statics.iter().any(|(n, _)| *n == target)
                    && !published.contains_key(&target)
            });
            if waiting && !last {
                continue;
            }
            let rewritten = rewrite_css(name, &text, &published);
            let file = fingerprint(name, rewritten.into_bytes());
            published.insert(name.clone(), file.published.clone());
            out[i] = Some(file);
        }
    }
    out.into_iter().flatten().collect()
}

fn is_css(name: &str) -> bool {
    name.ends_with(".css")
}

/// Files whose URL others expect to stay fixed.
fn keeps_name(name: &str) -> bool {
    let file = name.rsplit('/').next().unwrap_or(name);
    name.starts_with(".well-known/")
        || file == "favicon.ico"
        || file.starts_with("apple-touch-icon")
        || [".html", ".htm", ".txt", ".webmanifest"]
            .iter()
            .any(|ext| file.ends_with(ext))
}

fn fingerprint(name: &str, bytes: Vec<u8>) -> StaticFile {
    if keeps_name(name) {
        return StaticFile {
            name: name.to_string(),
            published: name.to_string(),
            bytes,
            hashed: false,
        };
    }
    let hash = format!("{:016x}", xxhash_rust::xxh3::xxh3_64(&bytes));
    let (dir, file) = match name.rsplit_once('/') {
        Some((d, f)) => (format!("{d}/"), f),
        None => (String::new(), name),
    };
    let hashed_file = match file.rsplit_once('.') {
        Some((stem, ext)) if !stem.is_empty() => format!("{stem}.{hash}.{ext}"),
        _ => format!("{file}.{hash}"),
    };
    StaticFile {
        name: name.to_string(),
        published: format!("{dir}{hashed_file}"),
        bytes,
        hashed: true,
    }
}

/// Every `url(…)` of a stylesheet: (start, end) of the reference inside the text, and the
/// reference itself.
fn css_urls(text: &str) -> Vec<(usize, usize, String)> {
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(i) = text[from..].find("url(") {
        let mut start = from + i + 4;
        let rest = &text[start..];
        let trimmed = rest.trim_start();
        start += rest.len() - trimmed.len();
        let (quote, body_start) = match trimmed.chars().next() {
            Some(q @ ('"' | '\'')) => (Some(q), start + 1),
            _ => (None, start),
        };
        let end = match quote {
            Some(q) => text[body_start..].find(q).map(|e| body_start + e),
            None => text[body_start..]
                .find(|c: char| c == ')' || c.is_whitespace())
                .map(|e| body_start + e),
        };
        let Some(end) = end else { break };
        out.push((body_start, end, text[body_start..end].to_string()));
        from = end;
    }
    out
}

/// A relative reference from the static file `from`, as a path under `static/`.
fn resolve(from: &str, reference: &str) -> String {
    let reference = reference.split(['?', '#']).next().unwrap_or("");
    if reference.is_empty() || reference.starts_with('/') || reference.contains(':') {
        return String::new();
    }
    let mut parts: Vec<&str> = from.split('/').collect();
    parts.pop();
    for segment in reference.split('/') {
        match segment {
            "." | "" => {}
            ".." => {
                parts.pop();
            }
            s => parts.push(s),
        }
    }
    parts.join("/")
}

/// The stylesheet `name` with its relative references to hashed files renamed.
fn rewrite_css(name: &str, text: &str, published: &BTreeMap<String, String>) -> String {
    let mut out = String::with_capacity(text.len());
    let mut last = 0;
    for (start, end, reference) in css_urls(text) {
        let target = resolve(name, &reference);
        let Some(new_name) = published.get(&target).filter(|p| **p != target) else {
            continue;
        };
        let new_file = new_name.rsplit('/').next().unwrap_or(new_name);
        let path_end = reference.find(['?', '#']).unwrap_or(reference.len());
        let (path, suffix) = reference.split_at(path_end);
        let dir = path
            .rsplit_once('/')
            .map_or(String::new(), |(d, _)| format!("{d}/"));
        out.push_str(&text[last..start]);
        out.push_str(&format!("{dir}{new_file}{suffix}"));
        last = end;
    }
    out.push_str(&text[last..]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn statics(files: &[(&str, &str)]) -> Vec<(String, Vec<u8>)> {
        files
            .iter()
            .map(|(n, b)| (n.to_string(), b.as_bytes().to_vec()))
            .collect()
    }

    #[test]
    fn static_files_get_content_hashed_names() {
        let out = publish_statics(&statics(&[
            ("style.css", "body{}"),
            ("js/menu.min.js", "x()"),
            ("favicon.ico", "ico"),
            ("LICENSE", "MIT"),
        ]));
        let names: Vec<&str> = out.iter().map(|f| f.published.as_str()).collect();
        let h = |b: &str| format!("{:016x}", xxhash_rust::xxh3::xxh3_64(b.as_bytes()));
        assert_eq!(
            names,
            [
                format!("style.{}.css", h("body{}")),
                format!("js/menu.min.{}.js", h("x()")),
                "favicon.ico".to_string(),
                format!("LICENSE.{}", h("MIT")),
            ]
        );
        assert!(out[0].hashed && out[1].hashed && !out[2].hashed && out[3].hashed);
    }

    #[test]
    fn stylesheet_references_follow_renamed_files() {
        let out = publish_statics(&statics(&[
            (
                "css/main.css",
                "@import url(\"base.css\");a{background:url(../img/a.svg?v=1#x)}b{background:url(data:x)}",
            ),
            ("css/base.css", "i{background:url( '../img/a.svg' )}"),
            ("img/a.svg", "<svg/>"),
        ]));
        let svg = &out
            .iter()
            .find(|f| f.name == "img/a.svg")
            .map(|f| f.published.clone())
            .unwrap_or_default();
        let svg_file = svg.rsplit('/').next().unwrap_or_default();
        let base = out.iter().find(|f| f.name == "css/base.css").cloned();
        let main = out.iter().find(|f| f.name == "css/main.css").cloned();
        let (Some(base), Some(main)) = (base, main) else {
            panic!("both stylesheets are published");
        };
        let base_text = String::from_utf8_lossy(&base.bytes).into_owned();
        assert_eq!(
            base_text,
            format!("i{{background:url( '../img/{svg_file}' )}}")
        );
        let main_text = String::from_utf8_lossy(&main.bytes).into_owned();
        let base_file = base.published.rsplit('/').next().unwrap_or_default();
        assert!(
            main_text.contains(&format!("url(\"{base_file}\")")),
            "{main_text}"
        );
        assert!(
            main_text.contains(&format!("url(../img/{svg_file}?v=1#x)")),
            "{main_text}"
        );
        assert!(main_text.contains("url(data:x)"), "{main_text}");
        // The stylesheet's name is the hash of what is published.
        assert!(main.published.contains(&format!(
            "{:016x}",
            xxhash_rust::xxh3::xxh3_64(main_text.as_bytes())
        )));
    }

    #[test]
    fn embedded_theme_has_templates_and_both_languages() {
        let theme = load_embedded().ok().unwrap_or_default();
        assert!(theme.template("page.html").is_some());
        assert!(theme.template("base.html").is_some());
        assert!(theme.i18n.contains_key("id") && theme.i18n.contains_key("en"));
        let id_keys: Vec<_> = theme
            .i18n
            .get("id")
            .map(|m| m.keys().collect())
            .unwrap_or_default();
        let en_keys: Vec<_> = theme
            .i18n
            .get("en")
            .map(|m| m.keys().collect())
            .unwrap_or_default();
        assert_eq!(id_keys, en_keys, "both languages have the same UI strings");
    }
}
