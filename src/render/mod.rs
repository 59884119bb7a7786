//! Rendering: the content graph and rendered bodies → the files of the site, in memory.
//!
//! [`render`] compiles the theme's templates once, then renders every output (pages, section
//! and tag lists, homes, 404s, aliases, feeds, sitemap, robots.txt) in parallel with rayon and
//! gathers the results in a stable order. One failing template call becomes a diagnostic that
//! names the template, its line, and the page being rendered; the rest still render.

mod engine;
mod host;
mod jsonld;
mod views;

use std::collections::HashSet;

use rayon::prelude::*;

use engine::Origin;

use crate::artifact::{OutputFile, url_to_path};
use crate::config::Config;
use crate::content::{ContentGraph, PAGE_SIZE, PageId};
use crate::dates::Date;
use crate::diag::Code;
use crate::diag::{Diagnostic, Diagnostics};
use crate::markdown::Rendered;
use crate::msg;
use crate::theme::Theme;
use crate::timing::Stopwatch;

pub use engine::Engine;

/// Rendered bodies, aligned with the graph's pages, plus those of homes and section indexes.
#[derive(Debug, Default)]
pub struct Bodies {
    pub pages: Vec<Rendered>,
    /// (section index, lang) → body.
    pub sections: std::collections::HashMap<(usize, String), Rendered>,
    /// lang → body.
    pub homes: std::collections::HashMap<String, Rendered>,
    /// The site's raster images, for the `<picture>` of lead images.
    pub catalog: crate::images::Catalog,
}

/// The files the templates made, with the number of pages per language.
#[derive(Debug, Default)]
pub struct RenderedFiles {
    pub files: Vec<OutputFile>,
    /// Pages per language.
    pub page_counts: std::collections::BTreeMap<String, usize>,
}

/// A unit of rendering work.
enum Job {
    Page(PageId),
    Section {
        section: usize,
        lang: String,
        number: usize,
    },
    Home(String),
    TagList(String),
    Tag {
        lang: String,
        slug: String,
        number: usize,
    },
    NotFound(String),
    /// The search page of a language (when the theme has `search.html`).
    Search(String),
    Alias {
        page: PageId,
        alias: String,
    },
    Feed {
        lang: String,
        section: Option<usize>,
    },
    Sitemap,
    Robots,
}

/// Renders the whole site.
pub fn render(
    config: &Config,
    theme: &Theme,
    graph: &ContentGraph,
    bodies: &Bodies,
    today: Date,
) -> (RenderedFiles, Diagnostics) {
    let mut diags = Diagnostics::new();
    let statics = crate::theme::publish_statics(&theme.statics);
    let engine = match Engine::new(theme, config, &statics) {
        Ok(e) => e,
        Err(ds) => return (RenderedFiles::default(), ds),
    };
    let site = views::Views::new(config, theme, graph, bodies, today);
    let jobs = jobs(config, theme, graph);
    let (mut files, ds) = run_all(&jobs, &engine, &site);
    diags.extend(ds);
    let mut immutable = Vec::new();
    for file in statics {
        let url = config.url(&format!("/{}", file.published));
        if file.hashed {
            immutable.push(url.clone());
        }
        files.push(OutputFile {
            path: url_to_path(&url),
            bytes: file.bytes,
        });
    }
    if bodies.catalog.has_photos() {
        immutable.push(config.url(&format!("{}/*", crate::config::IMAGES_OUTPUT_DIR)));
    }
    let (headers, warnings) = host::headers(config, graph, &immutable);
    diags.extend(warnings);
    files.push(OutputFile {
        path: url_to_path(&config.url("/_headers")),
        bytes: headers.into_bytes(),
    });
    files.push(OutputFile {
        path: url_to_path(&config.url("/_redirects")),
        bytes: host::redirects(config, graph).into_bytes(),
    });
    diags.extend(collisions(&files, &graph.collided));
    let mut page_counts = std::collections::BTreeMap::new();
    for page in &graph.pages {
        *page_counts.entry(page.lang.clone()).or_insert(0) += 1;
    }
    (RenderedFiles { files, page_counts }, diags)
}

