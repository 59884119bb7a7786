//! The template engine: Tera 2 with warta's functions and filters, and Tera's errors as
//! diagnostics that point into the template file and name the page being rendered.

use std::cell::RefCell;
use std::collections::{BTreeMap, HashMap};
use std::sync::Arc;

use tera::{Context, Kwargs, State, StringInput, Tera, Value};

use crate::config::Config;
use crate::diag::Code;
use crate::diag::{Diagnostic, Diagnostics, Position};
use crate::i18n::{Lang, Message};
use crate::msg;
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

/// Most items one `range()` call may give (Tera's own limit, kept).
pub const MAX_RANGE: i128 = 100_000;
/// Most `range()` items the templates of one page may go through: loops inside loops would
/// otherwise run for hours (Tera has no `while`, but nested `range` loops multiply).
pub const RANGE_FUEL: u64 = 1_000_000;

/// Most bytes one rendered file may have. Loops and recursive components that write output
/// stop here instead of filling the memory; a 50 MB Markdown page is far below it.
pub const MAX_OUTPUT: usize = 256 << 20;

/// The output of one render, refusing to grow past [`MAX_OUTPUT`].
struct Bounded {
    bytes: Vec<u8>,
    overflowed: bool,
}

impl std::io::Write for Bounded {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        if self.bytes.len() + buf.len() > MAX_OUTPUT {
            self.overflowed = true;
            return Err(std::io::Error::other("the rendered file is too large"));
        }
        self.bytes.extend_from_slice(buf);
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

thread_local! {
    /// `range()` items given so far while rendering the current page on this thread (a page
    /// renders on one thread from start to end; [`Engine::render`] resets it).
    static RANGE_USED: std::cell::Cell<u64> = const { std::cell::Cell::new(0) };

    /// The last refusal of one of warta's template functions on this thread, as a message:
    /// Tera carries only its English text, and the diagnostic wants it in the editor's
    /// language ([`function_error`], [`diagnostic_from`]).
    static FUNCTION_ERROR: RefCell<Option<Message>> = const { RefCell::new(None) };
}

/// A refusal of one of warta's template functions (`range`, `trans`, `asset`): Tera's error
/// with the English text, and the message kept for the diagnostic.
fn function_error(message: Message) -> tera::Error {
    let text = message.render(Lang::En);
    FUNCTION_ERROR.with(|f| *f.borrow_mut() = Some(message));
    tera::Error::message(text)
}

/// The message of the function refusal that Tera reports as `text`, if it is one.
fn take_function_error(text: &str) -> Option<Message> {
    FUNCTION_ERROR
        .with(|f| f.borrow_mut().take())
        .filter(|m| m.render(Lang::En) == text)
}

/// What is being rendered, for messages: a content file or a URL, or a redirect page made for
/// an old address (`aliases`) of a page.
#[derive(Debug, Clone, Copy)]
pub enum Origin<'a> {
    Plain(&'a str),
    Alias { file: &'a str, alias: &'a str },
}

impl<'a> From<&'a str> for Origin<'a> {
    fn from(origin: &'a str) -> Self {
        Origin::Plain(origin)
    }
}

impl<'a> From<&'a String> for Origin<'a> {
    fn from(origin: &'a String) -> Self {
        Origin::Plain(origin)
    }
}

impl Origin<'_> {
    /// "while rendering content/tentang.md", for the end of a message.
    fn while_rendering(self) -> Message {
        match self {
            Origin::Plain(origin) => msg!("render-while", origin),
            Origin::Alias { file, alias } => msg!("render-while-alias", file, alias),
        }
    }
}

