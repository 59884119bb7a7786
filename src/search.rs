//! Full-text search for a static host: a per-language index, split into small files so a
//! query downloads only the pieces it needs.
//!
//! Built from what warta already holds in memory (the rendered Markdown bodies, titles,
//! summaries), stemmed with the Snowball stemmers of `pagefind_stem` (Indonesian for `id`,
//! English for `en`), so "pekerjaan" finds "bekerja". Pagefind's own indexer re-parses the
//! written HTML at about 5 MB/s, which alone would take longer than a whole 20,000-page build;
//! this one tokenizes the bodies once, stems each distinct word of the site once, and writes
//! its JSON by hand.
//!
//! Layout, per language `L`, under `{base_path}/search/L/`:
//! - `meta.json`: `{v, lang, docs, shards, chunk}`;
//! - `w{n}.json`: word shards, `{word: stem}` for the words whose stem differs from the word
//!   (a word that is not listed is its own stem), by FNV-1a hash of the word;
//! - `p{n}.json`: posting shards, `{stem: [[doc, score], …]}`, best documents first, by hash
//!   of the stem;
//! - `d{n}.json`: documents `[[title, url, summary], …]`, `chunk` per file, in URL order.
//!
//! `themes/kp2mi/static/search.js` is the query side; `tests` below mirrors it.

use std::collections::BTreeMap;
use std::io::Write;

use pagefind_stem::{Algorithm, Stemmer};
use rayon::prelude::*;
use rustc_hash::FxHashMap;

use crate::artifact::OutputFile;

/// Documents per `d{n}.json`: a results page of 10 touches at most 10 of them.
const DOC_CHUNK: usize = 10;
/// Documents kept per stem: enough for any results page, and it bounds shard size.
const MAX_POSTINGS: usize = 100;
/// Aim for posting shards of about this many bytes, so that a query stays small.
const SHARD_BYTES: usize = 12 * 1024;
/// About how many bytes one posting takes in JSON (`[1234,567],`).
const POSTING_BYTES: usize = 11;
/// How much more a word in the title counts than one in the text.
const TITLE_WEIGHT: f32 = 6.0;
/// How much more a word in the summary counts than one in the text.
const SUMMARY_WEIGHT: f32 = 2.0;
/// Words longer than this (in bytes) are not words a reader types.
const MAX_WORD_BYTES: usize = 64;
/// Summaries in the document files are cut to about this many characters.
const SUMMARY_CHARS: usize = 180;
/// Documents tokenized together, sharing one vocabulary.
const BATCH: usize = 256;

/// One page to index.
pub struct SearchDoc<'a> {
    pub lang: &'a str,
    pub url: &'a str,
    pub title: &'a str,
    pub summary: &'a str,
    /// The body as HTML: tags are skipped, entities are word breaks.
    pub html: &'a str,
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

/// Calls `f` with each lowercase word of letters and digits of `text` (Unicode-aware). With
/// `html`, tags are skipped and character references end a word. Words already in lowercase
/// ASCII (most of them) are passed as slices of `text`; the others are lowercased into `buf`.
fn for_each_word(text: &str, html: bool, buf: &mut String, mut f: impl FnMut(&str)) {
    let bytes = text.as_bytes();
    // The current word: where it starts, and whether it must be lowercased into `buf`.
    let mut start: Option<usize> = None;
    let mut plain = true;
    let mut emit = |from: usize, to: usize, plain: bool, buf: &mut String| {
        let Some(word) = text.get(from..to) else {
            return;
        };
        if word.len() > MAX_WORD_BYTES {
            return;
        }
        if plain {
            f(word);
        } else {
            buf.clear();
            for c in word.chars() {
                buf.extend(c.to_lowercase());
            }
            f(buf);
        }
    };
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        let (is_word, width) = if b.is_ascii_lowercase() || b.is_ascii_digit() {
            (true, 1)
        } else if b.is_ascii_uppercase() {
            plain = false;
            (true, 1)
        } else if b < 0x80 {
            (false, 1)
        } else {
            let Some(c) = text.get(i..).and_then(|rest| rest.chars().next()) else {
                break;
            };
            let word = c.is_alphanumeric();
            if word {
                plain = false;
            }
            (word, c.len_utf8())
        };
        if is_word {
            start.get_or_insert(i);
            i += width;
            continue;
        }
        if let Some(from) = start.take() {
            emit(from, i, plain, buf);
        }
        plain = true;
        i += 1;
        if html && b == b'<' {
            i += bytes
                .get(i..)
                .and_then(|rest| rest.iter().position(|&c| c == b'>'))
                .map_or(bytes.len(), |p| p + 1);
        } else if html && b == b'&' {
            // `&amp;`, `&#39;`: skip the name up to the `;` (a reference is short).
            if let Some(p) = bytes
                .get(i..bytes.len().min(i + 10))
                .and_then(|rest| rest.iter().position(|&c| c == b';'))
            {
                i += p + 1;
            }
        } else {
            i += width - 1;
        }
    }
    if let Some(from) = start {
        emit(from, bytes.len(), plain, buf);
    }
}

