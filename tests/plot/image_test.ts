import { deepStrictEqual, notDeepStrictEqual, ok, strictEqual } from "../_helpers.ts";
import { digitGrid, ImageDisplay } from "../../lib/plot/mod.ts";
import { assertBundle, assertPixel, assertPng, IMAGE_KEYS } from "./_bundle.ts";
import { createCanvas, Image } from "@napi-rs/canvas";
import { Buffer } from "node:buffer";
import { assertOptionsChecked } from "./_options.ts";
import type { ImageDisplayOptions } from "../../lib/plot/mod.ts";

Deno.test("ImageDisplay", async (t) => {
  await t.step("bundles the PNG it was given (base64) and text", () => {
    const png = digitGrid(new Uint8Array(784)).png;
    const image = new ImageDisplay(png, { width: 1, height: 1, description: "A digit" });
    const bundle = assertBundle(image, IMAGE_KEYS);
    // The very bytes it was given: a blank digit, white inside its margin.
    deepStrictEqual(assertPng(bundle["image/png"]), png);
    assertPixel(png, 20, 20, "#ffffff");
    strictEqual(bundle["text/plain"], "A digit");
  });

  await t.step("draws a digit's ink where its pixels are", () => {
    // One inked pixel, row 5 and column 10, drawn 4x inside a 6-pixel margin.
    const pixels = new Uint8Array(784);
    pixels[5 * 28 + 10] = 255;
    const image = digitGrid(pixels, { scale: 4 });
    const png = assertPng(assertBundle(image, IMAGE_KEYS)["image/png"]);
    assertPixel(png, 6 + 10 * 4 + 2, 6 + 5 * 4 + 2, "#000000"); // the ink
    assertPixel(png, 6 + 11 * 4 + 2, 6 + 5 * 4 + 2, "#ffffff"); // its right neighbour
    assertPixel(png, 6 + 10 * 4 + 2, 6 + 6 * 4 + 2, "#ffffff"); // the one below
  });

  await t.step("draws Chinese text as glyphs, never as empty boxes", () => {
    // The title's pixels (13 px text from (6, 15), above the digit): how many are dark, and where.
    const title = (text: string) => {
      const image = new Image();
      image.src = Buffer.from(digitGrid(new Uint8Array(784), { title: text, scale: 4 }).png);
      const ctx = createCanvas(image.width, image.height).getContext("2d");
      ctx.drawImage(image, 0, 0);
      const red = ctx.getImageData(6, 4, 64, 22).data.filter((_, i) => i % 4 === 0);
      return Array.from(red, (v) => v < 128);
    };
    const count = (dark: boolean[]) => dark.filter(Boolean).length;
    strictEqual(count(title(" ")), 0);
    const [loss, gradient] = [title("损失函数"), title("梯度下降")];
    ok(count(loss) > 40, `only ${count(loss)} dark pixels in "损失函数"`);
    // A missing font draws every character as the same box: different words would look alike.
    notDeepStrictEqual(loss, gradient);
  });

  await t.step(
    "throws TypeError for an unknown option, naming the known ones; accepts each",
    () => {
      const all: Required<ImageDisplayOptions> = { width: 1, height: 1, description: "A dot" };
      const png = new Uint8Array([137, 80, 78, 71, 13, 10, 26, 10]);
      assertOptionsChecked("create image", "title", (o) => new ImageDisplay(png, o), all);
    },
  );
});
