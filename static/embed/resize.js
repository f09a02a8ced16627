/* resize.js: the host side of the edition's embeds. A site that embeds a
 * section or chart loads it once (async) with the snippet; several embeds
 * on one page share it. Each embed page posts
 *   {type: "edition-embed:height", height: <CSS px>}
 * and this sets style.height (not the attribute, which host CSS may
 * override) on the iframe whose contentWindow sent the message (and on its
 * responsive box, div.edition-embed-box, when it has one), so embeds
 * never answer for each other, and sandboxed frames (origin "null") work
 * too. Embeds that finished before this script are asked again with
 * {type: "edition-embed:ping"}. ES5, no globals but one flag.
 */
(function () {
  'use strict';
  var win = window;
  if (!win.addEventListener || !win.postMessage || win.editionEmbedResize) {
    return;
  }
  win.editionEmbedResize = true;

  function frames() {
    return document.getElementsByTagName('iframe');
  }

  win.addEventListener('message', function (e) {
    var d = e.data;
    if (!d || typeof d !== 'object' || d.type !== 'edition-embed:height') {
      return;
    }
    var h = Math.ceil(Number(d.height));
    if (!(h > 0 && h < 100000)) {
      return;
    }
    var fs = frames();
    for (var i = 0; i < fs.length; i++) {
      if (fs[i].contentWindow === e.source) {
        fs[i].style.height = h + 'px';
        // A responsive box (a section's snippet) sizes its frame without
        // script; now the frame's own height rules.
        var box = fs[i].parentNode;
        if (box && /\bedition-embed-box\b/.test(box.className || '')) {
          box.style.height = h + 'px';
        }
        return;
      }
    }
  });

  var fs = frames();
  for (var i = 0; i < fs.length; i++) {
    if (/\/embed\//.test(fs[i].src || '')) {
      try {
        fs[i].contentWindow.postMessage({ type: 'edition-embed:ping' }, '*');
      } catch (e) {}
    }
  }
})();
