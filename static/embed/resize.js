/* resize.js: the host side of the edition's embeds. A site that embeds a
 * section or chart loads it once (async) with the snippet; several embeds
 * on one page share it. Each embed page posts
 *   {type: "edition-embed:height", height: <CSS px>}
 * and this sets style.height (not the attribute, which host CSS may
 * override) on the iframe whose contentWindow sent the message, so embeds
 * never answer for each other, and sandboxed frames (origin "null") work
 * too. Only a frame whose src is an embed page of this edition (the
 * origin and path this script came from, then embed/ or <script>/embed/)
 * is resized, and only to a height between MIN and MAX: another site's
 * frame on the host page cannot use this script to grow itself over the
 * host's content. Embeds that finished before this script are asked
 * again with {type: "edition-embed:ping"}. ES5, no globals but one flag.
 */
(function () {
  'use strict';
  var win = window;
  if (!win.addEventListener || !win.postMessage || win.editionEmbedResize) {
    return;
  }
  var MIN = 60;
  var MAX = 20000;
  var base = siteBase();
  if (!base) {
    return;
  }
  win.editionEmbedResize = true;

  // siteBase is the edition's address: this script's URL less
  // "embed/resize.js", resolved by the browser (a.href is absolute).
  function siteBase() {
    var s = document.currentScript;
    if (!s) {
      var all = document.getElementsByTagName('script');
      for (var i = 0; i < all.length && !s; i++) {
        if (/\/embed\/resize\.js(\?|#|$)/.test(all[i].src)) {
          s = all[i];
        }
      }
    }
    var m = s && /^(https?:\/\/[^\/?#]+\/(?:[^?#]*\/)?)embed\/resize\.js(?:[?#]|$)/.exec(s.src);
    return m ? m[1] : '';
  }

  // ours reports whether a frame shows an embed page of this edition.
  function ours(f) {
    var src = f.src || '';
    if (src.slice(0, base.length) !== base) {
      return false;
    }
    return /^(?:[a-z][a-z0-9-]*\/)?embed\/[^?#]/.test(src.slice(base.length));
  }

  function origin(url) {
    var m = /^https?:\/\/[^\/?#]+/.exec(url);
    return m ? m[0] : '';
  }

  function frames() {
    return document.getElementsByTagName('iframe');
  }

  win.addEventListener('message', function (e) {
    var d = e.data;
    if (!d || typeof d !== 'object' || d.type !== 'edition-embed:height') {
      return;
    }
    if (e.origin !== origin(base) && e.origin !== 'null') {
      return;
    }
    var h = Math.ceil(Number(d.height));
    if (!(h > 0)) {
      return;
    }
    h = Math.max(MIN, Math.min(MAX, h));
    var fs = frames();
    for (var i = 0; i < fs.length; i++) {
      if (fs[i].contentWindow === e.source) {
        if (ours(fs[i])) {
          fs[i].style.height = h + 'px';
        }
        return;
      }
    }
  });

  var fs = frames();
  for (var i = 0; i < fs.length; i++) {
    if (ours(fs[i])) {
      try {
        fs[i].contentWindow.postMessage({ type: 'edition-embed:ping' }, '*');
      } catch (e) {}
    }
  }
})();
