//! Front matter: split the `---` block from the body, parse it as YAML into the typed struct of
//! the document's content type, and validate what serde cannot (dates, required fields per
//! type, country codes, slugs, `image_alt`).
//!
//! Every error points into the Markdown file itself, with lines counted from its first line.

use std::collections::BTreeSet;

use serde::Deserialize;
use serde::de::DeserializeOwned;

use crate::countries;
use crate::dates::Date;
use crate::diag::{Diagnostic, Diagnostics};
use crate::i18n::Message;
use crate::msg;
use crate::source::SourceFile;
use crate::yaml::{Block, Line, text};

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

#[derive(Debug, Clone, Deserialize, serde::Serialize)]
#[serde(deny_unknown_fields)]
pub struct Cost {
    #[serde(deserialize_with = "text::string")]
    pub item: String,
    #[serde(deserialize_with = "text::string")]
    pub payer: String,
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

/// Declares a raw front-matter struct: the fields common to every page plus the type's own.
/// Written out per type so that `deny_unknown_fields` names exactly the fields allowed.
macro_rules! raw_front_matter {
    ($name:ident { $($(#[$attr:meta])* $field:ident : $ty:ty),* $(,)? }) => {
        #[derive(Debug, Default, Deserialize)]
        #[serde(deny_unknown_fields)]
        struct $name {
            #[serde(default, deserialize_with = "text::option")]
            title: Option<String>,
            #[serde(default, deserialize_with = "text::option")]
            description: Option<String>,
            date: Option<String>,
            updated: Option<String>,
            #[serde(default, deserialize_with = "text::option")]
            slug: Option<String>,
            #[serde(default)]
            draft: bool,
            #[serde(default, deserialize_with = "text::list")]
            tags: Vec<String>,
            #[serde(default)]
            aliases: Vec<String>,
            image: Option<String>,
            #[serde(default, deserialize_with = "text::option")]
            image_alt: Option<String>,
            image_focus: Option<Vec<f64>>,
            $($(#[$attr])* $field: $ty,)*
        }

        impl $name {
            fn common(self) -> (RawCommon, $name) {
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
                };
                (common, self)
            }
        }
    };
}

struct RawCommon {
    title: Option<String>,
    description: Option<String>,
    date: Option<String>,
    updated: Option<String>,
    slug: Option<String>,
    draft: bool,
    tags: Vec<String>,
    aliases: Vec<String>,
    image: Option<String>,
    image_alt: Option<String>,
    image_focus: Option<Vec<f64>>,
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
    cost: Option<Vec<Cost>>,
    #[serde(default, deserialize_with = "text::option")]
    duration: Option<String>,
    #[serde(default, deserialize_with = "text::option_list")]
    r#where: Option<Vec<String>>,
    faq: Option<Vec<Faq>>,
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
    review_by: Option<String>,
});

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawSection {
    #[serde(default, deserialize_with = "text::option")]
    title: Option<String>,
    #[serde(default, deserialize_with = "text::option")]
    slug: Option<String>,
    #[serde(rename = "type")]
    content_type: Option<ContentType>,
    #[serde(default, deserialize_with = "text::option")]
    description: Option<String>,
}

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
    pub fields: TypeFields,
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
}

#[derive(Debug, Clone)]
pub struct CountryFields {
    pub country_code: String,
    pub status: Option<PlacementStatus>,
    pub schemes: Vec<Scheme>,
    pub sectors: Vec<String>,
    pub special_rules: Vec<String>,
    pub contacts: Vec<Contact>,
    pub review_by: Option<Date>,
}

/// A section's `_index.md` front matter.
#[derive(Debug, Clone, Default)]
pub struct SectionMeta {
    pub title: String,
    pub slug: Option<String>,
    pub content_type: Option<ContentType>,
    pub description: Option<String>,
    /// What the front matter holds that is not an error (a text cut at ` #`).
    pub warnings: Vec<Diagnostic>,
}

/// Where the parts of a Markdown file are.
#[derive(Debug, Clone, Copy)]
pub struct Split<'a> {
    pub yaml: &'a str,
    /// 1-based line of the first YAML line.
    pub yaml_first_line: usize,
    /// Byte offset of the body in the file.
    pub body_start: usize,
}

/// Where `key:` sits in the front matter of `file`, for an error about its value found after
/// parsing (a collision of its `slug`, a photo its `image` names).
pub fn key_position(file: &SourceFile, key: &str) -> Option<crate::diag::Position> {
    let split = split(file).ok()?;
    Block {
        file,
        text: split.yaml,
        first_line: split.yaml_first_line,
    }
    .key_position(key)
}

/// Finds the `---` block at the very top of the file.
pub fn split(file: &SourceFile) -> Result<Split<'_>, Diagnostic> {
    let text = &file.text;
    let first = file.line_text(1);
    if first.trim_end() != "---" {
        return Err(Diagnostic::error(
            "frontmatter",
            file.display.clone(),
            msg!("frontmatter-no-top-block"),
        )
        .at(Some(file.position_at_line(
            1,
            1,
            first.chars().count().clamp(1, 40),
        )))
        .with_hint(msg!("frontmatter-no-top-block-hint")));
    }
    let yaml_start = file.line_start(2);
    let mut offset = yaml_start;
    for line in text.get(yaml_start..).unwrap_or("").split_inclusive('\n') {
        let bare = line.trim_end_matches(['\n', '\r']);
        if bare == "---" || bare == "..." {
            let body_start = offset + line.len();
            return Ok(Split {
                yaml: &text[yaml_start..offset],
                yaml_first_line: 2,
                body_start,
            });
        }
        offset += line.len();
    }
    Err(Diagnostic::error(
        "frontmatter",
        file.display.clone(),
        msg!("frontmatter-not-closed"),
    )
    .at(Some(file.position_at_line(1, 1, 3)))
    .with_hint(msg!("frontmatter-not-closed-hint")))
}

/// Parses a page's front matter as `content_type`: the front matter with its warnings, or
/// every error found.
pub fn parse_page(
    file: &SourceFile,
    split: &Split<'_>,
    content_type: ContentType,
) -> Result<(FrontMatter, Vec<Diagnostic>), Diagnostics> {
    let block = Block {
        file,
        text: split.yaml,
        first_line: split.yaml_first_line,
    };
    let mut v = Validator {
        block,
        diags: Diagnostics::new(),
        refused: BTreeSet::new(),
    };
    v.diags.extend(comments_in_text(&block));
    let mut faq = Vec::new();
    let (common, fields) = match content_type {
        ContentType::Page => {
            let Some(raw) = v.read::<RawPage>() else {
                return Err(v.diags);
            };
            let (c, r) = raw.common();
            faq = r.faq.unwrap_or_default();
            (c, TypeFields::Page)
        }
        ContentType::PressRelease => {
            let Some(raw) = v.read::<RawPressRelease>() else {
                return Err(v.diags);
            };
            let (c, r) = raw.common();
            if c.date.is_none() {
                let today = Date::today().iso();
                v.missing("date", msg!("frontmatter-press-release-date-hint", today));
            }
            let countries = r
                .countries
                .unwrap_or_default()
                .into_iter()
                .filter_map(|code| v.country_code(&code, "countries"))
                .collect();
            (
                c,
                TypeFields::PressRelease {
                    place: r.place,
                    source: r.source,
                    countries,
                },
            )
        }
        ContentType::Guide => {
            let Some(raw) = v.read::<RawGuide>() else {
                return Err(v.diags);
            };
            let (c, r) = raw.common();
            if c.updated.is_none() {
                let today = Date::today().iso();
                v.missing("updated", msg!("frontmatter-guide-updated-hint", today));
            }
            let review_by = v.date("review_by", r.review_by.as_deref());
            faq = r.faq.unwrap_or_default();
            for link in r.legal_basis.iter().flatten() {
                if !(link.url.starts_with("https://")
                    || link.url.starts_with("http://")
                    || link.url.starts_with('/'))
                {
                    let url = &link.url;
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
            (
                c,
                TypeFields::Guide(Box::new(GuideFields {
                    review_by,
                    audience: r.audience,
                    schemes: r.schemes.unwrap_or_default(),
                    legal_basis: r.legal_basis.unwrap_or_default(),
                    requirements: r.requirements.unwrap_or_default(),
                    documents: r.documents.unwrap_or_default(),
                    cost: r.cost.unwrap_or_default(),
                    duration: r.duration,
                    r#where: r.r#where.unwrap_or_default(),
                })),
            )
        }
        ContentType::Country => {
            let Some(raw) = v.read::<RawCountry>() else {
                return Err(v.diags);
            };
            let (c, r) = raw.common();
            let review_by = v.date("review_by", r.review_by.as_deref());
            let code = match &r.country_code {
                None => {
                    v.missing(
                        "country_code",
                        msg!("frontmatter-country-code-missing-hint"),
                    );
                    String::new()
                }
                Some(code) => v.country_code(code, "country_code").unwrap_or_default(),
            };
            (
                c,
                TypeFields::Country(Box::new(CountryFields {
                    country_code: code,
                    status: r.status,
                    schemes: r.schemes.unwrap_or_default(),
                    sectors: r.sectors.unwrap_or_default(),
                    special_rules: r.special_rules.unwrap_or_default(),
                    contacts: r.contacts.unwrap_or_default(),
                    review_by,
                })),
            )
        }
    };
    let title = match common.title {
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
    };
    let date = v.date("date", common.date.as_deref());
    let updated = v.date("updated", common.updated.as_deref());
    if common.image.is_some()
        && !v.refused.contains("image_alt")
        && common
            .image_alt
            .as_deref()
            .is_none_or(|a| a.trim().is_empty())
    {
        v.error(
            "image",
            msg!("frontmatter-image-alt-missing"),
            msg!("frontmatter-image-alt-missing-hint"),
        );
    }
    let image_focus = match common.image_focus.as_deref() {
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
    };
    if let Some(desc) = &common.description
        && desc.chars().count() > 160
    {
        v.warn(
            "description",
            msg!("frontmatter-description-long", count = desc.chars().count()),
            msg!("frontmatter-description-long-hint"),
        );
    }
    for alias in &common.aliases {
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
        fields,
    };
    Ok((fm, v.diags.into_iter().collect()))
}

/// Parses a section's `_index.md` front matter: every error, or the section with its
/// warnings.
pub fn parse_section(file: &SourceFile, split: &Split<'_>) -> Result<SectionMeta, Diagnostics> {
    let block = Block {
        file,
        text: split.yaml,
        first_line: split.yaml_first_line,
    };
    let mut v = Validator {
        block,
        diags: Diagnostics::new(),
        refused: BTreeSet::new(),
    };
    let warnings = comments_in_text(&block);
    let raw = v.read::<RawSection>();
    let title = match raw.as_ref().and_then(|r| r.title.as_ref()) {
        Some(t) if !t.trim().is_empty() => t.clone(),
        Some(_) => {
            v.error(
                "title",
                msg!("frontmatter-title-empty"),
                msg!("frontmatter-section-title-empty-hint"),
            );
            String::new()
        }
        None if raw.is_some() => {
            v.missing("title", msg!("frontmatter-section-title-missing-hint"));
            String::new()
        }
        None => String::new(),
    };
    match raw {
        Some(raw) if !v.diags.has_errors() => Ok(SectionMeta {
            title,
            slug: raw.slug,
            content_type: raw.content_type,
            description: raw.description,
            warnings,
        }),
        _ => {
            v.diags.extend(warnings);
            Err(v.diags)
        }
    }
}

struct Validator<'a> {
    block: Block<'a>,
    diags: Diagnostics,
    /// Keys written but refused (a wrong type): not to be reported missing as well.
    refused: BTreeSet<String>,
}

impl Validator<'_> {
    /// Reads the block key by key: every bad key is reported, and the rest is returned.
    fn read<T: DeserializeOwned>(&mut self) -> Option<T> {
        let partial = self.block.parse_each::<T>();
        self.diags.extend(partial.errors);
        self.refused = partial.refused;
        partial.value
    }

    fn error(&mut self, key: &str, message: Message, hint: Message) {
        self.report("frontmatter", key, message, hint);
    }

    /// An error at `position` (or at the top of the front matter).
    fn error_at(
        &mut self,
        position: Option<crate::diag::Position>,
        message: Message,
        hint: Message,
    ) {
        let position = position.or_else(|| Some(self.block.start_position()));
        self.diags.push(
            Diagnostic::error("frontmatter", self.block.file.display.clone(), message)
                .at(position)
                .with_hint(hint),
        );
    }

    /// An error at `key`'s value (or at the top of the front matter when the key is absent).
    fn report(&mut self, code: &'static str, key: &str, message: Message, hint: Message) {
        let position = self
            .block
            .key_position(key)
            .or_else(|| Some(self.block.start_position()));
        self.diags.push(
            Diagnostic::error(code, self.block.file.display.clone(), message)
                .at(position)
                .with_hint(hint),
        );
    }

    fn warn(&mut self, key: &str, message: Message, hint: Message) {
        self.diags.push(
            Diagnostic::warning(key_code(key), self.block.file.display.clone(), message)
                .at(self.block.key_position(key))
                .with_hint(hint),
        );
    }

    /// A required key is absent, unless it was written and refused (already reported).
    fn missing(&mut self, key: &str, hint: Message) {
        if self.refused.contains(key) {
            return;
        }
        self.diags.push(
            Diagnostic::error(
                "frontmatter",
                self.block.file.display.clone(),
                msg!("frontmatter-missing-field", key),
            )
            .at(Some(self.block.start_position()))
            .with_hint(hint),
        );
    }

    fn date(&mut self, key: &str, value: Option<&str>) -> Option<Date> {
        let value = value?;
        match Date::parse(value) {
            Ok(d) => Some(d),
            Err(e) => {
                let hint = Date::suggest(value).map_or_else(
                    || msg!("frontmatter-date-hint"),
                    |s| msg!("frontmatter-write", text = s),
                );
                let message = msg!("frontmatter-bad-date", key, found = format!("{value:?}"))
                    .arg_message("why", e.message());
                self.report("date", key, message, hint);
                None
            }
        }
    }

    fn country_code(&mut self, code: &str, key: &str) -> Option<String> {
        let upper = code.trim().to_ascii_uppercase();
        if countries::is_valid(&upper) {
            return Some(upper);
        }
        let hint = match countries::code_for_name(code) {
            Some(c) => msg!("frontmatter-did-you-mean", near = c),
            None => msg!("frontmatter-country-code-hint"),
        };
        let position = self
            .block
            .item_position(key, code)
            .or_else(|| Some(self.block.start_position()));
        self.diags.push(
            Diagnostic::error(
                "country",
                self.block.file.display.clone(),
                msg!("frontmatter-country-code", code = format!("{code:?}"), key),
            )
            .at(position)
            .with_hint(hint),
        );
        None
    }
}

/// Fields whose value is text: a ` #` in their plain value starts a YAML comment and silently
/// cuts the text there.
const TEXT_FIELDS: &[&str] = &[
    "title",
    "description",
    "place",
    "source",
    "image_alt",
    "audience",
    "duration",
    "name",
    "address",
    "hours",
    "q",
    "a",
    "item",
    "payer",
];

/// Fields that are lists of text (each `- item` is text).
const TEXT_LIST_FIELDS: &[&str] = &[
    "tags",
    "requirements",
    "documents",
    "where",
    "sectors",
    "special_rules",
];

/// A warning for every text value that YAML cuts at a ` #` (`title: Siaran Pers #12` is the
/// title "Siaran Pers"), with the line to write instead. Lines that are comments, values that
/// are quoted or empty before the `#`, and fields that are not text (a date, `draft`) are left
/// alone: there a `#` is a comment.
fn comments_in_text(block: &Block<'_>) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    // The text list whose items the lines below belong to (`tags:` then `- a`).
    let mut list: Option<&str> = None;
    // Inside a block of text (`description: |`): lines indented deeper are text, `#` and all.
    let mut block_text_indent: Option<usize> = None;
    for (i, raw) in block.text.split('\n').enumerate() {
        let line = Line::parse(raw);
        let indent = raw.len() - raw.trim_start_matches(' ').len();
        if let Some(deeper) = block_text_indent {
            if raw.trim().is_empty() || indent > deeper {
                continue;
            }
            block_text_indent = None;
        }
        if raw.trim_start().starts_with('#') || raw.trim().is_empty() {
            continue;
        }
        if line.value.starts_with(['|', '>']) {
            block_text_indent = Some(indent);
        }
        let is_item = line.lead.contains('-');
        if !is_item && indent == 0 {
            list = line
                .key
                .filter(|k| TEXT_LIST_FIELDS.contains(k) && line.value.is_empty());
        }
        let field = match line.key {
            Some(key) if TEXT_FIELDS.contains(&key) => key,
            None if is_item => match list {
                Some(key) => key,
                None => continue,
            },
            _ => continue,
        };
        if !line.is_plain() {
            continue;
        }
        let Some(hash) = line.value.find(" #").or_else(|| line.value.find("\t#")) else {
            continue;
        };
        let kept = line.value[..hash].trim_end();
        let cut = line.value[hash..].trim();
        let fixed = if line.key.is_some() {
            line.quoted()
        } else {
            line.whole_quoted()
        };
        let at = block.file.line_start(block.first_line + i) + line.value_at + hash + 1;
        let kept = format!("{kept:?}");
        let message = if line.key.is_some() {
            msg!("frontmatter-text-cut-at-hash", field, cut, kept)
        } else {
            msg!("frontmatter-item-cut-at-hash", field, cut, kept)
        };
        out.push(
            Diagnostic::warning("comment-in-text", block.file.display.clone(), message)
                .at(Some(block.file.position(at, cut.len())))
                .with_hint(msg!("frontmatter-text-cut-at-hash-hint", line = fixed)),
        );
    }
    out
}

/// The diagnostic code of a warning about `key`.
fn key_code(key: &str) -> &'static str {
    match key {
        "description" => "description",
        _ => "frontmatter",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str, ct: ContentType) -> Result<FrontMatter, Vec<Diagnostic>> {
        let file = SourceFile::new("content/x.md", text.to_string());
        let split = split(&file).map_err(|d| vec![d])?;
        parse_page(&file, &split, ct)
            .map(|(fm, _)| fm)
            .map_err(Diagnostics::sorted)
    }

