//! A page's `actions:` — its call-to-action buttons — read and checked where each value is
//! written: every action has a `label` and a `url` (both text), the URL follows the rules of
//! [`crate::config::action_url`] (`https:`, `tel:`, `mailto:` or a place of this site), and a
//! page with more buttons than stand out is warned about.
//!
//! Whether an internal URL reaches a page is decided where body links are resolved
//! (`markdown`), from the position recorded here.

use serde::Deserialize;

use super::validate::Validator;
use crate::config::action_url::classify;
use crate::content::kinds::Action;
use crate::diag::{Code, Diagnostic, Position};
use crate::i18n::Message;
use crate::msg;
use crate::yaml::text;

/// The most buttons a page shows before they stop standing out (a warning beyond).
pub const MAX_ACTIONS: usize = 3;

/// The example of a page of the site that hints give (as front matter writes one).
const PAGE_EXAMPLE: &str = "@/panduan/pengaduan.md";

/// One item of `actions:` as written.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawAction {
    #[serde(deserialize_with = "text::string")]
    label: String,
    #[serde(deserialize_with = "text::string")]
    url: String,
}

/// Checks every action of a page; those refused are reported and left out.
pub(super) fn check_actions(v: &mut Validator<'_>, raw: Vec<RawAction>) -> Vec<Action> {
    if raw.len() > MAX_ACTIONS {
        let position = v.key_position("actions");
        v.diags.push(
            Diagnostic::warning(
                Code::ActionsMany,
                v.block.file.display.clone(),
                msg!("action-many", count = raw.len(), max = MAX_ACTIONS),
            )
            .at(position)
            .with_hint(msg!("action-many-hint", max = MAX_ACTIONS)),
        );
    }
    raw.into_iter()
        .enumerate()
        .filter_map(|(i, a)| check_action(v, i, a))
        .collect()
}

fn check_action(v: &mut Validator<'_>, index: usize, raw: RawAction) -> Option<Action> {
    let url_position = unquoted(v.block.field_position("actions", index, "url"));
    let label = raw.label.trim().to_string();
    if label.is_empty() {
        let at = unquoted(v.block.field_position("actions", index, "label"));
        let number = index + 1;
        report(
            v,
            at,
            msg!("action-label-empty", number),
            msg!("action-label-empty-hint"),
        );
    }
    let url = raw.url.trim().to_string();
    let target = match classify(&url) {
        Ok(target) => Some(target),
        Err(problem) => {
            let (message, hint) = problem.explain(&url, "actions", PAGE_EXAMPLE);
            report(v, url_position.clone(), message, hint);
            None
        }
    };
    Some(Action {
        label: (!label.is_empty()).then_some(label)?,
        url,
        target: target?,
        url_position,
    })
}

fn report(v: &mut Validator<'_>, at: Option<Position>, message: Message, hint: Message) {
    let at = at.or_else(|| Some(v.block.start_position()));
    v.diags.push(
        Diagnostic::error(Code::Action, v.block.file.display.clone(), message)
            .at(at)
            .with_hint(hint),
    );
}

/// A value's position without the quotes around it (`url: "http://x"` marks `http://x`), so
/// that the column is where the address starts.
fn unquoted(position: Option<Position>) -> Option<Position> {
    let mut p = position?;
    let first = p.source_line.chars().nth(p.column.saturating_sub(1));
    let last = p
        .source_line
        .chars()
        .nth((p.column + p.width).saturating_sub(2));
    if p.width >= 2 && matches!(first, Some('"' | '\'')) && first == last {
        p.column += 1;
        p.width -= 2;
    }
    Some(p)
}

#[cfg(test)]
mod tests {
    use crate::config::action_url::ActionTarget;
    use crate::content::frontmatter::{parse_page, split};
    use crate::content::kinds::ContentType;
    use crate::dates::Date;
    use crate::diag::{Diagnostics, Severity};
    use crate::source::SourceFile;

    /// Parses a plain page whose `actions:` lines (from line 3 of the file) are `items`:
    /// (label, url, target) per action, or (line, column, width, message, hint) per problem.
    fn read(items: &str) -> Result<Vec<(String, String, ActionTarget)>, Vec<Problem>> {
        let text = format!("---\ntitle: Aduan\nactions:\n{items}---\nIsi.\n");
        let file = SourceFile::new("content/x.md", text);
        let Ok(split) = split(&file) else {
            panic!("no front matter")
        };
        match parse_page(&file, &split, ContentType::Page, Date::today()) {
            Ok((fm, _)) => Ok(fm
                .actions
                .into_iter()
                .map(|a| (a.label, a.url, a.target))
                .collect()),
            Err(d) => Err(problems(d)),
        }
    }

