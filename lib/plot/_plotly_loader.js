// Draws a plotly figure in classic Notebook, which has no renderer for plotly's JSON: figure.ts
// inlines this file in the figure's text/html and calls drawPlot(key, path, say), with a name for
// the figure, where the Jupyter server serves plotly.js, and the messages in the notebook's
// language. It reads the figure from the same output's plotly JSON, which classic Notebook keeps
// in its model of the notebook, so a saved notebook holds the figure once; it loads plotly.js from
// the Jupyter server, never from the network. An untrusted notebook drops the script and shows
// the note that the script replaces.
// deno-lint-ignore no-unused-vars
function drawPlot(key, path, say) {
  const MIME = "application/vnd.plotly.v1+json";
  const url = (document.body.getAttribute("data-base-url") || "/").replace(/\/?$/, "/") + path;
  const pending = () =>
    document.querySelectorAll(`div.course-plot[data-figure="${key}"]:not([data-drawn])`);
  const show = (text) => pending().forEach((div) => div.querySelector("p").textContent = text);

  function findFigure() {
    for (const cell of globalThis.Jupyter?.notebook?.get_cells?.() ?? []) {
      for (const output of cell.output_area?.outputs ?? []) {
        const data = output.data ?? {};
        if (data[MIME] && String(data["text/html"]).includes(key)) return data[MIME];
      }
    }
    return null;
  }

  function loadPlotly() {
    if (globalThis.Plotly) return Promise.resolve();
    globalThis.__coursePlotly ??= new Promise((resolve, reject) => {
      const script = document.createElement("script");
      script.src = url;
      script.onload = resolve;
      script.onerror = reject;
      document.head.appendChild(script);
    });
    globalThis.__coursePlotly.catch(() => globalThis.__coursePlotly = null); // a later plot tries again
    return globalThis.__coursePlotly;
  }

  let tries = 0;
  function start() {
    const figure = findFigure();
    if (!figure && ++tries < 20) return setTimeout(start, 100); // the model lags the page
    if (!figure) return show(say.noRenderer);
    loadPlotly().then(() => {
      for (const div of pending()) {
        div.setAttribute("data-drawn", "");
        div.innerHTML = "";
        const copy = JSON.parse(JSON.stringify(figure)); // plotly.js writes into what it draws
        globalThis.Plotly.newPlot(div, copy.data, copy.layout, copy.config);
      }
    }, () => show(say.noPlotly.replace("{url}", url)));
  }
  setTimeout(start, 0);
}
