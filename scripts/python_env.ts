/**
 * The course's Python environment: a `.venv/` folder in the checkout (git-ignored) holding
 * JupyterLab, nbclient and plotly at the versions `requirements.txt` pins, installed by pip with
 * every file's hash checked. `deno task course` creates it; the tests drive Jupyter with its
 * Python; the course kernelspec lives inside it (`.venv/share/jupyter/kernels/deno-course`), so
 * each checkout has its own kernel.
 *
 * With `COURSE_JUPYTER=own` in the environment (or `deno task course --own-jupyter`), the course
 * uses the `jupyter` and `python3` on the PATH instead, and no `.venv/` is made.
 *
 * @module
 */

/** The repository root, without a trailing slash. */
export const ROOT: string = new URL("../", import.meta.url).pathname.replace(/\/$/, "");

/** Where the course's Python environment lives. */
export const VENV_DIR = `${ROOT}/.venv`;

/** The lock file: exact versions and hashes of every Python package the course installs. */
export const REQUIREMENTS = `${ROOT}/requirements.txt`;

/** The oldest Python that every package in `requirements.txt` supports. */
export const MIN_PYTHON: readonly [number, number] = [3, 11];

/** Written into the environment after a complete install: the sha256 of `requirements.txt`. */
const STAMP = "course-requirements.sha256";

/** Python names tried on the PATH, in order, for a Python that is new enough. */
const PYTHON_NAMES = ["python3", "python3.14", "python3.13", "python3.12", "python3.11", "python"];

/** What `pip` prints when it cannot reach the package index. */
const NETWORK_ERROR =
  /NewConnectionError|Failed to establish a new connection|name resolution|Name or service not known|nodename nor servname|Network is unreachable|Connection refused|ConnectTimeout|timed out|ProxyError|from versions: none/;

/** A set-up step that cannot go on; its message says what is missing and the command that fixes it. */
export class SetupError extends Error {
  /** @param message What is missing, and how to fix it */
  constructor(message: string) {
    super(message);
    this.name = "SetupError";
  }
}

/** Whether the learner asked to use their own Jupyter (`COURSE_JUPYTER=own`) instead of `.venv/`. */
export function usesOwnJupyter(): boolean {
  return Deno.env.get("COURSE_JUPYTER") === "own";
}

/** A program in an environment's `bin/` folder. */
export function venvBin(venvDir: string, name: string): string {
  return `${venvDir}/bin/${name}`;
}

/**
 * The Python the tests drive Jupyter with: the checkout's `.venv/bin/python`, or `python3` from
 * the PATH when `COURSE_JUPYTER=own`.
 *
 * @returns The path or name of the Python to run
 * @throws {SetupError} When `.venv/` has not been created yet
 *
 * @example Usage
 * ```ts ignore
 * import { coursePython } from "./python_env.ts";
 *
 * await new Deno.Command(coursePython(), { args: ["tests/notebook_runner.py", "x.ipynb"] }).output();
 * ```
 */
export function coursePython(): string {
  if (usesOwnJupyter()) return "python3";
  const python = venvBin(VENV_DIR, "python");
  try {
    Deno.statSync(python);
  } catch {
    throw new SetupError(
      `Cannot run Jupyter for the tests as the course's Python environment is missing: ` +
        `${python} does not exist. Create it with \`deno task course --setup-only\` (or run the ` +
        `whole \`deno task test\`, which does), or, to use your own Jupyter, set COURSE_JUPYTER=own.`,
    );
  }
  return python;
}

/** A Python interpreter found on the PATH. */
export interface PythonFound {
  /** Absolute path of the interpreter. */
  path: string;
  /** Its version, such as `3.11.7`. */
  version: string;
}

function executablesOn(searchPath: string, name: string): string[] {
  const found: string[] = [];
  for (const dir of searchPath.split(":")) {
    if (dir === "") continue;
    try {
      const info = Deno.statSync(`${dir}/${name}`);
      if (info.isFile && (info.mode ?? 0o111) & 0o111) found.push(`${dir}/${name}`);
    } catch { /* not in this folder */ }
  }
  return found;
}

async function pythonVersion(path: string): Promise<string | null> {
  try {
    const { success, stdout } = await new Deno.Command(path, {
      args: ["-c", "import sys; print('%d.%d.%d' % sys.version_info[:3])"],
      stdout: "piped",
      stderr: "null",
    }).output();
    const version = new TextDecoder().decode(stdout).trim();
    return success && /^\d+\.\d+\.\d+$/.test(version) ? version : null;
  } catch {
    return null;
  }
}

