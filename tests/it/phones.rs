//! Tap to call: the phone numbers of a page's body, FAQ answers and list fields are `tel:`
//! links in the built site, written as the editor wrote them; dates, amounts, regulation numbers
//! and IDs beside them are not; links the editor made and the contacts stay as they are.

use crate::support::{build, copy_fixture, main_of, read, stderr};

/// The `<main>` of `page` (below `public/`) in the built phones fixture.
fn built_main(page: &str) -> String {
    let site = copy_fixture("phones/site");
    let out = build(site.path());
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    main_of(&read(&site.path().join("public"), page))
}

/// The `(href, text)` of every `tel:` link of `html`, in order.
fn tel_links(html: &str) -> Vec<(String, String)> {
    html.match_indices("<a href=\"tel:")
        .map(|(at, tag)| {
            let rest = &html[at + tag.len()..];
            let href_end = rest.find('"').expect("href closes");
            let text = &rest[rest.find('>').expect("tag closes") + 1..];
            let text_end = text.find("</a>").expect("link closes");
            (
                format!("tel:{}", &rest[..href_end]),
                text[..text_end].to_string(),
            )
        })
        .collect()
}

fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
    list.iter()
        .map(|(href, text)| (href.to_string(), text.to_string()))
        .collect()
}

#[test]
fn guide_body_faq_and_lists_link_their_numbers_and_nothing_else() {
    let html = built_main("panduan/mengadu/index.html");
    assert_eq!(
        tel_links(&html),
        pairs(&[
            // requirements, then where (documents has none)
            ("tel:+6281234567890", "0812 3456 7890"),
            ("tel:+622129244800", "(021) 2924 4800"),
            ("tel:+622129244800", "+62 21 2924 4800"),
            // the body: the heading's number is not linked, the editor's own link is kept
            ("tel:08001000", "0800-1000"),
            ("tel:+622129244800", "021-2924-4800"),
            ("tel:+628123456789", "08123456789"),
            ("tel:+60321164000", "+60 3-2116 4000"),
            ("tel:+85228904000", "+852 2890 4000"),
            ("tel:+622129244800", "hubungi kami"),
            // the FAQ answer
            ("tel:08001000", "0800-1000"),
            // the theme's own link in the scam warning
            ("tel:08001000", "0800-1000"),
        ]),
        "{html}"
    );
    assert!(html.contains(r#"<h2 id="hotline-0800-1000">Hotline 0800-1000</h2>"#));
    assert!(html.contains("<strong><a href=\"tel:08001000\">0800-1000</a></strong>"));
    // A list field is escaped as before, around its link.
    assert!(html.contains(
        "Pengaduan &lt;dari luar negeri&gt; &amp; darurat: \
         <a href=\"tel:+622129244800\">+62 21 2924 4800</a>"
    ));
}

#[test]
fn country_lists_and_body_link_numbers_and_the_contact_link_stays() {
    let html = built_main("negara/malaysia/index.html");
    assert_eq!(
        tel_links(&html),
        pairs(&[
            // the contact's own link, first in the emergency block
            ("tel:+60321164000", "+60 3-2116 4000"),
            // sectors, special_rules, the body
            ("tel:08001000", "0800 1000"),
            ("tel:+60321164000", "+60 3-2116 4000"),
            ("tel:+60321164000", "+60 3-2116 4000"),
            // the theme's own link in the scam warning
            ("tel:08001000", "0800-1000"),
        ]),
        "{html}"
    );
    assert!(html.contains("Permenaker Nomor 39 Tahun 2004 berlaku"));
}
