// The book's pages: draws each plotly figure from the JSON that the page carries, with the
// plotly.js copied into assets/, and typesets math (KaTeX) where a page has any. Nothing is
// fetched from the network.
(() => {
  "use strict";

  function drawPlots() {
    const outputs = document.querySelectorAll(".book-plotly");
    if (outputs.length === 0) return;
    const Plotly = globalThis.Plotly;
    if (!Plotly) {
      throw new Error(`Cannot draw ${outputs.length} plots as plotly.js did not load`);
    }
    for (const output of outputs) {
      const json = output.querySelector('script[type="application/vnd.plotly.v1+json"]');
      const figure = JSON.parse(json.textContent);
      const target = document.createElement("div");
      target.className = "book-plotly-figure";
      output.appendChild(target);
      const config = { responsive: true, displaylogo: false, ...figure.config };
      Plotly.newPlot(target, figure.data ?? [], figure.layout ?? {}, config)
        .then(() => output.setAttribute("data-drawn", ""));
    }
  }

  function typesetMath() {
    const render = globalThis.renderMathInElement;
    if (!render) return;
    // As Jupyter does: markdown cells only, with its four delimiters.
    for (const el of document.querySelectorAll(".jp-MarkdownCell .jp-RenderedMarkdown")) {
      render(el, {
        delimiters: [
          { left: "$$", right: "$$", display: true },
          { left: "\\[", right: "\\]", display: true },
          { left: "$", right: "$", display: false },
          { left: "\\(", right: "\\)", display: false },
        ],
        throwOnError: false,
      });
    }
  }

  // The contents open as a panel on narrow screens: a link inside it closes the panel.
  function closeTocOnNavigate() {
    const toggle = document.getElementById("book-toc-open");
    for (const a of document.querySelectorAll(".book-toc a")) {
      a.addEventListener("click", () => {
        if (toggle) toggle.checked = false;
      });
    }
  }

  document.addEventListener("DOMContentLoaded", () => {
    closeTocOnNavigate();
    typesetMath();
    drawPlots();
  });
})();
