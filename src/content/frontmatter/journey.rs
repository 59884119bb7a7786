//! A page's `journey:` and `step:`, checked on their own: only a guide has them, always the two
//! together, the step a number from 1. Whether the journey exists and its steps follow one
//! another is a question about several pages, answered by `content::journeys`.

use super::validate::Validator;
use crate::content::kinds::{ContentType, JourneyStep};
use crate::diag::Code;
use crate::msg;

/// The guide's place in a journey, when both fields are written and right; every fault is
/// reported at its value.
pub(super) fn check_journey(
    v: &mut Validator<'_>,
    content_type: ContentType,
    journey: Option<String>,
    step: Option<i64>,
) -> Option<JourneyStep> {
    if journey.is_none() && step.is_none() {
        return None;
    }
    // A field written with a value of the wrong type was reported where it is written; its
    // partner is not reported again as missing.
    let written = |key: &str| v.key_position(key).is_some();
    if (journey.is_none() && written("journey")) || (step.is_none() && written("step")) {
        return None;
    }
    if content_type != ContentType::Guide {
        let key = if journey.is_some() { "journey" } else { "step" };
        v.report(
            Code::Journey,
            key,
            msg!("journey-not-guide", key),
            msg!("journey-not-guide-hint"),
        );
        return None;
    }
    let journey = journey.map(|j| j.trim().to_string());
    match (journey, step) {
        (Some(journey), Some(step)) if !journey.is_empty() => match usize::try_from(step) {
            Ok(step) if step >= 1 => Some(JourneyStep { journey, step }),
            _ => {
                v.report(
                    Code::Journey,
                    "step",
                    msg!("journey-step-below-one", found = step.to_string()),
                    msg!("frontmatter-write", text = "step: 1"),
                );
                None
            }
        },
        (Some(_), Some(_)) => {
            v.report(
                Code::Journey,
                "journey",
                msg!("journey-empty"),
                msg!("journey-name-hint"),
            );
            None
        }
        (Some(_), None) => {
            v.report(
                Code::Journey,
                "journey",
                msg!("journey-step-missing"),
                msg!("journey-step-missing-hint"),
            );
            None
        }
        (None, _) => {
            v.report(
                Code::Journey,
                "step",
                msg!("journey-missing"),
                msg!("journey-name-hint"),
            );
            None
        }
    }
}
