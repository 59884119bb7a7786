//! The text of the files `warta new` writes: a new page of each kind, and the translation of
//! an existing one. Both are drafts, and both build as they are with `--drafts`.

use crate::content::frontmatter::{FrontMatter, Split};
use crate::content::scaffold::{
    COUNTRY_BODY, DESCRIPTION, GUIDE_BODY, IMAGE_ALT, PAGE_BODY, PRESS_RELEASE_BODY, TRANSLATE,
};
use crate::dates::Date;
use crate::source::SourceFile;

use super::Kind;

/// Every file `warta new` writes is a draft until the editor says it is ready.
const DRAFT: &str = "# Hapus baris `draft: true` di bawah ini bila halaman sudah siap terbit. / \
                     Delete the line `draft: true` below when the page is ready to be published.\n\
                     draft: true\n";

/// A new file's text: required fields filled, the optional ones shown as comments, the body a
/// sample text (an error once the page is no longer a draft).
pub fn scaffold(kind: Kind, title: &str, lang: &str, today: Date) -> String {
    let id = lang == "id";
    let t = yaml_string(title);
    let d = today.iso();
    let description = DESCRIPTION.get(lang);
    let image_alt = IMAGE_ALT.get(lang);
    match kind {
        Kind::PressRelease => {
            let optional = if id {
                format!(
                    "# description: {description}\n# place: Serang, Banten\n# source: Humas KP2MI\n# countries: [MY, TW]\n# tags: [sosialisasi]\n# image: foto.jpg\n# image_alt: {image_alt}\n"
                )
            } else {
                format!(
                    "# description: {description}\n# place: Serang, Banten\n# source: KP2MI Public Relations\n# countries: [MY, TW]\n# tags: [outreach]\n# image: photo.jpg\n# image_alt: {image_alt}\n"
                )
            };
            let body = PRESS_RELEASE_BODY.get(lang);
            format!("---\ntitle: {t}\ndate: {d}\n{DRAFT}{optional}---\n\n{body}\n")
        }
        Kind::Guide => {
            let optional = if id {
                format!(
                    "# review_by: 2027-06-01\n# description: {description}\n# audience: Calon pekerja migran dan keluarganya\n# schemes: [g2g, p2p, perseorangan]\n# requirements: [Berusia paling sedikit 18 tahun]\n# documents: [KTP, Paspor]\n# cost:\n#   - {{ item: Paspor, payer: Pekerja, amount: 350000 }}\n# duration: 1 hari kerja\n# where: [LTSA atau BP3MI terdekat]\n# legal_basis:\n#   - {{ title: UU 18/2017, url: \"https://peraturan.go.id/\" }}\n# countries: [MY]\n# journey: bekerja-ke-luar-negeri-secara-resmi  # nama file panduan ringkasannya\n# step: 6  # nomor langkah berikutnya yang belum dipakai\n# actions:\n#   - {{ label: Cek perusahaan di SISKOP2MI, url: \"https://siskop2mi.bp2mi.go.id/\" }}\n"
                )
            } else {
                format!(
                    "# review_by: 2027-06-01\n# description: {description}\n# audience: Prospective migrant workers and their families\n# schemes: [g2g, p2p, perseorangan]\n# requirements: [At least 18 years old]\n# documents: [ID card, Passport]\n# cost:\n#   - {{ item: Passport, payer: Worker, amount: 350000 }}\n# duration: 1 working day\n# where: [The nearest LTSA or BP3MI]\n# legal_basis:\n#   - {{ title: Law 18/2017, url: \"https://peraturan.go.id/\" }}\n# countries: [MY]\n# journey: bekerja-ke-luar-negeri-secara-resmi  # the overview guide's file name\n# step: 6  # the next step number not yet taken\n# actions:\n#   - {{ label: Check the company in SISKOP2MI, url: \"https://siskop2mi.bp2mi.go.id/\" }}\n"
                )
            };
            let step = if id { "Langkah 1" } else { "Step 1" };
            let body = GUIDE_BODY.get(lang);
            format!("---\ntitle: {t}\nupdated: {d}\n{DRAFT}{optional}---\n\n## {step}\n\n{body}\n")
        }
        Kind::Country => {
            // A name warta knows ("Korea Selatan", "Japan") gives its code; otherwise a
            // placeholder that the build and `check` point at until it is replaced.
            let code = match crate::countries::code_for_name(title) {
                Some(code) => code.to_string(),
                None if id => "XX  # ganti dengan kode ISO dua huruf, mis. MY".to_string(),
                None => "XX  # replace with the two-letter ISO code, e.g. MY".to_string(),
            };
            let optional = "# status: open  # open, restricted or closed\n# review_by: 2027-06-01\n# schemes: [p2p]\n# sectors: []\n# special_rules: []\n# contacts:\n#   - name: KBRI …\n#     phone: \"+…\"\n#     url: \"https://kemlu.go.id/\"\n# emergency:\n#   - { name: …, number: \"112\" }\n";
            let body = COUNTRY_BODY.get(lang);
            format!(
                "---\ntitle: {t}\ncountry_code: {code}\nupdated: {d}\n{DRAFT}{optional}---\n\n{body}\n"
            )
        }
        Kind::Page => {
            let body = PAGE_BODY.get(lang);
            format!("---\ntitle: {t}\n{DRAFT}# description: {description}\n---\n\n{body}\n")
        }
    }
}

