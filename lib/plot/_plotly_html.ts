// The text/html of a plotly figure, for classic Notebook (it has no renderer for plotly's JSON):
// a one-line note, and a script that draws the figure in its place. The script reads the figure
// from the same output's `application/vnd.plotly.v1+json` (classic Notebook keeps each output's
// MIME bundle in its notebook model), so a saved notebook holds the figure once. It loads plotly.js
// from the Jupyter server (files/node_modules/...), never inlined, never from the network. An
// untrusted notebook drops the script and shows the note.

import { escapeHtml } from "./_display.ts";

/** Where the Jupyter server serves plotly.js, relative to its base URL. */
export const PLOTLY_PATH = "files/node_modules/plotly.js-dist-min/plotly.min.js";

// Runs in the browser, as ES5. KEY names the figure: every div with that key gets drawn.
const LOADER = `
  var MIME = "application/vnd.plotly.v1+json";
  var url = (document.body.getAttribute("data-base-url") || "/").replace(/\\/?$/, "/") + PATH;
  function pending() {
    return document.querySelectorAll('div.course-plot[data-figure="' + KEY + '"]:not([data-drawn])');
  }
  function say(text) {
    var divs = pending();
    for (var i = 0; i < divs.length; i++) divs[i].querySelector("p").textContent = text;
  }
  function findFigure() {
    var nb = window.Jupyter && window.Jupyter.notebook;
    var cells = nb && nb.get_cells ? nb.get_cells() : [];
    for (var i = 0; i < cells.length; i++) {
      var outputs = (cells[i].output_area || {}).outputs || [];
      for (var j = 0; j < outputs.length; j++) {
        var data = outputs[j].data || {};
        if (data[MIME] && String(data["text/html"]).indexOf(KEY) >= 0) return data[MIME];
      }
    }
    return null;
  }
  function loadPlotly() {
    if (window.Plotly) return Promise.resolve();
    if (!window.__coursePlotly) {
      window.__coursePlotly = new Promise(function (resolve, reject) {
        var script = document.createElement("script");
        script.src = url;
        script.onload = resolve;
        script.onerror = reject;
        document.head.appendChild(script);
      });
      window.__coursePlotly.then(null, function () { window.__coursePlotly = null; });
    }
    return window.__coursePlotly;
  }
  function draw(figure) {
    var divs = pending();
    for (var i = 0; i < divs.length; i++) {
      divs[i].setAttribute("data-drawn", "");
      divs[i].innerHTML = "";
      var copy = JSON.parse(JSON.stringify(figure)); // plotly.js writes into what it draws
      window.Plotly.newPlot(divs[i], copy.data, copy.layout, copy.config);
    }
  }
  var tries = 0;
  function start() {
    var figure = findFigure();
    if (!figure && ++tries < 20) return setTimeout(start, 100); // the model lags the page
    if (!figure) {
      return say("Cannot draw this plot here: JupyterLab draws it with Python's plotly " +
        "package (python3 -m pip install plotly); classic Notebook and VS Code need nothing.");
    }
    loadPlotly().then(function () { draw(figure); }, function () {
      say("Cannot draw this plot: plotly.js did not load from " + url +
        ". Start Jupyter from the course's root folder: deno task course.");
    });
  }
  setTimeout(start, 0);
`;

/**
 * The HTML twin of a plotly figure: a note naming the plot and how to see it, and the script that
 * replaces the note with the plot, reading the figure from the output's plotly JSON.
 *
 * @param key A name for the figure, the same for the same figure (a hash of its JSON)
 * @param title The plot's title, for the note
 */
export function plotlyHtml(key: string, title: string): string {
  const name = title ? `Plot "${escapeHtml(title)}"` : "A plot";
  return `<div class="course-plot" data-figure="${key}">` +
    `<p class="course-plot-note"><em>${name}: run the cell, or trust the notebook ` +
    `(File → Trust Notebook), to draw it.</em></p></div>\n` +
    `<script type="text/javascript">(function () {\n` +
    `  var KEY = ${JSON.stringify(key)};\n  var PATH = ${JSON.stringify(PLOTLY_PATH)};\n` +
    LOADER + `})();</script>`;
}
