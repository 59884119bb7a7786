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


## Membaca content/ (source.rs). Id diawali `source-`.


## Pengaturan situs, site.yaml (config.rs). Id diawali `config-`.


## Tema dan teks antarmukanya (theme.rs). Id diawali `theme-`.


## Blok atas berkas, sebagaimana dibaca YAML (yaml.rs). Id diawali `yaml-`.


## Isian blok atas (frontmatter.rs). Id diawali `frontmatter-`.


## Halaman, bagian, alamat, dan terjemahan (content/). Id diawali `content-`.


## Teks sisa `warta new` (content/scaffold.rs). Id diawali `scaffold-`.


## Isi halaman (markdown.rs). Id diawali `markdown-`.


## Foto (images.rs). Id diawali `images-`.


## Templat (render/). Id diawali `render-`.


## Bobot halaman (budgets.rs). Id diawali `budgets-`.


## Pencarian (search.rs). Id diawali `search-`.


## Menulis situs (output.rs). Id diawali `output-`.


## Berkas untuk hosting dan build (deploy.rs). Id diawali `deploy-`.


## Yang sudah diterbitkan, dan warta diff (manifest.rs). Id diawali `manifest-`.


## warta check (check.rs). Id diawali `check-`.


## warta new (new.rs). Id diawali `new-`.


## Baris perintah dan ringkasan (cli.rs). Id diawali `cli-`.


## warta serve dan lapisan kesalahannya (serve/). Id diawali `serve-`.
serve-cannot-start = server tidak dapat dijalankan: { $why }
serve-no-reload = { $why }; halaman tidak akan dimuat ulang otomatis saat berkas berubah
serve-server-stopped = server berhenti: { $why }
serve-stopped = berhenti
serve-serving = situs tersedia di { $url }
serve-serving-everywhere = situs tersedia di { $url } (menerima sambungan di semua alamat: { $addr })
serve-port-in-use = port { $port } di { $ip } sudah dipakai program lain
serve-port-in-use-hint = hentikan server yang lain, atau pilih port lain dengan `--port` (`--port 0` memilih port yang kosong)
serve-cannot-listen = tidak dapat menerima sambungan di { $addr }: { $why }
serve-initial-build = build pertama
serve-files-changed = berkas berubah
serve-changed = { $more ->
        [0] { $files } berubah
       *[other] { $files } dan { $more } berkas lain berubah
    }
serve-built = { $what }: { $pages } halaman dalam { $ms } ms{ $rendered ->
        [0] {""}
       *[other] {" "}({ $rendered } berkas dibuat ulang)
    }{ $warnings ->
        [0] {""}
       *[other] , { $warnings } peringatan
    }
serve-failed-still-serving = { $what }: gagal dengan { $errors } kesalahan dalam { $ms } ms; versi terakhir yang berhasil tetap ditampilkan
serve-failed-nothing-yet = { $what }: gagal dengan { $errors } kesalahan dalam { $ms } ms; kesalahan ditampilkan sampai diperbaiki
serve-more-warnings = … dan { $count } peringatan lain: jalankan `warta check` untuk melihat semuanya
serve-overlay-close = Tutup
serve-overlay-title = warta: build gagal, { $count } kesalahan
serve-overlay-still-serving = Tutup kotak ini untuk melihat versi terakhir yang berhasil. Perbaiki berkasnya lalu simpan: halaman ini dimuat ulang sendiri.
serve-overlay-nothing-yet = Belum ada build yang berhasil untuk ditampilkan. Perbaiki berkasnya lalu simpan: halaman ini dimuat ulang sendiri.
serve-overlay-more = … dan { $count } lagi: terminal menampilkan semuanya.
serve-error-page-title = warta: build gagal