/// Lowercase words of letters and digits (Unicode-aware), as a query is split.
pub fn words(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    for_each_word(text, false, &mut String::new(), |w| out.push(w.to_string()));
    out
}

/// FNV-1a over the UTF-8 bytes: the same hash as `search.js`, to find a word's shard.
pub fn shard_of(word: &str, shards: usize) -> usize {
    let mut h: u32 = 0x811c_9dc5;
    for b in word.bytes() {
        h ^= u32::from(b);
        h = h.wrapping_mul(0x0100_0193);
    }
    usize::try_from(h).unwrap_or(0) % shards.max(1)
}

/// Words of a batch of documents: the batch's own vocabulary, and per document the weight of
/// each of its words (by index in that vocabulary). Stopwords are left out.
struct Batch {
    vocab: Vec<Box<str>>,
    docs: Vec<Vec<(u32, f32)>>,
}

/// Marks a stopword in a batch vocabulary.
const STOP: u32 = u32::MAX;

fn tokenize_batch(lang: &str, docs: &[&SearchDoc<'_>]) -> Batch {
    let mut ids: FxHashMap<Box<str>, u32> = FxHashMap::default();
    let mut vocab: Vec<Box<str>> = Vec::new();
    // Weight per vocabulary index for the current document, and which indexes it touched.
    let mut weight: Vec<f32> = Vec::new();
    let mut touched: Vec<u32> = Vec::new();
    let mut buf = String::new();
    let mut out = Vec::with_capacity(docs.len());
    for doc in docs {
        let fields = [
            (doc.title, false, TITLE_WEIGHT),
            (doc.summary, false, SUMMARY_WEIGHT),
            (doc.html, true, 1.0),
        ];
        for (text, html, w) in fields {
            for_each_word(text, html, &mut buf, |word| {
                let id = match ids.get(word) {
                    Some(&id) => id,
                    None => {
                        let id = if is_stopword(lang, word) {
                            STOP
                        } else {
                            vocab.push(word.into());
                            weight.push(0.0);
                            u32::try_from(vocab.len() - 1).unwrap_or(STOP)
                        };
                        ids.insert(word.into(), id);
                        id
                    }
                };
                if let Some(slot) = weight.get_mut(id as usize) {
                    if *slot == 0.0 {
                        touched.push(id);
                    }
                    *slot += w;
                }
            });
        }
        let mut terms = Vec::with_capacity(touched.len());
        for id in touched.drain(..) {
            if let Some(slot) = weight.get_mut(id as usize) {
                terms.push((id, *slot));
                *slot = 0.0;
            }
        }
        out.push(terms);
    }
    Batch { vocab, docs: out }
}

/// Builds the index files of every language, in a stable order. `dir(lang)` is the folder of a
/// language's files in the output (`search/id`, or `kp2mi/search/id` under a base path).
pub fn build(docs: &[SearchDoc<'_>], dir: impl Fn(&str) -> String) -> Vec<OutputFile> {
    let mut by_lang: BTreeMap<&str, Vec<&SearchDoc<'_>>> = BTreeMap::new();
    for doc in docs {
        by_lang.entry(doc.lang).or_default().push(doc);
    }
    let mut files = Vec::new();
    for (lang, mut docs) in by_lang {
        docs.sort_by(|a, b| a.url.cmp(b.url));
        files.extend(build_language(lang, &docs, &dir(lang)));
    }
    files
}

/// The index files of one language: `meta.json`, then the posting, word and document shards.
fn build_language(lang: &str, docs: &[&SearchDoc<'_>], dir: &str) -> Vec<OutputFile> {
    // Tokenized in batches, in parallel, each batch with its own vocabulary.
    let batches: Vec<Batch> = docs
        .par_chunks(BATCH)
        .map(|chunk| tokenize_batch(lang, chunk))
        .collect();
    let (vocab, maps) = merge_vocabularies(&batches);
    let stemmed = stem_words(lang, &vocab);
    let (stems, word_stem) = number_stems(&stemmed);
    let per_doc = weigh_documents(&batches, &maps, &word_stem);
    let scored = postings(per_doc, stems.len(), docs.len());
    let total: usize = scored.iter().map(Vec::len).sum();
    let shards = (total * POSTING_BYTES / SHARD_BYTES).clamp(1, 4096);

    let mut files = vec![meta_file(lang, docs.len(), shards, dir)];
    files.extend(posting_files(&stems, &scored, shards, dir));
    files.extend(word_files(&vocab, &stemmed, shards, dir));
    files.extend(document_files(docs, dir));
    files
}

/// One vocabulary for the language, in order of first appearance, and per batch the index of
/// each of its words in it.
fn merge_vocabularies(batches: &[Batch]) -> (Vec<&str>, Vec<Vec<u32>>) {
    let mut global: FxHashMap<&str, u32> = FxHashMap::default();
    let mut vocab: Vec<&str> = Vec::new();
    let maps: Vec<Vec<u32>> = batches
        .iter()
        .map(|b| {
            b.vocab
                .iter()
                .map(|w| {
                    *global.entry(w).or_insert_with(|| {
                        vocab.push(w);
                        u32::try_from(vocab.len() - 1).unwrap_or(u32::MAX)
                    })
                })
                .collect()
        })
        .collect();
    (vocab, maps)
}

/// The stem of each distinct word, each word stemmed once (the word itself in a language
/// without a stemmer).
fn stem_words(lang: &str, vocab: &[&str]) -> Vec<String> {
    vocab
        .par_iter()
        .map_init(
            || stemmer(lang),
            |st, w| {
                st.as_ref()
                    .map_or_else(|| w.to_string(), |s| s.stem(w).into_owned())
            },
        )
        .collect()
}

/// The distinct stems in sorted order (their numbers, so the output is deterministic), and
/// the number of each word's stem.
fn number_stems(stemmed: &[String]) -> (Vec<&str>, Vec<u32>) {
    let mut stems: Vec<&str> = stemmed.iter().map(String::as_str).collect();
    stems.sort_unstable();
    stems.dedup();
    let stem_id: FxHashMap<&str, u32> = stems
        .iter()
        .enumerate()
        .map(|(i, s)| (*s, u32::try_from(i).unwrap_or(u32::MAX)))
        .collect();
    let word_stem: Vec<u32> = stemmed
        .iter()
        .map(|s| stem_id.get(s.as_str()).copied().unwrap_or(u32::MAX))
        .collect();
    (stems, word_stem)
}

/// Per document, in order: the weight of each of its stems, length-normalised.
fn weigh_documents(
    batches: &[Batch],
    maps: &[Vec<u32>],
    word_stem: &[u32],
) -> Vec<Vec<(u32, f32)>> {
    batches
        .par_iter()
        .zip(maps)
        .flat_map_iter(|(batch, map)| {
            batch.docs.iter().map(|terms| {
                let mut by_stem: Vec<(u32, f32)> = terms
                    .iter()
                    .filter_map(|&(local, w)| {
                        let word = *map.get(local as usize)?;
                        Some((*word_stem.get(word as usize)?, w))
                    })
                    .collect();
                by_stem.sort_unstable_by_key(|&(s, _)| s);
                by_stem.dedup_by(|next, kept| {
                    if next.0 == kept.0 {
                        kept.1 += next.1;
                        true
                    } else {
                        false
                    }
                });
                let length: f32 = by_stem.iter().map(|t| t.1).sum::<f32>().max(1.0);
                let norm = 1.0 / (1.0 + length / 500.0);
                for t in &mut by_stem {
                    t.1 *= norm;
                }
                by_stem
            })
        })
        .collect()
}

/// Per stem, its documents with their scores (weight × idf), best first, cut to
/// [`MAX_POSTINGS`].
fn postings(per_doc: Vec<Vec<(u32, f32)>>, stems: usize, docs: usize) -> Vec<Vec<(u32, u32)>> {
    let mut postings: Vec<Vec<(u32, f32)>> = vec![Vec::new(); stems];
    for (doc, terms) in per_doc.iter().enumerate() {
        let doc = u32::try_from(doc).unwrap_or(u32::MAX);
        for &(stem, w) in terms {
            if let Some(list) = postings.get_mut(stem as usize) {
                list.push((doc, w));
            }
        }
    }
    drop(per_doc);
    let n = docs.max(1) as f32;
    postings
        .into_par_iter()
        .map(|mut list| {
            let idf = (n / list.len().max(1) as f32).ln() + 1.0;
            let best = |a: &(u32, f32), b: &(u32, f32)| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0));
            if list.len() > MAX_POSTINGS {
                list.select_nth_unstable_by(MAX_POSTINGS - 1, best);
                list.truncate(MAX_POSTINGS);
            }
            list.sort_unstable_by(best);
            list.into_iter()
                .map(|(doc, w)| (doc, (w * idf * 100.0).round().clamp(1.0, 1.0e9) as u32))
                .collect()
        })
        .collect()
}

/// `meta.json`: what the query side needs to find the other files.
fn meta_file(lang: &str, docs: usize, shards: usize, dir: &str) -> OutputFile {
    OutputFile {
        path: format!("{dir}/meta.json"),
        bytes: serde_json::json!({
            "v": 2,
            "lang": lang,
            "docs": docs,
            "shards": shards,
            "chunk": DOC_CHUNK,
        })
        .to_string()
        .into_bytes(),
    }
}

/// `p{n}.json`: the postings of the stems that hash to shard `n`, in sorted order.
fn posting_files(
    stems: &[&str],
    scored: &[Vec<(u32, u32)>],
    shards: usize,
    dir: &str,
) -> Vec<OutputFile> {
    let mut posting_shards: Vec<Vec<u32>> = vec![Vec::new(); shards];
    for (i, stem) in stems.iter().enumerate() {
        if let Some(shard) = posting_shards.get_mut(shard_of(stem, shards)) {
            shard.push(u32::try_from(i).unwrap_or(u32::MAX));
        }
    }
    posting_shards
        .par_iter()
        .enumerate()
        .map(|(i, ids)| {
            let mut out = Vec::with_capacity(ids.len() * 64);
            out.push(b'{');
            let mut num = itoa::Buffer::new();
            for (k, &id) in ids.iter().enumerate() {
                if k > 0 {
                    out.push(b',');
                }
                json_str(&mut out, stems.get(id as usize).copied().unwrap_or(""));
                out.extend_from_slice(b":[");
                let list = scored.get(id as usize).map_or(&[][..], Vec::as_slice);
                write_postings(&mut out, &mut num, list);
                out.push(b']');
            }
            out.push(b'}');
            OutputFile {
                path: format!("{dir}/p{i}.json"),
                bytes: out,
            }
        })
        .collect()
}

/// `[doc,score],[doc,score],…` of one stem.
fn write_postings(out: &mut Vec<u8>, num: &mut itoa::Buffer, list: &[(u32, u32)]) {
    for (j, &(doc, score)) in list.iter().enumerate() {
        if j > 0 {
            out.push(b',');
        }
        out.push(b'[');
        out.extend_from_slice(num.format(doc).as_bytes());
        out.push(b',');
        out.extend_from_slice(num.format(score).as_bytes());
        out.push(b']');
    }
}

/// `w{n}.json`: the words that hash to shard `n` and are not their own stem, in sorted order.
fn word_files(vocab: &[&str], stemmed: &[String], shards: usize, dir: &str) -> Vec<OutputFile> {
    let mut word_shards: Vec<Vec<(&str, &str)>> = vec![Vec::new(); shards];
    for (word, stem) in vocab.iter().zip(stemmed) {
        if word != stem
            && let Some(shard) = word_shards.get_mut(shard_of(word, shards))
        {
            shard.push((word, stem));
        }
    }
    word_shards
        .par_iter_mut()
        .enumerate()
        .map(|(i, pairs)| {
            pairs.sort_unstable();
            let mut out = Vec::with_capacity(pairs.len() * 24);
            out.push(b'{');
            for (k, (word, stem)) in pairs.iter().enumerate() {
                if k > 0 {
                    out.push(b',');
                }
                json_str(&mut out, word);
                out.push(b':');
                json_str(&mut out, stem);
            }
            out.push(b'}');
            OutputFile {
                path: format!("{dir}/w{i}.json"),
                bytes: out,
            }
        })
        .collect()
}

/// `d{n}.json`: `[title, url, summary]` of [`DOC_CHUNK`] documents each, in URL order.
fn document_files(docs: &[&SearchDoc<'_>], dir: &str) -> Vec<OutputFile> {
    docs.par_chunks(DOC_CHUNK)
        .enumerate()
        .map(|(i, chunk)| {
            let rows: Vec<[&str; 3]> = chunk
                .iter()
                .map(|d| [d.title, d.url, cut(d.summary, SUMMARY_CHARS)])
                .collect();
            OutputFile {
                path: format!("{dir}/d{i}.json"),
                bytes: serde_json::to_vec(&rows).unwrap_or_else(|_| b"[]".to_vec()),
            }
        })
        .collect()
}

/// Writes `s` as a JSON string.
fn json_str(out: &mut Vec<u8>, s: &str) {
    if serde_json::to_writer(&mut *out, s).is_err() {
        let _ = out.write_all(b"\"\"");
    }
}

/// `s` cut at a word boundary to at most `max` characters.
fn cut(s: &str, max: usize) -> &str {
    match s.char_indices().nth(max) {
        None => s,
        Some((end, _)) => {
            let head = s.get(..end).unwrap_or(s);
            head.rfind(' ')
                .and_then(|sp| head.get(..sp))
                .unwrap_or(head)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc<'a>(lang: &'a str, url: &'a str, title: &'a str, html: &'a str) -> SearchDoc<'a> {
        SearchDoc {
            lang,
            url,
            title,
            summary: "",
            html,
        }
    }

    fn dir(lang: &str) -> String {
        format!("search/{lang}")
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
        let stem = words[word].as_str().unwrap_or(word);
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
                "<p>Cara bekerja secara resmi.</p>",
            ),
            doc("id", "/b/", "Pengaduan", "<p>Hubungi Crisis Center.</p>"),
            doc(
                "id",
                "/c/",
                "Lowongan",
                "<p>Pekerjaan di pabrik dan perkebunan.</p>",
            ),
            doc(
                "en",
                "/en/a/",
                "Working abroad",
                "<p>How to work legally.</p>",
            ),
        ];
        let files = build(&docs, dir);
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
            query(&build(&docs, dir), "id", "paspor")
                .first()
                .map(String::as_str),
            Some("/y/")
        );
    }

    #[test]
    fn tags_and_entities_are_not_words() {
        let mut seen = Vec::new();
        for_each_word(
            "<p class=\"lead\">Halo <b>dunia</b>&amp;kamu <a href=\"/x/\">Ke&#39;sana</a> Éclair 2024</p>",
            true,
            &mut String::new(),
            |w| seen.push(w.to_string()),
        );
        assert_eq!(
            seen,
            ["halo", "dunia", "kamu", "ke", "sana", "éclair", "2024"]
        );
    }

    #[test]
    fn index_is_deterministic_and_sharded() {
        let texts: Vec<String> = (0..600)
            .map(|i| {
                format!(
                    "<p>pekerja migran {i} bekerja di negara {} penempatan</p>",
                    i % 7
                )
            })
            .collect();
        let urls: Vec<String> = (0..600).map(|i| format!("/p/{i:04}/")).collect();
        let docs: Vec<SearchDoc<'_>> = texts
            .iter()
            .zip(&urls)
            .map(|(t, u)| doc("id", u, "Halaman", t))
            .collect();
        let a = build(&docs, dir);
        let b = build(&docs, dir);
        assert_eq!(a.len(), b.len());
        for (x, y) in a.iter().zip(&b) {
            assert_eq!((&x.path, &x.bytes), (&y.path, &y.bytes));
        }
        // "42" occurs in one page only.
        assert_eq!(query(&a, "id", "42"), ["/p/0042/"]);
        // A stem on every page keeps only the best MAX_POSTINGS.
        assert_eq!(query(&a, "id", "pekerja").len(), MAX_POSTINGS);
        let docs_files = a.iter().filter(|f| f.path.contains("/d")).count();
        assert_eq!(docs_files, 600 / DOC_CHUNK);
    }

    proptest::proptest! {
        /// The fast tokenizer splits plain text exactly as the obvious one does.
        #[test]
        fn tokenizer_matches_the_obvious_split(text in "[a-zA-Z0-9 .,éÉßİ\u{1F600}ŉ-]{0,60}") {
            let mut fast = Vec::new();
            for_each_word(&text, false, &mut String::new(), |w| fast.push(w.to_string()));
            let slow: Vec<String> = text
                .split(|c: char| !c.is_alphanumeric())
                .filter(|w| !w.is_empty() && w.len() <= MAX_WORD_BYTES)
                .map(str::to_lowercase)
                .collect();
            proptest::prop_assert_eq!(fast, slow);
        }
    }

    #[test]
    fn summaries_are_cut_at_a_word() {
        assert_eq!(cut("satu dua tiga", 6), "satu");
        assert_eq!(cut("pendek", 100), "pendek");
    }
}
