//! Site configuration: `site.yaml` → [`Config`].
//!
//! Parsed in two steps (ripgrep's low/high args): serde reads the raw shape with unknown keys
//! rejected, then [`load`] validates it into a `Config` whose values are ready to use. Unknown
//! keys are found first, every one at once, and named as settings of site.yaml. The
//! theme's `extra:` map is free-form, except the keys warta itself reads (`hotline`, `alerts`,
//! `menu`), which are typed and checked.

use std::collections::BTreeMap;
use std::path::Path;

use serde::Deserialize;

use crate::dates::Date;
use crate::diag::{Diagnostic, Diagnostics, Position, did_you_mean};
use crate::i18n::Message;
use crate::msg;
use crate::source::SourceFile;
use crate::yaml::Block;

/// Text given once for all languages, or per language.
#[derive(Debug, Clone, Deserialize)]
#[serde(untagged)]
pub enum LangText {
    One(String),
    PerLanguage(BTreeMap<String, String>),
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawConfig {
    base_url: Option<String>,
    title: Option<LangText>,
    description: Option<LangText>,
    default_language: Option<String>,
    languages: Option<Vec<String>>,
    theme: Option<String>,
    output: Option<RawOutput>,
    markdown: Option<RawMarkdown>,
    images: Option<RawImages>,
    budgets: Option<RawBudgets>,
    extra: Option<serde_yaml::Value>,
}

/// `budgets:` in site.yaml: the most each kind of file may weigh, in KB (docs/budgets.md).
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawBudgets {
    html: Option<u64>,
    css: Option<u64>,
    js: Option<u64>,
    image: Option<u64>,
}

/// What readers may be made to download (`budgets:` in site.yaml), in bytes. HTML, CSS and
/// JavaScript are measured gzipped, per file; over budget is a warning, not an error.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Budgets {
    /// Each HTML page, gzipped.
    pub html: u64,
    /// Each stylesheet, gzipped.
    pub css: u64,
    /// Each script, gzipped.
    pub js: u64,
    /// Each photo as a phone downloads it (the 800 px WebP); the same as `images.budget_bytes`.
    pub image: u64,
}

impl Default for Budgets {
    fn default() -> Self {
        Budgets {
            html: 40 * 1024,
            css: 20 * 1024,
            js: 15 * 1024,
            image: 100 * 1024,
        }
    }
}

/// `images:` in site.yaml: how photos are turned into responsive images (docs/images.md).
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawImages {
    widths: Option<Vec<u32>>,
    quality: Option<u8>,
    publish_originals: Option<bool>,
    image_budget_kb: Option<u64>,
}

/// How photos are processed (`images:` in site.yaml).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImagesConfig {
    /// The widths made of every photo, ascending; none wider than the photo itself.
    pub widths: Vec<u32>,
    /// Encoder quality, 1–100, for WebP and JPEG alike.
    pub quality: u8,
    /// Also publish the original file (metadata stripped) at its own URL.
    pub publish_originals: bool,
    /// A warning (`image-budget`) when the 800 px WebP of a photo is larger than this.
    pub budget_bytes: u64,
}

/// The folder of the processed photos under the site's base path. Everything in it is named
/// by a hash of its bytes, so the host may cache it for a year.
pub const IMAGES_OUTPUT_DIR: &str = "/processed_images";

impl Default for ImagesConfig {
    fn default() -> Self {
        ImagesConfig {
            widths: vec![480, 800, 1200],
            quality: 75,
            publish_originals: false,
            budget_bytes: 100 * 1024,
        }
    }
}

/// What happens to HTML written inside Markdown (`markdown.raw_html` in site.yaml).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum RawHtml {
    /// Kept, but cleaned: no scripts, no event handlers, no `javascript:` or `data:` links,
    /// iframes only from the allowed hosts.
    #[default]
    Sanitize,
    /// Kept as written (for sites whose every editor is trusted with scripts).
    Allow,
    /// An error: Markdown only.
    Deny,
}

/// The raw-HTML policy of a site.
#[derive(Debug, Clone, Default)]
pub struct HtmlPolicy {
    pub mode: RawHtml,
    /// Hosts whose `<iframe src>` survives sanitizing, e.g. `www.youtube-nocookie.com`.
    pub iframe_hosts: Vec<String>,
}

/// `markdown:` in site.yaml: what happens to HTML written inside Markdown.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawMarkdown {
    raw_html: Option<RawHtml>,
    iframe_hosts: Option<Vec<String>>,
}

/// The hosts whose iframes survive `raw_html: sanitize` unless `markdown.iframe_hosts` says
/// otherwise: YouTube embeds, the privacy-enhanced host first (what editors paste from
/// YouTube's "Embed" button is one or the other).
pub const DEFAULT_IFRAME_HOSTS: &[&str] = &["www.youtube-nocookie.com", "www.youtube.com"];

/// `output:` in site.yaml: how the built site is written for its host.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawOutput {
    precompress: Option<bool>,
    content_security_policy: Option<String>,
}

/// The Content-Security-Policy written to `_headers` unless `output.content_security_policy`
/// replaces it. The default theme has no inline script or style, so `'self'` is enough; images
/// may come from other HTTPS hosts (front-matter `image` can be a URL).
pub const DEFAULT_CSP: &str = "default-src 'self'; img-src 'self' https: data:; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

