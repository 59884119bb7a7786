//! Journeys (issue 16, point 4): guides that are the numbered steps of one task show where they
//! stand, the steps and the way on; the overview lists the steps; the guides list follows the
//! journey in both languages. A journey that does not add up stops the build at the value.

use crate::bad_input::assert_fixture_rejected;
use crate::support::{build, copy_fixture, read, stderr};

/// The `href`s of the guide links of a section list (its `<h2>`/`<h3>` titles), in order.
fn listed(html: &str) -> Vec<String> {
    let mut out = Vec::new();
    let main = &html[html.find("<main").expect("main")..];
    for chunk in main.split("<h").skip(1) {
        if let Some(rest) = chunk.strip_prefix(|c| c == '2' || c == '3')
            && let Some(i) = rest.find("<a href=\"")
            && rest[..i].find('<').is_none_or(|lt| lt >= i)
        {
            let url = &rest[i + 9..];
            out.push(url[..url.find('"').expect("closed")].to_string());
        }
    }
    out
}

/// The `<nav class="journey">` of a page.
fn journey_nav(html: &str) -> &str {
    let start = html.find("<nav class=\"journey\"").expect("a journey nav");
    let end = start + html[start..].find("</nav>").expect("nav closed");
    &html[start..end]
}

fn built_steps() -> tempfile::TempDir {
    let site = copy_fixture("journeys/steps");
    let out = build(site.path());
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    site
}

#[test]
fn a_step_shows_its_number_the_steps_and_the_way_on() {
    let site = built_steps();
    let public = site.path().join("public");
    let html = read(&public, "panduan/alfa/index.html");
    assert!(
        html.contains("<strong class=\"journey-head__counter\">Langkah 2 dari 3</strong>"),
        "counter above the title"
    );
    assert!(
        html.contains("Bagian dari <a href=\"/panduan/mulai/\">Mulai bekerja resmi</a>"),
        "the journey it is part of"
    );
    let nav = journey_nav(&html);
    assert!(
        nav.contains("aria-label=\"Langkah demi langkah: Mulai bekerja resmi\""),
        "{nav}"
    );
    let steps: Vec<&str> = nav.matches("<li").collect();
    assert_eq!(steps.len(), 5, "three steps, previous and next: {nav}");
    let ol = &nav[nav.find("<ol").expect("ol")..nav.find("</ol>").expect("ol closed")];
    let zeta = ol.find("/panduan/zeta/").expect("step 1");
    let alfa = ol.find("/panduan/alfa/").expect("step 2");
    let beta = ol.find("/panduan/beta/").expect("step 3");
    assert!(zeta < alfa && alfa < beta, "in step order: {ol}");
    assert!(
        ol.contains(
            "<li class=\"journey__current\"><a href=\"/panduan/alfa/\" aria-current=\"step\">Alfa biaya</a></li>"
        ),
        "the current step is marked: {ol}"
    );
    assert_eq!(ol.matches("aria-current").count(), 1, "{ol}");
    assert!(
        nav.contains("<a href=\"/panduan/zeta/\" rel=\"prev\"><span class=\"journey__dir\">← Langkah sebelumnya</span> <span class=\"journey__name\">1. Zeta memilih skema</span></a>"),
        "previous, with its title: {nav}"
    );
    assert!(
        nav.contains("<a href=\"/panduan/beta/\" rel=\"next\"><span class=\"journey__dir\">Langkah berikutnya →</span> <span class=\"journey__name\">3. Beta orientasi</span></a>"),
        "next, with its title: {nav}"
    );
    let first = read(&public, "panduan/zeta/index.html");
    assert!(
        !journey_nav(&first).contains("rel=\"prev\""),
        "step 1 has no previous"
    );
    let last = read(&public, "panduan/beta/index.html");
    assert!(
        !journey_nav(&last).contains("rel=\"next\""),
        "the last step has no next"
    );
    let other = read(&public, "panduan/lain/index.html");
    assert!(
        !other.contains("journey"),
        "a guide outside the journey shows none"
    );
}

