//! Full-text search for a static host: a per-language index, split into small files so a
//! query downloads only the pieces it needs.
//!
//! Built from the text warta already holds in memory (Markdown bodies, titles, summaries),
//! stemmed with the Snowball stemmers of `pagefind_stem` (Indonesian for `id`, English for
//! `en`), so "pekerjaan" finds "bekerja". Pagefind's own indexer re-parses the written HTML at
//! about 5 MB/s, which alone would take longer than a whole 20,000-page build.
//!
//! Layout, per language `L`, under `/search/L/`:
//! - `meta.json`: `{v, lang, docs, shards, chunk}`;
//! - `w{n}.json`: word shards, `{word: stem}` for the words of the site, by hash of the word;
//! - `p{n}.json`: posting shards, `{stem: [[doc, score], …]}`, best documents first;
//! - `d{n}.json`: documents `[[title, url, summary], …]`, `chunk` per file.

use std::collections::{BTreeMap, HashMap};

use pagefind_stem::{Algorithm, Stemmer};
use rayon::prelude::*;

use crate::render::OutputFile;

/// Documents per `d{n}.json`.
const DOC_CHUNK: usize = 50;
/// Documents kept per stem: enough for any results page, and it bounds shard size.
const MAX_POSTINGS: usize = 100;
/// Aim for posting shards of about this many bytes, so that a query stays small.
const SHARD_BYTES: usize = 16 * 1024;
/// About how many bytes one posting takes in JSON (`[1234,5678],`).
const POSTING_BYTES: usize = 12;
/// How much more a word in the title counts than one in the text.
const TITLE_WEIGHT: f32 = 6.0;

/// One page to index.
pub struct SearchDoc<'a> {
    pub lang: &'a str,
    pub url: &'a str,
    pub title: &'a str,
    pub summary: &'a str,
    /// Plain text of the body.
    pub text: &'a str,
}

/// Very common words that carry no meaning for search.
fn is_stopword(lang: &str, word: &str) -> bool {
    const ID: &[&str] = &[
        "yang", "dan", "di", "ke", "dari", "untuk", "dengan", "ini", "itu", "pada", "dalam",
        "atau", "akan", "juga", "tidak", "ada", "oleh", "sebagai", "adalah", "bagi", "para",
        "serta",
    ];
    const EN: &[&str] = &[
        "the", "and", "of", "to", "a", "an", "in", "for", "on", "with", "is", "are", "be", "by",
        "or", "at", "as", "it", "this", "that", "from", "was", "were", "will",
    ];
    match lang {
        "id" => ID.contains(&word),
        "en" => EN.contains(&word),
        _ => false,
    }
}

fn stemmer(lang: &str) -> Option<Stemmer> {
    match lang {
        "id" => Some(Stemmer::create(Algorithm::Indonesian)),
        "en" => Some(Stemmer::create(Algorithm::English)),
        _ => None,
    }
}

/// Lowercase words of letters and digits (Unicode-aware), at most 40 characters long.
pub fn words(text: &str) -> impl Iterator<Item = String> + '_ {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty() && w.chars().count() <= 40)
        .map(str::to_lowercase)
}

/// FNV-1a: the same hash as the browser side, to find a word's shard.
pub fn shard_of(word: &str, shards: usize) -> usize {
    let mut h: u32 = 0x811c_9dc5;
    for b in word.bytes() {
        h ^= u32::from(b);
        h = h.wrapping_mul(0x0100_0193);
    }
    usize::try_from(h).unwrap_or(0) % shards.max(1)
}

/// Per document: weight per stem, and the words seen with their stems.
struct DocTerms {
    weights: HashMap<String, f32>,
    words: HashMap<String, String>,
}

