import { deepStrictEqual, ok, strictEqual, throws } from "../_helpers.ts";
import { Figure, figure, mimeBundle } from "../../lib/plot/mod.ts";
import {
  assertBundle,
  assertPng,
  FIGURE_KEYS,
  match,
  numbersIn,
  PNG_SIGNATURE,
} from "./_bundle.ts";

Deno.test("Figure", async (t) => {
  await t.step("bundles plotly JSON, HTML and text", () => {
    const fig = figure([{ type: "scatter", x: [1, 2, 3], y: [4, 5, 6] }], {}, {
      description: "Three points",
    });
    const bundle = assertBundle(fig, FIGURE_KEYS);
    const json = bundle["application/vnd.plotly.v1+json"] as { data: unknown[]; layout: unknown };
    deepStrictEqual(json.data, [{ type: "scatter", x: [1, 2, 3], y: [4, 5, 6] }]);
    strictEqual(bundle["text/plain"], "Three points");
  });

  await t.step(
    "HTML loads plotly.js from the Jupyter server, never inline or from the network",
    () => {
      const html = String(mimeBundle(figure([{ type: "bar", x: [1], y: [2] }]))["text/html"]);
      ok(html.includes('"files/node_modules/plotly.js-dist-min/plotly.min.js"'));
      ok(html.includes("jupyter-config-data"), "finds JupyterLab's base URL");
      ok(html.includes('getAttribute("data-base-url")'), "finds classic Notebook's base URL");
      ok(!/https?:\/\//.test(html), "no network URL");
      ok(html.length < 200_000, "plotly.js (4.8 MB) is not inlined");
      // Exactly one script element, and it closes where it should.
      strictEqual(html.split("<script").length - 1, 1);
      strictEqual(html.split("</script>").length - 1, 1);
    },
  );

  await t.step("HTML shows a static PNG and a sentence until the script runs", () => {
    const fig = figure([{ type: "scatter", x: [0, 1], y: [0, 1] }], {}, { description: "A line" });
    const html = String(mimeBundle(fig)["text/html"]);
    const img = html.match(/<img src="data:image\/png;base64,([^"]+)"/);
    ok(img, "a data: URL image survives sanitising in untrusted notebooks");
    assertPng(img![1]);
    match(html, /alt="A line"/);
    match(html, /A static picture of an interactive plot: run the cell, or trust the notebook/);
  });

  await t.step("escapes </script> inside data so the HTML stays well formed", () => {
    const fig = figure([{ type: "scatter", x: [1], y: [1], name: "</script><b>x</b>" }]);
    const html = String(mimeBundle(fig)["text/html"]);
    strictEqual(html.split("</script>").length - 1, 1);
  });

  await t.step("rounds numbers to 4 significant digits, keeps integers, nulls non-finite", () => {
    const fig = figure([{ type: "scatter", x: [123456, 2, 3], y: [Math.PI, 1 / 3, NaN] }]);
    const json = mimeBundle(fig)["application/vnd.plotly.v1+json"] as {
      data: { x: number[]; y: (number | null)[] }[];
    };
    deepStrictEqual(json.data[0]!.x, [123456, 2, 3]);
    deepStrictEqual(json.data[0]!.y, [3.142, 0.3333, null]);
    for (const v of numbersIn(json)) {
      ok(
        Number.isInteger(v) || String(Math.abs(v)).replace(/^0\.0*|\.|e.*$/g, "").length <= 4,
        `${v}`,
      );
    }
  });

  await t.step("accepts typed arrays in traces", () => {
    const fig = figure([{
      type: "scatter",
      x: new Float32Array([1, 2]),
      y: new Int32Array([3, 4]),
    }]);
    const json = mimeBundle(fig)["application/vnd.plotly.v1+json"] as { data: { x: number[] }[] };
    deepStrictEqual(json.data[0]!.x, [1, 2]);
  });

  await t.step("replaces an output that would be too large by a sentence saying so", () => {
    const n = 400_000;
    const fig = figure([{
      type: "scatter",
      x: Array.from({ length: n }, (_, i) => i),
      y: new Array(n).fill(0.5),
    }]);
    const bundle = assertBundle(fig, ["text/html", "text/plain"]);
    match(String(bundle["text/plain"]), /must stay under 900 kB: this one is \d+ kB/);
  });

  await t.step("toPng draws a PNG, also for traces it cannot draw", () => {
    const png = figure([{ type: "pie", values: [1, 2] }]).toPng();
    deepStrictEqual([...png.subarray(0, 8)], PNG_SIGNATURE);
  });

  await t.step("throws TypeError when data is not an array", () => {
    throws(() => new Figure({} as never), TypeError);
  });
});
