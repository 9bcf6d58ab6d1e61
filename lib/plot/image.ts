import { checkOptions } from "../_check.ts";
import {
  DISPLAY,
  type Displayable,
  MAX_BUNDLE_BYTES,
  type MimeBundle,
  toBase64,
  tooLarge,
} from "./_display.ts";

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
 * builders (`digitGrid`, `weightTiles`, and the course's `graphImage` and `networkDiagram`) and
 * the training view return one.
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
   * @throws {TypeError} When an option is unknown
   */
  constructor(png: Uint8Array, options: ImageDisplayOptions) {
    checkOptions("create image", options, ["width", "height", "description"]);
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

/**
 * HTML with a plain-text twin that displays itself in a notebook: what {@linkcode table} and
 * {@linkcode numberGrid} return. The HTML needs no script or style sheet, so it shows untrusted
 * too; one too large for an output is replaced by a sentence saying so.
 *
 * @example Usage
 * ```ts
 * import { HtmlDisplay } from "./image.ts";
 * import { mimeBundle } from "./display.ts";
 * import { deepStrictEqual } from "node:assert/strict";
 *
 * const shown = new HtmlDisplay("<b>hi</b>", "hi");
 * deepStrictEqual(mimeBundle(shown), { "text/html": "<b>hi</b>", "text/plain": "hi" });
 * ```
 */
export class HtmlDisplay implements Displayable {
  /** The HTML fragment. */
  readonly html: string;
  /** The same as plain text. */
  readonly text: string;

  /**
   * Wraps HTML and its text twin.
   *
   * @param html An HTML fragment
   * @param text The same as plain text
   */
  constructor(html: string, text: string) {
    this.html = html;
    this.text = text;
  }

  /**
   * The MIME bundle: `text/html` and `text/plain`.
   *
   * @returns A MIME bundle
   */
  [DISPLAY](): MimeBundle {
    const bytes = this.html.length + this.text.length;
    if (bytes <= MAX_BUNDLE_BYTES) return { "text/html": this.html, "text/plain": this.text };
    return tooLarge("this HTML", bytes, "Show fewer rows or columns, or shorten the cells");
  }
}