/// How the site is written for its host (`output:` in site.yaml).
#[derive(Debug, Clone)]
pub struct OutputConfig {
    /// Write `.gz` and `.br` files beside every compressible file.
    pub precompress: bool,
    /// The `Content-Security-Policy` of `_headers`.
    pub content_security_policy: String,
}

impl Default for OutputConfig {
    fn default() -> Self {
        OutputConfig {
            precompress: false,
            content_security_policy: DEFAULT_CSP.to_string(),
        }
    }
}

/// The parts of `extra:` that warta reads itself; other keys are the theme's business.
#[derive(Debug, Default, Deserialize)]
struct ExtraView {
    #[serde(default)]
    extra: Option<RawExtra>,
}

#[derive(Debug, Default, Deserialize)]
struct RawExtra {
    hotline: Option<Hotline>,
    alerts: Option<Vec<RawAlert>>,
    menu: Option<Vec<String>>,
}

/// The complaint hotline, shown on every page.
#[derive(Debug, Clone, Default, Deserialize, serde::Serialize)]
#[serde(deny_unknown_fields)]
pub struct Hotline {
    pub number: Option<String>,
    pub abroad: Option<String>,
    pub whatsapp: Option<String>,
    pub email: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawAlert {
    text: LangText,
    start: Option<String>,
    end: Option<String>,
}

/// A dated notice shown on every page between `start` and `end`, inclusive.
#[derive(Debug, Clone)]
pub struct Alert {
    pub text: BTreeMap<String, String>,
    pub start: Option<Date>,
    pub end: Option<Date>,
}

/// The validated site configuration.
#[derive(Debug, Clone)]
pub struct Config {
    /// Absolute, without a trailing slash: `https://kp2mi.example.go.id`, or
    /// `https://example.github.io/kp2mi` for a site served from a folder.
    pub base_url: String,
    /// The path part of `base_url` without a trailing slash: `""` at the root of a host, else
    /// `"/kp2mi"`. Every URL of the site starts with it; files are written without it.
    pub base_path: String,
    pub title: BTreeMap<String, String>,
    pub description: BTreeMap<String, String>,
    pub default_language: String,
    /// The default language first.
    pub languages: Vec<String>,
    pub theme: Option<String>,
    /// `extra:` as written, for templates.
    pub extra: serde_json::Value,
    pub hotline: Option<Hotline>,
    pub alerts: Vec<Alert>,
    /// Section folders in menu order.
    pub menu: Vec<String>,
    /// `output:`: precompression and headers for the host.
    pub output: OutputConfig,
    /// `markdown:`: the raw-HTML policy (`raw_html`, `iframe_hosts`).
    pub markdown: HtmlPolicy,
    /// `images:`: responsive image settings.
    pub images: ImagesConfig,
    /// `budgets:`: size budgets checked after rendering (`budgets`).
    pub budgets: Budgets,
}

impl Config {
    /// The URL prefix of a language, base path included: `""` for the default language and
    /// `"/en"` for others at the root of a host; `"/kp2mi"` and `"/kp2mi/en"` under a base
    /// path `/kp2mi`.
    pub fn lang_prefix(&self, lang: &str) -> String {
        if lang == self.default_language {
            self.base_path.clone()
        } else {
            format!("{}/{lang}", self.base_path)
        }
    }

    /// The URL of a path given from the site's root (`/sitemap.xml`): the base path prepended.
    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base_path)
    }

    /// `https://host` without the base path.
    pub fn origin(&self) -> &str {
        self.base_url
            .strip_suffix(self.base_path.as_str())
            .unwrap_or(&self.base_url)
    }

    pub fn title_in(&self, lang: &str) -> &str {
        self.title
            .get(lang)
            .or_else(|| self.title.get(&self.default_language))
            .map_or("", String::as_str)
    }

    pub fn description_in(&self, lang: &str) -> &str {
        self.description
            .get(lang)
            .or_else(|| self.description.get(&self.default_language))
            .map_or("", String::as_str)
    }

    /// The absolute URL of a site URL (which already carries the base path).
    pub fn permalink(&self, url: &str) -> String {
        format!("{}{url}", self.origin())
    }
}

/// Whether `url` can be a site's `base_url`: `http(s)://` and a host.
pub fn is_absolute_url(url: &str) -> bool {
    let rest = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"));
    rest.is_some_and(|r| {
        let host = r.split(['/', '?', '#']).next().unwrap_or("");
        !host.is_empty() && !host.contains(char::is_whitespace)
    })
}

