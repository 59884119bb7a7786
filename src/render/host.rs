//! What a static host or CDN needs beside the pages: `_headers` and `_redirects` (the format
//! of Netlify and Cloudflare Pages), rendered with the sitemap and `robots.txt`.
//!
//! Other hosts (GitHub Pages, S3 + CloudFront, nginx) ignore the two files; `docs/deploy.md`
//! says what each of them needs instead.

use crate::config::Config;
use crate::content::{ContentGraph, normalize_alias};
use crate::diag::Diagnostic;
use crate::diag::{Code, Diagnostics};
use crate::i18n::Message;
use crate::msg;

/// `Cache-Control` of files whose name carries a hash of their bytes.
pub const IMMUTABLE: &str = "public, max-age=31536000, immutable";
/// `Cache-Control` of feeds and the sitemap: readers poll them, so a few minutes of caching
/// spares the host without delaying news much.
pub const SHORT: &str = "public, max-age=300";
/// Cloudflare Pages reads at most this many rules of `_headers`.
const MAX_HEADER_RULES: usize = 100;

/// Headers every response gets; the theme has no inline script or style, so the policy needs
/// no `'unsafe-inline'`.
fn security_headers(config: &Config) -> Vec<(&'static str, String)> {
    vec![
        (
            "Content-Security-Policy",
            config.output.content_security_policy.clone(),
        ),
        ("X-Content-Type-Options", "nosniff".into()),
        ("X-Frame-Options", "DENY".into()),
        ("Referrer-Policy", "strict-origin-when-cross-origin".into()),
        (
            "Permissions-Policy",
            "camera=(), microphone=(), geolocation=(), payment=(), usb=(), browsing-topics=()"
                .into(),
        ),
    ]
}

/// The `_headers` file: security headers for every path, a year of caching for the
/// content-hashed files (`immutable`: their URLs), a few minutes for feeds and the sitemap.
///
/// HTML gets no `Cache-Control` of its own, so it keeps the host's default, which on Netlify
/// and Cloudflare Pages revalidates on every request: a rule for `/*` would be joined with the
/// rule of a hashed file on Cloudflare Pages (`max-age=0, …, max-age=31536000`) instead of
/// giving way to it.
pub fn headers(
    config: &Config,
    graph: &ContentGraph,
    immutable: &[String],
) -> (String, Diagnostics) {
    let mut out = String::from(
        "# Written by warta for Netlify and Cloudflare Pages; other hosts: docs/deploy.md.\n\
         # HTML keeps the host's default caching (revalidated on every request).\n",
    );
    let mut rules = 0;
    let mut rule = |out: &mut String, path: &str, headers: &[(&str, String)]| {
        rules += 1;
        out.push('\n');
        out.push_str(path);
        out.push('\n');
        for (name, value) in headers {
            out.push_str(&format!("  {name}: {value}\n"));
        }
    };
    rule(&mut out, &config.url("/*"), &security_headers(config));
    for url in immutable {
        rule(&mut out, url, &[("Cache-Control", IMMUTABLE.to_string())]);
    }
    for url in feed_urls(config, graph) {
        rule(&mut out, &url, &[("Cache-Control", SHORT.to_string())]);
    }
    let mut diags = Diagnostics::new();
    if rules > MAX_HEADER_RULES {
        let message = Message::new("deploy-too-many-header-rules")
            .arg("rules", rules)
            .arg("max", MAX_HEADER_RULES);
        diags.push(
            Diagnostic::warning(Code::Headers, "_headers", message)
                .with_hint(msg!("deploy-too-many-header-rules-hint")),
        );
    }
    (out, diags)
}

/// Every feed and the sitemap.
fn feed_urls(config: &Config, graph: &ContentGraph) -> Vec<String> {
    let mut urls = Vec::new();
    for lang in &config.languages {
        urls.push(format!("{}/atom.xml", config.lang_prefix(lang)));
        for section in &graph.sections {
            if let Some(sl) = section.langs.get(lang) {
                urls.push(format!("{}atom.xml", sl.url));
            }
        }
    }
    urls.push(config.url("/sitemap.xml"));
    urls
}

/// The `_redirects` file: every `aliases` entry as a permanent redirect to its page. The HTML
/// redirect pages are written too, for hosts that read no `_redirects`.
pub fn redirects(config: &Config, graph: &ContentGraph) -> String {
    let mut out = String::from(
        "# Written by warta for Netlify and Cloudflare Pages: the `aliases` of every page.\n",
    );
    let mut seen = std::collections::HashSet::new();
    for page in &graph.pages {
        for alias in &page.fm.aliases {
            // `/old/page` and `/old/page/` are one alias: both forms, for hosts that match
            // the path exactly.
            let normal = config.url(&normalize_alias(alias));
            let written = config.url(alias);
            for from in [normal, written] {
                if from.contains(char::is_whitespace) || !seen.insert(from.clone()) {
                    continue;
                }
                out.push_str(&format!("{from} {} 301\n", page.url));
            }
        }
    }
    out
}
