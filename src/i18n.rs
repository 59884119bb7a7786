//! The editor's language: which language warta's own messages are shown in, and the message
//! catalogues that hold them.
//!
//! This module owns every word warta says to an editor — diagnostics, hints, the build
//! summary, `check`'s table, the serve overlay — as message ids with named arguments
//! ([`Message`]), and the two catalogues `messages/id.ftl` and `messages/en.ftl` (Fluent, one
//! per language, edited by translators, embedded in the binary) that turn them into text. It
//! chooses nothing by itself at render time: the edge ([`crate::cli`], the dev server) picks a
//! [`Lang`] once with [`Lang::detect`] and passes it down. The site's own languages (`id`,
//! `en` in `site.yaml`) are another matter: they belong to `config`.
//!
//! A message id missing from one catalogue is a test failure (see the tests below), never a
//! blank: at run time the English text stands in, and failing that the id itself.

use std::cmp::Ordering;
use std::fmt;
use std::sync::{LazyLock, OnceLock};

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};

/// The catalogues as translators edit them.
const CATALOGUE_ID: &str = include_str!("../messages/id.ftl");
const CATALOGUE_EN: &str = include_str!("../messages/en.ftl");

/// A language warta speaks to editors in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lang {
    Id,
    #[default]
    En,
}

impl Lang {
    /// All languages, in the order of their catalogues.
    pub const ALL: [Lang; 2] = [Lang::Id, Lang::En];

    /// The language code, as `WARTA_LANG` takes it.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Id => "id",
            Lang::En => "en",
        }
    }

    /// The editor's language: `WARTA_LANG=id|en`, else the system's language (`LC_ALL`,
    /// `LC_MESSAGES`, `LANG`; on Windows and macOS the user's interface language), else
    /// English.
    pub fn detect() -> Lang {
        Lang::from_env(|name| std::env::var(name).ok(), sys_locale::get_locale)
    }

    /// [`Lang::detect`] with the environment and the system's locale passed in, for tests.
    pub fn from_env(
        var: impl Fn(&str) -> Option<String>,
        system: impl FnOnce() -> Option<String>,
    ) -> Lang {
        if let Some(lang) = var("WARTA_LANG").as_deref().and_then(Lang::parse) {
            return lang;
        }
        // POSIX order: the first of these that is set (and not empty) decides, even when it
        // names a language warta does not speak (then: English).
        for name in ["LC_ALL", "LC_MESSAGES", "LANG"] {
            if let Some(value) = var(name).filter(|v| !v.is_empty()) {
                return Lang::parse(&value).unwrap_or_default();
            }
        }
        // Windows and macOS keep the interface language outside the environment.
        if cfg!(any(windows, target_os = "macos")) {
            return system()
                .as_deref()
                .and_then(Lang::parse)
                .unwrap_or_default();
        }
        Lang::En
    }

    /// `id`, `id_ID.UTF-8`, `id-ID`, `in` (the old code), `en_GB`, `EN`: the language part
    /// decides. `C` and `POSIX` and anything else: none.
    pub fn parse(locale: &str) -> Option<Lang> {
        let lang = locale
            .split(['_', '-', '.', '@'])
            .next()
            .unwrap_or_default()
            .to_ascii_lowercase();
        match lang.as_str() {
            "id" | "in" | "ind" => Some(Lang::Id),
            "en" | "eng" => Some(Lang::En),
            _ => None,
        }
    }
}

/// A value inside a message: text, or a number (which chooses a plural form).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum Arg {
    Text(String),
    Number(i64),
}

impl From<String> for Arg {
    fn from(s: String) -> Self {
        Arg::Text(s)
    }
}
impl From<&String> for Arg {
    fn from(s: &String) -> Self {
        Arg::Text(s.clone())
    }
}
impl From<&str> for Arg {
    fn from(s: &str) -> Self {
        Arg::Text(s.to_string())
    }
}
impl From<&&str> for Arg {
    fn from(s: &&str) -> Self {
        Arg::Text((*s).to_string())
    }
}
impl From<char> for Arg {
    fn from(c: char) -> Self {
        Arg::Text(c.to_string())
    }
}
macro_rules! number_args {
    ($($t:ty),*) => {$(
        impl From<$t> for Arg {
            fn from(n: $t) -> Self {
                Arg::Number(i64::try_from(n).unwrap_or(i64::MAX))
            }
        }
        impl From<&$t> for Arg {
            fn from(n: &$t) -> Self {
                Arg::Number(i64::try_from(*n).unwrap_or(i64::MAX))
            }
        }
    )*};
}
number_args!(usize, u64, u32, u16, u8, i64, i32);

