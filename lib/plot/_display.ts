// Displayable objects: what the Deno kernel shows when a cell ends with one of them.
import { Buffer } from "node:buffer";

export { JUPYTER_DISPLAY as DISPLAY } from "./display.ts";
export type { Displayable, JupyterDisplay, JupyterDisplayOptions, MimeBundle } from "./display.ts";
export { escapeHtml } from "../tensor/format.ts";
import type { JupyterDisplay, MimeBundle } from "./display.ts";
import { escapeHtml } from "../tensor/format.ts";

/** Largest output the library sends in one bundle, in bytes (the kernel misroutes ~2 MB ones). */
export const MAX_BUNDLE_BYTES = 900_000;

/** Base64 of some bytes. */
export function toBase64(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("base64");
}

/** The bundle shown instead of an output that would be too large: what to do about it. */
export function tooLarge(what: string, bytes: number, advice: string): MimeBundle {
  const message = `Cannot show ${what} as an output must stay under ${
    MAX_BUNDLE_BYTES / 1000
  } kB: this one is ${Math.round(bytes / 1000)} kB. ${advice}`;
  return { "text/plain": message, "text/html": `<p><strong>${escapeHtml(message)}</strong></p>` };
}

/**
 * `Deno.jupyter.display` when running inside the Deno kernel, else `null`. Looked up on each call:
 * `Deno.jupyter` throws outside `deno jupyter`, so it is never touched at import time.
 */
export function jupyterDisplay(): JupyterDisplay | null {
  try {
    const jupyter = (Deno as unknown as { jupyter?: { display?: unknown } }).jupyter;
    const display = jupyter?.display;
    return typeof display === "function" ? (display as JupyterDisplay) : null;
  } catch {
    return null;
  }
}
