//! Tests of [`load`]: every section of site.yaml, read and checked through the whole file.

use super::base_url::split_base_url;
use super::budgets::RawBudgets;
use super::extra::RawAlert;
use super::images::RawImages;
use super::markup::RawMarkdown;
use super::output::RawOutput;
use super::raw::RawConfig;
use super::unknown::SETTINGS;
use super::*;

fn load_text(text: &str) -> Result<Config, Diagnostics> {
    let dir = tempfile::tempdir().map_err(|_| Diagnostics::new())?;
    std::fs::write(dir.path().join("site.yaml"), text).map_err(|_| Diagnostics::new())?;
    load(dir.path(), None)
}

#[test]
fn unknown_key_is_an_error_with_line_and_suggestion() {
    let err = load_text("base_url: https://x.id\ntitle: X\nlanguges: [id, en]\n").err();
    let d = err.map(|d| d.sorted()).unwrap_or_default();
    assert_eq!(d.len(), 1);
    assert_eq!(
        d[0].message,
        "the site settings (site.yaml) have no setting `languges`"
    );
    assert_eq!(
        d[0].position.as_ref().map(|p| (p.line, p.column, p.width)),
        Some((3, 1, 8))
    );
    assert_eq!(d[0].hint.as_deref(), Some("did you mean `languages`?"));
}

/// Every unknown setting is reported at once, nested ones at their own line, in block or
/// flow style and inside lists.
#[test]
fn every_unknown_setting_is_reported_where_it_is_written() {
    let err = load_text(
        "base_url: https://x.id\ntitle: X\nimages:\n  widht: [1]\nbudgets: { html: 1, htm: 2 }\nextra:\n  hotline: { nomor: 1 }\n  alerts:\n    - text: A\n      strat: 2025-01-01\nzzz: 1\n",
    )
    .err();
    let found: Vec<String> = err
        .map(|d| d.sorted())
        .unwrap_or_default()
        .iter()
        .map(|d| {
            let (line, column) = d.position.as_ref().map_or((0, 0), |p| (p.line, p.column));
            let hint = d.hint.as_ref().map(ToString::to_string).unwrap_or_default();
            format!("{line}:{column}: {} / {hint}", d.message)
        })
        .collect();
    let known = "the settings allowed here are:";
    let none = "remove the line if it is none of them";
    assert_eq!(
        found,
        [
            "4:3: the site settings (site.yaml) have no setting `widht` under `images:` / did you mean `widths`?".to_string(),
            "5:21: the site settings (site.yaml) have no setting `htm` under `budgets:` / did you mean `html`?".to_string(),
            format!("7:14: the site settings (site.yaml) have no setting `nomor` under `extra.hotline:` / {known} number, abroad, whatsapp, email, hours, free; {none}"),
            "10:7: the site settings (site.yaml) have no setting `strat` under `extra.alerts:` / did you mean `start`?".to_string(),
            format!("11:1: the site settings (site.yaml) have no setting `zzz` / {known} base_url, title, description, default_language, languages, theme, output, markdown, images, budgets, tags, extra; {none}"),
        ]
    );
}

/// The settings [`SETTINGS`] knows are exactly those the `Raw…` structs read.
#[test]
fn the_known_settings_are_those_of_the_structs() {
    fn serde_keys<T: serde::de::DeserializeOwned>() -> Vec<String> {
        let err = serde_yaml::from_str::<T>("zzz_unknown: 1")
            .err()
            .map(|e| e.to_string())
            .unwrap_or_default();
        let expected = err.split(", expected ").nth(1).unwrap_or_default();
        let mut keys: Vec<String> = expected
            .split('`')
            .skip(1)
            .step_by(2)
            .map(String::from)
            .collect();
        keys.sort();
        keys
    }
    let known = |block: &str| {
        let mut keys: Vec<String> = SETTINGS
            .iter()
            .find(|(b, _, _)| *b == block)
            .map(|(_, _, k)| k.iter().map(|k| k.to_string()).collect())
            .unwrap_or_default();
        keys.sort();
        keys
    };
    assert_eq!(known(""), serde_keys::<RawConfig>());
    assert_eq!(known("output"), serde_keys::<RawOutput>());
    assert_eq!(known("markdown"), serde_keys::<RawMarkdown>());
    assert_eq!(known("images"), serde_keys::<RawImages>());
    assert_eq!(known("budgets"), serde_keys::<RawBudgets>());
    assert_eq!(known("extra.hotline"), serde_keys::<Hotline>());
    assert_eq!(known("extra.alerts"), serde_keys::<RawAlert>());
    assert_eq!(
        known("extra.feedback"),
        serde_keys::<super::chrome::RawFeedback>()
    );
    assert_eq!(SETTINGS.len(), 8);
}

