import { assertThrows, ok, strictEqual } from "../_helpers.ts";
import { numberGrid } from "../../lib/plot/mod.ts";
import { tensor } from "../../lib/tensor/mod.ts";
import { assertBundle } from "./_bundle.ts";
import { assertOptionsChecked } from "./_options.ts";
import type { NumberGridOptions } from "../../lib/plot/mod.ts";

Deno.test("numberGrid()", async (t) => {
  await t.step("lays 784 bytes out as 28 rows of 28, with row and column numbers", () => {
    const pixels = new Uint8Array(784);
    pixels[28 * 3 + 5] = 255; // row 3, column 5
    const grid = numberGrid(pixels);
    const lines = grid.text.split("\n");
    strictEqual(lines.length, 29);
    strictEqual(
      lines[0]!.trim().split(/ +/).join(),
      Array.from({ length: 28 }, (_, c) => c).join(),
    );
    const row3 = lines[4]!.trim().split(/ +/);
    strictEqual(row3[0], "3");
    strictEqual(row3.indexOf("255"), 1 + 5);
  });

  await t.step("shades each cell from white (low) to black (high) in HTML and text", () => {
    const grid = numberGrid([[0, 128], [255, 64]], { title: "Four pixels" });
    const bundle = assertBundle(grid, ["text/html", "text/plain"]);
    const html = String(bundle["text/html"]);
    ok(html.includes('background:rgb(255,255,255);color:#bbb">0<'), "the lowest value is white");
    ok(html.includes('background:rgb(0,0,0);color:#fff">255<'), "the highest is black, white ink");
    ok(html.includes('background:rgb(127,127,127);color:#fff">128<'));
    ok(html.includes('background:rgb(191,191,191);color:#000">64<'));
    ok(html.startsWith("<p><strong>Four pixels</strong></p><table"));
    strictEqual(html.match(/min-width:3ch/g)?.length, 4 + 5, "every column as wide as 255");
    strictEqual(bundle["text/plain"], "Four pixels\n     0   1\n0    0 128\n1  255  64");
  });

  await t.step("takes a tensor, a range, and decimals for fractions", () => {
    const grid = numberGrid(tensor([[0, 0.5], [0.25, 1]]), { range: [0, 2] });
    strictEqual(grid.text, "      0    1\n0  0.00 0.50\n1  0.25 1.00");
    ok(grid.html.includes('background:rgb(128,128,128);color:#000">1.00<'), "1 is mid-grey");
    strictEqual(numberGrid([1.5, 2.5, 3, 4]).text, "      0    1\n0  1.50 2.50\n1  3.00 4.00");
  });

  await t.step("throws TypeError naming the shape unless 2-D or a square flat list", () => {
    assertThrows(
      () => numberGrid([1, 2, 3]),
      TypeError,
      "values must be 2-D, or a flat list of a square number of values: values has shape [3]",
    );
    assertThrows(() => numberGrid(tensor([[[1]]])), TypeError, "values has shape [1, 1, 1]");
    assertThrows(() => numberGrid([]), TypeError, "values has shape [0]");
  });

  await t.step("throws RangeError for more numbers than a table can show", () => {
    assertThrows(
      () => numberGrid(new Uint8Array(100 * 100)),
      RangeError,
      /at most 4096 numbers: values has shape \[10000\]/,
    );
  });

  await t.step(
    "throws TypeError for an unknown option, naming the known ones; accepts each",
    () => {
      const all: Required<NumberGridOptions> = { range: [0, 4], title: "t" };
      assertOptionsChecked("draw number grid", "min", (o) => numberGrid([[1, 2], [3, 4]], o), all);
    },
  );
});
