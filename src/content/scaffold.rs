//! What `warta new` leaves for the editor to replace, and the check that none of it is
//! published.
//!
//! This module owns the sample texts a new file holds ("Tulis isi siaran pers di sini.") and
//! the `TRANSLATE:` marker of a translation scaffold: `new` writes them from here, [`check`]
//! looks for them here, so the two cannot drift apart. A draft may hold them; a page that is no
//! longer a draft (and so would be published) may not: each one is an error at its line and
//! column. It decides nothing else about publishing.

use std::sync::LazyLock;

use memchr::memmem;

use super::frontmatter::FrontMatter;
use crate::diag::Diagnostic;
use crate::diag::{Code, Diagnostics};
use crate::msg;
use crate::source::SourceFile;

/// Marks text that is still in the original's language, in a translation scaffold.
pub const TRANSLATE: &str = "TRANSLATE:";

/// A sample text in Indonesian and in English.
#[derive(Debug, Clone, Copy)]
pub struct Sample {
    pub id: &'static str,
    pub en: &'static str,
}

impl Sample {
    /// The text for a file in `lang`: Indonesian for `id`, English for any other language.
    pub fn get(self, lang: &str) -> &'static str {
        if lang == "id" { self.id } else { self.en }
    }
}

/// The body of a new press release.
pub const PRESS_RELEASE_BODY: Sample = Sample {
    id: "Tulis isi siaran pers di sini.",
    en: "Write the press release here.",
};

/// The body of a new guide, under its first step's heading.
pub const GUIDE_BODY: Sample = Sample {
    id: "Tulis langkah pertama di sini.",
    en: "Write the first step here.",
};

/// The body of a new country page.
pub const COUNTRY_BODY: Sample = Sample {
    id: "Tulis keterangan negara di sini.",
    en: "Write about the country here.",
};

/// The body of a new plain page.
pub const PAGE_BODY: Sample = Sample {
    id: "Tulis isi halaman di sini.",
    en: "Write the page here.",
};

/// The `description:` a new file shows (as a comment, to fill in).
pub const DESCRIPTION: Sample = Sample {
    id: "Ringkasan satu kalimat, paling banyak 160 karakter.",
    en: "One sentence, at most 160 characters.",
};

/// The `image_alt:` a new file shows (as a comment, to fill in).
pub const IMAGE_ALT: Sample = Sample {
    id: "Apa yang terlihat di foto",
    en: "What the photo shows",
};

/// Every sample text, in both languages: a page may hold the other language's (the
/// translation of a scaffold that was never filled in).
const SAMPLES: [Sample; 6] = [
    PRESS_RELEASE_BODY,
    GUIDE_BODY,
    COUNTRY_BODY,
    PAGE_BODY,
    DESCRIPTION,
    IMAGE_ALT,
];

/// What was left in a line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Leftover {
    Translate,
    /// A body line that starts with `TRANSLATE:`: a note about the text below it.
    TranslateLine,
    Sample(&'static str),
}

impl Leftover {
    fn text(self) -> &'static str {
        match self {
            Leftover::Translate | Leftover::TranslateLine => TRANSLATE,
            Leftover::Sample(s) => s,
        }
    }
}

/// Every line of a page that is not a draft and still holds a sample text of `warta new` or a
/// `TRANSLATE:` marker, as errors (none for a draft). `body_start` is the byte offset of the
/// body: comment lines of the front matter above it are not published, so not looked at.
pub fn check(file: &SourceFile, fm: &FrontMatter, body_start: usize) -> Diagnostics {
    // Most pages hold none: one scan of the whole file each, before any line is looked at
    // (20× faster on a 2,000-page site than searching every line for every text).
    if fm.draft
        || !FINDERS
            .iter()
            .any(|f| f.find(file.text.as_bytes()).is_some())
    {
        return Diagnostics::new();
    }
    // `draft: false` is there to be changed; otherwise the line is added.
    let has_draft_line = fm.key_position(file, "draft").is_some();
    let mut found = Diagnostics::new();
    let mut offset = 0;
    for line in file.text.split_inclusive('\n') {
        let comment = offset < body_start && line.trim_start().starts_with('#');
        if !comment && let Some((at, mut what)) = first_leftover(line) {
            if offset >= body_start && line.trim_start().starts_with(TRANSLATE) {
                what = Leftover::TranslateLine;
            }
            found.push(error(file, offset + at, what, has_draft_line));
        }
        offset += line.len();
    }
    found
}

/// `TRANSLATE:` and every sample text, in both languages, as searchers built once.
static FINDERS: LazyLock<Vec<memmem::Finder<'static>>> = LazyLock::new(|| {
    std::iter::once(TRANSLATE)
        .chain(SAMPLES.iter().flat_map(|s| [s.id, s.en]))
        .map(memmem::Finder::new)
        .collect()
});