#[test]
fn text_in_a_language_the_site_does_not_have_is_an_error() {
    let err = load_text(
        "base_url: https://x.id\nlanguages: [id, en]\ntitle: { id: A, en: B, de: C }\ndescription: { in: Situs }\n",
    )
    .err();
    let d = err.map(|d| d.sorted()).unwrap_or_default();
    let found: Vec<(String, Option<usize>, Option<String>)> = d
        .iter()
        .map(|d| {
            (
                d.message.to_string(),
                d.position.as_ref().map(|p| p.line),
                d.hint.as_ref().map(ToString::to_string),
            )
        })
        .collect();
    assert_eq!(
        found,
        [
            (
                "`title` has a text in `de`, which is not one of the site's languages".to_string(),
                Some(3),
                Some("write it in one of: id, en; or add `de` to `languages`".to_string())
            ),
            (
                "`description` has a text in `in`, which is not one of the site's languages"
                    .to_string(),
                Some(4),
                Some("did you mean `id`?".to_string())
            ),
        ]
    );
    assert!(
        is_absolute_url("https://example.github.io/kp2mi/")
            && !is_absolute_url("https://")
            && !is_absolute_url("example.go.id")
    );
}

#[test]
fn default_language_comes_first() {
    let c =
        load_text("base_url: https://x.id/\ntitle: X\ndefault_language: id\nlanguages: [en, id]\n");
    let c = c.ok();
    assert_eq!(
        c.as_ref().map(|c| c.languages.clone()),
        Some(vec!["id".to_string(), "en".to_string()])
    );
    assert_eq!(c.map(|c| c.base_url), Some("https://x.id".to_string()));
}

#[test]
fn base_url_path_becomes_the_base_path_of_every_url() {
    let c =
        load_text("base_url: https://example.github.io/kp2mi/\ntitle: X\nlanguages: [id, en]\n")
            .ok();
    let c = c.as_ref();
    assert_eq!(c.map(|c| c.base_path.as_str()), Some("/kp2mi"));
    assert_eq!(c.map(|c| c.lang_prefix("id")), Some("/kp2mi".to_string()));
    assert_eq!(
        c.map(|c| c.lang_prefix("en")),
        Some("/kp2mi/en".to_string())
    );
    assert_eq!(
        c.map(|c| c.permalink("/kp2mi/en/news/")),
        Some("https://example.github.io/kp2mi/en/news/".to_string())
    );
    assert_eq!(
        c.map(|c| c.url("/sitemap.xml")),
        Some("/kp2mi/sitemap.xml".to_string())
    );
    let root = load_text("base_url: https://x.id\ntitle: X\n").ok();
    assert_eq!(
        root.as_ref().map(|c| c.lang_prefix("id")),
        Some(String::new())
    );
    assert_eq!(
        root.map(|c| c.permalink("/a/")),
        Some("https://x.id/a/".to_string())
    );
}

#[test]
fn base_url_paths_must_be_plain_folders() {
    assert_eq!(
        split_base_url("https://h/a/b-c_d.e~f"),
        Ok("/a/b-c_d.e~f".into())
    );
    assert_eq!(split_base_url("http://h:8080"), Ok(String::new()));
    for bad in [
        "https://h/a b",
        "https://h/a?x=1",
        "https://h/a#x",
        "https://h/../a",
        "https:///a",
    ] {
        assert!(split_base_url(bad).is_err(), "{bad}");
    }
    let err = load_text("base_url: https://x.id/a?b\ntitle: X\n").err();
    let d = err.map(|d| d.sorted()).unwrap_or_default();
    assert_eq!(d.len(), 1);
    assert_eq!(d[0].position.as_ref().map(|p| p.line), Some(1));
}

#[test]
fn image_settings_have_defaults_and_are_checked() {
    let c = load_text("base_url: https://x.id\ntitle: X\n").ok();
    assert_eq!(c.map(|c| c.images), Some(ImagesConfig::default()));
    let c = load_text(
        "base_url: https://x.id\ntitle: X\nimages:\n  widths: [1200, 640]\n  publish_originals: true\n",
    )
    .ok();
    assert_eq!(
        c.as_ref().map(|c| c.images.widths.clone()),
        Some(vec![640, 1200])
    );
    assert_eq!(c.map(|c| c.images.publish_originals), Some(true));
    let err = load_text("base_url: https://x.id\ntitle: X\nimages:\n  quality: 0\n").err();
    let d = err.map(|d| d.sorted()).unwrap_or_default();
    assert_eq!(d.len(), 1, "{d:?}");
    assert_eq!(d[0].position.as_ref().map(|p| p.line), Some(3));
    let err = load_text("base_url: https://x.id\ntitle: X\nimages:\n  widht: [1]\n").err();
    let d = err.map(|d| d.sorted()).unwrap_or_default();
    assert_eq!(d[0].hint.as_deref(), Some("did you mean `widths`?"));
}

