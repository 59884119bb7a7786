//! A page's front matter: read as its section's content type, then the checks serde cannot make
//! (a title that is there, dates, alt text for an image, aliases inside the site, FAQ answers),
//! into a [`FrontMatter`] with the positions of its keys.

use super::actions::check_actions;
use super::comments::comments_in_text;
use super::cost::check_costs;
use super::emergency::check_emergency;
use super::journey::check_journey;
use super::keys::KeyPositions;
use super::raw::{RawCommon, RawCountry, RawGuide, RawPage, RawPressRelease};
use super::split::Split;
use super::validate::Validator;
use crate::content::kinds::{
    Action, ContentType, CountryFields, Faq, GuideFields, JourneyStep, Link, TypeFields,
};
use crate::dates::Date;
use crate::diag::{Diagnostics, Position};
use crate::msg;
use crate::source::SourceFile;

/// A page's validated front matter.
#[derive(Debug, Clone)]
pub struct FrontMatter {
    pub title: String,
    pub description: Option<String>,
    pub date: Option<Date>,
    pub updated: Option<Date>,
    pub slug: Option<String>,
    pub draft: bool,
    pub tags: Vec<String>,
    pub aliases: Vec<String>,
    pub image: Option<String>,
    pub image_alt: Option<String>,
    /// The point of the lead image to keep in view when it is cropped (`image_focus: [x, y]`,
    /// 0–1 from the left and the top); the centre when absent.
    pub image_focus: Option<(f64, f64)>,
    /// Questions and answers (`faq:`, guides and plain pages), shown as `<details>`.
    pub faq: Vec<Faq>,
    /// Call-to-action buttons shown near the top (`actions:`), their URLs checked.
    pub actions: Vec<Action>,
    /// A guide's place in a journey (`journey:` and `step:`).
    pub journey: Option<JourneyStep>,
    pub fields: TypeFields,
    /// Where its keys are written, for errors found after parsing (a collision of its `slug`,
    /// a photo its `image` names).
    pub keys: KeyPositions,
}

impl FrontMatter {
    /// Where `key` is written in `file`, the file this front matter was read from: its value,
    /// or the key when the value is on the lines below.
    pub fn key_position(&self, file: &SourceFile, key: &str) -> Option<Position> {
        self.keys.position(file, key)
    }
}

/// What reading a page as its content type gives: the fields every type has (still to check),
/// the type's own fields, and its questions and answers.
struct Typed {
    common: RawCommon,
    fields: TypeFields,
    faq: Vec<Faq>,
}

/// Parses a page's front matter as `content_type`: the front matter with its warnings, or
/// every error found.
pub fn parse_page(
    file: &SourceFile,
    split: &Split<'_>,
    content_type: ContentType,
    today: Date,
) -> Result<(FrontMatter, Diagnostics), Diagnostics> {
    let block = split.block(file);
    let mut v = Validator::new(block);
    v.diags.extend(comments_in_text(&block));
    let typed = match content_type {
        ContentType::Page => read_page(&mut v),
        ContentType::PressRelease => read_press_release(&mut v, today),
        ContentType::Guide => read_guide(&mut v, today),
        ContentType::Country => read_country(&mut v),
    };
    let Some(Typed {
        common,
        fields,
        faq,
    }) = typed
    else {
        return Err(v.diags);
    };
    let title = check_title(&mut v, common.title);
    let date = v.date("date", common.date.as_deref());
    let updated = v.date("updated", common.updated.as_deref());
    check_image_alt(&mut v, common.image.is_some(), common.image_alt.as_deref());
    let image_focus = check_image_focus(&mut v, common.image_focus.as_deref());
    check_description(&mut v, common.description.as_deref());
    check_aliases(&mut v, &common.aliases);
    check_faq(&mut v, &faq);
    let actions = check_actions(&mut v, common.actions);
    let journey = check_journey(&mut v, content_type, common.journey, common.step);
    if v.diags.has_errors() {
        return Err(v.diags);
    }
    let fm = FrontMatter {
        title,
        description: common.description,
        date,
        updated,
        slug: common.slug,
        draft: common.draft,
        tags: common.tags,
        aliases: common.aliases,
        image: common.image,
        image_alt: common.image_alt,
        image_focus,
        faq,
        actions,
        journey,
        fields,
        keys: v.keys,
    };
    Ok((fm, v.diags.into_iter().collect()))
}

