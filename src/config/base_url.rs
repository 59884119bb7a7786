//! `base_url:` in site.yaml (or `--base-url`): the site's absolute address, and the base path
//! every URL of the site starts with (`/kp2mi` for a site served from a folder).
//!
//! Only plain folder names are allowed in the path, so that it can be put in front of every
//! URL and matched in `_headers` and nginx as it is.

use super::{DISPLAY, setting_at};
use crate::diag::Code;
use crate::diag::{Diagnostic, Diagnostics};
use crate::i18n::Message;
use crate::msg;
use crate::yaml::Block;

/// Whether `url` can be a site's `base_url`: `http(s)://` and a host.
pub fn is_absolute_url(url: &str) -> bool {
    let rest = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"));
    rest.is_some_and(|r| {
        let host = r.split(['/', '?', '#']).next().unwrap_or("");
        !host.is_empty() && !host.contains(char::is_whitespace)
    })
}

/// Validates the base URL, `flag` (`--base-url`) winning over `written` (site.yaml): the URL
/// without its trailing slash and its base path, each `""` when it is unusable.
pub(super) fn base_url(
    written: Option<String>,
    flag: Option<&str>,
    block: &Block<'_>,
    diags: &mut Diagnostics,
) -> (String, String) {
    let base_url = absolute(flag.map(str::to_string).or(written), block, diags);
    let base_path = base_path(&base_url, flag.is_some(), block, diags);
    (base_url, base_path)
}

/// The base URL without its trailing slash, or an error when it is missing or not absolute.
fn absolute(url: Option<String>, block: &Block<'_>, diags: &mut Diagnostics) -> String {
    match url {
        Some(u) if is_absolute_url(&u) => u.trim_end_matches('/').to_string(),
        Some(u) => {
            diags.push(
                Diagnostic::error(
                    Code::Config,
                    DISPLAY,
                    msg!("config-base-url-not-absolute", found = format!("{u:?}")),
                )
                .at(setting_at(block, "base_url"))
                .with_hint(
                    if u.contains("://") || u.contains(char::is_whitespace) || u.is_empty() {
                        msg!("config-base-url-not-absolute-hint")
                    } else {
                        msg!("config-write", text = format!("https://{u}"))
                    },
                ),
            );
            String::new()
        }
        None => {
            diags.push(
                Diagnostic::error(Code::Config, DISPLAY, msg!("config-base-url-missing"))
                    .at(Some(block.start_position()))
                    .with_hint(msg!("config-base-url-missing-hint")),
            );
            String::new()
        }
    }
}

/// The base path of `base_url`, or an error (at the setting, or about the flag) when it is
/// not made of plain folders.
fn base_path(
    base_url: &str,
    from_flag: bool,
    block: &Block<'_>,
    diags: &mut Diagnostics,
) -> String {
    match split_base_url(base_url) {
        Ok(path) => path,
        Err(why) => {
            let found = format!("{base_url:?}");
            let d = if from_flag {
                Diagnostic::error(
                    Code::Config,
                    DISPLAY,
                    msg!("config-base-url-flag-unusable", found).arg_message("why", why),
                )
                .with_hint(msg!("config-base-url-flag-unusable-hint"))
            } else {
                Diagnostic::error(
                    Code::Config,
                    DISPLAY,
                    msg!("config-base-url-unusable", found).arg_message("why", why),
                )
                .at(setting_at(block, "base_url"))
                .with_hint(msg!("config-base-url-unusable-hint"))
            };
            diags.push(d);
            String::new()
        }
    }
}

/// The path of an absolute base URL (already without its trailing slash): `""` for
/// `https://host`, `"/kp2mi"` for `https://host/kp2mi`. Only plain path segments are allowed,
/// so the path can be put in front of every URL and matched in `_headers` and nginx as it is.
pub(super) fn split_base_url(base_url: &str) -> Result<String, Message> {
    let Some((_, rest)) = base_url.split_once("://") else {
        return Ok(String::new());
    };
    let (host, path) = match rest.find('/') {
        Some(i) => (&rest[..i], &rest[i..]),
        None => (rest, ""),
    };
    if host.is_empty() {
        return Err(msg!("config-base-url-no-host"));
    }
    if path.contains(['?', '#']) || host.contains(['?', '#']) {
        return Err(msg!("config-base-url-query"));
    }
    for segment in path.split('/').skip(1) {
        let plain = !segment.is_empty()
            && segment != "."
            && segment != ".."
            && segment
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || "-._~".contains(c));
        if !plain {
            return Err(msg!("config-base-url-folder", path = format!("{path:?}")));
        }
    }
    Ok(path.to_string())
}
