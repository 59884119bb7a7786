//! `warta check`: everything a build checks, plus what only matters before publishing —
//! links written by templates, missing and outdated translations, passed review dates — and
//! the translation status table; with the live site's manifest, the page addresses this build
//! would lose. Writes nothing.
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
use crate::manifest::Manifest;
use crate::pipeline::{Failed, Generated};

/// Every code a warning can have: what `--allow` takes. A test runs `check` on every fixture
/// and fails when a warning carries a code missing here.
pub const WARNING_CODES: &[&str] = &[
    "budget-css",
    "budget-font",
    "budget-html",
    "budget-js",
    "comment-in-text",
    "description",
    "file-unused",
    "headers",
    "i18n-missing",
    "image",
    "image-budget",
    "images-disabled",
    "raw-html",
    "review-overdue",
    "section",
    "special-file",
    "symlink",
    "translation-missing",
    "translation-outdated",
];

/// `--allow`'s help: what it does and every code it takes.
pub fn allow_help() -> String {
    let codes = WARNING_CODES.join(", ");
    format!(
        "With --deny-warnings: warnings of this kind are still shown but do not fail the check. Repeat for more kinds. Each warning shows its kind on its `= code:` line; the kinds are: {codes}"
    )
}

/// A code given to `--allow` that no warning has, with the nearest known code.
pub fn unknown_allow(allow: &[String]) -> Option<(String, Option<&'static str>)> {
    let unknown = allow
        .iter()
        .find(|a| !WARNING_CODES.contains(&a.as_str()))?;
    let near = crate::diag::did_you_mean(unknown, WARNING_CODES.iter().copied());
    Some((unknown.clone(), near))
}

/// One row of the translation status table.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize)]
pub struct StatusRow {
    /// The section folder, or `(root)`.
    pub section: String,
    /// Pages per language, in site order.
    #[serde(serialize_with = "in_order")]
    pub counts: Vec<(String, usize)>,
    /// Translations not published: `not_started` and `in_progress` together.
    pub missing: usize,
    /// Translations with no file yet.
    pub not_started: usize,
    /// Translations whose file exists but is not published (a draft, a future date).
    pub in_progress: usize,
    /// Translations older than their source.
    pub outdated: usize,
}

/// `[("id", 2), ("en", 1)]` as the JSON object `{"id": 2, "en": 1}`, in that order.
fn in_order<S: serde::Serializer>(counts: &[(String, usize)], s: S) -> Result<S::Ok, S::Error> {
    use serde::ser::SerializeMap;
    let mut map = s.serialize_map(Some(counts.len()))?;
    for (lang, n) in counts {
        map.serialize_entry(lang, n)?;
    }
    map.end()
}

/// What `warta check --format json` prints: every finding, the verdict and the translation
/// table.
#[derive(Debug, serde::Serialize)]
pub struct Report {
    pub diagnostics: Vec<crate::diag::JsonDiagnostic>,
    pub summary: Summary,
    pub translations: Vec<StatusRow>,
}

/// The counts under the findings.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize)]
pub struct Summary {
    pub passed: bool,
    pub errors: usize,
    pub warnings: usize,
    /// Warnings that fail the check with `--deny-warnings` (those `--allow` did not name).
    pub denied_warnings: usize,
    /// Pages per language, in site order.
    #[serde(serialize_with = "in_order")]
    pub pages: Vec<(String, usize)>,
    pub not_started: usize,
    pub in_progress: usize,
    pub outdated: usize,
}

impl Summary {
    /// The totals of `rows` and the verdict.
    pub fn new(diags: &Diagnostics, rows: &[StatusRow], passed: bool, denied: usize) -> Summary {
        let mut pages: Vec<(String, usize)> = rows
            .first()
            .map(|r| r.counts.iter().map(|(l, _)| (l.clone(), 0)).collect())
            .unwrap_or_default();
        for row in rows {
            for ((_, total), (_, n)) in pages.iter_mut().zip(&row.counts) {
                *total += n;
            }
        }
        Summary {
            passed,
            errors: diags.error_count(),
            warnings: diags.warning_count(),
            denied_warnings: denied,
            pages,
            not_started: rows.iter().map(|r| r.not_started).sum(),
            in_progress: rows.iter().map(|r| r.in_progress).sum(),
            outdated: rows.iter().map(|r| r.outdated).sum(),
        }
    }
}

