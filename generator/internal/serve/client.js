// Preview client, added to every HTML page by the preview server (never
// written to public/). It listens to /__preview/events and
//  - reloads the tab when its own page or a script/image it uses changed,
//    keeping the scroll position;
//  - swaps changed stylesheets in place, without a reload;
//  - shows and clears the build-error overlay.
// ES5 only: it must run in WeChat's Chrome 78 core.
(function () {
  'use strict';
  var script = document.currentScript;
  if (!script || !window.EventSource || window.__preview) {
    return;
  }
  var state = window.__preview = { connected: false }; // for tests and curious editors
  var build = script.getAttribute('data-build') || '';
  var own = toSet((script.getAttribute('data-files') || '').split('\n'));
  var scrollKey = '__preview_scroll:' + location.pathname;
  var es = null;

  function toSet(list) {
    var set = {};
    for (var i = 0; i < list.length; i++) {
      set[list[i]] = true;
    }
    return set;
  }

  // --- scroll position across reloads ---
  // The client keeps the position itself on every reload (its own and the
  // editor's), because the browser's restoring would put back the old pixel
  // offset after ours.
  var saved = null;
  try {
    history.scrollRestoration = 'manual';
    if (returning()) {
      saved = JSON.parse(sessionStorage.getItem(scrollKey) || 'null');
    }
    sessionStorage.removeItem(scrollKey);
  } catch (e) {}
  // returning reports a reload or a back/forward visit, where the reader
  // expects to be where they were (a link followed starts at the top).
  function returning() {
    var nav = performance.getEntriesByType ? performance.getEntriesByType('navigation')[0] : null;
    if (nav) {
      return nav.type === 'reload' || nav.type === 'back_forward';
    }
    return !!performance.navigation && performance.navigation.type > 0;
  }
  // The position is kept relative to the last element with an id above the
  // top of the window (a section or annotation anchor), so text inserted
  // earlier on the page does not move what the editor was reading.
  function restoreScroll() {
    if (!saved) {
      return;
    }
    var y = saved.y;
    var anchor = saved.id && document.getElementById(saved.id);
    if (anchor) {
      y = anchor.getBoundingClientRect().top + window.pageYOffset - saved.top;
    }
    window.scrollTo(saved.x, y);
  }
  function scrollAnchor() {
    var els = document.querySelectorAll('[id]');
    var best = null;
    for (var i = 0; i < els.length; i++) {
      var r = els[i].getBoundingClientRect();
      var top = r.top;
      if (top > 0 || (r.width === 0 && r.height === 0)) { // below, or hidden
        continue;
      }
      if (!best || top >= best.top) {
        best = { id: els[i].id, top: top };
      }
    }
    return best;
  }
  state.restored = saved;
  if (saved) {
    restoreScroll();
    window.addEventListener('load', restoreScroll);
  }

  function saveScroll() {
    var pos = { x: window.pageXOffset, y: window.pageYOffset };
    var a = scrollAnchor();
    if (a) {
      pos.id = a.id;
      pos.top = a.top;
    }
    try {
      sessionStorage.setItem(scrollKey, JSON.stringify(pos));
    } catch (e) {}
  }
  window.addEventListener('pagehide', saveScroll);

  function reload() {
    location.reload();
  }

  // outputPath maps a URL to the output file that serves it ('' when it is
  // not on this server), the same way the server resolves paths.
  function outputPath(url) {
    var a = document.createElement('a');
    a.href = url;
    if (a.host !== location.host) {
      return '';
    }
    var p = a.pathname;
    try {
      p = decodeURIComponent(p);
    } catch (e) {}
    p = p.replace(/^\//, '');
    if (p === '' || p.charAt(p.length - 1) === '/') {
      p += 'index.html';
    }
    return p;
  }

  // used returns the output paths of everything this page loaded: its
  // stylesheets, scripts, images, fetched data and framed pages, but not
  // pages it merely links to or prefetches.
  function used() {
    var set = {};
    var i;
    var entries = performance.getEntriesByType ? performance.getEntriesByType('resource') : [];
    for (i = 0; i < entries.length; i++) {
      var p = outputPath(entries[i].name);
      if (!/\.html$/.test(p) || entries[i].initiatorType === 'iframe') {
        set[p] = true;
      }
    }
    var els = document.querySelectorAll('link[rel~="stylesheet"][href],link[rel~="icon"][href],script[src],img[src],source[src],video[src],audio[src],iframe[src],embed[src],object[data]');
    for (i = 0; i < els.length; i++) {
      set[outputPath(els[i].href || els[i].src || els[i].data)] = true;
    }
    return set;
  }

  function isCSS(p) {
    return /\.css$/i.test(p);
  }

  function swapCSS(files) {
    var links = document.querySelectorAll('link[rel~="stylesheet"]');
    var want = toSet(files);
    var matched = [];
    var i;
    for (i = 0; i < links.length; i++) {
      if (want[outputPath(links[i].href)]) {
        matched.push(links[i]);
      }
    }
    if (matched.length === 0) { // e.g. an @import-ed file: refresh them all
      matched = links;
    }
    for (i = 0; i < matched.length; i++) {
      replaceLink(matched[i]);
    }
  }

  // replaceLink loads the new sheet next to the old one and removes the old
  // one once the new one applies, so the page does not flash unstyled.
  function replaceLink(link) {
    var next = link.cloneNode(false);
    var href = link.href.replace(/([?&])__preview=\d+&?/, '$1').replace(/[?&]$/, '');
    next.href = href + (href.indexOf('?') < 0 ? '?' : '&') + '__preview=' + new Date().getTime();
    next.onload = next.onerror = function () {
      if (link.parentNode) {
        link.parentNode.removeChild(link);
      }
    };
    link.parentNode.insertBefore(next, link.nextSibling);
  }

  function onChange(m) {
    if (m.build === build) {
      return;
    }
    build = m.build;
    var files = m.files || [];
    var uses = used();
    var css = [];
    for (var i = 0; i < files.length; i++) {
      var f = files[i];
      if (own[f] || (uses[f] && !isCSS(f))) {
        reload();
        return;
      }
      if (uses[f]) {
        css.push(f);
      }
    }
    if (css.length) {
      swapCSS(css);
    }
  }

  // --- error overlay ---
  function hideError() {
    var el = document.getElementById('__preview-overlay');
    if (el && el.parentNode) {
      el.parentNode.removeChild(el);
    }
  }
  function showError(m) {
    hideError();
    var box = document.createElement('div');
    box.innerHTML = m.html;
    var el = box.firstChild;
    if (!el) {
      return;
    }
    document.body.appendChild(el);
    try {
      el.focus({ preventScroll: true });
    } catch (e) {}
  }
  document.addEventListener('click', function (e) {
    var t = e.target;
    if (t && t.hasAttribute && t.hasAttribute('data-preview-close')) {
      hideError();
    }
  });
  document.addEventListener('keydown', function (e) {
    if ((e.key === 'Escape' || e.keyCode === 27) && document.getElementById('__preview-overlay')) {
      hideError();
    }
  });

  // --- event stream ---
  function on(name, fn) {
    es.addEventListener(name, function (e) {
      var m;
      try {
        m = JSON.parse(e.data);
      } catch (err) {
        return;
      }
      fn(m);
    });
  }
  function connect() {
    if (es) {
      es.close();
    }
    es = new EventSource('/__preview/events?since=' + encodeURIComponent(build));
    on('hello', function (m) {
      state.connected = true;
      // A different build (or a restarted server) means this page may be
      // stale: events were missed while disconnected.
      if (m.build !== build) {
        reload();
      }
    });
    on('change', onChange);
    on('fail', showError);
    on('ok', hideError);
    es.onerror = function () {
      state.connected = false;
      if (es && es.readyState === 2) { // closed for good: try again later
        disconnect();
        setTimeout(function () {
          if (!es && !document.hidden) {
            connect();
          }
        }, 1000);
      }
    };
  }
  // Only visible tabs hold a stream: a browser allows about six connections
  // per host, and each open stream takes one. A tab coming back catches up
  // with ?since= and reloads only if its page changed while hidden.
  function disconnect() {
    if (es) {
      es.close();
      es = null;
    }
    state.connected = false;
  }
  window.addEventListener('pagehide', disconnect);
  document.addEventListener('visibilitychange', function () {
    if (document.hidden) {
      disconnect();
    } else if (!es) {
      connect();
    }
  });
  window.addEventListener('pageshow', function (e) {
    if (e.persisted && !es) {
      connect();
    }
  });
  if (!document.hidden) {
    connect();
  }
})();
