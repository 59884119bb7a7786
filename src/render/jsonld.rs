//! JSON-LD (schema.org) for pages: `NewsArticle`, `BreadcrumbList`, `GovernmentOrganization`
//! and `FAQPage`, built as `serde_json` values and written as the text of one
//! `<script type="application/ld+json">`.
//!
//! The text is escaped for the inside of a `<script>` element: `<`, `>` and `&` become
//! `\u003c`, `\u003e` and `\u0026` (the same string to a JSON parser), so a title holding
//! `</script>` or `<!--` cannot end the element or change how the HTML parser reads it.

use serde_json::{Map, Value, json};

use crate::content::kinds::{Contact, Faq};

/// A press release as schema.org `NewsArticle`; URLs are absolute.
pub struct Article<'a> {
    pub headline: &'a str,
    pub description: &'a str,
    pub url: &'a str,
    pub lang: &'a str,
    /// RFC 3339.
    pub published: Option<String>,
    /// RFC 3339; the publication date when the page was never updated.
    pub modified: Option<String>,
    pub image: Option<&'a str>,
    /// The ministry: the site's title in the page's language, and its home page.
    pub publisher_name: &'a str,
    pub publisher_url: &'a str,
}

pub fn news_article(a: &Article<'_>) -> Value {
    let publisher = json!({
        "@type": "GovernmentOrganization",
        "name": a.publisher_name,
        "url": a.publisher_url,
    });
    let mut v = Map::new();
    v.insert("@type".into(), json!("NewsArticle"));
    v.insert("headline".into(), json!(a.headline));
    v.insert("url".into(), json!(a.url));
    v.insert("mainEntityOfPage".into(), json!(a.url));
    v.insert("inLanguage".into(), json!(a.lang));
    if !a.description.is_empty() {
        v.insert("description".into(), json!(a.description));
    }
    if let Some(d) = &a.published {
        v.insert("datePublished".into(), json!(d));
    }
    if let Some(d) = a.modified.as_ref().or(a.published.as_ref()) {
        v.insert("dateModified".into(), json!(d));
    }
    if let Some(image) = a.image {
        v.insert("image".into(), json!([image]));
    }
    v.insert("author".into(), publisher.clone());
    v.insert("publisher".into(), publisher);
    Value::Object(v)
}

/// `BreadcrumbList` of (name, absolute URL), in the order shown on the page.
pub fn breadcrumbs(items: &[(&str, String)]) -> Value {
    let list: Vec<Value> = items
        .iter()
        .enumerate()
        .map(|(i, (name, url))| {
            json!({
                "@type": "ListItem",
                "position": i + 1,
                "name": name,
                "item": url,
            })
        })
        .collect();
    json!({ "@type": "BreadcrumbList", "itemListElement": list })
}

/// A mission contact as `GovernmentOrganization`; fields not given are left out.
pub fn organization(contact: &Contact) -> Value {
    let mut v = Map::new();
    v.insert("@type".into(), json!("GovernmentOrganization"));
    v.insert("name".into(), json!(contact.name));
    let fields = [
        ("telephone", &contact.phone),
        ("email", &contact.email),
        ("url", &contact.url),
        ("address", &contact.address),
    ];
    for (key, value) in fields {
        if let Some(value) = value.as_deref().filter(|s| !s.trim().is_empty()) {
            v.insert(key.into(), json!(value));
        }
    }
    Value::Object(v)
}

/// `FAQPage` of a page's questions, answers as plain text.
pub fn faq_page(items: &[Faq], url: &str, lang: &str) -> Value {
    let questions: Vec<Value> = items
        .iter()
        .map(|item| {
            json!({
                "@type": "Question",
                "name": item.q.trim(),
                "acceptedAnswer": { "@type": "Answer", "text": item.a.trim() },
            })
        })
        .collect();
    json!({
        "@type": "FAQPage",
        "url": url,
        "inLanguage": lang,
        "mainEntity": questions,
    })
}

/// The text of the page's `<script type="application/ld+json">`: one `@graph` of `items`
/// (none when there are none), escaped for a script element.
pub fn script(items: Vec<Value>) -> Option<String> {
    if items.is_empty() {
        return None;
    }
    let doc = json!({ "@context": "https://schema.org", "@graph": items });
    Some(escape(&doc.to_string()))
}

/// JSON text made safe inside `<script>`: the characters that HTML gives a meaning there
/// (and the two line separators JavaScript once rejected) as `\uXXXX` escapes. Outside
/// strings JSON has none of them, so this changes no value.
pub fn escape(json: &str) -> String {
    let mut out = String::with_capacity(json.len() + 16);
    for c in json.chars() {
        match c {
            '<' => out.push_str("\\u003c"),
            '>' => out.push_str("\\u003e"),
            '&' => out.push_str("\\u0026"),
            '\u{2028}' => out.push_str("\\u2028"),
            '\u{2029}' => out.push_str("\\u2029"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_title_cannot_close_the_script_element() {
        let text = script(vec![
            json!({ "headline": "</script><script>alert(1)</script> & <!--" }),
        ])
        .unwrap_or_default();
        assert!(
            !text.contains('<') && !text.contains('>') && !text.contains('&'),
            "{text}"
        );
        let back: Value = serde_json::from_str(&text).unwrap_or_default();
        assert_eq!(
            back["@graph"][0]["headline"],
            "</script><script>alert(1)</script> & <!--"
        );
    }

    #[test]
    fn breadcrumbs_are_numbered_from_one() {
        let v = breadcrumbs(&[
            ("Beranda", "https://x.id/".into()),
            ("Berita", "https://x.id/berita/".into()),
        ]);
        assert_eq!(v["itemListElement"][1]["position"], 2);
        assert_eq!(v["itemListElement"][1]["item"], "https://x.id/berita/");
    }

    #[test]
    fn contacts_leave_out_what_is_not_given() {
        let v = organization(&Contact {
            name: "KBRI".into(),
            phone: Some("+60 3 2116 4000".into()),
            ..Contact::default()
        });
        assert_eq!(v["telephone"], "+60 3 2116 4000");
        assert!(v.get("email").is_none());
    }

    #[test]
    fn no_items_no_script() {
        assert_eq!(script(Vec::new()), None);
    }
}