    #[test]
    fn wrong_date_points_at_the_value_and_suggests_the_fix() {
        let err = parse(
            "---\ntitle: A\ndate: 22-11-2024\n---\nbody\n",
            ContentType::PressRelease,
        )
        .err()
        .unwrap_or_default();
        assert_eq!(err.len(), 1);
        let pos = err[0].position.clone().map(|p| (p.line, p.column));
        assert_eq!(pos, Some((3, 7)));
        assert_eq!(err[0].hint.as_deref(), Some("write `2024-11-22`"));
    }

    #[test]
    fn unknown_field_line_counts_from_top_of_file() {
        let err = parse(
            "---\ntitle: A\ndate: 2024-11-22\ncountires: [MY]\n---\n",
            ContentType::PressRelease,
        )
        .err()
        .unwrap_or_default();
        assert_eq!(err[0].message, "unknown field `countires`");
        assert_eq!(err[0].position.as_ref().map(|p| p.line), Some(4));
        assert_eq!(err[0].hint.as_deref(), Some("did you mean `countries`?"));
    }

    #[test]
    fn all_validation_errors_are_reported_together() {
        let err = parse(
            "---\ntitle: A\nimage: x.jpg\ncountries: [XX]\n---\n",
            ContentType::PressRelease,
        )
        .err()
        .unwrap_or_default();
        let codes: Vec<&str> = err.iter().map(|d| d.message.as_str()).collect();
        assert_eq!(err.len(), 3, "{codes:?}");
    }

