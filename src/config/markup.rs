//! `markdown:` in site.yaml: what happens to HTML written inside Markdown.
//!
//! The policy is a setting, so it lives here (as Zola keeps markup settings in its config);
//! the `markdown` stage applies it and owns the sanitizer.

use serde::Deserialize;

use crate::i18n::Message;
use crate::msg;

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
pub(super) struct RawMarkdown {
    raw_html: Option<RawHtml>,
    iframe_hosts: Option<Vec<String>>,
}

/// The hosts whose iframes survive `raw_html: sanitize` unless `markdown.iframe_hosts` says
/// otherwise: YouTube embeds, the privacy-enhanced host first (what editors paste from
/// YouTube's "Embed" button is one or the other).
pub const DEFAULT_IFRAME_HOSTS: &[&str] = &["www.youtube-nocookie.com", "www.youtube.com"];

/// Validates `markdown:`; each problem goes to `error(message, hint)`. Hosts are bare names
/// (`www.youtube-nocookie.com`): iframes are kept only with an `https://` `src` on one of them.
pub(super) fn markdown_policy(
    raw: RawMarkdown,
    error: &mut dyn FnMut(Message, Message),
) -> HtmlPolicy {
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