fn read_page(v: &mut Validator<'_>) -> Option<Typed> {
    let (common, raw) = v.read::<RawPage>()?.common();
    Some(Typed {
        common,
        fields: TypeFields::Page,
        faq: raw.faq.unwrap_or_default(),
    })
}

/// A press release needs its `date`; its `countries` are country codes.
fn read_press_release(v: &mut Validator<'_>, today: Date) -> Option<Typed> {
    let (common, raw) = v.read::<RawPressRelease>()?.common();
    if common.date.is_none() {
        let today = today.iso();
        v.missing("date", msg!("frontmatter-press-release-date-hint", today));
    }
    let countries = country_codes(v, raw.countries);
    Some(Typed {
        common,
        fields: TypeFields::PressRelease {
            place: raw.place,
            source: raw.source,
            countries,
        },
        faq: Vec::new(),
    })
}

/// `countries:` (press releases, guides): each a valid country code, upper-cased.
fn country_codes(v: &mut Validator<'_>, written: Option<Vec<String>>) -> Vec<String> {
    written
        .unwrap_or_default()
        .into_iter()
        .filter_map(|code| v.country_code(&code, "countries"))
        .collect()
}

/// A guide needs its `updated` date; its `legal_basis` links are web addresses.
fn read_guide(v: &mut Validator<'_>, today: Date) -> Option<Typed> {
    let (common, raw) = v.read::<RawGuide>()?.common();
    if common.updated.is_none() {
        let today = today.iso();
        v.missing("updated", msg!("frontmatter-guide-updated-hint", today));
    }
    let review_by = v.date("review_by", raw.review_by.as_deref());
    let faq = raw.faq.unwrap_or_default();
    check_legal_basis(v, raw.legal_basis.as_deref().unwrap_or_default());
    let cost = check_costs(v, raw.cost.unwrap_or_default());
    let countries = country_codes(v, raw.countries);
    Some(Typed {
        common,
        fields: TypeFields::Guide(Box::new(GuideFields {
            review_by,
            audience: raw.audience,
            schemes: raw.schemes.unwrap_or_default(),
            legal_basis: raw.legal_basis.unwrap_or_default(),
            requirements: raw.requirements.unwrap_or_default(),
            documents: raw.documents.unwrap_or_default(),
            cost,
            duration: raw.duration,
            r#where: raw.r#where.unwrap_or_default(),
            countries,
        })),
        faq,
    })
}

/// Every link of a guide's `legal_basis` is `https://…`, `http://…` or a path of the site.
fn check_legal_basis(v: &mut Validator<'_>, links: &[Link]) {
    for link in links {
        let url = &link.url;
        if url.starts_with("https://") || url.starts_with("http://") || url.starts_with('/') {
            continue;
        }
        let hint = if !url.contains(char::is_whitespace) && url.contains('.') {
            msg!("frontmatter-write", text = format!("https://{url}"))
        } else {
            msg!("frontmatter-legal-basis-url-hint")
        };
        v.error_at(
            v.block.item_position("legal_basis", url),
            msg!("frontmatter-legal-basis-url", url = format!("{url:?}")),
            hint,
        );
    }
}