/// The English step leaves `journey:` and `step:` out and follows the Indonesian one; step 3
/// exists only in Indonesian, so the English journey links to it, marked with its language.
#[test]
fn an_english_step_follows_its_translation_and_links_across_languages() {
    let site = built_steps();
    let public = site.path().join("public");
    let html = read(&public, "en/guides/alfa/index.html");
    assert!(html.contains(">Step 2 of 3</strong>"), "counter");
    assert!(html.contains("Part of <a href=\"/en/guides/start/\">Start working legally</a>"));
    let nav = journey_nav(&html);
    assert!(
        nav.contains("<a href=\"/en/guides/alfa/\" aria-current=\"step\">Alfa costs</a>"),
        "{nav}"
    );
    assert!(
        nav.contains("<li><a href=\"/panduan/beta/\" hreflang=\"id\"><span lang=\"id\">Beta orientasi</span></a> <span class=\"journey__lang\">(Bahasa Indonesia)</span></li>"),
        "the Indonesian-only step, marked: {nav}"
    );
    assert!(
        nav.contains("<a href=\"/panduan/beta/\" rel=\"next\" hreflang=\"id\"><span class=\"journey__dir\">Next step →</span> <span class=\"journey__name\">3. <span lang=\"id\">Beta orientasi</span></span></a>"),
        "{nav}"
    );
    // The Indonesian-only step counts the same steps.
    let beta = read(&public, "panduan/beta/index.html");
    assert!(beta.contains(">Langkah 3 dari 3</strong>"));
}

#[test]
fn the_overview_lists_the_steps_in_order_and_starts_at_step_one() {
    let site = built_steps();
    let public = site.path().join("public");
    let html = read(&public, "panduan/mulai/index.html");
    let nav = journey_nav(&html);
    assert!(nav.contains("<h2 class=\"journey__title\">Langkah demi langkah</h2>"));
    assert!(
        !nav.contains("aria-current"),
        "no step is current on the overview"
    );
    assert!(!html.contains("journey-head"), "no counter on the overview");
    let ol = &nav[nav.find("<ol").expect("ol")..nav.find("</ol>").expect("ol closed")];
    assert_eq!(
        ol.matches("<li>").count(),
        3,
        "a numbered list of the steps: {ol}"
    );
    assert!(ol.find("Zeta") < ol.find("Alfa") && ol.find("Alfa") < ol.find("Beta"));
    assert!(
        nav.contains("rel=\"next\"><span class=\"journey__dir\">Mulai dari langkah 1 →</span> <span class=\"journey__name\">1. Zeta memilih skema</span>"),
        "{nav}"
    );
}