/// Every output of the site, as units of work.
fn jobs(config: &Config, theme: &Theme, graph: &ContentGraph) -> Vec<Job> {
    let mut jobs = Vec::new();
    for (id, _) in graph.pages.iter().enumerate() {
        jobs.push(Job::Page(id));
    }
    for lang in &config.languages {
        jobs.push(Job::Home(lang.clone()));
        jobs.push(Job::NotFound(lang.clone()));
        if theme.template("search.html").is_some() {
            jobs.push(Job::Search(lang.clone()));
        }
        jobs.push(Job::Feed {
            lang: lang.clone(),
            section: None,
        });
        for (si, section) in graph.sections.iter().enumerate() {
            if let Some(sl) = section.langs.get(lang) {
                let pages = sl.list.len().div_ceil(PAGE_SIZE).max(1);
                for number in 1..=pages {
                    jobs.push(Job::Section {
                        section: si,
                        lang: lang.clone(),
                        number,
                    });
                }
                jobs.push(Job::Feed {
                    lang: lang.clone(),
                    section: Some(si),
                });
            }
        }
        if let Some(tags) = graph.tags.get(lang) {
            jobs.push(Job::TagList(lang.clone()));
            for (slug, tag) in tags {
                for number in 1..=tag.pages.len().div_ceil(PAGE_SIZE).max(1) {
                    jobs.push(Job::Tag {
                        lang: lang.clone(),
                        slug: slug.clone(),
                        number,
                    });
                }
            }
        }
    }
    for (id, page) in graph.pages.iter().enumerate() {
        for alias in &page.fm.aliases {
            jobs.push(Job::Alias {
                page: id,
                alias: alias.clone(),
            });
        }
    }
    jobs.push(Job::Sitemap);
    jobs.push(Job::Robots);
    jobs
}

/// The outputs that show something of `pages` other than their place in the site: the pages
/// themselves, their translations (language switch), the country pages that list them, the
/// list pages that hold them (section, tag, home), the feeds they are in, and their alias
/// pages. Valid when the pages' URLs,
/// dates, tags and other list-deciding fields are unchanged (see `incremental`). The time of
/// each step goes to `clock`.
pub fn render_affected(
    config: &Config,
    theme: &Theme,
    graph: &ContentGraph,
    bodies: &Bodies,
    today: Date,
    pages: &[PageId],
    clock: &mut Stopwatch,
) -> (Vec<OutputFile>, Diagnostics) {
    let mut lap = |stage: &str| clock.lap(stage);
    let statics = crate::theme::publish_statics(&theme.statics);
    let engine = match Engine::new(theme, config, &statics) {
        Ok(e) => e,
        Err(ds) => return (Vec::new(), ds),
    };
    lap("engine");
    let mut wanted: std::collections::HashSet<PageId> = pages.iter().copied().collect();
    for &id in pages {
        if let Some(page) = graph.pages.get(id) {
            wanted.extend(page.translations.iter().copied());
            // The other guides of its journey show its title and address.
            wanted.extend(graph.journeys.pages_sharing(&page.key));
        }
    }
    // Country pages list the press releases and guides that name them.
    wanted.extend(views::country_pages_showing(graph, pages));
    // The list page a page sits on: its position in the sorted list, 20 to a page.
    let list_page =
        |ids: &[PageId], id: PageId| ids.iter().position(|&x| x == id).map(|i| i / PAGE_SIZE + 1);
    let touches = |job: &Job| -> bool {
        pages
            .iter()
            .filter_map(|&id| graph.pages.get(id).map(|p| (id, p)))
            .any(|(id, p)| match job {
                Job::Page(x) => wanted.contains(x),
                Job::Alias { page, .. } => *page == id,
                // A home's latest list may show pages of the other languages.
                Job::Home(_) => true,
                Job::Feed { lang, section } => {
                    *lang == p.lang && (section.is_none() || *section == p.section)
                }
                Job::Section {
                    section,
                    lang,
                    number,
                } => {
                    Some(*section) == p.section
                        && graph
                            .sections
                            .get(*section)
                            .and_then(|s| s.langs.get(lang))
                            .and_then(|sl| list_page(&sl.list, id))
                            == Some(*number)
                }
                Job::Tag { lang, slug, number } => {
                    *lang == p.lang
                        && graph
                            .tags
                            .get(lang)
                            .and_then(|tags| tags.get(slug))
                            .and_then(|tag| list_page(&tag.pages, id))
                            == Some(*number)
                }
                Job::TagList(_)
                | Job::NotFound(_)
                | Job::Search(_)
                | Job::Sitemap
                | Job::Robots => false,
            })
    };
    let site = views::Views::new(config, theme, graph, bodies, today);
    lap("site views");
    let jobs: Vec<Job> = jobs(config, theme, graph)
        .into_iter()
        .filter(|j| touches(j))
        .collect();
    lap("jobs");
    run_all(&jobs, &engine, &site)
}

