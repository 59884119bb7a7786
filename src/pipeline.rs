//! The build pipeline: `Options → Config → SourceTree → ContentGraph → bodies → RenderedSite →
//! output`, used by `build`, `check` and `serve`.
//!
//! Each stage returns its data and its diagnostics and the pipeline goes as far as it can, so
//! that one run reports every error: Markdown links are checked even when a template failed,
//! and a failed run still hands back the content graph for the checks that need only it.
//! Nothing is written unless the whole build succeeded.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::PathBuf;
use std::time::{Duration, Instant};

use rayon::prelude::*;

use crate::content::{self, Publish};
use crate::dates::Date;
use crate::diag::Diagnostics;
use crate::links::{self, SiteIndex};
use crate::markdown::{self, Links};
use crate::render::{self, Bodies};
use crate::{config, images, source, theme};

/// What to build, and where.
#[derive(Debug, Clone)]
pub struct Options {
    pub root: PathBuf,
    /// Defaults to `<root>/public`.
    pub output: Option<PathBuf>,
    pub base_url: Option<String>,
    /// Publish drafts and future-dated pages too.
    pub drafts: bool,
    /// `false` runs everything but writes nothing (for `check`).
    pub write: bool,
}

/// What a successful build did.
#[derive(Debug)]
pub struct BuildReport {
    /// Published pages per language, in site order.
    pub pages: Vec<(String, usize)>,
    pub files: usize,
    pub unpublished: usize,
    pub output: PathBuf,
    pub elapsed: Duration,
    /// Warnings only.
    pub diagnostics: Diagnostics,
    /// Images processed in this run and found in the cache.
    pub images: images::Stats,
}

/// A site generated in memory: every output file, the content files to copy, and counts.
#[derive(Debug)]
pub struct Generated {
    pub files: Vec<render::OutputFile>,
    pub assets: Vec<content::AssetOut>,
    /// Published pages per language, in site order.
    pub pages: Vec<(String, usize)>,
    pub unpublished: usize,
    /// Warnings only.
    pub diagnostics: Diagnostics,
    /// Output path → the content file it was rendered from.
    pub source_of: HashMap<String, String>,
    /// (output path, URL) of every link written in Markdown (already checked).
    pub markdown_links: HashSet<(String, String)>,
    /// The date the build ran as.
    pub today: Date,
    pub graph: content::ContentGraph,
    pub config: config::Config,
    /// Images processed in this run and found in the cache.
    pub images: images::Stats,
    /// The rendered Markdown of every page, section and home (for the dev server's fast
    /// rebuilds).
    pub bodies: Bodies,
    pub theme: theme::Theme,
}

/// A run of the pipeline that found errors.
#[derive(Debug)]
pub struct Failed {
    /// Every finding of the run, errors and warnings.
    pub diagnostics: Diagnostics,
    /// The site's content, when the run got as far as reading it (not when `site.yaml` failed).
    pub content: Option<Content>,
}

/// A site's content as the pipeline read it: what the checks that look at the content graph
/// alone (translations, review dates) need.
#[derive(Debug)]
pub struct Content {
    pub config: config::Config,
    pub graph: content::ContentGraph,
    /// The date the run ran as.
    pub today: Date,
}

impl Generated {
    /// Every path this build writes: rendered files, then content files and photos.
    pub fn paths(&self) -> impl Iterator<Item = &str> {
        self.files
            .iter()
            .map(|f| f.path.as_str())
            .chain(self.assets.iter().map(|a| a.url.as_str()))
    }
}

/// Runs the pipeline in memory ([`run`]); a failed run gives its diagnostics only.
pub fn generate(opts: &Options) -> Result<Generated, Diagnostics> {
    run(opts).map_err(|failed| failed.diagnostics)
}

