//! Tags: every published page's `tags` gathered per language by slug, each tag with its URL and
//! its pages in list order; the tag lists and tag pages claimed as outputs. A tag with no
//! letter or digit to make a slug from is an error. A tag that is one of the site's topics
//! (`tags:` in site.yaml, see `tag_labels`) takes the topic's label and is linked to it.

use std::collections::{BTreeMap, HashSet};

use super::tag_labels::{self, LabelIndex};
use super::urls::{Origin, OutputMap};
use super::{Page, PageId, Tag, compare_for_lists, slug};
use crate::config::Config;
use crate::diag::Code;
use crate::diag::{Diagnostic, Diagnostics, Position};
use crate::msg;

/// Per language, by slug, the tags of `pages`. Every language has a tag list, even an empty
/// one, so the theme's link to it never breaks.
pub(super) fn collect(
    config: &Config,
    pages: &[Page],
    outputs: &mut OutputMap,
) -> (BTreeMap<String, BTreeMap<String, Tag>>, Diagnostics) {
    let mut diags = Diagnostics::new();
    let mut tags: BTreeMap<String, BTreeMap<String, Tag>> = BTreeMap::new();
    let labels = LabelIndex::new(config);
    let mut warned = HashSet::new();
    for (id, page) in pages.iter().enumerate() {
        for name in &page.fm.tags {
            let slug = slug::slugify(name);
            if slug.is_empty() {
                diags.push(
                    Diagnostic::error(
                        Code::Tag,
                        page.file(),
                        msg!("content-tag-no-letters", tag = format!("{name:?}")),
                    )
                    .at(tag_position(page, name))
                    .with_hint(msg!("content-tag-no-letters-hint")),
                );
                continue;
            }
            let entry = labels.entry(&page.lang, &slug);
            if entry.is_none()
                && !config.tags.entries.is_empty()
                && warned.insert((page.lang.clone(), slug.clone()))
            {
                let at = tag_position(page, name);
                diags.push(tag_labels::undefined(config, page, name, at));
            }
            let label = entry.and_then(|e| config.tags.label(e, &page.lang));
            let lang_tags = tags.entry(page.lang.clone()).or_default();
            let url = format!("{}/tags/{slug}/", config.lang_prefix(&page.lang));
            let tag = lang_tags.entry(slug.clone()).or_insert_with(|| Tag {
                name: label.unwrap_or(name).to_string(),
                slug,
                url,
                entry,
                pages: Vec::new(),
            });
            if tag.pages.last() != Some(&id) {
                tag.pages.push(id);
            }
        }
    }
    for lang in &config.languages {
        tags.entry(lang.clone()).or_default();
    }
    let order = |a: &PageId, b: &PageId| compare_for_lists(&pages[*a], &pages[*b]);
    for (lang, lang_tags) in &mut tags {
        outputs.claim(
            &format!("{}/tags/", config.lang_prefix(lang)),
            Origin::made(msg!("content-origin-tag-list")),
            &mut diags,
        );
        for tag in lang_tags.values_mut() {
            tag.pages.sort_by(order);
            outputs.claim(
                &tag.url,
                Origin::made(msg!("content-origin-tag", tag = &tag.name)),
                &mut diags,
            );
        }
    }
    (tags, diags)
}

/// Where tag `name` is first written in the page's front matter (the tag, not its key: the
/// error is about that one tag).
fn tag_position(page: &Page, name: &str) -> Option<Position> {
    let file = &page.body.file;
    let offset = file.text.get(..page.body.start)?.find(name)?;
    Some(file.position(offset, name.len()))
}
