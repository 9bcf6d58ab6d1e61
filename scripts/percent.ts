/**
 * Converts between a notebook (`.ipynb`) and a "percent" TypeScript file, the text form the course
 * notebooks are written in:
 *
 * ```text
 * // %% [markdown]
 * // # 01 · One neuron
 * // Some *markdown*.
 *
 * // %% tags=["no-output"]
 * import { tensor } from "@lib/mod.ts";
 *
 * // %%
 * tensor([1, 2, 3]);
 * ```
 *
 * The `.ipynb` is what the repository keeps; the percent form is for writing and reviewing.
 *
 *     deno run -A scripts/percent.ts to-ipynb notebook.ts notebooks/01_single_neuron.ipynb
 *     deno run -A scripts/percent.ts from-ipynb notebooks/01_single_neuron.ipynb notebook.ts
 *
 *     deno run -A scripts/percent.ts format notebooks/01_single_neuron.ipynb
 *
 * `to-ipynb` writes the notebook without outputs, with the course kernel in its metadata, and
 * formats it with `deno fmt`; `format` formats notebooks in place. (deno.json leaves notebooks out
 * of `deno fmt`, because Deno 2.9.6's `deno fmt --check` reports every notebook with cells as
 * unformatted when its cache is cold; {@linkcode formatNotebookText} formats through stdin, with the
 * repository's settings, and `tests/notebooks_test.ts` checks the committed notebooks with it.)
 *
 * A cell marker may carry cell metadata as `key=JSON` pairs, as Jupytext writes them:
 * `tags=["no-output"]` (the notebook test's tag for a cell that shows nothing),
 * `jupyter={"source_hidden": true}` (the cell's code starts collapsed in JupyterLab and Notebook 7)
 * and, in the Chinese edition, `translates={"id": "cell-05", "sha256": "..."}` (the English cell a
 * cell translates: `scripts/translation.ts`).
 *
 * ```text
 * // %% tags=["no-output"] jupyter={"source_hidden": true}
 * ok(loss0 === 2.5);
 * ```
 *
 * @module
 */

/** The kernel every course notebook runs on (written by `kernel/install.ts`). */
export const COURSE_KERNELSPEC = {
  name: "deno-course",
  display_name: "Deno (course)",
  language: "typescript",
} as const;

/** The cell metadata the percent form carries. */
export interface CellMetadata {
  /** Cell tags (`"no-output"`: the cell shows nothing on purpose). */
  tags?: string[];
  /** Front-end state: `source_hidden` collapses the cell's code (JupyterLab, Notebook 7). */
  jupyter?: { source_hidden?: boolean; outputs_hidden?: boolean };
  /** In `notebooks/zh/`: the English cell this cell translates, and that cell's hash (`scripts/translation.ts`). */
  translates?: { id: string; sha256: string };
}

/** One notebook cell, as nbformat 4 stores it (outputs left out). */
export interface NotebookCell {
  cell_type: "markdown" | "code";
  id: string;
  metadata: CellMetadata;
  source: string[];
  execution_count?: null;
  outputs?: unknown[];
}

/** A notebook, as nbformat 4 stores it. */
export interface Notebook {
  cells: NotebookCell[];
  metadata: Record<string, unknown>;
  nbformat: number;
  nbformat_minor: number;
}

const MARKER = /^\/\/ %%(?<markdown> \[markdown\])?(?<rest>(?: .*)?)$/;

/** Reads the `key=JSON` pairs after a cell marker: `tags=[...]` and `jupyter={...}`. */
function parseMetadata(rest: string, line: string): CellMetadata {
  const metadata: CellMetadata = {};
  const pairs = rest.trim() === "" ? [] : rest.trim().split(/\s+(?=[a-z_]+=)/);
  for (const pair of pairs) {
    const eq = pair.indexOf("=");
    const key = pair.slice(0, eq);
    let value: unknown;
    try {
      value = eq > 0 ? JSON.parse(pair.slice(eq + 1)) : undefined;
    } catch {
      value = undefined;
    }
    if (key === "tags" && Array.isArray(value) && value.every((t) => typeof t === "string")) {
      metadata.tags = value;
    } else if (key === "jupyter" && typeof value === "object" && value !== null) {
      metadata.jupyter = value as CellMetadata["jupyter"] & object;
    } else if (
      key === "translates" && typeof value === "object" && value !== null &&
      typeof (value as { id?: unknown }).id === "string" &&
      typeof (value as { sha256?: unknown }).sha256 === "string"
    ) {
      const { id, sha256 } = value as { id: string; sha256: string };
      metadata.translates = { id, sha256 };
    } else {
      throw new TypeError(
        `Cannot read cell marker as its metadata must be tags=[...], jupyter={...} or translates={"id": ..., "sha256": ...} in JSON: found "${line}"`,
      );
    }
  }
  return metadata;
}

/** Splits a cell's text into nbformat's list of lines, each but the last ending in "\n". */
function toSourceLines(text: string): string[] {
  if (text === "") return [];
  const lines = text.split("\n");
  return lines.map((line, i) => (i < lines.length - 1 ? line + "\n" : line));
}

/** Drops blank lines at both ends of a cell. */
function trimBlankLines(lines: string[]): string[] {
  let start = 0;
  let end = lines.length;
  while (start < end && lines[start]!.trim() === "") start++;
  while (end > start && lines[end - 1]!.trim() === "") end--;
  return lines.slice(start, end);
}