/// Reads and validates `<root>/site.yaml`.
pub fn load(root: &Path, base_url_override: Option<&str>) -> Result<Config, Diagnostics> {
    let path = root.join("site.yaml");
    let display = "site.yaml";
    let mut diags = Diagnostics::new();
    let bytes = match std::fs::read(&path) {
        Ok(b) => b,
        Err(err) => {
            let folder = root.display().to_string();
            diags.push(
                Diagnostic::error(
                    "config",
                    display,
                    msg!("config-cannot-read", why = err.to_string()),
                )
                .with_hint(msg!("config-cannot-read-hint", folder)),
            );
            return Err(diags);
        }
    };
    let text = match String::from_utf8(bytes) {
        Ok(t) => t,
        Err(_) => {
            diags.push(
                Diagnostic::error("utf8", display, msg!("config-not-utf8"))
                    .with_hint(msg!("config-not-utf8-hint")),
            );
            return Err(diags);
        }
    };
    let file = SourceFile::new(display, text.trim_start_matches('\u{feff}').to_string());
    let block = Block::whole(&file);
    // Settings warta does not know are reported in the words of site.yaml, all at once,
    // before serde would stop at the first.
    let tree: serde_yaml::Value = match block.parse() {
        Ok(v) => v,
        Err(d) => {
            diags.push(d);
            return Err(diags);
        }
    };
    let unknown = unknown_settings(&tree, &file);
    if !unknown.is_empty() {
        diags.extend(unknown);
        return Err(diags);
    }
    let raw: RawConfig = match block.parse() {
        Ok(r) => r,
        Err(d) => {
            diags.push(d);
            return Err(diags);
        }
    };
    let extra_view: ExtraView = match block.parse() {
        Ok(v) => v,
        Err(d) => {
            diags.push(d);
            ExtraView::default()
        }
    };

    let here = |key: &str| {
        block
            .key_position(key)
            .or_else(|| Some(block.start_position()))
    };

    let from_flag = base_url_override.is_some();
    let base_url = match base_url_override.map(str::to_string).or(raw.base_url) {
        Some(u) if is_absolute_url(&u) => u.trim_end_matches('/').to_string(),
        Some(u) => {
            diags.push(
                Diagnostic::error(
                    "config",
                    display,
                    msg!("config-base-url-not-absolute", found = format!("{u:?}")),
                )
                .at(here("base_url"))
                .with_hint(
                    if u.contains("://") || u.contains(char::is_whitespace) || u.is_empty() {
                        msg!("config-base-url-not-absolute-hint")
                    } else {
                        msg!("config-write", text = format!("https://{u}"))
                    },
                ),
            );
            String::new()
        }
        None => {
            diags.push(
                Diagnostic::error("config", display, msg!("config-base-url-missing"))
                    .at(Some(block.start_position()))
                    .with_hint(msg!("config-base-url-missing-hint")),
            );
            String::new()
        }
    };

    let base_path = match split_base_url(&base_url) {
        Ok(path) => path,
        Err(why) => {
            let found = format!("{base_url:?}");
            let d = if from_flag {
                Diagnostic::error(
                    "config",
                    display,
                    msg!("config-base-url-flag-unusable", found).arg_message("why", why),
                )
                .with_hint(msg!("config-base-url-flag-unusable-hint"))
            } else {
                Diagnostic::error(
                    "config",
                    display,
                    msg!("config-base-url-unusable", found).arg_message("why", why),
                )
                .at(here("base_url"))
                .with_hint(msg!("config-base-url-unusable-hint"))
            };
            diags.push(d);
            String::new()
        }
    };

    let custom_csp = raw
        .output
        .as_ref()
        .is_some_and(|o| o.content_security_policy.is_some());
    let output = match raw.output {
        None => OutputConfig::default(),
        Some(o) => OutputConfig {
            precompress: o.precompress.unwrap_or(false),
            content_security_policy: match o.content_security_policy {
                Some(csp) if csp.contains(['\n', '\r']) || csp.trim().is_empty() => {
                    diags.push(
                        Diagnostic::error("config", display, msg!("config-csp-one-line"))
                            .at(here("output"))
                            .with_hint(msg!("config-csp-one-line-hint")),
                    );
                    DEFAULT_CSP.to_string()
                }
                Some(csp) => csp.trim().to_string(),
                None => DEFAULT_CSP.to_string(),
            },
        },
    };

    let mut images = images_config(raw.images.unwrap_or_default(), &mut |message, hint| {
        diags.push(
            Diagnostic::error("config", display, message)
                .at(here("images"))
                .with_hint(hint),
        );
    });
    let budgets = budgets_config(
        raw.budgets.unwrap_or_default(),
        images.budget_bytes,
        &mut |message, hint| {
            diags.push(
                Diagnostic::error("config", display, message)
                    .at(here("budgets"))
                    .with_hint(hint),
            );
        },
    );
    // One image budget: `budgets.image` wins over the older `images.image_budget_kb`.
    images.budget_bytes = budgets.image;

    let markdown = markdown_policy(raw.markdown.unwrap_or_default(), &mut |message, hint| {
        diags.push(
            Diagnostic::error("config", display, message)
                .at(here("markdown"))
                .with_hint(hint),
        );
    });
    // The iframes the sanitizer keeps must also be allowed by the default policy of
    // `_headers` (`default-src 'self'` alone would block them in the browser).
    let mut output = output;
    if !custom_csp && markdown.mode != RawHtml::Deny && !markdown.iframe_hosts.is_empty() {
        let hosts: Vec<String> = markdown
            .iframe_hosts
            .iter()
            .map(|h| format!("https://{h}"))
            .collect();
        output
            .content_security_policy
            .push_str(&format!("; frame-src {}", hosts.join(" ")));
    }

    let default_language = raw.default_language.unwrap_or_else(|| "id".to_string());
    let mut languages = raw
        .languages
        .unwrap_or_else(|| vec![default_language.clone()]);
    for lang in &languages {
        let ok = (2..=3).contains(&lang.len()) && lang.chars().all(|c| c.is_ascii_lowercase());
        if !ok {
            let lower = lang.trim().to_ascii_lowercase();
            let hint = if (2..=3).contains(&lower.len())
                && lower.chars().all(|c| c.is_ascii_lowercase())
            {
                msg!("config-write", text = lower)
            } else {
                msg!("config-not-a-language-code-hint")
            };
            diags.push(
                Diagnostic::error("config", display, msg!("config-not-a-language-code", lang))
                    .at(block.item_position("languages", lang))
                    .with_hint(hint),
            );
        }
    }
    if !languages.contains(&default_language) {
        let lang = &default_language;
        let message = msg!("config-default-language-not-listed", lang);
        let hint = msg!("config-default-language-not-listed-hint", lang);
        diags.push(
            Diagnostic::error("config", display, message)
                .at(here("default_language"))
                .with_hint(hint),
        );
    }
    languages.retain(|l| l != &default_language);
    languages.insert(0, default_language.clone());
    languages.dedup();

    let title = per_language(raw.title, &languages, &block, "title", &mut diags);
    if !title.contains_key(&default_language) {
        diags.push(
            Diagnostic::error("config", display, msg!("config-title-missing"))
                .at(here("title"))
                .with_hint(msg!("config-title-missing-hint", lang = &default_language)),
        );
    }
    let description = per_language(
        raw.description,
        &languages,
        &block,
        "description",
        &mut diags,
    );

    let extra_yaml = raw.extra.unwrap_or(serde_yaml::Value::Null);
    let extra = serde_json::to_value(&extra_yaml).unwrap_or(serde_json::Value::Null);
    let raw_extra = extra_view.extra.unwrap_or_default();

    let mut alerts = Vec::new();
    for raw_alert in raw_extra.alerts.unwrap_or_default() {
        let mut date = |s: Option<String>| match s.map(|s| Date::parse(&s).map_err(|e| (s, e))) {
            None => None,
            Some(Ok(d)) => Some(d),
            Some(Err((s, e))) => {
                let hint = match Date::suggest(&s) {
                    Some(fixed) => msg!("config-write", text = fixed.to_string()),
                    None => msg!("config-alert-date-hint"),
                };
                diags.push(
                    Diagnostic::error(
                        "date",
                        display,
                        msg!("config-alert-date", found = format!("{s:?}"))
                            .arg_message("why", e.message()),
                    )
                    .at(block.item_position("extra", &s))
                    .with_hint(hint),
                );
                None
            }
        };
        let start = date(raw_alert.start);
        let end = date(raw_alert.end);
        alerts.push(Alert {
            text: per_language(
                Some(raw_alert.text),
                &languages,
                &block,
                "extra.alerts.text",
                &mut diags,
            ),
            start,
            end,
        });
    }

    if diags.has_errors() {
        return Err(diags);
    }
    Ok(Config {
        base_url,
        base_path,
        title,
        description,
        default_language,
        languages,
        theme: raw.theme,
        extra,
        hotline: raw_extra.hotline,
        alerts,
        menu: raw_extra.menu.unwrap_or_default(),
        output,
        images,
        markdown,
        budgets,
    })
}