/// One thing warta says: a catalogue id with its named arguments, put into words only at the
/// edge, in the editor's language ([`Message::render`]).
///
/// It reads as its English text (`Deref<Target = str>`, `==` with a `&str`), so code and tests
/// that only need to look at the words can treat it as a string.
#[derive(Debug, Clone)]
pub struct Message {
    id: &'static str,
    args: Vec<(&'static str, MessageArg)>,
    english: OnceLock<String>,
}

impl PartialEq for Message {
    fn eq(&self, other: &Self) -> bool {
        self.id == other.id && self.args == other.args
    }
}
impl Eq for Message {}
impl PartialOrd for Message {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}
impl Ord for Message {
    fn cmp(&self, other: &Self) -> Ordering {
        (self.id, &self.args).cmp(&(other.id, &other.args))
    }
}
impl std::ops::Deref for Message {
    type Target = str;
    fn deref(&self) -> &str {
        self.english.get_or_init(|| self.render(Lang::En))
    }
}
impl PartialEq<&str> for Message {
    fn eq(&self, other: &&str) -> bool {
        &**self == *other
    }
}
impl PartialEq<String> for Message {
    fn eq(&self, other: &String) -> bool {
        &**self == other.as_str()
    }
}
impl PartialEq<str> for Message {
    fn eq(&self, other: &str) -> bool {
        &**self == other
    }
}

/// An argument as kept in a [`Message`]: a plain value, or a whole message rendered in the
/// same language as the one around it.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
enum MessageArg {
    Plain(Arg),
    Nested(Box<Message>),
}

impl Message {
    /// The message `id` of the catalogues, without arguments yet.
    pub fn new(id: &'static str) -> Self {
        Message {
            id,
            args: Vec::new(),
            english: OnceLock::new(),
        }
    }

    /// Adds the argument `$name` of the catalogue's text.
    pub fn arg(mut self, name: &'static str, value: impl Into<Arg>) -> Self {
        self.args.push((name, MessageArg::Plain(value.into())));
        self.english = OnceLock::new();
        self
    }

    /// Adds a whole message as the argument `$name`, put into words in the same language.
    pub fn arg_message(mut self, name: &'static str, value: Message) -> Self {
        self.args.push((name, MessageArg::Nested(Box::new(value))));
        self.english = OnceLock::new();
        self
    }

    /// The English text (as `&*message`).
    pub fn as_str(&self) -> &str {
        self
    }

    /// The catalogue id (`frontmatter-unknown-field`), stable for tools and tests.
    pub fn id(&self) -> &'static str {
        self.id
    }

    /// The text of the argument `name`, if it is plain text (for tests and for callers that
    /// need a value back, such as the path a hint suggests).
    pub fn text_arg(&self, name: &str) -> Option<&str> {
        self.args.iter().find_map(|(n, v)| match v {
            MessageArg::Plain(Arg::Text(t)) if *n == name => Some(t.as_str()),
            _ => None,
        })
    }

    /// The message in `lang`: from that language's catalogue, else from English, else the id
    /// with its arguments (a missing message is a test failure, never a blank line).
    pub fn render(&self, lang: Lang) -> String {
        let mut args = FluentArgs::new();
        for (name, value) in &self.args {
            let value = match value {
                MessageArg::Plain(Arg::Text(t)) => FluentValue::from(t.as_str()),
                MessageArg::Plain(Arg::Number(n)) => FluentValue::from(*n),
                MessageArg::Nested(m) => FluentValue::from(m.render(lang)),
            };
            args.set(*name, value);
        }
        for lang in [lang, Lang::En] {
            if let Some(text) = format(lang, self.id, &args) {
                return text;
            }
        }
        let shown: Vec<String> = self
            .args
            .iter()
            .map(|(n, v)| match v {
                MessageArg::Plain(Arg::Text(t)) => format!("{n}={t}"),
                MessageArg::Plain(Arg::Number(x)) => format!("{n}={x}"),
                MessageArg::Nested(m) => format!("{n}={}", m.render(lang)),
            })
            .collect();
        format!("{} ({})", self.id, shown.join(", "))
    }
}

/// English, for logs, tests and `{}` in code that has no editor to speak to.
impl fmt::Display for Message {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.render(Lang::En))
    }
}

/// `msg!("id", name = value, other)`: a [`Message`] with its arguments; `other` alone means
/// `other = other`.
#[macro_export]
macro_rules! msg {
    ($id:literal $(, $name:ident $(= $value:expr)?)* $(,)?) => {
        $crate::i18n::Message::new($id)
            $(.arg(stringify!($name), $crate::msg!(@value $name $(= $value)?)))*
    };
    (@value $name:ident = $value:expr) => { $value };
    (@value $name:ident) => { $name };
}

type Bundle = FluentBundle<FluentResource>;

