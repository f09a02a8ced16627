/* Script switch (简体 / 繁體): keep the reader's place. The link goes to
 * the same page in the other edition; on click we add the paragraph at
 * the top of the screen (or the one in the address) as its fragment.
 * Without JavaScript the link still opens the same page. ES5. */
(function () {
  'use strict';
  function current() {
    if (location.hash.length > 1) { return location.hash.slice(1); }
    var ps = document.querySelectorAll('main [id]');
    for (var i = 0; i < ps.length; i++) {
      var r = ps[i].getBoundingClientRect();
      if (r.bottom > 8 && r.height > 0) { return ps[i].id; }
    }
    return '';
  }
  document.addEventListener('click', function (ev) {
    var a = ev.target;
    while (a && a.nodeName !== 'A') { a = a.parentNode; }
    if (!a || !a.classList || !a.classList.contains('switch')) { return; }
    var id = current();
    if (id && id !== 'main') {
      a.href = a.href.split('#')[0] + '#' + id;
    }
  }, true);
}());