/// A country page needs its `country_code`, a valid one.
fn read_country(v: &mut Validator<'_>) -> Option<Typed> {
    let (common, raw) = v.read::<RawCountry>()?.common();
    let review_by = v.date("review_by", raw.review_by.as_deref());
    let code = match &raw.country_code {
        None => {
            v.missing(
                "country_code",
                msg!("frontmatter-country-code-missing-hint"),
            );
            String::new()
        }
        Some(code) => v.country_code(code, "country_code").unwrap_or_default(),
    };
    let emergency = check_emergency(v, raw.emergency.unwrap_or_default());
    Some(Typed {
        common,
        fields: TypeFields::Country(Box::new(CountryFields {
            country_code: code,
            status: raw.status,
            schemes: raw.schemes.unwrap_or_default(),
            sectors: raw.sectors.unwrap_or_default(),
            special_rules: raw.special_rules.unwrap_or_default(),
            contacts: raw.contacts.unwrap_or_default(),
            emergency,
            review_by,
        })),
        faq: Vec::new(),
    })
}

/// Every page has a title that is not empty.
fn check_title(v: &mut Validator<'_>, title: Option<String>) -> String {
    match title {
        Some(t) if !t.trim().is_empty() => t,
        Some(_) => {
            v.error(
                "title",
                msg!("frontmatter-title-empty"),
                msg!("frontmatter-page-title-empty-hint"),
            );
            String::new()
        }
        None => {
            v.missing("title", msg!("frontmatter-page-title-missing-hint"));
            String::new()
        }
    }
}

/// An `image` needs its `image_alt` (unless that was written and refused: already reported).
fn check_image_alt(v: &mut Validator<'_>, has_image: bool, alt: Option<&str>) {
    if has_image && !v.refused.contains("image_alt") && alt.is_none_or(|a| a.trim().is_empty()) {
        v.error(
            "image",
            msg!("frontmatter-image-alt-missing"),
            msg!("frontmatter-image-alt-missing-hint"),
        );
    }
}

/// `image_focus: [x, y]` with both between 0 and 1.
fn check_image_focus(v: &mut Validator<'_>, focus: Option<&[f64]>) -> Option<(f64, f64)> {
    match focus {
        None => None,
        Some(&[x, y]) if (0.0..=1.0).contains(&x) && (0.0..=1.0).contains(&y) => Some((x, y)),
        Some(other) => {
            // Percentages (`[50, 30]`) are the likely slip; otherwise the centre.
            let (x, y) = match other {
                &[x, y] if (0.0..=100.0).contains(&x) && (0.0..=100.0).contains(&y) => {
                    (x / 100.0, y / 100.0)
                }
                _ => (0.5, 0.5),
            };
            v.error(
                "image_focus",
                msg!("frontmatter-image-focus", found = format!("{other:?}")),
                msg!("frontmatter-image-focus-hint", text = format!("[{x}, {y}]")),
            );
            None
        }
    }
}

/// A `description` longer than search results show is a warning.
fn check_description(v: &mut Validator<'_>, description: Option<&str>) {
    if let Some(desc) = description
        && desc.chars().count() > 160
    {
        v.warn(
            "description",
            msg!("frontmatter-description-long", count = desc.chars().count()),
            msg!("frontmatter-description-long-hint"),
        );
    }
}

/// Every alias is a path of the site: it starts with `/` and stays inside it.
fn check_aliases(v: &mut Validator<'_>, aliases: &[String]) {
    for alias in aliases {
        let inside =
            !alias.split('/').any(|seg| seg == ".." || seg == ".") && !alias.contains('\\');
        if !alias.starts_with('/') || !inside {
            let hint = if inside {
                msg!("frontmatter-write", text = format!("/{alias}"))
            } else {
                msg!("frontmatter-alias-hint")
            };
            v.error_at(
                v.block.item_position("aliases", alias),
                msg!("frontmatter-alias", alias = format!("{alias:?}")),
                hint,
            );
        }
    }
}

/// Every question has its question and its answer.
fn check_faq(v: &mut Validator<'_>, faq: &[Faq]) {
    for (i, item) in faq.iter().enumerate() {
        for (part, text) in [("q", &item.q), ("a", &item.a)] {
            if text.trim().is_empty() {
                v.error(
                    "faq",
                    msg!("frontmatter-faq-empty", number = i + 1, part),
                    msg!("frontmatter-faq-empty-hint"),
                );
            }
        }
    }
}
