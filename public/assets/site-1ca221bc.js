/* js/reader.js */
/* Reader controls: text size 大/中/小 and high contrast (适老化).
 *
 * The template renders real buttons, hidden by search.css until <html> has
 * class "js" (set by reader-head.js in <head>), so readers without
 * JavaScript see no dead buttons and nothing moves when this file loads:
 *
 *   <div class="reader-controls" role="group" aria-label="阅读设置">
 *     <button type="button" data-size="l" aria-pressed="false">大</button>
 *     <button type="button" data-size="m" aria-pressed="true">中</button>
 *     <button type="button" data-size="s" aria-pressed="false">小</button>
 *     <button type="button" data-contrast aria-pressed="false">高对比度</button>
 *   </div>
 *
 * Choices are classes on <html> (text-l, text-s, hc) and are remembered in
 * localStorage under edition.size (l|m|s) and edition.contrast (1|0); when
 * storage throws, the choice still applies to this page.
 * ES5 only (WeChat's Chrome 78 core).
 */
(function () {
  'use strict';

  var root = document.documentElement;

  function has(c) { return (' ' + root.className + ' ').indexOf(' ' + c + ' ') >= 0; }

  function toggle(c, on) {
    var list = root.className.split(/\s+/), out = [];
    for (var i = 0; i < list.length; i++) {
      if (list[i] && list[i] !== c) { out.push(list[i]); }
    }
    if (on) { out.push(c); }
    root.className = out.join(' ');
  }

  function store(key, value) {
    try { window.localStorage.setItem(key, value); } catch (e) { /* private mode, file:// */ }
  }

  function size() { return has('text-l') ? 'l' : has('text-s') ? 's' : 'm'; }

  function setSize(s) {
    toggle('text-l', s === 'l');
    toggle('text-s', s === 's');
    store('edition.size', s);
  }

  function setContrast(on) {
    toggle('hc', on);
    store('edition.contrast', on ? '1' : '0');
  }

  /* sync marks the pressed buttons in every control group on the page. */
  function sync() {
    var buttons = document.querySelectorAll('.reader-controls button');
    var s = size(), hc = has('hc');
    for (var i = 0; i < buttons.length; i++) {
      var b = buttons[i], v = b.getAttribute('data-size');
      if (v) {
        b.setAttribute('aria-pressed', v === s ? 'true' : 'false');
      } else if (b.hasAttribute('data-contrast')) {
        b.setAttribute('aria-pressed', hc ? 'true' : 'false');
      }
    }
  }

  function onClick(e) {
    var b = e.target;
    while (b && b.nodeName !== 'BUTTON') { b = b.parentNode; }
    if (!b) { return; }
    var v = b.getAttribute('data-size');
    if (v === 'l' || v === 'm' || v === 's') {
      setSize(v);
    } else if (b.hasAttribute('data-contrast')) {
      setContrast(!has('hc'));
    } else {
      return;
    }
    sync();
  }

  function init() {
    if (!has('js')) { toggle('js', true); }
    var groups = document.querySelectorAll('.reader-controls');
    for (var i = 0; i < groups.length; i++) {
      groups[i].addEventListener('click', onClick);
    }
    sync();
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', init);
  } else {
    init();
  }
})();

;
/* js/search.js */
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
 * edition serves every page of it, at any depth.
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
      if (t && t.nodeName === 'A') { self.close(); }
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
    var docs = [];
    for (var j = 0; j < ix.docs.length; j++) {
      var d = ix.docs[j];
      var folded = fold(map, d[3]);
      docs.push({ url: resolve(d[0], this.base), cite: d[1], kind: d[2], text: d[3], f: folded.s, at: folded.at });
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
    var cite = document.createElement('span');
    cite.className = 'search-cite';
    cite.textContent = d.kind === 'n' && d.cite.indexOf(T.note) < 0 ? T.note + ' ' + d.cite : d.cite;
    a.appendChild(cite);
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

  function init() {
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

;
/* js/switch.js */
/* Script switch (简体 / 繁體): keep the reader's place. The link goes to
 * the same page in the other edition; on a tap we add the paragraph the
 * reader is at as its fragment. The header slides away while reading down
 * and comes back on the first move up, so the switch (and search) are at
 * hand without losing the place. Without JavaScript the link still opens
 * the same page and the header simply scrolls. ES5, Chrome 78. */
(function () {
  'use strict';
  var head = document.querySelector('.masthead');

  // current returns the id of the first paragraph or heading below the
  // header, or the one in the address when the page was opened at it.
  function current() {
    var top = head ? Math.max(0, head.getBoundingClientRect().bottom) : 0;
    var ps = document.querySelectorAll('main [id][data-seed], main li[id]');
    for (var i = 0; i < ps.length; i++) {
      var r = ps[i].getBoundingClientRect();
      if (r.bottom > top + 8 && r.height > 0) { return ps[i].id; }
    }
    return location.hash.length > 1 ? location.hash.slice(1) : '';
  }

  document.addEventListener('click', function (ev) {
    var a = ev.target;
    while (a && a.nodeName !== 'A') { a = a.parentNode; }
    if (!a || !a.classList || !a.classList.contains('switch')) { return; }
    var id = current();
    if (id) { a.href = a.href.split('#')[0] + '#' + id; }
  }, true);

  if (!head || !window.requestAnimationFrame) { return; }
  var last = window.pageYOffset, ticking = false;
  document.documentElement.classList.add('headroom');
  window.addEventListener('scroll', function () {
    if (ticking) { return; }
    ticking = true;
    window.requestAnimationFrame(function () {
      var y = window.pageYOffset;
      var hide = y > last && y > head.offsetHeight && !head.contains(document.activeElement);
      head.classList.toggle('away', hide);
      last = y;
      ticking = false;
    });
  }, { passive: true });
}());

;
