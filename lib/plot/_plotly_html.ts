// The text/html twin of a plotly figure: a static picture and a note, replaced by the interactive
// plot when the output's script runs. plotly.js is loaded from the Jupyter server
// (files/node_modules/...), never inlined and never fetched from the network.

import { escapeHtml } from "./_display.ts";

/** Where the Jupyter server serves plotly.js, relative to its base URL. */
export const PLOTLY_PATH = "files/node_modules/plotly.js-dist-min/plotly.min.js";

/** What {@linkcode plotlyHtml} needs. */
export interface PlotlyHtmlOptions {
  /** Unique element id. */
  id: string;
  /** The figure as JSON text (`{ data, layout, config }`). */
  json: string;
  /** Base64 PNG of the same figure, shown until (or instead of) the interactive plot. */
  pngBase64: string;
  /** Picture size in CSS pixels. */
  width: number;
  height: number;
  /** One sentence saying what the plot shows. */
  description: string;
}

// Runs in the browser. Kept as ES5 so every front end's page can run it.
const LOADER = `
  function baseUrl() {
    var cfg = document.getElementById("jupyter-config-data");
    if (cfg) {
      try {
        var b = JSON.parse(cfg.textContent || "{}").baseUrl;
        if (b) return b.charAt(b.length - 1) === "/" ? b : b + "/";
      } catch (e) {}
    }
    var d = document.body && document.body.getAttribute("data-base-url");
    if (d) return d.charAt(d.length - 1) === "/" ? d : d + "/";
    var m = location.pathname.match(/^(.*?\\/)(?:lab|notebooks|tree|doc|edit|view|voila)(?:\\/|$)/);
    return m ? m[1] : "/";
  }
  var url = baseUrl() + PATH;
  function draw() {
    el.removeAttribute("style");
    el.innerHTML = "";
    window.Plotly.newPlot(el, fig.data, fig.layout, fig.config);
  }
  function failed() {
    var p = el.querySelector(".course-plot-note");
    if (p) {
      p.textContent = "A static picture: the interactive plot needs plotly.js from " + url +
        ", which did not load. Start Jupyter with deno task course (from the course's root " +
        "folder), or install Python's plotly package, then run the cell again.";
    }
  }
  if (window.Plotly) { draw(); return; }
  var w = window;
  if (!w.__coursePlotlyLoader) {
    w.__coursePlotlyLoader = new Promise(function (resolve, reject) {
      var s = document.createElement("script");
      s.src = url;
      s.onload = function () {
        if (window.Plotly) resolve(); else reject(new Error("no window.Plotly"));
      };
      s.onerror = function () { reject(new Error("cannot load " + url)); };
      document.head.appendChild(s);
    });
    w.__coursePlotlyLoader.then(null, function () { w.__coursePlotlyLoader = null; });
  }
  w.__coursePlotlyLoader.then(draw, failed);
`;

/**
 * HTML that shows a static picture of a figure plus a note, and a script that replaces both with
 * the interactive plotly plot. Untrusted notebooks strip the script and keep the picture.
 */
export function plotlyHtml(options: PlotlyHtmlOptions): string {
  const { id, json, pngBase64, width, height, description } = options;
  // "<" inside a <script> could close it: JSON allows the \u003c escape.
  const safeJson = json.replaceAll("<", "\\u003c");
  const alt = escapeHtml(description);
  return `<div id="${id}" class="course-plot" style="width:${width}px;max-width:100%">` +
    `<img src="data:image/png;base64,${pngBase64}" width="${width}" height="${height}" ` +
    `alt="${alt}" style="max-width:100%;height:auto">` +
    `<p class="course-plot-note"><em>A static picture of an interactive plot: run the cell, ` +
    `or trust the notebook, to zoom and hover.</em></p></div>\n` +
    `<script type="text/javascript">(function () {\n` +
    `  var fig = ${safeJson};\n` +
    `  var el = document.getElementById(${JSON.stringify(id)});\n` +
    `  if (!el) return;\n` +
    `  var PATH = ${JSON.stringify(PLOTLY_PATH)};\n` +
    LOADER +
    `})();</script>`;
}
