//! The kinds of content a section holds (press release, guide, country, plain page) and the
//! typed fields of each, as the rest of warta reads them.
//!
//! These are the content model, not the parser: `frontmatter` reads and validates a file into
//! them, `render` and `check` read them. The value lists (schemes, placement status) carry
//! their codes and their names in each language here.

use serde::Deserialize;

use crate::dates::Date;
use crate::yaml::text;

/// The content type of a section's pages, chosen by the section's `type`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ContentType {
    PressRelease,
    Guide,
    Country,
    #[default]
    Page,
}

impl ContentType {
    pub fn name(self) -> &'static str {
        match self {
            ContentType::PressRelease => "press_release",
            ContentType::Guide => "guide",
            ContentType::Country => "country",
            ContentType::Page => "page",
        }
    }
}

/// A placement scheme (UU 18/2017 and its rules).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Scheme {
    G2g,
    G2p,
    P2p,
    Ukps,
    Perseorangan,
}

impl Scheme {
    pub fn code(self) -> &'static str {
        match self {
            Scheme::G2g => "g2g",
            Scheme::G2p => "g2p",
            Scheme::P2p => "p2p",
            Scheme::Ukps => "ukps",
            Scheme::Perseorangan => "perseorangan",
        }
    }

    pub fn name(self, lang: &str) -> &'static str {
        match (self, lang) {
            (Scheme::G2g, _) => "G to G",
            (Scheme::G2p, _) => "G to P",
            (Scheme::P2p, _) => "P to P",
            (Scheme::Ukps, "id") => "UKPS (untuk kepentingan perusahaan sendiri)",
            (Scheme::Ukps, _) => "UKPS (company's own staff)",
            (Scheme::Perseorangan, "id") => "Perseorangan (mandiri)",
            (Scheme::Perseorangan, _) => "Individual (independent)",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PlacementStatus {
    Open,
    Restricted,
    Closed,
}

impl PlacementStatus {
    pub fn code(self) -> &'static str {
        match self {
            PlacementStatus::Open => "open",
            PlacementStatus::Restricted => "restricted",
            PlacementStatus::Closed => "closed",
        }
    }

    pub fn label(self, lang: &str) -> &'static str {
        match (self, lang) {
            (PlacementStatus::Open, "id") => "Terbuka untuk penempatan",
            (PlacementStatus::Open, _) => "Open for placement",
            (PlacementStatus::Restricted, "id") => "Penempatan terbatas",
            (PlacementStatus::Restricted, _) => "Placement restricted",
            (PlacementStatus::Closed, "id") => "Tertutup untuk penempatan",
            (PlacementStatus::Closed, _) => "Closed for placement",
        }
    }
}

#[derive(Debug, Clone, Deserialize, serde::Serialize)]
#[serde(deny_unknown_fields)]
pub struct Link {
    #[serde(deserialize_with = "text::string")]
    pub title: String,
    pub url: String,
}

/// A call-to-action button of a page (`actions:`): its label and where it leads, with the
/// place of the URL in the file for the errors found once the site is known (a page that does
/// not exist). The URL has passed [`crate::config::action_url::classify`].
#[derive(Debug, Clone)]
pub struct Action {
    pub label: String,
    pub url: String,
    pub target: crate::config::action_url::ActionTarget,
    pub url_position: Option<crate::diag::Position>,
}

/// One line of a guide's cost table: what is paid for, who pays, and, when the guide says,
/// how much (`amount` or `max` with a `currency`) and a `note`.
#[derive(Debug, Clone)]
pub struct Cost {
    pub item: String,
    pub payer: String,
    pub price: Option<Price>,
    pub note: Option<String>,
}

/// How much a cost is: exactly `amount`, or at most `amount` when `up_to` (`max:`), in whole
/// units of `currency` (an ISO 4217 code, `IDR` unless the guide says otherwise).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Price {
    pub amount: u64,
    pub up_to: bool,
    pub currency: &'static str,
}

/// One question of a page's `faq`, both parts plain text.
#[derive(Debug, Clone, Deserialize, serde::Serialize)]
#[serde(deny_unknown_fields)]
pub struct Faq {
    #[serde(deserialize_with = "text::string")]
    pub q: String,
    #[serde(deserialize_with = "text::string")]
    pub a: String,
}

#[derive(Debug, Clone, Default, Deserialize, serde::Serialize)]
#[serde(deny_unknown_fields)]
pub struct Contact {
    #[serde(deserialize_with = "text::string")]
    pub name: String,
    #[serde(default, deserialize_with = "text::option")]
    pub phone: Option<String>,
    #[serde(default, deserialize_with = "text::option")]
    pub whatsapp: Option<String>,
    pub email: Option<String>,
    pub url: Option<String>,
    #[serde(default, deserialize_with = "text::option")]
    pub address: Option<String>,
    #[serde(default, deserialize_with = "text::option")]
    pub hours: Option<String>,
}

/// A guide's place in a journey (`journey:` and `step:` in its front matter): the journey is
/// named by the file name of its overview guide, in the same section, and the step counts
/// from 1. How the steps of one journey fit together is checked by `content::journeys`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct JourneyStep {
    /// The overview guide's file name without `.md`: `bekerja-ke-luar-negeri-secara-resmi`.
    pub journey: String,
    pub step: usize,
}

/// The fields of one content type.
#[derive(Debug, Clone)]
pub enum TypeFields {
    Page,
    PressRelease {
        place: Option<String>,
        source: Option<String>,
        /// Upper-case ISO 3166-1 alpha-2 codes, validated.
        countries: Vec<String>,
    },
    Guide(Box<GuideFields>),
    Country(Box<CountryFields>),
}

#[derive(Debug, Clone, Default)]
pub struct GuideFields {
    pub review_by: Option<Date>,
    pub audience: Option<String>,
    pub schemes: Vec<Scheme>,
    pub legal_basis: Vec<Link>,
    pub requirements: Vec<String>,
    pub documents: Vec<String>,
    pub cost: Vec<Cost>,
    pub duration: Option<String>,
    pub r#where: Vec<String>,
    /// The countries the guide is about (upper-case ISO 3166-1 alpha-2 codes, validated):
    /// their country pages list it.
    pub countries: Vec<String>,
}

#[derive(Debug, Clone)]
pub struct CountryFields {
    pub country_code: String,
    pub status: Option<PlacementStatus>,
    pub schemes: Vec<Scheme>,
    pub sectors: Vec<String>,
    pub special_rules: Vec<String>,
    pub contacts: Vec<Contact>,
    /// Local emergency numbers (police, ambulance), shown first on the page.
    pub emergency: Vec<EmergencyNumber>,
    pub review_by: Option<Date>,
}

/// A local emergency number of a country page (`{name: "Polis / Ambulans", number: "999"}`):
/// both parts there, the number digits, spaces, dashes and a leading `+` only.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EmergencyNumber {
    pub name: String,
    pub number: String,
}