/**
 * Parses a percent-format file into a notebook without outputs.
 *
 * @param text The percent-format source
 * @returns The notebook, ready to be written as JSON
 */
export function percentToNotebook(text: string): Notebook {
  const cells: NotebookCell[] = [];
  let current: { markdown: boolean; metadata: CellMetadata; lines: string[] } | null = null;
  const flush = () => {
    if (current === null) return;
    let lines = trimBlankLines(current.lines);
    if (current.markdown) {
      lines = lines.map((line) => {
        if (line.startsWith("// ")) return line.slice(3);
        if (line.startsWith("//")) return line.slice(2);
        throw new TypeError(
          `Cannot read markdown cell ${
            cells.length + 1
          } as every line must start with "//": found "${line}"`,
        );
      });
    }
    const cell: NotebookCell = {
      cell_type: current.markdown ? "markdown" : "code",
      id: `cell-${String(cells.length + 1).padStart(2, "0")}`,
      metadata: current.metadata,
      source: toSourceLines(lines.join("\n")),
    };
    if (!current.markdown) {
      cell.execution_count = null;
      cell.outputs = [];
    }
    cells.push(cell);
  };
  for (const line of text.split("\n")) {
    const marker = MARKER.exec(line);
    if (marker) {
      flush();
      const metadata = parseMetadata(marker.groups?.rest ?? "", line);
      current = { markdown: marker.groups?.markdown !== undefined, metadata, lines: [] };
    } else if (current === null) {
      if (line.trim() !== "") {
        throw new TypeError(
          `Cannot read percent file as it must start with a "// %%" cell marker: found "${line}"`,
        );
      }
    } else {
      current.lines.push(line);
    }
  }
  flush();
  return {
    cells,
    metadata: {
      kernelspec: { ...COURSE_KERNELSPEC },
      language_info: { name: "typescript", file_extension: ".ts" },
    },
    nbformat: 4,
    nbformat_minor: 5,
  };
}

/**
 * Writes a notebook back in percent format.
 *
 * @param notebook A parsed `.ipynb`
 * @returns The percent-format text
 */
export function notebookToPercent(notebook: Notebook): string {
  const parts = notebook.cells.map((cell) => {
    const source = cell.source.join("");
    const { tags: tagList, jupyter, translates } = cell.metadata;
    const tags = (tagList?.length ? ` tags=${JSON.stringify(tagList)}` : "") +
      (jupyter && Object.keys(jupyter).length ? ` jupyter=${JSON.stringify(jupyter)}` : "") +
      (translates ? ` translates=${JSON.stringify(translates)}` : "");
    if (cell.cell_type === "markdown") {
      const body = source.split("\n").map((line) => (line === "" ? "//" : `// ${line}`));
      return [`// %% [markdown]${tags}`, ...body].join("\n");
    }
    return [`// %%${tags}`, source].join("\n");
  });
  return parts.join("\n\n") + "\n";
}

/**
 * What `deno fmt` makes of a notebook's text, with the repository's settings (read through stdin).
 *
 * @param text A notebook's JSON text
 * @returns The formatted text
 * @throws {Error} With deno fmt's message, if it cannot format the text
 */
export async function formatNotebookText(text: string): Promise<string> {
  const child = new Deno.Command(Deno.execPath(), {
    args: ["fmt", "--ext=ipynb", "-"],
    cwd: new URL("../", import.meta.url),
    stdin: "piped",
    stdout: "piped",
    stderr: "piped",
  }).spawn();
  const writer = child.stdin.getWriter();
  await writer.write(new TextEncoder().encode(text));
  await writer.close();
  const { success, stdout, stderr } = await child.output();
  if (!success) throw new Error(`deno fmt failed: ${new TextDecoder().decode(stderr)}`);
  return new TextDecoder().decode(stdout);
}

async function main(args: string[]): Promise<void> {
  const [command, from, to] = args;
  if (command === "format" && from) {
    for (const path of args.slice(1)) {
      await Deno.writeTextFile(path, await formatNotebookText(await Deno.readTextFile(path)));
      console.log(`Formatted ${path}`);
    }
    return;
  }
  if ((command !== "to-ipynb" && command !== "from-ipynb") || !from || !to) {
    console.error(
      "Usage: deno run -A scripts/percent.ts to-ipynb SRC.ts DEST.ipynb\n" +
        "       deno run -A scripts/percent.ts from-ipynb SRC.ipynb DEST.ts\n" +
        "       deno run -A scripts/percent.ts format NOTEBOOK.ipynb...",
    );
    Deno.exit(2);
  }
  if (command === "to-ipynb") {
    const notebook = percentToNotebook(await Deno.readTextFile(from));
    await Deno.writeTextFile(
      to,
      await formatNotebookText(JSON.stringify(notebook, null, 1) + "\n"),
    );
    console.log(`Wrote ${to}: ${notebook.cells.length} cells`);
  } else {
    const notebook = JSON.parse(await Deno.readTextFile(from)) as Notebook;
    await Deno.writeTextFile(to, notebookToPercent(notebook));
    console.log(`Wrote ${to}: ${notebook.cells.length} cells`);
  }
}

if (import.meta.main) await main(Deno.args);
