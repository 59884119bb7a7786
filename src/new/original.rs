//! The page a translation is made from: found among the pages of the asked kind by its file
//! (path), its slug or its title. When none matches, the usage error names the closest pages,
//! or the kind the page really is, with the command that works. Never guesses: a translation
//! that is not linked to its original is worse than none.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use crate::config::Config;
use crate::content::slug;
use crate::diag::Diagnostic;
use crate::frontmatter::{self, ContentType};

use super::{Kind, language_name, shell_arg, translate_command};

/// One language version of a page.
#[derive(Debug, Clone)]
pub struct Version {
    pub lang: String,
    /// `content/berita/x.en.md`.
    pub display: String,
    title: Option<String>,
    slug: Option<String>,
}

/// A page in every language it exists in: the files that share `<section>/<name>`.
#[derive(Debug, Clone)]
pub struct Original {
    /// The section folder, `None` at the root of `content/`.
    pub folder: Option<String>,
    /// The file name without language suffix and `.md`.
    pub name: String,
    pub content_type: ContentType,
    /// In the site's language order.
    pub versions: Vec<Version>,
}

impl Original {
    /// The version a translation into `target` is made from: the default language's, else
    /// the first other one.
    pub fn source(&self, target: &str, default: &str) -> Option<&Version> {
        let others = || self.versions.iter().filter(|v| v.lang != target);
        others()
            .find(|v| v.lang == default)
            .or_else(|| others().next())
    }

    /// The file of the version in `lang` (which may not exist yet).
    pub fn path_in(&self, lang: &str, default: &str) -> String {
        let suffix = if lang == default {
            String::new()
        } else {
            format!(".{lang}")
        };
        match &self.folder {
            Some(folder) => format!("content/{folder}/{}{suffix}.md", self.name),
            None => format!("content/{}{suffix}.md", self.name),
        }
    }

    fn has(&self, lang: &str) -> bool {
        self.versions.iter().any(|v| v.lang == lang)
    }

    fn kind(&self) -> Kind {
        Kind::of(self.content_type)
    }

    /// The title to name it by (the source version's), else its file name.
    fn title(&self, target: &str, default: &str) -> String {
        self.source(target, default)
            .into_iter()
            .chain(&self.versions)
            .find_map(|v| v.title.clone())
            .unwrap_or_else(|| self.name.clone())
    }

    /// The command that translates it into `target`.
    fn command(&self, target: &str, default: &str) -> String {
        let path = self
            .source(target, default)
            .map_or_else(|| self.path_in(default, default), |v| v.display.clone());
        translate_command(
            self.content_type,
            &self.title(target, default),
            &path,
            target,
        )
    }
}

/// Every page of the site, grouped into translations, with the content type of its section.
pub fn scan(root: &Path, config: &Config) -> Vec<Original> {
    let (tree, _) = crate::source::read_content(root, &config.languages, &config.default_language);
    let mut types: BTreeMap<String, BTreeMap<String, Option<ContentType>>> = BTreeMap::new();
    let mut originals: BTreeMap<(Option<String>, String), Vec<Version>> = BTreeMap::new();
    for doc in tree.documents {
        let split = frontmatter::split(&doc.file).ok();
        if doc.path.is_index() {
            if let (Some(section), Some(split)) = (&doc.path.section, split) {
                let content_type = frontmatter::parse_section(&doc.file, &split)
                    .ok()
                    .and_then(|m| m.content_type);
                types
                    .entry(section.clone())
                    .or_default()
                    .insert(doc.path.lang.clone(), content_type);
            }
            continue;
        }
        let names = split.map(|s| names(s.yaml)).unwrap_or_default();
        originals
            .entry((doc.path.section.clone(), doc.path.name.clone()))
            .or_default()
            .push(Version {
                lang: doc.path.lang,
                display: doc.file.display,
                title: names.0,
                slug: names.1,
            });
    }
    let rank = |lang: &str| config.languages.iter().position(|l| l == lang);
    originals
        .into_iter()
        .map(|((folder, name), mut versions)| {
            versions.sort_by_key(|v| rank(&v.lang));
            // As the content graph decides: the default language's index, else any.
            let content_type = folder
                .as_ref()
                .and_then(|f| types.get(f))
                .and_then(|by_lang| {
                    by_lang
                        .get(&config.default_language)
                        .copied()
                        .flatten()
                        .or_else(|| by_lang.values().find_map(|t| *t))
                })
                .unwrap_or_default();
            Original {
                folder,
                name,
                content_type,
                versions,
            }
        })
        .collect()
}

/// The `title` and `slug` of a page, read leniently: a page with errors can still be named.
fn names(yaml: &str) -> (Option<String>, Option<String>) {
    #[derive(serde::Deserialize, Default)]
    struct Names {
        title: Option<serde_yaml::Value>,
        slug: Option<serde_yaml::Value>,
    }
    let scalar = |v: Option<serde_yaml::Value>| match v? {
        serde_yaml::Value::String(s) => Some(s),
        serde_yaml::Value::Number(n) => Some(n.to_string()),
        serde_yaml::Value::Bool(b) => Some(b.to_string()),
        _ => None,
    };
    let parsed: Names = serde_yaml::from_str(yaml).unwrap_or_default();
    (scalar(parsed.title), scalar(parsed.slug))
}

