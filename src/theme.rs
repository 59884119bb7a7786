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

#[cfg(test)]
mod tests {
    use super::*;

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