/// Runs the pipeline in memory: config, sources, graph, Markdown, templates. Writes nothing.
pub fn run(opts: &Options) -> Result<Generated, Failed> {
    let mut diags = Diagnostics::new();
    let root = &opts.root;
    let mut clock = Stopwatch::new();

    let config = config::load(root, opts.base_url.as_deref()).map_err(|diagnostics| Failed {
        diagnostics,
        content: None,
    })?;
    let theme = match theme::load(root, config.theme.as_deref()) {
        Ok(t) => {
            // UI strings used by a template and found in no language: one error, no pages.
            let ds = theme::check_i18n(&t, &config.languages, &config.default_language);
            let usable = !ds.has_errors();
            diags.extend(ds);
            usable.then_some(t)
        }
        Err(ds) => {
            diags.extend(ds);
            None
        }
    };
    clock.lap("config and theme");
    let (tree, ds) = source::read_content(root, &config.languages, &config.default_language);
    diags.extend(ds);
    let (statics, ds) = source::read_static(root);
    diags.extend(ds);
    clock.lap("read content");

    let today = Date::today();
    let (graph, ds) = content::build(
        &config,
        tree,
        Publish {
            drafts: opts.drafts,
            today,
        },
    );
    diags.extend(ds);
    clock.lap("front matter and graph");
    let (catalog, ds) = images::catalog(&config, root, &graph);
    diags.extend(ds);
    clock.lap("image headers");

    let html_policy = config.markdown.clone();
    let links = Links {
        html: &html_policy,
        graph: &graph,
        languages: &config.languages,
        default_language: &config.default_language,
        images: &catalog,
    };
    let page_results: Vec<_> = graph
        .pages
        .par_iter()
        .map(|page| markdown::render_page(page, &links))
        .collect();
    let mut bodies = Bodies::default();
    for (rendered, ds) in page_results {
        diags.extend(ds);
        bodies.pages.push(rendered);
    }
    for (si, section) in graph.sections.iter().enumerate() {
        for (lang, sl) in &section.langs {
            if let Some(body) = &sl.body {
                let (r, ds) = markdown::render(
                    body,
                    &markdown::Context {
                        lang,
                        url: &sl.url,
                        dir: &section.key,
                    },
                    &links,
                );
                diags.extend(ds);
                bodies.sections.insert((si, lang.clone()), r);
            }
        }
    }
    for (lang, home) in &graph.homes {
        if let Some(body) = &home.body {
            let (r, ds) = markdown::render(
                body,
                &markdown::Context {
                    lang,
                    url: &home.url,
                    dir: "",
                },
                &links,
            );
            diags.extend(ds);
            bodies.homes.insert(lang.clone(), r);
        }
    }

    // Files under `content/` are published when a page links them.
    let linked = crate::published::linked(&config, &graph, &bodies, &links);
    diags.extend(crate::published::unused(&graph, &linked));
    bodies.images = catalog;
    clock.lap("markdown");
    // Pixels are made while the templates render: both only read what came before. Without a
    // usable theme nothing renders, but the rest still runs, to report what it finds.
    let references = image_references(&graph, &bodies);
    let (rendered, processed) = rayon::join(
        || {
            theme
                .as_ref()
                .map(|theme| render::render(&config, theme, &graph, &bodies, today))
        },
        || images::process(&bodies.images, &references, root),
    );
    let (mut site, all_rendered) = match rendered {
        Some((site, ds)) => {
            let complete = !ds.has_errors();
            diags.extend(ds);
            (site, complete)
        }
        None => (render::RenderedSite::default(), false),
    };
    diags.extend(processed.diagnostics);
    let mut assets = crate::published::content_files(&graph, &linked, &processed.replaced);
    assets.extend(processed.assets);
    clock.lap("templates and images");
    site.files.extend(search_index(&config, &graph, &bodies));
    clock.lap("search index");
    let (statics, ds) = crate::published::static_files(
        &config,
        &graph,
        theme.as_ref(),
        statics,
        &mut site.files,
        &assets,
    );
    diags.extend(ds);
    assets.extend(statics);

    // Links written in Markdown, against what was rendered. When some outputs failed to
    // render, the ones the content implies count as there (the fault is the template's, not
    // the link's), their anchors unchecked.
    let mut source_of = HashMap::new();
    let mut markdown_links = HashSet::new();
    {
        let mut index = SiteIndex::new(&site.files, assets.iter().map(|a| a.url.clone()));
        if !all_rendered {
            index = index.with_unrendered(content_paths(&config, &graph));
        }
        // Every rendered body with the URL of its output and its source file.
        let mut all: Vec<(&str, &str, &markdown::Rendered)> = Vec::new();
        for (page, rendered) in graph.pages.iter().zip(&bodies.pages) {
            all.push((&page.url, page.file(), rendered));
        }
        for ((si, lang), rendered) in &bodies.sections {
            if let Some(sl) = graph.sections.get(*si).and_then(|s| s.langs.get(lang))
                && let Some(body) = &sl.body
            {
                all.push((&sl.url, &body.file.display, rendered));
            }
        }
        for (lang, rendered) in &bodies.homes {
            if let Some(home) = graph.homes.get(lang)
                && let Some(body) = &home.body
            {
                all.push((&home.url, &body.file.display, rendered));
            }
        }
        let mut per_body: Vec<(&str, &[markdown::LinkRef])> = Vec::with_capacity(all.len());
        for (url, file, rendered) in all {
            let path = render::url_to_path(url);
            per_body.push((file, &rendered.links));
            for link in &rendered.links {
                markdown_links.insert((path.clone(), link.url.clone()));
            }
            source_of.insert(path, file.to_string());
        }
        diags.extend(links::check_markdown_links(&index, &per_body));
    }
    clock.lap("link checks");
    diags.extend(crate::budgets::check(&config, &site.files, &source_of));
    clock.report();
    // A theme that could not be used was reported as an error: either way the run failed.
    let Some(theme) = theme.filter(|_| !diags.has_errors()) else {
        return Err(Failed {
            diagnostics: diags,
            content: Some(Content {
                config,
                graph,
                today,
            }),
        });
    };
    // The build succeeded: every image it needs is known, so old leftovers can go.
    let mut image_stats = processed.stats;
    if cfg!(feature = "images") {
        image_stats.pruned = images::prune(root, &processed.used, images::CACHE_GRACE);
    }

    let counts: BTreeMap<String, usize> = site.page_counts;
    let pages = config
        .languages
        .iter()
        .map(|l| (l.clone(), counts.get(l).copied().unwrap_or(0)))
        .collect();
    Ok(Generated {
        files: site.files,
        assets,
        pages,
        unpublished: graph.drafts_skipped,
        diagnostics: diags,
        source_of,
        markdown_links,
        today,
        graph,
        config,
        images: image_stats,
        bodies,
        theme,
    })
}

