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