#[test]
fn markdown_policy_has_defaults_and_is_checked() {
    use RawHtml;
    let c = load_text("base_url: https://x.id\ntitle: X\n").ok();
    let c = c.as_ref();
    assert_eq!(c.map(|c| c.markdown.mode), Some(RawHtml::Sanitize));
    assert_eq!(
        c.map(|c| c.markdown.iframe_hosts.clone()),
        Some(vec![
            "www.youtube-nocookie.com".into(),
            "www.youtube.com".into()
        ])
    );
    assert!(c.is_some_and(|c| {
        c.output
            .content_security_policy
            .ends_with("; frame-src https://www.youtube-nocookie.com https://www.youtube.com")
    }));
    let c = load_text(
        "base_url: https://x.id\ntitle: X\nmarkdown:\n  raw_html: deny\n  iframe_hosts: []\n",
    )
    .ok();
    assert_eq!(c.as_ref().map(|c| c.markdown.mode), Some(RawHtml::Deny));
    assert_eq!(
        c.map(|c| c.output.content_security_policy),
        Some(DEFAULT_CSP.to_string())
    );
    let c = load_text("base_url: https://x.id\ntitle: X\nmarkdown: { raw_html: allow }\n").ok();
    assert_eq!(c.map(|c| c.markdown.mode), Some(RawHtml::Allow));

    let err =
        load_text("base_url: https://x.id\ntitle: X\nmarkdown:\n  raw_html: sanitise\n").err();
    let d = err.map(|d| d.sorted()).unwrap_or_default();
    assert_eq!(d.len(), 1, "{d:?}");
    assert_eq!(d[0].position.as_ref().map(|p| p.line), Some(4));
    assert!(d[0].message.contains("sanitise"), "{d:?}");
    let err = load_text(
        "base_url: https://x.id\ntitle: X\nmarkdown:\n  iframe_hosts: [https://www.youtube.com/embed]\n",
    )
    .err();
    let d = err.map(|d| d.sorted()).unwrap_or_default();
    assert_eq!(d.len(), 1, "{d:?}");
    assert_eq!(d[0].position.as_ref().map(|p| p.line), Some(3));
    assert!(d[0].message.contains("(host name)"), "{d:?}");
    let err = load_text("base_url: https://x.id\ntitle: X\nmarkdown:\n  iframe_host: []\n").err();
    let d = err.map(|d| d.sorted()).unwrap_or_default();
    assert_eq!(d[0].hint.as_deref(), Some("did you mean `iframe_hosts`?"));
}

#[test]
fn budgets_have_defaults_in_kilobytes_and_are_checked() {
    let c = load_text("base_url: https://x.id\ntitle: X\n").ok();
    assert_eq!(c.map(|c| c.budgets), Some(Budgets::default()));
    let c = load_text("base_url: https://x.id\ntitle: X\nbudgets:\n  html: 30\n  image: 80\n").ok();
    let c = c.as_ref();
    assert_eq!(c.map(|c| c.budgets.html), Some(30 * 1024));
    assert_eq!(c.map(|c| c.budgets.css), Some(20 * 1024));
    assert_eq!(c.map(|c| c.budgets.image), Some(80 * 1024));
    assert_eq!(c.map(|c| c.images.budget_bytes), Some(80 * 1024));
    // The older image setting still counts when `budgets.image` is absent.
    let c = load_text("base_url: https://x.id\ntitle: X\nimages:\n  image_budget_kb: 50\n").ok();
    assert_eq!(c.map(|c| c.budgets.image), Some(50 * 1024));
    let err = load_text("base_url: https://x.id\ntitle: X\nbudgets:\n  htm: 30\n").err();
    let d = err.map(|d| d.sorted()).unwrap_or_default();
    assert_eq!(d.len(), 1, "{d:?}");
    assert_eq!(d[0].position.as_ref().map(|p| p.line), Some(4));
    assert_eq!(d[0].hint.as_deref(), Some("did you mean `html`?"));
    let err = load_text("base_url: https://x.id\ntitle: X\nbudgets:\n  js: 0\n").err();
    let d = err.map(|d| d.sorted()).unwrap_or_default();
    assert_eq!(d.len(), 1, "{d:?}");
    assert_eq!(d[0].position.as_ref().map(|p| p.line), Some(3));
}

#[test]
fn output_settings_are_typed_and_checked() {
    let c = load_text("base_url: https://x.id\ntitle: X\noutput:\n  precompress: true\n").ok();
    assert_eq!(c.map(|c| c.output.precompress), Some(true));
    let err = load_text("base_url: https://x.id\ntitle: X\noutput:\n  precompres: true\n").err();
    let d = err.map(|d| d.sorted()).unwrap_or_default();
    assert_eq!(d.len(), 1);
    assert_eq!(d[0].position.as_ref().map(|p| p.line), Some(4));
    assert_eq!(d[0].hint.as_deref(), Some("did you mean `precompress`?"));
}

