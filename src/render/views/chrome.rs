//! The chrome of every page that site.yaml sets (see `config::Chrome`): the header's help
//! link, the official masthead, the footer's page links, the hotline's hours, and the "Was
//! this page useful?" link of content pages.
//!
//! Page references (`help: bantuan`, `footer: [tentang]`) are resolved here, once a build,
//! by one resolver: in each language to that language's version of the page (else the
//! default language's, marked with its `lang`). A reference to no page is an error at its line
//! in site.yaml. The feedback link is built without script: a form address with the page's
//! address as a query parameter, or a `mailto:` whose subject and body carry it.

use std::collections::BTreeMap;

use serde::Serialize;

use super::Views;
use super::contact::percent_encode;
use crate::config::{Config, Feedback, PageRef};
use crate::content::{ContentGraph, Page};
use crate::diag::{Code, Diagnostic, Diagnostics, did_you_mean};
use crate::msg;

/// A link to a content page the site names in site.yaml.
#[derive(Serialize, Clone, Debug, PartialEq, Eq)]
pub(super) struct ChromeLink {
    title: String,
    url: String,
    /// The page's language when it is not the page's own (no translation).
    lang: Option<String>,
}

/// The page links of site.yaml, resolved per language.
#[derive(Default)]
pub(super) struct ChromeLinks {
    help: BTreeMap<String, ChromeLink>,
    footer: BTreeMap<String, Vec<ChromeLink>>,
}

impl ChromeLinks {
    /// Resolves `extra.help` and `extra.footer`; every reference to no page is a problem.
    pub(super) fn resolve(config: &Config, graph: &ContentGraph) -> (ChromeLinks, Diagnostics) {
        let mut diags = Diagnostics::new();
        let mut links = ChromeLinks::default();
        let refs = config.chrome.help.iter().chain(&config.chrome.footer);
        for r in refs {
            let versions: Vec<&Page> = graph.pages.iter().filter(|p| p.key == r.key).collect();
            if versions.is_empty() {
                // A page whose front matter failed was reported already.
                if !graph.failed(&r.key, None) {
                    diags.push(missing(r, graph));
                }
                continue;
            }
            for lang in &config.languages {
                let Some(link) = link_in(&versions, lang, &config.default_language) else {
                    continue;
                };
                if config.chrome.help.as_ref() == Some(r) {
                    links.help.insert(lang.clone(), link);
                } else {
                    links.footer.entry(lang.clone()).or_default().push(link);
                }
            }
        }
        (links, diags)
    }
}

/// The page's version in `lang`, else in the default language, else any.
fn link_in(versions: &[&Page], lang: &str, default: &str) -> Option<ChromeLink> {
    let page = versions
        .iter()
        .find(|p| p.lang == lang)
        .or_else(|| versions.iter().find(|p| p.lang == default))
        .or_else(|| versions.first())?;
    Some(ChromeLink {
        title: page.fm.title.clone(),
        url: page.url.clone(),
        lang: (page.lang != lang).then(|| page.lang.clone()),
    })
}

/// The error for a reference to no page, with the nearest page's path when one is near.
fn missing(r: &PageRef, graph: &ContentGraph) -> Diagnostic {
    let stems: Vec<&str> = graph
        .pages
        .iter()
        .map(|p| p.key.strip_suffix(".md").unwrap_or(&p.key))
        .collect();
    let stem = r.key.strip_suffix(".md").unwrap_or(&r.key);
    let hint = match did_you_mean(stem, stems.iter().copied()) {
        Some(near) => msg!("render-page-ref-did-you-mean", near),
        None => msg!("render-page-ref-missing-hint"),
    };
    Diagnostic::error(
        Code::Config,
        "site.yaml",
        msg!(
            "render-page-ref-missing",
            setting = r.setting,
            written = r.written.as_str(),
            file = r.key.as_str()
        ),
    )
    .at(r.position.clone())
    .with_hint(hint)
}

/// What the base template gets of the chrome, in one language.
#[derive(Serialize)]
pub(super) struct ChromeView<'a> {
    help: Option<&'a ChromeLink>,
    masthead: Option<&'a str>,
    footer: &'a [ChromeLink],
}

