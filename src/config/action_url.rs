//! The URL rules of call-to-action links: a page's `actions:` and an alert's `link:` in
//! site.yaml. Both are read by people in trouble on a phone and lead them off the page, so they
//! are stricter than body links: a web address must be `https:` (never `http:`, `javascript:`,
//! `data:` or any other scheme); `tel:` and `mailto:` are allowed; anything else names a place
//! of this site.
//!
//! This module only sorts a URL as written ([`classify`]) and, when it is refused, says what to
//! write instead ([`UrlProblem::suggestion`]). Whether a page of the site exists is decided
//! later, where body links are resolved. It lives in `config` because site.yaml uses it and
//! front matter (a later stage) uses it too.

use crate::i18n::Message;
use crate::msg;

/// Where an accepted action URL leads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ActionTarget {
    /// `https://…`: another site.
    Web,
    /// `tel:…`: a phone call.
    Phone,
    /// `mailto:…`: an e-mail.
    Mail,
    /// A place of this site: `/…`, `@/…`, `../panduan/x.md`, `#anchor`.
    Site,
}

impl ActionTarget {
    /// Whether the link leaves the site (readers are told so).
    pub fn is_external(self) -> bool {
        self == ActionTarget::Web
    }
}

/// Why an action URL is refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum UrlProblem {
    /// Nothing written.
    Empty,
    /// `http://x`: not encrypted; `https://x` is what to write.
    Insecure { https: String },
    /// A scheme other than `https:`, `tel:` or `mailto:` (`javascript:`, `data:`, `ftp:`).
    Scheme { scheme: String },
    /// A web address without its scheme (`www.x.go.id`, `//x.go.id`).
    NoScheme { https: String },
    /// `https://` with no host, `tel:` without digits, `mailto:` without `@`, or a space
    /// inside the address.
    Malformed,
}

impl UrlProblem {
    /// The URL to write instead, when there is one.
    pub fn suggestion(&self) -> Option<&str> {
        match self {
            UrlProblem::Insecure { https } | UrlProblem::NoScheme { https } => Some(https),
            _ => None,
        }
    }

    /// What an editor reads about the refused `url`, written in `key` (`actions`,
    /// `extra.alerts.link`): the message and a hint that works when followed literally, whose
    /// example of a page of the site is `page` (as that file writes one).
    pub fn explain(&self, url: &str, key: &str, page: &str) -> (Message, Message) {
        let url = format!("{:?}", url.trim());
        let hint = match self.suggestion() {
            Some(text) => msg!("action-url-write", text),
            None => msg!("action-url-hint", page),
        };
        let message = match self {
            UrlProblem::Empty => msg!("action-url-empty", key),
            UrlProblem::Insecure { .. } => msg!("action-url-insecure", url, key),
            UrlProblem::Scheme { scheme } => {
                msg!("action-url-scheme", url, key, scheme = scheme.clone())
            }
            UrlProblem::NoScheme { .. } => msg!("action-url-no-scheme", url, key),
            UrlProblem::Malformed => msg!("action-url-malformed", url, key),
        };
        (message, hint)
    }
}

/// Sorts `url` (as written) by where it leads, or says why it is refused.
pub fn classify(url: &str) -> Result<ActionTarget, UrlProblem> {
    let url = url.trim();
    if url.is_empty() {
        return Err(UrlProblem::Empty);
    }
    if let Some(rest) = url.strip_prefix("//") {
        return Err(UrlProblem::NoScheme {
            https: format!("https://{rest}"),
        });
    }
    let Some(scheme) = scheme_of(url) else {
        if looks_like_domain(url) {
            return Err(UrlProblem::NoScheme {
                https: format!("https://{url}"),
            });
        }
        return Ok(ActionTarget::Site);
    };
    let rest = &url[scheme.len() + 1..];
    match scheme.to_ascii_lowercase().as_str() {
        "https" => web(rest),
        "http" => Err(UrlProblem::Insecure {
            https: format!("https:{rest}"),
        }),
        "tel" => phone(rest),
        "mailto" => mail(rest),
        _ => Err(UrlProblem::Scheme {
            scheme: scheme.to_string(),
        }),
    }
}

