/* The digest's search: fetch the manifest, one shard per query word, and the records
   of the results shown; nothing else. Mirrors digest/site/search.py (see its docstring
   for the file layout and the scoring). */
(function () {
  "use strict";
  var script = document.currentScript;
  var root = new URL("../../", script.src);          // the site root
  var data = new URL("search-data/", root);
  var form = document.querySelector("form.dg-search");
  var input = document.getElementById("dg-q");
  var status = document.getElementById("dg-status");
  var list = document.getElementById("dg-results");
  if (!form || !input || !list) return;

  var stop = null, cache = {};
  function get(path) {
    if (!cache[path]) {
      cache[path] = fetch(new URL(path, data)).then(function (r) {
        if (!r.ok) throw new Error(path + ": " + r.status);
        return r.json();
      });
    }
    return cache[path];
  }
  function fold(text) {
    return text.toLowerCase().normalize("NFKD").replace(/\p{M}/gu, "");
  }
  function words(text, manifest) {
    var seen = {}, out = [];
    if (!stop) { stop = {}; manifest.stop.forEach(function (w) { stop[w] = 1; }); }
    (fold(text).match(/[\p{L}\p{N}_]+/gu) || []).forEach(function (w) {
      if (w.length > 1 && w[0] !== "_" && !stop[w] && !seen[w]) { seen[w] = 1; out.push(w); }
    });
    return out.sort().slice(0, 8);
  }
  function leafFor(word, leaves) {
    for (var n = word.length; n >= 2; n--) {
      if (Object.prototype.hasOwnProperty.call(leaves, word.slice(0, n))) return leaves[word.slice(0, n)];
    }
    return null;
  }
  function matches(word, manifest) {
    var leaf = leafFor(word, manifest.leaves);
    if (leaf === null) return Promise.resolve({});
    return get("s/" + leaf + ".json").then(function (shard) {
      var found = {};
      Object.keys(shard).forEach(function (term) {
        if (term.lastIndexOf(word, 0) !== 0) return;
        var codes = shard[term], idf = Math.log(1 + manifest.n / codes.length), doc = -1;
        for (var i = 0; i < codes.length; i++) {
          doc += Math.floor(codes[i] / 2);
          var s = idf * (codes[i] % 2 ? 3 : 1);
          if (!(found[doc] >= s)) found[doc] = s;
        }
      });
      return found;
    });
  }
  function show(records, total, query) {
    list.textContent = "";
    records.forEach(function (r) {
      var li = document.createElement("li"), a = document.createElement("a");
      var href = new URL(r[0], root);
      if (href.protocol !== "http:" && href.protocol !== "https:") return;
      a.href = href.href;
      a.textContent = r[1];
      li.appendChild(a);
      if (r[3]) {
        var meta = document.createElement("span");
        meta.className = "dg-meta";
        meta.textContent = " " + r[3];
        li.appendChild(meta);
      }
      if (r[2]) {
        var p = document.createElement("p");
        p.textContent = r[2];
        li.appendChild(p);
      }
      list.appendChild(li);
    });
    status.textContent = total ? total + (total === 1 ? " result" : " results") + " for \u201c" + query + "\u201d"
                               : "Nothing found for \u201c" + query + "\u201d";
  }
  function run(query) {
    status.textContent = "Searching\u2026";
    get("manifest.json").then(function (manifest) {
      var ws = words(query, manifest);
      if (!ws.length) { show([], 0, query); return; }
      return Promise.all(ws.map(function (w) { return matches(w, manifest); })).then(function (sets) {
        var scores = sets[0];
        sets.slice(1).forEach(function (found) {
          var next = {};
          Object.keys(scores).forEach(function (d) { if (d in found) next[d] = scores[d] + found[d]; });
          scores = next;
        });
        var ranked = Object.keys(scores).map(Number).sort(function (a, b) {
          return scores[b] - scores[a] || b - a;
        });
        var top = ranked.slice(0, 20), chunk = manifest.chunk;
        return Promise.all(top.map(function (d) { return get("d/" + Math.floor(d / chunk) + ".json"); }))
          .then(function (chunks) {
            show(chunks.map(function (c, i) { return c[top[i] % chunk]; }), ranked.length, query);
          });
      });
    }).catch(function (err) {
      status.textContent = "Search is unavailable: " + err.message;
    });
  }
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var q = input.value.trim();
    if (!q) return;
    history.replaceState(null, "", "?q=" + encodeURIComponent(q));
    run(q);
  });
  var initial = new URLSearchParams(location.search).get("q");
  if (initial) { input.value = initial; run(initial); }
})();