impl Views<'_> {
    /// The chrome of a page in `lang`.
    pub(super) fn chrome(&self, lang: &str) -> ChromeView<'_> {
        let chrome = &self.config.chrome;
        ChromeView {
            help: self.chrome_links.help.get(lang),
            masthead: text_in(&chrome.masthead, lang, &self.config.default_language),
            footer: self
                .chrome_links
                .footer
                .get(lang)
                .map_or(&[][..], Vec::as_slice),
        }
    }

    /// The hotline's terms in `lang`: its hours and whether it is free (`24 jam, gratis`).
    pub(super) fn hotline_terms(&self, lang: &str) -> Option<String> {
        let chrome = &self.config.chrome;
        let hours = text_in(&chrome.hotline_hours, lang, &self.config.default_language);
        let free = chrome
            .hotline_free
            .then(|| self.t("hotline_free", lang, "free of charge"));
        let parts: Vec<&str> = hours.into_iter().chain(free.as_deref()).collect();
        (!parts.is_empty()).then(|| parts.join(", "))
    }

    /// The "Was this page useful?" link of a content page, when the site sets `feedback`.
    pub(super) fn feedback_url(&self, page: &Page) -> Option<String> {
        let permalink = self.config.permalink(&page.url);
        let lang = page.lang.as_str();
        Some(match self.config.chrome.feedback.as_ref()? {
            Feedback::Form { url, param } => form_url(url, param, &permalink),
            Feedback::Email(email) => {
                let subject = self
                    .t("feedback_subject", lang, "Feedback on: {title}")
                    .replace("{title}", &page.fm.title);
                let body = self
                    .t("feedback_body", lang, "Page: {url}")
                    .replace("{url}", &permalink);
                mailto(email, &subject, &body)
            }
        })
    }
}

/// A text given per language, in `lang` or else the default language.
fn text_in<'a>(texts: &'a BTreeMap<String, String>, lang: &str, default: &str) -> Option<&'a str> {
    texts
        .get(lang)
        .or_else(|| texts.get(default))
        .map(String::as_str)
}

/// A form's address with `param=<the page's address>` added to its query.
fn form_url(url: &str, param: &str, page: &str) -> String {
    let (base, fragment) = url
        .split_once('#')
        .map_or((url, None), |(b, f)| (b, Some(f)));
    let join = match base.rsplit_once('?') {
        None => "?",
        Some((_, "")) => "",
        Some((_, q)) if q.ends_with('&') => "",
        Some(_) => "&",
    };
    let mut out = format!(
        "{base}{join}{}={}",
        percent_encode(param),
        percent_encode(page)
    );
    if let Some(f) = fragment {
        out.push('#');
        out.push_str(f);
    }
    out
}

/// `mailto:` with a subject and a body (RFC 6068: every header value percent-encoded as UTF-8,
/// spaces as `%20`, line breaks as `%0D%0A`).
fn mailto(email: &str, subject: &str, body: &str) -> String {
    let body = body.replace("\r\n", "\n").replace('\n', "\r\n");
    format!(
        "mailto:{email}?subject={}&body={}",
        percent_encode(subject),
        percent_encode(&body)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn form_urls_get_the_page_as_one_encoded_parameter() {
        let page = "https://kp2mi.example.go.id/negara/malaysia/?a=1&b=2";
        let encoded = "https%3A%2F%2Fkp2mi.example.go.id%2Fnegara%2Fmalaysia%2F%3Fa%3D1%26b%3D2";
        assert_eq!(
            form_url("https://f.example/masukan", "page", page),
            format!("https://f.example/masukan?page={encoded}")
        );
        assert_eq!(
            form_url("https://f.example/m?lang=id", "entry.1", page),
            format!("https://f.example/m?lang=id&entry.1={encoded}")
        );
        assert_eq!(
            form_url("https://f.example/m?", "p", "https://x.id/"),
            "https://f.example/m?p=https%3A%2F%2Fx.id%2F"
        );
        assert_eq!(
            form_url("https://f.example/m#isi", "p", "https://x.id/"),
            "https://f.example/m?p=https%3A%2F%2Fx.id%2F#isi"
        );
    }

    #[test]
    fn mailto_encodes_subject_and_body_with_crlf() {
        assert_eq!(
            mailto(
                "humas@kp2mi.example.go.id",
                "Masukan: Bekerja & tinggal di Malaysia?",
                "Halaman: https://x.id/negara/malaysia/\n\nTulis di sini"
            ),
            "mailto:humas@kp2mi.example.go.id?subject=Masukan%3A%20Bekerja%20%26%20tinggal%20di%20Malaysia%3F\
             &body=Halaman%3A%20https%3A%2F%2Fx.id%2Fnegara%2Fmalaysia%2F%0D%0A%0D%0ATulis%20di%20sini"
        );
        assert!(mailto("a@b.id", "Pekerja–migran", "").contains("subject=Pekerja%E2%80%93migran"));
    }
}