/// Without journeys the list is newest first: `lain` first, the overview last.
#[test]
fn the_guides_list_follows_the_journey_in_both_languages() {
    let site = built_steps();
    let public = site.path().join("public");
    assert_eq!(
        listed(&read(&public, "panduan/index.html")),
        [
            "/panduan/mulai/",
            "/panduan/zeta/",
            "/panduan/alfa/",
            "/panduan/beta/",
            "/panduan/lain/"
        ]
    );
    assert_eq!(
        listed(&read(&public, "en/guides/index.html")),
        [
            "/en/guides/start/",
            "/en/guides/zeta/",
            "/en/guides/alfa/",
            "/panduan/beta/",
            "/en/guides/another/"
        ]
    );
    // Step 3 is written only in Indonesian: the English list shows it in its place, marked.
    let en = read(&public, "en/guides/index.html");
    assert!(
        en.contains(r#"href="/panduan/beta/" hreflang="id""#),
        "{en}"
    );
}

#[test]
fn a_gap_in_the_numbering_is_an_error_at_the_step_after_it() {
    assert_fixture_rejected(
        "journeys/gap",
        &[
            "error: content/panduan/empat.md:5:7: the journey `mulai` has no step 3, but this guide is step 4",
            "= hint: number the steps without a gap: write `step: 3` here",
        ],
    );
}

#[test]
fn a_step_given_twice_is_an_error_naming_the_other_guide() {
    assert_fixture_rejected(
        "journeys/duplicate",
        &[
            "error: content/panduan/kedua.md:5:7: step 2 of the journey `mulai` is given twice: here and in content/panduan/dua.md",
            "= hint: give each step its own number: write `step: 3` here",
        ],
    );
}

#[test]
fn an_unknown_journey_names_the_nearest_guide() {
    assert_fixture_rejected(
        "journeys/unknown_journey",
        &[
            "error: content/panduan/satu.md:4:10: the journey `mula` does not exist: there is no guide content/panduan/mula.md",
            "= hint: write `journey: mulai`",
        ],
    );
}

#[test]
fn a_step_without_a_journey_is_an_error() {
    assert_fixture_rejected(
        "journeys/step_without_journey",
        &[
            "error: content/panduan/satu.md:4:7: `step` is written without `journey`",
            "= hint: add the line `journey: ` followed by the file name of the journey's overview guide without `.md`",
        ],
    );
}

#[test]
fn a_journey_without_a_step_is_an_error() {
    assert_fixture_rejected(
        "journeys/journey_without_step",
        &[
            "error: content/panduan/satu.md:4:10: `journey` is written without `step`",
            "= hint: add the line `step: 1` under `journey:`",
        ],
    );
}

#[test]
fn a_step_below_one_is_an_error() {
    assert_fixture_rejected(
        "journeys/step_zero",
        &[
            "error: content/panduan/satu.md:5:7: `step` is 0: the steps of a journey are numbered from 1",
            "= hint: write `step: 1`",
        ],
    );
}

#[test]
fn a_journey_on_a_page_that_is_not_a_guide_is_an_error() {
    let err = assert_fixture_rejected(
        "journeys/not_a_guide",
        &[
            "error: content/berita/2024-01-01-kabar.md:4:10: `journey` works only on a guide",
            "= hint: delete the lines `journey:` and `step:` from this file",
        ],
    );
    assert!(!err.contains("unknown field"), "one error, not two: {err}");
}

#[test]
fn translations_that_disagree_on_the_step_are_an_error() {
    assert_fixture_rejected(
        "journeys/translation_differs",
        &[
            "error: content/panduan/dua.en.md:6:7: this translation puts the guide in another journey or step than content/panduan/dua.md does",
            "= hint: write `journey: mulai` and `step: 2` as content/panduan/dua.md does",
        ],
    );
}

#[test]
fn an_overview_that_is_a_draft_is_an_error_saying_why() {
    assert_fixture_rejected(
        "journeys/overview_draft",
        &[
            "error: content/panduan/satu.md:4:10: the journey's overview guide content/panduan/mulai.md is not published: it is a draft (`draft: true`)",
            "= hint: publish content/panduan/mulai.md as well, or delete the lines `journey:` and `step:` from this file until it is published",
        ],
    );
}

#[test]
fn an_overview_cannot_be_a_step_of_its_own_journey() {
    assert_fixture_rejected(
        "journeys/overview_is_step",
        &[
            "error: content/panduan/mulai.md:4:10: this guide is the overview of the journey it names",
            "= hint: delete the lines `journey:` and `step:` from this file",
        ],
    );
}

/// A misspelt journey in one language and the right one in the other: one error, at the
/// misspelling, whose hint is the right name (never "copy the misspelling into the other file").
#[test]
fn a_journey_misspelt_in_one_language_is_one_error_at_the_misspelling() {
    let err = assert_fixture_rejected(
        "journeys/misspelt_in_one_language",
        &[
            "error: content/panduan/satu.md:4:10: the journey `mula` does not exist",
            "= hint: write `journey: mulai`",
        ],
    );
    assert_eq!(err.matches("error: ").count(), 1, "{err}");
    assert!(!err.contains("another journey"), "{err}");
}

/// A step of the wrong type is reported where it is written, and not again as missing.
#[test]
fn a_step_of_the_wrong_type_is_one_error() {
    let err = assert_fixture_rejected(
        "journeys/step_wrong_type",
        &["error: content/panduan/satu.md:5:7: `step`: wrong type"],
    );
    assert_eq!(err.matches("error: ").count(), 1, "{err}");
    assert!(!err.contains("without `step`"), "{err}");
}
