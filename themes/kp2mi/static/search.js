/* warta search: the query side of the index that `warta build` writes under /search/<lang>/
   (see src/search.rs). Loaded only by the search page; without it the page still offers the
   section lists. Fetches meta.json, then per query word one word shard (word -> stem) and one
   posting shard (stem -> [[doc, score]]), then the document files of the results shown. */
(function () {
  "use strict";
  var form = document.querySelector("form[data-index]");
  var list = document.getElementById("search-results");
  var status = document.getElementById("search-status");
  if (!form || !list || !status || !window.fetch) return;
  var nojs = document.getElementById("search-nojs");
  if (nojs) nojs.hidden = true;
  var input = form.querySelector("input[name=q]");
  var base = form.getAttribute("data-index");
  var cache = {};
  var more = document.getElementById("search-more");
  var PAGE = 10;
  var shown = 0, hits = [], meta = null, query = "";

  function get(name) {
    if (!cache[name]) {
      cache[name] = fetch(base + name).then(function (r) {
        if (!r.ok) throw new Error(r.status);
        return r.json();
      });
    }
    return cache[name];
  }

  // FNV-1a over UTF-8 bytes, as src/search.rs shard_of.
  function shard(word, shards) {
    var bytes = new TextEncoder().encode(word), h = 0x811c9dc5;
    for (var i = 0; i < bytes.length; i++) {
      h ^= bytes[i];
      h = Math.imul(h, 0x01000193) >>> 0;
    }
    return h % shards;
  }

  function words(q) {
    return q.toLowerCase().split(/[^\p{Alphabetic}\p{N}]+/u).filter(function (w) {
      return w && new TextEncoder().encode(w).length <= 64;
    }).slice(0, 8);
  }

  function postings(meta, word) {
    return get("w" + shard(word, meta.shards) + ".json").then(function (ws) {
      var stem = Object.prototype.hasOwnProperty.call(ws, word) ? ws[word] : word;
      return get("p" + shard(stem, meta.shards) + ".json").then(function (ps) {
        return Object.prototype.hasOwnProperty.call(ps, stem) ? ps[stem] : [];
      });
    });
  }

  function say(template, n, q) {
    return template.replace("{n}", n).replace("{q}", q);
  }

  // Appends the next PAGE hits to the list (fetching only their document files).
  function render(id) {
    var next = hits.slice(shown, shown + PAGE);
    return Promise.all(next.map(function (h) {
      return get("d" + Math.floor(h.doc / meta.chunk) + ".json").then(function (rows) {
        return rows[h.doc % meta.chunk];
      });
    })).then(function (rows) {
      if (id !== current) return;
      if (shown === 0) list.textContent = "";
      rows.forEach(function (row) {
        if (!row) return;
        var li = document.createElement("li");
        li.className = "search__hit";
        var a = document.createElement("a");
        a.href = row[1];
        a.textContent = row[0];
        li.appendChild(a);
        if (row[2]) {
          var p = document.createElement("p");
          p.textContent = row[2];
          li.appendChild(p);
        }
        list.appendChild(li);
      });
      shown += next.length;
      list.hidden = shown === 0;
      if (more) more.hidden = shown >= hits.length;
      status.textContent = hits.length
        ? say(list.getAttribute("data-count"), hits.length, query)
        : say(list.getAttribute("data-none"), 0, query);
    });
  }

  var current = 0;
  function run(q) {
    var id = ++current;
    var ws = words(q);
    shown = 0;
    hits = [];
    query = q;
    if (more) more.hidden = true;
    if (!ws.length) {
      list.hidden = true;
      status.textContent = "";
      return;
    }
    status.textContent = list.getAttribute("data-busy");
    get("meta.json").then(function (m) {
      meta = m;
      return Promise.all(ws.map(function (w) { return postings(meta, w); })).then(function (all) {
        // Pages that match more of the words first, then by score.
        var by = {};
        all.forEach(function (ps) {
          ps.forEach(function (p) {
            var h = by[p[0]] || (by[p[0]] = { doc: p[0], n: 0, score: 0 });
            h.n += 1;
            h.score += p[1];
          });
        });
        if (id !== current) return;
        hits = Object.keys(by).map(function (k) { return by[k]; });
        hits.sort(function (a, b) { return b.n - a.n || b.score - a.score || a.doc - b.doc; });
        return render(id);
      });
    }).catch(function () {
      if (id === current) status.textContent = list.getAttribute("data-error");
    });
  }

  if (more) {
    more.addEventListener("click", function () {
      var first = shown;
      render(current).then(function () {
        // Move focus to the first new result, so keyboard and screen-reader users follow.
        var item = list.children[first];
        var link = item && item.querySelector("a");
        if (link) link.focus();
      });
    });
  }

  form.addEventListener("submit", function (e) {
    e.preventDefault();
    var q = input.value.trim();
    var url = new URL(window.location.href);
    url.searchParams.set("q", q);
    window.history.replaceState(null, "", url);
    run(q);
  });
  var initial = new URLSearchParams(window.location.search).get("q");
  if (initial) {
    input.value = initial;
    run(initial.trim());
  }
})();
