/**
 * Writes the `deno-course` kernelspec, which starts the course kernel (`kernel/main.ts`).
 *
 * `deno task course` runs it for you, into the checkout's own Python environment
 * (`.venv/share/jupyter/kernels/`), so each checkout has its own kernel. Run by hand, it writes
 * there too when `.venv/` exists, else into the user's Jupyter folder (`jupyter --data-dir`):
 *
 * ```sh
 * deno run -A kernel/install.ts
 * ```
 *
 * @module
 */

import { fileURLToPath } from "node:url";

/** The kernelspec's name: notebooks ask for it in their metadata. */
export const KERNEL_NAME = "deno-course";

/** Options for {@link installKernelspec}. */
export interface InstallKernelspecOptions {
  /**
   * The Jupyter `kernels` folder to write into.
   * @default userKernelsDir()
   */
  kernelsDir?: string;
  /**
   * The deno binary the kernelspec starts.
   * @default Deno.execPath()
   */
  denoPath?: string;
  /**
   * Print nothing.
   * @default false
   */
  quiet?: boolean;
}

/** What {@link installKernelspec} did. */
export interface InstallKernelspecResult {
  /** The kernelspec's folder. */
  dir: string;
  /** Whether kernel.json was written (false when it already had this content). */
  changed: boolean;
  /**
   * The checkout the kernelspec started before, when that was another checkout than this one:
   * a kernelspec outside a checkout's own environment is shared by every checkout that writes it.
   */
  previousCheckout?: string;
}

/** This checkout's root folder, the one whose `kernel/` and `lib/` the kernelspec starts. */
const CHECKOUT = fileURLToPath(new URL("../", import.meta.url)).replace(/\/$/, "");

/**
 * The kernel.json that starts the course kernel with the deno binary at `denoPath`.
 *
 * @param denoPath Absolute path of the deno binary
 * @returns The kernelspec, ready for `JSON.stringify`
 *
 * @example Usage
 * ```ts
 * import { kernelJson } from "./install.ts";
 * import { equal } from "node:assert/strict";
 *
 * const spec = kernelJson("/usr/bin/deno");
 * equal(spec.interrupt_mode, "message");
 * equal((spec.argv as string[]).at(-1), "{connection_file}");
 * ```
 */
export function kernelJson(denoPath: string): Record<string, unknown> {
  const main = fileURLToPath(new URL("./main.ts", import.meta.url));
  const config = fileURLToPath(new URL("../deno.json", import.meta.url));
  return {
    // --config: the kernel starts in the notebook's folder, which may be outside the repo.
    argv: [denoPath, "run", "--allow-all", "--config", config, main, "{connection_file}"],
    display_name: "Deno (course)",
    language: "typescript",
    // Without it, front ends interrupt with SIGINT, which kills Deno's kernel.
    interrupt_mode: "message",
    env: { NO_COLOR: "1" },
  };
}

/**
 * The user's Jupyter `kernels` folder: `jupyter --data-dir` (which honours `JUPYTER_DATA_DIR`)
 * plus `/kernels`, or `~/.local/share/jupyter/kernels` when `jupyter` is not on the PATH.
 *
 * @returns The folder's path
 *
 * @example Usage
 * ```ts ignore
 * import { userKernelsDir } from "./install.ts";
 *
 * console.log(await userKernelsDir()); // e.g. /home/me/.local/share/jupyter/kernels
 * ```
 */
export async function userKernelsDir(): Promise<string> {
  try {
    const output = await new Deno.Command("jupyter", { args: ["--data-dir"], stderr: "null" })
      .output();
    const dir = new TextDecoder().decode(output.stdout).trim();
    if (output.success && dir !== "") return `${dir}/kernels`;
  } catch { /* jupyter is not on PATH */ }
  return `${Deno.env.get("HOME") ?? "."}/.local/share/jupyter/kernels`;
}

/** The checkout an existing kernel.json starts (the folder above its `kernel/main.ts`), if any. */
async function checkoutOf(kernelJsonPath: string): Promise<string | null> {
  try {
    const spec = JSON.parse(await Deno.readTextFile(kernelJsonPath)) as { argv?: unknown };
    const main = Array.isArray(spec.argv)
      ? spec.argv.find((arg) => typeof arg === "string" && arg.endsWith("/kernel/main.ts"))
      : undefined;
    return typeof main === "string" ? main.slice(0, -"/kernel/main.ts".length) : null;
  } catch {
    return null; // no kernel.json yet, or not one of ours
  }
}

