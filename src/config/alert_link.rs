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
