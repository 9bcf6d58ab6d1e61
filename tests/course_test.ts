// `deno task course`, run as a learner would: twice in a row, each time up to a live Jupyter
// server that serves the notebooks and plotly.js from node_modules/, then shut down; and with the
// learner's own Jupyter, where one kernelspec serves every checkout. (From a fresh clone, with
// neither Deno nor Jupyter installed: tests/setup/, which needs the network.)
import { deepStrictEqual as assertEquals, match as assertMatch, ok as assert } from "./_helpers.ts";
import { ROOT, VENV_DIR } from "../scripts/python_env.ts";

const COURSE = new URL("../scripts/course.ts", import.meta.url).pathname;

/** Runs `deno task course` with these arguments and environment; returns its exit code and output. */
async function course(
  args: string[],
  env: Record<string, string> = {},
): Promise<{ code: number; stdout: string; text: string }> {
  const { code, stdout, stderr } = await new Deno.Command(Deno.execPath(), {
    args: ["run", "-A", COURSE, ...args],
    env,
    stdout: "piped",
    stderr: "piped",
  }).output();
  const out = new TextDecoder().decode(stdout);
  return { code, stdout: out, text: out + new TextDecoder().decode(stderr) };
}

/** A temporary Jupyter data folder holding a deno-course kernelspec of another checkout. */
async function staleKernelspec(): Promise<string> {
  const dir = await Deno.makeTempDir({ prefix: "jupyter-data-" });
  await Deno.mkdir(`${dir}/kernels/deno-course`, { recursive: true });
  await Deno.writeTextFile(
    `${dir}/kernels/deno-course/kernel.json`,
    JSON.stringify({
      argv: ["/usr/bin/deno", "run", "--allow-all", "/elsewhere/course/kernel/main.ts"],
      display_name: "Deno (course)",
    }),
  );
  return dir;
}

function freePort(): number {
  const listener = Deno.listen({ hostname: "127.0.0.1", port: 0 });
  const { port } = listener.addr as Deno.NetAddr;
  listener.close();
  return port;
}

async function waitForServer(url: string, token: string, seconds: number): Promise<Response> {
  const deadline = Date.now() + seconds * 1000;
  while (Date.now() < deadline) {
    try {
      const response = await fetch(url, { headers: { Authorization: `token ${token}` } });
      return response;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
  throw new Error(`Jupyter did not answer at ${url} within ${seconds} s`);
}

/** Starts `deno task course`, checks what the server serves, shuts it down. */
async function openCourseOnce(): Promise<void> {
  const port = freePort();
  const token = crypto.randomUUID().replaceAll("-", "");
  const child = new Deno.Command(Deno.execPath(), {
    args: [
      "run",
      "-A",
      COURSE,
      "--no-browser",
      "--ip=127.0.0.1",
      `--port=${port}`,
      "--port-retries=0",
      `--IdentityProvider.token=${token}`,
    ],
    stdout: "piped",
    stderr: "piped",
  }).spawn();
  const output = Promise.all([
    new Response(child.stdout).text(),
    new Response(child.stderr).text(),
  ]);
  const base = `http://127.0.0.1:${port}`;
  try {
    const contents = await waitForServer(`${base}/api/contents/notebooks`, token, 60);
    assertEquals(contents.status, 200);
    const listing = await contents.json() as { content: { name: string }[] };
    assert(
      listing.content.some((entry) => entry.name === "00_welcome.ipynb"),
      `notebooks/ as served: ${JSON.stringify(listing.content.map((e) => e.name))}`,
    );
    const plotly = await waitForServer(
      `${base}/files/node_modules/plotly.js-dist-min/plotly.min.js`,
      token,
      10,
    );
    assertEquals(plotly.status, 200, "the server must serve plotly.js from node_modules/");
    await plotly.body?.cancel();
    const specs = await waitForServer(`${base}/api/kernelspecs`, token, 10);
    const kernelspecs = (await specs.json()).kernelspecs;
    const argv: string[] = kernelspecs["deno-course"]?.spec.argv ?? [];
    assert(
      argv.includes(`${ROOT}/kernel/main.ts`),
      `the server's deno-course must start this checkout's kernel: ${JSON.stringify(kernelspecs)}`,
    );
  } finally {
    await fetch(`${base}/api/shutdown`, {
      method: "POST",
      headers: { Authorization: `token ${token}` },
    }).then((r) => r.body?.cancel()).catch(() => {
      try {
        child.kill("SIGTERM");
      } catch { /* it has exited already; its output below says why */ }
    });
    const status = await child.status;
    const [stdout, stderr] = await output;
    assert(
      status.code === 0 || status.signal !== null,
      `course exited ${status.code}:\n${stdout}\n${stderr}`,
    );
    assertMatch(stdout, /Starting JupyterLab at /);
  }
}

Deno.test("deno task course --setup-only run twice says in one line that nothing changed", async () => {
  const first = await course(["--setup-only"]);
  assertEquals(first.code, 0, first.text);
  const second = await course(["--setup-only"]);
  assertEquals(second.code, 0, second.text);
  assertEquals(
    second.stdout,
    "Set-up: nothing to change (npm packages, .venv/ with JupyterLab 4.6.6, kernel deno-course " +
      "in .venv/).\n",
  );
  const spec = JSON.parse(
    await Deno.readTextFile(`${VENV_DIR}/share/jupyter/kernels/deno-course/kernel.json`),
  );
  assert(spec.argv.includes(`${ROOT}/kernel/main.ts`), JSON.stringify(spec.argv));
});

Deno.test("deno task course warns when JUPYTER_PATH holds another deno-course", async () => {
  const other = await staleKernelspec();
  try {
    const { code, text } = await course(["--setup-only"], { JUPYTER_PATH: other });
    assertEquals(code, 0, text);
    assertMatch(
      text,
      /Warning: this checkout's Jupyter would start the deno-course kernel in .*jupyter-data-.*JUPYTER_PATH/,
    );
  } finally {
    await Deno.remove(other, { recursive: true });
  }
});

Deno.test("deno task course --own-jupyter says which checkout the shared kernel pointed at", async () => {
  // The learner's own Jupyter: here the one in .venv/, found on the PATH like any other.
  const data = await staleKernelspec();
  const env = {
    JUPYTER_DATA_DIR: data,
    PATH: `${VENV_DIR}/bin:${Deno.env.get("PATH")}`,
  };
  try {
    const first = await course(["--setup-only", "--own-jupyter"], env);
    assertEquals(first.code, 0, first.text);
    assertMatch(
      first.stdout,
      new RegExp(
        `deno-course in ${data}/kernels/deno-course pointed at the checkout /elsewhere/course; ` +
          `it now points at this one, ${ROOT}\\.`,
      ),
    );
    const spec = JSON.parse(await Deno.readTextFile(`${data}/kernels/deno-course/kernel.json`));
    assert(spec.argv.includes(`${ROOT}/kernel/main.ts`), JSON.stringify(spec.argv));

    const second = await course(["--setup-only"], { ...env, COURSE_JUPYTER: "own" });
    assertEquals(second.code, 0, second.text);
    assertMatch(second.stdout, /^Set-up: nothing to change \(npm packages, your own Jupyter, /);
    assertEquals(second.stdout.split("\n").length, 2, second.stdout);
  } finally {
    await Deno.remove(data, { recursive: true });
  }
});

Deno.test("deno task course opens Jupyter on the notebooks, twice in a row", async () => {
  await openCourseOnce();
  await openCourseOnce();
});
