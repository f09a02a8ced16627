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
