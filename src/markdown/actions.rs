//! A page's action buttons (`actions:` in its front matter), resolved as its body's links are:
//! a page of the site written as a content path (`@/panduan/x.md`, `../panduan/x.md`) becomes
//! that page's URL in the page's language, a root-relative path is kept, a file of `content/`
//! is published; and every link into the site joins the body's links, so that the build and
//! `warta check` report a broken one as they report a broken body link, at the `url:` value.
//!
//! The URL rules themselves (`https:`, `tel:`, `mailto:`) were applied when the front matter
//! was read; how a button looks is the theme's business.

use serde::Serialize;

use super::rewrite::{content_rel, rewrite};
use super::{BodyPlace, LinkRef, Rendered, SiteContext};
use crate::config::action_url::ActionTarget;
use crate::content::Page;
use crate::content::kinds::Action;
use crate::diag::Diagnostics;
use crate::images::{Reference, Usage};

/// An action button ready to show: its label, the URL it leads to, and what kind of place
/// that is (`web` leaves the site; `phone`, `mail`, `site`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ActionLink {
    pub label: String,
    pub url: String,
    pub kind: &'static str,
    pub external: bool,
}

/// Resolves `page`'s actions into `rendered` (its rendered body): their links, the links and
/// files they add, and the errors of the broken ones in `diags`.
pub(super) fn resolve(
    page: &Page,
    place: &BodyPlace<'_>,
    site: &SiteContext<'_>,
    rendered: &mut Rendered,
    diags: &mut Diagnostics,
) {
    for action in &page.fm.actions {
        let url = match action.target {
            ActionTarget::Web | ActionTarget::Mail => action.url.clone(),
            // `tel:+62 21 2924 4800`: a URL holds no spaces.
            ActionTarget::Phone => action.url.replace(' ', ""),
            ActionTarget::Site => match site_url(page, action, place, site, rendered) {
                Ok(url) => url,
                Err(d) => {
                    diags.push(d);
                    continue;
                }
            },
        };
        rendered.actions.push(ActionLink {
            label: action.label.clone(),
            url,
            kind: kind_name(action.target),
            external: action.target.is_external(),
        });
    }
}

/// The URL of an action into the site, noted for the link checks (and a linked file for
/// publishing); the error when it names a page or file that does not exist.
fn site_url(
    page: &Page,
    action: &Action,
    place: &BodyPlace<'_>,
    site: &SiteContext<'_>,
    rendered: &mut Rendered,
) -> Result<String, crate::diag::Diagnostic> {
    let written = action.url.as_str();
    let url = rewrite(written, place, site).map_err(|problem| {
        problem.into_diagnostic_at(page.file(), action.url_position.clone(), written)
    })?;
    let checked = if url.starts_with('#') {
        Some(format!("{}{url}", place.url))
    } else if url.starts_with('/') && !url.starts_with("//") {
        Some(url.clone())
    } else {
        None
    };
    if let Some(checked) = checked
        && let Some(position) = action.url_position.clone()
    {
        rendered.links.push(LinkRef {
            url: checked,
            position,
        });
    }
    if let Some(rel) = content_rel(written, place, site) {
        if site.images.get(&rel).is_some() {
            rendered.images.push(Reference {
                rel: rel.clone(),
                file: page.file().to_string(),
                position: action.url_position.clone(),
                usage: Usage::Linked,
            });
        }
        rendered.files.push(rel);
    }
    Ok(url)
}

fn kind_name(target: ActionTarget) -> &'static str {
    match target {
        ActionTarget::Web => "web",
        ActionTarget::Phone => "phone",
        ActionTarget::Mail => "mail",
        ActionTarget::Site => "site",
    }
}
