import { deepStrictEqual, equal, ok } from "../_helpers.ts";
import {
  compileWasm,
  SOURCE_HASH_SECTION,
  sourceHash,
  WASM_TARGETS,
  type WasmTarget,
} from "../../scripts/build_wasm.ts";

/** Each target compiled once for all the tests below. */
const builds = new Map<string, Promise<Uint8Array>>();
function build(target: WasmTarget): Promise<Uint8Array> {
  if (!builds.has(target.file)) builds.set(target.file, compileWasm(target));
  return builds.get(target.file)!;
}

function committed(file: string): Uint8Array<ArrayBuffer> {
  return Deno.readFileSync(new URL(`../../lib/kernels/${file}`, import.meta.url));
}

for (const target of WASM_TARGETS) {
  Deno.test(`${target.file}: records the hash of the current source (run deno task build:wasm after editing lib/kernels/assembly/)`, async () => {
    const module = new WebAssembly.Module(committed(target.file));
    const sections = WebAssembly.Module.customSections(module, SOURCE_HASH_SECTION);
    equal(sections.length, 1);
    equal(new TextDecoder().decode(sections[0]!), await sourceHash(target));
  });

  Deno.test(`${target.file}: is byte for byte what the compiler builds from the source`, async () => {
    const rebuilt = await build(target);
    const bytes = committed(target.file);
    ok(
      rebuilt.length === bytes.length && rebuilt.every((x, i) => x === bytes[i]),
      `lib/kernels/${target.file} differs from a fresh build: run deno task build:wasm`,
    );
  });
}

Deno.test("gemm_relaxed.wasm: uses relaxed SIMD and gemm_simd.wasm does not", async () => {
  // f32x4.relaxed_madd is 0xfd 0x85 0x02; the plain binary must validate without it.
  const relaxed = await build(WASM_TARGETS[0]!);
  const plain = await build(WASM_TARGETS[1]!);
  const has = (bytes: Uint8Array) =>
    bytes.some((x, i) => x === 0xfd && bytes[i + 1] === 0x85 && bytes[i + 2] === 0x02);
  deepStrictEqual([has(relaxed), has(plain)], [true, false]);
});