/// The settings warta reads from site.yaml, by block: the block's path (`""` for the top
/// level), whether it is a list of such blocks, and its keys. The `Raw…` structs above must
/// take the same keys (a test checks).
const SETTINGS: &[(&str, bool, &[&str])] = &[
    (
        "",
        false,
        &[
            "base_url",
            "title",
            "description",
            "default_language",
            "languages",
            "theme",
            "output",
            "markdown",
            "images",
            "budgets",
            "extra",
        ],
    ),
    ("output", false, &["precompress", "content_security_policy"]),
    ("markdown", false, &["raw_html", "iframe_hosts"]),
    (
        "images",
        false,
        &["widths", "quality", "publish_originals", "image_budget_kb"],
    ),
    ("budgets", false, &["html", "css", "js", "image"]),
    (
        "extra.hotline",
        false,
        &["number", "abroad", "whatsapp", "email"],
    ),
    ("extra.alerts", true, &["text", "start", "end"]),
];

/// Every setting of site.yaml that warta does not know, with the nearest known one. Values of
/// the wrong shape are left to the typed reading that follows.
fn unknown_settings(tree: &serde_yaml::Value, file: &SourceFile) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for (block, list, known) in SETTINGS {
        let node = block
            .split('.')
            .filter(|p| !p.is_empty())
            .try_fold(tree, |node, part| node.get(part));
        let maps: Vec<&serde_yaml::Mapping> = match node {
            Some(serde_yaml::Value::Mapping(m)) if !list => vec![m],
            Some(serde_yaml::Value::Sequence(items)) if *list => items
                .iter()
                .filter_map(serde_yaml::Value::as_mapping)
                .collect(),
            _ => Vec::new(),
        };
        for key in maps
            .iter()
            .flat_map(|m| m.keys())
            .filter_map(serde_yaml::Value::as_str)
            .filter(|k| !known.contains(k))
        {
            let message = if block.is_empty() {
                msg!("config-unknown-setting", key)
            } else {
                msg!("config-unknown-setting-in", key, block = *block)
            };
            let hint = match did_you_mean(key, known.iter().copied()) {
                Some(near) => msg!("config-did-you-mean", near),
                None => msg!("config-unknown-setting-hint", known = known.join(", ")),
            };
            out.push(
                Diagnostic::error("config", file.display.clone(), message)
                    .at(Some(setting_position(file, block, key)))
                    .with_hint(hint),
            );
        }
    }
    out
}