    #[test]
    fn unclosed_and_missing_front_matter() {
        assert!(parse("---\ntitle: A\nbody\n", ContentType::Page).is_err());
        assert!(parse("# Title\n", ContentType::Page).is_err());
        assert!(parse("---\r\ntitle: A\r\n---\r\nbody\r\n", ContentType::Page).is_ok());
    }

    #[test]
    fn faq_items_need_both_parts_and_nothing_else() {
        let fm = parse(
            "---\ntitle: A\nupdated: 2025-01-01\nfaq:\n  - q: Gratis?\n    a: Ya.\n---\n",
            ContentType::Guide,
        )
        .ok();
        assert_eq!(fm.map(|f| f.faq.len()), Some(1));
        let err = parse(
            "---\ntitle: A\nupdated: 2025-01-01\nfaq:\n  - q: Gratis?\n---\n",
            ContentType::Guide,
        )
        .err()
        .unwrap_or_default();
        assert_eq!(err.len(), 1, "{err:?}");
        assert!(
            err[0].message.contains("missing required field `a`"),
            "{err:?}"
        );
        assert_eq!(
            err[0].position.as_ref().map(|p| (p.line, p.column)),
            Some((5, 5))
        );
        let err = parse(
            "---\ntitle: A\nfaq:\n  - q: Gratis?\n    a: Ya.\n    answer: Ya.\n---\n",
            ContentType::Page,
        )
        .err()
        .unwrap_or_default();
        assert_eq!(err.len(), 1, "{err:?}");
        assert_eq!(err[0].position.as_ref().map(|p| p.line), Some(6));
        let err = parse(
            "---\ntitle: A\nfaq:\n  - q: \"\"\n    a: Ya.\n---\n",
            ContentType::Page,
        )
        .err()
        .unwrap_or_default();
        assert!(err[0].message.contains("empty `q`"), "{err:?}");
        // Press releases have no FAQ.
        assert!(
            parse(
                "---\ntitle: A\ndate: 2025-01-01\nfaq: []\n---\n",
                ContentType::PressRelease
            )
            .is_err()
        );
    }

