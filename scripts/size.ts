/**
 * `deno task size`: lines of code in `lib/` (TypeScript, and the JavaScript that outputs run in
 * the browser), per folder, without blank lines, comments or JSDoc,
 * against the budget README.md states. The budget keeps the library small enough to read; raise
 * it on purpose, in the README and here together, never by accident.
 *
 * Exits 1 when the library is over budget.
 *
 * @module
 */

/** The most lines of code `lib/` may hold (README.md, "The library"). */
export const LINE_BUDGET = 9000;

/**
 * Counts the lines of code in TypeScript or JavaScript source: blank lines, `//` comments and block comments
 * (JSDoc included) do not count.
 *
 * @param source A TypeScript file's text
 * @returns The number of lines that hold code
 *
 * @example Usage
 * ```ts
 * import { countCodeLines } from "./size.ts";
 * import { equal } from "node:assert/strict";
 *
 * equal(countCodeLines("/** doc *\/\n// note\n\nconst x = 1; // why\n"), 1);
 * ```
 */
export function countCodeLines(source: string): number {
  let count = 0;
  let inBlock = false;
  for (const raw of source.split("\n")) {
    let line = raw.trim();
    if (inBlock) {
      const end = line.indexOf("*/");
      if (end === -1) continue;
      inBlock = false;
      line = line.slice(end + 2).trim();
    }
    if (line.startsWith("/*")) {
      if (!line.includes("*/")) inBlock = true;
      continue;
    }
    if (line === "" || line.startsWith("//")) continue;
    count++;
  }
  return count;
}

/** Whether a file holds code: TypeScript, or JavaScript (such as a page script of lib/plot). */
function isCode(name: string): boolean {
  return name.endsWith(".ts") || name.endsWith(".js");
}

function countFolder(path: string): number {
  let total = 0;
  for (const entry of Deno.readDirSync(path)) {
    const child = `${path}/${entry.name}`;
    if (entry.isDirectory) total += countFolder(child);
    else if (isCode(entry.name)) total += countCodeLines(Deno.readTextFileSync(child));
  }
  return total;
}

if (import.meta.main) {
  const lib = new URL("../lib", import.meta.url).pathname;
  const rows: [string, number][] = [];
  for (const entry of [...Deno.readDirSync(lib)].sort((a, b) => a.name.localeCompare(b.name))) {
    if (entry.isDirectory) rows.push([`lib/${entry.name}/`, countFolder(`${lib}/${entry.name}`)]);
    else if (isCode(entry.name)) {
      rows.push([
        `lib/${entry.name}`,
        countCodeLines(Deno.readTextFileSync(`${lib}/${entry.name}`)),
      ]);
    }
  }
  const total = rows.reduce((sum, [, n]) => sum + n, 0);
  for (const [name, n] of rows) console.log(`${name.padEnd(18)} ${String(n).padStart(6)}`);
  console.log(`${"total".padEnd(18)} ${String(total).padStart(6)}  (budget ${LINE_BUDGET})`);
  if (total > LINE_BUDGET) {
    console.error(`lib/ is over its line budget: ${total} > ${LINE_BUDGET} lines of code`);
    Deno.exit(1);
  }
}
