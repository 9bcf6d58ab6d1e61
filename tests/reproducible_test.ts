// Runs notebooks 01 and 06 twice each in the course kernel (tests/notebook_runner.py, nbclient)
// and compares every output of the two runs byte for byte: a notebook is data plus deterministic
// computation, so two top-to-bottom runs must show the same thing. The one exception is a cell
// tagged `time-dependent` (it shows wall-clock times, which no two runs share); the README lists
// the tag.
import { deepStrictEqual, ok } from "./_helpers.ts";
import { coursePython } from "../scripts/python_env.ts";

const RUNNER = new URL("notebook_runner.py", import.meta.url).pathname;
const NOTEBOOKS = new URL("../notebooks/", import.meta.url).pathname;
const TIME_DEPENDENT = "time-dependent";

interface Cell {
  cell_type: string;
  source: string | string[];
  metadata: { tags?: string[] };
  outputs?: unknown[];
}

/** Runs a notebook top to bottom and returns its cells, outputs included. */
async function run(notebook: string, out: string): Promise<Cell[]> {
  const { code, stdout, stderr } = await new Deno.Command(coursePython(), {
    args: [RUNNER, `${NOTEBOOKS}${notebook}`, "--save", out],
    stdout: "piped",
    stderr: "piped",
  }).output();
  const text = new TextDecoder();
  ok(code === 0, `${notebook} failed:\n${text.decode(stdout)}${text.decode(stderr)}`);
  return JSON.parse(await Deno.readTextFile(out)).cells;
}

/** The first line of a cell's source, for messages. */
function firstLine(cell: Cell): string {
  return [cell.source].flat().join("").split("\n")[0]!.slice(0, 70);
}

/** Where two texts first differ, with some context from each. */
function firstDifference(a: string, b: string): string {
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  return `at character ${i}: ${JSON.stringify(a.slice(Math.max(0, i - 60), i + 60))}\n` +
    `      second run: ${JSON.stringify(b.slice(Math.max(0, i - 60), i + 60))}`;
}

for (const notebook of ["01_single_neuron.ipynb", "06_batching.ipynb"]) {
  Deno.test(`${notebook} shows the same outputs on two runs, but in time-dependent cells`, async () => {
    const dir = await Deno.makeTempDir();
    try {
      const first = await run(notebook, `${dir}/first.ipynb`);
      const second = await run(notebook, `${dir}/second.ipynb`);
      deepStrictEqual(second.length, first.length);
      const differences: string[] = [];
      first.forEach((cell, i) => {
        if (cell.cell_type !== "code" || cell.metadata.tags?.includes(TIME_DEPENDENT)) return;
        const [a, b] = [JSON.stringify(cell.outputs), JSON.stringify(second[i]!.outputs)];
        if (a !== b) {
          differences.push(
            `cell ${i + 1} (${JSON.stringify(firstLine(cell))}) ${firstDifference(a, b)}`,
          );
        }
      });
      ok(
        differences.length === 0,
        `${notebook}: outputs differ between two runs (tag a cell "${TIME_DEPENDENT}" only if it ` +
          `shows wall-clock times):\n${differences.join("\n")}`,
      );
    } finally {
      await Deno.remove(dir, { recursive: true });
    }
  });
}