    #[test]
    fn text_fields_refuse_plain_numbers_and_booleans() {
        for (yaml, ct, key, line) in [
            ("title: 123", ContentType::Page, "title", 2),
            ("title: A\nslug: 2024", ContentType::Page, "slug", 3),
            (
                "title: A\ndescription: true",
                ContentType::Page,
                "description",
                3,
            ),
            (
                "title: A\ntags: [banten, 2.5]",
                ContentType::Page,
                "tags[1]",
                3,
            ),
            (
                "title: A\nimage: a.jpg\nimage_alt: 1",
                ContentType::Page,
                "image_alt",
                4,
            ),
            (
                "title: A\ndate: 2024-11-22\nplace: 12",
                ContentType::PressRelease,
                "place",
                4,
            ),
            (
                "title: A\nupdated: 2024-11-22\nduration: 14",
                ContentType::Guide,
                "duration",
                4,
            ),
            (
                "title: A\nupdated: 2024-11-22\nfaq:\n  - q: Berapa?\n    a: 0",
                ContentType::Guide,
                "faq[0].a",
                6,
            ),
            (
                "title: A\ncountry_code: MY\nsectors:\n  - false",
                ContentType::Country,
                "sectors[0]",
                5,
            ),
            (
                "title: A\ncountry_code: MY\ncontacts:\n  - name: KBRI\n    phone: 112",
                ContentType::Country,
                "contacts[0].phone",
                6,
            ),
        ] {
            let err = parse(&format!("---\n{yaml}\n---\n"), ct)
                .err()
                .unwrap_or_default();
            assert_eq!(err.len(), 1, "{yaml}: {err:?}");
            assert!(
                err[0]
                    .message
                    .starts_with(&format!("`{key}`: wrong type: found ")),
                "{yaml}: {}",
                err[0].message
            );
            assert_eq!(
                err[0].position.as_ref().map(|p| p.line),
                Some(line),
                "{yaml}"
            );
            assert!(
                err[0]
                    .hint
                    .as_deref()
                    .is_some_and(|h| h.starts_with("put the text in quotes")),
                "{yaml}: {:?}",
                err[0].hint
            );
        }
        let err = parse("---\ntitle: 123\n---\n", ContentType::Page)
            .err()
            .unwrap_or_default();
        assert_eq!(
            err[0].hint.as_deref(),
            Some("put the text in quotes; write the line as `title: \"123\"`")
        );
    }

