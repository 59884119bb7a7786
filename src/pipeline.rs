//! The build pipeline: `Options → Config → SourceTree → ContentGraph → bodies → RenderedSite →
//! output`, used by `build` (and later `check` and `serve`).
//!
//! Each stage returns its data and its diagnostics and the pipeline goes as far as it can, so
//! that one run reports every error. Nothing is written unless the whole build succeeded.

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

/// Runs the pipeline in memory: config, sources, graph, Markdown, templates. Writes nothing.
pub fn generate(opts: &Options) -> Result<Generated, Diagnostics> {
    let mut diags = Diagnostics::new();
    let root = &opts.root;
    let mut clock = Stopwatch::new();

    let config = config::load(root, opts.base_url.as_deref())?;
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
        .map(|page| {
            let dir = page.key.rsplit_once('/').map_or("", |(d, _)| d);
            markdown::render(
                &page.body,
                &markdown::Context {
                    lang: &page.lang,
                    url: &page.url,
                    dir,
                },
                &links,
            )
        })
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

    bodies.images = catalog;
    clock.lap("markdown");
    let Some(theme) = theme else {
        return Err(diags);
    };
    // Pixels are made while the templates render: both only read what came before.
    let references = image_references(&graph, &bodies);
    let ((mut site, ds), processed) = rayon::join(
        || render::render(&config, &theme, &graph, &bodies, today),
        || images::process(&bodies.images, &references, root),
    );
    let render_failed = ds.has_errors();
    diags.extend(ds);
    diags.extend(processed.diagnostics);
    let mut assets: Vec<content::AssetOut> = graph
        .assets
        .iter()
        .filter(|a| !processed.replaced.contains(&a.url))
        .cloned()
        .collect();
    assets.extend(processed.assets);
    clock.lap("templates and images");
    site.files.extend(search_index(&config, &graph, &bodies));
    clock.lap("search index");

    // Links written in Markdown, against what was actually rendered (when it all rendered).
    let mut source_of = HashMap::new();
    let mut markdown_links = HashSet::new();
    if !render_failed {
        let index = SiteIndex::new(&site.files, assets.iter().map(|a| a.url.clone()));
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
    if diags.has_errors() {
        return Err(diags);
    }
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

/// Every use of a `content/` image: shown or linked in bodies, and the pages' lead images.
fn image_references(graph: &content::ContentGraph, bodies: &Bodies) -> Vec<images::Reference> {
    let mut refs: Vec<images::Reference> = Vec::new();
    for page in &graph.pages {
        if let Some(image) = &page.fm.image
            && let Some(rel) = images::lead_rel(&page.key, image)
        {
            let file = &page.body.file;
            let position = crate::frontmatter::split(file).ok().and_then(|split| {
                crate::yaml::Block {
                    file,
                    text: split.yaml,
                    first_line: split.yaml_first_line,
                }
                .key_position("image")
            });
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
