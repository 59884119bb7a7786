# warta's messages to editors, in English.
#
# For translators: every message here has a twin with the same id in id.ftl. Change the
# words on the right of `=`; keep the id and every `{ $name }` (a value warta fills in).
# A text that goes on over several lines continues on lines indented by four spaces.
# Plurals: `{ $count -> [one] … *[other] … }`. `cargo test i18n` checks both files.

## The transition to the catalogue: text not yet moved in here.
untranslated = { $text }


## Links (links.rs): every link on the site must lead somewhere.
link-broken = broken link: nothing is published at { $path }
link-broken-hint = link to a page by its file, as `@/section/file.md` (for example `@/panduan/cara-mengadu.md`), and warta finds its address in each language
link-anchor-broken = broken anchor: { $path } has no `#{ $fragment }`
link-anchor-did-you-mean = did you mean `#{ $near }`?
link-anchor-hint = a link to a part of a page uses the id of a heading: the heading `## Langkah 2` has the id `langkah-2`
link-in-template = { $problem } (in the page { $page }, written by a template)
link-in-template-hint = { $hint }; if the link comes from the theme, fix the template


## Reading content/ (source.rs). Ids start with `source-`.


## The site's settings, site.yaml (config.rs). Ids start with `config-`.


## The theme and its UI strings (theme.rs). Ids start with `theme-`.


## The top block of a file, as YAML reads it (yaml.rs). Ids start with `yaml-`.


## The fields of the top block (frontmatter.rs). Ids start with `frontmatter-`.


## Pages, sections, addresses and translations (content/). Ids start with `content-`.


## Text left from `warta new` (content/scaffold.rs). Ids start with `scaffold-`.


## The text of pages (markdown.rs). Ids start with `markdown-`.


## Photos (images.rs). Ids start with `images-`.


## Templates (render/). Ids start with `render-`.


## Page weight (budgets.rs). Ids start with `budgets-`.


## Search (search.rs). Ids start with `search-`.


## Writing the site (output.rs). Ids start with `output-`.


## Host files and the build (deploy.rs). Ids start with `deploy-`.


## What was published, and warta diff (manifest.rs). Ids start with `manifest-`.


## warta check (check.rs). Ids start with `check-`.


## warta new (new.rs). Ids start with `new-`.


## The command line and the summaries (cli.rs). Ids start with `cli-`.


## warta serve and its overlay (serve/). Ids start with `serve-`.
serve-cannot-start = cannot start the server: { $why }
serve-no-reload = { $why }; pages will not reload on change
serve-server-stopped = the server stopped: { $why }
serve-stopped = stopped
serve-serving = serving { $url }
serve-serving-everywhere = serving { $url } (listening on every address: { $addr })
serve-port-in-use = port { $port } on { $ip } is already in use
serve-port-in-use-hint = stop the other server, or pick another port with `--port` (`--port 0` picks a free one)
serve-cannot-listen = cannot listen on { $addr }: { $why }
serve-initial-build = initial build
serve-files-changed = files changed
serve-changed = { $more ->
        [0] { $files } changed
       *[other] { $files } and { $more } more changed
    }
serve-built = { $what }: { $pages } pages in { $ms } ms{ $rendered ->
        [0] {""}
       *[other] {" "}({ $rendered } files re-rendered)
    }{ $warnings ->
        [0] {""}
        [one] , 1 warning
       *[other] , { $warnings } warnings
    }
serve-failed-still-serving = { $what }: failed with { $errors ->
        [one] 1 error
       *[other] { $errors } errors
    } in { $ms } ms; still serving the last good build
serve-failed-nothing-yet = { $what }: failed with { $errors ->
        [one] 1 error
       *[other] { $errors } errors
    } in { $ms } ms; serving the error until it is fixed
serve-more-warnings = … and { $count } more { $count ->
        [one] warning
       *[other] warnings
    }: run `warta check` to see them all
serve-overlay-close = Close
serve-overlay-title = warta: the build failed with { $count ->
        [one] 1 error
       *[other] { $count } errors
    }
serve-overlay-still-serving = Close this box to see the last build that worked. Fix the file and save: this page reloads.
serve-overlay-nothing-yet = There is no successful build to show yet. Fix the file and save: this page reloads.
serve-overlay-more = … and { $count } more: the terminal shows them all.
serve-error-page-title = warta: build failed
