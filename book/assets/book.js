// The book's pages: draws each plotly figure from the JSON that the page carries, with the
// plotly.js copied into assets/, and typesets math (KaTeX) where a page has any. Nothing is
// fetched from the network.
(function () {
  "use strict";

  function drawPlots() {
    var outputs = document.querySelectorAll(".book-plotly");
    if (outputs.length === 0) return;
    if (!window.Plotly) {
      throw new Error("Cannot draw " + outputs.length + " plots as plotly.js did not load");
    }
    outputs.forEach(function (output) {
      var json = output.querySelector('script[type="application/vnd.plotly.v1+json"]');
      var figure = JSON.parse(json.textContent);
      var target = document.createElement("div");
      target.className = "book-plotly-figure";
      output.appendChild(target);
      var config = Object.assign({ responsive: true, displaylogo: false }, figure.config || {});
      window.Plotly.newPlot(target, figure.data || [], figure.layout || {}, config)
        .then(function () {
          output.setAttribute("data-drawn", "");
        });
    });
  }

  function typesetMath() {
    if (!window.renderMathInElement) return;
    // As Jupyter does: markdown cells only, with its four delimiters.
    document.querySelectorAll(".jp-MarkdownCell .jp-RenderedMarkdown").forEach(function (el) {
      window.renderMathInElement(el, {
        delimiters: [
          { left: "$$", right: "$$", display: true },
          { left: "\\[", right: "\\]", display: true },
          { left: "$", right: "$", display: false },
          { left: "\\(", right: "\\)", display: false },
        ],
        throwOnError: false,
      });
    });
  }

  // The contents open as a panel on narrow screens: a link inside it closes the panel.
  function closeTocOnNavigate() {
    var toggle = document.getElementById("book-toc-open");
    document.querySelectorAll(".book-toc a").forEach(function (a) {
      a.addEventListener("click", function () {
        if (toggle) toggle.checked = false;
      });
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    closeTocOnNavigate();
    typesetMath();
    drawPlots();
  });
})();
