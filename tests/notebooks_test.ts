// Runs every notebook under notebooks/ top to bottom in the course kernel, through a real Jupyter
// client (tests/notebook_runner.py, built on nbclient), and checks the runner itself on fixtures.
import { deepStrictEqual as assertEquals, match as assertMatch, ok as assert } from "./_helpers.ts";
import { dirname } from "node:path";
import { coursePython } from "../scripts/python_env.ts";
import { EXECUTED_DIR } from "../scripts/book.ts";
import { formatNotebookText } from "../scripts/percent.ts";

const ROOT = new URL("../", import.meta.url);
const RUNNER = new URL("notebook_runner.py", import.meta.url).pathname;
const FIXTURES = new URL("fixtures/notebooks/", import.meta.url);

interface RunResult {
  code: number;
  output: string;
}

/** Runs one notebook with the runner; returns its exit code and everything it printed. */
async function runNotebook(path: string, extraArgs: string[] = []): Promise<RunResult> {
  const command = new Deno.Command(coursePython(), {
    args: [RUNNER, path, ...extraArgs],
    // The checkout's own kernelspec (in .venv/) before any in the user's Jupyter folder.
    env: { JUPYTER_PREFER_ENV_PATH: "1" },
    stdout: "piped",
    stderr: "piped",
  });
  const { code, stdout, stderr } = await command.output();
  const text = new TextDecoder();
  return { code, output: text.decode(stdout) + text.decode(stderr) };
}

/** Fails, with the command that fixes it, when Jupyter's client is missing. Never skips. */
async function requireJupyter(): Promise<void> {
  const python = coursePython();
  let ok = false;
  try {
    const probe = await new Deno.Command(python, {
      args: ["-c", "import nbclient, jupyter_client"],
      stdout: "null",
      stderr: "null",
    }).output();
    ok = probe.success;
  } catch {
    ok = false;
  }
  if (!ok) {
    throw new Error(
      `Cannot run the notebooks as Jupyter (nbclient) is not installed for ${python}.\n` +
        "Install it with:\n    deno task course --setup-only\n(or, with COURSE_JUPYTER=own: " +
        "python3 -m pip install -r requirements.txt), then run the tests again.",
    );
  }
}

/** Every notebook under `dir`, in reading order. */
function notebooksIn(dir: URL): string[] {
  const found: string[] = [];
  const walk = (path: string) => {
    for (const entry of Deno.readDirSync(path)) {
      const child = `${path}/${entry.name}`;
      if (entry.isDirectory && !entry.name.startsWith(".")) walk(child);
      else if (entry.isFile && entry.name.endsWith(".ipynb")) found.push(child);
    }
  };
  walk(dir.pathname.replace(/\/$/, ""));
  return found.sort();
}

Deno.test("notebook runner", async (t) => {
  await requireJupyter();

  await t.step(
    "names the notebook, the cell and the error when the third cell throws",
    async () => {
      const { code, output } = await runNotebook(`${FIXTURES.pathname}third_cell_throws.ipynb`);
      assertEquals(code, 1, output);
      assertMatch(
        output,
        /FAIL third_cell_throws\.ipynb: cell 3 .*raised RangeError: the third cell failed on purpose/,
      );
    },
  );

  await t.step("keeps an output that arrives after the cell reported idle", async () => {
    const saved = await Deno.makeTempFile({ suffix: ".ipynb" });
    try {
      const { code, output } = await runNotebook(`${FIXTURES.pathname}late_output.ipynb`, [
        "--save",
        saved,
      ]);
      assertEquals(code, 0, output);
      const notebook = JSON.parse(await Deno.readTextFile(saved));
      const texts = notebook.cells[1].outputs.map((o: { text?: string }) => o.text ?? "");
      assert(texts.join("").includes("late output arrived"), `outputs: ${JSON.stringify(texts)}`);
    } finally {
      await Deno.remove(saved);
    }
  });

  await t.step("fails a cell that shows nothing unless it is tagged no-output", async () => {
    const { code, output } = await runNotebook(`${FIXTURES.pathname}silent_cell.ipynb`);
    assertEquals(code, 1, output);
    assertMatch(output, /FAIL silent_cell\.ipynb: cell 2 .*showed no output/);
    assert(!output.includes("cell 3"), output);
  });

  await t.step(
    "names the wanted kernel and the installed ones when the kernel is unknown",
    async () => {
      const { code, output } = await runNotebook(`${FIXTURES.pathname}silent_cell.ipynb`, [
        "--kernel",
        "no-such-kernel",
      ]);
      assertEquals(code, 2, output);
      assertMatch(
        output,
        /kernel 'no-such-kernel' is not installed: the installed kernels are \[.*'deno-course'/,
      );
    },
  );
});

// `deno fmt --check` (Deno 2.9.6) reports every notebook with cells as unformatted when its cache
// is cold, even when `deno fmt` would write the same bytes; so deno.json leaves notebooks out of
// `deno fmt`, and this test compares each notebook with what `deno fmt` makes of it via stdin.
Deno.test("notebooks are committed formatted by deno fmt", async () => {
  const paths = [
    ...notebooksIn(new URL("notebooks/", ROOT)),
    ...notebooksIn(new URL("fixtures/notebooks/", import.meta.url)),
  ];
  for (const path of paths) {
    const text = await Deno.readTextFile(path);
    assert(
      text === await formatNotebookText(text),
      `${path} is not formatted: run deno run -A scripts/percent.ts format ${path}`,
    );
  }
});

Deno.test("notebooks are committed clean, on the course kernel", () => {
  for (const path of notebooksIn(new URL("notebooks/", ROOT))) {
    const notebook = JSON.parse(Deno.readTextFileSync(path));
    assertEquals(notebook.metadata.kernelspec?.name, "deno-course", `${path}: kernelspec`);
    for (const [index, cell] of notebook.cells.entries()) {
      if (cell.cell_type !== "code") continue;
      assertEquals(cell.outputs, [], `${path}: cell ${index + 1} has outputs; clear them`);
      assertEquals(cell.execution_count, null, `${path}: cell ${index + 1} has an execution count`);
    }
  }
});

Deno.test("every notebook runs top to bottom in the course kernel", async (t) => {
  await requireJupyter();
  const notebooks = notebooksIn(new URL("notebooks/", ROOT));
  assert(notebooks.length > 0, "no notebooks found under notebooks/");
  for (const path of notebooks) {
    const name = path.slice(path.lastIndexOf("/notebooks/") + 1);
    await t.step(name, async () => {
      // the executed copy, for the book (tests/book_test.ts, deno task book --reuse)
      const saved = new URL(`${EXECUTED_DIR}/${name}`, ROOT).pathname;
      await Deno.mkdir(dirname(saved), { recursive: true });
      await Deno.remove(saved).catch(() => {});
      const started = performance.now();
      const { code, output } = await runNotebook(path, ["--save", saved]);
      const seconds = ((performance.now() - started) / 1000).toFixed(1);
      console.log(`${name}: ${seconds} s`);
      assertEquals(code, 0, `${name} failed:\n${output}`);
    });
  }
});
