//! The page a translation is made from: found among the pages of the asked kind by its file
//! (path), its slug or its title. When none matches, the usage error names the closest pages,
//! or the kind the page really is, with the command that works. Never guesses: a translation
//! that is not linked to its original is worse than none.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use crate::config::Config;
use crate::content::slug;
use crate::content::{frontmatter, kinds::ContentType};
use crate::diag::Code;
use crate::diag::Diagnostic;
use crate::msg;

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

/// What the editor typed after the kind: a file, or a title or slug.
struct Wanted {
    raw: String,
    /// For a file: the path as typed, with `/` separators and without a leading `./`.
    path: Option<String>,
    /// For a file that exists: where it really is.
    real_path: Option<PathBuf>,
    slug: String,
    lower: String,
}

/// How a page matches what the editor typed; a better kind of match hides the worse ones, so
/// that a title is never taken for another page's slug.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Match {
    None,
    /// Its file name, front-matter `slug` or title as a slug.
    Slug,
    /// Its title, letter case aside.
    Title,
    File,
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

    fn matches(&self, root: &Path, original: &Original) -> Match {
        if let Some(path) = &self.path {
            let found = original
                .versions
                .iter()
                .any(|v| self.is_file(root, path, &v.display));
            return if found { Match::File } else { Match::None };
        }
        let titles = || original.versions.iter().filter_map(|v| v.title.as_deref());
        if titles().any(|t| t.trim().to_lowercase() == self.lower) {
            return Match::Title;
        }
        let by_slug = !self.slug.is_empty()
            && (slug::from_file_name(&original.name) == self.slug
                || original.name == self.slug
                || original
                    .versions
                    .iter()
                    .any(|v| v.slug.as_deref() == Some(self.slug.as_str()))
                || titles().any(|t| slug::slugify(t) == self.slug));
        if by_slug { Match::Slug } else { Match::None }
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
    let finder = Finder {
        root,
        originals,
        target,
        default: &config.default_language,
    };
    let w = Wanted::new(wanted);
    let (candidates, named) = finder.resolve(kind, &w);
    match candidates.as_slice() {
        [one] => Ok(one),
        [first, ..] => Err(finder.ambiguous(&candidates, first, kind, &w)),
        [] => match named.first() {
            Some(other) => Err(finder.wrong_kind(other, kind, &w)),
            None => Err(finder.not_found(kind, &w)),
        },
    }
}

/// The pages of a site, looked up for a translation into `target`.
struct Finder<'s, 'a> {
    root: &'s Path,
    originals: &'a [Original],
    target: &'s str,
    default: &'s str,
}

