//! `warta new`: scaffold a content file with its type's required fields filled in, or the
//! translation sibling of an existing page, and never overwrite anything.

use std::path::{Path, PathBuf};

use crate::content::slug;
use crate::dates::Date;
use crate::diag::Diagnostic;
use crate::frontmatter::{self, ContentType};
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
}

/// What to create.
#[derive(Debug, Clone)]
pub struct NewOptions {
    pub root: PathBuf,
    pub kind: Kind,
    /// The title; for a translation, the source page's title, slug or path.
    pub title: String,
    pub lang: Option<String>,
}

/// Creates the file; returns its path relative to the root.
pub fn run(opts: &NewOptions) -> Result<String, Diagnostic> {
    let config = crate::config::load(&opts.root, None).map_err(|ds| {
        ds.sorted()
            .into_iter()
            .next()
            .unwrap_or_else(|| Diagnostic::error("config", "site.yaml", "cannot read site.yaml"))
    })?;
    let lang = opts
        .lang
        .clone()
        .unwrap_or_else(|| config.default_language.clone());
    if !config.languages.contains(&lang) {
        return Err(Diagnostic::error(
            "usage",
            "site.yaml",
            format!("`{lang}` is not one of the site's languages"),
        )
        .with_hint(format!("use one of: {}", config.languages.join(", "))));
    }
    let content = opts.root.join("content");
    let section = find_section(&content, opts.kind)?;
    let dir = match &section {
        Some(s) => content.join(s),
        None => content.clone(),
    };
    let today = Date::today();

    if lang != config.default_language
        && let Some(source) = find_source(&opts.root, &dir, &opts.title)
    {
        let target = sibling_path(&source, &lang);
        let text = std::fs::read_to_string(&source).map_err(|e| io_error(&source, &e))?;
        let file = SourceFile::new(display(&opts.root, &source), text);
        let body = translation_sibling(&file, &lang)?;
        return create(&opts.root, &target, &body);
    }

    let slug = slug::slugify(&opts.title);
    if slug.is_empty() {
        return Err(Diagnostic::error(
            "usage",
            "",
            format!(
                "the title {:?} has no letters or digits to make a file name from",
                opts.title
            ),
        )
        .with_hint(
            "give the title in words, e.g. `warta new press-release \"Sosialisasi di Banten\"`",
        ));
    }
    let name = match opts.kind {
        Kind::PressRelease => format!("{}-{slug}", today.iso()),
        _ => slug.clone(),
    };
    let file_name = if lang == config.default_language {
        format!("{name}.md")
    } else {
        format!("{name}.{lang}.md")
    };
    let target = dir.join(file_name);
    create(
        &opts.root,
        &target,
        &scaffold(opts.kind, &opts.title, &lang, today),
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
    Err(Diagnostic::error(
        "section",
        "content/",
        format!("no section has `type: {}`", wanted.name()),
    )
    .with_hint(format!(
        "create a section folder with an `_index.md` that says `type: {}`",
        wanted.name()
    )))
}

/// The default-language file a translation is for: given by path, slug or title.
fn find_source(root: &Path, dir: &Path, wanted: &str) -> Option<PathBuf> {
    let as_path = root.join(wanted);
    if wanted.ends_with(".md") && as_path.is_file() {
        return Some(as_path);
    }
    let wanted_slug = slug::slugify(wanted);
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .ok()?
        .flatten()
        .map(|e| e.path())
        .collect();
    files.sort();
    files.into_iter().find(|path| {
        let Some(name) = path.file_name().map(|n| n.to_string_lossy().into_owned()) else {
            return false;
        };
        let Some(stem) = name.strip_suffix(".md") else {
            return false;
        };
        if stem.starts_with('_') || stem.contains('.') {
            return false;
        }
        if slug::from_file_name(stem) == wanted_slug {
            return true;
        }
        std::fs::read_to_string(path).ok().is_some_and(|text| {
            text.lines().take(30).any(|l| {
                l.strip_prefix("title:")
                    .is_some_and(|t| t.trim().trim_matches(['"', '\'']) == wanted.trim())
            })
        })
    })
}

fn sibling_path(source: &Path, lang: &str) -> PathBuf {
    let name = source
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let stem = name.trim_end_matches(".md");
    source.with_file_name(format!("{stem}.{lang}.md"))
}

/// Fields copied as they are into a translation: dates, codes, contacts, numbers.
const KEEP: &[&str] = &[
    "date",
    "updated",
    "review_by",
    "countries",
    "country_code",
    "status",
    "schemes",
    "contacts",
    "image",
];

/// The translation of `file`: shared fields copied, text fields and body marked to translate,
/// and `draft: true` so that nothing untranslated is published.
fn translation_sibling(file: &SourceFile, lang: &str) -> Result<String, Diagnostic> {
    let split = frontmatter::split(file)?;
    let mut keep = String::new();
    let mut translate = String::new();
    let mut current_keep = false;
    for line in split.yaml.lines() {
        let top_key = (!line.starts_with([' ', '\t', '-', '#']))
            .then(|| line.split_once(':').map(|(k, _)| k.trim()))
            .flatten();
        if let Some(key) = top_key {
            current_keep = KEEP.contains(&key);
            if key == "slug" || key == "aliases" || key == "draft" {
                // URL-specific or publishing state: the translation gets its own.
                current_keep = false;
                continue;
            }
        }
        if current_keep {
            keep.push_str(line);
            keep.push('\n');
        } else if top_key.is_some() || line.starts_with([' ', '-']) {
            translate.push_str("# ");
            translate.push_str(line);
            translate.push('\n');
        }
    }
    let title = split
        .yaml
        .lines()
        .find_map(|l| l.strip_prefix("title:"))
        .map(|t| t.trim().trim_matches(['"', '\'']).to_string())
        .unwrap_or_default();
    let body = file.text.get(split.body_start..).unwrap_or("");
    Ok(format!(
        "---\n\
         # Translation of {source} into `{lang}`. Translate the title, the commented fields and\n\
         # the text, uncomment the fields, set `slug:`, then delete `draft: true` to publish.\n\
         title: {title_yaml}\n\
         # slug: words-of-the-translated-title\n\
         draft: true\n\
         {keep}\
         # --- to translate ---\n\
         {translate}\
         ---\n\
         <!-- TRANSLATE: the text below is still in the source language. -->\n\
         {body}",
        source = file.display,
        title_yaml = yaml_string(&format!("TRANSLATE: {title}")),
    ))
}

/// A new file's text: required fields filled, the optional ones shown as comments.
fn scaffold(kind: Kind, title: &str, lang: &str, today: Date) -> String {
    let id = lang == "id";
    let t = yaml_string(title);
    let d = today.iso();
    match kind {
        Kind::PressRelease => format!(
            "---\ntitle: {t}\ndate: {d}\n{}---\n\n{}\n",
            if id {
                "# description: Ringkasan satu kalimat, paling banyak 160 karakter.\n# place: Serang, Banten\n# source: Humas KP2MI\n# countries: [MY, TW]\n# tags: [sosialisasi]\n# image: foto.jpg\n# image_alt: Apa yang terlihat di foto\n"
            } else {
                "# description: One sentence, at most 160 characters.\n# place: Serang, Banten\n# source: KP2MI Public Relations\n# countries: [MY, TW]\n# tags: [outreach]\n# image: photo.jpg\n# image_alt: What the photo shows\n"
            },
            if id {
                "Tulis isi siaran pers di sini."
            } else {
                "Write the press release here."
            }
        ),
        Kind::Guide => format!(
            "---\ntitle: {t}\nupdated: {d}\n{}---\n\n{}\n",
            if id {
                "# review_by: 2027-06-01\n# description: Ringkasan satu kalimat, paling banyak 160 karakter.\n# audience: Calon pekerja migran dan keluarganya\n# schemes: [g2g, p2p, perseorangan]\n# requirements: [Berusia paling sedikit 18 tahun]\n# documents: [KTP, Paspor]\n# cost:\n#   - { item: Paspor, payer: Pekerja }\n# duration: 1 hari kerja\n# where: [LTSA atau BP3MI terdekat]\n# legal_basis:\n#   - { title: UU 18/2017, url: \"https://peraturan.go.id/\" }\n"
            } else {
                "# review_by: 2027-06-01\n# description: One sentence, at most 160 characters.\n# audience: Prospective migrant workers and their families\n# schemes: [g2g, p2p, perseorangan]\n# requirements: [At least 18 years old]\n# documents: [ID card, Passport]\n# cost:\n#   - { item: Passport, payer: Worker }\n# duration: 1 working day\n# where: [The nearest LTSA or BP3MI]\n# legal_basis:\n#   - { title: Law 18/2017, url: \"https://peraturan.go.id/\" }\n"
            },
            if id {
                "## Langkah 1\n\nTulis langkah pertama di sini."
            } else {
                "## Step 1\n\nWrite the first step here."
            }
        ),
        Kind::Country => format!(
            "---\ntitle: {t}\ncountry_code: {}\nupdated: {d}\n{}---\n\n{}\n",
            // A name warta knows ("Korea Selatan", "Japan") gives its code; otherwise a
            // placeholder that the build and `check` point at until it is replaced.
            match crate::countries::code_for_name(title) {
                Some(code) => code.to_string(),
                None if id => "XX  # ganti dengan kode ISO dua huruf, mis. MY".to_string(),
                None => "XX  # replace with the two-letter ISO code, e.g. MY".to_string(),
            },
            "# status: open  # open, restricted or closed\n# review_by: 2027-06-01\n# schemes: [p2p]\n# sectors: []\n# special_rules: []\n# contacts:\n#   - name: KBRI …\n#     url: \"https://kemlu.go.id/\"\n",
            if id {
                "Tulis keterangan negara di sini."
            } else {
                "Write about the country here."
            }
        ),
        Kind::Page => format!(
            "---\ntitle: {t}\n# description: {}\n---\n\n{}\n",
            if id {
                "Ringkasan satu kalimat."
            } else {
                "One sentence."
            },
            if id {
                "Tulis isi halaman di sini."
            } else {
                "Write the page here."
            }
        ),
    }
}

/// A YAML double-quoted string.
fn yaml_string(s: &str) -> String {
    serde_json::to_string(s).unwrap_or_else(|_| format!("{s:?}"))
}

fn create(root: &Path, target: &Path, text: &str) -> Result<String, Diagnostic> {
    let shown = display(root, target);
    let mut file = match std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(target)
    {
        Ok(f) => f,
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
            return Err(Diagnostic::error(
                "exists",
                shown,
                "the file already exists; warta new never overwrites",
            )
            .with_hint("edit the existing file, or choose another title"));
        }
        Err(e) => return Err(io_error(target, &e)),
    };
    std::io::Write::write_all(&mut file, text.as_bytes()).map_err(|e| io_error(target, &e))?;
    Ok(shown)
}