/// Renders `jobs` in parallel: the files, and a diagnostic for each that failed plus what the
/// views reported.
fn run_all(
    jobs: &[Job],
    engine: &Engine,
    site: &views::Views<'_>,
) -> (Vec<OutputFile>, Diagnostics) {
    let results: Vec<Result<OutputFile, Diagnostic>> = jobs
        .par_iter()
        .map(|job| render_job(job, engine, site))
        .collect();
    let mut diags = Diagnostics::new();
    let mut files = Vec::with_capacity(results.len());
    for r in results {
        match r {
            Ok(f) => files.push(f),
            Err(d) => diags.push(d),
        }
    }
    diags.extend(site.diagnostics());
    (files, diags)
}

/// Two outputs on one path: content that takes the URL of a page warta makes itself (the
/// search page, tags, a feed), which the content graph's own check cannot see.
fn collisions(files: &[OutputFile], reported: &HashSet<String>) -> Diagnostics {
    let reported: HashSet<String> = reported.iter().map(|u| url_to_path(u)).collect();
    let mut paths: Vec<&str> = files
        .iter()
        .map(|f| f.path.as_str())
        .filter(|p| !reported.contains(*p))
        .collect();
    paths.sort_unstable();
    let mut out = Diagnostics::new();
    for pair in paths.windows(2) {
        if let [a, b] = pair
            && a == b
            && out.len() < 20
        {
            out.push(
                Diagnostic::error(
                    Code::DuplicateOutput,
                    a.to_string(),
                    msg!("render-two-outputs", path = *a),
                )
                .with_hint(msg!("render-two-outputs-hint")),
            );
        }
    }
    out
}

fn render_job(
    job: &Job,
    engine: &Engine,
    site: &views::Views<'_>,
) -> Result<OutputFile, Diagnostic> {
    match job {
        Job::Page(id) => {
            let (template, ctx, origin) = site.page(*id, engine);
            let url = &site.graph.pages[*id].url;
            engine
                .render(&template, &ctx, &origin)
                .map(|html| html_file(url, html))
        }
        Job::Section {
            section,
            lang,
            number,
        } => {
            let (ctx, url, origin) = site.section(*section, lang, *number);
            engine
                .render("section.html", &ctx, &origin)
                .map(|html| html_file(&url, html))
        }
        Job::Home(lang) => {
            let (ctx, url, origin) = site.home(lang);
            engine
                .render("home.html", &ctx, &origin)
                .map(|html| html_file(&url, html))
        }
        Job::TagList(lang) => {
            let (ctx, url) = site.tag_list(lang);
            engine
                .render("tags.html", &ctx, &url)
                .map(|html| html_file(&url, html))
        }
        Job::Tag { lang, slug, number } => {
            let (ctx, url) = site.tag(lang, slug, *number);
            engine
                .render("tag.html", &ctx, &url)
                .map(|html| html_file(&url, html))
        }
        Job::NotFound(lang) => {
            let (ctx, path) = site.not_found(lang);
            engine
                .render("404.html", &ctx, &path)
                .map(|html| OutputFile {
                    path,
                    bytes: html.into_bytes(),
                })
        }
        Job::Search(lang) => {
            let (ctx, url) = site.search(lang);
            engine
                .render("search.html", &ctx, &url)
                .map(|html| html_file(&url, html))
        }
        Job::Alias { page, alias } => {
            let (ctx, path) = site.alias(*page, alias);
            let origin = Origin::Alias {
                file: site.graph.pages[*page].file(),
                alias,
            };
            engine
                .render("alias.html", &ctx, origin)
                .map(|html| OutputFile {
                    path,
                    bytes: html.into_bytes(),
                })
        }
        Job::Feed { lang, section } => {
            let (ctx, path) = site.feed(lang, *section);
            engine
                .render("atom.xml", &ctx, &path)
                .map(|xml| OutputFile {
                    path,
                    bytes: xml.into_bytes(),
                })
        }
        Job::Sitemap => {
            let ctx = site.sitemap();
            engine
                .render("sitemap.xml", &ctx, "sitemap.xml")
                .map(|xml| OutputFile {
                    path: url_to_path(&site.config.url("/sitemap.xml")),
                    bytes: xml.into_bytes(),
                })
        }
        Job::Robots => Ok(OutputFile {
            path: url_to_path(&site.config.url("/robots.txt")),
            bytes: format!(
                "User-agent: *\nAllow: /\n\nSitemap: {}/sitemap.xml\n",
                site.config.base_url
            )
            .into_bytes(),
        }),
    }
}

fn html_file(url: &str, html: String) -> OutputFile {
    OutputFile {
        path: url_to_path(url),
        bytes: html.into_bytes(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_map_to_index_files() {
        assert_eq!(url_to_path("/"), "index.html");
        assert_eq!(url_to_path("/en/news/x/"), "en/news/x/index.html");
        assert_eq!(url_to_path("/old.html"), "old.html");
    }
}