    type Problem = (usize, usize, usize, String, String);

    fn problems(d: Diagnostics) -> Vec<Problem> {
        Diagnostics::sorted(d)
            .into_iter()
            .filter(|d| d.severity == Severity::Error)
            .map(|d| {
                let (l, c, w) = d
                    .position
                    .map_or((0, 0, 0), |p| (p.line, p.column, p.width));
                let hint = d.hint.map(|h| h.to_string()).unwrap_or_default();
                (l, c, w, d.message.to_string(), hint)
            })
            .collect()
    }

    #[test]
    fn actions_are_read_with_their_targets() {
        let got = read(
            "  - label: Cek perusahaan\n    url: https://siskop2mi.bp2mi.go.id/\n\
             \x20 - { label: Telepon 0800-1000, url: \"tel:0800-1000\" }\n\
             \x20 - label: Formulir\n    url: ../panduan/pengaduan.md\n",
        );
        let Ok(got) = got else { panic!("{got:?}") };
        assert_eq!(got.len(), 3);
        assert_eq!(got[0].2, ActionTarget::Web);
        assert_eq!(got[1].0, "Telepon 0800-1000");
        assert_eq!(got[1].2, ActionTarget::Phone);
        assert_eq!(got[2].2, ActionTarget::Site);
    }

    #[test]
    fn http_points_at_the_address_and_hints_the_https_one() {
        let Err(e) = read("  - label: Cek\n    url: http://siskop2mi.bp2mi.go.id/\n") else {
            panic!("http is refused")
        };
        assert_eq!(e.len(), 1, "{e:?}");
        assert_eq!((e[0].0, e[0].1, e[0].2), (5, 10, 29));
        assert!(e[0].3.contains("`http:`"), "{e:?}");
        assert_eq!(e[0].4, "write `https://siskop2mi.bp2mi.go.id/`");
    }

    #[test]
    fn a_quoted_script_address_is_marked_inside_its_quotes() {
        let Err(e) = read("  - label: Klik\n    url: \"javascript:alert(1)\"\n") else {
            panic!("javascript: is refused")
        };
        assert_eq!((e[0].0, e[0].1, e[0].2), (5, 11, 19), "{e:?}");
        assert!(e[0].3.contains("`javascript:`"), "{e:?}");
        assert!(e[0].4.contains("`tel:0800-1000`"), "{e:?}");
    }

    #[test]
    fn a_missing_label_and_an_empty_one_are_errors() {
        let Err(e) = read("  - url: https://a.go.id/\n") else {
            panic!("a label is required")
        };
        assert!(e[0].3.contains("label"), "{e:?}");
        let Err(e) = read("  - label: \"  \"\n    url: https://a.go.id/\n") else {
            panic!("an empty label is refused")
        };
        assert_eq!(e[0].0, 4, "{e:?}");
        assert!(e[0].3.contains("empty `label`"), "{e:?}");
    }

    #[test]
    fn a_label_that_is_a_number_is_a_wrong_type_at_it() {
        let Err(e) = read("  - label: 5\n    url: tel:0800-1000\n") else {
            panic!("a number is not a label")
        };
        assert_eq!((e[0].0, e[0].1), (4, 12), "{e:?}");
        assert!(e[0].3.contains("expected text"), "{e:?}");
    }

    #[test]
    fn more_than_three_actions_is_a_warning() {
        let text = "---\ntitle: A\nactions:\n".to_string()
            + &"  - { label: A, url: tel:0800-1000 }\n".repeat(4)
            + "---\n";
        let file = SourceFile::new("content/x.md", text);
        let Ok(split) = split(&file) else {
            panic!("no front matter")
        };
        let Ok((fm, warnings)) = parse_page(&file, &split, ContentType::Page, Date::today()) else {
            panic!("too many actions is not an error")
        };
        assert_eq!(fm.actions.len(), 4);
        assert!(
            warnings
                .iter()
                .any(|d| d.code == crate::diag::Code::ActionsMany),
            "{warnings:?}"
        );
    }
}
