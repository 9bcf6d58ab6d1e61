// Files that an output's script loads from the Jupyter server, never from the network: the server
// serves every file under its root folder at `<base URL>files/<path>`, and `deno task course`
// starts it at the course's root, so `node_modules/` and the notebooks' own files are there.

import { fileURLToPath } from "node:url";

/** The course's root folder (the one holding `deno.json`), as a file path ending in `/`. */
export const COURSE_ROOT: string = fileURLToPath(new URL("../../", import.meta.url));

/**
 * Browser code (a function declaration, `courseBaseUrl()`) that finds the Jupyter server's base
 * URL: JupyterLab and Notebook 7 keep it in the page's `jupyter-config-data`, classic Notebook in
 * `<body data-base-url>`; else it is guessed from the page's address.
 */
export const BASE_URL_JS = `function courseBaseUrl() {
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
}`;
