//! Journeys: guides that are the numbered steps of one task ("Bekerja ke luar negeri secara
//! resmi", steps 1 to 5), in the manner of GOV.UK's step-by-step navigation.
//!
//! A journey is named by its overview guide: a step says `journey: <the overview's file name>`
//! and `step: <n>`; the overview says nothing. Translations share a journey through their
//! language-independent key, so the journey and its numbering are one for every language; a
//! translation may leave the two fields out (it follows the other language) but may not say
//! otherwise. This module checks the journeys against the published pages (the overview
//! exists, steps 1, 2, 3 … without a gap or a number given twice) and puts each section list
//! in journey order. Each field on its own is checked with the front matter; showing a journey
//! is `render`'s concern.

use std::collections::{BTreeMap, HashMap, HashSet};

use super::{Page, PageId, Section};
use crate::diag::{Code, Diagnostic, Diagnostics, did_you_mean};
use crate::i18n::Message;
use crate::msg;

/// One document of a journey, in every language it is published in.
#[derive(Debug, Clone)]
pub struct Member {
    /// Language-independent key: `panduan/skema-penempatan.md`.
    pub key: String,
    /// Its published pages, in site language order.
    pub pages: Vec<PageId>,
}

impl Member {
    /// Its page in `lang`, else the first that exists (the default language's, when it has
    /// one), and whether that is in `lang`.
    pub fn page_in(&self, lang: &str, pages: &[Page]) -> Option<(PageId, bool)> {
        let here = self
            .pages
            .iter()
            .copied()
            .find(|&id| pages[id].lang == lang);
        here.map(|id| (id, true))
            .or_else(|| self.pages.first().map(|&id| (id, false)))
    }
}

/// A journey: its overview guide and its steps, step 1 first.
#[derive(Debug, Clone)]
pub struct Journey {
    pub overview: Member,
    pub steps: Vec<Member>,
}

/// Every journey of the site, and where each document stands in them.
#[derive(Debug, Clone, Default)]
pub struct Journeys {
    /// By overview key.
    pub list: Vec<Journey>,
    /// Overview key → index in `list`.
    overviews: HashMap<String, usize>,
    /// Step key → (index in `list`, index in its `steps`).
    steps: HashMap<String, (usize, usize)>,
}

impl Journeys {
    /// The journey `key` is the overview of.
    pub fn overview_of(&self, key: &str) -> Option<&Journey> {
        self.overviews.get(key).map(|&j| &self.list[j])
    }

    /// The journey `key` is a step of, and its index among the steps (0 for step 1).
    pub fn step_of(&self, key: &str) -> Option<(&Journey, usize)> {
        self.steps.get(key).map(|&(j, i)| (&self.list[j], i))
    }

    /// Every page that shows the title or address of the document `key` because they share a
    /// journey (in every language: a step missing in one language links to another's page).
    pub fn pages_sharing(&self, key: &str) -> Vec<PageId> {
        let journey = self
            .overviews
            .get(key)
            .or_else(|| self.steps.get(key).map(|(j, _)| j));
        journey.map_or_else(Vec::new, |&j| {
            let journey = &self.list[j];
            std::iter::once(&journey.overview)
                .chain(&journey.steps)
                .flat_map(|m| m.pages.iter().copied())
                .collect()
        })
    }
}

/// A document's place in a journey, as its first page (in language order) that gives one says.
struct Claim {
    /// The step's first page that says so.
    page: PageId,
    /// The overview's key.
    overview: String,
    step: usize,
}

