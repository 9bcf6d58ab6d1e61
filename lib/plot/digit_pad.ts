import { isAbsolute, relative, resolve } from "node:path";
import { mnistFromDrawing } from "../data/mnist_drawing.ts";
import { ONNX_INPUT, ONNX_OUTPUT } from "../nn/onnx.ts";
import { escapeHtml } from "./_display.ts";
import { BASE_URL_JS, COURSE_ROOT } from "./_server_files.ts";
import { type Displayable, JUPYTER_DISPLAY, type MimeBundle } from "./display.ts";

/** Where the Jupyter server serves ONNX Runtime Web's files, relative to its base URL. */
export const ORT_WEB_DIR = "files/node_modules/onnxruntime-web/dist/";

/** Options of {@linkcode digitPad}. */
export interface DigitPadOptions {
  /**
   * The pen's width in pixels of the 280 × 280 pad, where it starts (the page has a slider).
   *
   * @default {24}
   */
  penWidth?: number;
}

let nextPad = 0;
const RUN_ID = crypto.randomUUID().slice(0, 8);

/**
 * A drawing pad for handwritten digits, shown in the notebook: the learner draws with the mouse
 * (or a finger); after each stroke the page prepares the drawing as MNIST was prepared
 * ({@linkcode mnistFromDrawing}, the same code), runs the exported model on it with ONNX Runtime
 * Web, and shows the ten probabilities as bars, beside the 28 × 28 image the model saw. A
 * "Clear" button starts again.
 *
 * The page loads ONNX Runtime Web and the model from the Jupyter server (`files/...`), never from
 * the network and never inlined, so the output stays a few kilobytes. That needs a trusted output
 * (run the cell) in JupyterLab or Notebook started at the course's root, as `deno task course`
 * does; elsewhere (an untrusted notebook, a front end without a Jupyter server) the output says so
 * in one line.
 *
 * Taught in `notebooks/12_model_in_the_world.ipynb`.
 *
 * @param modelPath The `.onnx` file (from `saveOnnx`), inside the course's folder; the model takes
 * `[N, 784]` pixels in 0-1 and ends in a softmax over 10 digits
 * @param options The pen's starting width
 * @returns A displayable pad
 * @throws {RangeError} If the file lies outside the course's folder, which the server serves, or the pen's width is not in 1-100
 * @throws {Deno.errors.NotFound} If the file does not exist
 *
 * @example Usage
 * ```ts ignore
 * import { digitPad } from "./digit_pad.ts";
 *
 * await saveOnnx(model, "models/mnist_mlp.onnx");
 * digitPad("models/mnist_mlp.onnx");
 * ```
 */
export function digitPad(modelPath: string, options: DigitPadOptions = {}): DigitPad {
  const file = isAbsolute(modelPath) ? modelPath : resolve(Deno.cwd(), modelPath);
  const inCourse = relative(COURSE_ROOT, file);
  if (inCourse.startsWith("..") || isAbsolute(inCourse)) {
    throw new RangeError(
      `Cannot show the drawing pad as the model file must lie inside the course's folder ${COURSE_ROOT}, which the Jupyter server serves: ${file} is outside it`,
    );
  }
  let stat: Deno.FileInfo;
  try {
    stat = Deno.statSync(file);
  } catch (e) {
    if (!(e instanceof Deno.errors.NotFound)) throw e;
    throw new Deno.errors.NotFound(
      `Cannot show the drawing pad as the model file must exist: ${file} does not (write it with saveOnnx first)`,
    );
  }
  const penWidth = options.penWidth ?? 24;
  if (!(penWidth >= 1 && penWidth <= 100)) {
    throw new RangeError(
      `Cannot show the drawing pad as penWidth must be in 1-100: current value is ${penWidth}`,
    );
  }
  return new DigitPad({
    id: `course-pad-${RUN_ID}-${nextPad++}`,
    // the server path, and the file's time so a re-exported model is fetched again
    modelUrl: `files/${inCourse.split(/[\\/]/).map(encodeURIComponent).join("/")}?v=${
      stat.mtime?.getTime() ?? 0
    }`,
    modelName: inCourse,
    modelBytes: stat.size,
    penWidth,
  });
}

