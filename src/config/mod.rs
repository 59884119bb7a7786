//! Site configuration: `site.yaml` → [`Config`].
//!
//! Parsed in two steps (ripgrep's low/high args): serde reads the raw shape with unknown keys
//! rejected, then [`load`] validates it into a `Config` whose values are ready to use. Unknown
//! keys are found first, every one at once, and named as settings of site.yaml. The
//! theme's `extra:` map is free-form, except the keys warta itself reads (`hotline`, `alerts`,
//! `menu`, and the chrome keys `help`, `masthead`, `footer`, `feedback`), which are typed and checked.
//!
//! One file per section of site.yaml, each with its raw shape, its validated type and its
//! checks: `base_url`, `languages` (and the texts per language), `output`, `markup`
//! (`markdown:`), `images`, `budgets`, `extra`. `raw` reads the file, `unknown` finds the
//! settings warta does not know; this module only drives them, in the order their errors are
//! reported.

pub mod action_url;
mod alert_link;
mod base_url;
mod budgets;
mod chrome;
mod extra;
mod images;
mod languages;
mod markup;
mod output;
mod raw;
mod tags;
mod unknown;

use std::collections::BTreeMap;
use std::path::Path;

use crate::diag::Code;
use crate::diag::{Diagnostic, Diagnostics, Position};
use crate::i18n::Message;
use crate::yaml::Block;

pub use alert_link::AlertLink;
pub use base_url::is_absolute_url;
pub use budgets::Budgets;
pub use chrome::{Chrome, Feedback, PageRef};
pub use extra::{Alert, Hotline};
pub use images::{IMAGES_OUTPUT_DIR, ImagesConfig};
pub use languages::LangText;
pub use markup::{DEFAULT_IFRAME_HOSTS, HtmlPolicy, RawHtml};
pub use output::{DEFAULT_CSP, OutputConfig};
pub use tags::TagLabels;

/// The name site.yaml's diagnostics give the file.
const DISPLAY: &str = "site.yaml";

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
    /// `extra.help`, `masthead`, `footer`, `feedback` and the hotline's hours.
    pub chrome: Chrome,
    /// `output:`: precompression and headers for the host.
    pub output: OutputConfig,
    /// `markdown:`: the raw-HTML policy (`raw_html`, `iframe_hosts`).
    pub markdown: HtmlPolicy,
    /// `images:`: responsive image settings.
    pub images: ImagesConfig,
    /// `budgets:`: size budgets checked after rendering (`budgets`).
    pub budgets: Budgets,
    /// `tags:`: the topics' labels per language (docs/tags.md).
    pub tags: TagLabels,
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

/// Reads and validates `<root>/site.yaml`.
pub fn load(root: &Path, base_url_override: Option<&str>) -> Result<Config, Diagnostics> {
    let file = raw::read_file(root)?;
    let block = Block::whole(&file);
    let raw = raw::parse(&block)?;
    let mut diags = Diagnostics::new();
    let mut raw_extra = extra::read(&block, &mut diags);

    let (base_url, base_path) =
        base_url::base_url(raw.base_url, base_url_override, &block, &mut diags);

    let raw_output = raw.output.unwrap_or_default();
    let custom_csp = raw_output.writes_csp();
    let mut output =
        output::output_config(raw_output, &mut errors_at(&block, "output", &mut diags));
    let mut images = images::images_config(
        raw.images.unwrap_or_default(),
        &mut errors_at(&block, "images", &mut diags),
    );
    let budgets = budgets::budgets_config(
        raw.budgets.unwrap_or_default(),
        images.budget_bytes,
        &mut errors_at(&block, "budgets", &mut diags),
    );
    // One image budget: `budgets.image` wins over the older `images.image_budget_kb`.
    images.budget_bytes = budgets.image;
    let markdown = markup::markdown_policy(
        raw.markdown.unwrap_or_default(),
        &mut errors_at(&block, "markdown", &mut diags),
    );
    // The iframes the sanitizer keeps must also be allowed by warta's own policy of `_headers`.
    if !custom_csp {
        output::allow_iframes(&mut output, &markdown);
    }

    let (default_language, languages) =
        languages::languages(raw.default_language, raw.languages, &block, &mut diags);
    let title = languages::title(raw.title, &languages, &default_language, &block, &mut diags);
    let description = languages::per_language(
        raw.description,
        &languages,
        &block,
        "description",
        &mut diags,
    );

    let extra_yaml = raw.extra.unwrap_or(serde_yaml::Value::Null);
    let extra = serde_json::to_value(&extra_yaml).unwrap_or(serde_json::Value::Null);
    let alerts = extra::alerts(
        raw_extra.alerts.take().unwrap_or_default(),
        &languages,
        &block,
        &mut diags,
    );

    let tags = tags::tag_labels(raw.tags.unwrap_or_default(), &languages, &block, &mut diags);
    let chrome = chrome::chrome(&mut raw_extra, &languages, &block, &mut diags);

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
        chrome,
        output,
        images,
        markdown,
        budgets,
        tags,
    })
}

/// Where the top-level setting `key` is written, or the top of the file when it is not.
fn setting_at(block: &Block<'_>, key: &str) -> Option<Position> {
    block
        .key_position(key)
        .or_else(|| Some(block.start_position()))
}

/// Reports each problem `(message, hint)` of the top-level setting `key` as an error where
/// the setting is written.
fn errors_at<'a>(
    block: &'a Block<'a>,
    key: &'a str,
    diags: &'a mut Diagnostics,
) -> impl FnMut(Message, Message) + 'a {
    move |message, hint| {
        diags.push(
            Diagnostic::error(Code::Config, DISPLAY, message)
                .at(setting_at(block, key))
                .with_hint(hint),
        );
    }
}

#[cfg(test)]
mod tests;
