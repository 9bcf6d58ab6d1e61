import { deepStrictEqual, ok, strictEqual, throws } from "../_helpers.ts";
import { Figure, figure, mimeBundle } from "../../lib/plot/mod.ts";
import { assertBundle, assertPixel, FIGURE_KEYS, match, numbersIn } from "./_bundle.ts";
import { assertOptionsChecked } from "./_options.ts";
import type { FigureOptions } from "../../lib/plot/mod.ts";

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
      ok(html.includes("Jupyter?.notebook"), "reads classic Notebook's model of the output");
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
        "Plot &quot;A &lt;line&gt;&quot;: run the cell, or trust the notebook (File → Trust Notebook), to draw it.",
      );
    },
  );

  await t.step("the same figure gives the same bundle; another figure another key", () => {
    const make = (y: number) => figure([{ type: "scatter", x: [0, 1], y: [0, y] }]);
    deepStrictEqual(mimeBundle(make(1)), mimeBundle(make(1)));
    const key = (y: number) =>
      String(mimeBundle(make(y))["text/html"]).match(/data-figure="([^"]+)"/)![1];
    ok(key(1) !== key(2), "a different figure gets a different key");
    ok(String(mimeBundle(make(1))["text/html"]).includes(`drawPlot("${key(1)}"`));
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

  // toPng's plot area in a 400 × 300 picture: x from 62 to 384, y from 232 (bottom) up to 34.
  const at = (x: number, y: number, range: [number, number] = [0, 10]) =>
    [62 + 322 * x / 10, 232 - 198 * (y - range[0]) / (range[1] - range[0])] as const;
  const box = { width: 400, height: 300, xaxis: { range: [0, 10] } };

  await t.step("toPng draws lines and markers where their values put them", () => {
    const png = figure([
      { type: "scatter", mode: "lines", x: [0, 10], y: [8, 8], line: { color: "#0000ff" } },
      { type: "scatter", mode: "markers", x: [5], y: [3], marker: { color: "#ff0000" } },
    ], { ...box, yaxis: { range: [0, 10] } }).toPng();
    assertPixel(png, ...at(7, 8), "#0000ff"); // on the line y = 8
    assertPixel(png, ...at(7, 6.5), "#ffffff"); // under it
    assertPixel(png, ...at(5, 3), "#ff0000"); // the marker at (5, 3)
    assertPixel(png, ...at(7, 3), "#ffffff"); // beside it, no line through it
  });

  await t.step("toPng puts a log axis's decades evenly apart", () => {
    const line = { type: "scatter", mode: "lines", x: [0, 10], y: [10, 10] };
    const png = figure([{ ...line, line: { color: "#00aa00" } }], {
      ...box,
      yaxis: { type: "log", range: [0, 2] }, // 1 to 100, in decades
    }).toPng();
    assertPixel(png, ...at(7, 1, [0, 2]), "#00aa00"); // 10 is half way up from 1 to 100
    assertPixel(png, ...at(7, 1.5, [0, 2]), "#ffffff");
  });

  await t.step("toPng refuses what it cannot draw, naming the trace", () => {
    throws(() => figure([{ type: "surface", z: [[1, 2], [3, 4]] }]).toPng(), {
      name: "RangeError",
      message:
        "Cannot draw figure as PNG as toPng() draws line and scatter traces only: trace 0 is a surface",
    });
  });

  await t.step("throws TypeError when data is not an array", () => {
    throws(() => new Figure({} as never), TypeError);
  });

  await t.step(
    "throws TypeError for an unknown option, naming the known ones; accepts each",
    () => {
      const all: Required<FigureOptions> = { description: "d", language: "zh" };
      assertOptionsChecked("create figure", "title", (o) => figure([], {}, o), all);
      assertOptionsChecked("create figure", "title", (o) => new Figure([], {}, o), all);
    },
  );
});
