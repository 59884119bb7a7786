//! The kinds of diagnostic: a closed set, so a code is a type, not a string. The kebab-case
//! name of each (`frontmatter`, `translation-missing`) is what an editor sees on the `= code:`
//! line, what `--format json` writes and what `warta check --allow` takes; it never changes.

use serde::Serialize;

macro_rules! codes {
    ($($(#[doc = $doc:literal])+ $variant:ident = $name:literal,)+) => {
        /// What a diagnostic is about.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
        pub enum Code {
            $($(#[doc = $doc])+ #[serde(rename = $name)] $variant,)+
        }

        impl Code {
            /// Every code, in the order above.
            pub const ALL: &[Code] = &[$(Code::$variant,)+];

            /// The code's stable name: `translation-missing`.
            pub const fn as_str(self) -> &'static str {
                match self {
                    $(Code::$variant => $name,)+
                }
            }
        }
    };
}

codes! {
    /// An action button's or alert link's address that may not be used (`http:`,
    /// `javascript:`), or a button without its label.
    Action = "action",
    /// More action buttons on a page than stand out.
    ActionsMany = "actions-many",
    /// A `.md` file that is not text (it holds NUL bytes).
    Binary = "binary",
    /// A page's size budget for CSS is exceeded.
    BudgetCss = "budget-css",
    /// A page's size budget for web fonts is exceeded.
    BudgetFont = "budget-font",
    /// A page's size budget for HTML is exceeded.
    BudgetHtml = "budget-html",
    /// A page's size budget for JavaScript is exceeded.
    BudgetJs = "budget-js",
    /// Two outputs (pages, aliases, tag or list pages) on one address.
    Collision = "collision",
    /// A `#` comment inside a text value of front matter.
    CommentInText = "comment-in-text",
    /// `site.yaml` is missing, unreadable or wrong.
    Config = "config",
    /// The `content/` folder is missing or unreadable.
    Content = "content",
    /// A country code that is not an ISO 3166-1 country.
    Country = "country",
    /// A country page without a contact that has a phone number.
    CountryNoPhone = "country-no-phone",
    /// A date in `site.yaml` (an alert's) that is not a date.
    Date = "date",
    /// A description longer than search results show.
    Description = "description",
    /// Two pages on one output path.
    DuplicateOutput = "duplicate-output",
    /// `warta new` would overwrite a file.
    Exists = "exists",
    /// A file under `content/` that no published page links.
    FileUnused = "file-unused",
    /// The top block of a page (front matter): missing, malformed or holding a wrong field.
    Frontmatter = "frontmatter",
    /// `_headers` has more rules than a host reads.
    Headers = "headers",
    /// A theme's words missing in a language.
    I18nMissing = "i18n-missing",
    /// A photo that cannot be found, read or shown.
    Image = "image",
    /// An image without alternative text.
    ImageAlt = "image-alt",
    /// A processed photo larger than its budget.
    ImageBudget = "image-budget",
    /// A build without photo processing.
    ImagesDisabled = "images-disabled",
    /// A build that crashed inside warta (serve reports it and keeps serving).
    Internal = "internal",
    /// A file or folder that cannot be read or written.
    Io = "io",
    /// A guide's `journey` or `step` that is wrong, or a journey whose steps do not follow one
    /// another.
    Journey = "journey",
    /// A file name's language suffix that the site does not have.
    Language = "language",
    /// A Markdown file deeper than `content/<section>/`.
    Layout = "layout",
    /// A link to nothing, or to an `#anchor` that is not there.
    Link = "link",
    /// A manifest that cannot be read.
    Manifest = "manifest",
    /// An output folder warta refuses to replace (the site's own folder, `content/`).
    Output = "output",
    /// A file that looks like a page but is not named `.md`.
    PageName = "page-name",
    /// Sample text of `warta new` left in a page that is not a draft.
    Placeholder = "placeholder",
    /// A page address of the live site that this build would lose.
    PublishedUrl = "published-url",
    /// HTML written in Markdown that the site's policy refuses or cleans.
    RawHtml = "raw-html",
    /// A page whose `review_by` date has passed.
    ReviewOverdue = "review-overdue",
    /// A section's `_index.md` missing or wrong.
    Section = "section",
    /// A slug that is empty or would leave its folder.
    Slug = "slug",
    /// Something in `content/` that is not a file or folder (a pipe, a socket), skipped.
    SpecialFile = "special-file",
    /// A file of `static/` that clashes with one warta writes.
    StaticClash = "static-clash",
    /// A symbolic link in `content/`, not followed.
    Symlink = "symlink",
    /// A tag without letters or digits, which makes no address.
    Tag = "tag",
    /// A tag that is not one of the topics of site.yaml's `tags:` (when it has any).
    TagUndefined = "tag-undefined",
    /// A template that fails to compile or render.
    Template = "template",
    /// A theme that cannot be found or read.
    Theme = "theme",
    /// A page without its translation.
    TranslationMissing = "translation-missing",
    /// A translation older than its source.
    TranslationOutdated = "translation-outdated",
    /// A link with a scheme that could run code (`javascript:`).
    UnsafeLink = "unsafe-link",
    /// A page that is not a draft but still holds a `TRANSLATE:` marker.
    Untranslated = "untranslated",
    /// Bad use of the command line.
    Usage = "usage",
    /// A file that is not UTF-8 text.
    Utf8 = "utf8",
    /// YAML that cannot be read.
    Yaml = "yaml",
}

impl std::fmt::Display for Code {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Tests and tools compare codes with their names: `d.code == "link"`.
impl PartialEq<&str> for Code {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

impl std::str::FromStr for Code {
    type Err = ();

    /// The code of a name, as `--allow` takes it.
    fn from_str(name: &str) -> Result<Code, ()> {
        Code::ALL
            .iter()
            .copied()
            .find(|c| c.as_str() == name)
            .ok_or(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_kebab_case_unique_and_serialized_as_written() {
        let mut seen = std::collections::HashSet::new();
        for code in Code::ALL {
            let name = code.as_str();
            assert!(seen.insert(name), "{name} twice");
            assert!(
                name.chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-'),
                "{name}"
            );
            assert_eq!(
                serde_json::to_string(code).ok(),
                Some(format!("\"{name}\""))
            );
            assert_eq!(name.parse::<Code>(), Ok(*code));
        }
        assert_eq!("frontmater".parse::<Code>(), Err(()));
    }

    /// Diagnostics are grouped by code in the order of their names (the capped warnings of a
    /// build): the order of the variants must be that of their names.
    #[test]
    fn variants_are_in_the_order_of_their_names() {
        let names: Vec<&str> = Code::ALL.iter().map(|c| c.as_str()).collect();
        let mut sorted = names.clone();
        sorted.sort_unstable();
        assert_eq!(names, sorted);
    }
}
