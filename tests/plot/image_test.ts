import { strictEqual } from "../_helpers.ts";
import { digitImage, ImageDisplay } from "../../lib/plot/mod.ts";
import { assertBundle, IMAGE_KEYS, match } from "./_bundle.ts";

Deno.test("ImageDisplay", async (t) => {
  await t.step("bundles PNG (base64) and text", () => {
    const image = digitImage(new Uint8Array(784));
    const bundle = assertBundle(image, IMAGE_KEYS);
    strictEqual(typeof bundle["image/png"], "string");
    strictEqual(image instanceof ImageDisplay, true);
  });

  await t.step("gives a data: URL for HTML", () => {
    match(digitImage(new Uint8Array(784)).toDataUrl(), /^data:image\/png;base64,iVBORw0KGgo/);
  });
});