/// What the editor typed after the kind: a file, or a slug or title.
struct Wanted {
    raw: String,
    /// For a file: the path as typed, with `/` separators and without a leading `./`.
    path: Option<String>,
    /// For a file that exists: where it really is.
    real_path: Option<PathBuf>,
    slug: String,
    lower: String,
}

impl Wanted {
    fn new(raw: &str) -> Self {
        let trimmed = raw.trim();
        let path = trimmed.ends_with(".md").then(|| {
            let p = trimmed.replace('\\', "/");
            p.strip_prefix("./").unwrap_or(&p).to_string()
        });
        let real_path = path
            .as_ref()
            .and_then(|_| std::fs::canonicalize(trimmed).ok());
        Wanted {
            raw: raw.to_string(),
            path,
            real_path,
            slug: slug::slugify(trimmed),
            lower: trimmed.to_lowercase(),
        }
    }

    fn matches(&self, root: &Path, original: &Original) -> bool {
        match &self.path {
            Some(path) => original
                .versions
                .iter()
                .any(|v| self.is_file(root, path, &v.display)),
            None => {
                let by_slug = !self.slug.is_empty()
                    && (slug::from_file_name(&original.name) == self.slug
                        || original.name == self.slug
                        || original
                            .versions
                            .iter()
                            .any(|v| v.slug.as_deref() == Some(self.slug.as_str())));
                by_slug
                    || original.versions.iter().any(|v| {
                        v.title.as_deref().is_some_and(|t| {
                            t.trim().to_lowercase() == self.lower
                                || (!self.slug.is_empty() && slug::slugify(t) == self.slug)
                        })
                    })
            }
        }
    }

    /// Whether the typed `path` names the file shown as `display` (`content/berita/x.md`):
    /// as it is, from inside `content/`, by its name alone, or as the same file on disk.
    fn is_file(&self, root: &Path, path: &str, display: &str) -> bool {
        let file_name = display.rsplit('/').next().unwrap_or(display);
        if path == display
            || display.strip_prefix("content/") == Some(path)
            || (!path.contains('/') && path == file_name)
        {
            return true;
        }
        let same_name = path.rsplit('/').next() == Some(file_name);
        same_name
            && self.real_path.as_ref().is_some_and(|real| {
                std::fs::canonicalize(root.join(display)).is_ok_and(|p| &p == real)
            })
    }

    /// How close `original` is, from 0 to 1, by title and by file name.
    fn closeness(&self, original: &Original) -> f64 {
        let by_name = strsim::jaro_winkler(&self.slug, &slug::from_file_name(&original.name));
        original
            .versions
            .iter()
            .filter_map(|v| v.title.as_deref())
            .map(|t| strsim::jaro_winkler(&self.lower, &t.to_lowercase()))
            .fold(by_name, f64::max)
    }
}

/// The page of kind `kind` that `wanted` (a path, slug or title) names, to translate into
/// `target`; otherwise a usage error that says what to type instead.
pub fn find<'a>(
    root: &Path,
    originals: &'a [Original],
    kind: Kind,
    wanted: &str,
    target: &str,
    config: &Config,
) -> Result<&'a Original, Diagnostic> {
    let default = config.default_language.as_str();
    let w = Wanted::new(wanted);
    let matching: Vec<&Original> = originals.iter().filter(|o| w.matches(root, o)).collect();
    let of_kind: Vec<&Original> = matching
        .iter()
        .copied()
        .filter(|o| o.kind() == kind)
        .collect();
    // A title two pages share: the one still without this translation is meant.
    let untranslated: Vec<&Original> = of_kind.iter().copied().filter(|o| !o.has(target)).collect();
    let candidates = if untranslated.is_empty() {
        of_kind
    } else {
        untranslated
    };
    match candidates.as_slice() {
        [one] => return Ok(one),
        [first, ..] => return Err(ambiguous(&candidates, first, kind, &w, target, default)),
        [] => {}
    }
    if let Some(other) = matching.first() {
        return Err(wrong_kind(other, kind, &w, target, default));
    }
    Err(not_found(originals, kind, &w, target, config))
}

fn ambiguous(
    candidates: &[&Original],
    first: &Original,
    kind: Kind,
    wanted: &Wanted,
    target: &str,
    default: &str,
) -> Diagnostic {
    let count = candidates.len();
    let noun = kind.noun();
    let raw = &wanted.raw;
    let files = candidates
        .iter()
        .filter_map(|o| o.source(target, default))
        .map(|v| v.display.as_str())
        .collect::<Vec<_>>()
        .join(", ");
    let word = kind.word();
    let path = first
        .source(target, default)
        .map_or_else(|| first.path_in(default, default), |v| v.display.clone());
    let arg = shell_arg(&path).unwrap_or(path);
    Diagnostic::error(
        "usage",
        "",
        format!("{count} {noun}s match {raw:?}: {files}"),
    )
    .with_hint(format!(
        "name the one you mean by its file, e.g. `warta new {word} {arg} --lang {target}`"
    ))
}

