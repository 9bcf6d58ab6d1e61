import { DISPLAY, type Displayable, type MimeBundle, toBase64 } from "./_display.ts";

/** Options of {@linkcode ImageDisplay}. */
export interface ImageDisplayOptions {
  /** Width in pixels. */
  width: number;
  /** Height in pixels. */
  height: number;
  /** One sentence saying what the picture shows (the output's `text/plain`). */
  description: string;
}

/**
 * A PNG picture that displays itself in a notebook, as `image/png` plus a `text/plain`
 * description. PNG shows in every front end, also in a notebook opened untrusted. The image
 * builders (`digitImage`, `digitGrid`, `weightTiles`, `graphImage`, `networkDiagram`) and the
 * training view return one.
 *
 * Shown in `notebooks/99_plot_gallery.ipynb`.
 *
 * @example Usage
 * ```ts
 * import { ImageDisplay } from "./image.ts";
 * import { mimeBundle } from "./display.ts";
 * import { strictEqual } from "node:assert/strict";
 *
 * const png = new Uint8Array([137, 80, 78, 71, 13, 10, 26, 10]); // a PNG signature, for show
 * const image = new ImageDisplay(png, { width: 1, height: 1, description: "A dot" });
 * strictEqual(mimeBundle(image)["text/plain"], "A dot");
 * ```
 */
export class ImageDisplay implements Displayable {
  /** The PNG bytes. */
  readonly png: Uint8Array;
  /** Width in pixels. */
  readonly width: number;
  /** Height in pixels. */
  readonly height: number;
  /** What the picture shows, in one sentence. */
  description: string;

  /**
   * Wraps PNG bytes.
   *
   * @param png PNG bytes
   * @param options Size and description
   */
  constructor(png: Uint8Array, options: ImageDisplayOptions) {
    this.png = png;
    this.width = options.width;
    this.height = options.height;
    this.description = options.description;
  }

  /**
   * The MIME bundle: `image/png` (base64) and `text/plain`.
   *
   * @returns A MIME bundle
   */
  [DISPLAY](): MimeBundle {
    return { "image/png": toBase64(this.png), "text/plain": this.description };
  }
}
