import { ok, strictEqual, throws } from "../_helpers.ts";
import { matrixImage } from "../../lib/plot/mod.ts";
import { assertBundle, IMAGE_KEYS, match } from "./_bundle.ts";

Deno.test("matrixImage()", async (t) => {
  await t.step("draws a small matrix scaled up, with a colour bar", () => {
    const image = matrixImage([[0, 1], [2, 3]], { colormap: "viridis" });
    assertBundle(image, IMAGE_KEYS);
    strictEqual(image.width, 2 * 16 + 16 + 80);
    match(image.description, /a \[2, 2\] array, 16 pixel\(s\) per value, values from 0 to 3/);
  });

  await t.step("draws a large matrix at one pixel per value, under 1 MB", () => {
    const big = Array.from(
      { length: 784 },
      (_, r) => Array.from({ length: 512 }, (_, c) => Math.sin(r * c)),
    );
    const image = matrixImage(big, { colormap: "diverging" });
    assertBundle(image, IMAGE_KEYS);
    ok(image.png.length < 900_000, `${image.png.length} bytes`);
  });

  await t.step("throws TypeError naming the shape when not 2-D", () => {
    throws(() => matrixImage([1, 2, 3] as never), /values must be 2-D.*values has shape \[3\]/);
  });

  await t.step("throws RangeError for an unknown colour map", () => {
    throws(() => matrixImage([[1]], { colormap: "rainbow" as never }), RangeError);
  });
});
