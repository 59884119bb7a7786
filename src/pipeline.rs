//! The build pipeline: `Options → Config → SourceTree → ContentGraph → bodies → RenderedFiles →
//! BuiltSite`, used by `build`, `check` and `serve`.
//!
//! [`generate_or_content`] is a short driver over named stages: read the inputs (config,
//! theme, sources, content graph, image headers), render the Markdown bodies, render the files
//! while the images are processed, add the search index and the published files, then check
//! the links written in Markdown and the budgets. Each stage returns its data and its
//! diagnostics and the pipeline goes as far as it can, so that one run reports every error:
//! Markdown links are checked even when a template failed, and a failed run still hands back
//! the content graph for the checks that need only it. Nothing is written here: `build` writes
//! a [`BuiltSite`], `serve` holds it in memory.
//!
//! The date the run is for and whether to time its stages come in [`Options`]: nothing here
//! reads the clock or the environment.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use crate::artifact::{self, AssetOut, OutputFile};
use crate::content::{self, ContentGraph, PageId, Publish};
use crate::dates::Date;
use crate::diag::Diagnostics;
use crate::links::{self, SiteIndex};
use crate::markdown::{self, SiteContext};
use crate::render::{self, Bodies, RenderedFiles};
use crate::source::StaticFile;
use crate::timing::Stopwatch;
use crate::{budgets, config, images, published, source, theme};

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
    /// The date the run is for: later-dated pages wait for it (unless `drafts`), and review
    /// dates are checked against it. Read once by the command (`Date::today()`).
    pub today: Date,
    /// Print each stage's time on stderr (the command reads `WARTA_TIMINGS`).
    pub timings: bool,
}

impl Options {
    /// A run of the site at `root` as of `today` that writes nothing: the default output
    /// folder and base URL, no drafts, no timings.
    pub fn new(root: PathBuf, today: Date) -> Self {
        Options {
            root,
            output: None,
            base_url: None,
            drafts: false,
            write: false,
            today,
            timings: false,
        }
    }
}

/// A site built in memory: every output file, the content files to copy, and what the build
/// knew (for `build` to write, `check` to check further and `serve` to rebuild fast).
#[derive(Debug)]
pub struct BuiltSite {
    pub files: Vec<OutputFile>,
    pub assets: Vec<AssetOut>,
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
    pub graph: ContentGraph,
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
    pub graph: ContentGraph,
    /// The date the run ran as.
    pub today: Date,
}

impl Failed {
    /// A run that failed after reading the content.
    fn with_content(diagnostics: Diagnostics, content: Content) -> Self {
        Failed {
            diagnostics,
            content: Some(content),
        }
    }
}

impl BuiltSite {
    /// Every path this build writes: rendered files, then content files and photos.
    pub fn paths(&self) -> impl Iterator<Item = &str> {
        self.files
            .iter()
            .map(|f| f.path.as_str())
            .chain(self.assets.iter().map(|a| a.url.as_str()))
    }
}

/// Builds the site in memory ([`generate_or_content`]); a failed run gives its diagnostics
/// only.
pub fn generate(opts: &Options) -> Result<BuiltSite, Diagnostics> {
    generate_or_content(opts).map_err(|failed| failed.diagnostics)
}

/// Builds the site in memory: config, sources, graph, Markdown, templates, images, search
/// index, link checks. Writes nothing. A failed run gives every diagnostic and, when it got
/// that far, the content it read.
pub fn generate_or_content(opts: &Options) -> Result<BuiltSite, Failed> {
    let mut clock = Stopwatch::new(opts.timings, "");
    let (inputs, mut diags) = read_inputs(opts, &mut clock)?;
    let Inputs {
        config,
        theme,
        graph,
        catalog,
        statics,
    } = inputs;

    let links = SiteContext::new(&graph, &config, &catalog);
    let (mut bodies, ds) = render_bodies(&graph, &links);
    diags.extend(ds);
    // Files under `content/` are published when a page links them.
    let linked = published::linked(&config, &graph, &bodies, &links);
    diags.extend(published::unused(&graph, &linked));
    bodies.catalog = catalog;
    clock.lap("markdown");

    let ready = Ready {
        opts,
        config: &config,
        theme: theme.as_ref(),
        graph: &graph,
        bodies: &bodies,
    };
    let (out, ds) = outputs(&ready, &linked, statics, &mut clock);
    diags.extend(ds);
    let (written, ds) = markdown_links(&ready, &out);
    diags.extend(ds);
    clock.lap("link checks");
    diags.extend(budgets::check(&config, &out.files, &written.source_of));

    // A theme that could not be used was reported as an error: either way the run failed.
    let Some(theme) = theme.filter(|_| !diags.has_errors()) else {
        let content = Content {
            config,
            graph,
            today: opts.today,
        };
        return Err(Failed::with_content(diags, content));
    };
    // The build succeeded: every image it needs is known, so old leftovers can go.
    let images = prune_images(&opts.root, out.image_stats, &out.images_used);
    Ok(BuiltSite {
        files: out.files,
        assets: out.assets,
        pages: pages_per_language(&config, &out.page_counts),
        unpublished: graph.drafts_skipped,
        diagnostics: diags,
        source_of: written.source_of,
        markdown_links: written.links,
        today: opts.today,
        graph,
        config,
        images,
        bodies,
        theme,
    })
}

