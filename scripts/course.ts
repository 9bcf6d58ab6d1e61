/**
 * `deno task course`: everything a learner needs between `git clone` and a running notebook.
 *
 * 1. checks Deno is new enough;
 * 2. installs the npm packages the library uses (`deno install`, a no-op when they are there);
 * 3. makes sure the checkout's own Python environment, `.venv/`, holds the Jupyter that
 *    `requirements.txt` pins (`scripts/python_env.ts`): created on the first run, left alone
 *    after, so later runs need no network;
 * 4. writes the course kernelspec into that environment (`kernel/install.ts`), so this checkout's
 *    Jupyter starts this checkout's kernel, whatever other checkouts do;
 * 5. opens JupyterLab at the repository root, showing `notebooks/`. The server's root must be the
 *    repository root: plots load plotly.js from `node_modules/` through the server's `files/`
 *    route.
 *
 * Options: `--setup-only` stops after step 4. `--own-jupyter` (or `COURSE_JUPYTER=own` in the
 * environment) skips `.venv/` and uses the `jupyter` on the PATH, with the kernelspec in the
 * user's Jupyter folder (one for all checkouts: the command says when it re-points it). Anything
 * else (`--no-browser`, `--port=8899`, ...) is passed on to Jupyter.
 *
 * @module
 */
import {
  installKernelspec,
  KERNEL_NAME,
  repointedMessage,
  userKernelsDir,
} from "../kernel/install.ts";
import {
  ensureVenv,
  kernelspecDirs,
  ROOT,
  SetupError,
  usesOwnJupyter,
  VENV_DIR,
  venvBin,
} from "./python_env.ts";

const MIN_DENO_MAJOR = 2;

const HELP = `deno task course [--setup-only] [--own-jupyter] [JUPYTER OPTIONS...]

Sets up the course (npm packages, the checkout's Python environment .venv/ with the Jupyter that
requirements.txt pins, the course kernel) and opens JupyterLab on notebooks/.

  --setup-only    set up, but do not start Jupyter
  --own-jupyter   use the jupyter on your PATH instead of .venv/ (same as COURSE_JUPYTER=own)
  anything else   passed on to Jupyter, e.g. --no-browser --port=8899`;

/** Jupyter is told to prefer the environment's kernelspecs over the user's (jupyter_core). */
const PREFER_ENV = { JUPYTER_PREFER_ENV_PATH: "1" };

/** Runs a command to completion; returns whether it succeeded and what it printed. */
async function run(cmd: string, args: string[]): Promise<{ ok: boolean; out: string }> {
  try {
    const result = await new Deno.Command(cmd, {
      args,
      cwd: ROOT,
      stdout: "piped",
      stderr: "piped",
    })
      .output();
    const text = new TextDecoder();
    return { ok: result.success, out: text.decode(result.stdout) + text.decode(result.stderr) };
  } catch {
    return { ok: false, out: `${cmd} was not found` };
  }
}

function checkDeno(): void {
  const major = Number(Deno.version.deno.split(".")[0]);
  if (major < MIN_DENO_MAJOR) {
    throw new SetupError(
      `Cannot run this course as it needs Deno ${MIN_DENO_MAJOR}.x or newer for its Jupyter ` +
        `kernel: this is Deno ${Deno.version.deno}. Run the course with a newer one without ` +
        `installing it: npx -y deno@2.9.6 task course (or upgrade: npm install -g deno).`,
    );
  }
}

/** The package folders in node_modules/.deno/ (one per package version), sorted. */
async function installedPackages(): Promise<string> {
  const names: string[] = [];
  try {
    for await (const entry of Deno.readDir(`${ROOT}/node_modules/.deno`)) {
      if (!entry.name.startsWith(".")) names.push(entry.name);
    }
  } catch { /* no node_modules yet */ }
  return names.sort().join("\n");
}

/** `deno install`; returns whether it added, removed or changed a package in node_modules/. */
async function installPackages(): Promise<boolean> {
  const before = await installedPackages();
  const { ok, out } = await run(Deno.execPath(), ["install", "--quiet"]);
  if (!ok) {
    throw new SetupError(
      `Cannot install the course's npm packages as \`deno install\` failed:\n${out.trim()}\n` +
        `The first run downloads them from the npm registry: check your connection, then run ` +
        `the command again.`,
    );
  }
  return before !== await installedPackages();
}

/** Which front end the learner's own Jupyter has: JupyterLab, else classic Notebook. */
async function findOwnJupyter(): Promise<"lab" | "notebook"> {
  if ((await run("jupyter", ["lab", "--version"])).ok) return "lab";
  if ((await run("jupyter", ["notebook", "--version"])).ok) return "notebook";
  throw new SetupError(
    `Cannot use your own Jupyter (--own-jupyter) as there is no \`jupyter lab\` or ` +
      `\`jupyter notebook\` on the PATH. Install the versions the course is tested with into ` +
      `your Python with \`python3 -m pip install -r requirements.txt\`, or drop --own-jupyter ` +
      `to let the course keep its own in .venv/.`,
  );
}

