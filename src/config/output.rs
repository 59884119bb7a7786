//! `output:` in site.yaml: how the built site is written for its host (precompression, the
//! Content-Security-Policy of `_headers`).
//!
//! Writing the files is the `output` stage's business; this holds only the settings.

use serde::Deserialize;

use super::markup::{HtmlPolicy, RawHtml};
use crate::i18n::Message;
use crate::msg;

/// `output:` in site.yaml: how the built site is written for its host.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawOutput {
    precompress: Option<bool>,
    content_security_policy: Option<String>,
}

impl RawOutput {
    /// Whether site.yaml writes its own policy (then warta adds nothing to it).
    pub(super) fn writes_csp(&self) -> bool {
        self.content_security_policy.is_some()
    }
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

/// Validates `output:`; each problem goes to `error(message, hint)`. A policy that is not one
/// line of text is refused, and the default one used.
pub(super) fn output_config(
    raw: RawOutput,
    error: &mut dyn FnMut(Message, Message),
) -> OutputConfig {
    OutputConfig {
        precompress: raw.precompress.unwrap_or(false),
        content_security_policy: match raw.content_security_policy {
            Some(csp) if csp.contains(['\n', '\r']) || csp.trim().is_empty() => {
                error(
                    msg!("config-csp-one-line"),
                    msg!("config-csp-one-line-hint"),
                );
                DEFAULT_CSP.to_string()
            }
            Some(csp) => csp.trim().to_string(),
            None => DEFAULT_CSP.to_string(),
        },
    }
}

/// Lets the browser show the iframes the sanitizer keeps: warta's own policy gets a
/// `frame-src` of the allowed hosts (`default-src 'self'` alone would block them). Call it only
/// when site.yaml does not write its own policy.
pub(super) fn allow_iframes(output: &mut OutputConfig, markdown: &HtmlPolicy) {
    if markdown.mode != RawHtml::Deny && !markdown.iframe_hosts.is_empty() {
        let hosts: Vec<String> = markdown
            .iframe_hosts
            .iter()
            .map(|h| format!("https://{h}"))
            .collect();
        output
            .content_security_policy
            .push_str(&format!("; frame-src {}", hosts.join(" ")));
    }
}
