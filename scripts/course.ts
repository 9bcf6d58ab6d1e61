/**
 * `deno task course`: everything a learner needs between `git clone` and a running notebook.
 *
 * 1. checks Deno is new enough;
 * 2. installs the npm packages the library uses (`deno install`, a no-op when they are there);
 * 3. writes the course kernelspec (`kernel/install.ts`), unchanged when it is already right;
 * 4. checks Jupyter is installed, and says how to install it when it is not;
 * 5. opens JupyterLab (or classic Notebook when Lab is missing) at the repository root, showing
 *    `notebooks/`. The server's root must be the repository root: plots load plotly.js from
 *    `node_modules/` through the server's `files/` route.
 *
 * Options: `--setup-only` stops after step 4. Anything else (`--no-browser`, `--port=8899`, ...)
 * is passed on to Jupyter.
 *
 * @module
 */
import { installKernelspec } from "../kernel/install.ts";

const ROOT = new URL("../", import.meta.url).pathname.replace(/\/$/, "");
const MIN_DENO_MAJOR = 2;
const JUPYTER_INSTALL = "python3 -m pip install jupyterlab nbclient plotly";

/** Stops with a message that says what is missing and the command that fixes it. */
function fail(message: string): never {
  console.error(`\n${message}\n`);
  Deno.exit(1);
}

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
    fail(
      `This course needs Deno ${MIN_DENO_MAJOR}.x or newer for its Jupyter kernel; this is Deno ` +
        `${Deno.version.deno}. Upgrade it with:\n    npm install -g deno\n(or: deno upgrade)`,
    );
  }
}

async function installPackages(): Promise<void> {
  const { ok, out } = await run(Deno.execPath(), ["install", "--quiet"]);
  if (!ok) {
    fail(
      `Could not install the course's npm packages (deno install failed):\n${out.trim()}\n` +
        `Check your connection to the npm registry, then run \`deno task course\` again.`,
    );
  }
  console.log("npm packages: installed in node_modules/");
}

/** Which Jupyter front end to open: JupyterLab if it is installed, else classic Notebook. */
async function findJupyter(): Promise<"lab" | "notebook"> {
  if ((await run("jupyter", ["lab", "--version"])).ok) return "lab";
  if ((await run("jupyter", ["notebook", "--version"])).ok) return "notebook";
  fail(
    `Jupyter is not installed (no \`jupyter lab\` or \`jupyter notebook\` on the PATH).\n` +
      `Install JupyterLab, the notebook client the tests use, and plotly's JupyterLab renderer with:\n` +
      `    ${JUPYTER_INSTALL}\nthen run \`deno task course\` again.`,
  );
}

async function main(args: string[]): Promise<void> {
  const setupOnly = args.includes("--setup-only");
  const jupyterArgs = args.filter((arg) => arg !== "--setup-only");

  checkDeno();
  await installPackages();
  const kernel = await installKernelspec();
  console.log(
    `course kernel: "Deno (course)" ${
      kernel.changed ? "written to" : "unchanged in"
    } ${kernel.dir}`,
  );
  const frontEnd = await findJupyter();
  console.log(`jupyter: ${frontEnd === "lab" ? "JupyterLab" : "classic Notebook"} found`);
  if (setupOnly) {
    console.log("Set-up done. Run `deno task course` to open the notebooks.");
    return;
  }

  const defaultUrl = frontEnd === "lab" ? "/lab/tree/notebooks" : "/tree/notebooks";
  console.log(`Starting Jupyter at ${ROOT}; it prints the address to open (with its token) below.`);
  const server = new Deno.Command("jupyter", {
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