/// The scheme of `url` (`https` in `https://x`), if it has one: letters, digits, `+`, `-`
/// and `.` before a `:`, starting with a letter.
fn scheme_of(url: &str) -> Option<&str> {
    let colon = url.find(':')?;
    let scheme = &url[..colon];
    let first = scheme.chars().next()?;
    (first.is_ascii_alphabetic()
        && scheme
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.')))
    .then_some(scheme)
}

/// `https:` followed by `//host…`, without spaces.
fn web(rest: &str) -> Result<ActionTarget, UrlProblem> {
    let host = rest
        .strip_prefix("//")
        .map(|r| r.split(['/', '?', '#']).next().unwrap_or(""));
    match host {
        Some(h) if !h.is_empty() && !rest.contains(char::is_whitespace) => Ok(ActionTarget::Web),
        _ => Err(UrlProblem::Malformed),
    }
}

/// `tel:` followed by a number: digits, `+`, and the `-`, `.`, `(`, `)` and spaces that
/// group them.
fn phone(rest: &str) -> Result<ActionTarget, UrlProblem> {
    let digits = rest.chars().filter(char::is_ascii_digit).count();
    let allowed = rest
        .chars()
        .all(|c| c.is_ascii_digit() || matches!(c, '+' | '-' | '.' | '(' | ')' | ' '));
    if digits >= 3 && allowed {
        Ok(ActionTarget::Phone)
    } else {
        Err(UrlProblem::Malformed)
    }
}

/// `mailto:` followed by an address with one `@` and no spaces.
fn mail(rest: &str) -> Result<ActionTarget, UrlProblem> {
    let address = rest.split('?').next().unwrap_or("");
    match address.split_once('@') {
        Some((user, host))
            if !user.is_empty() && host.contains('.') && !address.contains(char::is_whitespace) =>
        {
            Ok(ActionTarget::Mail)
        }
        _ => Err(UrlProblem::Malformed),
    }
}

/// Whether a URL without a scheme is a web address whose `https://` was left out
/// (`siskop2mi.bp2mi.go.id/`, `www.kemlu.go.id`), not a file or page of the site
/// (`formulir.pdf`, `../panduan/x.md`).
fn looks_like_domain(url: &str) -> bool {
    if url.starts_with(['/', '.', '@', '#']) {
        return false;
    }
    let host = url.split(['/', '?', '#']).next().unwrap_or("");
    if host.starts_with("www.") {
        return true;
    }
    let Some((name, tld)) = host.rsplit_once('.') else {
        return false;
    };
    const TLDS: &[&str] = &[
        "id", "com", "org", "net", "gov", "int", "info", "io", "my", "sg", "hk", "tw", "sa", "ae",
        "qa", "kr", "jp", "au", "nz", "uk", "us",
    ];
    !name.is_empty() && TLDS.contains(&tld.to_ascii_lowercase().as_str())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn https_tel_mailto_and_site_places_are_accepted() {
        for (url, target) in [
            ("https://siskop2mi.bp2mi.go.id/", ActionTarget::Web),
            ("HTTPS://example.go.id/a?b=c#d", ActionTarget::Web),
            ("tel:0800-1000", ActionTarget::Phone),
            ("tel:+62 21 2924 4800", ActionTarget::Phone),
            ("mailto:pengaduan@kp2mi.go.id", ActionTarget::Mail),
            ("mailto:a@b.id?subject=Aduan", ActionTarget::Mail),
            ("/panduan/pengaduan/", ActionTarget::Site),
            ("@/panduan/pengaduan.md", ActionTarget::Site),
            ("../panduan/pengaduan.md#langkah-2", ActionTarget::Site),
            ("pengaduan.en.md", ActionTarget::Site),
            ("formulir.pdf", ActionTarget::Site),
            ("#langkah-1", ActionTarget::Site),
        ] {
            assert_eq!(classify(url), Ok(target), "{url}");
        }
    }

    #[test]
    fn http_is_refused_with_the_https_address_to_write() {
        let e = classify("http://siskop2mi.bp2mi.go.id/");
        assert_eq!(
            e,
            Err(UrlProblem::Insecure {
                https: "https://siskop2mi.bp2mi.go.id/".into()
            })
        );
        assert_eq!(
            e.err().as_ref().and_then(UrlProblem::suggestion),
            Some("https://siskop2mi.bp2mi.go.id/")
        );
        assert_eq!(
            classify("HTTP://x.id")
                .err()
                .and_then(|p| p.suggestion().map(String::from)),
            Some("https://x.id".into())
        );
    }

    #[test]
    fn script_data_and_other_schemes_are_refused() {
        for (url, scheme) in [
            ("javascript:alert(1)", "javascript"),
            ("JavaScript:void(0)", "JavaScript"),
            ("data:text/html,<b>x</b>", "data"),
            ("ftp://files.example.id/", "ftp"),
            ("whatsapp://send?phone=62", "whatsapp"),
            ("file:///etc/passwd", "file"),
        ] {
            assert_eq!(
                classify(url),
                Err(UrlProblem::Scheme {
                    scheme: scheme.into()
                }),
                "{url}"
            );
        }
    }

    #[test]
    fn addresses_without_their_scheme_get_one() {
        for (url, https) in [
            ("siskop2mi.bp2mi.go.id/", "https://siskop2mi.bp2mi.go.id/"),
            ("www.kemlu.go.id", "https://www.kemlu.go.id"),
            ("//kp2mi.go.id/x", "https://kp2mi.go.id/x"),
        ] {
            assert_eq!(
                classify(url),
                Err(UrlProblem::NoScheme {
                    https: https.into()
                }),
                "{url}"
            );
        }
    }

    #[test]
    fn empty_and_malformed_addresses_are_refused() {
        assert_eq!(classify("  "), Err(UrlProblem::Empty));
        for url in [
            "https://",
            "https:x.id",
            "https://a b.id/",
            "tel:",
            "tel:hotline",
            "mailto:",
            "mailto:pengaduan",
            "mailto:a @b.id",
        ] {
            assert_eq!(classify(url), Err(UrlProblem::Malformed), "{url}");
        }
    }
}