/** What the pad's page needs to know (made by {@linkcode digitPad}). */
export interface DigitPadSettings {
  /** The element id of the pad, unique in the page. */
  id: string;
  /** The model's URL, relative to the Jupyter server's base URL (`files/...`). */
  modelUrl: string;
  /** The model's path inside the course's folder, for messages. */
  modelName: string;
  /** The model file's size in bytes. */
  modelBytes: number;
  /** The pen's starting width in pixels. */
  penWidth: number;
}

/** The pad's HTML before its script runs: the one line shown where the script cannot run. */
function staticHtml(settings: DigitPadSettings): string {
  return `<div id="${settings.id}" class="course-pad">` +
    `<p class="course-pad-note"><em>A drawing pad for ${
      escapeHtml(settings.modelName)
    }: run this cell in JupyterLab or Notebook started with deno task course.</em></p></div>`;
}

// Runs in the browser (modern JavaScript: the pad needs WebAssembly anyway).
const PAD_JS = `
  var SIZE = 280, BAR_HEIGHT = 120;
  var base = courseBaseUrl();
  var ortUrl = base + ORT_DIR + "ort.wasm.min.js";
  var status = function (text) { root.querySelector(".course-pad-status").textContent = text; };
  root.innerHTML =
    '<div style="display:flex;flex-wrap:wrap;gap:24px;align-items:flex-start;font:14px sans-serif">' +
    '<div><canvas class="course-pad-canvas" width="' + SIZE + '" height="' + SIZE + '" ' +
    'style="width:' + SIZE + 'px;height:' + SIZE + 'px;border:1px solid #888;background:#fff;' +
    'touch-action:none;cursor:crosshair"></canvas>' +
    '<div style="margin-top:6px;display:flex;gap:10px;align-items:center">' +
    '<button type="button" class="course-pad-clear">Clear</button>' +
    '<label style="display:flex;align-items:center;gap:4px">pen <input type="range" class="course-pad-pen" min="4" max="48" value="' + PEN + '"></label>' +
    '<span class="course-pad-pen-value"></span></div></div>' +
    '<div><div style="margin-bottom:6px">what the network sees</div>' +
    '<canvas class="course-pad-seen" width="28" height="28" style="width:112px;height:112px;' +
    'image-rendering:pixelated;border:1px solid #888;background:#fff"></canvas></div>' +
    '<div><div style="margin-bottom:6px">probabilities</div>' +
    '<div class="course-pad-bars" style="display:flex;gap:3px;align-items:flex-end"></div></div>' +
    '</div><p class="course-pad-status" style="font:14px sans-serif;margin:8px 0 0"></p>';
  var canvas = root.querySelector(".course-pad-canvas");
  var ctx = canvas.getContext("2d", { willReadFrequently: true });
  var seen = root.querySelector(".course-pad-seen").getContext("2d");
  var pen = root.querySelector(".course-pad-pen");
  var penValue = root.querySelector(".course-pad-pen-value");
  var barsEl = root.querySelector(".course-pad-bars");
  var bars = [];
  for (var d = 0; d < 10; d++) {
    var column = document.createElement("div");
    column.style.cssText = "display:flex;flex-direction:column;align-items:center;width:28px";
    column.innerHTML = '<span class="course-pad-percent" style="font-size:11px;height:16px"></span>' +
      '<div style="width:22px;height:' + BAR_HEIGHT + 'px;background:#eee;display:flex;align-items:flex-end">' +
      '<div class="course-pad-bar" data-digit="' + d + '" style="width:22px;height:0;background:#4c78a8"></div>' +
      "</div><span>" + d + "</span>";
    barsEl.appendChild(column);
    bars.push(column);
  }
  var showPen = function () { penValue.textContent = pen.value + " px"; };
  pen.addEventListener("input", showPen);
  showPen();

  function loadOrt() {
    if (window.ort) return Promise.resolve(window.ort);
    if (!window.__courseOrtLoader) {
      window.__courseOrtLoader = new Promise(function (resolve, reject) {
        var s = document.createElement("script");
        s.src = ortUrl;
        s.onload = function () { window.ort ? resolve(window.ort) : reject(new Error("no window.ort")); };
        s.onerror = function () { reject(new Error("cannot load " + ortUrl)); };
        document.head.appendChild(s);
      });
      window.__courseOrtLoader.catch(function () { window.__courseOrtLoader = null; });
    }
    return window.__courseOrtLoader;
  }

  status("Loading ONNX Runtime Web and " + MODEL_NAME + " from the Jupyter server…");
  var ready = loadOrt().then(function (ort) {
    ort.env.wasm.wasmPaths = base + ORT_DIR;
    ort.env.wasm.numThreads = 1;
    return fetch(base + MODEL_URL).then(function (r) {
      if (!r.ok) throw new Error("cannot fetch " + base + MODEL_URL + " (HTTP " + r.status + ")");
      return r.arrayBuffer();
    }).then(function (bytes) {
      return ort.InferenceSession.create(new Uint8Array(bytes));
    }).then(function (session) { return { ort: ort, session: session }; });
  });
  var loadError = null;
  ready.then(function () {
    status("Draw a digit in the box: the network reads it after each stroke.");
  }, function (e) {
    loadError = e;
    status("The pad cannot run: " + e.message + ". It loads ONNX Runtime Web and the model from " +
      "the Jupyter server: start Jupyter from the course's folder (deno task course), then run the cell again.");
  });

  function showSeen(image) {
    var pixels = seen.createImageData(28, 28);
    for (var i = 0; i < 784; i++) {
      var grey = Math.round(255 * (1 - image[i]));
      pixels.data[4 * i] = pixels.data[4 * i + 1] = pixels.data[4 * i + 2] = grey;
      pixels.data[4 * i + 3] = 255;
    }
    seen.putImageData(pixels, 0, 0);
  }
  function showProbabilities(p) {
    var best = 0;
    for (var d = 1; d < 10 && p !== null; d++) if (p[d] > p[best]) best = d;
    for (var d = 0; d < 10; d++) {
      var bar = bars[d].querySelector(".course-pad-bar");
      bar.style.height = p === null ? "0" : Math.max(1, Math.round(BAR_HEIGHT * p[d])) + "px";
      bar.style.background = p !== null && d === best ? "#e45756" : "#4c78a8";
      bar.setAttribute("data-probability", p === null ? "" : String(p[d]));
      bar.title = p === null ? "" : "p(" + d + ") = " + p[d].toFixed(4);
      bars[d].querySelector(".course-pad-percent").textContent =
        p === null ? "" : (100 * p[d]).toFixed(p[d] < 0.1 ? 1 : 0) + "%";
    }
    return best;
  }

  var running = Promise.resolve();
  var cleared = 0; // counts the Clear clicks: a reading of a cleared drawing is dropped
  function read() {
    var drawingNumber = cleared;
    var rgba = ctx.getImageData(0, 0, SIZE, SIZE).data;
    var ink = new Float32Array(SIZE * SIZE);
    for (var i = 0; i < ink.length; i++) ink[i] = rgba[4 * i + 3] / 255;
    var image = mnistFromDrawing(ink, SIZE);
    showSeen(image);
    running = running.then(function () { return ready; }).then(function (r) {
      var feeds = {};
      feeds[INPUT] = new r.ort.Tensor("float32", image, [1, 784]);
      return r.session.run(feeds);
    }).then(function (out) {
      if (drawingNumber !== cleared) return;
      var p = Array.from(out[OUTPUT].data);
      var total = p.reduce(function (a, b) { return a + b; }, 0);
      var best = showProbabilities(p);
      status(Math.abs(total - 1) > 1e-3
        ? "The model's outputs do not add up to 1 (" + total.toFixed(3) + "): does it end in Softmax?"
        : "The network reads " + best + " (" + (100 * p[best]).toFixed(1) + "%). Draw more, or Clear.");
    }, function (e) {
      if (e !== loadError) status("The model could not run: " + e.message);
    });
  }

  var drawing = false, last = null;
  function at(event) {
    var r = canvas.getBoundingClientRect();
    return { x: (event.clientX - r.left) * SIZE / r.width, y: (event.clientY - r.top) * SIZE / r.height };
  }
  canvas.addEventListener("pointerdown", function (event) {
    drawing = true;
    canvas.setPointerCapture(event.pointerId);
    last = at(event);
    ctx.fillStyle = "#000";
    ctx.beginPath();
    ctx.arc(last.x, last.y, pen.value / 2, 0, 2 * Math.PI);
    ctx.fill();
    event.preventDefault();
  });
  canvas.addEventListener("pointermove", function (event) {
    if (!drawing) return;
    var p = at(event);
    ctx.strokeStyle = "#000";
    ctx.lineWidth = Number(pen.value);
    ctx.lineCap = "round";
    ctx.lineJoin = "round";
    ctx.beginPath();
    ctx.moveTo(last.x, last.y);
    ctx.lineTo(p.x, p.y);
    ctx.stroke();
    last = p;
  });
  var end = function () {
    if (!drawing) return;
    drawing = false;
    read();
  };
  canvas.addEventListener("pointerup", end);
  canvas.addEventListener("pointercancel", end);
  root.querySelector(".course-pad-clear").addEventListener("click", function () {
    cleared++;
    ctx.clearRect(0, 0, SIZE, SIZE);
    seen.clearRect(0, 0, 28, 28);
    showProbabilities(null);
    status("Draw a digit in the box: the network reads it after each stroke.");
  });
`;

