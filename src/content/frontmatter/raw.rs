//! The raw shapes of front matter as serde reads them, one per content type, before anything
//! is validated: every field optional, unknown keys refused (with the nearest known one
//! suggested by `yaml`).

use serde::Deserialize;

use super::actions::RawAction;
use super::cost::RawCost;
use super::emergency::RawEmergency;
use crate::content::kinds::{Contact, Faq, Link, PlacementStatus, Scheme};
use crate::yaml::text;

/// Declares a raw front-matter struct: the fields common to every page plus the type's own.
/// Written out per type so that `deny_unknown_fields` names exactly the fields allowed.
macro_rules! raw_front_matter {
    ($name:ident { $($(#[$attr:meta])* $field:ident : $ty:ty),* $(,)? }) => {
        #[derive(Debug, Default, Deserialize)]
        #[serde(deny_unknown_fields)]
        pub(super) struct $name {
            #[serde(default, deserialize_with = "text::option")]
            pub(super) title: Option<String>,
            #[serde(default, deserialize_with = "text::option")]
            pub(super) description: Option<String>,
            pub(super) date: Option<String>,
            pub(super) updated: Option<String>,
            #[serde(default, deserialize_with = "text::option")]
            pub(super) slug: Option<String>,
            #[serde(default)]
            pub(super) draft: bool,
            #[serde(default, deserialize_with = "text::list")]
            pub(super) tags: Vec<String>,
            #[serde(default)]
            pub(super) aliases: Vec<String>,
            pub(super) image: Option<String>,
            #[serde(default, deserialize_with = "text::option")]
            pub(super) image_alt: Option<String>,
            pub(super) image_focus: Option<Vec<f64>>,
            pub(super) actions: Option<Vec<RawAction>>,
            #[serde(default, deserialize_with = "text::option")]
            pub(super) journey: Option<String>,
            pub(super) step: Option<i64>,
            $($(#[$attr])* pub(super) $field: $ty,)*
        }

        impl $name {
            pub(super) fn common(self) -> (RawCommon, $name) {
                let common = RawCommon {
                    title: self.title.clone(),
                    description: self.description.clone(),
                    date: self.date.clone(),
                    updated: self.updated.clone(),
                    slug: self.slug.clone(),
                    draft: self.draft,
                    tags: self.tags.clone(),
                    aliases: self.aliases.clone(),
                    image: self.image.clone(),
                    image_alt: self.image_alt.clone(),
                    image_focus: self.image_focus.clone(),
                    actions: self.actions.clone().unwrap_or_default(),
                    journey: self.journey.clone(),
                    step: self.step,
                };
                (common, self)
            }
        }
    };
}

/// The fields every content type has, taken out of its raw struct.
pub(super) struct RawCommon {
    pub(super) title: Option<String>,
    pub(super) description: Option<String>,
    pub(super) date: Option<String>,
    pub(super) updated: Option<String>,
    pub(super) slug: Option<String>,
    pub(super) draft: bool,
    pub(super) tags: Vec<String>,
    pub(super) aliases: Vec<String>,
    pub(super) image: Option<String>,
    pub(super) image_alt: Option<String>,
    pub(super) image_focus: Option<Vec<f64>>,
    pub(super) actions: Vec<RawAction>,
    pub(super) journey: Option<String>,
    pub(super) step: Option<i64>,
}

raw_front_matter!(RawPage {
    faq: Option<Vec<Faq>>,
});
raw_front_matter!(RawPressRelease {
    #[serde(default, deserialize_with = "text::option")]
    place: Option<String>,
    #[serde(default, deserialize_with = "text::option")]
    source: Option<String>,
    countries: Option<Vec<String>>,
});
raw_front_matter!(RawGuide {
    review_by: Option<String>,
    #[serde(default, deserialize_with = "text::option")]
    audience: Option<String>,
    schemes: Option<Vec<Scheme>>,
    legal_basis: Option<Vec<Link>>,
    #[serde(default, deserialize_with = "text::option_list")]
    requirements: Option<Vec<String>>,
    #[serde(default, deserialize_with = "text::option_list")]
    documents: Option<Vec<String>>,
    cost: Option<Vec<RawCost>>,
    #[serde(default, deserialize_with = "text::option")]
    duration: Option<String>,
    #[serde(default, deserialize_with = "text::option_list")]
    r#where: Option<Vec<String>>,
    faq: Option<Vec<Faq>>,
    countries: Option<Vec<String>>,
});
raw_front_matter!(RawCountry {
    country_code: Option<String>,
    status: Option<PlacementStatus>,
    schemes: Option<Vec<Scheme>>,
    #[serde(default, deserialize_with = "text::option_list")]
    sectors: Option<Vec<String>>,
    #[serde(default, deserialize_with = "text::option_list")]
    special_rules: Option<Vec<String>>,
    contacts: Option<Vec<Contact>>,
    emergency: Option<Vec<RawEmergency>>,
    review_by: Option<String>,
});
