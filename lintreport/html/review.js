// lintreport review: show one view at a time by the address's #fragment, sort and filter
// the overview, and tie the marks in a report's text to its list of findings.
(function () {
  "use strict";
  function show() {
    var id = decodeURIComponent(location.hash.slice(1)) || "overview";
    var target = document.getElementById(id);
    var view = target && target.closest(".view");
    if (!view) { view = document.getElementById("overview"); target = null; }
    if (!view) { return; }   // lintreport serve: nothing checked yet
    document.querySelectorAll(".view.shown").forEach(function (v) { v.classList.remove("shown"); });
    view.classList.add("shown");
    document.querySelectorAll(".flash").forEach(function (e) { e.classList.remove("flash"); });
    if (target && target !== view) {
      target.classList.add("flash");
      target.scrollIntoView({block: "center"});
    } else {
      window.scrollTo(0, 0);
    }
  }
  function sortBy(th) {
    var table = th.closest("table"), body = table.tBodies[0];
    var col = Array.prototype.indexOf.call(th.parentNode.children, th);
    var numeric = th.dataset.sort === "num", asc = !th.classList.contains("asc");
    table.querySelectorAll("th").forEach(function (h) { h.classList.remove("asc", "desc"); });
    th.classList.add(asc ? "asc" : "desc");
    var collator = new Intl.Collator("zh-CN", {numeric: true});
    var keyed = Array.prototype.map.call(body.rows, function (row) {
      var v = row.cells[col].dataset.v;
      return [numeric ? parseFloat(v) : v, row];
    });
    keyed.sort(function (a, b) {
      var d = numeric ? a[0] - b[0] : collator.compare(a[0], b[0]);
      return asc ? d : -d;
    });
    // one insertion of all rows, not a reflow per row
    var sorted = document.createDocumentFragment();
    keyed.forEach(function (k) { sorted.appendChild(k[1]); });
    body.appendChild(sorted);
  }
  document.addEventListener("click", function (e) {
    var th = e.target.closest("th[data-sort]");
    if (th) { sortBy(th); return; }
    var mark = e.target.closest("mark[data-f]");
    if (mark) {
      var report = mark.closest(".view").id;
      location.hash = report + "-f" + mark.dataset.f.split(" ")[0];
    }
  });
  var filter = document.getElementById("filter");
  if (filter) {
    filter.addEventListener("input", function () {
      var words = filter.value.trim().toLowerCase().split(/\s+/);
      document.querySelectorAll(".overview tbody tr").forEach(function (tr) {
        var key = tr.dataset.key.toLowerCase();
        tr.hidden = !words.every(function (w) { return key.indexOf(w) >= 0; });
      });
    });
  }
  window.addEventListener("hashchange", show);
  show();
})();