/// Fields copied as they are into a translation: dates, codes, contacts, the place in a
/// journey, the lead photo.
const KEEP: &[&str] = &[
    "date",
    "updated",
    "review_by",
    "countries",
    "country_code",
    "status",
    "schemes",
    "contacts",
    "journey",
    "step",
    "image",
    "image_focus",
];

/// Fields the translation writes itself (`title`, `image_alt`: marked to translate) or must
/// not share (`slug`, `aliases`: URLs of the original's language; `draft`: its state).
const OWN: &[&str] = &["title", "image_alt", "slug", "aliases", "draft"];

/// What becomes of a line of the original's front matter.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Fate {
    Keep,
    Translate,
    Drop,
}

/// The translation into `lang` of `file` (front matter `fm`, parts `split`): shared fields
/// copied, the lead photo kept with its alt text marked `TRANSLATE:` (so the draft builds),
/// the other text fields commented out to translate, the body copied under a `TRANSLATE:` line.
pub fn translation(file: &SourceFile, split: &Split<'_>, fm: &FrontMatter, lang: &str) -> String {
    let mut keep = String::new();
    let mut translate = String::new();
    let mut fate = Fate::Drop;
    let mut image_kept = false;
    for line in split.yaml.lines() {
        let top_key = (!line.starts_with([' ', '\t', '-', '#']))
            .then(|| line.split_once(':').map(|(k, _)| k.trim()))
            .flatten();
        if let Some(key) = top_key {
            fate = if KEEP.contains(&key) {
                Fate::Keep
            } else if OWN.contains(&key) {
                Fate::Drop
            } else {
                Fate::Translate
            };
            image_kept |= key == "image";
        } else if !line.starts_with([' ', '\t', '-']) {
            // Blank lines and comments of the original.
            continue;
        }
        match fate {
            Fate::Keep => {
                keep.push_str(line);
                keep.push('\n');
            }
            Fate::Translate => {
                translate.push_str("# ");
                translate.push_str(line);
                translate.push('\n');
            }
            Fate::Drop => {}
        }
    }
    let alt = match (&fm.image_alt, image_kept) {
        (Some(alt), true) => format!(
            "image_alt: {}\n",
            yaml_string(&format!("{TRANSLATE} {alt}"))
        ),
        _ => String::new(),
    };
    let source = &file.display;
    let (into_id, into_en) = language_names(lang);
    let slug_example = if lang == "id" {
        "kata-kata-judul-terjemahan"
    } else {
        "words-of-the-translated-title"
    };
    let title = yaml_string(&format!("{TRANSLATE} {}", fm.title));
    let body = file
        .text
        .get(split.body_start..)
        .unwrap_or("")
        .trim_start_matches(['\r', '\n']);
    format!(
        "---\n\
         # Terjemahan ke {into_id} dari / Translation into {into_en} of: {source}\n\
         # Terjemahkan semua yang bertanda TRANSLATE dan kolom di bawah \"untuk diterjemahkan\" (lalu hapus tanda #-nya).\n\
         # Translate all that is marked TRANSLATE and the fields under \"to translate\" (then delete their #).\n\
         title: {title}\n\
         # slug: {slug_example}\n\
         {DRAFT}\
         {keep}\
         {alt}\
         # --- untuk diterjemahkan / to translate ---\n\
         {translate}\
         ---\n\
         {TRANSLATE} teks di bawah ini masih dalam bahasa aslinya: terjemahkan, lalu hapus baris ini. / \
         The text below is still in the original language: translate it, then delete this line.\n\
         \n\
         {body}"
    )
}

