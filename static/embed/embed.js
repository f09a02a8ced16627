/* embed.js: the script of an embed page (templates/embed.html), not part
 * of the site's bundle. ES5 only (WeChat's Chrome 78 core).
 *
 * Height. Whenever the page's height changes (layout, fonts, a note
 * opened, the frame's width) it posts to the parent
 *   {type: "edition-embed:height", height: <CSS px>}
 * which the host script (embed/resize.js) applies to the iframe whose
 * contentWindow sent it. When the URL's hash holds WordPress's
 * "secret=XXXXXXXXXX" it also posts wp-embed's own message
 *   {secret, message: "height", value}
 * so WordPress resizes the frame with its own script, and a click on a
 * link that leaves the page is sent as {secret, message: "link", value}
 * (WordPress sandboxes the frame, so it cannot open tabs itself). The
 * height measured is the bottom of #embed-root, never the document's
 * scroll height, which cannot shrink below the frame.
 *
 * Notes. A term opens its note in place, in a box under its paragraph
 * (a popover or a bottom sheet in a frame would be clipped or land off
 * the host's screen); the box is a copy of the note in the page's
 * endnotes, which stay readable without this script.
 */
(function () {
  'use strict';
  var doc = document;
  var win = window;
  var root = doc.getElementById('embed-root');
  if (!root || !doc.addEventListener) {
    return;
  }
  var m = /secret=([A-Za-z0-9]{10})/.exec(win.location.hash);
  var secret = m ? m[1] : '';
  var framed = win.parent && win.parent !== win;
  var last = 0;
  var queued = 0;

  function height() {
    return Math.ceil(root.getBoundingClientRect().bottom + (win.pageYOffset || 0));
  }

  function send(msg) {
    try {
      win.parent.postMessage(msg, '*');
    } catch (e) {}
  }

  function post(force) {
    queued = 0;
    if (!framed) {
      return;
    }
    var h = height();
    if (h === last && !force) {
      return;
    }
    last = h;
    send({ type: 'edition-embed:height', height: h });
    if (secret) {
      send({ secret: secret, message: 'height', value: h });
    }
  }

  function soon() {
    if (!queued) {
      queued = setTimeout(post, 16);
    }
  }

  if (win.ResizeObserver) {
    new win.ResizeObserver(soon).observe(root);
  } else if (win.MutationObserver) {
    new win.MutationObserver(soon).observe(root, { childList: true, subtree: true, attributes: true });
  }
  win.addEventListener('resize', soon);
  win.addEventListener('load', soon);
  doc.addEventListener('toggle', soon, true);
  if (doc.fonts && doc.fonts.ready) {
    doc.fonts.ready.then(soon);
  }
  // A host script that loads after this page asks again.
  win.addEventListener('message', function (e) {
    if (e.source === win.parent && e.data && e.data.type === 'edition-embed:ping') {
      post(true);
    }
  });
  post(true);

  function closest(el, sel) {
    while (el && el.nodeType === 1) {
      if ((el.matches || el.webkitMatchesSelector || el.msMatchesSelector).call(el, sel)) {
        return el;
      }
      el = el.parentNode;
    }
    return null;
  }

  var noteWord = root.getAttribute('data-note') || '';
  var closeWord = root.getAttribute('data-close') || '×';

  function content(li) {
    var body = doc.createElement('div');
    body.className = 'term-body';
    for (var c = li.firstChild; c; c = c.nextSibling) {
      body.appendChild(c.cloneNode(true));
    }
    var marked = body.querySelectorAll('[id]');
    for (var i = 0; i < marked.length; i++) {
      marked[i].removeAttribute('id');
    }
    return body;
  }

  function shut(box, term, focus) {
    box.parentNode.removeChild(box);
    term.setAttribute('aria-expanded', 'false');
    if (focus) {
      term.focus();
    }
  }

  function toggle(term) {
    var n = term.getAttribute('data-note');
    var li = doc.getElementById('n' + n);
    if (!li || li.tagName !== 'LI') {
      return false;
    }
    var id = 'open-' + (term.id || 'n' + n);
    var box = doc.getElementById(id);
    if (box) {
      shut(box, term, true);
      return true;
    }
    var block = closest(term, 'p, li, td, h1, h2') || term.parentNode;
    box = doc.createElement('div');
    box.className = 'term-inline';
    box.id = id;
    box.setAttribute('role', 'region');
    box.setAttribute('aria-label', noteWord + n + '：' + (li.getAttribute('data-term') || ''));
    box.tabIndex = -1;
    var head = doc.createElement('div');
    head.className = 'term-head';
    var num = doc.createElement('span');
    num.className = 'term-num';
    num.textContent = noteWord + ' ' + n;
    var close = doc.createElement('button');
    close.type = 'button';
    close.className = 'term-close';
    close.textContent = closeWord;
    close.addEventListener('click', function () {
      shut(box, term, true);
    });
    head.appendChild(num);
    head.appendChild(close);
    box.appendChild(head);
    box.appendChild(content(li));
    block.parentNode.insertBefore(box, block.nextSibling);
    term.setAttribute('aria-expanded', 'true');
    term.setAttribute('aria-controls', id);
    box.focus();
    return true;
  }

  var terms = doc.querySelectorAll('a.term[data-note]');
  for (var i = 0; i < terms.length; i++) {
    if (doc.getElementById('n' + terms[i].getAttribute('data-note'))) {
      terms[i].setAttribute('aria-expanded', 'false');
    }
  }

  doc.addEventListener('click', function (e) {
    var term = closest(e.target, 'a.term[data-note]');
    if (term) {
      if (toggle(term)) {
        e.preventDefault();
      }
      return;
    }
    var out = closest(e.target, 'a[target="_blank"]');
    if (out && secret) {
      e.preventDefault();
      send({ secret: secret, message: 'link', value: out.href });
    }
  });

  doc.addEventListener('keydown', function (e) {
    if (e.key !== 'Escape' && e.key !== 'Esc' && e.keyCode !== 27) {
      return;
    }
    var box = closest(doc.activeElement, '.term-inline');
    if (box) {
      var term = doc.querySelector('[aria-controls="' + box.id + '"]');
      if (term) {
        shut(box, term, true);
      }
    }
  });
})();