#[test]
fn chrome_settings_are_read_per_language() {
    let config = load_text(
        "base_url: https://x.id\ntitle: X\nlanguages: [id, en]\nextra:\n  masthead: { id: Situs resmi, en: Official site }\n  help: /bantuan/\n  footer: [tentang, panduan/kontak.md]\n  hotline:\n    number: \"0800-1000\"\n    hours: 24 jam\n    free: true\n  feedback: { url: \"https://f.example/m\" }\n",
    );
    let chrome = config.map(|c| c.chrome).unwrap_or_default();
    assert_eq!(
        chrome.masthead.get("en").map(String::as_str),
        Some("Official site")
    );
    assert_eq!(
        chrome.help.as_ref().map(|h| h.key.as_str()),
        Some("bantuan.md")
    );
    assert_eq!(
        chrome
            .help
            .and_then(|h| h.position)
            .map(|p| (p.line, p.column)),
        Some((6, 9))
    );
    let footer: Vec<&str> = chrome.footer.iter().map(|r| r.key.as_str()).collect();
    assert_eq!(footer, ["tentang.md", "panduan/kontak.md"]);
    assert_eq!(
        chrome.hotline_hours.get("en").map(String::as_str),
        Some("24 jam")
    );
    assert!(chrome.hotline_free);
    assert_eq!(
        chrome.feedback,
        Some(crate::config::Feedback::Form {
            url: "https://f.example/m".into(),
            param: "page".into()
        })
    );
}

#[test]
fn feedback_is_one_https_form_or_one_email_address() {
    let errors = |feedback: &str| {
        let text = format!("base_url: https://x.id\ntitle: X\nextra:\n  feedback: {feedback}\n");
        load_text(&text)
            .err()
            .map(|d| d.sorted())
            .unwrap_or_default()
            .iter()
            .map(|d| {
                let at = d.position.as_ref().map(|p| (p.line, p.column));
                (at, d.message.to_string())
            })
            .collect::<Vec<_>>()
    };
    assert_eq!(
        errors("{ url: \"http://f.example/m\" }"),
        [(
            Some((4, 21)),
            "the address of the feedback form `extra.feedback.url`, \"http://f.example/m\", must be a full address starting with `https://`".to_string()
        )]
    );
    assert_eq!(
        errors("{ email: humas }"),
        [(
            Some((4, 22)),
            "`extra.feedback.email`, \"humas\", is not one e-mail address".to_string()
        )]
    );
    let both = errors("{ email: a@b.id, url: \"https://f.example/\" }");
    assert_eq!(both.len(), 1);
    assert_eq!(both[0].0, Some((4, 3)), "at the key");
    assert!(both[0].1.contains("exactly one of them"), "{both:?}");
    assert_eq!(errors("{ email: humas@kp2mi.go.id }"), []);
}

/// A topic's name copied from a hint with its placeholder ("…") names nothing: an error at the
/// topic, not a tag shown as "…" with an empty address.
#[test]
fn a_topic_named_only_by_a_placeholder_is_an_error() {
    let err = load_text(
        "base_url: https://x.id\ntitle: X\nlanguages: [id, en]\ntags:\n  - { id: Pelatihan, en: … }\n",
    )
    .err();
    let d = err.map(|d| d.sorted()).unwrap_or_default();
    assert_eq!(d.len(), 1, "{d:?}");
    assert_eq!(
        d[0].message,
        "topic 1 of `tags` has no name in `en`: a name needs letters or digits"
    );
    assert_eq!(d[0].position.as_ref().map(|p| p.line), Some(5));
    assert_eq!(
        d[0].hint.as_deref(),
        Some(
            "after `en:` write the topic's name in that language, e.g. `- { id: Calon PMI, en: Prospective workers }`"
        )
    );
}

/// A wrong type in one key of `extra:` does not hide a mistake in another: both are reported,
/// each at its line, and an `http:` form address gets the `https:` one to type.
#[test]
fn every_bad_key_of_extra_is_reported() {
    let err = load_text(
        "base_url: https://x.id\ntitle: X\nextra:\n  hotline:\n    number: \"0800-1000\"\n    free: ya\n  menu: [berita]\n  feedback:\n    url: http://forms.example.go.id/masukan\n",
    )
    .err();
    let d = err.map(|d| d.sorted()).unwrap_or_default();
    let lines: Vec<_> = d
        .iter()
        .map(|d| d.position.as_ref().map(|p| p.line))
        .collect();
    assert_eq!(lines, [Some(6), Some(9)], "{d:?}");
    assert_eq!(
        d[1].hint.as_deref(),
        Some("write `url: https://forms.example.go.id/masukan`")
    );
}
