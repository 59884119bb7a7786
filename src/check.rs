//! `warta check`: everything a build checks, plus what only matters before publishing —
//! links written by templates, missing and outdated translations, passed review dates — and
//! the translation status table. Writes nothing.
//!
//! A run with errors still gets every check it allows: the content graph's findings whenever
//! the graph was built, the templates' links only when the whole site rendered.

use std::collections::{BTreeMap, HashMap};
use std::path::Path;

use crate::config::Config;
use crate::content::{ContentGraph, Page};
use crate::dates::Date;
use crate::diag::{Diagnostic, Diagnostics};
use crate::frontmatter::TypeFields;
use crate::links::{self, SiteIndex};
use crate::pipeline::{Failed, Generated};

/// One row of the translation status table.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize)]
pub struct StatusRow {
    /// The section folder, or `(root)`.
    pub section: String,
    /// Pages per language, in site order.
    pub counts: Vec<(String, usize)>,
    /// Pages missing in at least one language.
    pub missing: usize,
    /// Translations older than their source.
    pub outdated: usize,
}

/// Every finding about a site, from the outcome of the pipeline run on it: the run's own
/// diagnostics plus those of the checks below, and the translation status table (empty when
/// the content could not be read).
pub fn run(root: &Path, outcome: Result<Generated, Failed>) -> (Diagnostics, Vec<StatusRow>) {
    match outcome {
        Ok(generated) => {
            let mut diags = generated.diagnostics.clone();
            diags.extend(template_links(&generated));
            let (more, rows) = content(root, &generated.config, &generated.graph, generated.today);
            diags.extend(more);
            (diags, rows)
        }
        Err(Failed {
            mut diagnostics,
            content: Some(c),
        }) => {
            let (more, rows) = content(root, &c.config, &c.graph, c.today);
            diagnostics.extend(more);
            (diagnostics, rows)
        }
        Err(Failed {
            diagnostics,
            content: None,
        }) => (diagnostics, Vec::new()),
    }
}

/// The links written by templates, in every HTML output of a site that rendered whole (links
/// written in Markdown were checked by the build).
fn template_links(generated: &Generated) -> Vec<Diagnostic> {
    let index = SiteIndex::new(
        &generated.files,
        generated.assets.iter().map(|a| a.url.clone()),
    );
    links::check_output_links(
        &index,
        &generated.files,
        &generated.source_of,
        &generated.markdown_links,
    )
}

/// What the content graph alone tells: missing and outdated translations, passed review
/// dates, and the translation status table.
fn content(
    root: &Path,
    config: &Config,
    graph: &ContentGraph,
    today: Date,
) -> (Diagnostics, Vec<StatusRow>) {
    let mut diags = Diagnostics::new();
    let commits = git_commit_times(root);
    let mut rows: BTreeMap<String, StatusRow> = BTreeMap::new();
    let default = config.default_language.as_str();
    let mut seen_keys = std::collections::HashSet::new();
    for page in &graph.pages {
        let section = page
            .key
            .rsplit_once('/')
            .map_or("(root)", |(s, _)| s)
            .to_string();
        let row = rows.entry(section.clone()).or_insert_with(|| StatusRow {
            section,
            counts: config.languages.iter().map(|l| (l.clone(), 0)).collect(),
            ..StatusRow::default()
        });
        if let Some(c) = row.counts.iter_mut().find(|(l, _)| *l == page.lang) {
            c.1 += 1;
        }
        review_overdue(page, today, &mut diags);
        if !seen_keys.insert(page.key.clone()) {
            continue;
        }
        // Per translation group (first version seen): missing languages and staleness.
        let versions: Vec<&Page> = std::iter::once(page)
            .chain(page.translations.iter().map(|&t| &graph.pages[t]))
            .collect();
        // A version whose front matter has errors exists: its error is reported, not a
        // missing translation on top.
        let missing: Vec<&String> = config
            .languages
            .iter()
            .filter(|l| !versions.iter().any(|v| &v.lang == *l))
            .filter(|l| !graph.failed(&page.key, Some(l)))
            .collect();
        if !missing.is_empty() {
            row.missing += 1;
            for lang in missing {
                let source = versions
                    .iter()
                    .find(|v| v.lang == default)
                    .unwrap_or(&versions[0]);
                let expected = expected_file(&source.key, lang, default);
                // The translation may exist and wait: `warta new --lang` makes it a draft.
                let (message, hint) = match graph.unpublished.get(&source.key) {
                    Some(why) => (
                        format!("no {} version yet: {expected} is not published: {why}", language_name(lang)),
                        "finish the translation and remove `draft: true` (readers of the other language are sent to the section list until then)".to_string(),
                    ),
                    None => (
                        format!("no {} version: {expected} does not exist", language_name(lang)),
                        format!(
                            "translate it (readers of /{lang}/ are sent to the section list instead): `warta new {} {:?} --lang {lang}`",
                            type_word(source),
                            source.fm.title
                        ),
                    ),
                };
                diags.push(
                    Diagnostic::warning("translation-missing", source.file(), message)
                        .with_hint(hint),
                );
            }
        }
        let Some(source) = versions.iter().find(|v| v.lang == default) else {
            continue;
        };
        for translation in versions.iter().filter(|v| v.lang != default) {
            if let Some(message) = outdated(source, translation, &commits) {
                row.outdated += 1;
                diags.push(
                    Diagnostic::warning("translation-outdated", translation.file(), message)
                        .with_hint(format!(
                            "update the translation from {}, then set its `updated:` to today",
                            source.file()
                        )),
                );
            }
        }
    }
    (diags, rows.into_values().collect())
}

