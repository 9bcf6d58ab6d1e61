/// <reference lib="dom" />
import { chromium } from "playwright-core";
import { mnistFromDrawing } from "../../lib/data/mod.ts";
import { Linear, ReLU, saveOnnx, Sequential, Softmax } from "../../lib/nn/mod.ts";
import { digitPad, ORT_WEB_DIR } from "../../notebooks/course/digit_pad.ts";
import { mimeBundle } from "../../lib/plot/mod.ts";
import { randomSeeded } from "../../lib/random/mod.ts";
import { tensor } from "../../lib/tensor/mod.ts";
import { ok, strictEqual, throws } from "../_helpers.ts";
import { bundleBytes } from "../plot/_bundle.ts";
import { assertOptionsChecked } from "../plot/_options.ts";
import type { DigitPadOptions } from "../../notebooks/course/digit_pad.ts";

const ROOT = new URL("../../", import.meta.url).pathname;
const CHROMIUM = Deno.env.get("CHROMIUM") ?? "/usr/bin/chromium";
const hasChromium = (() => {
  try {
    return Deno.statSync(CHROMIUM).isFile;
  } catch {
    return false;
  }
})();
if (!hasChromium) {
  console.log(`Skipping the drawing pad's browser test: no Chromium at ${CHROMIUM} (set CHROMIUM)`);
}

/** A small network with random weights, saved as ONNX inside the course folder (served). */
async function smallModel(): Promise<{ model: Sequential; dir: string; file: string }> {
  const prng = randomSeeded(5);
  const model = new Sequential([
    new Linear(784, 16, { prng }),
    new ReLU(),
    new Linear(16, 10, { prng }),
    new Softmax(),
  ]).eval();
  for (const p of model.parameters()) p.data.forEach((v, i, a) => a[i] = 8 * v); // spread out
  const dir = Deno.makeTempDirSync({ dir: `${ROOT}tests/`, prefix: ".pad-" });
  const file = `${dir}/pad model.onnx`;
  await saveOnnx(model, file);
  return { model, dir, file };
}

Deno.test("digitPad()", async (t) => {
  const { dir, file } = await smallModel();
  try {
    await t.step(
      "is a few kilobytes of HTML that loads ONNX Runtime and the model from the server",
      () => {
        const bundle = mimeBundle(digitPad(file));
        const html = String(bundle["text/html"]);
        ok(bundleBytes(bundle) < 30_000, `${bundleBytes(bundle)} bytes`);
        ok(html.includes(JSON.stringify(ORT_WEB_DIR)));
        const served = `files/tests/${dir.split("/").at(-1)}/pad%20model.onnx?v=`;
        ok(html.includes(served), "the model's URL, relative to the course root, with its time");
        ok(html.includes(mnistFromDrawing.toString()), "the page runs the library's preprocessing");
        ok(
          html.includes('class="course-pad-note"'),
          "one line for front ends that drop the script",
        );
        ok(
          String(bundle["text/plain"]).startsWith(`Drawing pad for tests/${dir.split("/").at(-1)}`),
        );
      },
    );
    await t.step("speaks Chinese when asked", () => {
      const html = String(mimeBundle(digitPad(file, { language: "zh" }))["text/html"]);
      ok(html.includes('"padClear":"清除"'), "the Clear button in Chinese");
      ok(html.includes("的手写画板"), "the one-line note in Chinese");
      throws(() => digitPad(file, { language: "fr" as never }), RangeError);
    });
    await t.step(
      "throws TypeError for an unknown option, naming the known ones; accepts each",
      () => {
        const all: Required<DigitPadOptions> = { language: "zh" };
        assertOptionsChecked("show the drawing pad", "lang", (o) => digitPad(file, o), all);
      },
    );
    await t.step("refuses a model outside the course, and a missing one", () => {
      throws(() => digitPad("/tmp/model.onnx"), {
        name: "RangeError",
        message: /must lie inside the course's folder .*: \/tmp\/model\.onnx is outside it/,
      });
      throws(() => digitPad(`${dir}/missing.onnx`), Deno.errors.NotFound);
    });
  } finally {
    Deno.removeSync(dir, { recursive: true });
  }
});

