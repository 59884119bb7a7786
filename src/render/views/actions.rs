//! The call-to-action links as templates read them: a page's action buttons (resolved with its
//! body, see [`crate::markdown::ActionLink`]) and the link an alert of site.yaml carries.
//! Each says whether it leaves the site, so that the theme can tell screen-reader users so.

use serde::Serialize;

use crate::config::action_url::ActionTarget;
use crate::config::{AlertLink, Config};

/// An alert's link in one language: its words (in the default language, marked with `lang`,
/// when the page's has none), where it leads, and whether that is another site.
#[derive(Serialize, Clone, Debug, PartialEq, Eq)]
pub(super) struct AlertLinkView {
    label: String,
    lang: Option<String>,
    url: String,
    kind: &'static str,
    external: bool,
}

impl AlertLinkView {
    /// The view of `link` on a page in `lang`; `None` when it has no words to show.
    pub(super) fn of(link: &AlertLink, lang: &str, config: &Config) -> Option<AlertLinkView> {
        let (label, label_lang) = match link.label.get(lang) {
            Some(l) => (l.clone(), None),
            None => {
                let default = &config.default_language;
                (link.label.get(default)?.clone(), Some(default.clone()))
            }
        };
        let url = match link.target {
            // Written from the site's root: under a base path, the site's root is there.
            ActionTarget::Site => config.url(&link.url),
            _ => link.url.clone(),
        };
        Some(AlertLinkView {
            label,
            lang: label_lang,
            url,
            kind: match link.target {
                ActionTarget::Web => "web",
                ActionTarget::Phone => "phone",
                ActionTarget::Mail => "mail",
                ActionTarget::Site => "site",
            },
            external: link.target.is_external(),
        })
    }
}