/// The two catalogues, parsed once. A syntax error in a catalogue drops only the faulty
/// entries (Fluent's recovery); the catalogue tests fail on any.
static BUNDLES: LazyLock<[Bundle; 2]> = LazyLock::new(|| {
    [
        bundle(Lang::Id, CATALOGUE_ID),
        bundle(Lang::En, CATALOGUE_EN),
    ]
});

fn bundle(lang: Lang, source: &str) -> Bundle {
    let resource =
        FluentResource::try_new(source.to_string()).unwrap_or_else(|(partial, _)| partial);
    let langid = match lang {
        Lang::Id => unic_langid::langid!("id"),
        Lang::En => unic_langid::langid!("en"),
    };
    let mut bundle = FluentBundle::new_concurrent(vec![langid]);
    // No Unicode isolation marks around arguments: terminals show them as garbage.
    bundle.set_use_isolating(false);
    // Entries of one catalogue cannot clash (the tests check); a clash keeps the first.
    let _ = bundle.add_resource(resource);
    bundle
}

fn format(lang: Lang, id: &str, args: &FluentArgs<'_>) -> Option<String> {
    let bundle = match lang {
        Lang::Id => &BUNDLES[0],
        Lang::En => &BUNDLES[1],
    };
    let pattern = bundle.get_message(id)?.value()?;
    let mut errors = Vec::new();
    let text = bundle.format_pattern(pattern, Some(args), &mut errors);
    // A missing argument is a bug the tests catch; show what we have rather than nothing.
    Some(text.into_owned())
}

/// Every message id of a catalogue with the names of the arguments its text uses, for the
/// tests that keep the catalogues and the code in step.
pub fn catalogue_entries(lang: Lang) -> Vec<(String, Vec<String>)> {
    let source = match lang {
        Lang::Id => CATALOGUE_ID,
        Lang::En => CATALOGUE_EN,
    };
    let Ok(resource) = FluentResource::try_new(source.to_string()) else {
        return Vec::new();
    };
    let mut entries = Vec::new();
    for entry in resource.entries() {
        if let fluent_syntax::ast::Entry::Message(m) = entry {
            let mut vars = Vec::new();
            if let Some(pattern) = &m.value {
                pattern_variables(pattern, &mut vars);
            }
            vars.sort();
            vars.dedup();
            entries.push((m.id.name.to_string(), vars));
        }
    }
    entries
}

fn pattern_variables(pattern: &fluent_syntax::ast::Pattern<&str>, out: &mut Vec<String>) {
    use fluent_syntax::ast::{Expression, InlineExpression, PatternElement};
    fn inline(e: &InlineExpression<&str>, out: &mut Vec<String>) {
        match e {
            InlineExpression::VariableReference { id } => out.push(id.name.to_string()),
            InlineExpression::Placeable { expression } => expression_vars(expression, out),
            _ => {}
        }
    }
    fn expression_vars(e: &Expression<&str>, out: &mut Vec<String>) {
        match e {
            Expression::Inline(i) => inline(i, out),
            Expression::Select { selector, variants } => {
                inline(selector, out);
                for v in variants {
                    pattern_variables(&v.value, out);
                }
            }
        }
    }
    for element in &pattern.elements {
        if let PatternElement::Placeable { expression } = element {
            expression_vars(expression, out);
        }
    }
}

#[cfg(test)]
mod tests {
    use std::collections::{BTreeMap, BTreeSet};

    use super::*;

    fn no_system() -> Option<String> {
        None
    }