fn wrong_kind(
    other: &Original,
    kind: Kind,
    wanted: &Wanted,
    target: &str,
    default: &str,
) -> Diagnostic {
    let raw = &wanted.raw;
    let actual = other.kind().noun();
    let asked = kind.noun();
    let path = other
        .source(target, default)
        .map_or_else(|| other.path_in(default, default), |v| v.display.clone());
    if other.has(target) {
        let translation = other.path_in(target, default);
        let language = language_name(target);
        return Diagnostic::error(
            "usage",
            "",
            format!("{raw:?} is a {actual} ({path}), not a {asked}, and its {language} version {translation} already exists"),
        )
        .with_hint(format!("edit {translation}"));
    }
    let command = other.command(target, default);
    Diagnostic::error(
        "usage",
        "",
        format!("{raw:?} is a {actual} ({path}), not a {asked}"),
    )
    .with_hint(format!("to translate it, run `{command}`"))
}

fn not_found(
    originals: &[Original],
    kind: Kind,
    wanted: &Wanted,
    target: &str,
    config: &Config,
) -> Diagnostic {
    let default = config.default_language.as_str();
    let raw = &wanted.raw;
    let noun = kind.noun();
    let word = kind.word();
    let language = language_name(target);
    let default_language = language_name(default);
    let new_arg = shell_arg(raw.trim()).unwrap_or_else(|| format!("{:?}", raw.trim()));
    let mut close: Vec<(f64, &Original)> = originals
        .iter()
        .filter(|o| o.kind() == kind && !o.has(target) && o.source(target, default).is_some())
        .map(|o| (wanted.closeness(o), o))
        .collect();
    close.sort_by(|a, b| b.0.total_cmp(&a.0));
    close.truncate(3);
    let Some((_, best)) = close.first() else {
        return Diagnostic::error(
            "usage",
            "",
            format!("no {noun} is waiting for its {language} version, so {raw:?} cannot be translated into {language}"),
        )
        .with_hint(format!(
            "to write a new {noun}, leave out `--lang` (a new page starts in {default_language}): `warta new {word} {new_arg}`"
        ));
    };
    let command = best.command(target, default);
    let closest = close
        .iter()
        .map(|(_, o)| {
            let title = o.title(target, default);
            let file = o.source(target, default).map_or("", |v| v.display.as_str());
            format!("{title:?} ({file})")
        })
        .collect::<Vec<_>>()
        .join(", ");
    Diagnostic::error(
        "usage",
        "",
        format!("no {noun} has the title, file name or slug {raw:?}, so there is nothing to translate into {language}; did you mean {closest}?"),
    )
    .with_hint(format!(
        "to translate the first of these, run `{command}`; to write a new {noun}, leave out `--lang` (a new page starts in {default_language})"
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn original(folder: &str, name: &str, langs: &[(&str, &str)]) -> Original {
        Original {
            folder: Some(folder.into()),
            name: name.into(),
            content_type: if folder == "berita" {
                ContentType::PressRelease
            } else {
                ContentType::Guide
            },
            versions: langs
                .iter()
                .map(|(lang, title)| Version {
                    lang: (*lang).into(),
                    display: if *lang == "id" {
                        format!("content/{folder}/{name}.md")
                    } else {
                        format!("content/{folder}/{name}.{lang}.md")
                    },
                    title: Some((*title).into()),
                    slug: None,
                })
                .collect(),
        }
    }

    #[test]
    fn matches_by_title_slug_or_file() {
        let o = original(
            "berita",
            "2024-11-22-sosialisasi-banten",
            &[("id", "Sosialisasi di Banten")],
        );
        let root = Path::new("/nonexistent");
        for wanted in [
            "Sosialisasi di Banten",
            "sosialisasi di banten",
            "sosialisasi-banten",
            "2024-11-22-sosialisasi-banten",
            "content/berita/2024-11-22-sosialisasi-banten.md",
            "berita/2024-11-22-sosialisasi-banten.md",
            "2024-11-22-sosialisasi-banten.md",
        ] {
            assert!(Wanted::new(wanted).matches(root, &o), "{wanted}");
        }
        for wanted in [
            "Sosialisasi",
            "content/panduan/2024-11-22-sosialisasi-banten.md",
        ] {
            assert!(!Wanted::new(wanted).matches(root, &o), "{wanted}");
        }
    }

    #[test]
    fn the_translation_of_an_english_page_is_its_indonesian_file() {
        let o = original("berita", "2025-02-10-bebas", &[("en", "Exempt")]);
        assert_eq!(
            o.source("id", "id").map(|v| v.display.as_str()),
            Some("content/berita/2025-02-10-bebas.en.md")
        );
        assert_eq!(o.path_in("id", "id"), "content/berita/2025-02-10-bebas.md");
    }
}
