//! The template engine: Tera 2 with warta's functions, and Tera's errors as diagnostics that
//! point into the template file and name the page being rendered.

use std::collections::{BTreeMap, HashMap};
use std::sync::Arc;

use tera::{Context, Kwargs, State, Tera};

use crate::config::Config;
use crate::diag::{Diagnostic, Diagnostics, Position};
use crate::theme::{StaticFile, Theme};

/// Templates every theme must have.
const REQUIRED: &[&str] = &[
    "home.html",
    "section.html",
    "page.html",
    "tags.html",
    "tag.html",
    "404.html",
    "alias.html",
    "atom.xml",
    "sitemap.xml",
];

/// Compiled templates, ready to render from many threads.
pub struct Engine {
    tera: Tera,
    /// Template name → (display path, source), for error positions.
    sources: HashMap<String, (String, String)>,
}

impl Engine {
    /// `statics` are the theme's static files as published (hashed names), for `asset()`.
    pub fn new(
        theme: &Theme,
        config: &Config,
        statics: &[StaticFile],
    ) -> Result<Engine, Diagnostics> {
        let mut diags = Diagnostics::new();
        let mut tera = Tera::default();
        tera.autoescape_on(vec![".html", ".htm", ".xml"]);
        let sources: HashMap<String, (String, String)> = theme
            .templates
            .iter()
            .map(|t| (t.name.clone(), (t.display.clone(), t.text.clone())))
            .collect();
        for name in REQUIRED {
            if !sources.contains_key(*name) {
                diags.push(
                    Diagnostic::error("template", format!("themes/{}/templates/{name}", theme.name), format!("the theme has no `{name}` template"))
                        .with_hint("every theme needs home, section, page, tags, tag, 404, alias, atom.xml and sitemap.xml templates"),
                );
            }
        }
        let i18n = Arc::new(theme.i18n.clone());
        let default_lang = config.default_language.clone();
        tera.register_function("trans", move |kwargs: Kwargs, state: &State| -> tera::TeraResult<String> {
            let key: String = kwargs.must_get::<String>("key")?;
            let lang = match kwargs.get::<String>("lang")? {
                Some(l) => l,
                None => state.get::<String>("lang")?.unwrap_or_else(|| default_lang.clone()),
            };
            translate(&i18n, &key, &lang, &default_lang)
                .ok_or_else(|| tera::Error::message(format!("the UI string `{key}` is missing from i18n/{lang}.yaml and i18n/{default_lang}.yaml")))
        });
        // `asset(path="style.css")` → `/style.3f2a9c1d5e7b4a60.css` (base path included).
        let statics: Arc<HashMap<String, String>> = Arc::new(
            statics
                .iter()
                .map(|f| (f.name.clone(), config.url(&format!("/{}", f.published))))
                .collect(),
        );
        tera.register_function(
            "asset",
            move |kwargs: Kwargs, _: &State| -> tera::TeraResult<String> {
                let path: String = kwargs.must_get::<String>("path")?;
                let clean = path.trim_start_matches('/');
                if let Some(url) = statics.get(clean) {
                    Ok(url.clone())
                } else {
                    Err(tera::Error::message(format!(
                        "asset(path=\"{path}\"): the theme has no static/{clean}"
                    )))
                }
            },
        );
        // Templates go in together so that `extends` and `include` resolve in any order.
        let all: Vec<(String, String)> = theme
            .templates
            .iter()
            .map(|t| (t.name.clone(), t.text.clone()))
            .collect();
        if let Err(err) = tera.add_raw_templates(all) {
            diags.push(diagnostic_from(&err, &sources, None));
        }
        if diags.has_errors() {
            return Err(diags);
        }
        Ok(Engine { tera, sources })
    }

    pub fn has_template(&self, name: &str) -> bool {
        self.sources.contains_key(name)
    }

    /// Renders `template`; `origin` names what is being rendered (a content file or a URL).
    pub fn render(
        &self,
        template: &str,
        ctx: &Context,
        origin: &str,
    ) -> Result<String, Diagnostic> {
        self.tera
            .render(template, ctx)
            .map_err(|err| diagnostic_from(&err, &self.sources, Some(origin)))
    }
}

/// The UI string `key` in `lang`, else in the default language.
pub fn translate(
    i18n: &BTreeMap<String, BTreeMap<String, String>>,
    key: &str,
    lang: &str,
    default_lang: &str,
) -> Option<String> {
    i18n.get(lang)
        .and_then(|m| m.get(key))
        .or_else(|| i18n.get(default_lang).and_then(|m| m.get(key)))
        .cloned()
}

fn diagnostic_from(
    err: &tera::Error,
    sources: &HashMap<String, (String, String)>,
    origin: Option<&str>,
) -> Diagnostic {
    let while_rendering = origin
        .map(|o| format!(" (while rendering {o})"))
        .unwrap_or_default();
    let mut chain = Vec::new();
    let mut source = std::error::Error::source(err);
    while let Some(s) = source {
        chain.push(s.to_string());
        source = s.source();
    }
    let cause = if chain.is_empty() {
        String::new()
    } else {
        format!(": {}", chain.join(": "))
    };
    match err.kind() {
        tera::ErrorKind::SyntaxError(report) | tera::ErrorKind::RenderingError(report) => {
            let (display, text) = sources
                .get(report.filename())
                .cloned()
                .unwrap_or_else(|| (report.filename().to_string(), String::new()));
            let span = report.span();
            // A parse error at the end of input can point one line past the last one.
            let line_count = text.lines().count().max(1);
            let line_no = span.start_line.clamp(1, line_count);
            let line_text = text.lines().nth(line_no - 1).unwrap_or("").to_string();
            let span_col = if line_no == span.start_line {
                span.start_col
            } else {
                0
            };
            let width = if span.end_line == span.start_line {
                span.end_col.saturating_sub(span.start_col)
            } else {
                line_text.len().saturating_sub(span.start_col)
            };
            Diagnostic::error("template", display, format!("{}{cause}{while_rendering}", report.message()))
                .at(Some(Position {
                    line: line_no,
                    column: span_col + 1,
                    width: width.max(1),
                    source_line: line_text,
                }))
                .with_hint(match err.kind() {
                    tera::ErrorKind::SyntaxError(_) if report.message().contains("end of input") => {
                        "a `{% if %}`, `{% for %}` or `{% block %}` is not closed: add its `{% endif %}`, `{% endfor %}` or `{% endblock %}`"
                    }
                    tera::ErrorKind::SyntaxError(_) => "fix the template syntax (Tera 2: `{{ value }}`, `{% if %}…{% endif %}`, `{% for x in xs %}…{% endfor %}`)",
                    _ => "check the variable names against docs/templates.md; optional values must be tested with `{% if … %}`",
                })
        }
        _ => Diagnostic::error(
            "template",
            "themes/",
            format!("{err}{cause}{while_rendering}"),
        )
        .with_hint("check the template names used by `extends` and `include`"),
    }
}
