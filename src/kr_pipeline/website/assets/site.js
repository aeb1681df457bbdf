// Charts: the value of the bar under the pointer or keyboard focus, also in a live region
// beside the chart (screen readers announce it). No request, no dependency.
document.querySelectorAll("figure.chart-figure").forEach(function (fig) {
  var readout = fig.querySelector(".readout");
  fig.querySelectorAll(".bar").forEach(function (bar) {
    function show() { readout.textContent = bar.getAttribute("aria-label"); }
    bar.addEventListener("focus", show);
    bar.addEventListener("mouseenter", show);
  });
});
