/**
 * Compiles the AssemblyScript kernels (`lib/kernels/assembly/gemm.ts` and `optim.ts`) into the two
 * WebAssembly binaries that `lib/kernels/gemm_wasm.ts` loads:
 *
 * - `lib/kernels/gemm_relaxed.wasm`: SIMD with relaxed-SIMD fused multiply-add,
 * - `lib/kernels/gemm_simd.wasm`: plain SIMD, for engines without relaxed SIMD.
 *
 * Both import one shared memory (`env.memory`), so several threads can run the same kernels
 * on the same data. The binaries are committed, so a fresh clone needs no build step;
 * `tests/kernels/wasm_build_test.ts` rebuilds them and fails when they differ from the source.
 *
 * Usage: `deno run -A scripts/build_wasm.ts` (or `deno task build:wasm`).
 *
 * @module
 */

import asc from "assemblyscript/asc";

/** One binary to build: its file name in `lib/kernels/` and the features it may use. */
export interface WasmTarget {
  /** File name inside `lib/kernels/`. */
  file: string;
  /** `--enable` flags given to the compiler. */
  features: string[];
}

/** The binaries the kernels ship, and the features each one uses. */
export const WASM_TARGETS: readonly WasmTarget[] = [
  { file: "gemm_relaxed.wasm", features: ["simd", "relaxed-simd", "threads"] },
  { file: "gemm_simd.wasm", features: ["simd", "threads"] },
];

/** Largest memory the kernels may grow to, in 64 KiB pages (2 GiB). */
export const WASM_MAXIMUM_PAGES = 32768;

const ROOT = new URL("../", import.meta.url);
/** The AssemblyScript files compiled together; each one's exports are the module's exports. */
const SOURCES = ["lib/kernels/assembly/gemm.ts", "lib/kernels/assembly/optim.ts"];
const SOURCE_DIR = "lib/kernels/assembly/";

/**
 * Compiles the kernel source for one target and returns the binary's bytes.
 *
 * @param target Which binary to build
 * @returns The WebAssembly binary
 *
 * @example Usage
 * ```ts ignore
 * import { compileWasm, WASM_TARGETS } from "./build_wasm.ts";
 * const bytes = await compileWasm(WASM_TARGETS[0]!);
 * ```
 */
export async function compileWasm(target: WasmTarget): Promise<Uint8Array> {
  const args = compilerArgs(target);
  let binary: Uint8Array | null = null;
  const errors: string[] = [];
  const result = await asc.main(args, {
    readFile(name: string, baseDir: string): string | null {
      try {
        return Deno.readTextFileSync(new URL(`${baseDir}/${name}`.replace(/^\.\//, ""), ROOT));
      } catch {
        return null;
      }
    },
    writeFile(name: string, contents: Uint8Array | string): void {
      if (name.endsWith(target.file) && contents instanceof Uint8Array) binary = contents;
    },
    listFiles(): string[] {
      return [];
    },
    stderr: {
      write(chunk: Uint8Array | string): number {
        errors.push(typeof chunk === "string" ? chunk : new TextDecoder().decode(chunk));
        return chunk.length;
      },
    },
  });
  if (result.error !== null || binary === null) {
    throw new Error(
      `Cannot compile ${SOURCES.join(", ")} for ${target.file}: ${result.error ?? "no output"}\n${
        errors.join("")
      }`,
    );
  }
  return appendCustomSection(binary, SOURCE_HASH_SECTION, await sourceHash(target));
}

/** The compiler's arguments for one target. */
function compilerArgs(target: WasmTarget): string[] {
  return [
    ...SOURCES,
    "--optimizeLevel",
    "3",
    "--shrinkLevel",
    "0",
    "--noAssert",
    "--runtime",
    "stub",
    "--importMemory",
    "--sharedMemory",
    "--initialMemory",
    "1",
    "--maximumMemory",
    String(WASM_MAXIMUM_PAGES),
    ...target.features.flatMap((feature) => ["--enable", feature]),
    "--outFile",
    target.file,
  ];
}

/** Name of the custom section that records which source and flags a binary was built from. */
export const SOURCE_HASH_SECTION = "course-source-sha256";

/**
 * SHA-256 (hex) of the kernel sources (every `.ts` file in `lib/kernels/assembly/`) and the compiler's arguments for `target`: the build
 * stores it in the binary, and a test recomputes it to catch a source edited without a rebuild.
 *
 * @param target Which binary
 * @returns 64 hex digits
 *
 * @example Usage
 * ```ts ignore
 * import { sourceHash, WASM_TARGETS } from "./build_wasm.ts";
 * console.log(await sourceHash(WASM_TARGETS[0]!));
 * ```
 */
export async function sourceHash(target: WasmTarget): Promise<string> {
  let text = JSON.stringify(compilerArgs(target));
  const names = [...Deno.readDirSync(new URL(SOURCE_DIR, ROOT))]
    .map((entry) => entry.name)
    .filter((name) => name.endsWith(".ts"))
    .sort();
  for (const name of names) {
    text += `\n// ${name}\n${await Deno.readTextFile(new URL(SOURCE_DIR + name, ROOT))}`;
  }
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((x) => x.toString(16).padStart(2, "0")).join("");
}

/** Appends a custom section (id 0) named `name` holding `text` to a WebAssembly binary. */
function appendCustomSection(binary: Uint8Array, name: string, text: string): Uint8Array {
  const nameBytes = new TextEncoder().encode(name);
  const payload = new TextEncoder().encode(text);
  const body = [...leb128(nameBytes.length), ...nameBytes, ...payload];
  const section = [0, ...leb128(body.length), ...body];
  const out = new Uint8Array(binary.length + section.length);
  out.set(binary);
  out.set(section, binary.length);
  return out;
}

/** Unsigned LEB128 encoding of a non-negative integer. */
function leb128(value: number): number[] {
  const out: number[] = [];
  do {
    let byte = value & 0x7f;
    value >>>= 7;
    if (value !== 0) byte |= 0x80;
    out.push(byte);
  } while (value !== 0);
  return out;
}

if (import.meta.main) {
  for (const target of WASM_TARGETS) {
    const bytes = await compileWasm(target);
    const out = new URL(`lib/kernels/${target.file}`, ROOT);
    Deno.writeFileSync(out, bytes);
    console.log(`wrote lib/kernels/${target.file} (${bytes.length} bytes)`);
  }
}