    #[test]
    fn text_fields_accept_quoted_and_ordinary_text() {
        let fm = parse(
            "---\ntitle: \"123\"\nslug: '2024'\ntags: [\"1\", NO, banten]\ncountry_code: NO\n\
             contacts:\n  - name: KBRI Oslo\n    phone: +47 22 44 11 21\n    hours: 08.00-16.00\n---\n",
            ContentType::Country,
        );
        let fm = match fm {
            Ok(fm) => fm,
            Err(e) => panic!("{e:?}"),
        };
        assert_eq!(fm.title, "123");
        assert_eq!(fm.slug.as_deref(), Some("2024"));
        assert_eq!(fm.tags, ["1", "NO", "banten"]);
        let TypeFields::Country(c) = fm.fields else {
            panic!("a country")
        };
        assert_eq!(c.country_code, "NO");
        assert_eq!(c.contacts[0].phone.as_deref(), Some("+47 22 44 11 21"));
        assert_eq!(c.contacts[0].hours.as_deref(), Some("08.00-16.00"));
        assert!(c.contacts[0].email.is_none());
        // Numbers stay numbers where a number is asked for.
        assert!(
            parse(
                "---\ntitle: A\nimage: a.jpg\nimage_alt: A\nimage_focus: [0.5, 1]\n---\n",
                ContentType::Page
            )
            .is_ok()
        );
    }

