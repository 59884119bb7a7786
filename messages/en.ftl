# warta's messages to editors, in English.
#
# For translators: every message here has a twin with the same id in id.ftl. Change the
# words on the right of `=`; keep the id and every `{ $name }` (a value warta fills in).
# A text that goes on over several lines continues on lines indented by four spaces.
# Plurals: `{ $count -> [one] … *[other] … }`. `cargo test i18n` checks both files.



## The labels under a message (diag.rs): CI tools read only the first line.
diag-hint-label = hint
diag-code-label = code

## Links (links.rs): every link on the site must lead somewhere.
link-broken = broken link: nothing is published at { $path }
link-broken-hint = link to a page by its file, as `@/section/file.md` (for example `@/panduan/cara-mengadu.md`), and warta finds its address in each language
link-anchor-broken = broken anchor: { $path } has no `#{ $fragment }`
link-anchor-did-you-mean = did you mean `#{ $near }`?
link-did-you-mean = did you mean `{ $link }`?
link-anchor-hint = a link to a part of a page uses the id of a heading: the heading `## Langkah 2` has the id `langkah-2`
link-in-template = { $problem } (in the page { $page }, written by a template)
link-in-template-hint = { $hint }; if the link comes from the theme, fix the template


## Action buttons and alert links (config/action_url.rs, content/frontmatter/actions.rs). Ids start with `action-`.
action-url-empty = the address `url` in `{ $key }` is empty
action-url-insecure = the address { $url } in `{ $key }` starts with `http:`, which is not secure: buttons and alert links lead only to `https:` addresses
action-url-scheme = the address { $url } in `{ $key }` starts with `{ $scheme }:`, which a button or an alert link may not use
action-url-no-scheme = the address { $url } in `{ $key }` is missing its start, `https://`
action-url-malformed = the address { $url } in `{ $key }` is not a complete address
action-url-write = write `{ $text }`
action-url-hint = write a web address starting with `https://`, a phone number as `tel:0800-1000`, an e-mail address as `mailto:pengaduan@example.go.id`, or a page of this site such as `{ $page }`
action-label-empty = action { $number } has an empty `label`
action-label-empty-hint = write after `label:` the words on the button, saying what the reader will do, e.g. `label: Cek perusahaan di SISKOP2MI`
action-many = the page has { $count } action buttons; more than { $max } crowd the top of the page and none stands out
action-many-hint = keep the { $max } actions readers need most and put the other links in the text
action-alert-link-site = the address { $url } in `extra.alerts.link` is not a full address: in site.yaml a page of this site is written from the site's root, starting with `/`
action-alert-link-label = the link of an alert (`extra.alerts`) has no `label` in { $lang }
action-alert-link-label-hint = add under `link:` the words of the link in each language, e.g. `label: {"{"} id: "Cek perusahaan", en: "Check the company" {"}"}`

