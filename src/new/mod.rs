//! `warta new`: scaffold a content file with its type's required fields filled in, or the
//! translation of an existing page beside it (so that the two are linked), and never
//! overwrite anything. Every file it writes is a draft.
//!
//! `text` holds what the files say, `original` finds the page a translation is made from.

mod original;
mod text;

use std::path::{Path, PathBuf};

use crate::config::Config;
use crate::content::{ContentGraph, Page, slug};
use crate::content::{frontmatter, kinds::ContentType};
use crate::dates::Date;
use crate::diag::Code;
use crate::diag::Diagnostic;
use crate::i18n::Message;
use crate::msg;
use crate::source::SourceFile;

/// The kinds of content `warta new` makes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Kind {
    PressRelease,
    Guide,
    Country,
    Page,
}

impl Kind {
    fn content_type(self) -> ContentType {
        match self {
            Kind::PressRelease => ContentType::PressRelease,
            Kind::Guide => ContentType::Guide,
            Kind::Country => ContentType::Country,
            Kind::Page => ContentType::Page,
        }
    }

    /// The kind of the pages of a section of this content type.
    pub fn of(content_type: ContentType) -> Self {
        match content_type {
            ContentType::PressRelease => Kind::PressRelease,
            ContentType::Guide => Kind::Guide,
            ContentType::Country => Kind::Country,
            ContentType::Page => Kind::Page,
        }
    }

    /// As typed on the command line: `press-release`.
    pub fn word(self) -> &'static str {
        match self {
            Kind::PressRelease => "press-release",
            Kind::Guide => "guide",
            Kind::Country => "country",
            Kind::Page => "page",
        }
    }

    /// In a sentence: "a press release".
    fn noun(self) -> Message {
        msg!("new-kind", kind = self.word())
    }

    /// In a sentence, more than one: "2 press releases".
    fn nouns(self) -> Message {
        msg!("new-kinds", kind = self.word())
    }
}

/// The `warta new` command that creates the `lang` translation of the page of type
/// `content_type` in `path` (`content/berita/x.en.md`): named by its `title` when that names
/// it alone and a shell takes it as it is between double quotes, else by its file.
fn translate_command(
    content_type: ContentType,
    title: Option<&str>,
    path: &str,
    lang: &str,
) -> String {
    let word = Kind::of(content_type).word();
    let arg = title
        .and_then(shell_arg)
        .or_else(|| shell_arg(path))
        .unwrap_or_else(|| format!("'{}'", path.replace('\'', "'\\''")));
    format!("warta new {word} {arg} --lang {lang}")
}

/// The `warta new` command that creates the `lang` translation of `page`, for `check`: by
/// its title unless another page of its kind has that title too.
pub fn command_for(graph: &ContentGraph, page: &Page, lang: &str) -> String {
    let title = page.fm.title.trim().to_lowercase();
    let shared = graph.pages.iter().any(|p| {
        p.key != page.key
            && p.content_type == page.content_type
            && p.fm.title.trim().to_lowercase() == title
    });
    let by_title = (!shared).then_some(page.fm.title.as_str());
    translate_command(page.content_type, by_title, page.file(), lang)
}

/// `text` between double quotes, when every shell reads it back as it is: no quotes,
/// backslashes, `$`, backticks or a `!` that bash would expand.
fn shell_arg(text: &str) -> Option<String> {
    let chars: Vec<char> = text.chars().collect();
    let unsafe_char = |i: usize, c: char| {
        matches!(c, '"' | '\\' | '$' | '`')
            || c.is_control()
            || (c == '!' && chars.get(i + 1).is_some_and(|n| !n.is_whitespace()))
    };
    let plain =
        !text.trim().is_empty() && !chars.iter().enumerate().any(|(i, &c)| unsafe_char(i, c));
    plain.then(|| format!("\"{text}\""))
}

/// A language's name in a sentence: "Indonesian", "bahasa Inggris".
fn language_name(lang: &str) -> Message {
    msg!("new-language", lang)
}

/// What to create.
#[derive(Debug, Clone)]
pub struct NewOptions {
    pub root: PathBuf,
    pub kind: Kind,
    /// The title; for a translation, the source page's title, slug or path.
    pub title: String,
    pub lang: Option<String>,
    /// The day the scaffold is dated, read once by the command.
    pub today: Date,
}

/// Creates the file; returns its path relative to the root. Without `--lang`, a new page in
/// the default language; with it, the translation of an existing page, which must exist.
pub fn scaffold(opts: &NewOptions) -> Result<String, Diagnostic> {
    let config = crate::config::load(&opts.root, None).map_err(|ds| {
        ds.sorted().into_iter().next().unwrap_or_else(|| {
            Diagnostic::error(Code::Config, "site.yaml", msg!("new-settings-unreadable"))
        })
    })?;
    match &opts.lang {
        Some(lang) => {
            if !config.languages.contains(lang) {
                let languages = config.languages.join(", ");
                return Err(Diagnostic::error(
                    Code::Usage,
                    "site.yaml",
                    msg!("new-not-a-site-language", lang),
                )
                .with_hint(msg!("new-not-a-site-language-hint", languages)));
            }
            translate(opts, &config, lang)
        }
        None => new_page(opts, &config),
    }
}