fn display(root: &Path, path: &Path) -> String {
    crate::source::display_path(root, path)
}

fn io_error(path: &Path, err: &std::io::Error) -> Diagnostic {
    Diagnostic::error("io", path.display().to_string(), format!("{err}"))
        .with_hint("check that the site folder exists and is writable")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scaffolds_parse_as_their_type() {
        let today = Date::from_ymd(2026, 11, 28).unwrap_or_else(Date::today);
        for (kind, lang) in [
            (Kind::PressRelease, "id"),
            (Kind::Guide, "en"),
            (Kind::Page, "id"),
        ] {
            let text = scaffold(kind, "Judul: \"uji\"", lang, today);
            let file = SourceFile::new("x.md", text);
            let split = frontmatter::split(&file).ok();
            let parsed =
                split.map(|s| frontmatter::parse_page(&file, &s, kind.content_type()).is_ok());
            assert_eq!(parsed, Some(true), "{kind:?}:\n{}", file.text);
        }
    }

    #[test]
    fn country_code_from_a_known_name_else_a_flagged_placeholder() {
        let today = Date::from_ymd(2026, 11, 28).unwrap_or_else(Date::today);
        for (name, fails) in [
            ("Malaysia", false),
            ("Korea Selatan", false),
            ("Atlantis", true),
        ] {
            let file = SourceFile::new("x.md", scaffold(Kind::Country, name, "id", today));
            let split = frontmatter::split(&file).ok();
            let parsed =
                split.map(|s| frontmatter::parse_page(&file, &s, ContentType::Country).is_err());
            assert_eq!(parsed, Some(fails), "{name}");
        }
    }
}
