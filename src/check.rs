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
use crate::content::kinds::TypeFields;
use crate::content::{ContentGraph, Page};
use crate::dates::Date;
use crate::diag::Code;
use crate::diag::{Diagnostic, Diagnostics};
use crate::i18n::{Lang, Message};
use crate::links::{self, SiteIndex};
use crate::manifest::Manifest;
use crate::msg;
use crate::pipeline::{BuiltSite, Failed};

/// Every code a warning can have: what `--allow` takes. A test runs `check` on every fixture
/// and fails when a warning carries a code missing here.
pub const WARNING_CODES: &[&str] = &[
    Code::ActionsMany.as_str(),
    Code::BudgetCss.as_str(),
    Code::BudgetFont.as_str(),
    Code::BudgetHtml.as_str(),
    Code::BudgetJs.as_str(),
    Code::CommentInText.as_str(),
    Code::CountryNoPhone.as_str(),
    Code::Description.as_str(),
    Code::FileUnused.as_str(),
    Code::Headers.as_str(),
    Code::I18nMissing.as_str(),
    Code::Image.as_str(),
    Code::ImageBudget.as_str(),
    Code::ImagesDisabled.as_str(),
    Code::RawHtml.as_str(),
    Code::ReviewOverdue.as_str(),
    Code::Section.as_str(),
    Code::SpecialFile.as_str(),
    Code::Symlink.as_str(),
    Code::TagUndefined.as_str(),
    Code::TranslationMissing.as_str(),
    Code::TranslationOutdated.as_str(),
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

/// The section of the pages right under `content/`, as [`StatusRow::section`] names it.
pub const ROOT_SECTION: &str = "(root)";

/// One row of the translation status table.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize)]
pub struct StatusRow {
    /// The section folder, or [`ROOT_SECTION`].
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
pub fn check_site(
    root: &Path,
    outcome: Result<BuiltSite, Failed>,
    published: Option<&Manifest>,
) -> (Diagnostics, Vec<StatusRow>) {
    match outcome {
        Ok(generated) => {
            let mut diags = generated.diagnostics.clone();
            diags.extend(template_links(&generated));
            let (more, rows) = content(root, &generated.config, &generated.graph, generated.today);
            diags.extend(more);
            if let Some(live) = published {
                diags.extend(crate::published_urls::check(
                    live,
                    &generated.config,
                    &generated.graph,
                    generated.paths(),
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
fn template_links(generated: &BuiltSite) -> Diagnostics {
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
            .map_or(ROOT_SECTION, |(s, _)| s)
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
        country_without_phone(page, &mut diags);
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
                        // `why` is the content stage's reason (a draft, a date ahead).
                        msg!("check-translation-unpublished", expected = &expected)
                            .arg_message("why", why.clone()),
                        // A date ahead publishes itself; only a draft needs the editor.
                        if why.id() == "content-why-future" {
                            msg!("check-translation-future-hint")
                        } else {
                            msg!("check-translation-unpublished-hint")
                        },
                    ),
                    (true, None) => (
                        msg!("check-translation-has-errors", expected = &expected),
                        msg!("check-translation-has-errors-hint", expected = &expected),
                    ),
                    (false, _) => {
                        // Followed literally, the command writes `expected`, linked to this page.
                        let command = crate::new::command_for(graph, source, lang);
                        (
                            msg!("check-translation-missing", expected = &expected),
                            msg!("check-translation-missing-hint", command)
                                .arg_message("language", language.clone()),
                        )
                    }
                };
                let message = message.arg_message("language", language);
                diags.push(
                    Diagnostic::warning(Code::TranslationMissing, source.file(), message)
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
                    Diagnostic::warning(Code::TranslationOutdated, translation.file(), message)
                        .with_hint(msg!(
                            "check-translation-outdated-hint",
                            source = source.file()
                        )),
                );
            }
        }
    }
    (diags, rows.into_values().collect())
}

/// Why `translation` is older than `source`, if it is.
fn outdated(source: &Page, translation: &Page, commits: &HashMap<String, i64>) -> Option<Message> {
    let s = source.fm.updated.or(source.fm.date);
    let t = translation.fm.updated.or(translation.fm.date);
    if let (Some(s), Some(t)) = (s, t)
        && s.day() > t.day()
    {
        return Some(msg!(
            "check-translation-older",
            source = source.file(),
            updated = s.iso(),
            date = t.iso()
        ));
    }
    let (Some(sc), Some(tc)) = (commits.get(source.file()), commits.get(translation.file())) else {
        return None;
    };
    (sc > tc).then(|| msg!("check-translation-committed-after", source = source.file()))
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
        let position = page.key_position("review_by");
        diags.push(
            Diagnostic::warning(
                Code::ReviewOverdue,
                page.file(),
                msg!("check-review-overdue", date = due.iso()),
            )
            .at(position)
            .with_hint(msg!("check-review-overdue-hint")),
        );
    }
}

/// A country page none of whose `contacts` has a `phone`: a reader in trouble there finds no
/// number to call.
fn country_without_phone(page: &Page, diags: &mut Diagnostics) {
    let TypeFields::Country(c) = &page.fm.fields else {
        return;
    };
    if c.contacts.iter().any(|k| k.phone.is_some()) {
        return;
    }
    let position = page
        .key_position("contacts")
        .or_else(|| page.key_position("title"));
    diags.push(
        Diagnostic::warning(
            Code::CountryNoPhone,
            page.file(),
            msg!("check-country-no-phone"),
        )
        .at(position)
        .with_hint(msg!("check-country-no-phone-hint")),
    );
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

/// The name of a site language inside a sentence: "English", or its code for others.
fn language_name(lang: &str) -> Message {
    match lang {
        "id" => msg!("check-language-id"),
        "en" => msg!("check-language-en"),
        code => msg!("check-language-other", code),
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

/// The table printed by `warta check`, its words in `lang`; the columns are as wide as their
/// widest cell in that language.
pub fn render_table(rows: &[StatusRow], lang: Lang) -> String {
    let Some(first) = rows.first() else {
        return String::new();
    };
    let langs: Vec<&str> = first.counts.iter().map(|(l, _)| l.as_str()).collect();
    let mut header = vec![msg!("check-table-section").render(lang)];
    header.extend(langs.iter().map(|l| (*l).to_string()));
    header.push(msg!("check-table-not-started").render(lang));
    header.push(msg!("check-table-in-progress").render(lang));
    header.push(msg!("check-table-outdated").render(lang));
    let mut table = vec![header];
    for row in rows {
        let section = if row.section == ROOT_SECTION {
            msg!("check-table-root").render(lang)
        } else {
            row.section.clone()
        };
        let mut cells = vec![section];
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
    let mut out = msg!("check-table-title").render(lang);
    out.push('\n');
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
    out.push_str("  ");
    out.push_str(&msg!("check-table-legend").render(lang));
    out.push('\n');
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
        let table = render_table(&rows, Lang::En);
        assert!(
            table.starts_with("translation status:\n  section  id  en  not started  in progress  outdated\n  berita   12  11            1            0         0\n"),
            "{table}"
        );
    }

    /// The Indonesian headings are wider than the English ones: the numbers still end under
    /// the end of their heading, and the pages right under content/ are named in Indonesian.
    #[test]
    fn table_aligns_columns_in_indonesian() {
        let rows = vec![
            StatusRow {
                section: ROOT_SECTION.into(),
                counts: vec![("id".into(), 3), ("en".into(), 2)],
                missing: 1,
                not_started: 1,
                in_progress: 0,
                outdated: 0,
            },
            StatusRow {
                section: "berita".into(),
                counts: vec![("id".into(), 12), ("en".into(), 11)],
                missing: 1,
                not_started: 0,
                in_progress: 1,
                outdated: 10,
            },
        ];
        let table = render_table(&rows, Lang::Id);
        assert_eq!(
            table,
            "status terjemahan:\n  \
             bagian          id  en  belum dimulai  sedang dikerjakan  perlu diperbarui\n  \
             (tingkat atas)   3   2              1                  0                 0\n  \
             berita          12  11              0                  1                10\n  \
             (belum dimulai: belum ada berkas dalam bahasa itu; sedang dikerjakan: berkasnya masih draf atau bertanggal di masa depan; perlu diperbarui: lebih lama daripada halaman yang diterjemahkannya)\n"
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
