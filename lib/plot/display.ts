/**
 * The symbol the Deno kernel looks for on a cell's last value: `Symbol.for("Jupyter.display")`.
 * An object with a method under this key displays as the MIME bundle the method returns.
 */
export const JUPYTER_DISPLAY: unique symbol = Symbol.for("Jupyter.display");

/**
 * A Jupyter MIME bundle: one representation per MIME type, the front end picks the richest it
 * can draw.
 */
export type MimeBundle = Record<string, unknown>;

/**
 * Anything a notebook cell can end with to show a plot, an image or a table: the Deno kernel calls
 * its `[Symbol.for("Jupyter.display")]()` method and sends the MIME bundle it returns.
 */
export interface Displayable {
  /** The MIME bundle the kernel sends to the front end. */
  [JUPYTER_DISPLAY](): MimeBundle;
}

/**
 * The MIME bundle a displayable object hands the Deno kernel: what a notebook cell ending with
 * it shows. For tests and for sending it yourself with `Deno.jupyter.display(bundle, { raw: true })`.
 *
 * @param x A plot, picture, table or training view
 * @returns Its MIME bundle (`{ "text/plain": ..., "image/png": ... }`)
 *
 * @example The parts of a line plot
 * ```ts
 * import { mimeBundle } from "./display.ts";
 * import { linePlot } from "./line_plot.ts";
 * import { deepStrictEqual } from "node:assert/strict";
 *
 * const bundle = mimeBundle(linePlot([1, 4, 9]));
 * deepStrictEqual(Object.keys(bundle), ["application/vnd.plotly.v1+json", "text/html", "text/plain"]);
 * ```
 */
export function mimeBundle(x: Displayable): MimeBundle {
  return x[JUPYTER_DISPLAY]();
}

/** The options `Deno.jupyter.display` is called with for a raw MIME bundle. */
export interface JupyterDisplayOptions {
  /** Always `true`: the bundle is sent as is. */
  raw: true;
  /** Names the output, so that later calls can replace it. */
  display_id?: string;
  /** Replace the output named by `display_id` instead of adding one. */
  update?: boolean;
}

/** A function that sends a MIME bundle to the front end, as `Deno.jupyter.display` does. */
export type JupyterDisplay = (bundle: MimeBundle, options: JupyterDisplayOptions) => Promise<void>;
