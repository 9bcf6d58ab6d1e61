// The drawing pad's page: digit_pad.ts inlines this file in the pad's text/html and calls
// startPad(root, settings, say, mnistFromDrawing) with the pad's element, the model's server
// path and input and output names, the texts in the notebook's language, and the library's own
// preparation of a drawing. It loads ONNX Runtime Web and the model from the Jupyter server.
// deno-lint-ignore no-unused-vars
function startPad(root, settings, say, mnistFromDrawing) {
  const [SIZE, BAR_HEIGHT] = [280, 120];
  const base = jupyterBaseUrl();
  const ortUrl = `${base}${settings.ortDir}ort.wasm.min.js`;
  const box = "border:1px solid #888;background:#fff";
  root.innerHTML =
    `<div style="display:flex;flex-wrap:wrap;gap:24px;align-items:flex-start;font:14px sans-serif">
    <div><canvas class="course-pad-canvas" width="${SIZE}" height="${SIZE}"
      style="width:${SIZE}px;height:${SIZE}px;${box};touch-action:none;cursor:crosshair"></canvas>
      <div style="margin-top:6px;display:flex;gap:10px;align-items:center">
        <button type="button" class="course-pad-clear">${say.padClear}</button>
        <label style="display:flex;align-items:center;gap:4px">${say.padPen}
          <input type="range" class="course-pad-pen" min="4" max="48" value="24"></label>
        <span class="course-pad-pen-value"></span></div></div>
    <div><div style="margin-bottom:6px">${say.padSeen}</div><canvas class="course-pad-seen" width="28"
      height="28" style="width:112px;height:112px;image-rendering:pixelated;${box}"></canvas></div>
    <div><div style="margin-bottom:6px">${say.padProbabilities}</div>
      <div class="course-pad-bars" style="display:flex;gap:3px;align-items:flex-end"></div></div>
    </div><p class="course-pad-status" style="font:14px sans-serif;margin:8px 0 0"></p>`;
  const [canvas, pen, penValue, status] = [
    ".course-pad-canvas",
    ".course-pad-pen",
    ".course-pad-pen-value",
    ".course-pad-status",
  ]
    .map((selector) => root.querySelector(selector));
  const ctx = canvas.getContext("2d", { willReadFrequently: true });
  const seen = root.querySelector(".course-pad-seen").getContext("2d");
  const bars = Array.from({ length: 10 }, (_, d) => {
    const column = document.createElement("div");
    column.style.cssText = "display:flex;flex-direction:column;align-items:center;width:28px";
    column.innerHTML = `<span class="course-pad-percent" style="font-size:11px;height:16px"></span>
      <div style="width:22px;height:${BAR_HEIGHT}px;background:#eee;display:flex;align-items:flex-end">
      <div class="course-pad-bar" style="width:22px;height:0;background:#4c78a8"></div></div><span>${d}</span>`;
    root.querySelector(".course-pad-bars").appendChild(column);
    return column;
  });
  const showPen = () => penValue.textContent = `${pen.value} px`;
  pen.addEventListener("input", showPen);
  showPen();

  /** JupyterLab and Notebook 7 keep the server's base URL in the page's config, classic Notebook on <body>. */
  function jupyterBaseUrl() {
    let url = document.body.getAttribute("data-base-url");
    try {
      url = JSON.parse(document.getElementById("jupyter-config-data").textContent).baseUrl;
    } catch { /* not JupyterLab */ }
    url ??= location.pathname.match(/^(.*?\/)(?:lab|notebooks|tree|doc|edit|view)(?:\/|$)/)?.[1] ??
      "/";
    return url.endsWith("/") ? url : `${url}/`;
  }

  function loadOrt() {
    if (globalThis.ort) return Promise.resolve(globalThis.ort);
    globalThis.__courseOrt ??= new Promise((resolve, reject) => {
      const script = document.createElement("script");
      script.src = ortUrl;
      script.onload = () =>
        globalThis.ort ? resolve(globalThis.ort) : reject(new Error("no window.ort"));
      script.onerror = () => reject(new Error(`cannot load ${ortUrl}`));
      document.head.appendChild(script);
    });
    globalThis.__courseOrt.catch(() => globalThis.__courseOrt = null); // a later pad tries again
    return globalThis.__courseOrt;
  }

  status.textContent = say.padLoading;
  const ready = loadOrt().then(async (ort) => {
    ort.env.wasm.wasmPaths = base + settings.ortDir;
    ort.env.wasm.numThreads = 1;
    const response = await fetch(base + settings.modelUrl);
    if (!response.ok) {
      throw new Error(`cannot fetch ${base + settings.modelUrl} (HTTP ${response.status})`);
    }
    const session = await ort.InferenceSession.create(new Uint8Array(await response.arrayBuffer()));
    return { ort, session };
  });
  let loadError = null;
  ready.then(() => status.textContent = say.padDraw, (e) => {
    loadError = e;
    status.textContent = say.padCannotRun.replace("{error}", e.message);
  });

  function showProbabilities(p) {
    const best = p ? p.indexOf(Math.max(...p)) : -1;
    bars.forEach((column, d) => {
      const bar = column.querySelector(".course-pad-bar");
      bar.style.height = p ? `${Math.max(1, Math.round(BAR_HEIGHT * p[d]))}px` : "0";
      bar.style.background = d === best ? "#e45756" : "#4c78a8";
      bar.setAttribute("data-probability", p ? String(p[d]) : "");
      bar.title = p ? `p(${d}) = ${p[d].toFixed(4)}` : "";
      column.querySelector(".course-pad-percent").textContent = p
        ? `${(100 * p[d]).toFixed(p[d] < 0.1 ? 1 : 0)}%`
        : "";
    });
    return best;
  }

  let running = Promise.resolve();
  let cleared = 0; // counts the Clear clicks: a reading of a cleared drawing is dropped
  function read() {
    const drawing = cleared;
    const rgba = ctx.getImageData(0, 0, SIZE, SIZE).data;
    const image = mnistFromDrawing(
      Float32Array.from({ length: SIZE * SIZE }, (_, i) => rgba[4 * i + 3] / 255),
      SIZE,
    );
    const pixels = seen.createImageData(28, 28);
    image.forEach((v, i) => {
      const grey = Math.round(255 * (1 - v));
      pixels.data.set([grey, grey, grey, 255], 4 * i);
    });
    seen.putImageData(pixels, 0, 0);
    running = running.then(() => ready).then((r) => {
      return r.session.run({ [settings.input]: new r.ort.Tensor("float32", image, [1, 784]) });
    }).then((out) => {
      if (drawing !== cleared) return;
      const p = Array.from(out[settings.output].data);
      const total = p.reduce((a, b) => a + b, 0);
      const best = showProbabilities(p);
      status.textContent = Math.abs(total - 1) > 1e-3
        ? say.padNotProbabilities.replace("{total}", total.toFixed(3))
        : say.padReads.replace("{digit}", best).replace("{percent}", (100 * p[best]).toFixed(1));
    }, (e) => {
      if (e !== loadError) status.textContent = say.padModelFailed.replace("{error}", e.message);
    });
  }

  let last = null; // the pen's last point while a stroke is drawn
  const at = (event) => {
    const r = canvas.getBoundingClientRect();
    return [(event.clientX - r.left) * SIZE / r.width, (event.clientY - r.top) * SIZE / r.height];
  };
  canvas.addEventListener("pointerdown", (event) => {
    canvas.setPointerCapture(event.pointerId);
    last = at(event);
    ctx.beginPath();
    ctx.arc(...last, pen.value / 2, 0, 2 * Math.PI);
    ctx.fill();
    event.preventDefault();
  });
  canvas.addEventListener("pointermove", (event) => {
    if (!last) return;
    ctx.lineWidth = Number(pen.value);
    ctx.lineCap = ctx.lineJoin = "round";
    ctx.beginPath();
    ctx.moveTo(...last);
    ctx.lineTo(...(last = at(event)));
    ctx.stroke();
  });
  const end = () => {
    if (last) read();
    last = null;
  };
  canvas.addEventListener("pointerup", end);
  canvas.addEventListener("pointercancel", end);
  root.querySelector(".course-pad-clear").addEventListener("click", () => {
    cleared++;
    ctx.clearRect(0, 0, SIZE, SIZE);
    seen.clearRect(0, 0, 28, 28);
    showProbabilities(null);
    status.textContent = say.padDraw;
  });
}