Deno.test({
  name:
    "digitPad() in Chromium: a stroke with the mouse gives ten bars, the library's probabilities",
  ignore: !hasChromium,
  sanitizeOps: false,
  sanitizeResources: false,
  fn: async () => {
    const { model, dir, file } = await smallModel();
    const html = String(mimeBundle(digitPad(file))["text/html"]);
    // The Jupyter server's part: files under the course root at /files/, with their types.
    const types: Record<string, string> = {
      js: "text/javascript",
      mjs: "text/javascript",
      wasm: "application/wasm",
    };
    const server = Deno.serve({ hostname: "127.0.0.1", port: 0, onListen() {} }, async (req) => {
      const path = decodeURIComponent(new URL(req.url).pathname);
      if (path === "/page") {
        const base = new URL(req.url).searchParams.get("base") ?? "/";
        const page = `<!doctype html><body data-base-url="${base}">${html}</body>`;
        return new Response(page, { headers: { "content-type": "text/html" } });
      }
      try {
        const body = await Deno.readFile(ROOT + path.slice("/files/".length));
        const type = types[path.split(".").at(-1)!] ?? "application/octet-stream";
        return new Response(body, { headers: { "content-type": type } });
      } catch {
        return new Response("not found", { status: 404 });
      }
    });
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: ["--no-sandbox"] });
    try {
      const page = await browser.newPage();
      const errors: string[] = [];
      page.on("pageerror", (e) => errors.push(e.message));
      await page.goto(`http://127.0.0.1:${server.addr.port}/page`);
      const status = page.locator(".course-pad-status");
      await page.waitForFunction(
        () => document.querySelector(".course-pad-status")?.textContent?.startsWith("Draw"),
        null,
        { timeout: 60_000 },
      );
      const box = (await page.locator(".course-pad-canvas").boundingBox())!;
      await page.mouse.move(box.x + 80, box.y + 60);
      await page.mouse.down();
      for (const [x, y] of [[200, 60], [120, 230]]) {
        await page.mouse.move(box.x + x!, box.y + y!, { steps: 10 });
      }
      await page.mouse.up();
      await page.waitForFunction(
        () => document.querySelector(".course-pad-status")?.textContent?.startsWith("The network"),
        null,
        { timeout: 30_000 },
      );
      const shown = await page.evaluate(() => ({
        heights: [...document.querySelectorAll<HTMLElement>(".course-pad-bar")]
          .map((b) => b.getBoundingClientRect().height),
        probabilities: [...document.querySelectorAll(".course-pad-bar")]
          .map((b) => Number(b.getAttribute("data-probability"))),
        alpha: Array.from(
          document.querySelector<HTMLCanvasElement>(".course-pad-canvas")!.getContext("2d")!
            .getImageData(0, 0, 280, 280).data.filter((_, i) => i % 4 === 3),
        ),
      }));
      strictEqual(shown.heights.length, 10);
      ok(shown.heights.every((h) => h >= 1), `bar heights ${shown.heights}`);
      const image = mnistFromDrawing(shown.alpha.map((a) => a / 255), 280);
      ok(image.reduce((a, b) => a + b) > 20, "the stroke reached the canvas");
      const expected = model.forward(tensor(image, { shape: [1, 784] })).data;
      const largest = Math.max(...shown.probabilities.map((p, d) => Math.abs(p - expected[d]!)));
      ok(largest < 1e-5, `page ${shown.probabilities} vs library ${expected}`);
      const best = expected.indexOf(Math.max(...expected));
      ok((await status.textContent())!.startsWith(`The network reads ${best} (`));
      await page.click(".course-pad-clear");
      const cleared = await page.evaluate(() => ({
        heights: [...document.querySelectorAll(".course-pad-bar")]
          .map((b) => b.getBoundingClientRect().height),
        ink: document.querySelector<HTMLCanvasElement>(".course-pad-canvas")!.getContext("2d")!
          .getImageData(0, 0, 280, 280).data.some((v) => v > 0),
      }));
      ok(cleared.heights.every((h) => h === 0) && !cleared.ink, "Clear empties the pad and bars");
      ok((await status.textContent())!.startsWith("Draw a digit"));
      // Without a server to load from (the base URL leads nowhere), the pad says so in one line.
      await page.goto(`http://127.0.0.1:${server.addr.port}/page?base=/nowhere/`);
      await page.waitForFunction(
        () => document.querySelector(".course-pad-status")?.textContent?.startsWith("The pad"),
        null,
        { timeout: 30_000 },
      );
      const failed = (await status.textContent())!;
      ok(failed.includes("cannot load /nowhere/files/node_modules/onnxruntime-web/"), failed);
      ok(failed.includes("deno task course") && !failed.includes("\n"), failed);
      ok(errors.length === 0, errors.join("\n"));
    } finally {
      await browser.close();
      await server.shutdown();
      Deno.removeSync(dir, { recursive: true });
    }
  },
});
