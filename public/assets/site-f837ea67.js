/* js/cite.js */
/* 引用本段: a tap on a paragraph's ¶ mark opens a small panel under the
 * paragraph with its permanent link and a citation in GB/T 7714 style
 * (electronic resource, [EB/OL]) naming the edition's version and date,
 * each with a copy button: federalregister.gov's paragraph citations.
 * Without JavaScript the ¶ mark is a plain link to the paragraph.
 * The edition's data comes from <body data-cite-*>; the strings follow
 * the page's script. ES5 (WeChat's Chrome 78 core). */
(function () {
  'use strict';

  var body = document.body;
  if (!body || !body.getAttribute('data-cite-report')) { return; }
  var hant = /^zh-(Hant|TW|HK|MO)/i.test(document.documentElement.getAttribute('lang') || '');
  var T = hant ? {
    title: '引用本段', link: '本段鏈接', cite: '引用格式（GB/T 7714）', copy: '複製', copied: '已複製',
    failed: '請選中後複製', close: '關閉', edition: '注釋版', version: '第{v}版', err: '無法自動複製'
  } : {
    title: '引用本段', link: '本段链接', cite: '引用格式（GB/T 7714）', copy: '复制', copied: '已复制',
    failed: '请选中后复制', close: '关闭', edition: '注释版', version: '第{v}版', err: '无法自动复制'
  };
  var open = null;

  function today() {
    var d = new Date();
    function two(n) { return (n < 10 ? '0' : '') + n; }
    return d.getFullYear() + '-' + two(d.getMonth() + 1) + '-' + two(d.getDate());
  }

  /* citation: 主要责任者. 题名：其他题名信息[EB/OL]. 版本. (更新日期)[引用日期]. 获取和访问路径. */
  function citation(cite, url) {
    var d = function (k) { return body.getAttribute('data-cite-' + k) || ''; };
    var ed = T.edition;
    if (d('version')) { ed += '，' + T.version.replace('{v}', d('version')); }
    var s = d('issuer') + '. ' + d('report') + '：' + cite + '[EB/OL]. ' + ed + '. ';
    s += (d('updated') ? '(' + d('updated') + ')' : '') + '[' + today() + ']. ' + url + '.';
    return s;
  }

  function copy(text, status) {
    function done(ok) { status.textContent = ok ? T.copied : T.failed; }
    if (navigator.clipboard && navigator.clipboard.writeText) {
      navigator.clipboard.writeText(text).then(function () { done(true); }, function () { done(false); });
      return;
    }
    done(false);
  }

  function row(label, text, isLink) {
    var p = document.createElement('p');
    p.className = 'pin-row';
    var l = document.createElement('span');
    l.className = 'pin-label';
    l.textContent = label;
    p.appendChild(l);
    var v;
    if (isLink) {
      v = document.createElement('a');
      v.href = text;
    } else {
      v = document.createElement('span');
    }
    v.className = 'pin-value';
    v.textContent = text;
    p.appendChild(v);
    var b = document.createElement('button');
    b.type = 'button';
    b.textContent = T.copy;
    var st = document.createElement('span');
    st.className = 'pin-status';
    st.setAttribute('role', 'status');
    b.addEventListener('click', function () { copy(text, st); });
    p.appendChild(b);
    p.appendChild(st);
    return p;
  }

  function close(focus) {
    if (!open) { return; }
    var o = open;
    open = null;
    o.box.parentNode.removeChild(o.box);
    o.pin.setAttribute('aria-expanded', 'false');
    if (focus) { o.pin.focus(); }
  }

  function show(pin) {
    var id = (pin.getAttribute('href') || '').split('#')[1];
    var para = id && document.getElementById(id);
    if (!para) { return false; }
    close(false);
    var url = location.href.split('#')[0].replace(/\/index\.html$/, '/') + '#' + id;
    var box = document.createElement('div');
    box.className = 'pin-menu';
    box.setAttribute('role', 'group');
    box.setAttribute('aria-label', T.title + ' ' + pin.textContent);
    box.tabIndex = -1;
    var h = document.createElement('p');
    h.className = 'pin-title';
    h.textContent = T.title + ' · ' + pin.textContent;
    var x = document.createElement('button');
    x.type = 'button';
    x.className = 'pin-close';
    x.textContent = T.close;
    x.addEventListener('click', function () { close(true); });
    h.appendChild(x);
    box.appendChild(h);
    box.appendChild(row(T.link, url, true));
    box.appendChild(row(T.cite, citation(pin.textContent, url), false));
    para.parentNode.insertBefore(box, para.nextSibling);
    pin.setAttribute('aria-expanded', 'true');
    open = { pin: pin, box: box };
    if (window.history && history.replaceState) { history.replaceState(null, '', '#' + id); }
    box.focus();
    return true;
  }

  document.addEventListener('click', function (e) {
    var a = e.target;
    while (a && a.nodeName !== 'A') { a = a.parentNode; }
    if (a && a.classList && a.classList.contains('pin') && !e.ctrlKey && !e.metaKey && !e.shiftKey) {
      if (open && open.pin === a) { close(true); e.preventDefault(); return; }
      if (show(a)) { e.preventDefault(); }
      return;
    }
    if (open && !open.box.contains(e.target)) { close(false); }
  });
  document.addEventListener('keydown', function (e) {
    if (open && (e.key === 'Escape' || e.keyCode === 27)) { close(true); }
  });
})();

