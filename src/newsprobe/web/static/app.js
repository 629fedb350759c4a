// newsprobe web app: the article page's layers and finding highlights. Reads the DOM
// only; article data never becomes code. The article text is a flat run of text nodes and
// <span> pieces (render/as_html.py), so a finding's [start, end) maps to the pieces that
// cover those characters. Offsets count code points (Python str indices), not the UTF-16
// units of a JavaScript string: an emoji is one character there, two here.
(function () {
  'use strict';
  // Code points in a string: UTF-16 units less the low halves of surrogate pairs.
  function codePointLength(s) {
    var n = s.length;
    for (var i = 0; i + 1 < s.length; i++) {
      var c = s.charCodeAt(i);
      if (c >= 0xD800 && c <= 0xDBFF) {
        var d = s.charCodeAt(i + 1);
        if (d >= 0xDC00 && d <= 0xDFFF) { n--; i++; }
      }
    }
    return n;
  }
  window.newsprobeCodePointLength = codePointLength;  // for tests

  var text = document.getElementById('text');
  var pieces = [];
  if (text) {
    var pos = 0;
    text.childNodes.forEach(function (node) {
      var len = codePointLength(node.textContent);
      if (node.nodeType === 1 && len) pieces.push({ el: node, start: pos, end: pos + len });
      pos += len;
    });
  }

  function spansOf(node) {
    return (node.getAttribute('data-spans') || '').split(' ').filter(Boolean).map(function (s) {
      var p = s.split('-');
      return [Number(p[0]), Number(p[1])];
    });
  }

  function piecesIn(spans) {
    var out = [];
    spans.forEach(function (s) {
      pieces.forEach(function (p) {
        if (p.start < s[1] && p.end > s[0] && out.indexOf(p.el) < 0) out.push(p.el);
      });
    });
    return out;
  }

  function quotePieces(ids) {
    var out = [];
    ids.forEach(function (q) {
      if (!/^q\d+$/.test(q)) return;
      text.querySelectorAll('[data-q~="' + q + '"]').forEach(function (n) {
        if (n.textContent.length && out.indexOf(n) < 0) out.push(n);
      });
    });
    return out;
  }

  function clear() {
    document.querySelectorAll('.lit').forEach(function (n) { n.classList.remove('lit'); });
    document.querySelectorAll('.active').forEach(function (n) { n.classList.remove('active'); });
  }

  function light(els) {
    clear();
    els.forEach(function (el) { el.classList.add('lit'); });
    if (els.length) els[0].scrollIntoView({ block: 'center', behavior: 'smooth' });
  }

  // Search page: choosing what to search (articles, quotes, claims) searches again, and
  // filters left empty stay out of the address.
  var search = document.querySelector('form.search');
  function dropEmpty() {
    search.querySelectorAll('input, select').forEach(function (f) { if (!f.value) f.disabled = true; });
  }
  if (search) {
    search.addEventListener('submit', dropEmpty);
    window.addEventListener('pageshow', function () {  // back button: the form again usable
      search.querySelectorAll('[disabled]').forEach(function (f) { f.disabled = false; });
    });
    search.querySelectorAll('input[name=kind]').forEach(function (radio) {
      radio.addEventListener('change', function () { dropEmpty(); search.submit(); });
    });
  }

  if (!text) return;

  // Claims coloured by status: each claim row names its status and span.
  document.querySelectorAll('.finding[data-status]').forEach(function (row) {
    var status = (row.getAttribute('data-status') || '').replace(/[^a-z_]/g, '');
    piecesIn(spansOf(row)).forEach(function (el) {
      if (el.classList.contains('claim')) el.classList.add('cs-' + status);
    });
  });

  document.addEventListener('click', function (e) {
    var finding = e.target.closest && e.target.closest('.finding');
    if (finding) {
      e.preventDefault();
      var q = finding.getAttribute('data-q');
      light(q ? quotePieces(q.split(' ')) : piecesIn(spansOf(finding)));
      finding.classList.add('active');
      return;
    }
    var speaker = e.target.closest && e.target.closest('[data-speaker]');
    if (speaker) {
      light(quotePieces(speaker.getAttribute('data-speaker').split(' ')));
      speaker.closest('.speaker').classList.add('active');
    }
  });

  document.querySelectorAll('input[data-layer]').forEach(function (box) {
    var name = box.getAttribute('data-layer').replace(/[^a-z]/g, '');
    function apply() { text.classList.toggle('hide-' + name, !box.checked); }
    box.addEventListener('change', apply);
    apply();
  });

  // /article/ID#span=START-END (links from search results and speaker pages).
  var m = /^#span=(\d+)-(\d+)$/.exec(location.hash);
  if (m) light(piecesIn([[Number(m[1]), Number(m[2])]]));
})();