/// A language's name in Indonesian and in English, as "into …" phrases.
fn language_names(lang: &str) -> (String, String) {
    match lang {
        "id" => ("bahasa Indonesia".into(), "Indonesian".into()),
        "en" => ("bahasa Inggris".into(), "English".into()),
        other => (format!("bahasa `{other}`"), format!("`{other}`")),
    }
}

/// A YAML double-quoted string.
fn yaml_string(s: &str) -> String {
    serde_json::to_string(s).unwrap_or_else(|_| format!("{s:?}"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::{frontmatter, kinds::ContentType};

    fn today() -> Date {
        Date::from_ymd(2026, 11, 28).unwrap_or_else(Date::today)
    }

    fn parse(text: String, content_type: ContentType) -> Option<FrontMatter> {
        let file = SourceFile::new("x.md", text);
        let split = frontmatter::split(&file).ok()?;
        frontmatter::parse_page(&file, &split, content_type, today())
            .ok()
            .map(|(fm, _)| fm)
    }

    #[test]
    fn every_scaffold_parses_as_its_type_and_is_a_draft() {
        for kind in [Kind::PressRelease, Kind::Guide, Kind::Country, Kind::Page] {
            for lang in ["id", "en"] {
                let title = if kind == Kind::Country {
                    "Malaysia"
                } else {
                    "Judul: \"uji\""
                };
                let text = scaffold(kind, title, lang, today());
                assert!(
                    text.contains("\n# Hapus baris `draft: true` di bawah ini bila halaman sudah siap terbit. / Delete the line `draft: true` below when the page is ready to be published.\ndraft: true\n"),
                    "{text}"
                );
                let fm = parse(text.clone(), kind.content_type());
                assert_eq!(
                    fm.map(|fm| fm.draft),
                    Some(true),
                    "{kind:?} {lang}:\n{text}"
                );
            }
        }
    }

    #[test]
    fn country_code_from_a_known_name_else_a_flagged_placeholder() {
        for (name, parses) in [
            ("Malaysia", true),
            ("Korea Selatan", true),
            ("Atlantis", false),
        ] {
            let text = scaffold(Kind::Country, name, "id", today());
            assert_eq!(
                parse(text, ContentType::Country).is_some(),
                parses,
                "{name}"
            );
        }
    }

    #[test]
    fn a_translation_keeps_the_photo_with_its_alt_text_and_is_a_draft() {
        let original = "---\ntitle: Sosialisasi\ndate: 2024-11-22\nslug: sosialisasi-lama\naliases:\n  - /lama\n\
                        image: foto.jpg\nimage_alt: \"Warga: di balai desa\"\ndraft: true\nplace: Serang\n---\n\nIsi.\n";
        let file = SourceFile::new("content/berita/x.md", original.to_string());
        let split = frontmatter::split(&file).ok();
        let fm = parse(original.to_string(), ContentType::PressRelease);
        let (Some(split), Some(fm)) = (split, fm) else {
            panic!("the original parses");
        };
        let text = translation(&file, &split, &fm, "en");
        let translated = parse(text.clone(), ContentType::PressRelease);
        let Some(translated) = translated else {
            panic!("the translation parses:\n{text}");
        };
        assert!(translated.draft);
        assert_eq!(translated.image.as_deref(), Some("foto.jpg"));
        assert_eq!(
            translated.image_alt.as_deref(),
            Some("TRANSLATE: Warga: di balai desa")
        );
        assert_eq!(translated.title, "TRANSLATE: Sosialisasi");
        assert!(translated.slug.is_none() && translated.aliases.is_empty());
        assert!(text.contains("\n# place: Serang\n"), "{text}");
        assert!(!text.contains("/lama"), "{text}");
        assert!(text.ends_with("delete this line.\n\nIsi.\n"), "{text}");
    }
}
