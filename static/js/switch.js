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
