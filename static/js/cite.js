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
