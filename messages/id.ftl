# Pesan warta untuk editor, dalam bahasa Indonesia.
#
# Untuk penerjemah: setiap pesan di sini punya kembaran dengan id yang sama di en.ftl. Ubah
# kata-kata di kanan tanda `=`; biarkan id dan setiap `{ $nama }` (nilai yang diisi warta).
# Teks yang berlanjut ke baris berikutnya ditulis menjorok empat spasi.
# `cargo test i18n` memeriksa kedua berkas.

## Peralihan ke katalog: teks yang belum dipindahkan ke sini.
untranslated = { $text }


## Tautan (links.rs): setiap tautan di situs harus menuju ke suatu tempat.
link-broken = tautan rusak: tidak ada yang diterbitkan di { $path }
link-broken-hint = tautkan halaman lewat berkasnya, seperti `@/bagian/berkas.md` (misalnya `@/panduan/cara-mengadu.md`), maka warta menemukan alamatnya di setiap bahasa
link-anchor-broken = tautan ke bagian halaman rusak: { $path } tidak punya `#{ $fragment }`
link-anchor-did-you-mean = maksud Anda `#{ $near }`?
link-anchor-hint = tautan ke bagian halaman memakai id sebuah judul: judul `## Langkah 2` ber-id `langkah-2`
link-in-template = { $problem } (di halaman { $page }, ditulis oleh templat tema)
link-in-template-hint = { $hint }; jika tautan berasal dari tema, perbaiki templatnya


## Membaca content/ (source.rs). Ids start with `source-`.


## Pengaturan situs, site.yaml (config.rs). Ids start with `config-`.


## Tema dan teks antarmukanya (theme.rs). Ids start with `theme-`.


## Blok atas berkas, sebagaimana dibaca YAML (yaml.rs). Ids start with `yaml-`.


## Isian blok atas (frontmatter.rs). Ids start with `frontmatter-`.


## Halaman, bagian, alamat, dan terjemahan (content/). Ids start with `content-`.


## Teks sisa `warta new` (content/scaffold.rs). Ids start with `scaffold-`.


## Isi halaman (markdown.rs). Ids start with `markdown-`.


## Foto (images.rs). Ids start with `images-`.


## Templat (render/). Ids start with `render-`.


## Bobot halaman (budgets.rs). Ids start with `budgets-`.


## Pencarian (search.rs). Ids start with `search-`.


## Menulis situs (output.rs). Ids start with `output-`.


## Berkas untuk hosting dan build (deploy.rs). Ids start with `deploy-`.


## Yang sudah diterbitkan, dan warta diff (manifest.rs). Ids start with `manifest-`.


## warta check (check.rs). Ids start with `check-`.


## warta new (new.rs). Ids start with `new-`.


## Baris perintah dan ringkasan (cli.rs). Ids start with `cli-`.


## warta serve dan lapisan kesalahannya (serve/). Ids start with `serve-`.
