// The notebooks' anatomy (STYLE.md section 8) that a script can count: the assertions that keep the
// text and the numbers in step stay out of the reader's way. A code cell the reader sees is at most
// a third assertion lines; a cell of assertions alone is collapsed (its code hidden in JupyterLab
// and Notebook 7, `"jupyter": {"source_hidden": true}`). JupyterLab still shows a collapsed cell's
// first line, so a comment there ("// Check: the loss is 2.5") tells the reader what it checks.
import { deepStrictEqual, ok } from "./_helpers.ts";

const NOTEBOOKS = new URL("../notebooks/", import.meta.url);

/** A statement that asserts: `ok(...)`, and the other `node:assert` calls should one appear. */
const ASSERTION = /^(ok|assert|equal|strictEqual|deepStrictEqual|throws)\(/;

interface Cell {
  cell_type: string;
  source: string[] | string;
  metadata: { jupyter?: { source_hidden?: boolean }; tags?: string[] };
}

/** Non-blank lines of a cell, and how many of them belong to assertion statements. */
function countAssertionLines(source: string): { lines: number; assertionLines: number } {
  const lines = source.split("\n").filter((line) => line.trim() !== "");
  let assertionLines = 0;
  let depth = 0; // open parentheses of the assertion being read
  for (const line of lines) {
    const trimmed = line.trim();
    if (depth === 0 && !ASSERTION.test(trimmed)) continue;
    assertionLines++;
    for (const ch of trimmed) {
      if (ch === "(") depth++;
      else if (ch === ")") depth--;
    }
    depth = Math.max(depth, 0);
  }
  return { lines: lines.length, assertionLines };
}

function notebookPaths(): string[] {
  const paths: string[] = [];
  const walk = (dir: URL) => {
    for (const entry of Deno.readDirSync(dir)) {
      if (entry.isDirectory && !entry.name.startsWith(".")) walk(new URL(`${entry.name}/`, dir));
      else if (entry.isFile && entry.name.endsWith(".ipynb")) {
        paths.push(new URL(entry.name, dir).pathname);
      }
    }
  };
  walk(NOTEBOOKS);
  return paths.sort();
}

function cellsOf(path: string): Cell[] {
  return (JSON.parse(Deno.readTextFileSync(path)) as { cells: Cell[] }).cells;
}

function textOf(cell: Cell): string {
  return Array.isArray(cell.source) ? cell.source.join("") : cell.source;
}

function where(path: string, index: number, source: string): string {
  const first = source.split("\n").find((l) => l.trim() !== "") ?? "";
  return `${path.slice(path.lastIndexOf("/notebooks/") + 1)} cell ${index + 1} (${
    JSON.stringify(first.slice(0, 50))
  })`;
}

Deno.test("countAssertionLines()", async (t) => {
  await t.step("counts every line of a multi-line ok(...) and no other line", () => {
    const source = "const a = 1;\n\nok(\n  a === 1,\n  `a is ${a} (not 1)`,\n);\nconsole.log(a);";
    deepStrictEqual(countAssertionLines(source), { lines: 6, assertionLines: 4 });
  });
  await t.step("does not count a line that only mentions ok", () => {
    deepStrictEqual(countAssertionLines("const okay = 1; // ok(x)\nlook(okay);"), {
      lines: 2,
      assertionLines: 0,
    });
  });
});

Deno.test("no code cell a reader sees is more than a third assertion lines", () => {
  const offenders: string[] = [];
  for (const path of notebookPaths()) {
    cellsOf(path).forEach((cell, index) => {
      if (cell.cell_type !== "code" || cell.metadata.jupyter?.source_hidden) return;
      const source = textOf(cell);
      const { lines, assertionLines } = countAssertionLines(source);
      if (3 * assertionLines > lines) {
        offenders.push(
          `${where(path, index, source)}: ${assertionLines} of ${lines} lines are assertions`,
        );
      }
    });
  }
  ok(
    offenders.length === 0,
    `Move these assertions to the end of the cell that computes the number, or into a cell of ` +
      `their own with "jupyter": {"source_hidden": true} (percent form: ` +
      `// %% tags=["no-output"] jupyter={"source_hidden": true}):\n  ${offenders.join("\n  ")}`,
  );
});

Deno.test("a collapsed code cell holds assertions", () => {
  const offenders: string[] = [];
  for (const path of notebookPaths()) {
    cellsOf(path).forEach((cell, index) => {
      if (cell.cell_type !== "code" || !cell.metadata.jupyter?.source_hidden) return;
      const source = textOf(cell);
      if (countAssertionLines(source).assertionLines === 0) {
        offenders.push(`${where(path, index, source)}: collapsed, but asserts nothing`);
      }
    });
  }
  ok(
    offenders.length === 0,
    `Collapse only the plumbing; a reader must see the code that teaches:\n  ${
      offenders.join("\n  ")
    }`,
  );
});
