//! The link an alert of site.yaml may carry after its text (`extra.alerts[].link`): a `url`
//! under the rules of action buttons ([`super::action_url`]) and a `label` per language.
//!
//! site.yaml has no folder to resolve a content path from, so a page of the site is written
//! from the site's root (`/panduan/pengaduan/`); `warta check` checks it as it checks every link
//! a template writes.

use std::collections::BTreeMap;

use serde::Deserialize;

use super::DISPLAY;
use super::action_url::{ActionTarget, classify};
use super::languages::{LangText, per_language};
use crate::diag::{Code, Diagnostic, Diagnostics};
use crate::msg;
use crate::yaml::Block;

/// The example of a page of the site that hints give (as site.yaml writes one).
const PAGE_EXAMPLE: &str = "/panduan/pengaduan/";

/// An alert's `link:` as written.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawAlertLink {
    url: String,
    label: LangText,
}

/// An alert's link: where it leads and its words in each language that has them.
#[derive(Debug, Clone)]
pub struct AlertLink {
    pub url: String,
    pub target: ActionTarget,
    pub label: BTreeMap<String, String>,
}

/// Checks an alert's link: its URL, and its label in the default language at least. `None`
/// (with the errors) when it cannot be shown.
pub(super) fn check(
    raw: RawAlertLink,
    languages: &[String],
    block: &Block<'_>,
    diags: &mut Diagnostics,
) -> Option<AlertLink> {
    let url = raw.url.trim().to_string();
    let target = match classify(&url) {
        Ok(ActionTarget::Site) if !url.starts_with('/') => {
            report(
                block,
                &url,
                msg!("action-alert-link-site", url = format!("{url:?}")),
                msg!("action-url-hint", page = PAGE_EXAMPLE),
                diags,
            );
            None
        }
        Ok(target) => Some(target),
        Err(problem) => {
            let (message, hint) = problem.explain(&url, "extra.alerts.link", PAGE_EXAMPLE);
            report(block, &url, message, hint, diags);
            None
        }
    };
    let label = per_language(
        Some(raw.label),
        languages,
        block,
        "extra.alerts.link.label",
        diags,
    );
    let default = languages.first().map_or("", String::as_str);
    if label.get(default).is_none_or(|l| l.trim().is_empty()) {
        diags.push(
            Diagnostic::error(
                Code::Config,
                DISPLAY,
                msg!("action-alert-link-label", lang = default),
            )
            .at(block.item_position("extra", "label"))
            .with_hint(msg!("action-alert-link-label-hint")),
        );
        return None;
    }
    let url = match target? {
        ActionTarget::Phone => url.replace(' ', ""),
        _ => url,
    };
    Some(AlertLink {
        url,
        target: target?,
        label,
    })
}

fn report(
    block: &Block<'_>,
    url: &str,
    message: crate::i18n::Message,
    hint: crate::i18n::Message,
    diags: &mut Diagnostics,
) {
    let at = if url.is_empty() {
        block.item_position("extra", "url")
    } else {
        block.item_position("extra", url)
    };
    diags.push(
        Diagnostic::error(Code::Action, DISPLAY, message)
            .at(at)
            .with_hint(hint),
    );
}

#[cfg(test)]
mod tests {
    use super::super::load;
    use super::*;

    /// The errors of a site.yaml with one alert whose `link:` lines are `link`, as
    /// (line, column, message, hint); or the alert's link when it is accepted.
    /// An error as (line, column, message, hint).
    type Problem = (usize, usize, String, String);

    fn alert_link(link: &str) -> Result<Option<AlertLink>, Vec<Problem>> {
        let text = format!(
            "base_url: https://x.id\ntitle: X\nlanguages: [id, en]\nextra:\n  alerts:\n    - text: Awas\n      link:\n{link}"
        );
        let dir = tempfile::tempdir().map_err(|_| Vec::new())?;
        std::fs::write(dir.path().join("site.yaml"), text).map_err(|_| Vec::new())?;
        match load(dir.path(), None) {
            Ok(config) => Ok(config.alerts.into_iter().next().and_then(|a| a.link)),
            Err(d) => Err(d
                .sorted()
                .into_iter()
                .map(|d| {
                    let (l, c) = d.position.map_or((0, 0), |p| (p.line, p.column));
                    let hint = d.hint.map(|h| h.to_string()).unwrap_or_default();
                    (l, c, d.message.to_string(), hint)
                })
                .collect()),
        }
    }

    #[test]
    fn a_link_with_its_label_in_each_language_is_read() {
        let got = alert_link(
            "        url: \"tel:+62 21 2924 4800\"\n        label: { id: Telepon, en: Call }\n",
        );
        let Ok(Some(link)) = got else {
            panic!("{got:?}")
        };
        assert_eq!(link.url, "tel:+622129244800", "a URL holds no spaces");
        assert_eq!(link.target, ActionTarget::Phone);
        assert_eq!(link.label.get("en").map(String::as_str), Some("Call"));
    }

    #[test]
    fn an_insecure_or_unsafe_url_is_an_error_at_it() {
        let Err(e) = alert_link("        url: http://x.go.id/a\n        label: Cek\n") else {
            panic!("http: is refused")
        };
        assert_eq!((e[0].0, e[0].1), (8, 14), "{e:?}");
        assert_eq!(e[0].3, "write `https://x.go.id/a`");
        let Err(e) = alert_link("        url: \"data:text/html,x\"\n        label: Cek\n") else {
            panic!("data: is refused")
        };
        assert_eq!((e[0].0, e[0].1), (8, 15), "{e:?}");
        assert!(e[0].2.contains("`data:`"), "{e:?}");
    }

    #[test]
    fn the_default_language_label_is_required() {
        let Err(e) = alert_link("        url: /panduan/\n        label: { en: Guides }\n") else {
            panic!("the label in id is required")
        };
        assert_eq!(e.len(), 1, "{e:?}");
        assert!(e[0].2.contains("no `label` in id"), "{e:?}");
        assert_eq!(e[0].0, 9, "{e:?}");
    }
}