fn analyse(doc: &SearchDoc<'_>) -> DocTerms {
    let stemmer = stemmer(doc.lang);
    let mut words_seen: HashMap<String, String> = HashMap::new();
    let mut weights: HashMap<String, f32> = HashMap::new();
    let mut add = |text: &str, weight: f32, weights: &mut HashMap<String, f32>| {
        for word in words(text) {
            if is_stopword(doc.lang, &word) {
                continue;
            }
            let stem = match words_seen.get(&word) {
                Some(s) => s.clone(),
                None => {
                    let s = stemmer
                        .as_ref()
                        .map_or_else(|| word.clone(), |st| st.stem(&word).into_owned());
                    words_seen.insert(word, s.clone());
                    s
                }
            };
            *weights.entry(stem).or_insert(0.0) += weight;
        }
    };
    add(doc.title, TITLE_WEIGHT, &mut weights);
    add(doc.summary, 2.0, &mut weights);
    add(doc.text, 1.0, &mut weights);
    DocTerms {
        weights,
        words: words_seen,
    }
}

/// Builds the index files of every language, in a stable order.
pub fn build(docs: &[SearchDoc<'_>]) -> Vec<OutputFile> {
    let mut by_lang: BTreeMap<&str, Vec<&SearchDoc<'_>>> = BTreeMap::new();
    for doc in docs {
        by_lang.entry(doc.lang).or_default().push(doc);
    }
    let mut files = Vec::new();
    for (lang, mut docs) in by_lang {
        docs.sort_by(|a, b| a.url.cmp(b.url));
        files.extend(build_language(lang, &docs));
    }
    files
}

fn build_language(lang: &str, docs: &[&SearchDoc<'_>]) -> Vec<OutputFile> {
    let analysed: Vec<DocTerms> = docs.par_iter().map(|d| analyse(d)).collect();
    let n = docs.len().max(1) as f32;

    // Postings with a length-normalised tf-idf score.
    let mut postings: HashMap<&str, Vec<(usize, f32)>> = HashMap::new();
    let mut lexicon: BTreeMap<&str, &str> = BTreeMap::new();
    for (id, terms) in analysed.iter().enumerate() {
        let length: f32 = terms.weights.values().sum::<f32>().max(1.0);
        let norm = 1.0 / (1.0 + length / 500.0);
        for (stem, w) in &terms.weights {
            postings.entry(stem).or_default().push((id, w * norm));
        }
        for (word, stem) in &terms.words {
            lexicon.entry(word).or_insert(stem);
        }
    }
    let total: usize = postings.values().map(|l| l.len().min(MAX_POSTINGS)).sum();
    let shards = (total * POSTING_BYTES / SHARD_BYTES).clamp(1, 4096);
    let mut posting_shards: Vec<BTreeMap<&str, Vec<[u32; 2]>>> = vec![BTreeMap::new(); shards];
    for (stem, mut list) in postings {
        let idf = (n / list.len() as f32).ln() + 1.0;
        list.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        list.truncate(MAX_POSTINGS);
        let scored = list
            .into_iter()
            .map(|(id, w)| {
                [
                    u32::try_from(id).unwrap_or(u32::MAX),
                    (w * idf * 100.0).round().clamp(1.0, 1.0e9) as u32,
                ]
            })
            .collect();
        posting_shards[shard_of(stem, shards)].insert(stem, scored);
    }
    let mut word_shards: Vec<BTreeMap<&str, &str>> = vec![BTreeMap::new(); shards];
    for (word, stem) in lexicon {
        word_shards[shard_of(word, shards)].insert(word, stem);
    }

    let dir = format!("search/{lang}");
    let mut files = Vec::new();
    let json = |value: &dyn erased::Json| value.to_json();
    files.push(OutputFile {
        path: format!("{dir}/meta.json"),
        bytes: serde_json::json!({
            "v": 1,
            "lang": lang,
            "docs": docs.len(),
            "shards": shards,
            "chunk": DOC_CHUNK,
        })
        .to_string()
        .into_bytes(),
    });
    for (i, shard) in posting_shards.iter().enumerate() {
        files.push(OutputFile {
            path: format!("{dir}/p{i}.json"),
            bytes: json(shard),
        });
    }
    for (i, shard) in word_shards.iter().enumerate() {
        files.push(OutputFile {
            path: format!("{dir}/w{i}.json"),
            bytes: json(shard),
        });
    }
    for (i, chunk) in docs.chunks(DOC_CHUNK).enumerate() {
        let rows: Vec<[&str; 3]> = chunk.iter().map(|d| [d.title, d.url, d.summary]).collect();
        files.push(OutputFile {
            path: format!("{dir}/d{i}.json"),
            bytes: json(&rows),
        });
    }
    files
}

/// Serialising the different shard types through one closure.
mod erased {
    pub trait Json {
        fn to_json(&self) -> Vec<u8>;
    }
    impl<T: serde::Serialize> Json for T {
        fn to_json(&self) -> Vec<u8> {
            serde_json::to_vec(self).unwrap_or_else(|_| b"{}".to_vec())
        }
    }
}

/// The words of a Markdown body as plain text (for indexing).
pub fn plain_text(html: &str) -> String {
    let mut out = String::with_capacity(html.len() / 2);
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' => {
                in_tag = false;
                out.push(' ');
            }
            _ if !in_tag => out.push(c),
            _ => {}
        }
    }
    out.replace("&amp;", "&")
        .replace("&quot;", "\"")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc<'a>(lang: &'a str, url: &'a str, title: &'a str, text: &'a str) -> SearchDoc<'a> {
        SearchDoc {
            lang,
            url,
            title,
            summary: "",
            text,
        }
    }

    fn find(files: &[OutputFile], path: &str) -> serde_json::Value {
        files
            .iter()
            .find(|f| f.path == path)
            .and_then(|f| serde_json::from_slice(&f.bytes).ok())
            .unwrap_or_default()
    }

    /// The query side, as search.js does it: word → stem → postings → documents.
    fn query(files: &[OutputFile], lang: &str, word: &str) -> Vec<String> {
        let meta = find(files, &format!("search/{lang}/meta.json"));
        let shards = meta["shards"].as_u64().unwrap_or(1) as usize;
        let words = find(
            files,
            &format!("search/{lang}/w{}.json", shard_of(word, shards)),
        );
        let Some(stem) = words[word].as_str() else {
            return Vec::new();
        };
        let postings = find(
            files,
            &format!("search/{lang}/p{}.json", shard_of(stem, shards)),
        );
        let chunk = meta["chunk"].as_u64().unwrap_or(1) as usize;
        postings[stem]
            .as_array()
            .map(|list| {
                list.iter()
                    .filter_map(|p| p[0].as_u64())
                    .map(|id| {
                        let id = id as usize;
                        let docs = find(files, &format!("search/{lang}/d{}.json", id / chunk));
                        docs[id % chunk][1].as_str().unwrap_or("").to_string()
                    })
                    .collect()
            })
            .unwrap_or_default()
    }

    #[test]
    fn indonesian_stemming_finds_other_forms() {
        let docs = [
            doc(
                "id",
                "/a/",
                "Bekerja di luar negeri",
                "Cara bekerja secara resmi.",
            ),
            doc("id", "/b/", "Pengaduan", "Hubungi Crisis Center."),
            doc(
                "id",
                "/c/",
                "Lowongan",
                "Pekerjaan di pabrik dan perkebunan.",
            ),
            doc("en", "/en/a/", "Working abroad", "How to work legally."),
        ];
        let files = build(&docs);
        let hits = query(&files, "id", "pekerjaan");
        assert!(
            hits.contains(&"/a/".to_string()) && hits.contains(&"/c/".to_string()),
            "{hits:?}"
        );
        assert!(!hits.contains(&"/b/".to_string()));
        assert_eq!(query(&files, "en", "working"), ["/en/a/"]);
        assert!(
            query(&files, "id", "dan").is_empty(),
            "stopwords are not indexed"
        );
    }

    #[test]
    fn the_title_ranks_first() {
        let docs = [
            doc("id", "/x/", "Lain", "paspor paspor paspor disebut di sini"),
            doc("id", "/y/", "Paspor", "Cara membuat."),
        ];
        assert_eq!(
            query(&build(&docs), "id", "paspor")
                .first()
                .map(String::as_str),
            Some("/y/")
        );
    }

    #[test]
    fn plain_text_strips_tags() {
        assert_eq!(
            plain_text("<p>Halo <b>dunia</b> &amp; kamu</p>")
                .split_whitespace()
                .collect::<Vec<_>>(),
            ["Halo", "dunia", "&", "kamu"]
        );
    }
}