/** Warns when Jupyter would start another `deno-course` than the one just written. */
async function warnIfShadowed(python: string, written: string): Promise<void> {
  const found = (await kernelspecDirs(python, PREFER_ENV))[KERNEL_NAME];
  if (found === undefined || found === written) return;
  const via = Deno.env.get("JUPYTER_PATH")
    ? `JUPYTER_PATH (${Deno.env.get("JUPYTER_PATH")}) lists it first`
    : "it comes first in Jupyter's search path";
  console.log(
    `Warning: this checkout's Jupyter would start the ${KERNEL_NAME} kernel in ${found}, not ` +
      `the one just written to ${written}: ${via}. Remove it (rm -r ${found}) or unset ` +
      `JUPYTER_PATH, then run the command again.`,
  );
}

interface Setup {
  /** The jupyter program to start, and its front end. */
  jupyter: string;
  frontEnd: "lab" | "notebook";
  /** One line per step that changed something; empty when nothing did. */
  changes: string[];
  /** What is in place, for the one line that says nothing changed. */
  state: string;
}

async function setUp(ownJupyter: boolean): Promise<Setup> {
  checkDeno();
  const changes: string[] = [];
  if (await installPackages()) changes.push("npm packages: installed in node_modules/");

  if (ownJupyter) {
    const frontEnd = await findOwnJupyter();
    const kernel = await installKernelspec({ kernelsDir: await userKernelsDir(), quiet: true });
    if (kernel.changed) changes.push(`course kernel: ${KERNEL_NAME} written to ${kernel.dir}`);
    // installKernelspec prints nothing when quiet; re-pointing a shared kernel must be said.
    if (kernel.previousCheckout !== undefined) {
      changes.push(repointedMessage(kernel.dir, kernel.previousCheckout));
    }
    return {
      jupyter: "jupyter",
      frontEnd,
      changes,
      state: `npm packages, your own Jupyter, kernel ${KERNEL_NAME} in ${kernel.dir}`,
    };
  }

  const venv = await ensureVenv();
  if (venv.changed) changes.push(`Python environment: .venv/ holds JupyterLab ${venv.jupyterlab}`);
  const kernelsDir = `${VENV_DIR}/share/jupyter/kernels`;
  const kernel = await installKernelspec({ kernelsDir, quiet: true });
  if (kernel.changed) changes.push(`course kernel: ${KERNEL_NAME} written to ${kernel.dir}`);
  await warnIfShadowed(venv.python, kernel.dir);
  return {
    jupyter: venvBin(VENV_DIR, "jupyter"),
    frontEnd: "lab",
    changes,
    state:
      `npm packages, .venv/ with JupyterLab ${venv.jupyterlab}, kernel ${KERNEL_NAME} in .venv/`,
  };
}

async function main(args: string[]): Promise<void> {
  if (args.includes("--help") || args.includes("-h")) {
    console.log(HELP);
    return;
  }
  const setupOnly = args.includes("--setup-only");
  const ownJupyter = args.includes("--own-jupyter") || usesOwnJupyter();
  const jupyterArgs = args.filter((arg) => arg !== "--setup-only" && arg !== "--own-jupyter");

  let setup: Setup;
  try {
    setup = await setUp(ownJupyter);
  } catch (error) {
    if (!(error instanceof SetupError)) throw error;
    console.error(`\n${error.message}\n`);
    Deno.exit(1);
  }
  if (setup.changes.length === 0) console.log(`Set-up: nothing to change (${setup.state}).`);
  else for (const line of setup.changes) console.log(line);
  if (setupOnly) {
    if (setup.changes.length > 0) {
      console.log("Set-up done: the same command without --setup-only opens the notebooks.");
    }
    return;
  }

  const { jupyter, frontEnd } = setup;
  const defaultUrl = frontEnd === "lab" ? "/lab/tree/notebooks" : "/tree/notebooks";
  console.log(
    `Starting ${frontEnd === "lab" ? "JupyterLab" : "classic Notebook"} at ${ROOT}; it prints ` +
      `the address to open (with its token) below. Stop it with Ctrl+C.`,
  );
  const server = new Deno.Command(jupyter, {
    args: [
      frontEnd,
      `--ServerApp.root_dir=${ROOT}`,
      `--ServerApp.default_url=${defaultUrl}`,
      // node_modules/ holds links into its hidden .deno/ folder; JupyterLab's server refuses to
      // serve hidden files unless told, and the plots load plotly.js from there.
      "--ContentsManager.allow_hidden=True",
      // Jupyter refuses to run as root (containers, CI) unless told.
      ...(Deno.uid() === 0 ? ["--allow-root"] : []),
      ...jupyterArgs,
    ],
    cwd: ROOT,
    env: ownJupyter ? {} : PREFER_ENV,
    stdin: "inherit",
    stdout: "inherit",
    stderr: "inherit",
  }).spawn();
  // Ctrl+C reaches Jupyter too (same process group); wait for it to shut down cleanly.
  Deno.addSignalListener("SIGINT", () => {});
  const status = await server.status;
  Deno.exit(status.code);
}

if (import.meta.main) await main(Deno.args);