    #[test]
    fn section_text_fields_are_strict_too() {
        let file = SourceFile::new(
            "content/berita/_index.md",
            "---\ntitle: Berita\nslug: 7\n---\n".into(),
        );
        let err = split(&file)
            .map_err(|d| vec![d])
            .and_then(|s| parse_section(&file, &s).map_err(Diagnostics::sorted))
            .err()
            .unwrap_or_default();
        assert_eq!(
            err.first()
                .and_then(|e| e.position.as_ref())
                .map(|p| (p.line, p.column)),
            Some((3, 7))
        );
        let file = SourceFile::new(
            "content/berita/_index.md",
            "---\ntitle: \"2024\"\n---\n".into(),
        );
        let meta = split(&file)
            .ok()
            .and_then(|s| parse_section(&file, &s).ok());
        assert_eq!(meta.map(|m| m.title).as_deref(), Some("2024"));
    }

    #[test]
    fn country_code_is_validated_and_uppercased() {
        let fm = parse(
            "---\ntitle: Malaysia\ncountry_code: my\n---\n",
            ContentType::Country,
        )
        .ok();
        let code = fm.and_then(|fm| match fm.fields {
            TypeFields::Country(c) => Some(c.country_code),
            _ => None,
        });
        assert_eq!(code.as_deref(), Some("MY"));
        assert!(
            parse(
                "---\ntitle: X\ncountry_code: ZZ\n---\n",
                ContentType::Country
            )
            .is_err()
        );
    }