/// What the stages after the inputs read: settings, the theme when usable, the content graph,
/// the headers of its images, and the files of `static/`.
struct Inputs {
    config: config::Config,
    theme: Option<theme::Theme>,
    graph: ContentGraph,
    catalog: images::Catalog,
    statics: Vec<StaticFile>,
}

/// Reads `site.yaml`, the theme, `content/` and `static/`, builds the content graph and reads
/// the headers of its images. Fails only when `site.yaml` does: the rest reports and goes on.
fn read_inputs(opts: &Options, clock: &mut Stopwatch) -> Result<(Inputs, Diagnostics), Failed> {
    let root = &opts.root;
    let config = config::load(root, opts.base_url.as_deref()).map_err(|diagnostics| Failed {
        diagnostics,
        content: None,
    })?;
    let (theme, mut diags) = usable_theme(root, &config);
    clock.lap("config and theme");
    let (tree, ds) = source::read_content(root, &config.languages, &config.default_language);
    diags.extend(ds);
    let (statics, ds) = source::read_static(root);
    diags.extend(ds);
    clock.lap("read content");
    let publish = Publish {
        drafts: opts.drafts,
        today: opts.today,
    };
    let (graph, ds) = content::build(&config, tree, publish);
    diags.extend(ds);
    clock.lap("front matter and graph");
    let (catalog, ds) = images::catalog(&config, root, &graph.asset_urls);
    diags.extend(ds);
    clock.lap("image headers");
    let inputs = Inputs {
        config,
        theme,
        graph,
        catalog,
        statics,
    };
    Ok((inputs, diags))
}

/// The site's theme, when it loads and every UI string a template uses is in some language
/// (else one error, and no pages).
fn usable_theme(root: &Path, config: &config::Config) -> (Option<theme::Theme>, Diagnostics) {
    match theme::load(root, config.theme.as_deref()) {
        Ok(t) => {
            let ds = theme::check_i18n(&t, &config.languages, &config.default_language);
            let usable = !ds.has_errors();
            (usable.then_some(t), ds)
        }
        Err(ds) => (None, ds),
    }
}

/// The Markdown of every page (in parallel), section index and home, rendered once.
fn render_bodies(graph: &ContentGraph, links: &SiteContext<'_>) -> (Bodies, Diagnostics) {
    let mut diags = Diagnostics::new();
    let page_results: Vec<_> = graph
        .pages
        .par_iter()
        .map(|page| markdown::render_page(page, links))
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
                    &markdown::BodyPlace {
                        lang,
                        url: &sl.url,
                        dir: &section.key,
                    },
                    links,
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
                &markdown::BodyPlace {
                    lang,
                    url: &home.url,
                    dir: "",
                },
                links,
            );
            diags.extend(ds);
            bodies.homes.insert(lang.clone(), r);
        }
    }
    (bodies, diags)
}

/// A rendered Markdown body with where it comes from and where it is shown.
#[derive(Debug, Clone, Copy)]
pub struct SourcedBody<'a> {
    /// The page it is the body of; `None` for a section index or a home.
    pub page: Option<PageId>,
    /// The URL of the page that shows it.
    pub url: &'a str,
    /// Its content file (`content/berita/x.md`).
    pub file: &'a str,
    pub rendered: &'a markdown::Rendered,
}

/// Every rendered body with its URL and content file: the pages' in graph order, then those
/// of section indexes and homes. The one walk over bodies, for the full build's link checks
/// and the fast rebuild's.
pub fn bodies_with_sources<'a>(
    graph: &'a ContentGraph,
    bodies: &'a Bodies,
) -> impl Iterator<Item = SourcedBody<'a>> + 'a {
    let pages = graph.pages.iter().zip(&bodies.pages).enumerate();
    let pages = pages.map(|(id, (page, rendered))| SourcedBody {
        page: Some(id),
        url: &page.url,
        file: page.file(),
        rendered,
    });
    let sections = bodies.sections.iter().filter_map(|((si, lang), rendered)| {
        let sl = graph.sections.get(*si)?.langs.get(lang)?;
        let body = sl.body.as_ref()?;
        Some(SourcedBody {
            page: None,
            url: &sl.url,
            file: &body.file.display,
            rendered,
        })
    });
    let homes = bodies.homes.iter().filter_map(|(lang, rendered)| {
        let home = graph.homes.get(lang)?;
        let body = home.body.as_ref()?;
        Some(SourcedBody {
            page: None,
            url: &home.url,
            file: &body.file.display,
            rendered,
        })
    });
    pages.chain(sections).chain(homes)
}

/// What the stages after the Markdown read.
struct Ready<'a> {
    opts: &'a Options,
    config: &'a config::Config,
    /// `None` when the theme could not be used: nothing renders, the rest still runs.
    theme: Option<&'a theme::Theme>,
    graph: &'a ContentGraph,
    bodies: &'a Bodies,
}

