//! Themes: templates, static files and UI strings, from `themes/<name>/` or, for the default
//! theme `kp2mi` when the site has no `themes/` folder, from a copy embedded in the binary.

use std::collections::BTreeMap;
use std::path::Path;

use include_dir::{Dir, include_dir};

use crate::diag::Code;
use crate::diag::{Diagnostic, Diagnostics};
use crate::i18n::Message;
use crate::msg;
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
    /// The i18n files as read, per language, for positions in [`check_i18n`]'s messages.
    pub i18n_files: BTreeMap<String, SourceFile>,
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
    let hint = msg!("theme-not-found-hint", name, default = DEFAULT_THEME);
    diags.push(
        Diagnostic::error(Code::Theme, "site.yaml", msg!("theme-not-found", name)).with_hint(hint),
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
            Err(err) => diags.push(
                Diagnostic::error(
                    Code::Io,
                    crate::source::display_path(root, dir),
                    msg!("theme-cannot-read-folder", why = err.to_string()),
                )
                .with_hint(msg!("theme-cannot-read-hint")),
            ),
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
            Err(err) => diags.push(
                Diagnostic::error(
                    Code::Io,
                    display,
                    msg!("theme-cannot-read-file", why = err.to_string()),
                )
                .with_hint(msg!("theme-cannot-read-hint")),
            ),
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
                Diagnostic::error(Code::Utf8, display, msg!("theme-template-not-utf8"))
                    .with_hint(msg!("theme-not-utf8-hint")),
            ),
        }
    } else if let Some(name) = rel.strip_prefix("static/") {
        theme.statics.push((name.to_string(), bytes));
    } else if let Some(file) = rel.strip_prefix("i18n/")
        && let Some(lang) = file.strip_suffix(".yaml")
    {
        let Ok(text) = String::from_utf8(bytes) else {
            diags.push(
                Diagnostic::error(Code::Utf8, display, msg!("theme-strings-not-utf8"))
                    .with_hint(msg!("theme-not-utf8-hint")),
            );
            return;
        };
        let source = SourceFile::new(display, text);
        match Block::whole(&source).parse::<BTreeMap<String, String>>() {
            Ok(map) => {
                theme.i18n.insert(lang.to_string(), map);
                theme.i18n_files.insert(lang.to_string(), source);
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

/// Compares the UI strings of the site's languages, once per theme load.
///
/// A key that one language's file lacks falls back (to the default language, else to the
/// first language that has it) and is warned about once per key and language, naming the
/// file that lacks it; a language without any file is one warning. A key that a template asks
/// for with a literal `trans(key="…")` and that no language has is an error naming the
/// template, reported here once instead of on every page that would render it.
pub fn check_i18n(theme: &Theme, languages: &[String], default_language: &str) -> Diagnostics {
    let mut diags = Diagnostics::new();
    if theme.i18n.is_empty() {
        return diags;
    }
    let dir = theme
        .i18n_files
        .values()
        .next()
        .and_then(|f| f.display.rsplit_once('/'))
        .map_or_else(|| "i18n".to_string(), |(d, _)| d.to_string());
    let site_files: Vec<(&String, &SourceFile)> = languages
        .iter()
        .filter_map(|l| theme.i18n_files.get(l).map(|f| (l, f)))
        .collect();
    for lang in languages {
        if !theme.i18n.contains_key(lang) {
            let file = format!("{dir}/{lang}.yaml");
            let hint = Message::new("theme-no-strings-for-language-hint")
                .arg("file", &file)
                .arg("dir", &dir);
            diags.push(
                Diagnostic::warning(
                    Code::I18nMissing,
                    file,
                    msg!("theme-no-strings-for-language", lang),
                )
                .with_hint(hint),
            );
        }
    }
    // Every key of the site's languages, with the first file (and line) that has it.
    let mut keys: BTreeMap<&str, (&String, &SourceFile)> = BTreeMap::new();
    for (lang, file) in &site_files {
        for key in theme.i18n.get(*lang).into_iter().flat_map(|m| m.keys()) {
            keys.entry(key.as_str()).or_insert((lang, file));
        }
    }
    for (lang, file) in &site_files {
        let Some(strings) = theme.i18n.get(*lang) else {
            continue;
        };
        for (key, (from_lang, from_file)) in &keys {
            if strings.contains_key(*key) {
                continue;
            }
            let fallback = if theme
                .i18n
                .get(default_language)
                .is_some_and(|m| m.contains_key(*key))
            {
                default_language
            } else {
                from_lang.as_str()
            };
            let line = key_line(from_file, key)
                .map(|l| format!(":{l}"))
                .unwrap_or_default();
            let from = format!("{}{line}", from_file.display);
            let hint = Message::new("theme-string-missing-hint")
                .arg("key", *key)
                .arg("file", &file.display)
                .arg("from", from);
            diags.push(
                Diagnostic::warning(
                    Code::I18nMissing,
                    file.display.clone(),
                    msg!("theme-string-missing", key = *key, lang = *lang, fallback),
                )
                .with_hint(hint),
            );
        }
    }
    for template in &theme.templates {
        for (offset, key) in trans_keys(&template.text) {
            if theme.i18n.values().any(|m| m.contains_key(key)) {
                continue;
            }
            let source = SourceFile::new(template.display.clone(), template.text.clone());
            diags.push(
                Diagnostic::error(
                    Code::Template,
                    template.display.clone(),
                    msg!("theme-string-in-no-language", key),
                )
                .at(Some(source.position(offset, key.len())))
                .with_hint(
                    Message::new("theme-string-in-no-language-hint")
                        .arg("key", key)
                        .arg("dir", &dir),
                ),
            );
        }
    }
    diags
}

/// The 1-based line of `key:` at the start of a line of an i18n file.
fn key_line(file: &SourceFile, key: &str) -> Option<usize> {
    file.text
        .lines()
        .position(|l| {
            l.strip_prefix(key)
                .is_some_and(|rest| rest.trim_start().starts_with(':'))
                || l.strip_prefix(&format!("\"{key}\""))
                    .is_some_and(|rest| rest.trim_start().starts_with(':'))
        })
        .map(|i| i + 1)
}

/// The literal keys of `trans(key="…")` calls in a template, with the byte offset of each key.
/// Keys given by a variable are checked when the page renders.
fn trans_keys(text: &str) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(i) = text[from..].find("trans(") {
        let args_start = from + i + "trans(".len();
        let args_end = text[args_start..]
            .find(')')
            .map_or(text.len(), |e| args_start + e);
        let args = &text[args_start..args_end];
        if let Some(k) = args.find("key") {
            let rest = args[k + 3..].trim_start();
            if let Some(value) = rest.strip_prefix('=') {
                let value = value.trim_start();
                let quote = value.chars().next().filter(|q| matches!(q, '"' | '\''));
                if let Some(q) = quote
                    && let Some(end) = value[1..].find(q)
                {
                    let key = &value[1..1 + end];
                    let offset = args_end - args.len() + (args.len() - value.len()) + 1;
                    out.push((offset, key));
                }
            }
        }
        from = args_start;
    }
    out
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
    fn literal_trans_keys_are_found_with_their_offsets() {
        let text =
            r#"<p>{{ trans(key="home") }} {{trans( key = 'toc', lang=l)}} {{ trans(key=k) }}</p>"#;
        let keys = trans_keys(text);
        assert_eq!(
            keys.iter().map(|(_, k)| *k).collect::<Vec<_>>(),
            ["home", "toc"]
        );
        for (offset, key) in keys {
            assert_eq!(&text[offset..offset + key.len()], key);
        }
    }

    fn theme_with(files: &[(&str, &str)], template: &str) -> Theme {
        let mut theme = Theme::default();
        let mut diags = Diagnostics::new();
        for (lang, text) in files {
            let rel = format!("i18n/{lang}.yaml");
            let display = format!("themes/t/{rel}");
            add_file(
                &mut theme,
                &rel,
                &display,
                text.as_bytes().to_vec(),
                &mut diags,
            );
        }
        let display = "themes/t/templates/page.html";
        add_file(
            &mut theme,
            "templates/page.html",
            display,
            template.into(),
            &mut diags,
        );
        assert!(diags.is_empty());
        theme
    }

    #[test]
    fn a_key_missing_in_one_language_warns_once_naming_the_file_and_key() {
        let theme = theme_with(
            &[
                ("id", "home: Beranda\nbaca: Baca\nsaja_en_tidak: x\n"),
                ("en", "home: Home\nhanya_en: Only\n"),
                ("fr", "home: Accueil\n"),
            ],
            r#"{{ trans(key="baca") }}"#,
        );
        let langs = ["id".to_string(), "en".to_string()];
        let diags = check_i18n(&theme, &langs, "id");
        let mut lines: Vec<String> = diags.iter().map(|d| d.render_human()).collect();
        lines.sort();
        assert_eq!(lines.len(), 3, "{lines:#?}");
        assert!(
            diags
                .iter()
                .all(|d| d.code == "i18n-missing" && !d.is_error())
        );
        assert!(lines[0].starts_with(
            "warning: themes/t/i18n/en.yaml: the interface text (UI string) `baca` is missing: pages in `en` show it in `id`"
        ), "{}", lines[0]);
        assert!(
            lines[0].contains("translating themes/t/i18n/id.yaml:2"),
            "{}",
            lines[0]
        );
        assert!(lines[2].starts_with(
            "warning: themes/t/i18n/id.yaml: the interface text (UI string) `hanya_en` is missing: pages in `id` show it in `en`"
        ), "{}", lines[2]);
    }

    #[test]
    fn a_key_missing_in_every_language_is_an_error_naming_the_template() {
        let theme = theme_with(
            &[("id", "home: Beranda\n"), ("en", "home: Home\n")],
            "<h1>x</h1>\n<p>{{ trans(key=\"tidak_ada\") }}</p>\n",
        );
        let diags = check_i18n(&theme, &["id".into(), "en".into()], "id");
        let out: Vec<String> = diags.iter().map(|d| d.render_human()).collect();
        assert_eq!(out.len(), 1, "{out:#?}");
        assert!(
            out[0].starts_with(
                "error: themes/t/templates/page.html:2:18: `trans(key=\"tidak_ada\")`: none of the theme's translation files"
            ),
            "{}",
            out[0]
        );
    }

    #[test]
    fn a_site_language_without_a_file_is_one_warning() {
        let theme = theme_with(&[("id", "home: Beranda\n")], "");
        let diags = check_i18n(&theme, &["id".into(), "en".into()], "id");
        assert_eq!(diags.iter().count(), 1);
        assert!(diags.iter().all(|d| d.file == "themes/t/i18n/en.yaml"));
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
