/* Live search of the report, enhancing the header's search form.
 *
 * Markup the page provides (the form is hidden until the <head> snippet has
 * put class "js" on <html>, so there is no dead control without JavaScript):
 *
 *   <form role="search" class="site-search" id="site-search"
 *         action="#toc" data-index="search-index.js">
 *     <label for="q">搜索</label>
 *     <input type="search" id="q" name="q" autocomplete="off" placeholder="…">
 *   </form>
 *
 * On first focus of #q the index (a classic script defining
 * window.SEARCH_INDEX, built by generator/internal/search) is loaded with a
 * <script> element: this works from file:// where fetch/XHR do not. Results
 * show as you type, each a link to its paragraph with the match in <mark>.
 * Text and query are folded the same way as Go's script.FoldRune: whitespace
 * dropped, full-width ASCII to half-width, A-Z to a-z, and the index's
 * "fold" table (Traditional -> Simplified), so 减税 finds 減稅 and back.
 * Doc URLs in the index are relative to the index file, so one index per
 * edition serves every page of it, at any depth. Served over http(s), a
 * result links to the page's canonical address (part-2-1/#p2-1-3, not
 * part-2-1/index.html#…), the form people share; from file:// it keeps
 * index.html. Each result names its page's title (index "pages"). The
 * words a result matched are kept for the page it opens, which marks them
 * in the paragraph (sessionStorage, so the address stays clean).
 *
 * ES5 only (WeChat's Chrome 78 core): no modules, arrows, ?. or ??.
 */
