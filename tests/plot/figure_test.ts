import { createCanvas } from "@napi-rs/canvas";
import { Buffer } from "node:buffer";
import { deepStrictEqual, ok, strictEqual, throws } from "../_helpers.ts";
import { Figure, figure, mimeBundle } from "../../lib/plot/mod.ts";
import { assertBundle, assertPixel, FIGURE_KEYS, match, numbersIn, pixelAt } from "./_bundle.ts";

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
    "HTML draws the output's own plotly JSON with plotly.js from the Jupyter server",
    () => {
      const fig = figure([{ type: "bar", x: [1], y: [123.4] }], { title: { text: "Sales" } });
      const html = String(mimeBundle(fig)["text/html"]);
      ok(html.includes('"files/node_modules/plotly.js-dist-min/plotly.min.js"'));
      ok(html.includes("Jupyter.notebook"), "reads classic Notebook's model of the output");
      ok(html.includes('"application/vnd.plotly.v1+json"'));
      ok(!html.includes("123.4"), "the figure is stored once, in the plotly JSON, not again here");
      ok(!/https?:\/\//.test(html), "no network URL");
      ok(!html.includes("base64"), "no static picture");
      ok(html.length < 5000, `${html.length} characters`);
      // Exactly one script element, and it closes where it should.
      strictEqual(html.split("<script").length - 1, 1);
      strictEqual(html.split("</script>").length - 1, 1);
    },
  );

  await t.step(
    "HTML without its script is a one-line note naming the plot and how to see it",
    () => {
      const fig = figure([{ type: "scatter", x: [0, 1], y: [0, 1] }], {
        title: { text: "A <line>" },
      });
      const html = String(mimeBundle(fig)["text/html"]);
      const shown = html.replace(/<script[\s\S]*<\/script>/, "").replace(/<[^>]+>/g, "").trim();
      strictEqual(
        shown,
        'Plot "A &lt;line&gt;": run the cell, or trust the notebook (File → Trust Notebook), to draw it.',
      );
    },
  );

  await t.step("the same figure gives the same bundle; another figure another key", () => {
    const make = (y: number) => figure([{ type: "scatter", x: [0, 1], y: [0, y] }]);
    deepStrictEqual(mimeBundle(make(1)), mimeBundle(make(1)));
    const key = (y: number) =>
      String(mimeBundle(make(y))["text/html"]).match(/data-figure="([^"]+)"/)![1];
    ok(key(1) !== key(2), "a different figure gets a different key");
    ok(String(mimeBundle(make(1))["text/html"]).includes(`var KEY = "${key(1)}"`));
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
    match(String(bundle["text/html"]), /Pass fewer points/);
  });

  await t.step("toPng draws bars and lines where their values put them", () => {
    // No margins: the plot area is the whole 200 × 100 picture, x from 0 to 10, y from 0 to 10.
    const layout = {
      width: 200,
      height: 100,
      margin: { l: 0, r: 0, t: 0, b: 0 },
      xaxis: { range: [0, 10] },
      yaxis: { range: [0, 10] },
    };
    const png = figure([
      { type: "bar", x: [5], y: [6], marker: { color: "#ff0000" } },
      { type: "scatter", mode: "lines", x: [0, 10], y: [8, 8], line: { color: "#0000ff" } },
    ], layout).toPng();
    assertPixel(png, 100, 70, "#ff0000"); // inside the bar: x = 5, y = 3
    assertPixel(png, 104, 30, "#ffffff"); // above it: y = 7
    assertPixel(png, 60, 70, "#ffffff"); // beside it: x = 3
    assertPixel(png, 150, 20, "#0000ff"); // on the line y = 8
    assertPixel(png, 150, 30, "#ffffff"); // under it
  });

  await t.step("toPng puts a log axis's decades evenly apart", () => {
    const layout = {
      width: 100,
      height: 200,
      margin: { l: 0, r: 0, t: 0, b: 0 },
      xaxis: { range: [0, 1] },
      yaxis: { type: "log", range: [0, 2] }, // 1 to 100, in decades
    };
    const line = (y: number) => ({ type: "scatter", mode: "lines", x: [0, 1], y: [y, y] });
    const png = figure([{ ...line(10), line: { color: "#00aa00", width: 3 } }], layout).toPng();
    assertPixel(png, 50, 100, "#00aa00"); // 10 is half way up from 1 to 100
    assertPixel(png, 50, 60, "#ffffff");
  });

  await t.step("toPng draws an image trace's row 0 at the bottom, where y is lowest", () => {
    const canvas = createCanvas(2, 2);
    const ctx = canvas.getContext("2d");
    const colors = ["#ff0000", "#00ff00", "#0000ff", "#000000"]; // row 0: red, green
    colors.forEach((color, i) => {
      ctx.fillStyle = color;
      ctx.fillRect(i % 2, Math.floor(i / 2), 1, 1);
    });
    const source = `data:image/png;base64,${
      Buffer.from(canvas.encodeSync("png")).toString("base64")
    }`;
    const png = figure([{ type: "image", source, x0: 0, dx: 1, y0: 0, dy: 1 }], {
      width: 100,
      height: 100,
      margin: { l: 0, r: 0, t: 0, b: 0 },
    }).toPng();
    assertPixel(png, 25, 75, "#ff0000"); // bottom left: row 0, column 0
    assertPixel(png, 75, 75, "#00ff00");
    assertPixel(png, 25, 25, "#0000ff"); // top left: row 1
    assertPixel(png, 75, 25, "#000000");
  });

  await t.step("toPng names the traces it cannot draw instead of drawing nothing", () => {
    const png = figure([{ type: "surface", z: [[1, 2], [3, 4]] }], { width: 300, height: 100 })
      .toPng();
    let ink = 0;
    for (let x = 0; x < 300; x += 2) if (pixelAt(png, x, 92)[0] < 200) ink++;
    ok(ink > 10, `the note's text row has ${ink} dark pixels`);
  });

  await t.step("throws TypeError when data is not an array", () => {
    throws(() => new Figure({} as never), TypeError);
  });
});
