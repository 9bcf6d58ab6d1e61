import { strictEqual } from "../_helpers.ts";
import { digitImage, ImageDisplay } from "../../lib/plot/mod.ts";
import { assertBundle, assertPixel, assertPng, IMAGE_KEYS, match } from "./_bundle.ts";

Deno.test("ImageDisplay", async (t) => {
  await t.step("bundles the PNG it was given (base64) and text", () => {
    const png = digitImage(new Uint8Array(784)).png;
    const image = new ImageDisplay(png, { width: 1, height: 1, description: "A digit" });
    const bundle = assertBundle(image, IMAGE_KEYS);
    strictEqual(assertPng(bundle["image/png"]).length, png.length);
    strictEqual(bundle["text/plain"], "A digit");
  });

  await t.step("draws a digit's ink where its pixels are", () => {
    // One inked pixel, row 5 and column 10, drawn 4x inside a 4-pixel margin.
    const pixels = new Uint8Array(784);
    pixels[5 * 28 + 10] = 255;
    const image = digitImage(pixels, { scale: 4 });
    const png = assertPng(assertBundle(image, IMAGE_KEYS)["image/png"]);
    assertPixel(png, 4 + 10 * 4 + 2, 4 + 5 * 4 + 2, "#000000"); // the ink
    assertPixel(png, 4 + 11 * 4 + 2, 4 + 5 * 4 + 2, "#ffffff"); // its right neighbour
    assertPixel(png, 4 + 10 * 4 + 2, 4 + 6 * 4 + 2, "#ffffff"); // the one below
  });

  await t.step("gives a data: URL for HTML", () => {
    match(digitImage(new Uint8Array(784)).toDataUrl(), /^data:image\/png;base64,iVBORw0KGgo/);
  });
});