/// Tera's `range(start=0, end, step_by=1)`, counting what it gives against [`RANGE_FUEL`].
fn range(kwargs: Kwargs, _: &State) -> tera::TeraResult<Vec<i128>> {
    let start = kwargs.get::<i128>("start")?.unwrap_or(0);
    let end = kwargs.must_get::<i128>("end")?;
    let step = kwargs.get::<i128>("step_by")?.unwrap_or(1);
    if step == 0 {
        return Err(function_error(msg!("render-range-step-zero")));
    }
    let (from, to, by) = if step > 0 {
        (start, end, step)
    } else {
        (end, start, step.saturating_neg())
    };
    let len = if to <= from {
        0
    } else {
        to.saturating_sub(from).saturating_add(by - 1) / by
    };
    if len > MAX_RANGE {
        let (len, limit) = (i64::try_from(len).unwrap_or(i64::MAX), MAX_RANGE as i64);
        return Err(function_error(msg!("render-range-too-long", len, limit)));
    }
    let used = RANGE_USED.with(|u| {
        let used = u
            .get()
            .saturating_add(u64::try_from(len).unwrap_or(u64::MAX));
        u.set(used);
        used
    });
    if used > RANGE_FUEL {
        let refusal = msg!("render-range-fuel", limit = RANGE_FUEL);
        return Err(function_error(refusal));
    }
    Ok((0..len).map(|i| start + i * step).collect())
}

/// The `phones` filter: plain text (a FAQ answer, an item of a list field) as HTML, escaped,
/// with its phone numbers as `tel:` links (`markdown::phone`). Text already marked safe is
/// HTML and is left as it is.
fn phones(text: StringInput, _: Kwargs, state: &State) -> tera::TeraResult<Value> {
    if text.is_safe() {
        return Ok(text.into_value());
    }
    let text = text.as_str();
    let mut html = String::with_capacity(text.len() + 16);
    let mut last = 0;
    for phone in crate::markdown::phone::find(text) {
        // Tera's own escaping, so that text without a number reads as `{{ text }}` would.
        html.push_str(&state.escape(&text[last..phone.range.start])?);
        html.push_str("<a href=\"tel:");
        html.push_str(&phone.tel);
        html.push_str("\">");
        html.push_str(&state.escape(&text[phone.range.clone()])?);
        html.push_str("</a>");
        last = phone.range.end;
    }
    html.push_str(&state.escape(&text[last..])?);
    Ok(Value::safe_string(&html))
}

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
        tera.register_function("range", range);
        tera.register_filter("phones", phones);
        let sources: HashMap<String, (String, String)> = theme
            .templates
            .iter()
            .map(|t| (t.name.clone(), (t.display.clone(), t.text.clone())))
            .collect();
        for name in REQUIRED {
            if !sources.contains_key(*name) {
                diags.push(
                    Diagnostic::error(
                        Code::Template,
                        format!("themes/{}/templates/{name}", theme.name),
                        msg!("render-template-missing", name = *name),
                    )
                    .with_hint(msg!("render-template-missing-hint")),
                );
            }
        }
        let i18n = Arc::new(theme.i18n.clone());
        let default_lang = config.default_language.clone();
        tera.register_function(
            "trans",
            move |kwargs: Kwargs, state: &State| -> tera::TeraResult<String> {
                let key: String = kwargs.must_get::<String>("key")?;
                let lang = match kwargs.get::<String>("lang")? {
                    Some(l) => l,
                    None => state
                        .get::<String>("lang")?
                        .unwrap_or_else(|| default_lang.clone()),
                };
                translate(&i18n, &key, &lang, &default_lang)
                    .ok_or_else(|| function_error(msg!("render-trans-missing", key)))
            },
        );
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
                    let refusal = msg!("render-asset-missing", path = &path, clean);
                    Err(function_error(refusal))
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

    /// Renders `template`; `origin` names what is being rendered (a content file or a URL, or
    /// a redirect page: `Origin`).
    pub fn render<'o>(
        &self,
        template: &str,
        ctx: &Context,
        origin: impl Into<Origin<'o>>,
    ) -> Result<String, Diagnostic> {
        let origin = origin.into();
        RANGE_USED.with(|u| u.set(0));
        FUNCTION_ERROR.with(|f| f.borrow_mut().take());
        let mut out = Bounded {
            bytes: Vec::with_capacity(32 << 10),
            overflowed: false,
        };
        let display = || {
            self.sources
                .get(template)
                .map_or_else(|| template.to_string(), |(d, _)| d.clone())
        };
        match self.tera.render_to(template, ctx, &mut out) {
            Ok(()) => String::from_utf8(out.bytes).map_err(|_| {
                Diagnostic::error(
                    Code::Template,
                    display(),
                    msg!("render-output-not-utf8").arg_message("while", origin.while_rendering()),
                )
                .with_hint(msg!("render-output-not-utf8-hint"))
            }),
            Err(_) if out.overflowed => Err(Diagnostic::error(
                Code::Template,
                display(),
                msg!("render-output-too-large", mib = MAX_OUTPUT >> 20)
                    .arg_message("while", origin.while_rendering()),
            )
            .with_hint(msg!("render-output-too-large-hint"))),
            Err(err) => {
                let mut d = diagnostic_from(&err, &self.sources, Some(origin));
                // Errors without a position (recursion) name the template that was rendered.
                if d.position.is_none() {
                    d.file = display();
                }
                Err(d)
            }
        }
    }
}