/// The paths of the outputs the content implies, rendered or not: pages and their aliases,
/// homes, section and tag lists with their later pages, the tag indexes, 404 pages, feeds,
/// the sitemap and `robots.txt`.
fn content_paths(config: &config::Config, graph: &content::ContentGraph) -> Vec<String> {
    // A list and its later pages, 20 entries a page: `/berita/`, `/berita/page/2/`, …
    fn list(url: &str, entries: usize) -> impl Iterator<Item = String> + '_ {
        let later =
            (2..=entries.div_ceil(content::PAGE_SIZE)).map(move |n| format!("{url}page/{n}/"));
        std::iter::once(url.to_string()).chain(later)
    }
    let mut urls: Vec<String> = Vec::new();
    for page in &graph.pages {
        urls.push(page.url.clone());
        urls.extend(
            page.fm
                .aliases
                .iter()
                .map(|a| config.url(&content::normalize_alias(a))),
        );
    }
    for (lang, home) in &graph.homes {
        urls.push(home.url.clone());
        urls.push(format!("{}atom.xml", home.url));
        urls.push(format!("{}/404.html", config.lang_prefix(lang)));
    }
    for sl in graph.sections.iter().flat_map(|s| s.langs.values()) {
        urls.extend(list(&sl.url, sl.pages.len()));
        urls.push(format!("{}atom.xml", sl.url));
    }
    for (lang, tags) in &graph.tags {
        urls.push(format!("{}/tags/", config.lang_prefix(lang)));
        for tag in tags.values() {
            urls.extend(list(&tag.url, tag.pages.len()));
        }
    }
    urls.push(config.url("/sitemap.xml"));
    urls.push(config.url("/robots.txt"));
    urls.iter().map(|u| render::url_to_path(u)).collect()
}

/// Every use of a `content/` image: shown or linked in bodies, and the pages' lead images.
fn image_references(graph: &content::ContentGraph, bodies: &Bodies) -> Vec<images::Reference> {
    let mut refs: Vec<images::Reference> = Vec::new();
    for page in &graph.pages {
        if let Some(image) = &page.fm.image
            && let Some(rel) = images::lead_rel(&page.key, image)
        {
            let position = page.key_position("image");
            refs.push(images::Reference {
                rel,
                file: page.file().to_string(),
                position,
                usage: images::Usage::Lead {
                    focus: images::focus(page.fm.image_focus),
                },
            });
        }
    }
    refs.extend(bodies.pages.iter().flat_map(|r| r.images.iter().cloned()));
    let mut others: Vec<&images::Reference> = bodies
        .sections
        .values()
        .chain(bodies.homes.values())
        .flat_map(|r| &r.images)
        .collect();
    // Sections and homes sit in hash maps: sorted, so the first reference is always the same.
    others.sort_by(|a, b| {
        (&a.file, a.position.as_ref().map(|p| (p.line, p.column)))
            .cmp(&(&b.file, b.position.as_ref().map(|p| (p.line, p.column))))
    });
    refs.extend(others.into_iter().cloned());
    refs
}

/// The search index of every language, from the text already in memory.
pub fn search_index(
    config: &config::Config,
    graph: &content::ContentGraph,
    bodies: &Bodies,
) -> Vec<render::OutputFile> {
    let docs: Vec<crate::search::SearchDoc<'_>> = graph
        .pages
        .iter()
        .zip(&bodies.pages)
        .map(|(page, rendered)| crate::search::SearchDoc {
            lang: &page.lang,
            url: &page.url,
            title: &page.fm.title,
            summary: page
                .fm
                .description
                .as_deref()
                .unwrap_or(&rendered.first_paragraph),
            html: &rendered.html,
        })
        .collect();
    crate::search::build(&docs, |lang| {
        render::url_to_path(&config.url(&format!("/search/{lang}/")))
            .trim_end_matches("/index.html")
            .to_string()
    })
}

/// Stage timings, printed to stderr when `WARTA_TIMINGS` is set (for profiling builds).
struct Stopwatch {
    enabled: bool,
    last: Instant,
    laps: Vec<(&'static str, Duration)>,
}

impl Stopwatch {
    fn new() -> Self {
        Stopwatch {
            enabled: std::env::var_os("WARTA_TIMINGS").is_some(),
            last: Instant::now(),
            laps: Vec::new(),
        }
    }

    fn lap(&mut self, stage: &'static str) {
        let now = Instant::now();
        self.laps.push((stage, now - self.last));
        self.last = now;
    }

    fn report(&self) {
        if self.enabled {
            for (stage, d) in &self.laps {
                eprintln!("timing: {stage:<24} {:>8.1} ms", d.as_secs_f64() * 1000.0);
            }
        }
    }
}