/// Where `key` is written inside `block` (a dotted path of keys, `""` for the top level): the
/// first line after the block's own key that writes it, in block or flow style; else line 1.
fn setting_position(file: &SourceFile, block: &str, key: &str) -> Position {
    let lines: Vec<&str> = file.text.split('\n').collect();
    let mut from = 0;
    for part in block.split('.').filter(|p| !p.is_empty()) {
        match (from..lines.len()).find(|&i| key_column(lines[i], part).is_some()) {
            Some(i) => from = i,
            None => return file.position_at_line(1, 1, 1),
        }
    }
    for (i, line) in lines.iter().enumerate().skip(from) {
        match key_column(line, key) {
            // Top-level keys start their line.
            Some(col) if !block.is_empty() || col == 0 => {
                let column = line[..col].chars().count() + 1;
                return file.position_at_line(i + 1, column, key.chars().count());
            }
            _ => {}
        }
    }
    file.position_at_line(1, 1, 1)
}

/// The byte column where `line` writes the key `key` (`key:` at the start, after `- `, `{` or
/// `,`), before any comment.
fn key_column(line: &str, key: &str) -> Option<usize> {
    let code = line.split(" #").next().unwrap_or(line);
    code.match_indices(key).map(|(i, _)| i).find(|&i| {
        let before = code[..i].trim_end();
        let starts = before.is_empty()
            || before.ends_with(['{', ','])
            || before.trim_start_matches([' ', '-']).is_empty();
        starts && code[i + key.len()..].trim_start().starts_with(':')
    })
}

/// Validates `budgets:` (KB in the file, bytes in [`Budgets`]); `image` defaults to the image
/// budget already set under `images:`.
fn budgets_config(
    raw: RawBudgets,
    image_default: u64,
    error: &mut dyn FnMut(Message, Message),
) -> Budgets {
    let default = Budgets::default();
    let mut kb = |key: &str, value: Option<u64>, fallback: u64| match value {
        None => fallback,
        Some(0) => {
            error(
                msg!("config-budget-zero", key),
                msg!("config-budget-zero-hint"),
            );
            fallback
        }
        Some(kb) => kb.saturating_mul(1024),
    };
    Budgets {
        html: kb("html", raw.html, default.html),
        css: kb("css", raw.css, default.css),
        js: kb("js", raw.js, default.js),
        image: kb("image", raw.image, image_default),
    }
}

/// Validates `markdown:`; each problem goes to `error(message, hint)`. Hosts are bare names
/// (`www.youtube-nocookie.com`): iframes are kept only with an `https://` `src` on one of them.
fn markdown_policy(raw: RawMarkdown, error: &mut dyn FnMut(Message, Message)) -> HtmlPolicy {
    let hosts = raw
        .iframe_hosts
        .unwrap_or_else(|| DEFAULT_IFRAME_HOSTS.iter().map(|h| h.to_string()).collect());
    let bare = |h: &str| {
        !h.is_empty()
            && h.split('.').all(|label| {
                !label.is_empty()
                    && !label.starts_with('-')
                    && label
                        .chars()
                        .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
            })
    };
    let (good, bad): (Vec<String>, Vec<String>) = hosts.into_iter().partition(|h| bare(h));
    for h in &bad {
        error(
            msg!("config-iframe-host", found = format!("{h:?}")),
            msg!("config-iframe-host-hint"),
        );
    }
    HtmlPolicy {
        mode: raw.raw_html.unwrap_or_default(),
        iframe_hosts: good,
    }
}

/// Validates `images:`; each problem goes to `error(message, hint)`.
fn images_config(raw: RawImages, error: &mut dyn FnMut(Message, Message)) -> ImagesConfig {
    let default = ImagesConfig::default();
    let mut widths = raw.widths.unwrap_or(default.widths);
    if widths.is_empty() || widths.iter().any(|w| !(16..=4096).contains(w)) {
        error(
            msg!("config-image-widths", found = format!("{widths:?}")),
            msg!("config-image-widths-hint"),
        );
        widths = ImagesConfig::default().widths;
    }
    widths.sort_unstable();
    widths.dedup();
    let quality = match raw.quality {
        Some(q) if (1..=100).contains(&q) => q,
        Some(q) => {
            error(
                msg!("config-image-quality", found = q),
                msg!("config-image-quality-hint"),
            );
            default.quality
        }
        None => default.quality,
    };
    ImagesConfig {
        widths,
        quality,
        publish_originals: raw.publish_originals.unwrap_or(default.publish_originals),
        budget_bytes: raw
            .image_budget_kb
            .map_or(default.budget_bytes, |kb| kb.saturating_mul(1024)),
    }
}

/// The path of an absolute base URL (already without its trailing slash): `""` for
/// `https://host`, `"/kp2mi"` for `https://host/kp2mi`. Only plain path segments are allowed,
/// so the path can be put in front of every URL and matched in `_headers` and nginx as it is.
fn split_base_url(base_url: &str) -> Result<String, Message> {
    let Some((_, rest)) = base_url.split_once("://") else {
        return Ok(String::new());
    };
    let (host, path) = match rest.find('/') {
        Some(i) => (&rest[..i], &rest[i..]),
        None => (rest, ""),
    };
    if host.is_empty() {
        return Err(msg!("config-base-url-no-host"));
    }
    if path.contains(['?', '#']) || host.contains(['?', '#']) {
        return Err(msg!("config-base-url-query"));
    }
    for segment in path.split('/').skip(1) {
        let plain = !segment.is_empty()
            && segment != "."
            && segment != ".."
            && segment
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || "-._~".contains(c));
        if !plain {
            return Err(msg!("config-base-url-folder", path = format!("{path:?}")));
        }
    }
    Ok(path.to_string())
}

