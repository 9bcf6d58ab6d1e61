/// <reference lib="dom" />
/**
 * `deno task shots NOTEBOOK OUT_DIR [options]`: screenshots of a notebook in JupyterLab 4, the way
 * a learner sees it, plus a report of what each cell showed.
 *
 * ```sh
 * deno task shots notebooks/01_single_neuron.ipynb /tmp/shots-01
 * deno task shots notebooks/03_activations.ipynb /tmp/shots-03 --save
 * deno task shots /tmp/shots-03/03_activations.ipynb /tmp/shots-03u --mode view --untrusted
 * ```
 *
 * What it does:
 * 1. starts a private JupyterLab server on 127.0.0.1 (a free port, a random token) at the
 *    repository root, as `deno task course` does, with private settings (Lab's windowing off, so
 *    every cell is rendered; autosave off) and a private workspace. The kernel is whatever
 *    kernelspec the notebook names, found by the checkout's `.venv/` Jupyter (`deno task course
 *    --setup-only` makes it), so each checkout runs its own kernel;
 * 2. opens a copy of the notebook, made in a hidden folder beside it (`.lab-shots-XXXX/`, removed
 *    at the end), so the notebook itself is never written, and the kernel starts in the
 *    notebook's own folder;
 * 3. `--mode run` (default): Run > Restart Kernel and Run All Cells..., confirms the dialog,
 *    waits until the kernel is idle and no cell is running; `--mode view`: shows it as saved;
 * 4. writes `page-NN.png`: the notebook panel scrolled from top to bottom at the window size (the
 *    pieces overlap by 60 px), and `report.json`; prints the problems it found;
 * 5. shuts the kernel down and stops the server it started, by its PID (also on error, timeout
 *    or Ctrl+C), and makes sure no process the server started is left.
 *
 * Options:
 * - `--mode run|view`: run every cell (default), or open the notebook as saved
 * - `--untrusted`: the server uses a fresh, empty signature database, so the notebook opens
 *   untrusted, as after a `git clone` (default: this checkout's database in `JUPYTER_DATA_DIR`;
 *   running the cells in the UI trusts their outputs either way)
 * - `--save`: after the run, File > Save (which signs the notebook) and copy it to `--save-to`
 *   (default `OUT_DIR/<notebook name>`); `--save-to PATH` implies `--save`
 * - `--per-cell`: also `cell-NN.png` for every cell; `--cell N`: only cell N (0-based, as in
 *   report.json)
 * - `--hover`: after the screenshots, moves the mouse onto each plotly plot (onto its PNG first,
 *   which makes Lab draw the live plot) and records whether a hover label appears
 * - `--draw N`: after the screenshots, draws a 7 with the mouse (press, three straight strokes,
 *   release) on the first `<canvas>` in cell N's output, as a learner does on a drawing pad, then
 *   writes `draw-NN.png` (the cell) and `draw` in report.json (the output's text before and after);
 *   `--draw-expect SELECTOR:COUNT` waits up to 60 s until COUNT elements matching SELECTOR in that
 *   output have a height, and reports a problem if they never do (e.g. `.course-pad-bar:10`)
 * - `--no-sidebar`: closes the left sidebar (file browser), giving the notebook the full width
 * - `--timeout SEC` (600): how long the run may take; `--settle MS` (2000): wait after idle
 * - `--width PX` (1280), `--height PX` (900): the browser window
 *
 * `report.json`: per cell its execution count, trust, and per output the MIME types in the
 * notebook, the one Lab rendered, plotly plots and whether they drew their SVG (a saved notebook's
 * plotly outputs show their stored PNG until the mouse enters them: `plotly_png`), images (loaded?
 * natural and displayed width, their scale), the font size in CSS px of SVG text as drawn
 * (inline SVG, and SVG shown as an image), errors; plus browser console errors and page errors.
 * Also `console.log` (the browser's console) and `jupyter-server.log` (token removed).
 *
 * Env: `JUPYTER` (default: this checkout's `.venv/bin/jupyter`, else `jupyter` on the PATH), `CHROMIUM` (default `/usr/bin/chromium`).
 * Exit status: 0 fine, 3 problems (error outputs, plots not drawn, broken images, cells that did
 * not run, page errors, kernel messages the server dropped), 2 timed out, 1 the tool failed.
 *
 * @module
 */
import { chromium } from "playwright-core";
import type { BrowserContext, Page } from "playwright-core";
import { parseArgs } from "node:util";
import { basename, dirname, isAbsolute, join, relative, resolve } from "node:path";
import { usesOwnJupyter, VENV_DIR, venvBin } from "./python_env.ts";

const ROOT = new URL("../", import.meta.url).pathname.replace(/\/$/, "");
const OVERLAP_PX = 60;

interface Options {
  notebook: string;
  out: string;
  mode: "run" | "view";
  untrusted: boolean;
  saveTo: string | null;
  cells: "all" | number | null;
  hover: boolean;
  draw: number | null;
  drawExpect: { selector: string; count: number } | null;
  noSidebar: boolean;
  timeoutSec: number;
  settleMs: number;
  width: number;
  height: number;
}

/** Something went wrong in the tool itself (exit 1), as opposed to a problem in the notebook. */
class ShotsError extends Error {}

const log = (message: string) => console.log(`[shots] ${message}`);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function usage(): string {
  return "Usage: deno task shots NOTEBOOK OUT_DIR [--mode run|view] [--untrusted] [--save] " +
    "[--save-to PATH] [--per-cell | --cell N] [--hover] [--draw N [--draw-expect SELECTOR:COUNT]] " +
    "[--no-sidebar] [--timeout SEC] [--settle MS] " +
    "[--width PX] [--height PX]\n(see the header of scripts/lab_shots.ts)";
}

function positiveNumber(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) {
    throw new ShotsError(`Cannot read --${name} as it must be a positive number: got "${value}"`);
  }
  return n;
}

