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
