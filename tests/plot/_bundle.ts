// Checks shared by the plot tests: what every MIME bundle must hold.
import { Buffer } from "node:buffer";
import { createCanvas, Image } from "@napi-rs/canvas";
import { deepStrictEqual, ok } from "../_helpers.ts";
import { type Displayable, type MimeBundle, mimeBundle } from "../../lib/plot/mod.ts";

/** The kernel loses or misroutes outputs of about 2 MB; the library keeps each under this. */
export const MAX_OUTPUT_BYTES = 900_000;

/** The first eight bytes of every PNG file. */
export const PNG_SIGNATURE = [137, 80, 78, 71, 13, 10, 26, 10];

/** Size of a bundle as the kernel sends it (JSON). */
export function bundleBytes(bundle: MimeBundle): number {
  return new TextEncoder().encode(JSON.stringify(bundle)).length;
}

/** Decodes base64 PNG data and checks its signature. */
export function assertPng(base64: unknown): Uint8Array {
  ok(typeof base64 === "string" && base64.length > 0, "image/png must be a base64 string");
  const bytes = new Uint8Array(Buffer.from(base64, "base64"));
  deepStrictEqual(
    [...bytes.subarray(0, 8)],
    PNG_SIGNATURE,
    "image/png must start with the PNG signature",
  );
  return bytes;
}

/**
 * Checks a displayable's bundle: exactly the given MIME keys, a non-empty text/plain, PNG data
 * that is PNG, under the size limit. Returns the bundle.
 */
export function assertBundle(x: Displayable, keys: string[]): MimeBundle {
  const bundle = mimeBundle(x);
  deepStrictEqual(Object.keys(bundle).sort(), [...keys].sort());
  ok(
    typeof bundle["text/plain"] === "string" && bundle["text/plain"].length > 0,
    "text/plain must say what it shows",
  );
  if ("image/png" in bundle) assertPng(bundle["image/png"]);
  const bytes = bundleBytes(bundle);
  ok(bytes < MAX_OUTPUT_BYTES, `bundle of ${bytes} bytes must stay under ${MAX_OUTPUT_BYTES}`);
  return bundle;
}

/** The MIME keys of a plotly figure's bundle. */
export const FIGURE_KEYS = ["application/vnd.plotly.v1+json", "text/html", "text/plain"];

/** The MIME keys of a picture's bundle. */
export const IMAGE_KEYS = ["image/png", "text/plain"];

/** Every number in a JSON value (deeply). */
export function numbersIn(value: unknown, out: number[] = []): number[] {
  if (typeof value === "number") out.push(value);
  else if (Array.isArray(value)) { for (const v of value) numbersIn(v, out); }
  else if (typeof value === "object" && value !== null) {
    for (const v of Object.values(value)) numbersIn(v, out);
  }
  return out;
}

/** A tensor look-alike: what `lib/plot` reads from a `Tensor` (shape, flat data, toArray). */
export function fakeTensor(data: number[], shape: number[]): {
  data: Float32Array;
  shape: number[];
  toArray(): unknown;
} {
  const flat = Float32Array.from(data);
  return {
    data: flat,
    shape,
    toArray() {
      const build = (offset: number, dims: number[]): unknown =>
        dims.length === 0 ? flat[offset] : Array.from(
          { length: dims[0]! },
          (_, i) => build(offset + i * dims.slice(1).reduce((a, b) => a * b, 1), dims.slice(1)),
        );
      return build(0, shape);
    },
  };
}

/** Fails unless `text` matches `pattern` (the message shows both). */
export function match(text: string, pattern: RegExp): void {
  ok(pattern.test(text), `expected ${JSON.stringify(text)} to match ${pattern}`);
}

/** The RGBA colour of pixel (x, y) of a PNG, channels 0-255. */
export function pixelAt(png: Uint8Array, x: number, y: number): [number, number, number, number] {
  const image = new Image();
  image.src = Buffer.from(png);
  const canvas = createCanvas(image.width, image.height);
  const ctx = canvas.getContext("2d");
  ctx.drawImage(image, 0, 0);
  return [...ctx.getImageData(x, y, 1, 1).data] as [number, number, number, number];
}

/** Fails unless pixel (x, y) of a PNG is within `tolerance` of an RGB colour (`#rrggbb`). */
export function assertPixel(png: Uint8Array, x: number, y: number, hex: string, tolerance = 8) {
  const want = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
  const got = pixelAt(png, x, y);
  ok(
    want.every((v, i) => Math.abs(v - got[i]!) <= tolerance),
    `pixel (${x}, ${y}) is rgb(${got.slice(0, 3).join(", ")}), expected ${hex}`,
  );
}

/** Fails unless some pixel of the box (left, top, width, height) is within 40 of a colour. */
export function assertSomePixel(
  png: Uint8Array,
  box: { x: number; y: number; w: number; h: number },
  hex: string,
  what: string,
): void {
  const image = new Image();
  image.src = Buffer.from(png);
  const ctx = createCanvas(image.width, image.height).getContext("2d");
  ctx.drawImage(image, 0, 0);
  const data = ctx.getImageData(box.x, box.y, box.w, box.h).data;
  const want = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
  let found = false;
  for (let i = 0; i < data.length && !found; i += 4) {
    found = want.every((v, c) => Math.abs(v - data[i + c]!) <= 40);
  }
  ok(found, `${what}: no pixel near ${hex} in ${JSON.stringify(box)}`);
}
