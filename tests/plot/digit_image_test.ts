import { strictEqual, throws } from "../_helpers.ts";
import { digitImage } from "../../lib/plot/mod.ts";
import { assertBundle, fakeTensor, IMAGE_KEYS, match } from "./_bundle.ts";

Deno.test("digitImage()", async (t) => {
  await t.step("scales a 28 × 28 digit up with a caption", () => {
    const image = digitImage(new Uint8Array(784).fill(255), { scale: 4, label: 7 });
    assertBundle(image, IMAGE_KEYS);
    strictEqual(image.width, 28 * 4 + 12); // 6 pixels of margin each side
    strictEqual(image.height, 28 * 4 + 12 + 18); // and a row for the caption
    match(image.description, /28 × 28 \(7\): 784 of 784 pixels are more than half ink/);
  });

  await t.step("reads [28, 28], [1, 784] and floats in 0-1", () => {
    const rows = Array.from({ length: 28 }, () => new Array(28).fill(0.9));
    match(digitImage(rows).description, /784 of 784/);
    match(digitImage(fakeTensor(new Array(784).fill(0), [1, 784])).description, /0 of 784/);
  });

  await t.step("draws other sizes with shape", () => {
    strictEqual(digitImage(new Array(64).fill(1), { shape: [8, 8], scale: 10 }).width, 92);
  });

  await t.step("throws TypeError naming both shapes for a wrong size", () => {
    throws(() => digitImage(new Uint8Array(783)), {
      name: "TypeError",
      message:
        "Cannot draw digit as pixels must have shape [28, 28] or [784]: pixels has shape [783]",
    });
    throws(() => digitImage([[1, 2], [3, 4]]), /pixels has shape \[2, 2\]/);
  });
});