function parseOptions(args: string[]): Options {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      mode: { type: "string", default: "run" },
      untrusted: { type: "boolean", default: false },
      save: { type: "boolean", default: false },
      "save-to": { type: "string" },
      "per-cell": { type: "boolean", default: false },
      cell: { type: "string" },
      hover: { type: "boolean", default: false },
      draw: { type: "string" },
      "draw-expect": { type: "string" },
      "no-sidebar": { type: "boolean", default: false },
      timeout: { type: "string" },
      settle: { type: "string" },
      width: { type: "string" },
      height: { type: "string" },
      help: { type: "boolean", default: false },
    },
  });
  if (values.help || positionals.length !== 2) throw new ShotsError(usage());
  const mode = values.mode;
  if (mode !== "run" && mode !== "view") {
    throw new ShotsError(`Cannot read --mode as it must be "run" or "view": got "${mode}"`);
  }
  // `deno task` runs in the repository root; paths the user typed are relative to where they were.
  const here = Deno.env.get("INIT_CWD") ?? Deno.cwd();
  const [notebookArg, outArg] = positionals as [string, string];
  let notebook = resolve(here, notebookArg);
  if (!exists(notebook) && !isAbsolute(notebookArg)) notebook = resolve(ROOT, notebookArg);
  if (!exists(notebook)) throw new ShotsError(`Cannot open ${notebookArg}: no such file`);
  const out = resolve(here, outArg);
  const save = values.save || values["save-to"] !== undefined;
  if (save && mode === "view") {
    throw new ShotsError("Cannot use --save with --mode view as only a run changes the notebook");
  }
  let cells: Options["cells"] = values["per-cell"] ? "all" : null;
  if (values.cell !== undefined) {
    const n = Number(values.cell);
    if (!Number.isInteger(n) || n < 0) {
      throw new ShotsError(
        `Cannot read --cell as it must be an integer >= 0: got "${values.cell}"`,
      );
    }
    cells = n;
  }
  let draw: number | null = null;
  if (values.draw !== undefined) {
    draw = Number(values.draw);
    if (!Number.isInteger(draw) || draw < 0) {
      throw new ShotsError(
        `Cannot read --draw as it must be an integer >= 0: got "${values.draw}"`,
      );
    }
  }
  let drawExpect: Options["drawExpect"] = null;
  if (values["draw-expect"] !== undefined) {
    const m = values["draw-expect"].match(/^(.+):(\d+)$/);
    if (!m || draw === null) {
      throw new ShotsError(
        `Cannot read --draw-expect as it must be SELECTOR:COUNT, with --draw N: got "${
          values["draw-expect"]
        }"`,
      );
    }
    drawExpect = { selector: m[1]!, count: Number(m[2]) };
  }
  return {
    notebook,
    out,
    mode,
    untrusted: values.untrusted,
    saveTo: save
      ? (values["save-to"] ? resolve(here, values["save-to"]) : join(out, basename(notebook)))
      : null,
    cells,
    hover: values.hover,
    draw,
    drawExpect,
    noSidebar: values["no-sidebar"],
    timeoutSec: positiveNumber("timeout", values.timeout, 600),
    settleMs: positiveNumber("settle", values.settle, 2000),
    width: positiveNumber("width", values.width, 1280),
    height: positiveNumber("height", values.height, 900),
  };
}

function exists(path: string): boolean {
  try {
    Deno.statSync(path);
    return true;
  } catch {
    return false;
  }
}

function randomHex(bytes: number): string {
  return [...crypto.getRandomValues(new Uint8Array(bytes))]
    .map((b) => b.toString(16).padStart(2, "0")).join("");
}

function freePort(): number {
  const listener = Deno.listen({ hostname: "127.0.0.1", port: 0 });
  const port = (listener.addr as Deno.NetAddr).port;
  listener.close();
  return port;
}

// ---------------------------------------------------------------------------------------------
// Processes: the server we start, and everything it starts (kernels), found through /proc.

/** A process's parent PID and start time (to tell it from a later process with the same PID). */
function procStat(pid: number): { ppid: number; start: string } | null {
  try {
    const stat = Deno.readTextFileSync(`/proc/${pid}/stat`);
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return { ppid: Number(fields[1]), start: fields[19] ?? "" };
  } catch {
    return null;
  }
}

/** Every process below `pid`, with its start time. */
function descendants(pid: number): Map<number, string> {
  const children = new Map<number, number[]>();
  for (const entry of Deno.readDirSync("/proc")) {
    const child = Number(entry.name);
    if (!Number.isInteger(child)) continue;
    const stat = procStat(child);
    if (!stat) continue;
    children.set(stat.ppid, [...(children.get(stat.ppid) ?? []), child]);
  }
  const found = new Map<number, string>();
  const queue = [pid];
  while (queue.length > 0) {
    for (const child of children.get(queue.shift()!) ?? []) {
      const stat = procStat(child);
      if (stat && !found.has(child)) {
        found.set(child, stat.start);
        queue.push(child);
      }
    }
  }
  return found;
}

function cmdline(pid: number): string {
  try {
    return Deno.readTextFileSync(`/proc/${pid}/cmdline`).replaceAll("\0", " ").trim();
  } catch {
    return "";
  }
}

class LabServer {
  readonly url: string;
  readonly token = randomHex(24);
  #child: Deno.ChildProcess;
  #log: string[] = [];
  #logDone: Promise<void>;
  #stopped = false;
  #exited = false;
  /** Every process the server started so far (kernels), with start times; see track(). */
  #started = new Map<number, string>();
  #tracker: ReturnType<typeof setInterval>;