/// The UI string `key` in `lang`, else in the default language, else in the first language
/// that has it (`theme::check_i18n` has warned about each gap).
pub fn translate(
    i18n: &BTreeMap<String, BTreeMap<String, String>>,
    key: &str,
    lang: &str,
    default_lang: &str,
) -> Option<String> {
    i18n.get(lang)
        .and_then(|m| m.get(key))
        .or_else(|| i18n.get(default_lang).and_then(|m| m.get(key)))
        .or_else(|| i18n.values().find_map(|m| m.get(key)))
        .cloned()
}

/// The headline of a template error: Tera's text (`why`, in English) or the refusal of one of
/// warta's functions, and what was being rendered.
fn template_message(why: &str, origin: Option<Origin<'_>>) -> Message {
    let message = match origin {
        Some(origin) => {
            msg!("render-template-error-while").arg_message("while", origin.while_rendering())
        }
        None => msg!("render-template-error"),
    };
    match take_function_error(why) {
        Some(refusal) => message.arg_message("why", refusal),
        None => message.arg("why", why),
    }
}

fn diagnostic_from(
    err: &tera::Error,
    sources: &HashMap<String, (String, String)>,
    origin: Option<Origin<'_>>,
) -> Diagnostic {
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
            let why = format!("{}{cause}", report.message());
            Diagnostic::error(Code::Template, display, template_message(&why, origin))
                .at(Some(Position {
                    line: line_no,
                    column: span_col + 1,
                    width: width.max(1),
                    source_line: line_text,
                }))
                .with_hint(match err.kind() {
                    tera::ErrorKind::SyntaxError(_)
                        if report.message().contains("end of input") =>
                    {
                        msg!("render-hint-not-closed")
                    }
                    tera::ErrorKind::SyntaxError(_) => msg!("render-hint-syntax"),
                    _ if report.message().contains("`range`") => Message::new("render-hint-range")
                        .arg("items", MAX_RANGE as i64)
                        .arg("page", RANGE_FUEL),
                    _ => msg!("render-hint-variables"),
                })
        }
        _ => Diagnostic::error(
            Code::Template,
            named_template(&err.to_string(), sources).unwrap_or_else(|| "themes/".to_string()),
            template_message(&format!("{err}{cause}"), origin),
        )
        .with_hint(if err.to_string().contains("recursion depth") {
            msg!("render-hint-recursion")
        } else {
            msg!("render-hint-template-names")
        }),
    }
}

/// The template a message without a position names (`… for template 'partials/a.html' …`,
/// as Tera says of circular includes and extends), as its display path.
fn named_template(message: &str, sources: &HashMap<String, (String, String)>) -> Option<String> {
    let rest = &message[message.find("template '")? + "template '".len()..];
    let name = &rest[..rest.find('\'')?];
    sources.get(name).map(|(display, _)| display.clone())
}