/// Why `translation` is older than `source`, if it is.
fn outdated(source: &Page, translation: &Page, commits: &HashMap<String, i64>) -> Option<String> {
    let s = source.fm.updated.or(source.fm.date);
    let t = translation.fm.updated.or(translation.fm.date);
    if let (Some(s), Some(t)) = (s, t)
        && s.day() > t.day()
    {
        return Some(format!(
            "this translation is older than its source: {} was updated {}, this file says {}",
            source.file(),
            s.iso(),
            t.iso()
        ));
    }
    let (Some(sc), Some(tc)) = (commits.get(source.file()), commits.get(translation.file())) else {
        return None;
    };
    (sc > tc).then(|| {
        format!(
            "{} was committed after this translation was last changed",
            source.file()
        )
    })
}

fn review_overdue(page: &Page, today: Date, diags: &mut Diagnostics) {
    let review_by = match &page.fm.fields {
        TypeFields::Guide(g) => g.review_by,
        TypeFields::Country(c) => c.review_by,
        _ => None,
    };
    if let Some(due) = review_by
        && due.day() < today.day()
    {
        let position = crate::frontmatter::split(&page.body.file)
            .ok()
            .and_then(|split| {
                crate::yaml::Block {
                    file: &page.body.file,
                    text: split.yaml,
                    first_line: split.yaml_first_line,
                }
                .key_position("review_by")
            });
        diags.push(
            Diagnostic::warning(
                "review-overdue",
                page.file(),
                format!("the review date {} has passed: facts on this page may be out of date", due.iso()),
            )
            .at(position)
            .with_hint("check the page against current rules, then set `updated:` to today and `review_by:` to the next review date"),
        );
    }
}

/// `berita/x.md` in `en` → `content/berita/x.en.md`.
fn expected_file(key: &str, lang: &str, default: &str) -> String {
    let stem = key.trim_end_matches(".md");
    if lang == default {
        format!("content/{stem}.md")
    } else {
        format!("content/{stem}.{lang}.md")
    }
}

fn type_word(page: &Page) -> &'static str {
    match page.content_type {
        crate::frontmatter::ContentType::PressRelease => "press-release",
        crate::frontmatter::ContentType::Guide => "guide",
        crate::frontmatter::ContentType::Country => "country",
        crate::frontmatter::ContentType::Page => "page",
    }
}

fn language_name(lang: &str) -> String {
    match lang {
        "id" => "Indonesian".to_string(),
        "en" => "English".to_string(),
        other => format!("`{other}`"),
    }
}

/// The last commit time of every file under `content/`, when the site is in a git repository.
fn git_commit_times(root: &Path) -> HashMap<String, i64> {
    let mut times = HashMap::new();
    let Ok(out) = std::process::Command::new("git")
        .arg("-C")
        .arg(root)
        .args([
            "log",
            "--format=%x00%ct",
            "--name-only",
            "--relative",
            "--",
            "content",
        ])
        .output()
    else {
        return times;
    };
    if !out.status.success() {
        return times;
    }
    let text = String::from_utf8_lossy(&out.stdout);
    let mut current = 0i64;
    for line in text.lines() {
        if let Some(ts) = line.strip_prefix('\0') {
            current = ts.trim().parse().unwrap_or(0);
        } else if !line.trim().is_empty() {
            // Newest commits come first: keep the first time seen for each file.
            times.entry(line.trim().to_string()).or_insert(current);
        }
    }
    times
}

/// The table printed by `warta check`.
pub fn render_table(rows: &[StatusRow]) -> String {
    let Some(first) = rows.first() else {
        return String::new();
    };
    let langs: Vec<&str> = first.counts.iter().map(|(l, _)| l.as_str()).collect();
    let mut header = vec!["section".to_string()];
    header.extend(langs.iter().map(|l| (*l).to_string()));
    header.push("missing".into());
    header.push("outdated".into());
    let mut table = vec![header];
    for row in rows {
        let mut cells = vec![row.section.clone()];
        cells.extend(row.counts.iter().map(|(_, n)| n.to_string()));
        cells.push(row.missing.to_string());
        cells.push(row.outdated.to_string());
        table.push(cells);
    }
    let widths: Vec<usize> = (0..table[0].len())
        .map(|i| {
            table
                .iter()
                .map(|r| r[i].chars().count())
                .max()
                .unwrap_or(0)
        })
        .collect();
    let mut out = String::from("translation status:\n");
    for row in &table {
        let line: Vec<String> = row
            .iter()
            .enumerate()
            .map(|(i, c)| {
                if i == 0 {
                    format!("{c:<w$}", w = widths[i])
                } else {
                    format!("{c:>w$}", w = widths[i])
                }
            })
            .collect();
        out.push_str("  ");
        out.push_str(line.join("  ").trim_end());
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_aligns_columns() {
        let rows = vec![StatusRow {
            section: "berita".into(),
            counts: vec![("id".into(), 12), ("en".into(), 11)],
            missing: 1,
            outdated: 0,
        }];
        assert_eq!(
            render_table(&rows),
            "translation status:\n  section  id  en  missing  outdated\n  berita   12  11        1         0\n"
        );
    }

    #[test]
    fn expected_translation_file_names() {
        assert_eq!(
            expected_file("panduan/x.md", "en", "id"),
            "content/panduan/x.en.md"
        );
        assert_eq!(expected_file("x.md", "id", "id"), "content/x.md");
    }
}