/// The first leftover in `line`, with its byte offset.
fn first_leftover(line: &str) -> Option<(usize, Leftover)> {
    let samples = SAMPLES
        .iter()
        .flat_map(|s| [s.id, s.en])
        .map(Leftover::Sample);
    std::iter::once(Leftover::Translate)
        .chain(samples)
        .filter_map(|what| line.find(what.text()).map(|at| (at, what)))
        .min_by_key(|(at, _)| *at)
}

/// The error for `what` left at byte `offset` of `file`; the hint says to change the page's
/// `draft:` line when it has one (`has_draft_line`), else to add it.
fn error(file: &SourceFile, offset: usize, what: Leftover, has_draft_line: bool) -> Diagnostic {
    let position = Some(file.position(offset, what.text().len()));
    let diagnostic = match what {
        Leftover::Translate | Leftover::TranslateLine => Diagnostic::error(
            Code::Untranslated,
            file.display.clone(),
            msg!("scaffold-translate-marker"),
        ),
        Leftover::Sample(sample) => Diagnostic::error(
            Code::Placeholder,
            file.display.clone(),
            msg!("scaffold-sample-text", sample = format!("{sample:?}")),
        ),
    };
    let hint = match (what, has_draft_line) {
        (Leftover::Translate, false) => msg!("scaffold-translate-hint-add-draft"),
        (Leftover::Translate, true) => msg!("scaffold-translate-hint-change-draft"),
        (Leftover::TranslateLine, false) => msg!("scaffold-translate-line-hint-add-draft"),
        (Leftover::TranslateLine, true) => msg!("scaffold-translate-line-hint-change-draft"),
        (Leftover::Sample(_), false) => msg!("scaffold-sample-hint-add-draft"),
        (Leftover::Sample(_), true) => msg!("scaffold-sample-hint-change-draft"),
    };
    diagnostic.at(position).with_hint(hint)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::frontmatter;
    use crate::content::kinds::ContentType;

    fn leftovers(text: &str) -> Diagnostics {
        let file = SourceFile::new("content/x.md", text.to_string());
        let Ok(split) = frontmatter::split(&file) else {
            return Diagnostics::new();
        };
        let start = split.body_start;
        match frontmatter::parse_page(
            &file,
            &split,
            ContentType::Page,
            crate::dates::Date::today(),
        ) {
            Ok((fm, _)) => check(&file, &fm, start),
            Err(_) => Diagnostics::new(),
        }
    }

    fn places(diags: &[Diagnostic]) -> Vec<(&'static str, usize, usize)> {
        diags
            .iter()
            .map(|d| {
                let p = d.position.as_ref().map_or((0, 0), |p| (p.line, p.column));
                (d.code.as_str(), p.0, p.1)
            })
            .collect()
    }

    #[test]
    fn a_draft_may_hold_sample_text_and_markers() {
        let text =
            "---\ntitle: \"TRANSLATE: Judul\"\ndraft: true\n---\nTulis isi halaman di sini.\n";
        assert!(leftovers(text).is_empty());
    }

    #[test]
    fn each_leftover_of_a_page_that_is_no_draft_is_an_error_at_its_place() {
        let text = "---\ntitle: \"TRANSLATE: Judul\"\n# description: Ringkasan satu kalimat, paling banyak 160 karakter.\n---\n\
                    TRANSLATE: the text below\n\n# Judul\n\nAda teks. Write the page here.\n";
        assert_eq!(
            places(&leftovers(text)),
            [
                ("untranslated", 2, 9),
                ("untranslated", 5, 1),
                ("placeholder", 9, 11)
            ]
        );
    }

    #[test]
    fn a_filled_in_page_has_none() {
        let text = "---\ntitle: Judul\ndescription: Ringkasan yang sebenarnya.\n---\nTeks yang sebenarnya.\n";
        assert!(leftovers(text).is_empty());
    }

    #[test]
    fn the_hint_says_to_change_draft_false_when_it_is_written() {
        let with = leftovers("---\ntitle: A\ndraft: false\n---\nWrite the page here.\n");
        let without = leftovers("---\ntitle: A\n---\nWrite the page here.\n");
        assert!(
            with[0]
                .hint
                .as_deref()
                .is_some_and(|h| h.contains("change `draft: false` to `draft: true`")),
            "{with:?}"
        );
        assert!(
            without[0]
                .hint
                .as_deref()
                .is_some_and(|h| h.contains("add the line `draft: true`")),
            "{without:?}"
        );
    }
}