(function () {
  'use strict';

  var MAX_RESULTS = 50;
  var BEFORE = 16; // characters of context before a match
  var AFTER = 60; // and after it
  var DEBOUNCE_MS = 120;

  var lang = document.documentElement.getAttribute('lang') || '';
  var hant = /^zh-(Hant|TW|HK|MO)/i.test(lang);
  var T = hant ? {
    loading: '正在載入索引…', none: '沒有找到', found: '找到 {n} 處',
    more: '只顯示前 {n} 處', failed: '搜索暫不可用', results: '搜索結果',
    note: '注釋'
  } : {
    loading: '正在载入索引…', none: '没有找到', found: '找到 {n} 处',
    more: '只显示前 {n} 处', failed: '搜索暂不可用', results: '搜索结果',
    note: '注释'
  };

  function fmt(s, n) { return s.replace('{n}', String(n)); }

  function foldChar(map, c) {
    if (c === 32 || c === 9 || c === 10 || c === 13 || c === 0xa0 || c === 0x3000) {
      return '';
    }
    if (c >= 0xff01 && c <= 0xff5e) { c -= 0xfee0; }
    if (c >= 65 && c <= 90) { c += 32; }
    var ch = String.fromCharCode(c);
    return map.hasOwnProperty(ch) ? map[ch] : ch;
  }

  /* fold returns {s: folded text, at: offset in text of each folded unit}. */
  function fold(map, text) {
    var out = [], at = [];
    for (var i = 0; i < text.length; i++) {
      var f = foldChar(map, text.charCodeAt(i));
      if (f !== '') { out.push(f); at.push(i); }
    }
    return { s: out.join(''), at: at };
  }

  function Search(form, input) {
    this.form = form;
    this.input = input;
    this.docs = null;
    this.map = null;
    this.state = 'idle';
    this.timer = 0;
    this.composing = false;
    this.base = document.baseURI;
    this.build();
    this.bind();
  }

  /* build adds, inside the form, an absolutely placed drop-down holding
   * the live status line and the result list, so nothing below moves. */
  Search.prototype.build = function () {
    var drop = document.createElement('div');
    drop.className = 'search-drop';
    var status = document.createElement('p');
    status.className = 'search-status';
    status.id = 'search-status';
    status.setAttribute('aria-live', 'polite');
    status.setAttribute('role', 'status');
    var panel = document.createElement('div');
    panel.className = 'search-results';
    panel.id = 'search-results';
    panel.hidden = true;
    var list = document.createElement('ol');
    list.setAttribute('aria-label', T.results);
    panel.appendChild(list);
    drop.appendChild(status);
    drop.appendChild(panel);
    this.form.appendChild(drop);
    this.status = status;
    this.panel = panel;
    this.list = list;
    this.input.setAttribute('aria-controls', panel.id);
    this.input.setAttribute('aria-describedby', status.id);
  };

  Search.prototype.bind = function () {
    var self = this;
    this.input.addEventListener('focus', function () { self.load(); });
    function schedule() {
      self.load();
      clearTimeout(self.timer);
      self.timer = setTimeout(function () { self.run(); }, DEBOUNCE_MS);
    }
    /* While a Pinyin IME composes, the box holds Latin letters (jianshui):
     * wait for the characters (compositionend) instead of searching those. */
    this.input.addEventListener('compositionstart', function () { self.composing = true; });
    this.input.addEventListener('compositionend', function () {
      self.composing = false;
      schedule();
    });
    this.input.addEventListener('input', function (e) {
      if (!e.isComposing && !self.composing) { schedule(); }
    });
    this.form.addEventListener('submit', function (e) {
      e.preventDefault();
      clearTimeout(self.timer);
      self.run();
      var first = self.list.querySelector('a');
      if (first) { first.focus(); }
    });
    this.form.addEventListener('keydown', function (e) { self.key(e); });
    this.list.addEventListener('click', function (e) {
      var t = e.target;
      while (t && t !== self.list && t.nodeName !== 'A') { t = t.parentNode; }
      if (t && t.nodeName === 'A') {
        remember(t);
        self.close();
        /* The same page: no load, so mark the words once the hash moved. */
        setTimeout(landing, 0);
      }
    });
  };

  Search.prototype.key = function (e) {
    var k = e.key;
    if (k === 'Escape' || k === 'Esc') {
      if (this.input.value === '' && this.panel.hidden) { return; }
      e.preventDefault();
      this.input.value = '';
      this.close();
      this.status.textContent = '';
      this.status.removeAttribute('data-query');
      this.input.focus();
      return;
    }
    if (k !== 'ArrowDown' && k !== 'ArrowUp' && k !== 'Down' && k !== 'Up') { return; }
    var links = this.list.querySelectorAll('a');
    if (!links.length || this.panel.hidden) { return; }
    var i = -1;
    for (var j = 0; j < links.length; j++) {
      if (links[j] === document.activeElement) { i = j; }
    }
    e.preventDefault();
    var down = k === 'ArrowDown' || k === 'Down';
    if (down) {
      links[Math.min(i + 1, links.length - 1)].focus();
    } else if (i <= 0) {
      this.input.focus();
    } else {
      links[i - 1].focus();
    }
  };

  Search.prototype.load = function () {
    if (this.state !== 'idle') { return; }
    if (window.SEARCH_INDEX) { this.ready(window.SEARCH_INDEX); return; }
    var self = this;
    this.state = 'loading';
    var s = document.createElement('script');
    s.src = this.form.getAttribute('data-index') || 'search-index.js';
    s.async = true;
    s.onload = function () {
      if (window.SEARCH_INDEX) {
        self.base = s.src; /* absolute once set: doc URLs are relative to it */
        self.ready(window.SEARCH_INDEX);
      } else {
        self.fail();
      }
    };
    s.onerror = function () { self.fail(); };
    document.head.appendChild(s);
  };

  Search.prototype.fail = function () {
    this.state = 'failed';
    this.status.textContent = T.failed;
  };

  Search.prototype.ready = function (ix) {
    var map = {};
    var f = ix.fold || '';
    for (var i = 0; i + 1 < f.length; i += 2) { map[f.charAt(i)] = f.charAt(i + 1); }
    var docs = [], pages = ix.pages || {};
    for (var j = 0; j < ix.docs.length; j++) {
      var d = ix.docs[j];
      var folded = fold(map, d[3]);
      var title = pages[d[0].split('#')[0]] || '';
      docs.push({ url: canonical(resolve(d[0], this.base)), cite: d[1], kind: d[2], text: d[3], title: title, f: folded.s, at: folded.at });
    }
    this.map = map;
    this.docs = docs;
    this.state = 'ready';
    if (this.input.value) { this.run(); }
  };

  /* resolve makes a doc URL from the index (relative to the index file, so
   * one index serves pages at any depth) absolute; old cores without URL()
   * keep it as written. */
  function resolve(u, base) {
    try { return new URL(u, base).href; } catch (e) { return u; }
  }

  /* canonical drops index.html from an http(s) address: the form a
   * server answers and people share. */
  function canonical(u) {
    if (!/^https?:$/.test(location.protocol)) { return u; }
    return u.replace(/\/index\.html(?=#|$)/, '/');
  }

  /* terms splits the query on spaces (AND) and folds each part. */
  Search.prototype.terms = function (q) {
    var parts = q.split(/[\s\u3000]+/), out = [];
    for (var i = 0; i < parts.length; i++) {
      var f = fold(this.map, parts[i]).s;
      if (f) { out.push(f); }
    }
    return out;
  };

  Search.prototype.run = function () {
    if (this.composing) { return; } /* e.g. the index arrived mid-composition */
    var q = this.input.value;
    if (!q.replace(/[\s\u3000]+/g, '')) {
      this.close();
      this.status.textContent = '';
      return;
    }
    if (this.state !== 'ready') {
      if (this.state === 'loading') { this.status.textContent = T.loading; }
      return;
    }
    var terms = this.terms(q), hits = [];
    for (var i = 0; i < this.docs.length; i++) {
      var ranges = match(this.docs[i], terms);
      if (ranges) { hits.push({ doc: this.docs[i], ranges: ranges }); }
    }
    this.show(hits);
  };

  /* match returns the doc's highlight ranges [start, end) in its text, in
   * order and merged, or null when some term is missing. */
  function match(doc, terms) {
    var ranges = [];
    for (var t = 0; t < terms.length; t++) {
      var term = terms[t], from = 0, found = false, p;
      while ((p = doc.f.indexOf(term, from)) >= 0) {
        found = true;
        ranges.push([doc.at[p], doc.at[p + term.length - 1] + 1]);
        from = p + term.length;
      }
      if (!found) { return null; }
    }
    ranges.sort(function (a, b) { return a[0] - b[0]; });
    var merged = [ranges[0]];
    for (var i = 1; i < ranges.length; i++) {
      var last = merged[merged.length - 1];
      if (ranges[i][0] <= last[1]) {
        last[1] = Math.max(last[1], ranges[i][1]);
      } else {
        merged.push(ranges[i]);
      }
    }
    return merged;
  }

  Search.prototype.show = function (hits) {
    var list = this.list;
    while (list.firstChild) { list.removeChild(list.firstChild); }
    var n = Math.min(hits.length, MAX_RESULTS);
    for (var i = 0; i < n; i++) { list.appendChild(item(hits[i])); }
    var msg = hits.length ? fmt(T.found, hits.length) : T.none;
    if (hits.length > MAX_RESULTS) { msg += '，' + fmt(T.more, MAX_RESULTS); }
    this.status.textContent = msg;
    this.status.setAttribute('data-query', this.input.value); /* what the status answers */
    this.panel.hidden = n === 0;
  };

  Search.prototype.close = function () {
    this.panel.hidden = true;
  };

  function item(hit) {
    var d = hit.doc, r = hit.ranges;
    var li = document.createElement('li');
    var a = document.createElement('a');
    a.href = d.url;
    var words = [];
    for (var k = 0; k < r.length; k++) {
      var w = d.text.slice(r[k][0], r[k][1]);
      if (words.indexOf(w) < 0) { words.push(w); }
    }
    a.setAttribute('data-words', words.join('\n'));
    var cite = document.createElement('span');
    cite.className = 'search-cite';
    cite.textContent = d.kind === 'n' && d.cite.indexOf(T.note) < 0 ? T.note + ' ' + d.cite : d.cite;
    a.appendChild(cite);
    if (d.title && d.kind !== 'n') {
      var title = document.createElement('span');
      title.className = 'search-title';
      title.textContent = d.title;
      a.appendChild(document.createTextNode(' '));
      a.appendChild(title);
    }
    a.appendChild(document.createTextNode(' '));
    var snip = document.createElement('span');
    snip.className = 'search-snippet';
    var start = Math.max(0, r[0][0] - BEFORE);
    var end = Math.min(d.text.length, r[0][1] + AFTER);
    if (start > 0) { snip.appendChild(document.createTextNode('…')); }
    var pos = start;
    for (var i = 0; i < r.length && r[i][0] < end; i++) {
      var s = Math.max(r[i][0], pos), e = Math.min(r[i][1], end);
      if (s > pos) { snip.appendChild(document.createTextNode(d.text.slice(pos, s))); }
      var m = document.createElement('mark');
      m.textContent = d.text.slice(s, e);
      snip.appendChild(m);
      pos = e;
    }
    snip.appendChild(document.createTextNode(d.text.slice(pos, end)));
    if (end < d.text.length) { snip.appendChild(document.createTextNode('…')); }
    a.appendChild(snip);
    li.appendChild(a);
    return li;
  }

  var HL = 'edition.hl';

  /* remember keeps a result's address and matched words for the page it
   * opens. */
  function remember(a) {
    try {
      window.sessionStorage.setItem(HL, JSON.stringify({ u: a.href, w: (a.getAttribute('data-words') || '').split('\n') }));
    } catch (e) { /* storage off: no marks, the link still works */ }
  }

  /* landing marks the searched words in the paragraph the reader arrived
   * at from a result, as search engines' cached pages did; once only. */
  function landing() {
    var hl;
    try {
      hl = JSON.parse(window.sessionStorage.getItem(HL) || 'null');
    } catch (e) { return; }
    if (!hl || hl.u.split('#')[0] !== location.href.split('#')[0] || hl.u.split('#')[1] !== location.hash.slice(1)) { return; }
    try { window.sessionStorage.removeItem(HL); } catch (e) { /* ignore */ }
    var el = location.hash.length > 1 && document.getElementById(decodeURIComponent(location.hash.slice(1)));
    if (el) { markWords(el, hl.w); }
  }

  function markWords(el, words) {
    var walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT, null, false), nodes = [];
    while (walker.nextNode()) { nodes.push(walker.currentNode); }
    for (var i = 0; i < nodes.length; i++) { markIn(nodes[i], words); }
  }

  /* markIn wraps every occurrence of any of words in text node n in
   * <mark>, earliest first. */
  function markIn(n, words) {
    while (n) {
      var at = -1, w = '';
      for (var j = 0; j < words.length; j++) {
        var p = words[j] ? n.nodeValue.indexOf(words[j]) : -1;
        if (p >= 0 && (at < 0 || p < at)) { at = p; w = words[j]; }
      }
      if (at < 0) { return; }
      var hit = n.splitText(at);
      n = hit.splitText(w.length);
      var m = document.createElement('mark');
      m.className = 'search-hit';
      hit.parentNode.replaceChild(m, hit);
      m.appendChild(hit);
    }
  }

  function init() {
    landing();
    var input = document.getElementById('q');
    var form = input && input.form;
    if (!form || form.getAttribute('data-search') === 'on') { return; }
    form.setAttribute('data-search', 'on');
    new Search(form, input);
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', init);
  } else {
    init();
  }
})();