    #[test]
    fn warta_lang_wins_then_the_posix_variables_in_order() {
        let env = |pairs: &'static [(&'static str, &'static str)]| {
            move |name: &str| {
                pairs
                    .iter()
                    .find(|(n, _)| *n == name)
                    .map(|(_, v)| v.to_string())
            }
        };
        let detect = |pairs| Lang::from_env(env(pairs), no_system);
        assert_eq!(detect(&[("WARTA_LANG", "id"), ("LANG", "en_US")]), Lang::Id);
        assert_eq!(
            detect(&[("WARTA_LANG", "en"), ("LC_ALL", "id_ID")]),
            Lang::En
        );
        // An unknown WARTA_LANG falls through to the system's language.
        assert_eq!(
            detect(&[("WARTA_LANG", "fr"), ("LANG", "id_ID.UTF-8")]),
            Lang::Id
        );
        assert_eq!(
            detect(&[("LC_ALL", "id_ID.UTF-8"), ("LANG", "en_US")]),
            Lang::Id
        );
        assert_eq!(
            detect(&[("LC_ALL", ""), ("LC_MESSAGES", "id_ID")]),
            Lang::Id
        );
        // The first one set decides, even when it is a language warta does not speak.
        assert_eq!(detect(&[("LC_ALL", "C"), ("LANG", "id_ID")]), Lang::En);
        assert_eq!(detect(&[("LANG", "id")]), Lang::Id);
        assert_eq!(detect(&[]), Lang::En);
    }

    #[test]
    fn locale_names_in_every_common_spelling() {
        for (locale, want) in [
            ("id_ID.UTF-8", Some(Lang::Id)),
            ("id-ID", Some(Lang::Id)),
            ("in_ID", Some(Lang::Id)),
            ("ID", Some(Lang::Id)),
            ("en_GB.UTF-8@euro", Some(Lang::En)),
            ("C.UTF-8", None),
            ("POSIX", None),
            ("ms_MY", None),
        ] {
            assert_eq!(Lang::parse(locale), want, "{locale}");
        }
    }

    #[test]
    fn both_catalogues_parse_without_errors() {
        for (lang, source) in [(Lang::Id, CATALOGUE_ID), (Lang::En, CATALOGUE_EN)] {
            if let Err((_, errors)) = FluentResource::try_new(source.to_string()) {
                panic!("messages/{}.ftl has syntax errors: {errors:?}", lang.code());
            }
        }
    }

    /// A translator's mistake that the build would otherwise hide: a message in one language
    /// only, or a text that drops or invents an argument.
    #[test]
    fn every_message_exists_in_both_languages_with_the_same_arguments() {
        let id: BTreeMap<_, _> = catalogue_entries(Lang::Id).into_iter().collect();
        let en: BTreeMap<_, _> = catalogue_entries(Lang::En).into_iter().collect();
        let only_id: Vec<_> = id.keys().filter(|k| !en.contains_key(*k)).collect();
        let only_en: Vec<_> = en.keys().filter(|k| !id.contains_key(*k)).collect();
        assert!(only_id.is_empty(), "only in messages/id.ftl: {only_id:?}");
        assert!(only_en.is_empty(), "only in messages/en.ftl: {only_en:?}");
        for (key, vars) in &en {
            assert_eq!(
                id.get(key),
                Some(vars),
                "`{key}` uses other arguments in id.ftl than in en.ftl"
            );
        }
    }

    /// Every `msg!("…")` in the code has an entry, and every entry is used by the code.
    #[test]
    fn the_code_and_the_catalogues_name_the_same_messages() {
        let mut used = BTreeSet::new();
        let src = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
        for entry in walkdir::WalkDir::new(&src) {
            let Ok(entry) = entry else { continue };
            if entry.path().extension().is_none_or(|e| e != "rs") {
                continue;
            }
            let text = std::fs::read_to_string(entry.path()).unwrap_or_default();
            // The code, not its tests (at the foot of each file) nor its comments.
            let code = text.split("#[cfg(test)]").next().unwrap_or_default();
            let code: String = code
                .lines()
                .filter(|l| !l.trim_start().starts_with("//"))
                .collect::<Vec<_>>()
                .join("\n");
            for opener in ["msg!(", "Message::new("] {
                for (start, _) in code.match_indices(opener) {
                    // rustfmt may put the id on the next line.
                    let rest = code[start + opener.len()..].trim_start();
                    if let Some(rest) = rest.strip_prefix('"')
                        && let Some(end) = rest.find('"')
                    {
                        used.insert(rest[..end].to_string());
                    }
                }
            }
        }
        let known: BTreeSet<String> = catalogue_entries(Lang::En)
            .into_iter()
            .map(|(k, _)| k)
            .collect();
        let missing: Vec<_> = used.difference(&known).collect();
        assert!(
            missing.is_empty(),
            "used in src/ but in no catalogue: {missing:?}"
        );
        let unused: Vec<_> = known.difference(&used).collect();
        assert!(
            unused.is_empty(),
            "in the catalogues but used nowhere: {unused:?}"
        );
    }

    #[test]
    fn arguments_are_filled_in_and_nested_messages_follow_the_language() {
        let m = msg!("link-in-template", page = "/berita/")
            .arg_message("problem", msg!("link-broken", path = "/x/"));
        assert_eq!(
            m.render(Lang::En),
            "broken link: nothing is published at /x/ (in the page /berita/, written by a template)"
        );
        assert_eq!(
            m.render(Lang::Id),
            "tautan rusak: tidak ada yang diterbitkan di /x/ (di halaman /berita/, ditulis oleh templat tema)"
        );
        assert_eq!(
            m,
            m.render(Lang::En).as_str(),
            "a message reads as its English text"
        );
    }

    #[test]
    fn a_missing_message_shows_its_id_and_arguments_rather_than_nothing() {
        let m = Message::new("no-such-message").arg("file", "a.md");
        assert_eq!(m.render(Lang::Id), "no-such-message (file=a.md)");
    }
}