impl<'a> Finder<'_, 'a> {
    /// The pages of `kind` that `wanted` names by the best kind of match (of those, the ones
    /// still without the translation, when there are some: a title two pages share means the
    /// one not yet translated); and the pages of any kind it names by its best match.
    fn resolve(&self, kind: Kind, wanted: &Wanted) -> (Vec<&'a Original>, Vec<&'a Original>) {
        let scored: Vec<(Match, &'a Original)> = self
            .originals
            .iter()
            .map(|o| (wanted.matches(self.root, o), o))
            .filter(|(m, _)| *m != Match::None)
            .collect();
        let best = |of_kind: bool| {
            let keep = |o: &Original| !of_kind || o.kind() == kind;
            let top = scored
                .iter()
                .filter(|(_, o)| keep(o))
                .map(|(m, _)| *m)
                .max();
            scored
                .iter()
                .filter(|(m, o)| keep(o) && Some(*m) == top)
                .map(|(_, o)| *o)
                .collect::<Vec<_>>()
        };
        let of_kind = best(true);
        let untranslated: Vec<&'a Original> = of_kind
            .iter()
            .copied()
            .filter(|o| !o.has(self.target))
            .collect();
        let candidates = if untranslated.is_empty() {
            of_kind
        } else {
            untranslated
        };
        (candidates, best(false))
    }

    /// The file a translation of `original` is made from (or, translated already, its file).
    fn source_file(&self, original: &Original) -> String {
        original.source(self.target, self.default).map_or_else(
            || original.path_in(self.default, self.default),
            |v| v.display.clone(),
        )
    }

    /// The command that translates `original`: by its title when the title names it alone.
    fn command(&self, original: &Original) -> String {
        let title = original.title(self.target, self.default);
        let (candidates, _) = self.resolve(original.kind(), &Wanted::new(&title));
        let by_title = matches!(candidates.as_slice(), [one] if std::ptr::eq(*one, original));
        translate_command(
            original.content_type,
            by_title.then_some(title.as_str()),
            &self.source_file(original),
            self.target,
        )
    }

    fn ambiguous(
        &self,
        candidates: &[&Original],
        first: &Original,
        kind: Kind,
        wanted: &Wanted,
    ) -> Diagnostic {
        let count = candidates.len();
        let quoted = format!("{:?}", wanted.raw);
        let files = candidates
            .iter()
            .map(|o| self.source_file(o))
            .collect::<Vec<_>>()
            .join(", ");
        let command = translate_command(
            first.content_type,
            None,
            &self.source_file(first),
            self.target,
        );
        Diagnostic::error(
            Code::Usage,
            "",
            msg!("new-ambiguous", count, wanted = quoted, files).arg_message("kinds", kind.nouns()),
        )
        .with_hint(msg!("new-ambiguous-hint", command))
    }

    fn wrong_kind(&self, other: &Original, kind: Kind, wanted: &Wanted) -> Diagnostic {
        let quoted = format!("{:?}", wanted.raw);
        let path = self.source_file(other);
        if other.has(self.target) {
            let translation = other.path_in(self.target, self.default);
            let message = msg!(
                "new-wrong-kind-translated",
                wanted = quoted,
                path,
                translation = &translation
            )
            .arg_message("actual", other.kind().noun())
            .arg_message("asked", kind.noun())
            .arg_message("language", language_name(self.target));
            return Diagnostic::error(Code::Usage, "", message)
                .with_hint(msg!("new-wrong-kind-translated-hint", translation));
        }
        let command = self.command(other);
        let message = msg!("new-wrong-kind", wanted = quoted, path)
            .arg_message("actual", other.kind().noun())
            .arg_message("asked", kind.noun());
        Diagnostic::error(Code::Usage, "", message).with_hint(msg!("new-wrong-kind-hint", command))
    }

    fn not_found(&self, kind: Kind, wanted: &Wanted) -> Diagnostic {
        let raw = &wanted.raw;
        let quoted = format!("{raw:?}");
        let word = kind.word();
        let new_arg = shell_arg(raw.trim()).unwrap_or_else(|| format!("{:?}", raw.trim()));
        let mut close: Vec<(f64, &Original)> = self
            .originals
            .iter()
            .filter(|o| {
                o.kind() == kind
                    && !o.has(self.target)
                    && o.source(self.target, self.default).is_some()
            })
            .map(|o| (wanted.closeness(o), o))
            .collect();
        close.sort_by(|a, b| b.0.total_cmp(&a.0));
        close.truncate(3);
        let Some((_, best)) = close.first() else {
            let message = msg!("new-nothing-to-translate", wanted = quoted)
                .arg_message("kind", kind.noun())
                .arg_message("language", language_name(self.target));
            let command = format!("warta new {word} {new_arg}");
            let hint = msg!("new-nothing-to-translate-hint", command)
                .arg_message("kind", kind.noun())
                .arg_message("default_language", language_name(self.default));
            return Diagnostic::error(Code::Usage, "", message).with_hint(hint);
        };
        let command = self.command(best);
        let closest = close
            .iter()
            .map(|(_, o)| {
                let title = o.title(self.target, self.default);
                let file = self.source_file(o);
                format!("{title:?} ({file})")
            })
            .collect::<Vec<_>>()
            .join(", ");
        let message = msg!("new-not-found", wanted = quoted, closest)
            .arg_message("kind", kind.noun())
            .arg_message("language", language_name(self.target));
        let hint = msg!("new-not-found-hint", command)
            .arg_message("kind", kind.noun())
            .arg_message("default_language", language_name(self.default));
        Diagnostic::error(Code::Usage, "", message).with_hint(hint)
    }
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
            assert_ne!(
                Wanted::new(wanted).matches(root, &o),
                Match::None,
                "{wanted}"
            );
        }
        for wanted in [
            "Sosialisasi",
            "content/panduan/2024-11-22-sosialisasi-banten.md",
        ] {
            assert_eq!(
                Wanted::new(wanted).matches(root, &o),
                Match::None,
                "{wanted}"
            );
        }
    }

    fn finder(originals: &[Original]) -> Finder<'_, '_> {
        Finder {
            root: Path::new("/nonexistent"),
            originals,
            target: "en",
            default: "id",
        }
    }

    #[test]
    fn a_title_is_not_taken_for_another_pages_slug() {
        let originals = [
            original("berita", "2024-01-01-tentang", &[("id", "Kunjungan")]),
            original("berita", "2024-02-02-kunjungan", &[("id", "Tentang")]),
        ];
        let (found, _) = finder(&originals).resolve(Kind::PressRelease, &Wanted::new("Tentang"));
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].name, "2024-02-02-kunjungan");
    }

    #[test]
    fn a_shared_title_means_the_page_still_untranslated_else_the_file_is_asked_for() {
        let mut originals = vec![
            original("berita", "2024-01-01-a", &[("id", "Sama"), ("en", "Same")]),
            original("berita", "2024-02-02-b", &[("id", "Sama")]),
        ];
        let f = finder(&originals);
        let (found, _) = f.resolve(Kind::PressRelease, &Wanted::new("Sama"));
        assert_eq!(found.len(), 1);
        assert_eq!(
            f.command(found[0]),
            "warta new press-release \"Sama\" --lang en"
        );

        originals[0].versions.pop();
        let f = finder(&originals);
        let (found, _) = f.resolve(Kind::PressRelease, &Wanted::new("Sama"));
        assert_eq!(found.len(), 2);
        assert_eq!(
            f.command(found[1]),
            "warta new press-release \"content/berita/2024-02-02-b.md\" --lang en"
        );
        let d = f.ambiguous(&found, found[0], Kind::PressRelease, &Wanted::new("Sama"));
        assert_eq!(
            d.message,
            "2 press releases match \"Sama\": content/berita/2024-01-01-a.md, content/berita/2024-02-02-b.md"
        );
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
