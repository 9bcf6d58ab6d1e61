// `deno task course`, run as a learner would: twice in a row, each time up to a live Jupyter
// server that serves the notebooks and plotly.js from node_modules/, then shut down.
import {
  deepStrictEqual as assertEquals,
  match as assertMatch,
  ok as assert,
} from "node:assert/strict";

const COURSE = new URL("../scripts/course.ts", import.meta.url).pathname;

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
    const names = Object.keys((await specs.json()).kernelspecs);
    assert(names.includes("deno-course"), `kernelspecs: ${names}`);
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
    assertMatch(stdout, /course kernel: /);
  }
}

Deno.test("deno task course --setup-only works twice in a row and changes nothing the second time", async () => {
  for (const round of [1, 2]) {
    const { code, stdout, stderr } = await new Deno.Command(Deno.execPath(), {
      args: ["run", "-A", COURSE, "--setup-only"],
      stdout: "piped",
      stderr: "piped",
    }).output();
    const text = new TextDecoder().decode(stdout) + new TextDecoder().decode(stderr);
    assertEquals(code, 0, `round ${round}:\n${text}`);
    assertMatch(text, /Set-up done/);
    if (round === 2) assertMatch(text, /course kernel: .*unchanged/);
  }
});

Deno.test("deno task course opens Jupyter on the notebooks, twice in a row", async () => {
  await openCourseOnce();
  await openCourseOnce();
});
