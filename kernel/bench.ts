/**
 * Measures the delay the course kernel adds to each cell: the median execute round trip (request
 * sent until both execute_reply and idle are back) through the relay, minus the same straight
 * to `deno jupyter --kernel`. Needs python3 with jupyter_client.
 *
 * ```sh
 * deno run -A kernel/bench.ts [CELLS]
 * ```
 *
 * @module
 */

import { kernelJson } from "./install.ts";
import { coursePython } from "../scripts/python_env.ts";

interface ClientResult {
  expression: number[];
  log_and_expression: number[];
  idle_cpu_percent: number;
}

function quantile(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
}

async function measure(kernelName: string, cells: number, env: Record<string, string>) {
  const workdir = await Deno.makeTempDir({ prefix: "kernel-bench-" });
  try {
    const { code, stdout, stderr } = await new Deno.Command(coursePython(), {
      args: [
        new URL("./bench_client.py", import.meta.url).pathname,
        kernelName,
        `${cells}`,
        workdir,
      ],
      env,
      stdout: "piped",
      stderr: "piped",
    }).output();
    if (code !== 0) {
      throw new Error(`Cannot benchmark ${kernelName}: ${new TextDecoder().decode(stderr)}`);
    }
    return JSON.parse(new TextDecoder().decode(stdout)) as ClientResult;
  } finally {
    await Deno.remove(workdir, { recursive: true });
  }
}

if (import.meta.main) {
  const cells = Number(Deno.args[0] ?? "200");
  const jupyterPath = await Deno.makeTempDir({ prefix: "kernel-bench-jupyter-" });
  const specs = {
    "deno-course": kernelJson(Deno.execPath()),
    "deno-direct": {
      ...kernelJson(Deno.execPath()),
      argv: [Deno.execPath(), "jupyter", "--kernel", "--conn", "{connection_file}"],
    },
  };
  for (const [name, spec] of Object.entries(specs)) {
    await Deno.mkdir(`${jupyterPath}/kernels/${name}`, { recursive: true });
    await Deno.writeTextFile(`${jupyterPath}/kernels/${name}/kernel.json`, JSON.stringify(spec));
  }
  const env = { JUPYTER_PATH: jupyterPath };
  const direct = await measure("deno-direct", cells, env);
  const course = await measure("deno-course", cells, env);
  await Deno.remove(jupyterPath, { recursive: true });
  const ms = (seconds: number) => (seconds * 1000).toFixed(1);
  console.log(`${cells} cells of each kind; round trip in ms (median / 90th percentile)`);
  for (const kind of ["expression", "log_and_expression"] as const) {
    const [d, c] = [direct[kind], course[kind]];
    console.log(
      `${kind.padEnd(20)} direct ${ms(quantile(d, 0.5))} / ${ms(quantile(d, 0.9))}` +
        `   course ${ms(quantile(c, 0.5))} / ${ms(quantile(c, 0.9))}` +
        `   added ${ms(quantile(c, 0.5) - quantile(d, 0.5))} (median)`,
    );
  }
  console.log(
    `idle CPU: deno kernel alone ${direct.idle_cpu_percent.toFixed(1)}%, ` +
      `relay process ${course.idle_cpu_percent.toFixed(1)}% (of one core)`,
  );
}
