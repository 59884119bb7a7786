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