/// The site's outputs before the checks: the rendered files with the search index, and the
/// files published as they are (content files, photos, `static/`).
struct Outputs {
    files: Vec<OutputFile>,
    assets: Vec<AssetOut>,
    /// Published pages per language.
    page_counts: BTreeMap<String, usize>,
    /// Every output rendered (no template failed).
    complete: bool,
    image_stats: images::Stats,
    /// The names in the image cache of every output this run needs.
    images_used: HashSet<String>,
}

/// Renders the files while the images are processed, then adds the linked content files, the
/// search index and `static/`.
fn outputs(
    ready: &Ready<'_>,
    linked: &published::Linked,
    statics: Vec<StaticFile>,
    clock: &mut Stopwatch,
) -> (Outputs, Diagnostics) {
    let (rendered, complete, processed, mut diags) = render_files_and_images(ready);
    let RenderedFiles {
        mut files,
        page_counts,
    } = rendered;
    let images::Processed {
        assets: photos,
        replaced,
        used,
        stats,
        diagnostics,
    } = processed;
    diags.extend(diagnostics);
    let mut assets = published::content_files(ready.graph, linked, &replaced);
    assets.extend(photos);
    clock.lap("templates and images");
    files.extend(search_index(ready.config, ready.graph, ready.bodies));
    clock.lap("search index");
    let (statics, ds) = published::static_files(
        ready.config,
        ready.graph,
        ready.theme,
        statics,
        &mut files,
        &assets,
    );
    diags.extend(ds);
    assets.extend(statics);
    let out = Outputs {
        files,
        assets,
        page_counts,
        complete,
        image_stats: stats,
        images_used: used,
    };
    (out, diags)
}

/// Renders the templates while the images are processed: both only read what came before.
/// Without a usable theme nothing renders, but the images are still looked at, to report what
/// they find. Also says whether every output rendered.
fn render_files_and_images(
    ready: &Ready<'_>,
) -> (RenderedFiles, bool, images::Processed, Diagnostics) {
    let references = image_references(ready.graph, ready.bodies);
    let (rendered, processed) = rayon::join(
        || {
            let today = ready.opts.today;
            ready
                .theme
                .map(|theme| render::render(ready.config, theme, ready.graph, ready.bodies, today))
        },
        || images::process(&ready.bodies.catalog, &references, &ready.opts.root),
    );
    let mut diags = Diagnostics::new();
    let (files, complete) = match rendered {
        Some((files, ds)) => {
            let complete = !ds.has_errors();
            diags.extend(ds);
            (files, complete)
        }
        None => (RenderedFiles::default(), false),
    };
    (files, complete, processed, diags)
}

/// The links written in Markdown, for the checks of what templates wrote.
#[derive(Debug, Default)]
struct WrittenLinks {
    /// Output path → the content file it was rendered from.
    source_of: HashMap<String, String>,
    /// (output path, URL) of every link written in Markdown.
    links: HashSet<(String, String)>,
}

/// Checks the links written in Markdown against what was rendered. When some outputs failed
/// to render, the ones the content implies count as there (the fault is the template's, not
/// the link's), their anchors unchecked.
fn markdown_links(ready: &Ready<'_>, out: &Outputs) -> (WrittenLinks, Diagnostics) {
    let mut index = SiteIndex::new(&out.files, out.assets.iter().map(|a| a.url.clone()));
    if !out.complete {
        index = index.with_unrendered(content_paths(ready.config, ready.graph));
    }
    let bodies = ready.bodies;
    let count = bodies.pages.len() + bodies.sections.len() + bodies.homes.len();
    let mut per_body: Vec<(&str, &[markdown::LinkRef])> = Vec::with_capacity(count);
    let mut written = WrittenLinks::default();
    for body in bodies_with_sources(ready.graph, bodies) {
        let path = artifact::url_to_path(body.url);
        per_body.push((body.file, &body.rendered.links));
        for link in &body.rendered.links {
            written.links.insert((path.clone(), link.url.clone()));
        }
        written.source_of.insert(path, body.file.to_string());
    }
    let diags = links::check_markdown_links(&index, &per_body);
    (written, diags)
}

/// Published pages per language, in the order of the site's languages.
fn pages_per_language(
    config: &config::Config,
    counts: &BTreeMap<String, usize>,
) -> Vec<(String, usize)> {
    config
        .languages
        .iter()
        .map(|l| (l.clone(), counts.get(l).copied().unwrap_or(0)))
        .collect()
}

/// The image counts of a successful build, with the cache files it no longer needs removed
/// (when images are processed at all).
fn prune_images(root: &Path, mut stats: images::Stats, used: &HashSet<String>) -> images::Stats {
    if cfg!(feature = "images") {
        stats.pruned = images::prune(root, used, images::CACHE_GRACE);
    }
    stats
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
        urls.extend(list(&sl.url, sl.list.len()));
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
    urls.iter().map(|u| artifact::url_to_path(u)).collect()
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
) -> Vec<artifact::OutputFile> {
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
        artifact::url_to_path(&config.url(&format!("/search/{lang}/")))
            .trim_end_matches("/index.html")
            .to_string()
    })
}
