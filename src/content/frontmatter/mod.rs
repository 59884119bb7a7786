//! Front matter: split the `---` block from the body, parse it as YAML into the typed fields of
//! the document's content type ([`crate::content::kinds`]), and validate what serde cannot
//! (dates, required fields per type, country codes, slugs, `image_alt`).
//!
//! Every error points into the Markdown file itself, with lines counted from its first line.
//! The positions of the keys are recorded while parsing ([`KeyPositions`]), so that a later
//! stage points at a key without reading the file again. What the values mean for the site
//! (URLs, publishing, translations) is decided by `content`, not here.

mod actions;
mod comments;
mod cost;
mod emergency;
mod journey;
mod keys;
mod page;
mod raw;
mod section;
mod split;
mod validate;

pub use actions::MAX_ACTIONS;
pub use keys::KeyPositions;
pub use page::{FrontMatter, parse_page};
pub use section::{SectionMeta, parse_section};
pub use split::{Split, split};

#[cfg(test)]
mod tests;