function isNewEnough(version: string): boolean {
  const [major, minor] = version.split(".").map(Number) as [number, number];
  return major > MIN_PYTHON[0] || (major === MIN_PYTHON[0] && minor >= MIN_PYTHON[1]);
}

/**
 * Finds a Python 3 on the PATH that is new enough for `requirements.txt`: `python3` first, then
 * `python3.14` ... `python3.11`, then `python`.
 *
 * @param searchPath The PATH to search
 * @returns The first interpreter that is new enough
 * @throws {SetupError} Naming what was found, and how to install a suitable Python
 *
 * @example Usage
 * ```ts ignore
 * import { findPython } from "./python_env.ts";
 *
 * const { path, version } = await findPython();
 * ```
 */
export async function findPython(searchPath = Deno.env.get("PATH") ?? ""): Promise<PythonFound> {
  const wanted = `${MIN_PYTHON.join(".")} or newer`;
  const tooOld: string[] = [];
  for (const name of PYTHON_NAMES) {
    for (const path of executablesOn(searchPath, name)) {
      const version = await pythonVersion(path);
      if (version === null) continue;
      if (isNewEnough(version)) return { path, version };
      tooOld.push(`${name} ${version} (${path})`);
    }
  }
  if (tooOld.length === 0) {
    throw new SetupError(
      `Cannot set up the course's Jupyter as it needs Python ${wanted}, and no python3 was ` +
        `found on the PATH. Install Python (Debian and Ubuntu: sudo apt-get install python3 ` +
        `python3-venv; macOS: brew install python, or the installer from python.org), then run ` +
        `the command again.`,
    );
  }
  throw new SetupError(
    `Cannot set up the course's Jupyter as it needs Python ${wanted}: the PATH has only ` +
      `${tooOld.join(", ")}. Install a newer Python (Ubuntu 22.04: sudo apt-get install ` +
      `python3.11 python3.11-venv), then run the command again; or use a Jupyter you already ` +
      `have with --own-jupyter (README, "Using your own Jupyter").`,
  );
}

async function sha256File(path: string): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", await Deno.readFile(path));
  return Array.from(new Uint8Array(digest), (byte) => byte.toString(16).padStart(2, "0")).join("");
}

async function readTextOrNull(path: string): Promise<string | null> {
  try {
    return await Deno.readTextFile(path);
  } catch {
    return null;
  }
}

/** What an existing environment holds: whether its Python runs, and its JupyterLab version. */
async function probe(venvDir: string): Promise<{ runs: boolean; jupyterlab: string | null }> {
  const python = venvBin(venvDir, "python");
  try {
    const { success, stdout } = await new Deno.Command(python, {
      args: [
        "-c",
        // Finds the packages without importing them: importing jupyterlab takes seconds.
        "import importlib.metadata as md, importlib.util as u\n" +
        "ok = all(u.find_spec(m) for m in ('jupyterlab', 'nbclient', 'plotly'))\n" +
        "print(md.version('jupyterlab') if ok else '')",
      ],
      stdout: "piped",
      stderr: "null",
    }).output();
    if (success) {
      const version = new TextDecoder().decode(stdout).trim();
      return { runs: true, jupyterlab: version === "" ? null : version };
    }
    // Its Python runs but lacks JupyterLab, or does not run at all.
    const runs = (await new Deno.Command(python, { args: ["-c", "pass"], stderr: "null" })
      .output()).success;
    return { runs, jupyterlab: null };
  } catch {
    return { runs: false, jupyterlab: null };
  }
}

/** Options for {@link ensureVenv}. */
export interface EnsureVenvOptions {
  /**
   * The environment's folder.
   * @default VENV_DIR (`.venv/` in the repository)
   */
  venvDir?: string;
  /**
   * The lock file to install from.
   * @default REQUIREMENTS (`requirements.txt` in the repository)
   */
  requirements?: string;
  /**
   * The PATH searched for a Python to create the environment with.
   * @default Deno.env.get("PATH")
   */
  searchPath?: string;
  /**
   * Extra environment variables for pip.
   * @default {}
   */
  pipEnv?: Record<string, string>;
  /**
   * Where progress lines go.
   * @default console.log
   */
  log?: (line: string) => void;
}