    fn warnings(text: &str, ct: ContentType) -> Vec<(usize, usize, String)> {
        let file = SourceFile::new("content/x.md", text.to_string());
        let Ok(split) = split(&file) else {
            return Vec::new();
        };
        let found = match parse_page(&file, &split, ct) {
            Ok((_, w)) => w,
            Err(ds) => ds.into_iter().filter(|d| !d.is_error()).collect(),
        };
        found
            .into_iter()
            .map(|d| {
                let p = d
                    .position
                    .clone()
                    .unwrap_or_else(|| file.position_at_line(1, 1, 1));
                (
                    p.line,
                    p.column,
                    d.hint.map(|h| h.to_string()).unwrap_or_default(),
                )
            })
            .collect()
    }

    /// Regression: `title: Siaran Pers #12 Kunjungan` became "Siaran Pers" without a word.
    #[test]
    fn text_cut_at_a_hash_is_a_warning_with_the_quoted_line() {
        let w = warnings(
            "---\ntitle: Siaran Pers #12 Kunjungan\ndate: 2024-11-22\n---\n",
            ContentType::PressRelease,
        );
        assert_eq!(
            w,
            [(
                2,
                20,
                "to keep the whole text, write the line as `title: \"Siaran Pers #12 Kunjungan\"`"
                    .to_string()
            )]
        );
        let w = warnings(
            "---\ntitle: A\nupdated: 2024-11-22\nrequirements:\n  - KTP\n  - Formulir #3\n\
             faq:\n  - q: Nomor #1?\n    a: Ya\n---\n",
            ContentType::Guide,
        );
        let at: Vec<(usize, usize)> = w.iter().map(|(l, c, _)| (*l, *c)).collect();
        assert_eq!(at, [(6, 14), (8, 14)], "{w:?}");
        assert!(w[0].2.ends_with("`  - \"Formulir #3\"`"), "{w:?}");
    }