/// Checks the journeys of the published `pages` and puts them together. `unpublished` says
/// why a document that exists is not published; `failed` holds the documents whose front
/// matter has errors (already reported: nothing that follows from them is reported again).
pub(super) fn build(
    pages: &[Page],
    unpublished: &HashMap<String, Message>,
    failed: &[(String, String)],
) -> (Journeys, Diagnostics) {
    let mut diags = Diagnostics::new();
    let by_key = pages_by_key(pages);
    let mut journeys = Journeys::default();
    for (overview, claims) in claims(pages, &by_key, unpublished, failed, &mut diags) {
        let Some(overview_pages) = by_key.get(overview.as_str()) else {
            if !failed.iter().any(|(k, _)| *k == overview) {
                for claim in &claims {
                    diags.push(unknown_overview(pages, claim, &by_key, unpublished));
                }
            }
            continue;
        };
        let steps = numbered(pages, &overview, claims, failed, &mut diags);
        let j = journeys.list.len();
        journeys.overviews.insert(overview.clone(), j);
        for (i, claim) in steps.iter().enumerate() {
            let key = pages[claim.page].key.clone();
            journeys.steps.insert(key, (j, i));
        }
        journeys.list.push(Journey {
            overview: Member {
                key: overview,
                pages: overview_pages.clone(),
            },
            steps: steps
                .iter()
                .map(|c| member(pages, &by_key, c.page))
                .collect(),
        });
    }
    (journeys, diags)
}

/// Key → its pages, in site language order (pages are sorted by key, then language).
fn pages_by_key(pages: &[Page]) -> HashMap<&str, Vec<PageId>> {
    let mut by_key: HashMap<&str, Vec<PageId>> = HashMap::new();
    for (id, page) in pages.iter().enumerate() {
        by_key.entry(page.key.as_str()).or_default().push(id);
    }
    by_key
}

fn member(pages: &[Page], by_key: &HashMap<&str, Vec<PageId>>, page: PageId) -> Member {
    let key = pages[page].key.clone();
    Member {
        pages: by_key.get(key.as_str()).cloned().unwrap_or_default(),
        key,
    }
}

/// The claims of every document, by overview key: a translation that says another journey or
/// step than the language before it is an error (reported here, the first word kept). When
/// one of the two names a journey that does not exist, that is the error reported, and the
/// other's claim is kept: a hint to copy a misspelt name into the translation would spread it.
fn claims<'p>(
    pages: &'p [Page],
    by_key: &HashMap<&str, Vec<PageId>>,
    unpublished: &HashMap<String, Message>,
    failed: &[(String, String)],
    diags: &mut Diagnostics,
) -> BTreeMap<String, Vec<Claim>> {
    let known =
        |overview: &str| by_key.contains_key(overview) || failed.iter().any(|(k, _)| k == overview);
    let mut by_doc: BTreeMap<&'p str, Claim> = BTreeMap::new();
    for (id, page) in pages.iter().enumerate() {
        let Some(js) = &page.fm.journey else {
            continue;
        };
        let claim = Claim {
            page: id,
            overview: overview_key(&page.key, &js.journey),
            step: js.step,
        };
        match by_doc.get(page.key.as_str()) {
            Some(first) if first.overview != claim.overview || first.step != claim.step => {
                if !known(&claim.overview) {
                    diags.push(unknown_overview(pages, &claim, by_key, unpublished));
                } else if !known(&first.overview) {
                    diags.push(unknown_overview(pages, first, by_key, unpublished));
                    by_doc.insert(&page.key, claim);
                } else {
                    diags.push(translation_differs(pages, first, id));
                }
            }
            Some(_) => {}
            None => {
                by_doc.insert(&page.key, claim);
            }
        }
    }
    let mut by_overview: BTreeMap<String, Vec<Claim>> = BTreeMap::new();
    for claim in by_doc.into_values() {
        let key = &pages[claim.page].key;
        if *key == claim.overview {
            diags.push(journey_error(
                &pages[claim.page],
                "journey",
                msg!("journey-overview-is-step"),
                msg!("journey-not-guide-hint"),
            ));
            continue;
        }
        by_overview
            .entry(claim.overview.clone())
            .or_default()
            .push(claim);
    }
    by_overview
}

/// The key of the overview `name` (a file name without `.md`) in the section of `step_key`.
fn overview_key(step_key: &str, name: &str) -> String {
    match step_key.rsplit_once('/') {
        Some((dir, _)) => format!("{dir}/{name}.md"),
        None => format!("{name}.md"),
    }
}

