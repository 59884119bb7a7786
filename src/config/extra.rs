//! The keys of `extra:` that warta reads itself: the complaint hotline, dated alerts, the
//! menu, and the chrome of every page (`help`, `masthead`, `footer`, `feedback`: `chrome`). They are typed and checked; every other key of `extra:` is the theme's business and
//! passes to templates as written.

use std::collections::BTreeMap;

use serde::Deserialize;

use super::alert_link::{self, AlertLink, RawAlertLink};
use super::languages::{LangText, per_language};
use crate::dates::Date;
use crate::diag::Code;
use crate::diag::{Diagnostic, Diagnostics};
use crate::msg;
use crate::yaml::Block;

/// The parts of `extra:` that warta reads itself; other keys are the theme's business.
#[derive(Debug, Default, Deserialize)]
struct ExtraView {
    #[serde(default)]
    extra: Option<RawExtra>,
}

#[derive(Debug, Default, Deserialize)]
pub(super) struct RawExtra {
    pub(super) hotline: Option<Hotline>,
    pub(super) alerts: Option<Vec<RawAlert>>,
    pub(super) menu: Option<Vec<String>>,
    pub(super) help: Option<String>,
    pub(super) footer: Option<Vec<String>>,
    pub(super) masthead: Option<LangText>,
    pub(super) feedback: Option<super::chrome::RawFeedback>,
}

/// The complaint hotline, shown on every page.
#[derive(Debug, Clone, Default, Deserialize, serde::Serialize)]
#[serde(deny_unknown_fields)]
pub struct Hotline {
    pub number: Option<String>,
    pub abroad: Option<String>,
    pub whatsapp: Option<String>,
    pub email: Option<String>,
    /// Opening hours, once or per language; validated into [`super::Chrome::hotline_hours`].
    #[serde(skip_serializing)]
    pub hours: Option<LangText>,
    /// Whether a call costs nothing.
    pub free: Option<bool>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawAlert {
    text: LangText,
    start: Option<String>,
    end: Option<String>,
    link: Option<RawAlertLink>,
}

/// A dated notice shown on every page between `start` and `end`, inclusive.
#[derive(Debug, Clone)]
pub struct Alert {
    pub text: BTreeMap<String, String>,
    pub start: Option<Date>,
    pub end: Option<Date>,
    /// A link shown after the text (`link: {url, label}`).
    pub link: Option<AlertLink>,
}

/// Reads the keys of `extra:` that warta knows. A key that cannot be read (a wrong type) is
/// reported and taken as absent, and the others are still read and checked: one mistake in
/// `hotline:` does not hide one in `footer:`.
pub(super) fn read(block: &Block<'_>, diags: &mut Diagnostics) -> RawExtra {
    let mut text = block.text.to_string();
    // Each round reports one key and blanks it; `extra:` has only so many keys.
    for _ in 0..32 {
        let attempt = Block {
            text: &text,
            ..*block
        };
        match attempt.parse::<ExtraView>() {
            Ok(view) => return view.extra.unwrap_or_default(),
            Err(d) => {
                let line = d.position.as_ref().map(|p| p.line);
                diags.push(d);
                let blanked = line
                    .and_then(|l| l.checked_sub(block.first_line))
                    .and_then(|at| blank_extra_key(&text, at));
                match blanked {
                    Some(rest) => text = rest,
                    None => return RawExtra::default(),
                }
            }
        }
    }
    RawExtra::default()
}

/// `text` with the key of `extra:` that holds (0-based) line `at` replaced by empty lines, so
/// that positions stay true; `None` when `at` is not inside a key of a block-style `extra:`.
fn blank_extra_key(text: &str, at: usize) -> Option<String> {
    let lines: Vec<&str> = text.split_inclusive('\n').collect();
    let indent = |l: &str| l.len() - l.trim_start_matches(' ').len();
    let content = |l: &str| !l.trim().is_empty() && !l.trim_start().starts_with('#');
    let extra = lines.iter().position(|l| l.starts_with("extra:"))?;
    let end = (extra + 1..lines.len())
        .find(|&i| content(lines[i]) && indent(lines[i]) == 0)
        .unwrap_or(lines.len());
    if at <= extra || at >= end {
        return None;
    }
    let child = indent(lines[(extra + 1..end).find(|&i| content(lines[i]))?]);
    let start = (extra + 1..=at)
        .rev()
        .find(|&i| content(lines[i]) && indent(lines[i]) == child)?;
    let stop = (start + 1..end)
        .find(|&i| content(lines[i]) && indent(lines[i]) <= child)
        .unwrap_or(end);
    let mut out = String::with_capacity(text.len());
    for (i, line) in lines.iter().enumerate() {
        if (start..stop).contains(&i) {
            out.push_str(if line.ends_with('\n') { "\n" } else { "" });
        } else {
            out.push_str(line);
        }
    }
    Some(out)
}

/// Validates `extra.alerts:`: their dates, and their text in the site's languages.
pub(super) fn alerts(
    raw: Vec<RawAlert>,
    languages: &[String],
    block: &Block<'_>,
    diags: &mut Diagnostics,
) -> Vec<Alert> {
    let mut alerts = Vec::new();
    for raw_alert in raw {
        let start = alert_date(raw_alert.start, block, diags);
        let end = alert_date(raw_alert.end, block, diags);
        let link = raw_alert
            .link
            .and_then(|l| alert_link::check(l, languages, block, diags));
        alerts.push(Alert {
            text: per_language(
                Some(raw_alert.text),
                languages,
                block,
                "extra.alerts.text",
                diags,
            ),
            start,
            end,
            link,
        });
    }
    alerts
}

/// An alert's `start` or `end`: a date, or an error (with the date it probably means).
fn alert_date(written: Option<String>, block: &Block<'_>, diags: &mut Diagnostics) -> Option<Date> {
    let s = written?;
    match Date::parse(&s) {
        Ok(d) => Some(d),
        Err(e) => {
            let hint = match Date::suggest(&s) {
                Some(fixed) => msg!("config-write", text = fixed.to_string()),
                None => msg!("config-alert-date-hint"),
            };
            diags.push(
                Diagnostic::error(
                    Code::Date,
                    super::DISPLAY,
                    msg!("config-alert-date", found = format!("{s:?}"))
                        .arg_message("why", e.message()),
                )
                .at(block.item_position("extra", &s))
                .with_hint(hint),
            );
            None
        }
    }
}