    #[test]
    fn genuine_comments_are_no_warning() {
        let w = warnings(
            "---\ntitle: \"Siaran Pers #12\"\ndescription: Nomor#12 tanpa spasi\n\
             date: 2024-11-22 # tanggal terbit\ndraft: true # belum selesai\n\
             # place: Serang, Banten\nsource: # nanti\ncountries: [MY] # Malaysia\n\
             tags:\n  # - banten\n  - banten\n---\n",
            ContentType::PressRelease,
        );
        assert_eq!(w, [], "{w:?}");
        let w = warnings(
            "---\ntitle: A\ndescription: |\n  Baris pertama\n  title: nomor #2 tetap teks\n---\n",
            ContentType::Page,
        );
        assert_eq!(w, [], "a block of text keeps its `#`: {w:?}");
    }

    /// A field written with a wrong value is reported once: not also as missing.
    #[test]
    fn a_refused_required_field_is_not_also_missing() {
        let err = parse(
            "---\ntitle: [A]\ndate: 2024-11-22\nimage: a.jpg\nimage_alt: 7\n---\n",
            ContentType::PressRelease,
        )
        .err()
        .unwrap_or_default();
        let messages: Vec<&str> = err.iter().map(|d| d.message.as_str()).collect();
        assert_eq!(err.len(), 2, "{messages:?}");
        assert!(
            messages.iter().all(|m| !m.contains("missing")),
            "{messages:?}"
        );
    }
}