/// The claims of one journey in step order, with a number given twice or a gap reported.
fn numbered(
    pages: &[Page],
    overview: &str,
    mut claims: Vec<Claim>,
    failed: &[(String, String)],
    diags: &mut Diagnostics,
) -> Vec<Claim> {
    claims.sort_by(|a, b| a.step.cmp(&b.step).then(a.page.cmp(&b.page)));
    let name = file_stem(overview);
    let dir = overview.rsplit_once('/').map_or("", |(d, _)| d);
    // A step whose front matter failed is missing here: a gap it leaves is not news.
    let some_failed = failed
        .iter()
        .any(|(k, _)| k.rsplit_once('/').map_or("", |(d, _)| d) == dir);
    let last = claims.last().map_or(0, |c| c.step);
    let mut spare = last;
    let mut expected = 1;
    for (i, claim) in claims.iter().enumerate() {
        let page = &pages[claim.page];
        if i > 0 && claims[i - 1].step == claim.step {
            spare += 1;
            let other = pages[claims[i - 1].page].file().to_string();
            diags.push(journey_error(
                page,
                "step",
                msg!(
                    "journey-step-twice",
                    journey = name,
                    step = claim.step,
                    other
                ),
                msg!("journey-step-twice-hint", text = format!("step: {spare}")),
            ));
            continue;
        }
        if claim.step != expected && !some_failed {
            diags.push(journey_error(
                page,
                "step",
                msg!(
                    "journey-step-gap",
                    journey = name,
                    step = claim.step,
                    missing = expected
                ),
                msg!("journey-step-gap-hint", text = format!("step: {expected}")),
            ));
        }
        expected = claim.step + 1;
    }
    let mut seen = HashSet::new();
    claims.retain(|c| seen.insert(c.step));
    claims
}

/// The error for a journey that names no published guide of the section.
fn unknown_overview(
    pages: &[Page],
    claim: &Claim,
    by_key: &HashMap<&str, Vec<PageId>>,
    unpublished: &HashMap<String, Message>,
) -> Diagnostic {
    let page = &pages[claim.page];
    let written = page.fm.journey.as_ref().map_or("", |j| j.journey.as_str());
    let file = format!("content/{}", claim.overview);
    if let Some(why) = unpublished.get(&claim.overview) {
        return journey_error(
            page,
            "journey",
            msg!("journey-overview-unpublished", file = &file).arg_message("why", why.clone()),
            msg!("journey-overview-unpublished-hint", file = &file),
        );
    }
    let dir = claim.overview.rsplit_once('/').map_or("", |(d, _)| d);
    // Sorted: the nearest name must not depend on the order of a hash map.
    let mut names: Vec<&str> = by_key
        .keys()
        .filter(|k| k.rsplit_once('/').map_or("", |(d, _)| d) == dir)
        .map(|k| file_stem(k))
        .collect();
    names.sort_unstable();
    journey_error(
        page,
        "journey",
        msg!("journey-unknown", name = written, file),
        name_hint(written, &names, dir),
    )
}

/// What to write for a journey named `written`: the file name it means when it is written as a
/// path or with `.md`, else the nearest name, else how to find it.
fn name_hint(written: &str, names: &[&str], dir: &str) -> Message {
    let plain = written.rsplit('/').next().unwrap_or(written);
    let plain = plain.strip_suffix(".md").unwrap_or(plain);
    let plain = plain.split('.').next().unwrap_or(plain);
    if plain != written && names.contains(&plain) {
        return msg!("frontmatter-write", text = format!("journey: {plain}"));
    }
    match did_you_mean(plain, names.iter().copied()) {
        Some(near) => msg!("frontmatter-write", text = format!("journey: {near}")),
        None => msg!("journey-unknown-hint", section = dir),
    }
}