/** What {@link ensureVenv} found or did. */
export interface EnsureVenvResult {
  /** Whether anything was created or installed. */
  changed: boolean;
  /** The environment's Python. */
  python: string;
  /** The JupyterLab version installed there. */
  jupyterlab: string;
}

function shortPath(path: string): string {
  return path.startsWith(`${ROOT}/`) ? `${path.slice(ROOT.length + 1)}/` : path;
}

async function createVenv(venvDir: string, searchPath: string, log: (line: string) => void) {
  try {
    const entries = [...Deno.readDirSync(venvDir)];
    const isVenv = entries.some((entry) => entry.name === "pyvenv.cfg");
    if (entries.length > 0 && !isVenv) {
      throw new SetupError(
        `Cannot create the course's Python environment in ${venvDir} as that folder exists ` +
          `and is not a Python environment (it has no pyvenv.cfg). Move it away, then run the ` +
          `command again.`,
      );
    }
  } catch (error) {
    if (error instanceof SetupError) throw error; // else: the folder does not exist yet
  }
  const python = await findPython(searchPath);
  log(`Creating ${shortPath(venvDir)} with Python ${python.version} (${python.path})`);
  const { success, stdout, stderr } = await new Deno.Command(python.path, {
    args: ["-m", "venv", "--clear", venvDir],
    stdout: "piped",
    stderr: "piped",
  }).output();
  if (success) return;
  await Deno.remove(venvDir, { recursive: true }).catch(() => {});
  const said = (new TextDecoder().decode(stdout) + new TextDecoder().decode(stderr)).trim();
  const firstLine = said.split("\n").find((line) => line.trim() !== "") ?? "";
  if (/ensurepip|No module named venv|python3(\.\d+)?-venv/.test(said)) {
    throw new SetupError(
      `Cannot create the course's Python environment as Python's venv module is missing or ` +
        `incomplete (${python.path} -m venv said: "${firstLine.trim()}"). On Debian and Ubuntu ` +
        `install it with: sudo apt-get install python3-venv (for Python ${
          python.version.split(".").slice(0, 2).join(".")
        } alone: python${python.version.split(".").slice(0, 2).join(".")}-venv), then run the ` +
        `command again.`,
    );
  }
  throw new SetupError(
    `Cannot create the course's Python environment as \`${python.path} -m venv ${venvDir}\` ` +
      `failed:\n${said}\nFix what it says, then run the command again.`,
  );
}

async function pipInstall(
  venvDir: string,
  requirements: string,
  pipEnv: Record<string, string>,
  log: (line: string) => void,
): Promise<void> {
  const text = await Deno.readTextFile(requirements);
  const count = text.split("\n").filter((line) => /^[A-Za-z0-9]/.test(line)).length;
  log(
    `Installing the ${count} Python packages pinned in ${
      shortPath(requirements).replace(/\/$/, "")
    } ` +
      `into ${shortPath(venvDir)}, each checked against its hash (the first time this downloads ` +
      `about 60 MB from PyPI and takes a minute or two)`,
  );
  // pip's progress goes to stdout, which the learner sees; its warnings and errors to stderr,
  // which we keep to explain a failure.
  const child = new Deno.Command(venvBin(venvDir, "python"), {
    args: [
      "-m",
      "pip",
      "install",
      "--require-hashes",
      "--no-input",
      "--disable-pip-version-check",
      "-r",
      requirements,
    ],
    env: pipEnv,
    stdout: "inherit",
    stderr: "piped",
  }).spawn();
  const [status, errors] = await Promise.all([child.status, new Response(child.stderr).text()]);
  if (status.success) return;
  const lines = errors.trim().split("\n");
  const errorLine = lines.find((line) => line.startsWith("ERROR:")) ?? lines.at(-1) ?? "";
  if (NETWORK_ERROR.test(errors)) {
    const symptom = lines.find((line) => NETWORK_ERROR.test(line)) ?? errorLine;
    throw new SetupError(
      `Cannot install the course's Jupyter into ${shortPath(venvDir)} as PyPI could not be ` +
        `reached (pip said: "${symptom.trim().slice(0, 300)}"). The first run downloads ` +
        `JupyterLab and the packages it needs from PyPI: connect to the internet (behind a ` +
        `proxy, set HTTPS_PROXY), then run the command again. After that first run the course ` +
        `works offline.`,
    );
  }
  if (/DO NOT MATCH THE HASHES/.test(errors)) {
    throw new SetupError(
      `Cannot install the course's Jupyter into ${shortPath(venvDir)} as a file pip downloaded ` +
        `does not match the hash that requirements.txt pins for it, so it was not installed:\n` +
        `${lines.slice(-6).join("\n")}\nA proxy or package mirror may be serving other files ` +
        `than PyPI; install from PyPI itself, then run the command again.`,
    );
  }
  throw new SetupError(
    `Cannot install the course's Jupyter into ${shortPath(venvDir)} as pip failed (exit code ` +
      `${status.code}). Its last lines:\n${lines.slice(-12).join("\n")}\nFix what they say, ` +
      `then run the command again (to start over, delete ${shortPath(venvDir)}).`,
  );
}