  constructor(tmp: string, untrusted: boolean) {
    const port = freePort();
    this.url = `http://127.0.0.1:${port}`;
    const settings = join(tmp, "settings");
    writeLabSettings(settings);
    // the checkout's own .venv (scripts/python_env.ts), as `deno task course` uses, unless told
    const venvJupyter = venvBin(VENV_DIR, "jupyter");
    const jupyter = Deno.env.get("JUPYTER") ??
      (!usesOwnJupyter() && exists(venvJupyter) ? venvJupyter : "jupyter");
    // setsid (which execs, keeping the PID): Ctrl+C reaches this script only, which then shuts
    // the kernels down and stops the server in order (Jupyter would otherwise exit on its own and
    // orphan a busy kernel)
    const setsid = exists("/usr/bin/setsid");
    this.#child = new Deno.Command(setsid ? "/usr/bin/setsid" : jupyter, {
      args: [
        ...(setsid ? [jupyter] : []),
        "lab",
        "--no-browser",
        "--ip=127.0.0.1",
        `--port=${port}`,
        "--port-retries=0",
        `--IdentityProvider.token=${this.token}`,
        `--ServerApp.root_dir=${ROOT}`,
        // as in scripts/course.ts: plots load plotly.js from node_modules/, whose files are
        // links into its hidden .deno/ folder
        "--ContentsManager.allow_hidden=True",
        ...(Deno.uid() === 0 ? ["--allow-root"] : []),
        `--LabApp.user_settings_dir=${settings}`,
        `--LabApp.workspaces_dir=${join(tmp, "workspaces")}`,
        "--LabApp.expose_app_in_browser=True",
        ...(untrusted ? ["--NotebookNotary.db_file=:memory:"] : []),
      ],
      cwd: ROOT,
      env: { JUPYTER_RUNTIME_DIR: join(tmp, "runtime"), JUPYTER_PREFER_ENV_PATH: "1" },
      stdin: "null",
      stdout: "piped",
      stderr: "piped",
    }).spawn();
    this.#child.status.then(() => this.#exited = true);
    this.#tracker = setInterval(() => this.track(), 1000);
    const text = new TextDecoder();
    const collect = async (stream: ReadableStream<Uint8Array>) => {
      for await (const chunk of stream) this.#log.push(text.decode(chunk));
    };
    this.#logDone = Promise.all([collect(this.#child.stdout), collect(this.#child.stderr)])
      .then(() => {});
  }

  get pid(): number {
    return this.#child.pid;
  }

  /** The server's log so far, without the token. */
  log(): string {
    return this.#log.join("").replaceAll(this.token, "<token>");
  }

  async waitReady(timeoutMs: number): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      if (this.#exited) {
        throw new ShotsError(
          `jupyter lab exited early:\n${this.log().split("\n").slice(-20).join("\n")}`,
        );
      }
      try {
        const response = await this.api("GET", "/api/status");
        if (response.ok) return;
      } catch {
        // not listening yet
      }
      await sleep(500);
    }
    throw new ShotsError(`jupyter lab did not answer on ${this.url} within ${timeoutMs / 1000} s`);
  }

  async api(method: string, path: string): Promise<Response> {
    const response = await fetch(`${this.url}${path}`, {
      method,
      headers: { Authorization: `token ${this.token}` },
      signal: AbortSignal.timeout(20_000),
    });
    return response;
  }

  /** Notes the processes below the server now (kernels): started by it, so ours to stop. */
  track(): void {
    if (this.#exited) return;
    for (const [pid, start] of descendants(this.pid)) this.#started.set(pid, start);
  }

  /** Shuts every kernel down, stops the server by its PID, then kills anything it left. */
  async stop(): Promise<void> {
    if (this.#stopped) return;
    this.#stopped = true;
    clearInterval(this.#tracker);
    this.track();
    if (!this.#exited) {
      try {
        const sessions = await (await this.api("GET", "/api/sessions")).json() as { id: string }[];
        for (const s of sessions) {
          await (await this.api("DELETE", `/api/sessions/${s.id}`)).body?.cancel();
        }
      } catch (e) {
        log(`could not shut the kernels down through the server: ${e}`);
      }
      this.#child.kill("SIGTERM");
      const stopped = await Promise.race([this.#child.status.then(() => true), sleep(20_000)]);
      if (!stopped) {
        log(`server ${this.pid} did not stop in 20 s: sending SIGKILL`);
        this.#child.kill("SIGKILL");
        await this.#child.status;
      }
    }
    await Promise.race([this.#logDone, sleep(2000)]);
    const alive = () => [...this.#started].filter(([pid, start]) => procStat(pid)?.start === start);
    for (const signal of ["SIGTERM", "SIGKILL"] as const) {
      if (signal === "SIGKILL") await sleep(3000);
      for (const [pid] of alive()) {
        log(`process ${pid} (${cmdline(pid).slice(0, 100)}) outlived the server: ${signal}`);
        try {
          Deno.kill(pid, signal);
        } catch {
          // gone meanwhile
        }
      }
      if (alive().length === 0) break;
    }
  }
}

/** Private Lab settings: every cell rendered (no windowing), no autosave, no pop-ups. */
function writeLabSettings(dir: string): void {
  const write = (plugin: string, settings: Record<string, unknown>) => {
    Deno.mkdirSync(join(dir, dirname(plugin)), { recursive: true });
    Deno.writeTextFileSync(join(dir, `${plugin}.jupyterlab-settings`), JSON.stringify(settings));
  };
  write("@jupyterlab/notebook-extension/tracker", { windowingMode: "none" });
  write("@jupyterlab/docmanager-extension/plugin", { autosave: false });
  write("@jupyterlab/apputils-extension/notification", {
    checkForUpdates: false,
    fetchNews: "false",
  });
}

// ---------------------------------------------------------------------------------------------
// The parts of JupyterLab's objects that the page-side code reads (window.jupyterapp).

interface LabSignal<T> {
  connect(fn: (sender: unknown, args: T) => void): void;
}
interface LabOutput {
  type: string;
  trusted: boolean;
  data: Record<string, unknown>;
  toJSON(): { ename?: string; evalue?: string; name?: string; text?: string | string[] };
}
interface LabCellModel {
  type: string;
  trusted: boolean;
  sharedModel: { getSource(): string };
  executionCount?: number | null;
  executionState?: string;
  outputs?: { length: number; get(i: number): LabOutput };
  stateChanged?: LabSignal<{ name: string; newValue: unknown }>;
}
interface LabCell {
  model: LabCellModel;
  node: HTMLElement;
  outputArea?: { node: HTMLElement };
}
interface LabPanel {
  node: HTMLElement;
  context: { path: string; isReady: boolean; model: { dirty: boolean } };
  content: {
    widgets: readonly LabCell[];
    rendermime: {
      preferredMimeType(
        bundle: Record<string, unknown>,
        safe: "any" | "ensure",
      ): string | undefined;
    };
  };
  sessionContext: {
    session?: { kernel?: { status: string; name: string } | null } | null;
    statusChanged: LabSignal<string>;
  };
}
interface LabApp {
  shell: { widgets(area: string): Iterable<unknown>; leftCollapsed: boolean };
  commands: { execute(id: string, args?: unknown): Promise<unknown> };
}
interface ShotsWindow {
  jupyterapp?: LabApp;
  labShots?: { seen: Set<number>; restarts: number };
}

/** The page-side function that finds the notebook panel (passed to every evaluate as source). */
const FIND_PANEL = `(path) => {
  const app = window.jupyterapp;
  if (!app) return null;
  return Array.from(app.shell.widgets("main")).find((w) => w.context && w.context.path === path) ?? null;
}`;

/** Runs `fn(panel, arg)` in the page, with the notebook panel of `path`. */
function inPanel<A, R>(
  page: Page,
  path: string,
  fn: (panel: LabPanel, arg: A) => R,
  arg: A,
): Promise<Awaited<R>> {
  return page.evaluate(
    ([find, body, path, arg]) => {
      const panel = (0, eval)(find)(path);
      if (!panel) throw new Error(`the notebook panel of ${path} is not open`);
      return (0, eval)(`(${body})`)(panel, arg);
    },
    [FIND_PANEL, fn.toString(), path, arg] as const,
  ) as Promise<Awaited<R>>;
}

/** Text of any open Lab dialog (kernel missing, restart, errors), or "". */
function dialogText(page: Page): Promise<string> {
  return page.evaluate(() =>
    [...document.querySelectorAll(".jp-Dialog")].map((d) => (d as HTMLElement).innerText.trim())
      .join(" | ")
  ).catch(() => "");
}

// ---------------------------------------------------------------------------------------------

async function openNotebook(page: Page, server: LabServer, path: string): Promise<void> {
  const url = `${server.url}/lab/tree/${path.split("/").map(encodeURIComponent).join("/")}`;
  log(`opening ${url}`);
  await page.goto(`${url}?token=${server.token}`, { waitUntil: "load", timeout: 120_000 });
  const deadline = Date.now() + 180_000;
  let state = "";
  while (Date.now() < deadline) {
    state = await page.evaluate(
      ([find, path]) => {
        const panel = (0, eval)(find)(path) as LabPanel | null;
        if (!panel) return "no panel yet";
        if (!panel.context.isReady) return "notebook loading";
        const kernel = panel.sessionContext.session?.kernel;
        return kernel ? `kernel ${kernel.name} ${kernel.status}` : "no kernel yet";
      },
      [FIND_PANEL, path] as const,
    ).catch((e) => `page not ready (${String(e).split("\n")[0]})`);
    if (state.endsWith(" idle")) break;
    const dialog = await dialogText(page);
    if (dialog) throw new ShotsError(`JupyterLab shows a dialog while opening: ${dialog}`);
    await sleep(500);
  }
  if (!state.endsWith(" idle")) {
    throw new ShotsError(`the notebook did not open with an idle kernel in 180 s: ${state}`);
  }
  log(`notebook open, ${state}`);
}

/** Run > Restart Kernel and Run All Cells..., confirm; waits until every cell ran. */
async function restartRunAll(page: Page, path: string, opts: Options): Promise<boolean> {
  await inPanel(page, path, (panel) => {
    const w = window as unknown as ShotsWindow;
    const shots = { seen: new Set<number>(), restarts: 0 };
    w.labShots = shots;
    panel.content.widgets.forEach((cell, i) => {
      cell.model.stateChanged?.connect((_, change) => {
        if (change.name === "executionCount" && change.newValue != null) shots.seen.add(i);
      });
    });
    panel.sessionContext.statusChanged.connect((_, status) => {
      if (status === "restarting" || status === "autorestarting") shots.restarts++;
    });
  }, null);
  await page.locator(".lm-MenuBar-itemLabel", { hasText: /^Run$/ }).click();
  await page.locator(".lm-Menu-itemLabel", { hasText: "Restart Kernel and Run All Cells" }).click();
  const accept = page.locator(".jp-Dialog .jp-mod-accept");
  await accept.waitFor({ timeout: 30_000 });
  log(`dialog: ${(await dialogText(page)).replace(/\s+/g, " ")}; confirming`);
  await accept.click();

  const start = Date.now();
  const deadline = start + opts.timeoutSec * 1000;
  let idleSince = 0;
  let lastLine = "";
  while (Date.now() < deadline) {
    const st = await inPanel(page, path, (panel) => {
      const shots = (window as unknown as ShotsWindow).labShots!;
      const code = panel.content.widgets.filter((c) => c.model.type === "code");
      const running = code.filter((c) =>
        c.model.executionState === "running" ||
        (c.node.querySelector(".jp-InputPrompt")?.textContent ?? "").includes("*")
      ).length;
      return {
        kernel: panel.sessionContext.session?.kernel?.status ?? "none",
        running,
        seen: shots.seen.size,
        code: code.length,
      };
    }, null);
    const line = `kernel ${st.kernel}, ${st.seen}/${st.code} code cells ran, ${st.running} queued`;
    if (line !== lastLine) {
      log(`+${((Date.now() - start) / 1000).toFixed(0)} s: ${line}`);
      lastLine = line;
    }
    const dialog = await dialogText(page);
    if (dialog) log(`dialog during the run: ${dialog.replace(/\s+/g, " ")}`);
    if (st.seen > 0 && st.running === 0 && st.kernel === "idle") {
      idleSince ||= Date.now();
      if (Date.now() - idleSince >= 1500) return true;
    } else {
      idleSince = 0;
    }
    await sleep(500);
  }
  log(`TIMEOUT: the run did not finish in ${opts.timeoutSec} s`);
  return false;
}

/** Waits (bounded) until every image has loaded and every plotly plot has drawn its SVG. */
async function waitDrawn(page: Page): Promise<void> {
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline) {
    const pending = await page.evaluate(() =>
      [...document.querySelectorAll(".jp-OutputArea img")]
        .filter((i) => !(i as HTMLImageElement).complete).length +
      [...document.querySelectorAll(".jp-OutputArea .js-plotly-plot")]
        .filter((p) => !p.querySelector(".main-svg")).length
    );
    if (pending === 0) return;
    await sleep(500);
  }
}

async function saveNotebook(page: Page, path: string): Promise<void> {
  await page.evaluate(() =>
    (window as unknown as ShotsWindow).jupyterapp!.commands.execute("docmanager:save")
  );
  const deadline = Date.now() + 60_000;
  while (await inPanel(page, path, (panel) => panel.context.model.dirty, null)) {
    if (Date.now() > deadline) throw new ShotsError("the notebook was not saved within 60 s");
    await sleep(250);
  }
}

// ---------------------------------------------------------------------------------------------
// The report: what the page shows, cell by cell.

interface ImageReport {
  ok: boolean;
  src: string;
  natural_width: number;
  natural_height: number;
  displayed_width: number;
  displayed_height: number;
  scale: number;
  svg_text_px?: TextSizes | null;
}
interface TextSizes {
  count: number;
  min: number;
  median: number;
  max: number;
  sizes: Record<string, number>;
}
interface OutputReport {
  output_type: string;
  mime?: string[];
  rendered_mime: string | null;
  height_px: number;
  text_head: string;
  ename?: string;
  evalue?: string;
  stream?: string;
  plotly_plots: number;
  plotly_drawn: number;
  plotly_png: number;
  images: ImageReport[];
  svg_text_px: TextSizes | null;
}
interface CellReport {
  index: number;
  type: string;
  source_head: string;
  execution_count: number | null;
  running: boolean;
  trusted: boolean;
  height_px: number;
  outputs: OutputReport[];
}

/** Runs in the page: every cell, its outputs and how they were drawn, with measurements. */
async function collectCells(panel: LabPanel): Promise<CellReport[]> {
  const round = (x: number, digits = 1) => Math.round(x * 10 ** digits) / 10 ** digits;
  const textSizes = (root: Element): TextSizes | null => {
    const px: number[] = [];
    for (const t of root.querySelectorAll("svg text")) {
      if (!(t.textContent ?? "").trim()) continue;
      const m = (t as SVGTextElement).getScreenCTM();
      const fontSize = parseFloat(getComputedStyle(t).fontSize);
      if (!m || !Number.isFinite(fontSize)) continue;
      px.push(fontSize * Math.sqrt(Math.abs(m.a * m.d - m.b * m.c)));
    }
    if (px.length === 0) return null;
    px.sort((a, b) => a - b);
    const sizes: Record<string, number> = {};
    for (const p of px) sizes[round(p).toFixed(1)] = (sizes[round(p).toFixed(1)] ?? 0) + 1;
    return {
      count: px.length,
      min: round(px[0]!),
      median: round(px[Math.floor(px.length / 2)]!),
      max: round(px[px.length - 1]!),
      sizes,
    };
  };
  // An SVG shown as <img>: draw it inline, off screen, at the displayed size, and measure there.
  const imgSvgText = async (img: HTMLImageElement, width: number, height: number) => {
    try {
      const source = await (await fetch(img.src)).text();
      const doc = new DOMParser().parseFromString(source, "image/svg+xml");
      const svg = document.importNode(doc.documentElement, true) as unknown as SVGSVGElement;
      if (svg.tagName.toLowerCase() !== "svg") return null;
      if (!svg.getAttribute("viewBox")) {
        const w = parseFloat(svg.getAttribute("width") ?? "") || img.naturalWidth;
        const h = parseFloat(svg.getAttribute("height") ?? "") || img.naturalHeight;
        svg.setAttribute("viewBox", `0 0 ${w} ${h}`);
      }
      svg.setAttribute("width", String(width));
      svg.setAttribute("height", String(height));
      const host = document.createElement("div");
      host.style.cssText = "position:fixed;left:-20000px;top:0;visibility:hidden";
      host.appendChild(svg);
      document.body.appendChild(host);
      try {
        return textSizes(host);
      } finally {
        host.remove();
      }
    } catch {
      return null;
    }
  };

  // matches of `selector` in `node`, the node itself included (plotly draws into the output node)
  const count = (node: Element | null, selector: string) =>
    node ? node.querySelectorAll(selector).length + (node.matches(selector) ? 1 : 0) : 0;

  const cells: CellReport[] = [];
  for (const [index, cell] of panel.content.widgets.entries()) {
    const model = cell.model;
    const source = model.sharedModel.getSource();
    const prompt = cell.node.querySelector(".jp-InputPrompt")?.textContent ?? "";
    const report: CellReport = {
      index,
      type: model.type,
      source_head: source.split("\n").slice(0, 2).join(" | ").slice(0, 120),
      execution_count: model.executionCount ?? null,
      running: model.executionState === "running" || prompt.includes("*"),
      trusted: model.trusted,
      height_px: Math.round(cell.node.getBoundingClientRect().height),
      outputs: [],
    };
    cells.push(report);
    if (!model.outputs || !cell.outputArea) continue;
    const children = [...cell.outputArea.node.children]
      .filter((c) => c.classList.contains("jp-OutputArea-child"));
    for (let i = 0; i < model.outputs.length; i++) {
      const output = model.outputs.get(i);
      const json = output.toJSON();
      const child = children[i];
      const node = child?.querySelector(".jp-OutputArea-output") as HTMLElement | null;
      const o: OutputReport = {
        output_type: output.type,
        // the renderer Lab picks (as OutputArea does): any MIME type when trusted, else safe ones
        rendered_mime: node
          ? panel.content.rendermime.preferredMimeType(
            output.data,
            output.trusted ? "any" : "ensure",
          ) ?? null
          : null,
        height_px: node ? Math.round(node.getBoundingClientRect().height) : 0,
        text_head: (node?.innerText ?? "").trim().slice(0, 160),
        plotly_plots: count(node, ".js-plotly-plot"),
        plotly_drawn: count(node, ".js-plotly-plot:has(.main-svg)"),
        // Lab's plotly renderer shows a bundle's image/png until the mouse enters it
        plotly_png: count(node, ".jp-RenderedPlotly:has(> .plot-img[src]:not([style*='none']))"),
        images: [],
        svg_text_px: node ? textSizes(node) : null,
      };
      if (output.type === "display_data" || output.type === "execute_result") {
        o.mime = Object.keys(output.data);
      }
      if (output.type === "error") {
        o.ename = json.ename ?? "";
        o.evalue = json.evalue ?? "";
      }
      if (output.type === "stream") o.stream = json.name ?? "";
      for (const img of node ? node.querySelectorAll("img") : []) {
        // plotly's renderer keeps a hidden <img> for its PNG; count only what is on screen
        if (!img.getAttribute("src") || img.getClientRects().length === 0) continue;
        const r = img.getBoundingClientRect();
        const svg = img.src.startsWith("data:image/svg+xml") || /\.svg($|\?)/.test(img.src);
        const image: ImageReport = {
          ok: img.complete && img.naturalWidth > 0,
          src: img.src.slice(0, img.src.startsWith("data:") ? img.src.indexOf(",") : 120),
          natural_width: img.naturalWidth,
          natural_height: img.naturalHeight,
          displayed_width: round(r.width),
          displayed_height: round(r.height),
          scale: img.naturalWidth > 0 ? round(r.width / img.naturalWidth, 3) : 0,
        };
        if (svg) image.svg_text_px = await imgSvgText(img, r.width, r.height);
        o.images.push(image);
      }
      report.outputs.push(o);
    }
  }
  return cells;
}

interface Problem {
  cell: number | null;
  kind: string;
  text: string;
}

function findProblems(cells: CellReport[], mode: Options["mode"]): Problem[] {
  const problems: Problem[] = [];
  for (const c of cells) {
    if (c.type !== "code") continue;
    if (mode === "run" && c.source_head.trim() && (c.execution_count === null || c.running)) {
      problems.push({
        cell: c.index,
        kind: c.running ? "still running" : "did not run",
        text: c.source_head,
      });
    }
    for (const o of c.outputs) {
      if (o.output_type === "error") {
        problems.push({ cell: c.index, kind: "error output", text: `${o.ename}: ${o.evalue}` });
      }
      if (o.plotly_drawn < o.plotly_plots) {
        problems.push({
          cell: c.index,
          kind: "plot not drawn",
          text: `${
            o.plotly_plots - o.plotly_drawn
          } of ${o.plotly_plots} plotly plot(s) have no SVG`,
        });
      }
      for (const image of o.images) {
        if (!image.ok) problems.push({ cell: c.index, kind: "broken image", text: image.src });
      }
    }
  }
  return problems;
}

// ---------------------------------------------------------------------------------------------
// Screenshots

/**
 * Scrolls the notebook panel from the top to the last cell (not into the empty space Lab leaves
 * after it); one PNG of the window per step.
 */
async function panelShots(page: Page, path: string, out: string): Promise<string[]> {
  const geometry = await inPanel(page, path, (panel) => {
    // the element that scrolls the cells: the tallest scrollable element inside the panel
    const scrollers = [...panel.node.querySelectorAll<HTMLElement>("*")].filter((el) =>
      el.scrollHeight > el.clientHeight + 1 &&
      ["auto", "scroll"].includes(getComputedStyle(el).overflowY)
    ).sort((a, b) => b.scrollHeight - a.scrollHeight);
    const scroller = scrollers[0];
    document.querySelectorAll("[data-lab-shots-scroller]")
      .forEach((el) => el.removeAttribute("data-lab-shots-scroller"));
    if (!scroller) return { end: 0, clientHeight: 0 };
    scroller.setAttribute("data-lab-shots-scroller", "");
    const last = panel.content.widgets.at(-1)?.node;
    const end = last
      ? last.getBoundingClientRect().bottom - scroller.getBoundingClientRect().top +
        scroller.scrollTop + 24
      : scroller.scrollHeight;
    return { end: Math.min(end, scroller.scrollHeight), clientHeight: scroller.clientHeight };
  }, null);
  const files: string[] = [];
  const step = Math.max(100, geometry.clientHeight - OVERLAP_PX);
  const lastTop = Math.max(0, Math.ceil(geometry.end - geometry.clientHeight));
  for (let n = 1, y = 0;; n++, y = Math.min(y + step, lastTop)) {
    await page.evaluate(async (y) => {
      const el = document.querySelector("[data-lab-shots-scroller]");
      if (el) el.scrollTop = y;
      await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    }, y);
    await sleep(200);
    const file = join(out, `page-${String(n).padStart(2, "0")}.png`);
    await page.screenshot({ path: file });
    files.push(file);
    if (y >= lastTop || n >= 99) break;
  }
  return files;
}

/** One PNG per cell (or only cell `which`), the window made tall enough for the tallest. */
async function cellShots(
  page: Page,
  path: string,
  out: string,
  which: "all" | number,
  opts: Options,
): Promise<string[]> {
  const heights = await inPanel(
    page,
    path,
    (panel) => panel.content.widgets.map((c) => c.node.getBoundingClientRect().height),
    null,
  );
  const indices = which === "all" ? heights.map((_, i) => i) : [which];
  if (which !== "all" && which >= heights.length) {
    throw new ShotsError(
      `Cannot screenshot cell ${which} as the notebook has cells 0 to ${heights.length - 1}`,
    );
  }
  const tallest = Math.max(...indices.map((i) => heights[i]!));
  const panelHeight = await page.evaluate(() =>
    document.querySelector("[data-lab-shots-scroller]")?.clientHeight ?? 0
  );
  const grow = Math.max(0, Math.ceil(tallest) + 40 - panelHeight);
  if (grow > 0) {
    await page.setViewportSize({ width: opts.width, height: Math.min(opts.height + grow, 16000) });
    await sleep(500);
  }
  const files: string[] = [];
  for (const i of indices) {
    await inPanel(page, path, (panel, i) => {
      const node = panel.content.widgets[i]!.node;
      node.setAttribute("data-lab-shots-cell", String(i));
      node.scrollIntoView();
    }, i);
    await sleep(200);
    const file = join(out, `cell-${String(i).padStart(2, "0")}.png`);
    await page.locator(`[data-lab-shots-cell="${i}"]`)
      .screenshot({ path: file, timeout: 30_000 })
      .then(() => files.push(file), (e) => log(`cell ${i}: screenshot failed: ${e.message}`));
  }
  if (grow > 0) await page.setViewportSize({ width: opts.width, height: opts.height });
  return files;
}

/**
 * Puts the mouse on a data point of every plotly plot: does a hover label appear? A plotly output
 * that shows its PNG (a saved notebook) first gets the mouse onto the PNG, which makes Lab's
 * renderer draw the live plot, as it does for a learner.
 */
async function hoverPlots(page: Page): Promise<{ plot: number; label: string | null }[]> {
  const pngs = page.locator(".jp-RenderedPlotly > .plot-img[src]:visible");
  for (let k = (await pngs.count()) - 1; k >= 0; k--) {
    await pngs.nth(k).hover({ timeout: 10_000 }).catch((e) => log(`hover on PNG: ${e.message}`));
  }
  const deadline = Date.now() + 20_000;
  while (await pngs.count() > 0 && Date.now() < deadline) await sleep(250);
  const count = await page.evaluate(() => document.querySelectorAll(".js-plotly-plot").length);
  const results: { plot: number; label: string | null }[] = [];
  for (let k = 0; k < count; k++) {
    const point = await page.evaluate((k) => {
      interface Axis {
        _offset: number;
        l2p(v: number): number;
        d2l(v: unknown): number;
      }
      const gd = document.querySelectorAll(".js-plotly-plot")[k] as HTMLElement & {
        _fullLayout?: { xaxis: Axis; yaxis: Axis };
        _fullData?: { x?: unknown[]; y?: unknown[] }[];
      };
      gd.scrollIntoView({ block: "center" });
      const layout = gd._fullLayout;
      const trace = gd._fullData?.[0];
      if (!layout || !trace?.x || !trace.y || trace.x.length === 0) return null;
      const i = Math.min(2, trace.x.length - 1);
      const r = gd.getBoundingClientRect();
      return {
        x: r.left + layout.xaxis._offset + layout.xaxis.l2p(layout.xaxis.d2l(trace.x[i])),
        y: r.top + layout.yaxis._offset + layout.yaxis.l2p(layout.yaxis.d2l(trace.y[i])),
      };
    }, k);
    if (!point) {
      results.push({ plot: k, label: null });
      continue;
    }
    await sleep(300);
    await page.mouse.move(point.x - 30, point.y - 30);
    await page.mouse.move(point.x, point.y, { steps: 5 });
    await sleep(400);
    const label = await page.evaluate(
      (k) =>
        document.querySelectorAll(".js-plotly-plot")[k]?.querySelector(".hoverlayer .hovertext")
          ?.textContent ?? null,
      k,
    );
    results.push({ plot: k, label });
  }
  await page.mouse.move(1, 1);
  return results;
}

/** What `--draw` did and saw. */
interface DrawReport {
  cell: number;
  canvas: { width: number; height: number } | null;
  text_before: string;
  text_after: string;
  expected: string | null;
  /** How many elements matching the `--draw-expect` selector had a height, at the end. */
  matched: number | null;
  shot: string | null;
}

/**
 * Draws a 7 with the mouse on the first canvas in cell `cell`'s output, as a learner does on a
 * drawing pad; waits for `--draw-expect` (or `--settle`); screenshots the cell.
 */
async function drawOnCanvas(
  page: Page,
  path: string,
  out: string,
  opts: Options,
): Promise<DrawReport> {
  const cell = opts.draw!;
  const count = await inPanel(page, path, (panel, i) => {
    const node = panel.content.widgets[i]?.node;
    if (node) {
      node.setAttribute("data-lab-shots-draw", String(i));
      node.scrollIntoView({ block: "start" });
    }
    return panel.content.widgets.length;
  }, cell);
  if (cell >= count) {
    throw new ShotsError(`Cannot draw in cell ${cell} as the notebook has cells 0 to ${count - 1}`);
  }
  const output = page.locator(`[data-lab-shots-draw="${cell}"] .jp-OutputArea`);
  const outputText = () => output.first().innerText({ timeout: 5000 }).catch(() => "");
  const report: DrawReport = {
    cell,
    canvas: null,
    text_before: (await outputText()).trim().slice(0, 300),
    text_after: "",
    expected: opts.drawExpect ? `${opts.drawExpect.selector}:${opts.drawExpect.count}` : null,
    matched: null,
    shot: null,
  };
  const canvas = output.locator("canvas").first();
  const found = await canvas.waitFor({ timeout: 30_000 }).then(() => true, () => false);
  const box = found ? await canvas.boundingBox() : null;
  if (box) {
    report.canvas = { width: Math.round(box.width), height: Math.round(box.height) };
    const at = ([u, v]: [number, number]) =>
      [box.x + u * box.width, box.y + v * box.height] as const;
    const stroke: [number, number][] = [[0.3, 0.2], [0.72, 0.2], [0.45, 0.82]];
    await page.mouse.move(...at(stroke[0]!));
    await page.mouse.down();
    for (const point of stroke.slice(1)) await page.mouse.move(...at(point), { steps: 12 });
    await page.mouse.up();
  }
  const matched = (selector: string) =>
    output.first().evaluate(
      (el, selector) =>
        [...el.querySelectorAll(selector)].filter((e) => e.getBoundingClientRect().height > 0)
          .length,
      selector,
    ).catch(() => 0);
  if (opts.drawExpect) {
    const deadline = Date.now() + 60_000;
    do {
      report.matched = await matched(opts.drawExpect.selector);
      if (report.matched >= opts.drawExpect.count) break;
      await sleep(500);
    } while (Date.now() < deadline);
  }
  await sleep(opts.drawExpect ? 500 : opts.settleMs);
  report.text_after = (await outputText()).trim().slice(0, 300);
  const file = join(out, `draw-${String(cell).padStart(2, "0")}.png`);
  await page.locator(`[data-lab-shots-draw="${cell}"]`).screenshot({ path: file, timeout: 30_000 })
    .then(() => report.shot = basename(file), (e) => log(`draw: screenshot failed: ${e.message}`));
  return report;
}

// ---------------------------------------------------------------------------------------------

async function shoot(opts: Options, cleanups: (() => Promise<void> | void)[]): Promise<number> {
  Deno.mkdirSync(opts.out, { recursive: true });
  const tmp = Deno.makeTempDirSync({ prefix: "lab-shots-" });
  cleanups.push(() => Deno.removeSync(tmp, { recursive: true }));

  // The copy Lab opens: beside the notebook (inside the repository, or in notebooks/ for one
  // from elsewhere), so the kernel starts in the same kind of folder and finds deno.json.
  const inside = !relative(ROOT, opts.notebook).startsWith("..");
  const home = inside ? dirname(opts.notebook) : join(ROOT, "notebooks");
  const copyDir = join(home, `.lab-shots-${randomHex(4)}`);
  Deno.mkdirSync(copyDir);
  cleanups.push(() => Deno.removeSync(copyDir, { recursive: true }));
  const copy = join(copyDir, basename(opts.notebook));
  Deno.copyFileSync(opts.notebook, copy);
  const labPath = relative(ROOT, copy);

  const server = new LabServer(tmp, opts.untrusted);
  cleanups.push(async () => {
    await server.stop();
    Deno.writeTextFileSync(join(opts.out, "jupyter-server.log"), server.log());
  });
  await server.waitReady(120_000);
  log(`jupyter lab pid ${server.pid} on ${server.url}, root ${ROOT}`);

  const profile = join(tmp, "chromium");
  const context: BrowserContext = await chromium.launchPersistentContext(profile, {
    executablePath: Deno.env.get("CHROMIUM") ?? "/usr/bin/chromium",
    headless: true,
    viewport: { width: opts.width, height: opts.height },
    // Playwright would exit the process on these signals, skipping the server's shutdown
    handleSIGINT: false,
    handleSIGTERM: false,
    handleSIGHUP: false,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-dev-shm-usage",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--disable-breakpad",
    ],
  });
  // registered after the server, so it runs first: the browser closes before the server stops
  cleanups.push(() => context.close().catch(() => {}));
  const page = context.pages()[0] ?? await context.newPage();
  const consoleLines: string[] = [];
  const pageErrors: string[] = [];
  page.on("console", (m) => consoleLines.push(`[${m.type()}] ${m.text()}`.slice(0, 2000)));
  page.on("pageerror", (e) => pageErrors.push(String(e?.message ?? e).slice(0, 1000)));

  await openNotebook(page, server, labPath);
  // The file browser shows the folder of the copy; show the notebook's own folder instead.
  const folder = inside ? relative(ROOT, dirname(opts.notebook)) : "notebooks";
  await page.evaluate(async ([folder, hide]) => {
    const app = (window as unknown as ShotsWindow).jupyterapp!;
    await app.commands.execute("filebrowser:go-to-path", { path: folder, dontShowBrowser: true });
    if (hide && !app.shell.leftCollapsed) {
      await app.commands.execute("application:toggle-left-area");
    }
  }, [folder, opts.noSidebar] as const).catch((e) => log(`could not set the file browser: ${e}`));
  let finished = true;
  if (opts.mode === "run") {
    finished = await restartRunAll(page, labPath, opts);
  }
  await sleep(opts.settleMs);
  await waitDrawn(page);
  if (opts.saveTo && finished) {
    await saveNotebook(page, labPath);
    Deno.mkdirSync(dirname(opts.saveTo), { recursive: true });
    Deno.copyFileSync(copy, opts.saveTo);
    log(`saved (File > Save), ${Deno.statSync(copy).size} bytes, copied to ${opts.saveTo}`);
  }
  await page.mouse.move(1, 1);

  const cells = await inPanel(page, labPath, collectCells, null);
  const pages = await panelShots(page, labPath, opts.out);
  const cellFiles = opts.cells === null
    ? []
    : await cellShots(page, labPath, opts.out, opts.cells, opts);
  // last, as they change what the page shows (a drawing; labels; live plots instead of PNGs)
  const draw = opts.draw === null ? null : await drawOnCanvas(page, labPath, opts.out, opts);
  const hover = opts.hover ? await hoverPlots(page) : null;

  const problems = findProblems(cells, opts.mode);
  if (draw && !draw.canvas) {
    problems.push({ cell: draw.cell, kind: "drawing", text: "no canvas in the cell's output" });
  }
  if (draw && opts.drawExpect && (draw.matched ?? 0) < opts.drawExpect.count) {
    problems.push({
      cell: draw.cell,
      kind: "drawing",
      text:
        `after the stroke, ${draw.matched} of ${opts.drawExpect.count} "${opts.drawExpect.selector}" shown`,
    });
  }
  for (const e of pageErrors) problems.push({ cell: null, kind: "page error", text: e });
  const serverLog = server.log();
  for (const pattern of [/IOPub (data|message) rate exceeded/, /Invalid Signature/]) {
    const match = serverLog.match(pattern);
    if (match) problems.push({ cell: null, kind: "server log", text: match[0] });
  }
  const codeCells = cells.filter((c) => c.type === "code");
  const report = {
    notebook: relative(ROOT, opts.notebook),
    mode: opts.mode,
    untrusted_start: opts.untrusted,
    trusted: codeCells.every((c) => c.trusted),
    finished,
    timeout_sec: opts.timeoutSec,
    viewport: { width: opts.width, height: opts.height },
    saved_to: opts.saveTo && finished ? opts.saveTo : null,
    pages: pages.map((f) => basename(f)),
    cell_shots: cellFiles.map((f) => basename(f)),
    problems,
    page_errors: pageErrors,
    console_errors: consoleLines.filter((l) => l.startsWith("[error]")).slice(0, 50),
    plotly_hover: hover,
    draw,
    cells,
  };
  Deno.writeTextFileSync(join(opts.out, "report.json"), JSON.stringify(report, null, 2) + "\n");
  Deno.writeTextFileSync(join(opts.out, "console.log"), consoleLines.join("\n") + "\n");

  const plots = cells.flatMap((c) => c.outputs).reduce((n, o) => n + o.plotly_plots, 0);
  const drawn = cells.flatMap((c) => c.outputs).reduce((n, o) => n + o.plotly_drawn, 0);
  const png = cells.flatMap((c) => c.outputs).reduce((n, o) => n + o.plotly_png, 0);
  log(
    `${cells.length} cells (${codeCells.length} code), trusted=${report.trusted}, ` +
      `${drawn}/${plots} plotly plots drawn${
        png ? `, ${png} plotly output(s) shown as PNG` : ""
      } ` +
      `-> ${pages.length} page PNG(s)` +
      `${cellFiles.length ? ` + ${cellFiles.length} cell PNG(s)` : ""} in ${opts.out}`,
  );
  if (draw) {
    log(
      `draw: cell ${draw.cell}, canvas ${
        draw.canvas ? `${draw.canvas.width}x${draw.canvas.height}` : "none"
      }${draw.expected ? `, ${draw.matched} of ${draw.expected} shown` : ""}; after: ${
        draw.text_after.replace(/\s+/g, " ").slice(0, 160)
      }`,
    );
  }
  if (hover) {
    log(
      `hover: ${
        hover.map((h) => `plot ${h.plot}: ${h.label === null ? "no label" : "label"}`).join(", ")
      }`,
    );
  }
  for (const p of problems) {
    log(
      `PROBLEM${p.cell === null ? "" : ` cell ${p.cell}`}: ${p.kind}: ${
        p.text.replace(/\s+/g, " ").slice(0, 200)
      }`,
    );
  }
  if (!finished) return 2;
  return problems.length > 0 ? 3 : 0;
}

async function main(args: string[]): Promise<number> {
  const cleanups: (() => Promise<void> | void)[] = [];
  let cleaning: Promise<void> | null = null;
  const cleanup = () =>
    cleaning ??= (async () => {
      for (const step of cleanups.reverse()) {
        try {
          await step();
        } catch (e) {
          log(`clean-up step failed: ${e}`);
        }
      }
    })();
  let interrupted = false;
  const onSignal = () => {
    if (cleaning) return;
    interrupted = true;
    log("interrupted: stopping the server");
    cleanup().then(() => Deno.exit(130));
  };
  const signals = ["SIGINT", "SIGTERM", "SIGHUP"] as const;
  for (const signal of signals) Deno.addSignalListener(signal, onSignal);
  try {
    return await shoot(parseOptions(args), cleanups);
  } catch (e) {
    if (interrupted) return 130; // the page closed under a running step: expected
    console.error(`[shots] ${e instanceof ShotsError ? e.message : (e as Error)?.stack ?? e}`);
    return 1;
  } finally {
    await cleanup();
    for (const signal of signals) Deno.removeSignalListener(signal, onSignal);
  }
}

if (import.meta.main) Deno.exit(await main(Deno.args));