/// Every finding about a site, from the outcome of the pipeline run on it: the run's own
/// diagnostics plus those of the checks below, and the translation status table (empty when
/// the content could not be read). With the manifest of the live site, also every page
/// address of it that this build would lose.
pub fn run(
    root: &Path,
    outcome: Result<Generated, Failed>,
    published: Option<&Manifest>,
) -> (Diagnostics, Vec<StatusRow>) {
    match outcome {
        Ok(generated) => {
            let mut diags = generated.diagnostics.clone();
            diags.extend(template_links(&generated));
            let (more, rows) = content(root, &generated.config, &generated.graph, generated.today);
            diags.extend(more);
            if let Some(live) = published {
                let built = generated
                    .files
                    .iter()
                    .map(|f| f.path.as_str())
                    .chain(generated.assets.iter().map(|a| a.url.as_str()));
                diags.extend(crate::published_urls::check(
                    live,
                    &generated.config,
                    &generated.graph,
                    built,
                ));
            }
            (diags, rows)
        }
        Err(Failed {
            mut diagnostics,
            content: Some(c),
        }) => {
            let (more, rows) = content(root, &c.config, &c.graph, c.today);
            diagnostics.extend(more);
            if let Some(live) = published {
                diagnostics.extend(crate::published_urls::check(
                    live,
                    &c.config,
                    &c.graph,
                    std::iter::empty(),
                ));
            }
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
            let source = versions
                .iter()
                .find(|v| v.lang == default)
                .unwrap_or(&versions[0]);
            for lang in missing {
                row.missing += 1;
                let expected = expected_file(&source.key, lang, default);
                // The translation may exist and wait: `warta new --lang` makes it a draft.
                let started = translation_exists(root, &source.key, lang, default);
                if started {
                    row.in_progress += 1;
                } else {
                    row.not_started += 1;
                }
                let language = language_name(lang);
                let (message, hint) = match (started, graph.unpublished.get(&source.key)) {
                    (true, Some(why)) => (
                        format!("no {language} version yet: {expected} is not published: {why}"),
                        "finish the translation and remove `draft: true` (readers of the other language are sent to the section list until then)".to_string(),
                    ),
                    (true, None) => (
                        format!("no {language} version yet: {expected} is not published: it has errors"),
                        format!("fix the errors reported in {expected}"),
                    ),
                    (false, _) => {
                        // Followed literally, the command writes `expected`, linked to this page.
                        let command = crate::new::command_for(graph, source, lang);
                        (
                            format!("no {language} version: {expected} does not exist"),
                            format!("translate it (readers of the {language} pages are sent to the section list instead): `{command}`"),
                        )
                    }
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

/// Whether the file of `key` in `lang` exists (published or not): `x.en.md`, or `x.md` or
/// `x.id.md` in the default language.
fn translation_exists(root: &Path, key: &str, lang: &str, default: &str) -> bool {
    let stem = key.trim_end_matches(".md");
    let mut names = vec![format!("content/{stem}.{lang}.md")];
    if lang == default {
        names.push(format!("content/{stem}.md"));
    }
    names.iter().any(|n| root.join(n).is_file())
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
    header.push("not started".into());
    header.push("in progress".into());
    header.push("outdated".into());
    let mut table = vec![header];
    for row in rows {
        let mut cells = vec![row.section.clone()];
        cells.extend(row.counts.iter().map(|(_, n)| n.to_string()));
        cells.push(row.not_started.to_string());
        cells.push(row.in_progress.to_string());
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
    out.push_str("  (not started: no file in that language yet; in progress: the file is a draft or dated in the future; outdated: older than the page it translates)\n");
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
            not_started: 1,
            in_progress: 0,
            outdated: 0,
        }];
        let table = render_table(&rows);
        assert!(
            table.starts_with("translation status:\n  section  id  en  not started  in progress  outdated\n  berita   12  11            1            0         0\n"),
            "{table}"
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