/// Text per language. A language the site does not have is an error (naming `key`, at
/// `position`): `{ id: …, en: …, de: … }` would otherwise drop the German silently, and
/// `{ in: … }` for `id` would leave the site without its title.
fn per_language(
    text: Option<LangText>,
    languages: &[String],
    block: &Block<'_>,
    key: &str,
    diags: &mut Diagnostics,
) -> BTreeMap<String, String> {
    match text {
        None => BTreeMap::new(),
        Some(LangText::One(s)) => languages.iter().map(|l| (l.clone(), s.clone())).collect(),
        Some(LangText::PerLanguage(map)) => {
            for lang in map.keys().filter(|l| !languages.contains(l)) {
                let nearest = languages
                    .iter()
                    .min_by_key(|l| strsim::levenshtein(l, lang))
                    .filter(|l| strsim::levenshtein(l, lang) <= 1)
                    // A language that has its text already would then be given twice.
                    .filter(|l| !map.contains_key(*l));
                let all = languages.join(", ");
                let hint = match nearest {
                    Some(near) => msg!("config-did-you-mean", near),
                    None => msg!("config-text-language-hint", lang, languages = all),
                };
                diags.push(
                    Diagnostic::error(
                        "config",
                        "site.yaml",
                        msg!("config-text-language", key, lang),
                    )
                    .at(block.item_position(key.split('.').next().unwrap_or(key), lang))
                    .with_hint(hint),
                );
            }
            map.into_iter()
                .filter(|(l, _)| languages.contains(l))
                .collect()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn load_text(text: &str) -> Result<Config, Diagnostics> {
        let dir = tempfile::tempdir().map_err(|_| Diagnostics::new())?;
        std::fs::write(dir.path().join("site.yaml"), text).map_err(|_| Diagnostics::new())?;
        load(dir.path(), None)
    }

    #[test]
    fn unknown_key_is_an_error_with_line_and_suggestion() {
        let err = load_text("base_url: https://x.id\ntitle: X\nlanguges: [id, en]\n").err();
        let d = err.map(|d| d.sorted()).unwrap_or_default();
        assert_eq!(d.len(), 1);
        assert_eq!(
            d[0].message,
            "the site settings (site.yaml) have no setting `languges`"
        );
        assert_eq!(
            d[0].position.as_ref().map(|p| (p.line, p.column, p.width)),
            Some((3, 1, 8))
        );
        assert_eq!(d[0].hint.as_deref(), Some("did you mean `languages`?"));
    }

    /// Every unknown setting is reported at once, nested ones at their own line, in block or
    /// flow style and inside lists.
    #[test]
    fn every_unknown_setting_is_reported_where_it_is_written() {
        let err = load_text(
            "base_url: https://x.id\ntitle: X\nimages:\n  widht: [1]\nbudgets: { html: 1, htm: 2 }\nextra:\n  hotline: { nomor: 1 }\n  alerts:\n    - text: A\n      strat: 2025-01-01\nzzz: 1\n",
        )
        .err();
        let found: Vec<String> = err
            .map(|d| d.sorted())
            .unwrap_or_default()
            .iter()
            .map(|d| {
                let (line, column) = d.position.as_ref().map_or((0, 0), |p| (p.line, p.column));
                let hint = d.hint.as_ref().map(ToString::to_string).unwrap_or_default();
                format!("{line}:{column}: {} / {hint}", d.message)
            })
            .collect();
        let known = "the settings allowed here are:";
        let none = "remove the line if it is none of them";
        assert_eq!(
            found,
            [
                "4:3: the site settings (site.yaml) have no setting `widht` under `images:` / did you mean `widths`?".to_string(),
                "5:21: the site settings (site.yaml) have no setting `htm` under `budgets:` / did you mean `html`?".to_string(),
                format!("7:14: the site settings (site.yaml) have no setting `nomor` under `extra.hotline:` / {known} number, abroad, whatsapp, email; {none}"),
                "10:7: the site settings (site.yaml) have no setting `strat` under `extra.alerts:` / did you mean `start`?".to_string(),
                format!("11:1: the site settings (site.yaml) have no setting `zzz` / {known} base_url, title, description, default_language, languages, theme, output, markdown, images, budgets, extra; {none}"),
            ]
        );
    }

    /// The settings known to [`unknown_settings`] are exactly those the `Raw…` structs read.
    #[test]
    fn the_known_settings_are_those_of_the_structs() {
        fn serde_keys<T: serde::de::DeserializeOwned>() -> Vec<String> {
            let err = serde_yaml::from_str::<T>("zzz_unknown: 1")
                .err()
                .map(|e| e.to_string())
                .unwrap_or_default();
            let expected = err.split(", expected ").nth(1).unwrap_or_default();
            let mut keys: Vec<String> = expected
                .split('`')
                .skip(1)
                .step_by(2)
                .map(String::from)
                .collect();
            keys.sort();
            keys
        }
        let known = |block: &str| {
            let mut keys: Vec<String> = SETTINGS
                .iter()
                .find(|(b, _, _)| *b == block)
                .map(|(_, _, k)| k.iter().map(|k| k.to_string()).collect())
                .unwrap_or_default();
            keys.sort();
            keys
        };
        assert_eq!(known(""), serde_keys::<RawConfig>());
        assert_eq!(known("output"), serde_keys::<RawOutput>());
        assert_eq!(known("markdown"), serde_keys::<RawMarkdown>());
        assert_eq!(known("images"), serde_keys::<RawImages>());
        assert_eq!(known("budgets"), serde_keys::<RawBudgets>());
        assert_eq!(known("extra.hotline"), serde_keys::<Hotline>());
        assert_eq!(known("extra.alerts"), serde_keys::<RawAlert>());
        assert_eq!(SETTINGS.len(), 7);
    }

    #[test]
    fn text_in_a_language_the_site_does_not_have_is_an_error() {
        let err = load_text(
            "base_url: https://x.id\nlanguages: [id, en]\ntitle: { id: A, en: B, de: C }\ndescription: { in: Situs }\n",
        )
        .err();
        let d = err.map(|d| d.sorted()).unwrap_or_default();
        let found: Vec<(String, Option<usize>, Option<String>)> = d
            .iter()
            .map(|d| {
                (
                    d.message.to_string(),
                    d.position.as_ref().map(|p| p.line),
                    d.hint.as_ref().map(ToString::to_string),
                )
            })
            .collect();
        assert_eq!(
            found,
            [
                (
                    "`title` has a text in `de`, which is not one of the site's languages"
                        .to_string(),
                    Some(3),
                    Some("write it in one of: id, en; or add `de` to `languages`".to_string())
                ),
                (
                    "`description` has a text in `in`, which is not one of the site's languages"
                        .to_string(),
                    Some(4),
                    Some("did you mean `id`?".to_string())
                ),
            ]
        );
        assert!(
            is_absolute_url("https://example.github.io/kp2mi/")
                && !is_absolute_url("https://")
                && !is_absolute_url("example.go.id")
        );
    }

    #[test]
    fn default_language_comes_first() {
        let c = load_text(
            "base_url: https://x.id/\ntitle: X\ndefault_language: id\nlanguages: [en, id]\n",
        );
        let c = c.ok();
        assert_eq!(
            c.as_ref().map(|c| c.languages.clone()),
            Some(vec!["id".to_string(), "en".to_string()])
        );
        assert_eq!(c.map(|c| c.base_url), Some("https://x.id".to_string()));
    }

    #[test]
    fn base_url_path_becomes_the_base_path_of_every_url() {
        let c = load_text(
            "base_url: https://example.github.io/kp2mi/\ntitle: X\nlanguages: [id, en]\n",
        )
        .ok();
        let c = c.as_ref();
        assert_eq!(c.map(|c| c.base_path.as_str()), Some("/kp2mi"));
        assert_eq!(c.map(|c| c.lang_prefix("id")), Some("/kp2mi".to_string()));
        assert_eq!(
            c.map(|c| c.lang_prefix("en")),
            Some("/kp2mi/en".to_string())
        );
        assert_eq!(
            c.map(|c| c.permalink("/kp2mi/en/news/")),
            Some("https://example.github.io/kp2mi/en/news/".to_string())
        );
        assert_eq!(
            c.map(|c| c.url("/sitemap.xml")),
            Some("/kp2mi/sitemap.xml".to_string())
        );
        let root = load_text("base_url: https://x.id\ntitle: X\n").ok();
        assert_eq!(
            root.as_ref().map(|c| c.lang_prefix("id")),
            Some(String::new())
        );
        assert_eq!(
            root.map(|c| c.permalink("/a/")),
            Some("https://x.id/a/".to_string())
        );
    }

    #[test]
    fn base_url_paths_must_be_plain_folders() {
        assert_eq!(
            split_base_url("https://h/a/b-c_d.e~f"),
            Ok("/a/b-c_d.e~f".into())
        );
        assert_eq!(split_base_url("http://h:8080"), Ok(String::new()));
        for bad in [
            "https://h/a b",
            "https://h/a?x=1",
            "https://h/a#x",
            "https://h/../a",
            "https:///a",
        ] {
            assert!(split_base_url(bad).is_err(), "{bad}");
        }
        let err = load_text("base_url: https://x.id/a?b\ntitle: X\n").err();
        let d = err.map(|d| d.sorted()).unwrap_or_default();
        assert_eq!(d.len(), 1);
        assert_eq!(d[0].position.as_ref().map(|p| p.line), Some(1));
    }

    #[test]
    fn image_settings_have_defaults_and_are_checked() {
        let c = load_text("base_url: https://x.id\ntitle: X\n").ok();
        assert_eq!(c.map(|c| c.images), Some(ImagesConfig::default()));
        let c = load_text(
            "base_url: https://x.id\ntitle: X\nimages:\n  widths: [1200, 640]\n  publish_originals: true\n",
        )
        .ok();
        assert_eq!(
            c.as_ref().map(|c| c.images.widths.clone()),
            Some(vec![640, 1200])
        );
        assert_eq!(c.map(|c| c.images.publish_originals), Some(true));
        let err = load_text("base_url: https://x.id\ntitle: X\nimages:\n  quality: 0\n").err();
        let d = err.map(|d| d.sorted()).unwrap_or_default();
        assert_eq!(d.len(), 1, "{d:?}");
        assert_eq!(d[0].position.as_ref().map(|p| p.line), Some(3));
        let err = load_text("base_url: https://x.id\ntitle: X\nimages:\n  widht: [1]\n").err();
        let d = err.map(|d| d.sorted()).unwrap_or_default();
        assert_eq!(d[0].hint.as_deref(), Some("did you mean `widths`?"));
    }

    #[test]
    fn markdown_policy_has_defaults_and_is_checked() {
        use RawHtml;
        let c = load_text("base_url: https://x.id\ntitle: X\n").ok();
        let c = c.as_ref();
        assert_eq!(c.map(|c| c.markdown.mode), Some(RawHtml::Sanitize));
        assert_eq!(
            c.map(|c| c.markdown.iframe_hosts.clone()),
            Some(vec![
                "www.youtube-nocookie.com".into(),
                "www.youtube.com".into()
            ])
        );
        assert!(c.is_some_and(|c| {
            c.output
                .content_security_policy
                .ends_with("; frame-src https://www.youtube-nocookie.com https://www.youtube.com")
        }));
        let c = load_text(
            "base_url: https://x.id\ntitle: X\nmarkdown:\n  raw_html: deny\n  iframe_hosts: []\n",
        )
        .ok();
        assert_eq!(c.as_ref().map(|c| c.markdown.mode), Some(RawHtml::Deny));
        assert_eq!(
            c.map(|c| c.output.content_security_policy),
            Some(DEFAULT_CSP.to_string())
        );
        let c = load_text("base_url: https://x.id\ntitle: X\nmarkdown: { raw_html: allow }\n").ok();
        assert_eq!(c.map(|c| c.markdown.mode), Some(RawHtml::Allow));

        let err =
            load_text("base_url: https://x.id\ntitle: X\nmarkdown:\n  raw_html: sanitise\n").err();
        let d = err.map(|d| d.sorted()).unwrap_or_default();
        assert_eq!(d.len(), 1, "{d:?}");
        assert_eq!(d[0].position.as_ref().map(|p| p.line), Some(4));
        assert!(d[0].message.contains("sanitise"), "{d:?}");
        let err = load_text(
            "base_url: https://x.id\ntitle: X\nmarkdown:\n  iframe_hosts: [https://www.youtube.com/embed]\n",
        )
        .err();
        let d = err.map(|d| d.sorted()).unwrap_or_default();
        assert_eq!(d.len(), 1, "{d:?}");
        assert_eq!(d[0].position.as_ref().map(|p| p.line), Some(3));
        assert!(d[0].message.contains("(host name)"), "{d:?}");
        let err =
            load_text("base_url: https://x.id\ntitle: X\nmarkdown:\n  iframe_host: []\n").err();
        let d = err.map(|d| d.sorted()).unwrap_or_default();
        assert_eq!(d[0].hint.as_deref(), Some("did you mean `iframe_hosts`?"));
    }

    #[test]
    fn budgets_have_defaults_in_kilobytes_and_are_checked() {
        let c = load_text("base_url: https://x.id\ntitle: X\n").ok();
        assert_eq!(c.map(|c| c.budgets), Some(Budgets::default()));
        let c =
            load_text("base_url: https://x.id\ntitle: X\nbudgets:\n  html: 30\n  image: 80\n").ok();
        let c = c.as_ref();
        assert_eq!(c.map(|c| c.budgets.html), Some(30 * 1024));
        assert_eq!(c.map(|c| c.budgets.css), Some(20 * 1024));
        assert_eq!(c.map(|c| c.budgets.image), Some(80 * 1024));
        assert_eq!(c.map(|c| c.images.budget_bytes), Some(80 * 1024));
        // The older image setting still counts when `budgets.image` is absent.
        let c =
            load_text("base_url: https://x.id\ntitle: X\nimages:\n  image_budget_kb: 50\n").ok();
        assert_eq!(c.map(|c| c.budgets.image), Some(50 * 1024));
        let err = load_text("base_url: https://x.id\ntitle: X\nbudgets:\n  htm: 30\n").err();
        let d = err.map(|d| d.sorted()).unwrap_or_default();
        assert_eq!(d.len(), 1, "{d:?}");
        assert_eq!(d[0].position.as_ref().map(|p| p.line), Some(4));
        assert_eq!(d[0].hint.as_deref(), Some("did you mean `html`?"));
        let err = load_text("base_url: https://x.id\ntitle: X\nbudgets:\n  js: 0\n").err();
        let d = err.map(|d| d.sorted()).unwrap_or_default();
        assert_eq!(d.len(), 1, "{d:?}");
        assert_eq!(d[0].position.as_ref().map(|p| p.line), Some(3));
    }

    #[test]
    fn output_settings_are_typed_and_checked() {
        let c = load_text("base_url: https://x.id\ntitle: X\noutput:\n  precompress: true\n").ok();
        assert_eq!(c.map(|c| c.output.precompress), Some(true));
        let err =
            load_text("base_url: https://x.id\ntitle: X\noutput:\n  precompres: true\n").err();
        let d = err.map(|d| d.sorted()).unwrap_or_default();
        assert_eq!(d.len(), 1);
        assert_eq!(d[0].position.as_ref().map(|p| p.line), Some(4));
        assert_eq!(d[0].hint.as_deref(), Some("did you mean `precompress`?"));
    }
}
