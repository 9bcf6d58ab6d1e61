// lib/ is read file by file, so no two of its files may import each other, directly or through
// others (type-only imports included): tensor.ts and autograd/backward.ts once did.
import { assert } from "./_helpers.ts";

const lib = new URL("../lib/", import.meta.url);

/** Every .ts file under `dir`, as URLs. */
function tsFiles(dir: URL): URL[] {
  const out: URL[] = [];
  for (const entry of Deno.readDirSync(dir)) {
    if (entry.isDirectory) out.push(...tsFiles(new URL(`${entry.name}/`, dir)));
    else if (entry.name.endsWith(".ts")) out.push(new URL(entry.name, dir));
  }
  return out;
}

/** The relative imports and re-exports of a file, resolved to URLs' hrefs. */
function importsOf(file: URL): string[] {
  const source = Deno.readTextFileSync(file);
  const specifiers = source.matchAll(/^(?:import|export)\b[^;]*?["'](\.{1,2}\/[^"']+)["']/gm);
  return [...specifiers].map((m) => new URL(m[1]!, file).href);
}

/** A cycle in the import graph, as a list of files, or null. */
function findCycle(graph: Map<string, string[]>): string[] | null {
  const state = new Map<string, "open" | "done">();
  const path: string[] = [];
  const visit = (node: string): string[] | null => {
    state.set(node, "open");
    path.push(node);
    for (const next of graph.get(node) ?? []) {
      if (state.get(next) === "open") return [...path.slice(path.indexOf(next)), next];
      if (state.get(next) === undefined && graph.has(next)) {
        const cycle = visit(next);
        if (cycle !== null) return cycle;
      }
    }
    path.pop();
    state.set(node, "done");
    return null;
  };
  for (const node of graph.keys()) {
    if (state.get(node) !== undefined) continue;
    const cycle = visit(node);
    if (cycle !== null) return cycle;
  }
  return null;
}

Deno.test("lib/ has no import cycle", () => {
  const graph = new Map(tsFiles(lib).map((file) => [file.href, importsOf(file)]));
  assert.ok(graph.size > 50, `only ${graph.size} files found`);
  const cycle = findCycle(graph);
  assert.strictEqual(
    cycle,
    null,
    `import cycle: ${cycle?.map((f) => f.slice(lib.href.length)).join(" -> ")}`,
  );
});

Deno.test("lib/ imports nothing of the course: notebooks/course/ may use lib/, never the reverse", () => {
  for (const file of tsFiles(lib)) {
    const source = Deno.readTextFileSync(file);
    const specifiers = [...source.matchAll(/(?:\bfrom|^import)\s*["']([^"']+)["']/gm)].map((m) =>
      m[1]!
    );
    const outside = specifiers.filter((s) =>
      s.startsWith("@course/") || s.startsWith("@checks/") ||
      (s.startsWith(".") && !new URL(s, file).href.startsWith(lib.href))
    );
    assert.deepStrictEqual(
      outside,
      [],
      `${file.href.slice(lib.href.length)} imports from outside lib/`,
    );
  }
});