/** The drawing pad that {@linkcode digitPad} returns. */
export class DigitPad implements Displayable {
  readonly #settings: DigitPadSettings;

  /** @param settings The element id, the model's server path and size, the pen */
  constructor(settings: DigitPadSettings) {
    this.#settings = settings;
  }

  /** One line saying what the pad is and where it runs. */
  toString(): string {
    return `Drawing pad for ${this.#settings.modelName} (${
      (this.#settings.modelBytes / 1e6).toFixed(1)
    } MB): run the cell in JupyterLab or Notebook started with deno task course to draw a digit`;
  }

  /** The MIME bundle: the pad's HTML and script, and the one line as plain text. */
  [JUPYTER_DISPLAY](): MimeBundle {
    const s = this.#settings;
    // "<" inside a <script> could close it: JSON allows the \u003c escape
    const json = (value: unknown) => JSON.stringify(value).replaceAll("<", "\\u003c");
    const preprocess = mnistFromDrawing.toString();
    if (/<\/script|<!--/i.test(preprocess)) {
      throw new TypeError(
        "Cannot embed mnistFromDrawing in the page as its source holds </script or <!--",
      );
    }
    const script = `<script type="text/javascript">(function () {\n` +
      `  var root = document.getElementById(${json(s.id)});\n` +
      `  if (!root) return;\n` +
      `  var ORT_DIR = ${json(ORT_WEB_DIR)}, MODEL_URL = ${json(s.modelUrl)};\n` +
      `  var MODEL_NAME = ${json(s.modelName)}, PEN = ${json(s.penWidth)};\n` +
      `  var INPUT = ${json(ONNX_INPUT)}, OUTPUT = ${json(ONNX_OUTPUT)};\n` +
      `  ${BASE_URL_JS}\n` +
      `  var mnistFromDrawing = ${preprocess};\n` +
      PAD_JS +
      `})();</script>`;
    return { "text/html": staticHtml(s) + "\n" + script, "text/plain": this.toString() };
  }
}
