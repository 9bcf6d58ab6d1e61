// Helpers for the course kernel's tests: a private kernelspec, and the Python scripts that drive
// the kernel through jupyter_client and nbclient, as real front ends do.
import { installKernelspec, KERNEL_NAME } from "../../kernel/install.ts";
import { coursePython } from "../../scripts/python_env.ts";

const HERE = new URL("./", import.meta.url);

/** A kernelspec of the working tree in a temporary JUPYTER_PATH, and a folder to run in. */
export interface KernelSetup {
  /** Environment that makes Jupyter find the kernelspec. */
  env: Record<string, string>;
  /** An empty folder: the kernel's working directory, where notebooks go. */
  workdir: string;
  /** Removes both folders. */
  cleanup(): Promise<void>;
}

/**
 * Fails, naming what to install, when the course's Python (`.venv/`, or python3 with
 * COURSE_JUPYTER=own) or its Jupyter client packages are missing.
 */
export async function requireJupyter(): Promise<void> {
  const python = coursePython();
  let ok = false;
  try {
    const probe = await new Deno.Command(python, {
      args: ["-c", "import jupyter_client, nbclient, nbformat, zmq"],
      stdout: "null",
      stderr: "null",
    }).output();
    ok = probe.success;
  } catch {
    ok = false; // no such python
  }
  if (!ok) {
    throw new Error(
      `Cannot test the course kernel as ${python} lacks Jupyter's client packages ` +
        "(jupyter_client, nbclient, nbformat, pyzmq). Install them with:\n" +
        "    deno task course --setup-only\n(or, with COURSE_JUPYTER=own: " +
        "python3 -m pip install -r requirements.txt), then run the tests again.",
    );
  }
}

/** Writes this working tree's kernelspec into a temporary Jupyter path. */
export async function setUpKernel(): Promise<KernelSetup> {
  await requireJupyter();
  const jupyterPath = await Deno.makeTempDir({ prefix: "kernel-test-jupyter-" });
  const workdir = await Deno.makeTempDir({ prefix: "kernel-test-work-" });
  await installKernelspec({ kernelsDir: `${jupyterPath}/kernels`, quiet: true });
  return {
    env: { JUPYTER_PATH: jupyterPath },
    workdir,
    async cleanup() {
      await Deno.remove(jupyterPath, { recursive: true });
      await Deno.remove(workdir, { recursive: true });
    },
  };
}

/**
 * Runs one of this folder's Python scripts and parses the JSON it prints. On timeout the script
 * gets SIGTERM, on which it shuts its kernels down before exiting. `env` adds to the
 * environment of the script and of the kernels it starts.
 */
export async function runPython(
  script: string,
  args: string[],
  setup: KernelSetup,
  timeoutMs: number,
  env: Record<string, string> = {},
): Promise<unknown> {
  const { code, stdout, stderr } = await new Deno.Command(coursePython(), {
    args: [new URL(script, HERE).pathname, ...args],
    cwd: setup.workdir,
    env: { ...setup.env, ...env },
    stdout: "piped",
    stderr: "piped",
    signal: AbortSignal.timeout(timeoutMs),
  }).output();
  const text = new TextDecoder();
  if (code !== 0) {
    throw new Error(
      `Cannot finish ${script} ${args[0] ?? ""} as it exited with code ${code}:\n` +
        text.decode(stderr).slice(-3000),
    );
  }
  return JSON.parse(text.decode(stdout));
}

/** Writes a notebook of code cells, asking for the course kernel, and returns its path. */
export async function writeNotebook(dir: string, name: string, cells: string[]): Promise<string> {
  const notebook = {
    nbformat: 4,
    nbformat_minor: 5,
    metadata: {
      kernelspec: { name: KERNEL_NAME, display_name: "Deno (course)", language: "typescript" },
    },
    cells: cells.map((source, i) => ({
      cell_type: "code",
      id: `cell-${i}`,
      metadata: {},
      execution_count: null,
      outputs: [],
      source,
    })),
  };
  const path = `${dir}/${name}`;
  await Deno.writeTextFile(path, JSON.stringify(notebook, null, 1));
  return path;
}