/// A new page in the default language.
fn new_page(opts: &NewOptions, config: &Config) -> Result<String, Diagnostic> {
    let lang = config.default_language.as_str();
    let content = opts.root.join("content");
    let section = find_section(&content, opts.kind)?;
    let dir = match &section {
        Some(s) => content.join(s),
        None => content.clone(),
    };
    let today = opts.today;
    let slug = slug::slugify(&opts.title);
    if slug.is_empty() {
        let title = format!("{:?}", opts.title);
        return Err(
            Diagnostic::error(Code::Usage, "", msg!("new-title-without-letters", title))
                .with_hint(msg!("new-title-without-letters-hint")),
        );
    }
    let name = match opts.kind {
        Kind::PressRelease => format!("{}-{slug}", today.iso()),
        _ => slug.clone(),
    };
    let target = dir.join(format!("{name}.md"));
    write_new_file(
        &opts.root,
        &target,
        &text::scaffold(opts.kind, &opts.title, lang, today),
    )
}

/// The translation into `lang` of the page `opts.title` names, beside it, so that the two are
/// linked.
fn translate(opts: &NewOptions, config: &Config, lang: &str) -> Result<String, Diagnostic> {
    let default = config.default_language.as_str();
    let originals = original::scan(&opts.root, config);
    let found = original::find(&opts.root, &originals, opts.kind, &opts.title, lang, config)?;
    let target_display = found.path_in(lang, default);
    let target = opts.root.join(&target_display);
    let Some(source) = found.source(lang, default) else {
        return Err(exists(target_display));
    };
    let path = opts.root.join(&source.display);
    let text = std::fs::read_to_string(&path).map_err(|e| io_error(&path, &e))?;
    let file = SourceFile::new(source.display.clone(), text);
    // The original must be sound: the translation copies its fields.
    let split = frontmatter::split(&file)?;
    let (fm, _) =
        frontmatter::parse_page(&file, &split, found.content_type, opts.today).map_err(|ds| {
            let shown = file.display.clone();
            ds.sorted().into_iter().next().unwrap_or_else(|| {
                Diagnostic::error(Code::Frontmatter, shown, msg!("new-original-unreadable"))
            })
        })?;
    write_new_file(
        &opts.root,
        &target,
        &text::translation(&file, &split, &fm, lang),
    )
}

/// The section folder whose `_index.md` has the kind's type (`None` for pages at the root).
fn find_section(content: &Path, kind: Kind) -> Result<Option<String>, Diagnostic> {
    if kind == Kind::Page {
        return Ok(None);
    }
    let wanted = kind.content_type();
    let mut folders: Vec<PathBuf> = std::fs::read_dir(content)
        .map_err(|e| io_error(content, &e))?
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.is_dir())
        .collect();
    folders.sort();
    for folder in folders {
        let index = folder.join("_index.md");
        let Ok(text) = std::fs::read_to_string(&index) else {
            continue;
        };
        let file = SourceFile::new(index.display().to_string(), text);
        let Ok(split) = frontmatter::split(&file) else {
            continue;
        };
        if let Ok(meta) = frontmatter::parse_section(&file, &split)
            && meta.content_type == Some(wanted)
        {
            return Ok(folder.file_name().map(|n| n.to_string_lossy().into_owned()));
        }
    }
    let content_type = wanted.name();
    Err(Diagnostic::error(
        Code::Section,
        "content/",
        msg!("new-no-section", content_type),
    )
    .with_hint(msg!("new-no-section-hint", content_type)))
}

fn write_new_file(root: &Path, target: &Path, text: &str) -> Result<String, Diagnostic> {
    let shown = display(root, target);
    let mut file = match std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(target)
    {
        Ok(f) => f,
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => return Err(exists(shown)),
        Err(e) => return Err(io_error(target, &e)),
    };
    std::io::Write::write_all(&mut file, text.as_bytes()).map_err(|e| io_error(target, &e))?;
    Ok(shown)
}

fn exists(shown: String) -> Diagnostic {
    Diagnostic::error(Code::Exists, shown, msg!("new-exists")).with_hint(msg!("new-exists-hint"))
}

fn display(root: &Path, path: &Path) -> String {
    crate::source::display_path(root, path)
}

fn io_error(path: &Path, err: &std::io::Error) -> Diagnostic {
    Diagnostic::error(
        Code::Io,
        path.display().to_string(),
        msg!("new-io-error", why = err.to_string()),
    )
    .with_hint(msg!("new-io-error-hint"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_translate_command_names_the_page_as_a_shell_reads_it() {
        let command = |title| {
            translate_command(
                ContentType::PressRelease,
                Some(title),
                "content/berita/x.en.md",
                "id",
            )
        };
        assert_eq!(
            command("Waspada lowongan palsu!"),
            "warta new press-release \"Waspada lowongan palsu!\" --lang id"
        );
        assert_eq!(
            command("Biaya $0 untuk \"PMI\""),
            "warta new press-release \"content/berita/x.en.md\" --lang id"
        );
        assert_eq!(
            translate_command(ContentType::Page, None, "content/it's $x.md", "en"),
            "warta new page 'content/it'\\''s $x.md' --lang en"
        );
    }
}
