//! A guide's journey as its page shows it: on a step, "Langkah 2 dari 5" / "Step 2 of 5", the
//! journey's steps with the current one marked, and the previous and next steps; on the
//! overview, the steps in order and the way to step 1.
//!
//! A step that has no page in the reader's language links to the page that exists, marked
//! with its language, so that a journey never breaks off in one language. Which guides form
//! a journey, and in what order, is decided by `content::journeys`.

use serde::Serialize;

use super::Views;
use super::base::language_name;
use crate::content::Page;
use crate::content::journeys::{Journey, Member};

/// A document of the journey, as a link.
#[derive(Serialize, Clone)]
pub(super) struct StepLink {
    /// 1 for the first step; 0 for the overview.
    number: usize,
    title: String,
    url: String,
    /// Set when the page linked is in another language than the reader's: its code.
    lang: Option<String>,
    /// And that language's name, to show beside the link.
    lang_name: Option<&'static str>,
    current: bool,
}

/// The journey a page belongs to, from where the page stands.
#[derive(Serialize)]
pub(super) struct JourneyView {
    /// The journey's title: its overview guide's.
    title: String,
    url: String,
    lang: Option<String>,
    lang_name: Option<&'static str>,
    /// Whether the page is the journey's overview (else it is a step).
    overview: bool,
    /// The page's step number; 0 on the overview.
    number: usize,
    total: usize,
    /// "Langkah 2 dari 5", on a step.
    counter: Option<String>,
    steps: Vec<StepLink>,
    prev: Option<StepLink>,
    next: Option<StepLink>,
}

impl Views<'_> {
    /// The journey `page` is a step of (or else the one it is the overview of), seen from it.
    pub(super) fn journey_of(&self, page: &Page) -> Option<JourneyView> {
        let journeys = &self.graph.journeys;
        if let Some((journey, index)) = journeys.step_of(&page.key) {
            return self.journey_view(journey, Some(index), &page.lang);
        }
        let journey = journeys.overview_of(&page.key)?;
        self.journey_view(journey, None, &page.lang)
    }

    fn journey_view(
        &self,
        journey: &Journey,
        current: Option<usize>,
        lang: &str,
    ) -> Option<JourneyView> {
        let overview = self.step_link(&journey.overview, 0, lang, false)?;
        let steps: Vec<StepLink> = journey
            .steps
            .iter()
            .enumerate()
            .filter_map(|(i, m)| self.step_link(m, i + 1, lang, Some(i) == current))
            .collect();
        let total = steps.len();
        let (number, prev, next) = match current {
            Some(i) => (
                i + 1,
                i.checked_sub(1).and_then(|p| steps.get(p).cloned()),
                steps.get(i + 1).cloned(),
            ),
            None => (0, None, steps.first().cloned()),
        };
        let counter = current.map(|_| {
            self.t("journey_counter", lang, "Step {number} of {total}")
                .replace("{number}", &number.to_string())
                .replace("{total}", &total.to_string())
        });
        Some(JourneyView {
            title: overview.title,
            url: overview.url,
            lang: overview.lang,
            lang_name: overview.lang_name,
            overview: current.is_none(),
            number,
            total,
            counter,
            steps,
            prev,
            next,
        })
    }

    /// `member`'s page in `lang` (else in the language it has) as a link numbered `number`.
    fn step_link(
        &self,
        member: &Member,
        number: usize,
        lang: &str,
        current: bool,
    ) -> Option<StepLink> {
        let (id, here) = member.page_in(lang, &self.graph.pages)?;
        let page = &self.graph.pages[id];
        let other = (!here).then(|| page.lang.clone());
        Some(StepLink {
            number,
            title: page.fm.title.clone(),
            url: page.url.clone(),
            lang_name: other.as_deref().map(language_name),
            lang: other,
            current,
        })
    }
}