;
/* js/embed-share.js */
/* embed-share.js: the copy buttons of the 分享 / 嵌入 panel
 * (templates/partials/share.html). The buttons are hidden until this runs.
 * 複製嵌入代碼 copies the code block's text, which is the snippet exactly;
 * 複製鏈接 copies the permalink, made absolute by the browser (a site built
 * without base_url links relatively, and the shown text becomes the
 * absolute address too). Both use the
 * asynchronous clipboard API where there is one (secure pages) and a
 * selected textarea and execCommand('copy') elsewhere (WeChat's Chrome
 * 78 core on http). The outcome is announced in the role=status span.
 * ES5 only.
 */
(function () {
  'use strict';
  var doc = document;
  if (!doc.querySelectorAll) {
    return;
  }
  /* A site built without its address (no base_url) writes the snippet's
   * URLs from the site's root ("/embed/…"): they are made absolute here,
   * from the address this script was loaded from (…/assets/site-….js), so
   * a snippet pasted on another site points back here. */
  var me = doc.currentScript && doc.currentScript.src;
  var base = me ? me.replace(/assets\/[^\/]*$/, '') : '';
  if (base && /^https?:/.test(base)) {
    var codes = doc.querySelectorAll('.share-body');
    for (var c = 0; c < codes.length; c++) { absolute(codes[c]); }
  }

  function absolute(el) {
    var walker = doc.createTreeWalker(el, 4 /* NodeFilter.SHOW_TEXT */, null, false), n;
    while ((n = walker.nextNode())) {
      n.nodeValue = n.nodeValue.replace(/(^|["'\s(])\/(?!\/)/g, '$1' + base);
    }
    var links = el.querySelectorAll('a[href^="/"]');
    for (var i = 0; i < links.length; i++) {
      if (!/^\/\//.test(links[i].getAttribute('href'))) { links[i].href = base + links[i].getAttribute('href').slice(1); }
    }
  }

  var buttons = doc.querySelectorAll('button.share-copy, button.share-copy-link');

  for (var i = 0; i < buttons.length; i++) {
    buttons[i].hidden = false;
    buttons[i].addEventListener('click', copy);
  }
  var links = doc.querySelectorAll('a.share-url');
  for (var j = 0; j < links.length; j++) {
    links[j].textContent = links[j].href;
  }

  function panel(el) {
    while (el && !(el.className && /\bshare-body\b/.test(el.className))) {
      el = el.parentNode;
    }
    return el;
  }

  function copy(e) {
    var b = e.currentTarget;
    var body = panel(b);
    // Each button announces in the status beside it.
    var status = b.parentNode.querySelector('.share-status');
    var text = textFor(b, body);
    if (text === null) {
      return;
    }
    var say = function (ok) {
      if (status) {
        status.textContent = b.getAttribute(ok ? 'data-done' : 'data-fail');
      }
    };
    if (navigator.clipboard && navigator.clipboard.writeText) {
      navigator.clipboard.writeText(text).then(function () {
        say(true);
      }, function () {
        say(fallback(text));
      });
      return;
    }
    say(fallback(text));
  }

  // textFor is what a button copies: the link's absolute address, or the
  // snippet.
  function textFor(b, body) {
    if (/\bshare-copy-link\b/.test(b.className)) {
      var a = body && body.querySelector('a.share-url');
      return a ? a.href : null;
    }
    var pre = body && body.querySelector('.share-code pre');
    return pre ? pre.textContent.replace(/\n$/, '') : null;
  }

  function fallback(text) {
    var ta = doc.createElement('textarea');
    ta.value = text;
    ta.setAttribute('readonly', '');
    ta.style.position = 'fixed';
    ta.style.top = '0';
    ta.style.left = '-9999px';
    doc.body.appendChild(ta);
    ta.select();
    var ok = false;
    try {
      ok = doc.execCommand('copy');
    } catch (err) {
      ok = false;
    }
    doc.body.removeChild(ta);
    return ok;
  }
})();

;
/* js/notes.js */
/* notes.js: read a term's note in place (package terms).
 * Without this script every a.term is a link to its note (#nN) and the
 * note links back. With it, for a mouse (a hover-capable pointer:
 * matchMedia('(hover: hover)'), or a pointer that turns out to be a mouse)
 * a popover anchored to the term (stays while the pointer is over the term
 * or the popover; Escape closes); for touch a bottom sheet (a modal dialog
 * with a close button; tapping outside or Escape closes). A click, a tap or Enter
 * on the term opens it and moves focus into it; closing returns focus to
 * the term. The content is a copy of the page's own note li#nN; when the
 * page has none the link is followed. Nothing is put inside the sentence:
 * the box is appended to the body. ES5 only, for WeChat's Chrome 78 core.
 */
(function () {
  'use strict';
  var doc = document;
  if (!doc.querySelector || !doc.addEventListener || !doc.body) {
    return;
  }
  // The page's script decides the box's own words.
  var hans = /^zh-(Hans|CN|SG)/i.test(doc.documentElement.getAttribute('lang') || '');
  var W = hans ? { note: '注释', close: '关闭' } : { note: '注釋', close: '關閉' };
  var canHover = !!(window.matchMedia && window.matchMedia('(hover: hover)').matches);
  var open = null; // {term, box, backdrop, mode, pinned, focused}
  var showTimer = 0;
  var hideTimer = 0;
  var lastPointer = ''; // pointer type of the last pointerdown or touch

  doc.addEventListener('pointerdown', function (e) {
    lastPointer = e.pointerType;
  }, true);
  doc.addEventListener('touchstart', function () {
    lastPointer = 'touch';
  }, true);
  doc.addEventListener('pointermove', function (e) {
    if (e.pointerType === 'mouse') {
      canHover = true;
    }
  }, true);

  // mode chooses the popover or the sheet for the click that opens a note:
  // touch gets the sheet, a mouse the popover, a key the device's default.
  function mode(e) {
    var p = lastPointer;
    lastPointer = '';
    if (e.detail === 0 || !p) {
      return canHover ? 'pop' : 'sheet';
    }
    return p === 'mouse' ? 'pop' : 'sheet';
  }

  function closest(el, sel) {
    while (el && el.nodeType === 1) {
      if ((el.matches || el.webkitMatchesSelector || el.msMatchesSelector).call(el, sel)) {
        return el;
      }
      el = el.parentNode;
    }
    return null;
  }

  function inside(el, box) {
    return !!(el && box && (el === box || box.contains(el)));
  }

  function noteOf(term) {
    var li = doc.getElementById('n' + term.getAttribute('data-note'));
    return li && li.tagName === 'LI' ? li : null;
  }

  // content copies the note's children without ids or data-seed: it is an
  // editorial copy of the note, not report text.
  function content(li) {
    var body = doc.createElement('div');
    body.className = 'term-body';
    for (var c = li.firstChild; c; c = c.nextSibling) {
      body.appendChild(c.cloneNode(true));
    }
    var marked = body.querySelectorAll('[id],[data-seed]');
    for (var i = 0; i < marked.length; i++) {
      marked[i].removeAttribute('id');
      marked[i].removeAttribute('data-seed');
    }
    return body;
  }

  function label(li) {
    var t = li.getAttribute('data-term');
    if (!t) {
      var d = li.querySelector('dfn');
      t = d ? d.textContent : '';
    }
    return t;
  }

  function build(term, li, mode) {
    var n = term.getAttribute('data-note');
    var box = doc.createElement('div');
    box.className = mode === 'sheet' ? 'term-sheet' : 'term-pop';
    box.setAttribute('role', 'dialog');
    if (mode === 'sheet') {
      box.setAttribute('aria-modal', 'true');
    }
    box.setAttribute('aria-label', W.note + n + '：' + label(li));
    box.setAttribute('data-note', n);
    box.tabIndex = -1;
    var head = doc.createElement('div');
    head.className = 'term-head';
    var num = doc.createElement('span');
    num.className = 'term-num';
    num.textContent = W.note + ' ' + n;
    head.appendChild(num);
    var close = doc.createElement('button');
    close.type = 'button';
    close.className = 'term-close';
    close.textContent = W.close;
    close.addEventListener('click', function () {
      hide(true);
    });
    head.appendChild(close);
    box.appendChild(head);
    box.appendChild(content(li));
    return box;
  }

  function place(box, term) {
    var rects = term.getClientRects();
    var first = rects.length ? rects[0] : term.getBoundingClientRect();
    var last = rects.length ? rects[rects.length - 1] : first;
    var vw = doc.documentElement.clientWidth;
    var vh = window.innerHeight;
    box.style.left = '0px';
    box.style.top = '0px';
    var bw = box.offsetWidth;
    var bh = box.offsetHeight;
    var room = vh - last.bottom;
    var top;
    var at;
    if (room >= bh + 12 || room >= first.top) {
      top = last.bottom + 6;
      at = last;
      box.className = 'term-pop below';
    } else {
      top = first.top - bh - 6;
      at = first;
      box.className = 'term-pop above';
    }
    var left = at.left;
    if (left + bw > vw - 8) {
      left = vw - 8 - bw;
    }
    if (left < 8) {
      left = 8;
    }
    box.style.left = Math.round(left + window.pageXOffset) + 'px';
    box.style.top = Math.round(top + window.pageYOffset) + 'px';
  }

  function show(term, mode, pinned, focus) {
    clearTimeout(showTimer);
    clearTimeout(hideTimer);
    var li = noteOf(term);
    if (!li) {
      return false;
    }
    if (open && open.term === term && open.mode === mode) {
      open.pinned = open.pinned || pinned;
      if (focus) {
        open.focused = true;
        open.box.focus();
      }
      return true;
    }
    hide(false);
    var box = build(term, li, mode);
    var state = { term: term, box: box, backdrop: null, mode: mode, pinned: pinned, focused: focus };
    if (mode === 'sheet') {
      var bd = doc.createElement('div');
      bd.className = 'term-backdrop';
      bd.addEventListener('click', function () {
        hide(true);
      });
      doc.body.appendChild(bd);
      state.backdrop = bd;
      doc.body.appendChild(box);
      // On a phone the back button (or WeChat's back) should close the
      // sheet, not leave the page: the sheet gets a history entry.
      if (window.history && history.pushState) {
        try {
          history.pushState({ termSheet: true }, '');
          state.pushed = true;
        } catch (err) { /* a sandboxed frame may refuse */ }
      }
      // Keep the term in sight above the sheet.
      var covered = term.getBoundingClientRect().bottom + 12 - box.getBoundingClientRect().top;
      if (covered > 0) {
        window.scrollBy(0, covered);
      }
    } else {
      doc.body.appendChild(box);
      place(box, term);
      box.addEventListener('mouseover', function () {
        clearTimeout(hideTimer);
      });
      box.addEventListener('mouseout', function (e) {
        if (!inside(e.relatedTarget, box) && !inside(e.relatedTarget, term)) {
          later();
        }
      });
    }
    box.addEventListener('click', function (e) {
      if (closest(e.target, 'a[href]')) {
        hide(false); // a back-link: go there
      }
    });
    term.setAttribute('aria-expanded', 'true');
    open = state;
    if (focus) {
      box.focus();
    }
    return true;
  }

  function hide(returnFocus) {
    clearTimeout(hideTimer);
    if (!open) {
      return;
    }
    var o = open;
    open = null;
    var had = inside(doc.activeElement, o.box);
    if (o.box.parentNode) {
      o.box.parentNode.removeChild(o.box);
    }
    if (o.backdrop && o.backdrop.parentNode) {
      o.backdrop.parentNode.removeChild(o.backdrop);
    }
    o.term.setAttribute('aria-expanded', 'false');
    if (returnFocus && (had || o.focused)) {
      o.term.focus();
    }
    // Closed by its button, Escape or a tap outside: drop the sheet's
    // history entry. (Closed by a back-link, the link's navigation follows.)
    if (o.pushed && returnFocus && history.state && history.state.termSheet) {
      history.back();
    }
  }

  window.addEventListener('popstate', function () {
    if (open && open.pushed) {
      open.pushed = false; // the entry is gone already
      hide(true);
    }
  });

  // later hides a hover popover unless the pointer comes back to the term
  // or moves into the popover.
  function later() {
    clearTimeout(showTimer);
    clearTimeout(hideTimer);
    if (open && open.mode === 'pop' && !open.pinned) {
      hideTimer = setTimeout(function () {
        hide(false);
      }, 300);
    }
  }

  var terms = doc.querySelectorAll('a.term[data-note]');
  for (var i = 0; i < terms.length; i++) {
    if (noteOf(terms[i])) {
      terms[i].setAttribute('aria-haspopup', 'dialog');
      terms[i].setAttribute('aria-expanded', 'false');
    }
  }

  doc.addEventListener('click', function (e) {
    var term = closest(e.target, 'a.term[data-note]');
    if (term) {
      if (show(term, mode(e), true, true)) {
        e.preventDefault();
      }
      return;
    }
    if (open && open.mode === 'pop' && !inside(e.target, open.box)) {
      hide(false);
    }
  });

  // Hover previews come from a mouse only; touch's compatibility mouse
  // events are ignored.
  var over = window.PointerEvent ? 'pointerover' : 'mouseover';
  var out = window.PointerEvent ? 'pointerout' : 'mouseout';
  function mouse(e) {
    return e.pointerType ? e.pointerType === 'mouse' : canHover;
  }
  doc.addEventListener(over, function (e) {
    var term = closest(e.target, 'a.term[data-note]');
    if (!term || !mouse(e)) {
      return;
    }
    clearTimeout(hideTimer);
    if (open && open.term === term) {
      return;
    }
    if (open && open.mode === 'sheet') {
      return;
    }
    clearTimeout(showTimer);
    showTimer = setTimeout(function () {
      show(term, 'pop', false, false);
    }, open ? 0 : 150);
  });
  doc.addEventListener(out, function (e) {
    var term = closest(e.target, 'a.term[data-note]');
    if (!term || !mouse(e) || inside(e.relatedTarget, term)) {
      return;
    }
    clearTimeout(showTimer);
    if (open && open.term === term && !inside(e.relatedTarget, open.box)) {
      later();
    }
  });

  doc.addEventListener('keydown', function (e) {
    if (!open) {
      return;
    }
    if (e.key === 'Escape' || e.key === 'Esc' || e.keyCode === 27) {
      e.preventDefault();
      hide(true);
      return;
    }
    // Tab cycles inside the sheet, and inside a popover once focus is in it.
    if ((e.key === 'Tab' || e.keyCode === 9) && (open.mode === 'sheet' || inside(doc.activeElement, open.box))) {
      trap(e, open.box);
    }
  });

  // trap keeps Tab inside the box.
  function trap(e, box) {
    var f = box.querySelectorAll('a[href], button');
    if (!f.length) {
      return;
    }
    var first = f[0];
    var last = f[f.length - 1];
    var a = doc.activeElement;
    if (e.shiftKey && (a === first || a === box)) {
      e.preventDefault();
      last.focus();
    } else if (!e.shiftKey && a === last) {
      e.preventDefault();
      first.focus();
    } else if (!inside(a, box)) {
      e.preventDefault();
      first.focus();
    }
  }

  window.addEventListener('resize', function () {
    if (open && open.mode === 'pop') {
      hide(false);
    }
  });
})();

;
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

  /* The panel closes when the reader taps or clicks elsewhere, presses
   * Escape (focus goes back to its summary) or scrolls the page: it never
   * stays open over the text. */
  function closer(panel) {
    function close(focus) {
      if (!panel.open) { return; }
      panel.open = false;
      if (focus) { panel.querySelector('summary').focus(); }
    }
    document.addEventListener('click', function (e) {
      if (!panel.contains(e.target)) { close(false); }
    });
    document.addEventListener('keydown', function (e) {
      if (e.key === 'Escape' || e.keyCode === 27) { close(panel.contains(document.activeElement)); }
    });
    var y0 = 0;
    panel.addEventListener('toggle', function () { y0 = window.pageYOffset; });
    window.addEventListener('scroll', function () {
      if (Math.abs(window.pageYOffset - y0) > 48) { close(false); }
    }, { passive: true });
  }

  /* printURL puts this page's own address in the printed citation where
   * the build could not know it (no base_url). */
  function printURL() {
    if (!/^https?:$/.test(location.protocol)) { return; }
    var spans = document.querySelectorAll('.print-url');
    for (var i = 0; i < spans.length; i++) {
      if (!/^https?:/.test(spans[i].textContent)) { spans[i].textContent = location.href.split('#')[0]; }
    }
  }

  /* late switches the stylesheet base.html loads as print-only (so the
   * first paint does not wait for it) to every medium. */
  function late() {
    var links = document.querySelectorAll('link[data-late]');
    for (var i = 0; i < links.length; i++) { links[i].media = 'all'; }
  }

  /* Printed, folded parts (data tables, technical notes) are open; the
   * reader's own choice comes back afterwards. */
  function printOpen() {
    var opened = [];
    window.addEventListener('beforeprint', function () {
      var ds = document.querySelectorAll('main details:not([open])');
      for (var i = 0; i < ds.length; i++) {
        if (!/\b(share|reader|toc-mini)\b/.test(ds[i].className)) { ds[i].open = true; opened.push(ds[i]); }
      }
    });
    window.addEventListener('afterprint', function () {
      while (opened.length) { opened.pop().open = false; }
    });
  }

  function init() {
    if (!has('js')) { toggle('js', true); }
    late();
    printOpen();
    var groups = document.querySelectorAll('.reader-controls');
    for (var i = 0; i < groups.length; i++) {
      groups[i].addEventListener('click', onClick);
    }
    var panels = document.querySelectorAll('details.reader');
    for (var j = 0; j < panels.length; j++) { closer(panels[j]); }
    printURL();
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
      /* A paragraph whose last line peeks out under the header (the
       * one before an anchor, with its margin) is not where the reader is. */
      if (r.height > 0 && r.bottom > top + Math.min(48, r.height / 2)) { return ps[i].id; }
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
  /* Revealed after reading down, the header shows only its search row:
   * the sticky header's top is minus the brand row's height, so that row
   * stays above the screen's edge (about 60 px instead of 150 px). */
  var bar = head.querySelector('.bar');
  function fit() { if (bar) { head.style.top = (-bar.offsetHeight - 1) + 'px'; } }
  fit();
  window.addEventListener('resize', fit);
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
