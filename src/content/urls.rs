//! The map of every output URL with the source that claims it, so that two sources never write
//! one file: a collision is an error naming both, at the line that gives the second its URL.
//! Also the errors about a slug an editor wrote that cannot be a URL segment.
//!
//! It decides no URL itself: `sections`, `pages`, `tags` and `assets` make the URLs and claim
//! them here, in the order a build reports them.

use std::collections::{BTreeMap, HashMap, HashSet};

use super::sections::Indexes;
use super::{Home, Section, slug};
use crate::config::Config;
use crate::diag::Code;
use crate::diag::{Diagnostic, Diagnostics, Position};
use crate::i18n::Message;
use crate::msg;
use crate::source::SourceFile;

/// Who claims an output URL: a file of the site (perhaps through one of its old addresses),
/// or a page warta makes itself (the home page, a section without `_index.md`, a tag).
#[derive(Clone)]
pub(super) struct Origin {
    /// The file that gives the URL, where an error about it points.
    file: Option<String>,
    /// The file claims the URL through this old address (alias).
    alias: bool,
    /// How a message names it: `content/berita/a.md (old address /lama/)`, `tag `pesta``.
    name: Message,
}

impl Origin {
    pub(super) fn file(file: impl Into<String>) -> Self {
        let file = file.into();
        Origin {
            name: msg!("content-origin-file", file = file.as_str()),
            file: Some(file),
            alias: false,
        }
    }

    pub(super) fn alias(file: &str, alias: &str) -> Self {
        Origin {
            name: msg!("content-origin-alias", file, alias),
            file: Some(file.to_string()),
            alias: true,
        }
    }

    pub(super) fn made(name: Message) -> Self {
        Origin {
            file: None,
            alias: false,
            name,
        }
    }

    /// The file a diagnostic about this origin names (`content/` for a page warta makes).
    fn display(&self) -> String {
        self.file.clone().unwrap_or_else(|| "content/".to_string())
    }
}

/// Every output URL with the source that claims it, so two never write one file.
#[derive(Default)]
pub(super) struct OutputMap {
    claimed: HashMap<String, Origin>,
    /// URLs claimed twice.
    pub(super) collided: HashSet<String>,
    /// The folder of processed images (`/processed_images/` below the base path): warta's
    /// alone, since `_headers` marks everything in it to be cached forever.
    reserved: String,
}

impl OutputMap {
    /// An empty map, with the folder of processed images reserved.
    pub(super) fn new(config: &Config) -> Self {
        OutputMap {
            claimed: HashMap::new(),
            collided: HashSet::new(),
            reserved: config.url(&format!("{}/", crate::config::IMAGES_OUTPUT_DIR)),
        }
    }

    pub(super) fn claim(&mut self, url: &str, origin: Origin, diags: &mut Diagnostics) {
        self.claim_at(url, origin, || None, diags);
    }

    /// Claims `url` for `origin`; `at` finds the place in `origin`'s file to point an error
    /// at (only computed for an error).
    pub(super) fn claim_at(
        &mut self,
        url: &str,
        origin: Origin,
        at: impl FnOnce() -> Option<Position>,
        diags: &mut Diagnostics,
    ) {
        if url.starts_with(&self.reserved) {
            diags.push(self.in_image_folder(url, &origin, at()));
            return;
        }
        let key = url.trim_end_matches("index.html").to_string();
        if let Some(first) = self.claimed.get(&key) {
            self.collided.insert(url.to_string());
            let (file, other, position) = if origin.file.is_some() {
                (origin.display(), first.name.clone(), at())
            } else {
                (first.display(), origin.name.clone(), None)
            };
            diags.push(
                Diagnostic::error(
                    Code::Collision,
                    file,
                    msg!("content-collision", url)
                        .arg_message("first", first.name.clone())
                        .arg_message("second", origin.name.clone()),
                )
                .at(position)
                .with_hint(msg!("content-collision-hint").arg_message("other", other)),
            );
            return;
        }
        self.claimed.insert(key, origin);
    }

    /// The error for a URL inside the folder of processed images.
    fn in_image_folder(&self, url: &str, origin: &Origin, at: Option<Position>) -> Diagnostic {
        let folder = self.reserved.as_str();
        let (message, hint) = if origin.alias {
            (
                msg!("content-alias-in-image-folder", url, folder),
                msg!("content-alias-in-image-folder-hint"),
            )
        } else {
            (
                msg!("content-file-in-image-folder", url, folder),
                msg!("content-file-in-image-folder-hint"),
            )
        };
        Diagnostic::error(Code::Collision, origin.display(), message)
            .at(at)
            .with_hint(hint)
    }
}

/// Claims the URLs of the home pages and of the section lists with their feeds, home pages
/// first, each by its `_index.md` or as a page warta makes.
pub(super) fn claim_lists(
    outputs: &mut OutputMap,
    homes: &BTreeMap<String, Home>,
    sections: &[Section],
    indexes: &Indexes,
) -> Diagnostics {
    let mut diags = Diagnostics::new();
    for (lang, home) in homes {
        let origin = indexes.homes.get(lang).map_or_else(
            || Origin::made(msg!("content-origin-home")),
            |index| Origin::file(&index.body.file.display),
        );
        outputs.claim(&home.url, origin, &mut diags);
    }
    for section in sections {
        for sl in section.langs.values() {
            let origin = sl.body.as_ref().map_or_else(
                || Origin::made(msg!("content-origin-section", section = &section.key)),
                |b| Origin::file(&b.file.display),
            );
            outputs.claim(&sl.url, origin.clone(), &mut diags);
            outputs.claim(&format!("{}atom.xml", sl.url), origin, &mut diags);
        }
    }
    diags
}

/// The error for a `slug` written as `raw` in `display` that cannot be used, at `position`
/// (where the `slug:` line is).
pub(super) fn slug_error(
    display: &str,
    raw: &str,
    err: &slug::SlugError,
    position: Option<Position>,
) -> Diagnostic {
    match err {
        slug::SlugError::Escapes => Diagnostic::error(
            Code::Slug,
            display,
            msg!("content-slug-escapes", slug = format!("{raw:?}")),
        )
        .at(position)
        .with_hint(match slug::slugify(raw) {
            s if s.is_empty() => msg!("content-slug-escapes-hint"),
            s => msg!("content-slug-escapes-hint-write", slug = s),
        }),
        slug::SlugError::Empty => Diagnostic::error(
            Code::Slug,
            display,
            msg!("content-slug-empty", slug = format!("{raw:?}")),
        )
        .at(position)
        .with_hint(msg!("content-slug-empty-hint")),
    }
}

/// The first line of `file`, for an error about the file as a whole (its name).
pub(super) fn first_line(file: &SourceFile) -> Option<Position> {
    Some(Position {
        line: 1,
        column: 1,
        width: 1,
        source_line: file.text.lines().next().unwrap_or("").to_string(),
    })
}
