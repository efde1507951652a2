/* The digest's search: fetch the manifest, one shard per query word and per filter, and the
   records of the results shown; nothing else. Results are grouped by story (a story's page
   first, its matching articles under it), labelled story or article, with the query's
   words marked. Mirrors digest/site/search.py (its docstring has the file layout and the
   scoring). Part of the search page's content, so Material's instant navigation runs it
   again on each visit. */
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
  var GROUPS = 10, PER_STORY = 3, FIELDS = ["q", "region", "topic", "from", "to"];
  var MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
  var has = Object.prototype.hasOwnProperty;

  var cache = {}, stop = null, starts = null;
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
    return text.toLowerCase().replace(/\u00ad/g, "").normalize("NFKD").replace(/\p{M}/gu, "");
  }
  function words(text, manifest) {
    var seen = {}, out = [];
    if (!stop) { stop = {}; manifest.stop.forEach(function (w) { stop[w] = 1; }); }
    (fold(text).match(/[\p{L}\p{N}_]+/gu) || []).forEach(function (w) {
      if (w.length > 1 && w[0] !== "_" && !stop[w] && !seen[w]) { seen[w] = 1; out.push(w); }
    });
    return out.sort().slice(0, 8);
  }
  function leafFor(term, leaves) {
    for (var n = term.length; n >= 2; n--) {
      if (has.call(leaves, term.slice(0, n))) return leaves[term.slice(0, n)];
    }
    return null;
  }
  function eachDoc(codes, fn) {
    var doc = -1;
    for (var i = 0; i < codes.length; i++) { doc += Math.floor(codes[i] / 2); fn(doc, codes[i] % 2); }
  }
  /* doc -> [score, matched in headline or summary] for one query word (a prefix). */
  function matches(word, manifest) {
    var leaf = leafFor(word, manifest.leaves);
    if (leaf === null) return Promise.resolve({});
    return get("s/" + leaf + ".json").then(function (shard) {
      var found = {};
      Object.keys(shard).forEach(function (term) {
        if (term.lastIndexOf(word, 0) !== 0) return;
        var codes = shard[term], idf = Math.log(1 + manifest.n / codes.length);
        eachDoc(codes, function (doc, head) {
          var s = idf * (head ? 3 : 1), f = found[doc];
          if (!f) found[doc] = [s, head];
          else { if (s > f[0]) f[0] = s; if (head) f[1] = 1; }
        });
      });
      return found;
    });
  }
  /* The documents of one filter term (~r<region>, ~t<topic>), as a set. */
  function facet(term, manifest) {
    var leaf = leafFor(term, manifest.leaves);
    if (leaf === null) return Promise.resolve({});
    return get("s/" + leaf + ".json").then(function (shard) {
      var set = {};
      if (has.call(shard, term)) eachDoc(shard[term], function (doc) { set[doc] = 1; });
      return set;
    });
  }
  /* The documents with a day in [lo, hi]: only the ~d leaves whose prefix can hold such a day. */
  function dayRange(lo, hi, manifest) {
    lo = lo || "0000-00-00"; hi = hi || "9999-99-99";
    var keys = Object.keys(manifest.leaves).filter(function (k) {
      if (k.lastIndexOf("~d", 0) !== 0) return false;
      var p = k.slice(2), n = p.length;
      return p >= lo.slice(0, n) && p <= hi.slice(0, n);
    });
    return Promise.all(keys.map(function (k) { return get("s/" + manifest.leaves[k] + ".json"); })).then(function (shards) {
      var set = {};
      shards.forEach(function (shard) {
        Object.keys(shard).forEach(function (term) {
          var day = term.slice(2);
          if (term.lastIndexOf("~d", 0) === 0 && day >= lo && day <= hi) eachDoc(shard[term], function (doc) { set[doc] = 1; });
        });
      });
      return set;
    });
  }
  function groupStarts(manifest) {
    if (starts) return starts;
    var bits = atob(manifest.groups), g = 0;
    starts = new Int32Array(manifest.n);
    for (var i = 0; i < manifest.n; i++) {
      if ((bits.charCodeAt(i >> 3) >> (i & 7)) & 1) g = i;
      starts[i] = g;
    }
    return starts;
  }
  function dayText(day) {
    var m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day || "");
    return m ? Number(m[3]) + " " + MONTHS[Number(m[2]) - 1] + " " + m[1] : "";
  }

  /* -- showing results (text only through textContent: titles and summaries are scraped) -- */
  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text) e.textContent = text;
    return e;
  }
  function marked(tag, cls, text, ws) {
    var e = el(tag, cls), re = /[\p{L}\p{N}_]+/gu, last = 0, m;
    while ((m = re.exec(text))) {
      var f = fold(m[0]);
      if (ws.some(function (w) { return f.lastIndexOf(w, 0) === 0; })) {
        e.appendChild(document.createTextNode(text.slice(last, m.index)));
        e.appendChild(el("mark", "", m[0]));
        last = m.index + m[0].length;
      }
    }
    e.appendChild(document.createTextNode(text.slice(last)));
    return e;
  }
  function anchor(record, cls, ws) {
    var href = new URL(record[0], root);
    if (href.protocol !== "http:" && href.protocol !== "https:") return null;
    var a = el("a", cls);  // a flex box for its height: the marked text goes in one span, spaces and all
    a.appendChild(marked("span", "", record[1], ws));
    a.href = href.href;
    return a;
  }
  function label(isStory) {
    return el("span", "dg-label" + (isStory ? " dg-label--story" : ""), isStory ? "Story" : "Article");
  }
  function headline(tag, link) {
    var div = el("div", "dg-result__head");
    div.appendChild(tag);
    div.appendChild(link);
    return div;
  }
  function about(record) {
    var parts = [];
    if (typeof record[4] === "number") parts.push(record[4] + (record[4] === 1 ? " independent report" : " independent reports"));
    else if (record[4]) parts.push(record[4]);
    if (record[3]) parts.push(dayText(record[3]));
    return parts.join(" \u00b7 ");
  }
  /* One story's results (or a lone article); mask: which query words its own headline or
     summary holds (-1 when only its articles matched). */
  function group(records, mask, ws) {
    var li = el("li", "dg-result"), head = records[0], isStory = typeof head[4] === "number";
    var a = anchor(head, "dg-result__link", ws);
    if (!a) return null;
    li.appendChild(headline(label(isStory), a));
    li.appendChild(el("p", "dg-meta", about(head)));
    if (head[2]) li.appendChild(marked("p", "", head[2], ws));
    var body = mask < 0 ? [] : ws.filter(function (w, i) { return !(mask & (1 << i)); });
    if (body.length) li.appendChild(el("p", "dg-meta", "Found in the full text: " + body.join(", ")));
    if (records.length > 1) {
      var ul = el("ul");
      records.slice(1).forEach(function (r) {
        if (r[1] === head[1]) return;  // the report whose headline the story carries: the story stands for it
        var item = el("li"), link = anchor(r, "dg-result__link dg-result__link--article", ws);
        if (!link) return;
        item.appendChild(headline(label(false), link));
        item.appendChild(el("p", "dg-meta", about(r)));
        ul.appendChild(item);
      });
      if (ul.childNodes.length) li.appendChild(ul);
    }
    return li;
  }

  var state = null;
  function showPage(manifest) {
    var page = state.ranked.slice(state.shown, state.shown + GROUPS), chunk = manifest.chunk;
    var wanted = page.map(function (g) {
      var docs = state.members[g].filter(function (d) { return d !== g; });
      docs.sort(function (a, b) { return state.scores[b][0] - state.scores[a][0] || b - a; });
      return [g].concat(docs.slice(0, PER_STORY));
    });
    var mine = state;
    return Promise.all(wanted.map(function (docs) {
      return Promise.all(docs.map(function (d) {
        return get("d/" + Math.floor(d / chunk) + ".json").then(function (c) { return c[d % chunk]; });
      }));
    })).then(function (groups) {
      if (mine !== state) return;  // a newer search started meanwhile
      groups.forEach(function (records, i) {
        var g = wanted[i][0], mask = has.call(state.scores, g) ? state.headMask[g] : -1;
        var li = group(records, mask, state.words);
        if (li) list.appendChild(li);
      });
      state.shown += page.length;
      var more = document.getElementById("dg-more");
      if (more) more.remove();
      if (state.shown < state.ranked.length) {
        var button = el("button", "dg-button", "Show more results");
        button.id = "dg-more";
        button.type = "button";
        button.addEventListener("click", function () { button.disabled = true; showPage(manifest); });
        list.parentNode.insertBefore(button, list.nextSibling);
      }
    });
  }
  function describe(params, total) {
    var what = [];
    if (params.q) what.push("\u201c" + params.q + "\u201d");
    ["region", "topic"].forEach(function (k) {
      var sel = form.elements[k];
      if (params[k] && sel) {
        var opt = Array.prototype.find.call(sel.options, function (o) { return o.value === params[k]; });
        what.push(opt ? opt.textContent : params[k]);
      }
    });
    if (params.from || params.to) what.push((params.from ? "from " + dayText(params.from) : "") + (params.from && params.to ? " " : "") + (params.to ? "to " + dayText(params.to) : ""));
    var n = total === 1 ? "1 story or article" : total + " stories and articles";
    return total ? n + " for " + what.join(", ") : "Nothing found for " + what.join(", ");
  }
  function run(params) {
    status.textContent = "Searching\u2026";
    list.textContent = "";
    var more = document.getElementById("dg-more");
    if (more) more.remove();
    var mine = state = { shown: 0 };
    get("manifest.json").then(function (manifest) {
      var ws = words(params.q || "", manifest);
      var filters = [];
      if (params.region) filters.push(facet("~r" + params.region, manifest));
      if (params.topic) filters.push(facet("~t" + params.topic, manifest));
      if (params.from || params.to) filters.push(dayRange(params.from, params.to, manifest));
      if (!ws.length && !filters.length) { status.textContent = "Type a word, or choose a region, a topic or dates."; return; }
      return Promise.all([Promise.all(ws.map(function (w) { return matches(w, manifest); })), Promise.all(filters)])
        .then(function (found) {
          if (mine !== state) return;
          var sets = found[0], allowed = found[1], scores = {}, headMask = {};
          if (sets.length) {
            Object.keys(sets[0]).forEach(function (d) {
              var total = 0, mask = 0;
              for (var i = 0; i < sets.length; i++) {
                var f = sets[i][d];
                if (!f) return;
                total += f[0];
                if (f[1]) mask |= 1 << i;
              }
              scores[d] = [total]; headMask[d] = mask;
            });
          } else {
            Object.keys(allowed[0]).forEach(function (d) { scores[d] = [0]; headMask[d] = 0; });
          }
          allowed.forEach(function (set) {
            Object.keys(scores).forEach(function (d) { if (!set[d]) delete scores[d]; });
          });
          var st = groupStarts(manifest), best = {}, members = {};
          Object.keys(scores).forEach(function (key) {
            var d = Number(key), g = st[d];
            if (!(best[g] >= scores[key][0])) best[g] = scores[key][0];
            (members[g] = members[g] || []).push(d);
          });
          var ranked = Object.keys(best).map(Number).sort(function (a, b) { return best[b] - best[a] || b - a; });
          state.ranked = ranked; state.members = members; state.scores = scores;
          state.headMask = headMask; state.words = ws;
          status.textContent = describe(params, ranked.length);
          return showPage(manifest);
        });
    }).catch(function (err) {
      status.textContent = "Search is unavailable: " + err.message;
    });
  }
  function read(source) {
    var params = {};
    FIELDS.forEach(function (k) { var v = (source.get(k) || "").trim(); if (v) params[k] = v; });
    return params;
  }
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var params = read(new FormData(form));
    var query = new URLSearchParams(params).toString();
    history.replaceState(history.state, "", query ? "?" + query : location.pathname);
    run(params);
  });
  var initial = read(new URLSearchParams(location.search));
  FIELDS.forEach(function (k) { if (initial[k] && form.elements[k]) form.elements[k].value = initial[k]; });
  var more = form.querySelector("details");
  if (more && (initial.region || initial.topic || initial.from || initial.to)) more.open = true;
  if (Object.keys(initial).length) run(initial);
})();