/**
 * Makes sure the course's Python environment exists and holds exactly what `requirements.txt`
 * pins: creates it with the first suitable Python on the PATH when it is missing or broken, and
 * runs pip when the lock file changed since the last complete install. Changes nothing, and needs
 * no network, when both are already right.
 *
 * @param options Where the environment and the lock file are, the PATH, pip's environment
 * @returns Whether anything changed, the environment's Python and its JupyterLab version
 * @throws {SetupError} When Python, its venv module or the network is missing, or pip fails
 *
 * @example Usage
 * ```ts ignore
 * import { ensureVenv } from "./python_env.ts";
 *
 * const { changed, jupyterlab } = await ensureVenv();
 * console.log(changed ? `installed JupyterLab ${jupyterlab}` : "nothing to do");
 * ```
 */
export async function ensureVenv(options: EnsureVenvOptions = {}): Promise<EnsureVenvResult> {
  const venvDir = options.venvDir ?? VENV_DIR;
  const requirements = options.requirements ?? REQUIREMENTS;
  const log = options.log ?? console.log;
  const python = venvBin(venvDir, "python");
  const wanted = await sha256File(requirements);
  const stamp = `${venvDir}/${STAMP}`;
  const before = await probe(venvDir);
  if (before.jupyterlab !== null && (await readTextOrNull(stamp))?.trim() === wanted) {
    return { changed: false, python, jupyterlab: before.jupyterlab };
  }
  if (!before.runs) {
    await createVenv(venvDir, options.searchPath ?? Deno.env.get("PATH") ?? "", log);
  }
  await Deno.remove(stamp).catch(() => {});
  await pipInstall(venvDir, requirements, options.pipEnv ?? {}, log);
  const after = await probe(venvDir);
  if (after.jupyterlab === null) {
    throw new SetupError(
      `Cannot use ${shortPath(venvDir)} as JupyterLab, nbclient or plotly is missing there ` +
        `after pip installed ${shortPath(requirements).replace(/\/$/, "")}. Delete ` +
        `${shortPath(venvDir)} and run the command again.`,
    );
  }
  await Deno.writeTextFile(stamp, `${wanted}\n`);
  return { changed: true, python, jupyterlab: after.jupyterlab };
}

/**
 * Where each kernelspec that Jupyter would use is, as seen by `python` (a Jupyter environment's
 * interpreter) with `env` added to the environment: `{ "deno-course": "/path/to/kernelspec" }`.
 *
 * @param python The interpreter whose Jupyter to ask
 * @param env Extra environment variables, such as those Jupyter is started with
 * @returns Each kernel name with its kernelspec folder
 *
 * @example Usage
 * ```ts ignore
 * import { coursePython, kernelspecDirs } from "./python_env.ts";
 *
 * const dirs = await kernelspecDirs(coursePython());
 * console.log(dirs["deno-course"]);
 * ```
 */
export async function kernelspecDirs(
  python: string,
  env: Record<string, string> = {},
): Promise<Record<string, string>> {
  const { success, stdout, stderr } = await new Deno.Command(python, {
    args: [
      "-c",
      "import json\nfrom jupyter_client.kernelspec import KernelSpecManager\n" +
      "print(json.dumps(KernelSpecManager().find_kernel_specs()))",
    ],
    env,
    stdout: "piped",
    stderr: "piped",
  }).output();
  if (!success) {
    throw new SetupError(
      `Cannot list Jupyter's kernels as ${python} failed: ${new TextDecoder().decode(stderr)}`,
    );
  }
  return JSON.parse(new TextDecoder().decode(stdout));
}