/** Writes `bytes` to `path` unless the file already holds them; returns whether it wrote. */
async function writeIfChanged(path: string, bytes: Uint8Array): Promise<boolean> {
  try {
    const old = await Deno.readFile(path);
    if (old.length === bytes.length && old.every((byte, i) => byte === bytes[i])) return false;
  } catch { /* no such file yet */ }
  await Deno.writeFile(path, bytes);
  return true;
}

/** Deno's logo files, taken from a throwaway `deno jupyter --install`; empty if that fails. */
async function denoLogos(denoPath: string): Promise<Map<string, Uint8Array>> {
  const logos = new Map<string, Uint8Array>();
  const home = await Deno.makeTempDir({ prefix: "deno-course-logos-" });
  try {
    await new Deno.Command(denoPath, {
      args: ["jupyter", "--install", "--force"],
      env: { HOME: home, JUPYTER_DATA_DIR: `${home}/jupyter` },
      stdout: "null",
      stderr: "null",
    }).output();
    for (const dir of [`${home}/.local/share/jupyter`, `${home}/jupyter`]) {
      for (const name of ["logo-32x32.png", "logo-64x64.png", "logo-svg.svg"]) {
        try {
          logos.set(name, await Deno.readFile(`${dir}/kernels/deno/${name}`));
        } catch { /* not there */ }
      }
    }
  } catch { /* no logos then */ }
  await Deno.remove(home, { recursive: true }).catch(() => {});
  return logos;
}

/**
 * Writes the `deno-course` kernelspec (kernel.json and Deno's logos) into Jupyter's kernels
 * folder. Leaves files that already have the right content alone.
 *
 * @param options Where to write, which deno to use, whether to print
 * @returns The kernelspec's folder and whether kernel.json changed
 *
 * @example Usage
 * ```ts ignore
 * import { installKernelspec } from "./install.ts";
 *
 * const { dir, changed } = await installKernelspec({ kernelsDir: "/tmp/jupyter/kernels" });
 * ```
 */
export async function installKernelspec(
  options: InstallKernelspecOptions = {},
): Promise<InstallKernelspecResult> {
  const kernelsDir = options.kernelsDir ?? await userKernelsDir();
  const denoPath = options.denoPath ?? Deno.execPath();
  const dir = `${kernelsDir}/${KERNEL_NAME}`;
  const previous = await checkoutOf(`${dir}/kernel.json`);
  await Deno.mkdir(dir, { recursive: true });
  const json = JSON.stringify(kernelJson(denoPath), null, 2) + "\n";
  const changed = await writeIfChanged(`${dir}/kernel.json`, new TextEncoder().encode(json));
  let logosWritten = 0;
  for (const [name, bytes] of await denoLogos(denoPath)) {
    if (await writeIfChanged(`${dir}/${name}`, bytes)) logosWritten++;
  }
  if (!options.quiet) {
    console.log(
      changed
        ? `Wrote kernelspec ${KERNEL_NAME} to ${dir}/kernel.json`
        : `Kernelspec ${KERNEL_NAME} in ${dir} is up to date`,
    );
    if (logosWritten > 0) console.log(`Copied ${logosWritten} Deno logo file(s) to ${dir}`);
    if (previous !== null && previous !== CHECKOUT) console.log(repointedMessage(dir, previous));
  }
  return previous !== null && previous !== CHECKOUT
    ? { dir, changed, previousCheckout: previous }
    : { dir, changed };
}

/**
 * The plain words for a shared kernelspec that now starts this checkout instead of another one.
 *
 * @param dir The kernelspec's folder
 * @param previous The checkout it started before
 * @returns One paragraph for the learner
 *
 * @example Usage
 * ```ts
 * import { repointedMessage } from "./install.ts";
 * import { match } from "node:assert/strict";
 *
 * match(repointedMessage("/k/deno-course", "/old/course"), /pointed at \/old\/course/);
 * ```
 */
export function repointedMessage(dir: string, previous: string): string {
  return `Note: the kernel deno-course in ${dir} pointed at the checkout ${previous}; it now ` +
    `points at this one, ${CHECKOUT}. That folder holds one kernel per user, so notebooks ` +
    `opened from ${previous} now run this checkout's kernel/ and lib/ until you run the same ` +
    `command there again. Each checkout keeps its own kernel when you let \`deno task course\` ` +
    `use the checkout's .venv/ (that is, without --own-jupyter).`;
}

if (import.meta.main) {
  // Into the checkout's own environment when it has one, else into the user's Jupyter folder.
  let kernelsDir: string | undefined;
  try {
    await Deno.stat(`${CHECKOUT}/.venv/pyvenv.cfg`);
    kernelsDir = `${CHECKOUT}/.venv/share/jupyter/kernels`;
  } catch { /* no .venv: the user's folder */ }
  await installKernelspec(kernelsDir === undefined ? {} : { kernelsDir });
}
