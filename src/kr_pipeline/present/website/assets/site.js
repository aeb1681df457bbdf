// Charts: each .vega-chart is drawn from the Vega-Lite definition beside it (a
// <script type="application/json">) by the Vega files in assets/vega/; nothing is fetched.
// Every bar and gap with a description takes keyboard focus; the value of the one under the
// pointer or focus is shown in the figure's live region (screen readers announce it).
(function () {
  var nl = document.documentElement.lang === "nl";
  var MARK = '[role="graphics-symbol"][aria-label]';
  function focusable(root) {
    root.querySelectorAll(MARK + ":not([tabindex])").forEach(function (m) {
      m.setAttribute("tabindex", "0");
      m.classList.add("bar");
    });
  }
  document.querySelectorAll("figure.chart-figure").forEach(function (fig) {
    var readout = fig.querySelector(".readout");
    function show(e) {
      var m = e.target.closest && e.target.closest(MARK);
      if (m && fig.contains(m)) readout.textContent = m.getAttribute("aria-label");
    }
    fig.addEventListener("focusin", show);
    fig.addEventListener("mouseover", show);
    fig.querySelectorAll(".vega-chart").forEach(function (el) {
      var spec = JSON.parse(el.nextElementSibling.textContent);
      if (typeof vegaEmbed !== "function") return;
      new MutationObserver(function () { focusable(el); }).observe(el, { childList: true, subtree: true });
      vegaEmbed(el, spec, { actions: false, renderer: "svg", tooltip: { theme: "light" } })
        .then(function () { focusable(el); el.classList.add("drawn"); })
        .catch(function (err) {
          el.textContent = nl ? "De grafiek kon niet worden getekend; de tabel heeft alle cijfers." : "The chart could not be drawn; the table has every figure.";
          console.error(err);
        });
    });
  });
})();