/// `panduan/bekerja.md` → `bekerja`.
fn file_stem(key: &str) -> &str {
    let name = key.rsplit('/').next().unwrap_or(key);
    name.strip_suffix(".md").unwrap_or(name)
}

/// A translation that puts its document in another journey or step than `first` does.
fn translation_differs(pages: &[Page], first: &Claim, id: PageId) -> Diagnostic {
    let page = &pages[id];
    let first_page = &pages[first.page];
    let said = first_page.fm.journey.as_ref();
    let here = page.fm.journey.as_ref();
    let key = if said.map(|j| &j.journey) == here.map(|j| &j.journey) {
        "step"
    } else {
        "journey"
    };
    let (journey, step) = said.map_or((String::new(), 0), |j| (j.journey.clone(), j.step));
    journey_error(
        page,
        key,
        msg!("journey-translation-differs", other = first_page.file()),
        msg!(
            "journey-translation-differs-hint",
            journey = format!("journey: {journey}"),
            step = format!("step: {step}"),
            other = first_page.file()
        ),
    )
}

/// An error about `page` at the value of its `key`.
fn journey_error(page: &Page, key: &str, message: Message, hint: Message) -> Diagnostic {
    Diagnostic::error(Code::Journey, page.file(), message)
        .at(page.key_position(key))
        .with_hint(hint)
}

/// Puts each section's lists in journey order: its own pages and the list that also holds the
/// other languages' untranslated pages (a step written only in Indonesian keeps its place in
/// the English list).
pub(super) fn order_lists(sections: &mut [Section], journeys: &Journeys, pages: &[Page]) {
    if journeys.list.is_empty() {
        return;
    }
    for section in sections {
        for sl in section.langs.values_mut() {
            sl.pages = in_journey_order(&sl.pages, journeys, pages);
            sl.list = in_journey_order(&sl.list, journeys, pages);
        }
    }
}

/// `ids` with each journey (in the order its first page comes) as its overview then its
/// steps, then the other pages as they were. A list holds one version of a page, so the
/// versions of a step that `ids` holds are the one to show.
fn in_journey_order(ids: &[PageId], journeys: &Journeys, pages: &[Page]) -> Vec<PageId> {
    let listed: HashSet<PageId> = ids.iter().copied().collect();
    let mut placed = HashSet::new();
    let mut ordered = Vec::with_capacity(ids.len());
    for &id in ids {
        let key = pages[id].key.as_str();
        let journey = journeys
            .overview_of(key)
            .or_else(|| journeys.step_of(key).map(|(j, _)| j));
        let Some(journey) = journey else {
            continue;
        };
        if !placed.insert(journey.overview.key.as_str()) {
            continue;
        }
        for m in std::iter::once(&journey.overview).chain(&journey.steps) {
            ordered.extend(m.pages.iter().copied().filter(|p| listed.contains(p)));
        }
    }
    let in_journeys: HashSet<PageId> = ordered.iter().copied().collect();
    ordered.extend(ids.iter().copied().filter(|p| !in_journeys.contains(p)));
    ordered
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_overview_is_looked_for_in_the_section_of_the_step() {
        assert_eq!(
            overview_key("panduan/skema.md", "bekerja"),
            "panduan/bekerja.md"
        );
        assert_eq!(file_stem("panduan/bekerja.md"), "bekerja");
    }

    #[test]
    fn a_journey_written_as_a_path_is_told_its_file_name() {
        let names = ["bekerja-resmi", "skema"];
        for written in [
            "bekerja-resmi.md",
            "panduan/bekerja-resmi.md",
            "@/panduan/bekerja-resmi.md",
            "bekerja-resmi.en.md",
            "bekerja-resmy",
        ] {
            assert_eq!(
                name_hint(written, &names, "panduan").render(crate::i18n::Lang::En),
                "write `journey: bekerja-resmi`",
                "{written}"
            );
        }
        assert!(
            name_hint("zzz", &names, "panduan")
                .render(crate::i18n::Lang::En)
                .contains("content/panduan/"),
        );
    }
}