## Reading content/ (source.rs). Ids start with `source-`.
source-no-content-folder = the site has no `content/` folder
source-no-content-folder-hint = create `content/_index.md`; see the README for the layout
source-symlink = this is a link to another file (symbolic link), which warta does not follow: it is not part of the site
source-symlink-hint = copy the file into { $folder }/ instead of linking to it
source-special-file = { $kind } is not a regular file: it is not part of the site
source-special-file-hint = keep only files and folders in { $folder }/
source-kind-pipe = a named pipe
source-kind-socket = a socket
source-kind-device = a device
source-kind-other = this entry
source-cannot-read-folder = cannot read: { $why }
source-cannot-read-folder-hint = check the folder's permissions
source-cannot-read-file = cannot read the file: { $why }
source-file-permissions-hint = check the file's permissions
source-file-readable-hint = check that the file exists and is readable
source-too-deep = Markdown files may sit in `content/` or one section folder below it, not deeper
source-too-deep-hint = move it to `content/{ $section }/{ $file }`
source-unknown-language = the language suffix `.{ $suffix }` is not one of the site's languages
source-unknown-language-hint = rename the file to one of: { $choices } (the site's languages are set in site.yaml)
source-page-name = this file looks like a page, but only files whose name ends in `.md` are pages: it is not published
source-page-name-hint = rename it to { $target }
source-page-name-exists-hint = { $target } exists already: copy into it what this file adds, then delete this file
source-binary = the file is not text (it contains NUL bytes)
source-binary-hint = only Markdown text belongs in a `.md` file; was a picture or document saved with the wrong name?
source-not-utf8 = the file is not saved as text the way warta reads it (UTF-8): the byte 0x{ $byte } does not belong there
source-not-utf8-hint = save the file as UTF-8 in your editor (it may have been saved as Windows-1252 or Latin-1)


## The site's settings, site.yaml (config.rs). Ids start with `config-`.
config-cannot-read = cannot read the site settings (site.yaml): { $why }
config-cannot-read-hint = run warta in the site folder or pass --root; looked in { $folder }
config-not-utf8 = the site settings (site.yaml) are not valid text (UTF-8)
config-not-utf8-hint = save the file again with the encoding UTF-8
config-unknown-setting = the site settings (site.yaml) have no setting `{ $key }`
config-unknown-setting-in = the site settings (site.yaml) have no setting `{ $key }` under `{ $block }:`
config-unknown-setting-hint = the settings allowed here are: { $known }; remove the line if it is none of them
config-did-you-mean = did you mean `{ $near }`?
config-base-url-missing = the site settings (site.yaml) lack the site's address `base_url`
config-base-url-missing-hint = add a line `base_url: https://your-site.go.id` with the site's real address
config-base-url-not-absolute = the site's address `base_url` must be a full address (absolute URL), found { $found }
config-base-url-not-absolute-hint = write it with `https://` in front, e.g. `base_url: https://kp2mi.go.id`
config-write = write `{ $text }`
config-base-url-unusable = the site's address `base_url` { $found } cannot be used: { $why }
config-base-url-unusable-hint = write it as `https://host` or `https://host/folder/`, e.g. `base_url: https://example.github.io/kp2mi/`
config-base-url-flag-unusable = the address given with --base-url, { $found }, cannot be used: { $why }
config-base-url-flag-unusable-hint = pass a full address (absolute URL), e.g. `--base-url https://example.github.io/kp2mi/`
config-base-url-no-host = it has no host name
config-base-url-query = a site address cannot have a query (`?`) or a fragment (`#`)
config-base-url-folder = its path { $path } may only hold folder names of letters, digits, `-`, `_`, `.` and `~`
config-csp-one-line = `output.content_security_policy` must be one line that is not empty
config-csp-one-line-hint = write the policy on one line, its rules (directives) separated by `;`
config-image-widths = `images.widths` must list widths from 16 to 4096 pixels, found { $found }
config-image-widths-hint = write e.g. `widths: [480, 800, 1200]`
config-image-quality = `images.quality` must be from 1 to 100, found { $found }
config-image-quality-hint = 75 suits photos on phones; higher costs readers more data
config-budget-zero = `budgets.{ $key }` must be at least 1 (KB)
config-budget-zero-hint = give the budget in kilobytes (KB), e.g. `html: 40`; remove the line to use the default
config-iframe-host = `markdown.iframe_hosts`: { $found } is not the name of a website (host name)
config-iframe-host-hint = write only the website's name, in lowercase, e.g. `www.youtube-nocookie.com` (no `https://`, no path)
config-not-a-language-code = `{ $lang }` is not a language code
config-not-a-language-code-hint = use language codes of two or three lowercase letters (ISO 639), e.g. `[id, en]`
config-default-language-not-listed = the main language `default_language` `{ $lang }` is not in `languages`
config-default-language-not-listed-hint = add `{ $lang }` to `languages`
config-title-missing = the site's `title` is missing in the main language
config-title-missing-hint = add `title: {"{"} { $lang }: "…" {"}"}`
config-text-language = `{ $key }` has a text in `{ $lang }`, which is not one of the site's languages
config-text-language-hint = write it in one of: { $languages }; or add `{ $lang }` to `languages`
config-alert-date = the date { $found } of an alert (`extra.alerts`) { $why }
config-alert-date-hint = write the date as year-month-day, like `2024-11-22`
config-tag-missing-language = topic { $number } of `tags` ({ $label }) has no label in `{ $lang }`
config-tag-empty = topic { $number } of `tags` has no name in `{ $lang }`: a name needs letters or digits
config-tag-label-hint = add `{ $lang }: …` to this topic, with its name in that language, e.g. `- {"{"} id: Calon PMI, en: Prospective workers {"}"}`
config-tag-name-hint = after `{ $lang }:` write the topic's name in that language, e.g. `- {"{"} id: Calon PMI, en: Prospective workers {"}"}`
config-feedback-url = the address of the feedback form `extra.feedback.url`, { $found }, must be a full address starting with `https://`
config-feedback-url-hint = copy the form's address from the browser, e.g. `url: https://forms.example.go.id/masukan`
config-feedback-email = `extra.feedback.email`, { $found }, is not one e-mail address
config-feedback-email-hint = write one address, e.g. `email: humas@kp2mi.go.id`
config-feedback-one = `extra.feedback` needs a form address `url` or an e-mail address `email`: exactly one of them
config-feedback-one-hint = keep one of them, e.g. `feedback: {"{"} email: humas@kp2mi.go.id {"}"}` or `feedback: {"{"} url: "https://forms.example.go.id/masukan" {"}"}`


## The theme and its UI strings (theme.rs). Ids start with `theme-`.
theme-not-found = the theme `{ $name }` was not found in themes/{ $name }/
theme-not-found-hint = create themes/{ $name }/templates/, or remove `theme:` to use the built-in `{ $default }` theme
theme-cannot-read-folder = cannot read the theme: { $why }
theme-cannot-read-file = cannot read this file of the theme: { $why }
theme-cannot-read-hint = check that the file is there and that you may open it (its permissions)
theme-template-not-utf8 = the page layout (template) is not valid text (UTF-8)
theme-strings-not-utf8 = the file of interface texts is not valid text (UTF-8)
theme-not-utf8-hint = save the file again with the encoding UTF-8
theme-no-strings-for-language = the theme has no interface texts (UI strings) for `{ $lang }`: its pages show them in another language
theme-no-strings-for-language-hint = add { $file } with the keys of the other files in { $dir }/
theme-string-missing = the interface text (UI string) `{ $key }` is missing: pages in `{ $lang }` show it in `{ $fallback }`
theme-string-missing-hint = add `{ $key }: "…"` to { $file }, translating { $from }
theme-string-in-no-language = `trans(key="{ $key }")`: none of the theme's translation files (i18n) has the interface text (UI string) `{ $key }`
theme-string-in-no-language-hint = add `{ $key }: "…"` to every file in { $dir }/, or fix the key's spelling


## The top block of a file, as YAML reads it (yaml.rs). Ids start with `yaml-`.
yaml-at-path = `{ $path }`: { $problem }
yaml-unknown-field = unknown field `{ $field }`
yaml-did-you-mean = did you mean `{ $near }`?
yaml-remove-field = remove this field
yaml-fields-allowed = the fields allowed here are: { $allowed }
yaml-missing-field = missing required field `{ $field }`
yaml-missing-field-hint = add a line `{ $field }: …`
yaml-wrong-type = wrong type: found { $found }, expected { $expected }
yaml-found-text = the text { $value }
yaml-found-number = the number { $value }
yaml-found-true-false = the true/false value { $value }
yaml-found-group = a group of fields (a mapping)
yaml-found-list = a list
yaml-found-nothing = an empty value (null)
yaml-found-other = { $what }
yaml-expected-text = text
yaml-expected-true-false = true or false (a boolean)
yaml-expected-list = a list
yaml-expected-group = a group of fields (a mapping)
yaml-expected-number = a number
yaml-expected-whole-number = a whole number
yaml-expected-choice = one word from a fixed set of choices
yaml-expected-other = { $what }
yaml-write = write `{ $text }`
yaml-write-true-or-false = write `true` or `false`
yaml-write-list = write a list: `[a, b]` or one `- item` per line
yaml-write-text = write text here; put it in quotes if it looks like a number, date or true/false
yaml-write-fields = write `key: value` pairs here, indented below the key
yaml-write-expected = write { $expected } here
yaml-quote-line = put the text in quotes; write the line as `{ $line }`
yaml-quote-value = put the text in quotes: `{ $value }`
yaml-write-text-or-remove = write the text here, or remove the empty entry
yaml-given-twice = `{ $key }` is given twice
yaml-given-twice-hint = a field may appear only once: remove or merge the repeated one
yaml-duplicate-key = a name before a `:` is given twice here ({ $detail })
yaml-duplicate-key-hint = each name may appear only once here: remove or merge the repeated one
yaml-unknown-choice = `{ $value }` is not one of the choices
yaml-did-you-mean-choice = did you mean `{ $near }`? (the choices are { $choices })
yaml-write-one-of = write one of { $choices }
yaml-invalid = warta cannot read this line (invalid YAML: { $detail })
yaml-invalid-hint = check the indentation (spaces, not tabs) and put text containing `: `, `#` or starting with `[`, `{"{"}`, `*`, `&`, `!`, `@` in quotes
yaml-unclosed-list-hint = a list opened with `[` on this or an earlier line is not closed with `]`
yaml-unclosed-group-hint = a group opened with `{"{"}` on this or an earlier line is not closed with `{"}"}`
yaml-bad-start-hint = indent with spaces, never tabs; text starting with `@` or a backtick (`) must be in quotes
yaml-too-much-repetition = the shortcuts `&name` and `*name` (YAML anchors and aliases) repeat far too much data
yaml-too-much-repetition-hint = write the values out instead of repeating them with `*name`
yaml-nested-too-deeply = the values are nested too deeply, one inside another (invalid YAML)
yaml-nesting-hint = a few levels of nesting are all that is needed here; flatten the structure
yaml-brackets-too-deep = the brackets are nested more than { $max } levels deep (invalid YAML)
yaml-brackets-too-deep-hint = a few levels of nesting are all that is needed here; close the `[` and `{"{"}` you opened
yaml-colon-in-text = the text of `{ $key }` has a colon followed by a space, so it must be in quotes (YAML: { $detail })
yaml-colon-in-item = this list item has a colon followed by a space, so it must be in quotes (YAML: { $detail })
yaml-text-needs-quotes = the text of `{ $key }` must be in quotes: as written, warta cannot read it (invalid YAML: { $detail })
yaml-write-line = write the line as `{ $line }`
yaml-tab = a tab is used for indentation; only spaces are allowed here (YAML)
yaml-tab-hint = replace the tab at the start of this line with spaces (two per level)


## The fields of the top block (frontmatter.rs). Ids start with `frontmatter-`.
frontmatter-no-top-block = the file does not start with its block of fields (front matter)
frontmatter-no-top-block-hint = the first line must be `---`, then `title: …` and the other fields, then a line `---`
frontmatter-not-closed = the block of fields at the top of the file (front matter) is never closed
frontmatter-not-closed-hint = add a line `---` after the last field, before the text
frontmatter-write = write `{ $text }`
frontmatter-did-you-mean = did you mean `{ $near }`?
frontmatter-missing-field = missing required field `{ $key }`
frontmatter-press-release-date-hint = a press release needs its publication date: add the line `date: { $today }` (today's date; put the day it was published if that was another day)
frontmatter-guide-updated-hint = a guide says when it was last checked: add the line `updated: { $today }` (today) once you have checked it
frontmatter-country-code-missing-hint = a country page needs the country's two-letter code (ISO 3166-1): add the line `country_code: MY` with the country's code (MY is Malaysia)
frontmatter-legal-basis-url = the link { $url } in `legal_basis` is not a web address (URL)
frontmatter-legal-basis-url-hint = write the full address, starting with `https://`
frontmatter-title-empty = `title` is empty
frontmatter-page-title-empty-hint = write the page's title after `title: `
frontmatter-page-title-missing-hint = every page needs a title: add the line `title: …` and write the title in place of `…`
frontmatter-section-title-empty-hint = write the section's name after `title: `, as menus and lists show it
frontmatter-section-title-missing-hint = add the line `title: …` and write in place of `…` the section's name, as menus and lists show it
frontmatter-image-alt-missing = `image` is set but `image_alt` is missing
frontmatter-image-alt-missing-hint = add the line `image_alt: "…"` and write in place of `…` what the picture shows, for readers who cannot see it
frontmatter-image-focus = `image_focus` must be two numbers from 0 to 1, found { $found }
frontmatter-image-focus-hint = write `{ $text }`: the first number goes across from the left (0 to 1), the second down from the top
frontmatter-description-long = `description` is { $count } characters long; search engines and WhatsApp cut it at about 160
frontmatter-description-long-hint = shorten it to one sentence of 160 characters or fewer
frontmatter-alias = the old address { $alias } in `aliases` must start with `/` and stay inside the site
frontmatter-alias-hint = write the old address from the site's root, like `/berita/old-name/`, without `..`
frontmatter-faq-empty = `faq` item { $number } has an empty `{ $part }`
frontmatter-faq-empty-hint = each item needs a question `q:` and its answer `a:`, both written out
frontmatter-bad-date = `{ $key }` { $why }, found { $found }
frontmatter-date-hint = write the date as year-month-day, like `2024-11-22`
frontmatter-country-code = { $code } in `{ $key }` is not a two-letter country code (ISO 3166-1 alpha-2)
frontmatter-country-code-hint = use the country's two-letter code (ISO 3166-1), e.g. MY for Malaysia, TW for Taiwan, HK for Hong Kong
frontmatter-cost-amount-negative = `{ $field }` of cost { $number } is { $found }: an amount cannot be below zero
frontmatter-cost-amount-not-whole = `{ $field }` of cost { $number } is `{ $found }`: an amount is a whole number written with digits only
frontmatter-cost-amount-too-large = `{ $field }` of cost { $number } is too large to be an amount
frontmatter-cost-amount-hint = write the amount with digits only, without dots, commas or `Rp`, e.g. `{ $field }: 1500000`; put the currency in `currency:`
frontmatter-cost-amount-digits-hint = write `{ $text }`: digits only, without dots, commas or a currency (put the currency in its own line, e.g. `currency: MYR`; rupiah need none)
frontmatter-cost-amount-and-max = cost { $number } has both `amount` and `max`
frontmatter-cost-amount-and-max-hint = keep one of the two lines: `amount:` when the cost is exactly that much, `max:` when it is at most that much; delete the other
frontmatter-cost-currency = `currency` of cost { $number } is { $found }, not a currency code (ISO 4217)
frontmatter-cost-currency-hint = write the currency's three-letter code in capitals, e.g. `currency: MYR` for ringgit, `currency: SGD` for Singapore dollars; leave the line out for rupiah
frontmatter-text-cut-at-hash = `{ $field }` stops at ` #`: YAML reads `{ $cut }` as a note (a comment) and leaves it out, so the text is only { $kept }
frontmatter-item-cut-at-hash = an item of `{ $field }` stops at ` #`: YAML reads `{ $cut }` as a note (a comment) and leaves it out, so the item is only { $kept }
frontmatter-text-cut-at-hash-hint = to keep the whole text, write the line as `{ $line }`
frontmatter-emergency-missing = emergency number { $number } has no `{ $field }`
frontmatter-emergency-missing-hint = write each number with its name, e.g. `- {"{"} name: "Polis / Ambulans", number: "999" {"}"}`
frontmatter-emergency-number = emergency number { $number } is { $found }, which is not a phone number
frontmatter-emergency-number-hint = write only digits, spaces, dashes and a `+` in front, in quotes, e.g. `number: "999"` or `number: "+60 3-2116 4000"`


## Pages, sections, addresses and translations (content/). Ids start with `content-`.
content-section-type-differs = the section `{ $section }` is of type `{ $main }` in the `_index.md` of the main language, but `{ $here }` here
content-section-type-differs-hint = write `{ $main }`: translations of a section share one type (language { $lang })
content-section-no-index = the section `{ $section }` has no `_index.md`: it gets the title { $title } and pages of type `page`
content-section-no-index-hint = create content/{ $section }/_index.md with `title:` and `type:` (press_release, guide, country or page)
content-why-draft = it is a draft (`draft: true`)
content-why-future = its date { $date } is in the future
content-file-name-no-slug = the file name gives an empty address name (slug): it has no letters or digits
content-file-name-no-slug-hint = rename the file with words, or add a line `slug: some-words` to the top block of the file (front matter)
content-file-name-no-slug-hint-slug = add the line `slug: { $slug }` to the top block of the file (front matter), or rename the file with words
content-tag-no-letters = the tag { $tag } has no letters or digits
content-tag-no-letters-hint = write tags as words, e.g. `tags: [penipuan, g-to-g]`
content-tag-undefined = the topic (tag) { $tag } is not in `tags:` of site.yaml: it is shown as written and not linked to the other languages
content-tag-undefined-hint = add the line `- {"{"} { $example } {"}"}` under `tags:` in site.yaml, then replace each name with the topic's name in that language; or write a topic that is there
content-slug-escapes = the address name (slug) { $slug } would leave its folder
content-slug-escapes-hint = an address name is one part of the address: lowercase words joined by `-`, without `/` or `..`
content-slug-escapes-hint-write = write `{ $slug }`: an address name is one part of the address, lowercase words joined by `-`, without `/` or `..`
content-slug-empty = the address name (slug) { $slug } has no letters or digits
content-slug-empty-hint = write the address name as lowercase words joined by `-`, e.g. `outreach-banten`
content-alias-in-image-folder = the old address (alias) { $url } is inside { $folder }, the folder where warta publishes processed images
content-alias-in-image-folder-hint = choose another old address: browsers and CDNs keep that folder's files forever, so they could never change
content-file-in-image-folder = this file's address (URL) { $url } is inside { $folder }, the folder where warta publishes processed images
content-file-in-image-folder-hint = move the file to another folder: browsers and CDNs keep that folder's files forever, so they could never change
content-collision = two outputs would be written to { $url }: { $first } and { $second }
content-collision-hint = give one of them another `slug` (or remove the old address from `aliases:`); { $other } is the other one
content-origin-file = { $file }
content-origin-alias = { $file } (old address { $alias })
content-origin-home = the home page
content-origin-section = section `{ $section }`
content-origin-section-page = page { $number } of section `{ $section }`
content-origin-tag-list = the tag list
content-origin-tag = tag `{ $tag }`

## Journeys: guides that are the numbered steps of one task (content/journeys.rs and
## content/frontmatter/journey.rs). Ids start with `journey-`.
journey-not-guide = `{ $key }` works only on a guide (a page of a section with `type: guide`), and this page is not one
journey-not-guide-hint = delete the lines `journey:` and `step:` from this file
journey-missing = `step` is written without `journey`: the journey this guide is a step of
journey-name-hint = add the line `journey: ` followed by the file name of the journey's overview guide without `.md`, for example `journey: bekerja-ke-luar-negeri-secara-resmi`
journey-empty = `journey` is empty
journey-step-missing = `journey` is written without `step`: which step of the journey is this guide?
journey-step-missing-hint = add the line `step: 1` under `journey:`, with this guide's number in the journey instead of 1 (1 for the first step, 2 for the next …)
journey-step-below-one = `step` is { $found }: the steps of a journey are numbered from 1
journey-overview-is-step = this guide is the overview of the journey it names: the overview lists the steps and is not one of them
journey-unknown = the journey `{ $name }` does not exist: there is no guide { $file }
journey-unknown-hint = after `journey:` write the file name, without `.md`, of the guide in content/{ $section }/ that gives the journey's overview
journey-overview-unpublished = the journey's overview guide { $file } is not published: { $why }
journey-overview-unpublished-hint = publish { $file } as well, or delete the lines `journey:` and `step:` from this file until it is published
journey-step-twice = step { $step } of the journey `{ $journey }` is given twice: here and in { $other }
journey-step-twice-hint = give each step its own number: write `{ $text }` here to make this guide the last step
journey-step-gap = the journey `{ $journey }` has no step { $missing }, but this guide is step { $step }
journey-step-gap-hint = number the steps without a gap: write `{ $text }` here and number the steps after it on from there (a step that is a draft is not published and leaves a gap)
journey-translation-differs = this translation puts the guide in another journey or step than { $other } does
journey-translation-differs-hint = write `{ $journey }` and `{ $step }` as { $other } does, or delete the two lines here


## Text left from `warta new` (content/scaffold.rs). Ids start with `scaffold-`.
scaffold-translate-marker = `TRANSLATE:` marks text that is not translated yet, and this page is not a draft: it would be published like this
scaffold-sample-text = { $sample } is the sample text `warta new` wrote, and this page is not a draft: it would be published like this
scaffold-translate-hint-add-draft = translate the text and delete `TRANSLATE:`; until it is translated, add the line `draft: true` to the top block of the file (front matter)
scaffold-translate-hint-change-draft = translate the text and delete `TRANSLATE:`; until it is translated, change `draft: false` to `draft: true`
scaffold-translate-line-hint-add-draft = translate the text below this line, then delete the line; until it is translated, add the line `draft: true` to the top block of the file (front matter)
scaffold-translate-line-hint-change-draft = translate the text below this line, then delete the line; until it is translated, change `draft: false` to `draft: true`
scaffold-sample-hint-add-draft = replace it with the page's real text; until the page is ready, add the line `draft: true` to the top block of the file (front matter)
scaffold-sample-hint-change-draft = replace it with the page's real text; until the page is ready, change `draft: false` to `draft: true`


## The text of pages (markdown.rs). Ids start with `markdown-`.
markdown-image-no-alt = the image `{ $image }` has no description for readers who cannot see it (alt text)
markdown-image-no-alt-hint = describe the picture between the brackets: `![Petugas memberi penjelasan](foto.jpg)`; for a purely decorative image write `![](foto.jpg "decorative")`
markdown-unsafe-link = the link `{ $link }` starts with a kind of address (scheme) that can run code or hide content
markdown-unsafe-link-hint = link with https://, mailto: or tel:, or to a page of this site
markdown-raw-html = the HTML `{ $html }` written in the text is not allowed on this site
markdown-raw-html-hint = write it in Markdown instead (site.yaml sets `markdown: {"{"} raw_html: deny {"}"}`)
markdown-unreadable-link = this link cannot be read, so it would show as plain text on the page
markdown-unreadable-link-hint = write the whole link on one line, with the address between `<` and `>`: `{ $written }`
markdown-iframe-removed = the embedded frame (iframe) of { $src } is removed: only embeds from the websites in `markdown.iframe_hosts` are kept
markdown-iframe-removed-hint = embeds need an https:// address on { $hosts }; add the website to `markdown.iframe_hosts` in site.yaml if the site should show it
markdown-iframe-removed-no-hosts-hint = no website may be embedded (`markdown.iframe_hosts` is empty); add the website to `markdown.iframe_hosts` in site.yaml if the site should show it
markdown-link-missing = broken link: `{ $target }` does not exist
markdown-link-unpublished = link to `{ $target }`, which is not published: { $why }
markdown-link-unpublished-hint = publish the target first, or remove the link until it is
markdown-link-escapes = the link `{ $link }` leaves the content folder
markdown-link-escapes-hint = link to files inside `content/`, e.g. `@/panduan/cara-mengadu.md`
markdown-did-you-mean = did you mean `{ $near }`?
markdown-link-page-hint = link to a file under content/ by its path, e.g. `@/panduan/pengaduan-crisis-center.md`
markdown-link-file-hint = put the file next to the text file (Markdown), or fix the path (relative to the text file)


## Photos (images.rs). Ids start with `images-`.
images-disabled = this warta was built without the `images` feature: photos are published as they are, full size and with their metadata (GPS position included)
images-disabled-hint = build warta with its default features to resize photos and strip their metadata
images-unshowable = `{ $file }` is a { $format } file, which most browsers cannot show
images-unshowable-hint = save the picture as JPEG (on the phone: share it as JPEG, or set the camera to “most compatible”)
images-no-feature = `{ $file }` cannot be processed: built without the `images` feature
images-no-feature-hint = build warta with its default features
images-file-too-big = `{ $file }` is { $size } MB; warta reads images up to { $max } MB
images-file-too-big-hint = export a smaller copy of the picture (a phone photo is 3–8 MB)
images-cannot-read = cannot read `{ $file }`: { $why }
images-cannot-read-hint = check that you may open the file (its permissions)
images-not-an-image = `{ $file }` is not an image: its content is not a JPEG, PNG or WebP picture
images-not-an-image-hint = replace it with the picture itself, saved as JPEG
images-unsupported-format = `{ $file }` is a { $format } image, which warta does not process (JPEG, PNG or WebP only)
images-unsupported-format-hint = save the picture as JPEG
images-unreadable = `{ $file }` is not a readable image: { $why }
images-save-again-hint = open the photo on a computer and save it again as JPEG, or replace it
images-too-large = `{ $file }` is too large to process: warta accepts up to { $side } pixels a side and { $megapixels } megapixels
images-too-large-size = `{ $file }` is too large to process ({ $width }×{ $height } pixels): warta accepts up to { $side } pixels a side and { $megapixels } megapixels
images-too-large-hint = resize the picture before adding it (a web page needs at most 2400 pixels)
images-cannot-create-cache = cannot create the folder where warta keeps processed photos (image cache): { $why }
images-cannot-create-cache-hint = check that you may write in the site folder
images-cannot-process = cannot process the image `{ $file }`: { $why }
images-over-budget = the image `{ $file }` is { $size } KB at { $width } px (WebP), over the budget of { $budget } KB
images-over-budget-hint = crop the photo to what matters, or pick a calmer one: fine detail (leaves, crowds, text) costs bytes
images-built-without-feature = this warta was built without the `images` feature
images-cut-short = the file is cut short (an incomplete copy or upload)
images-cannot-decode = its pixels cannot be read: { $why }
images-cannot-resize = it cannot be resized: { $why }
images-cannot-encode = it cannot be saved as { $format }: { $why }
images-cannot-write = cannot write { $path }: { $why }


## Templates (render/). Ids start with `render-`.
render-template-error = a mistake in the theme's page layout (template): { $why }
render-template-error-while = a mistake in the theme's page layout (template): { $why } ({ $while })
render-while = while rendering { $origin }
render-while-alias = while rendering the redirect from { $alias } for { $file }
render-hint-not-closed = a `{"{"}% if %{"}"}`, `{"{"}% for %{"}"}` or `{"{"}% block %{"}"}` is not closed: add its `{"{"}% endif %{"}"}`, `{"{"}% endfor %{"}"}` or `{"{"}% endblock %{"}"}`
render-hint-syntax = fix the template's writing (its syntax; Tera 2: `{"{"}{"{"} value {"}"}{"}"}`, `{"{"}% if %{"}"}…{"{"}% endif %{"}"}`, `{"{"}% for x in xs %{"}"}…{"{"}% endfor %{"}"}`)
render-hint-variables = check the variable names against docs/templates.md; optional values must be tested with `{"{"}% if … %{"}"}`
render-hint-range = loops are bounded: `range` gives at most { $items } items, and { $page } on one page in all; loop over the data instead
render-hint-recursion = a component calls itself (directly or through others) more than 20 levels deep: stop the recursion with an `{"{"}% if %{"}"}`
render-hint-template-names = check the template names used by `extends` and `include`
render-range-step-zero = `range`: `step_by` must not be 0
render-range-too-long = `range` would give { $len } items; the limit is { $limit }
render-range-fuel = the loops of this page went through more than { $limit } `range` items
render-trans-missing = the interface text (UI string) `{ $key }` is in none of the theme's translation files (i18n)
render-asset-missing = asset(path="{ $path }"): the theme has no static/{ $clean }
render-template-missing = the theme has no page layout (template) `{ $name }`
render-template-missing-hint = every theme needs the templates home, section, page, tags, tag, 404, alias, atom.xml and sitemap.xml
render-output-not-utf8 = what the template wrote is not valid text (UTF-8) ({ $while })
render-output-not-utf8-hint = check the filters used on binary data
render-output-too-large = what the template wrote grew past { $mib } MiB ({ $while })
render-output-too-large-hint = a loop or a component that calls itself runs too long: bound it with an `{"{"}% if %{"}"}` or loop over the data instead
render-two-outputs = two files would be written to `{ $path }`
render-two-outputs-hint = a section or page takes the address of a page warta makes itself (the search page, tags, feeds, 404); give it another address name (`slug`)
render-image-missing = the image { $found } does not exist
render-image-missing-hint = put the image next to the page's file (.md) and write its file name, e.g. `image: foto.jpg`
render-image-did-you-mean = did you mean `{ $near }`?
render-page-ref-missing = `{ $setting }` names the page `{ $written }`, but there is no page content/{ $file }
render-page-ref-missing-hint = write a page's path under content/ without `.md`: `bantuan` for content/bantuan.md, `panduan/pengaduan-crisis-center` for content/panduan/pengaduan-crisis-center.md; or create the page
render-page-ref-did-you-mean = did you mean `{ $near }` (the page content/{ $near }.md)?


## Page weight (budgets.rs). Ids start with `budgets-`.
budgets-page-over = the page `{ $url }` weighs { $size } compressed (gzip), over the budget of { $budget } (`budgets.html` in site.yaml)
budgets-page-over-hint = make the page lighter: split a long page into several, or move big tables and lists to pages of their own; if the theme adds the weight to every page, slim its templates
budgets-stylesheet-over = the style file (CSS) `{ $url }` weighs { $size } compressed (gzip), over the budget of { $budget } (`budgets.css` in site.yaml)
budgets-theme-stylesheet-over = the style file (CSS) `{ $url }` (the theme's `static/{ $name }`) weighs { $size } compressed (gzip), over the budget of { $budget } (`budgets.css` in site.yaml)
budgets-stylesheet-over-hint = remove rules the theme does not use and avoid large embedded images (data: URLs); every reader downloads the style file before seeing the page
budgets-script-over = the script (JavaScript) `{ $url }` weighs { $size } compressed (gzip), over the budget of { $budget } (`budgets.js` in site.yaml)
budgets-theme-script-over = the script (JavaScript) `{ $url }` (the theme's `static/{ $name }`) weighs { $size } compressed (gzip), over the budget of { $budget } (`budgets.js` in site.yaml)
budgets-script-over-hint = ship less script: pages must work without it; split what only one page needs and load it there
budgets-webfont = the theme brings its own font file (webfont) `static/{ $name }` (`/{ $path }`)
budgets-webfont-hint = use the system fonts (`font-family: system-ui, Roboto, "Noto Sans", sans-serif`): a webfont costs every reader data and delays the text on slow connections


## Search (search.rs). Ids start with `search-`.
# Dates as editors write them (dates.rs): the end of a sentence that names the date.
search-date-shape = must be YYYY-MM-DD (or RFC 3339 with a time)
search-date-no-such-day = is not a day of the calendar
search-date-bad-time = has a time that is not RFC 3339 (write 2024-11-22T09:30:00+07:00)


## Writing the site (output.rs). Ids start with `output-`.
output-refusing-target = refusing to write the site into { $folder }: it would replace the site's own files
output-refusing-target-hint = choose an output folder of its own, e.g. `--output public`
output-cannot-read = cannot read: { $why }
output-cannot-read-hint = check that the file still exists and is readable
output-cannot-write = cannot write: { $why }
output-cannot-write-hint = check that the output folder is writable and the disk is not full
output-unused-file = no page links this file, so it is not published
output-unused-file-hint = delete it if the site does not need it; to publish it, link it from a page: `[{ $name }]({ $link })`; a file meant for the site's root as it is (a verification file, a favicon) belongs in `{ $folder }/`
output-static-in-images = this file would be published in /{ $reserved }, the folder where warta publishes processed images (browsers and CDNs keep its files forever)
output-static-in-images-hint = move `{ $file }` to another folder of `{ $folder }/`
output-static-clash-warta = this file would be published at /{ $path }, in the place of the file that warta makes there
output-static-clash-content = this file would be published at /{ $path }, in the place of `content/{ $file }`, which a page links
output-static-clash-folder = this file would be published at /{ $path }, where warta needs a folder for its file /{ $inside }
output-static-clash-in-warta-file = this file needs a folder /{ $parent }/, where warta makes a file of that name
output-static-clash-in-content-file = this file needs a folder /{ $parent }/, where `content/{ $file }` is published
output-static-clash-compressed = this file would be published at /{ $path }, in the place of the compressed copy of /{ $original } that `--precompress` writes
output-static-clash-hint = rename `{ $file }` or move it to another folder of `{ $folder }/`, or remove it: the site cannot have two files at one address


## Host files and the build (deploy.rs). Ids start with `deploy-`.
deploy-too-many-header-rules = the host's settings file _headers has { $rules } rules; Cloudflare Pages reads only the first { $max }
deploy-too-many-header-rules-hint = on Cloudflare Pages, keep fewer files in the theme's static/ or fewer sections


## What was published, and warta diff (manifest.rs). Ids start with `manifest-`.
manifest-cannot-read = cannot read the manifest: { $why }
manifest-cannot-read-hint = give the { $file } of the site as it was last published
manifest-damaged = this is not a warta manifest, or it is damaged: { $why }
manifest-damaged-hint = give the { $file } written by `warta build` (download it again if it was cut off)
manifest-version-unknown = manifest version { $version } is not one this warta reads (1 to { $newest })
manifest-version-unknown-hint = build the old site again with this warta, or upload everything once
manifest-not-a-folder = not a folder of a built site
manifest-not-a-folder-hint = give the output folder of `warta build`, e.g. `public`
manifest-cannot-read-folder = cannot read the folder: { $why }
manifest-cannot-read-file = cannot read: { $why }
# warta diff: one line per file, the word before its path, then the counts.
manifest-diff-added = added
manifest-diff-changed = changed
manifest-diff-removed = removed
manifest-diff-counts = { $added } added, { $changed } changed, { $removed } removed
# Published addresses that a build would lose (published_urls.rs).
manifest-published-orphan = the published address { $old } would stop working: this build has no page that could take it over
manifest-published-orphan-hint = publish a page again and add this line between the `---` lines at its top: { $line }
manifest-published-moved = the published address { $old } would stop working: this page was there and is now at { $new }
manifest-published-translation-gone = the published address { $old } would stop working: it showed { $was }, a translation of this page, which is gone
manifest-published-closest = the published address { $old } would stop working: it showed “{ $title }” ({ $was }), and this page is the closest match
manifest-published-closest-address = the published address { $old } would stop working: the address of this page ({ $new }) is the closest match
manifest-published-add-hint = add this line between the `---` lines at the top of { $file }, so that the old address leads to the page: { $line }
manifest-published-add-maybe-hint = add this line between the `---` lines at the top of { $file } (or of the page that really replaces it), so that the old address leads there: { $line }
manifest-published-replace-hint = in { $file }, replace `aliases:` and its list with this line, so that the old address leads to the page too: { $line }
manifest-published-replace-maybe-hint = in { $file } (or the page that really replaces it), replace `aliases:` and its list with this line, so that the old address leads there too: { $line }


## warta check (check.rs). Ids start with `check-`.
# The name of a language inside a sentence ("no English version yet").
check-language-id = Indonesian
check-language-en = English
check-language-other = `{ $code }`
check-translation-unpublished = no { $language } version yet: { $expected } is not published: { $why }
check-translation-unpublished-hint = finish the translation and remove `draft: true` (readers of the other language are sent to the section list until then)
check-translation-future-hint = it is published on its date by the next build after that day; to publish it sooner, write today's date in its `date:` line
check-translation-has-errors = no { $language } version yet: { $expected } is not published: it has errors
check-translation-has-errors-hint = fix the errors reported in { $expected }
check-translation-missing = no { $language } version: { $expected } does not exist
check-translation-missing-hint = translate it (readers of the { $language } pages are sent to the section list instead): `{ $command }`
check-translation-older = this translation is older than its source: { $source } was updated { $updated }, this file says { $date }
check-translation-committed-after = { $source } was committed after this translation was last changed
check-translation-outdated-hint = update the translation from { $source }, then set its `updated:` to today
check-review-overdue = the review date { $date } has passed: facts on this page may be out of date
check-review-overdue-hint = check the page against current rules, then set `updated:` to today and `review_by:` to the next review date
check-country-no-phone = this country page gives readers no number to call: no contact under `contacts` has a `phone`
check-country-no-phone-hint = add the embassy's phone number under `contacts`, e.g. `- {"{"} name: "KBRI Kuala Lumpur", phone: "+60 3-2116 4000" {"}"}`
# The translation status table: its title, column headings and the line under it.
check-table-title = translation status:
check-table-section = section
check-table-root = (root)
check-table-not-started = not started
check-table-in-progress = in progress
check-table-outdated = outdated
check-table-legend = (not started: no file in that language yet; in progress: the file is a draft or dated in the future; outdated: older than the page it translates)
# The last lines of `warta check` (the counts follow: cli-failed-counts).
check-passed = check passed: no errors, { $warnings ->
        [one] 1 warning
       *[other] { $warnings } warnings
    }
check-failed = check failed
check-failed-deny-warnings = check failed (--deny-warnings)
check-deny-warnings-hint = fix the warnings, or let a kind of warning pass with --allow CODE; the kinds here: { $kinds } (every kind: `warta check --help`)


## warta new (new.rs). Ids start with `new-`.
# A kind of content in a sentence: "a { $kind }", "2 { $kinds }"; $kind is as typed after `warta new`.
new-kind = { $kind ->
        [press-release] press release
        [guide] guide
        [country] country page
       *[page] page
    }
new-kinds = { $kind ->
        [press-release] press releases
        [guide] guides
        [country] country pages
       *[page] pages
    }
# A language in a sentence: "its { $language } version", "into { $language }".
new-language = { $lang ->
        [id] Indonesian
        [en] English
       *[other] `{ $lang }`
    }
new-settings-unreadable = cannot read the site settings (site.yaml)
new-not-a-site-language = `{ $lang }` is not one of the site's languages
new-not-a-site-language-hint = use one of: { $languages }
new-title-without-letters = the title { $title } has no letters or digits to make a file name from
new-title-without-letters-hint = give the title in words, e.g. `warta new press-release "Sosialisasi di Banten"`
new-original-unreadable = the top block of the file (front matter) cannot be read
new-no-section = no section has `type: { $content_type }`
new-no-section-hint = create a section folder with an `_index.md` that says `type: { $content_type }`
new-exists = the file already exists; warta new never overwrites
new-exists-hint = edit the existing file, or choose another title
new-io-error = cannot read or write this file or folder: { $why }
new-io-error-hint = check that the site folder exists and is writable
new-ambiguous = { $count } { $kinds } match { $wanted }: { $files }
new-ambiguous-hint = name the one you mean by its file, e.g. `{ $command }`
new-wrong-kind = { $wanted } is a { $actual } ({ $path }), not a { $asked }
new-wrong-kind-hint = to translate it, run `{ $command }`
new-wrong-kind-translated = { $wanted } is a { $actual } ({ $path }), not a { $asked }, and its { $language } version { $translation } already exists
new-wrong-kind-translated-hint = edit { $translation }
new-nothing-to-translate = no { $kind } is waiting for its { $language } version, so { $wanted } cannot be translated into { $language }
new-nothing-to-translate-hint = to write a new { $kind }, leave out `--lang` (a new page starts in { $default_language }): `{ $command }`
new-not-found = no { $kind } has the title, file name or address name (slug) { $wanted }, so there is nothing to translate into { $language }; did you mean { $closest }?
new-not-found-hint = to translate the first of these, run `{ $command }`; to write a new { $kind }, leave out `--lang` (a new page starts in { $default_language })


## The command line and the summaries (cli.rs). Ids start with `cli-`.
# Usage errors that warta finds itself (exit 2).
cli-root-missing = the site folder `{ $folder }` does not exist
cli-root-missing-hint = pass the folder that holds site.yaml and content/ with --root
cli-current-folder-unknown = cannot tell which folder warta is run in: { $why }
cli-current-folder-unknown-hint = run warta inside the site folder (the one with site.yaml and content/), or give it with --root DIR
# $folders: one folder a line, each line starting with a line break and four spaces.
cli-site-not-found = cannot find the site: no site.yaml in this folder or in any folder above it; looked in:{ $folders }
cli-site-not-found-hint = run warta inside the site folder (the one with site.yaml and content/) or any folder in it, or give the site folder with --root DIR
cli-base-url-not-absolute = --base-url { $url } is not a full web address (absolute http(s) URL)
cli-base-url-not-absolute-hint = write it in full, starting with https://, e.g. --base-url https://example.github.io/kp2mi/
cli-allow-unknown = --allow { $code }: no warning has this code
cli-allow-did-you-mean = did you mean `--allow { $near }`? The codes are: { $codes }
cli-allow-codes = use one of these codes: { $codes }
# warta new
cli-new-created = created { $path } as a draft: edit it, then see it with `warta serve --drafts`
# The summary of warta build; $per_language is like "24 id, 23 en".
cli-built = built { $pages ->
        [one] 1 page
       *[other] { $pages } pages
    } ({ $per_language }){ $unpublished ->
        [0] {""}
       *[other] , { $unpublished } unpublished (drafts or future dates)
    }, { $files ->
        [one] 1 file
       *[other] { $files } files
    } in { $ms } ms → { $output }
cli-images = images: { $processed } processed, { $cached } cached{ $pruned ->
        [0] {""}
        [one] , 1 unused file removed from the cache
       *[other] , { $pruned } unused files removed from the cache
    }
cli-build-failed = build failed; the output folder was left as it was
# $what: cli-build-failed, check-failed or check-failed-deny-warnings.
cli-failed-counts = { $what }: { $errors ->
        [one] 1 error
       *[other] { $errors } errors
    }, { $warnings ->
        [one] 1 warning
       *[other] { $warnings } warnings
    }
cli-more-warnings = … and { $count } more `{ $code }` { $count ->
        [one] warning
       *[other] warnings
    }: run `warta check` to see them all


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
serve-build-crashed = the build crashed: { $why }
serve-build-crashed-hint = please report this, with the file you last changed
serve-watch-error = watching { $folder } for changes: { $why }
serve-cannot-watch = cannot watch { $folder } for changes: { $why }
