// The README's first command as a newcomer runs it: in fresh clones of this repository, on a PATH
// with node, npm, npx, python3 and the system's tools, but neither deno nor jupyter. It downloads
// Deno from the npm registry and Jupyter from PyPI, so it is not part of `deno task test` (whose
// tests never use the network; the file's name does not end in _test.ts, so `deno test tests/`
// leaves it out): `deno task test:setup` runs it, and `.ci/run` does after the tests.
//
// It reuses the machine's npm, Deno and pip caches. With COURSE_SETUP_COLD=1 it starts from empty
// ones and takes packages from PyPI itself (no pip configuration), to time a first run from
// nothing.
import { deepStrictEqual, match, ok, strictEqual } from "../_helpers.ts";

const ROOT = new URL("../../", import.meta.url).pathname.replace(/\/$/, "");
const COLD = Deno.env.get("COURSE_SETUP_COLD") === "1";
const FIRST_RUN_LIMIT_S = 20 * 60;

/** The README's first command, as written in its "The two commands" section. */
function readmeCommand(task: "course" | "test"): string[] {
  const readme = Deno.readTextFileSync(`${ROOT}/README.md`);
  const line = readme.match(new RegExp(`^(npx [^\\n#]*task ${task})\\s*#`, "m"));
  ok(line !== null, `README.md has no line "npx ... task ${task}   # ..."`);
  return line[1]!.trim().split(/\s+/);
}

async function output(cmd: string, args: string[], cwd = ROOT): Promise<string> {
  const { success, stdout, stderr } = await new Deno.Command(cmd, {
    args,
    cwd,
    stdout: "piped",
    stderr: "piped",
  }).output();
  const text = new TextDecoder().decode(stdout);
  ok(success, `${cmd} ${args.join(" ")} failed:\n${text}${new TextDecoder().decode(stderr)}`);
  return text;
}

/** The names in a folder; none when it does not exist (yet). */
async function namesIn(dir: string): Promise<string[]> {
  const names: string[] = [];
  try {
    for await (const entry of Deno.readDir(dir)) names.push(entry.name);
  } catch { /* no such folder */ }
  return names;
}

async function exists(path: string): Promise<boolean> {
  try {
    await Deno.lstat(path);
    return true;
  } catch {
    return false;
  }
}

/**
 * A folder of links to node, npm, npx, python3 and the system's programs, without deno, jupyter
 * or any other Python: a newcomer's PATH.
 */
async function newcomerPath(dir: string): Promise<string> {
  await Deno.mkdir(dir);
  const python = (await output("python3", ["-c", "import sys; print(sys.executable)"])).trim();
  await Deno.symlink(python, `${dir}/python3`);
  for (const tool of ["node", "npm", "npx"]) {
    await Deno.symlink((await output("sh", ["-c", `command -v ${tool}`])).trim(), `${dir}/${tool}`);
  }
  const hidden = /^(deno|jupyter.*|ipython.*|python.*|pip.*|pydoc.*|idle.*)$/;
  for (const system of ["/usr/bin", "/bin", "/usr/sbin", "/sbin"]) {
    for (const name of await namesIn(system)) {
      if (hidden.test(name) || await exists(`${dir}/${name}`)) continue;
      await Deno.symlink(`${system}/${name}`, `${dir}/${name}`);
    }
  }
  return dir;
}

/** A git clone of this repository, with the working tree's uncommitted changes laid over it. */
async function freshClone(dest: string): Promise<string> {
  await output("git", ["clone", "--quiet", "--no-hardlinks", ROOT, dest]);
  const changed = (await output("git", [
    "ls-files",
    "-z",
    "--modified",
    "--others",
    "--exclude-standard",
  ])).split("\0").filter((path) => path !== "");
  for (const path of changed) {
    if (await exists(`${ROOT}/${path}`)) {
      await Deno.mkdir(`${dest}/${path}`.replace(/\/[^/]*$/, ""), { recursive: true });
      await Deno.copyFile(`${ROOT}/${path}`, `${dest}/${path}`);
    } else {
      await Deno.remove(`${dest}/${path}`).catch(() => {});
    }
  }
  return dest;
}

/** The variables a newcomer's shell has, with caches and Jupyter's folders set for the test. */
function newcomerEnv(work: string, path: string): Record<string, string> {
  const env: Record<string, string> = {
    PATH: path,
    HOME: Deno.env.get("HOME") ?? work,
    LANG: Deno.env.get("LANG") ?? "C.UTF-8",
    // npm's global folder, where an `npm install -g deno` would be: empty, so npx fetches Deno.
    npm_config_prefix: `${work}/npm-global`,
    // Jupyter's per-user folders, empty but for a deno-course of another checkout that must not
    // be the one JupyterLab starts.
    JUPYTER_CONFIG_DIR: `${work}/jupyter-config`,
    JUPYTER_DATA_DIR: `${work}/jupyter-data`,
    JUPYTER_RUNTIME_DIR: `${work}/jupyter-runtime`,
  };
  for (const [name, value] of Object.entries(Deno.env.toObject())) {
    // The machine's network settings: proxies, and the certificates that trust them.
    if (/^(https?_proxy|no_proxy)$|CERT|CA_BUNDLE|CAINFO/i.test(name)) env[name] = value;
    if (!COLD && /^(PIP_|npm_config_|DENO_DIR$)/.test(name) && !(name in env)) env[name] = value;
  }
  if (COLD) {
    Object.assign(env, {
      npm_config_cache: `${work}/npm-cache`,
      DENO_DIR: `${work}/deno-dir`,
      PIP_CONFIG_FILE: "/dev/null",
      PIP_NO_CACHE_DIR: "1",
    });
  }
  return env;
}

async function staleKernelspec(dataDir: string): Promise<void> {
  await Deno.mkdir(`${dataDir}/kernels/deno-course`, { recursive: true });
  await Deno.writeTextFile(
    `${dataDir}/kernels/deno-course/kernel.json`,
    JSON.stringify({ argv: ["deno", "/elsewhere/course/kernel/main.ts", "{connection_file}"] }),
  );
}

function freePort(): number {
  const listener = Deno.listen({ hostname: "127.0.0.1", port: 0 });
  const { port } = listener.addr as Deno.NetAddr;
  listener.close();
  return port;
}

/** What a Jupyter server writes about itself into its runtime folder (jpserver-PID.json). */
interface ServerInfo {
  pid: number;
  port: number;
  token: string;
}

async function waitForServer(
  runtimeDir: string,
  exited: () => boolean,
  log: () => string,
): Promise<ServerInfo> {
  const deadline = Date.now() + FIRST_RUN_LIMIT_S * 1000;
  while (Date.now() < deadline) {
    ok(!exited(), `the command exited before Jupyter started:\n${log()}`);
    for (const name of await namesIn(runtimeDir)) {
      if (/^jpserver-\d+\.json$/.test(name)) {
        const info = JSON.parse(await Deno.readTextFile(`${runtimeDir}/${name}`));
        try {
          const response = await fetch(`http://127.0.0.1:${info.port}/api/status`, {
            headers: { Authorization: `token ${info.token}` },
          });
          await response.body?.cancel();
          if (response.ok) return info;
        } catch { /* not listening yet */ }
      }
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`Jupyter did not start within ${FIRST_RUN_LIMIT_S} s:\n${log()}`);
}

/** Runs `code` in a kernel of the server through its websocket; returns the result's text. */
async function execute(server: ServerInfo, kernelId: string, code: string): Promise<string> {
  const ws = new WebSocket(
    `ws://127.0.0.1:${server.port}/api/kernels/${kernelId}/channels?token=${server.token}`,
  );
  const msgId = crypto.randomUUID();
  try {
    return await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no result for ${code}`)), 120_000);
      let result = "";
      ws.onerror = () => reject(new Error("the kernel's websocket failed"));
      ws.onopen = () =>
        ws.send(JSON.stringify({
          channel: "shell",
          header: {
            msg_id: msgId,
            msg_type: "execute_request",
            session: crypto.randomUUID(),
            username: "test",
            version: "5.3",
            date: new Date().toISOString(),
          },
          parent_header: {},
          metadata: {},
          content: { code, silent: false, store_history: false, user_expressions: {} },
          buffers: [],
        }));
      ws.onmessage = (event) => {
        const msg = JSON.parse(event.data);
        if (msg.parent_header?.msg_id !== msgId) return;
        if (msg.msg_type === "execute_result") result += msg.content.data["text/plain"];
        if (msg.msg_type === "error") result += `${msg.content.ename}: ${msg.content.evalue}`;
        if (msg.msg_type === "status" && msg.content.execution_state === "idle" && result) {
          clearTimeout(timer);
          resolve(result);
        }
      };
    });
  } finally {
    ws.close();
  }
}

/** Processes (other than this one) whose command line or working folder is inside `dir`. */
async function processesIn(dir: string): Promise<string[]> {
  const found: string[] = [];
  for await (const entry of Deno.readDir("/proc")) {
    if (!/^\d+$/.test(entry.name) || Number(entry.name) === Deno.pid) continue;
    try {
      const cmdline = (await Deno.readTextFile(`/proc/${entry.name}/cmdline`)).replaceAll(
        "\0",
        " ",
      );
      const cwd = await Deno.readLink(`/proc/${entry.name}/cwd`).catch(() => "");
      if (cmdline.includes(`${dir}/`) || cwd === dir || cwd.startsWith(`${dir}/`)) {
        found.push(`${entry.name}: ${cmdline}`);
      }
    } catch { /* gone meanwhile */ }
  }
  return found;
}

/** `unshare -n` (or, without root, `unshare -rn`) when it works here: a run without network. */
async function offlinePrefix(): Promise<string[] | null> {
  for (const prefix of [["unshare", "-n"], ["unshare", "-rn"]]) {
    try {
      const { success } = await new Deno.Command(prefix[0]!, {
        args: [...prefix.slice(1), "true"],
        stderr: "null",
      }).output();
      if (success) return prefix;
    } catch { /* no unshare */ }
  }
  return null;
}

async function run(
  cmd: string[],
  cwd: string,
  env: Record<string, string>,
): Promise<{ code: number; stdout: string; text: string; seconds: number }> {
  const started = performance.now();
  const { code, stdout, stderr } = await new Deno.Command(cmd[0]!, {
    args: cmd.slice(1),
    cwd,
    env,
    clearEnv: true,
    stdout: "piped",
    stderr: "piped",
  }).output();
  const out = new TextDecoder().decode(stdout);
  return {
    code,
    stdout: out,
    text: out + new TextDecoder().decode(stderr),
    seconds: (performance.now() - started) / 1000,
  };
}

/** The deno-course kernelspec folder that a clone's own Jupyter lists. */
async function kernelspecOf(clone: string, env: Record<string, string>): Promise<string> {
  const { code, stdout, text } = await run(
    [`${clone}/.venv/bin/jupyter`, "kernelspec", "list", "--json"],
    clone,
    env,
  );
  strictEqual(code, 0, text);
  return JSON.parse(stdout).kernelspecs["deno-course"]?.resource_dir;
}

Deno.test("the README's first command sets up and opens the course from fresh clones", async (t) => {
  const work = await Deno.makeTempDir({ prefix: "course-fresh-" });
  const env = newcomerEnv(work, await newcomerPath(`${work}/bin`));
  await staleKernelspec(env.JUPYTER_DATA_DIR!);
  const command = readmeCommand("course");
  const a = await freshClone(`${work}/a`);
  try {
    await t.step(
      "with --no-browser it starts JupyterLab on notebooks/ with the clone's kernel",
      async () => {
        // Neither deno nor jupyter is on the newcomer's PATH.
        for (const tool of ["deno", "jupyter"]) {
          const { code } = await run(["sh", "-c", `command -v ${tool}`], a, env);
          ok(code !== 0, `${tool} is on the test's PATH`);
        }
        const started = performance.now();
        const child = new Deno.Command(command[0]!, {
          args: [...command.slice(1), "--no-browser", "--ip=127.0.0.1", `--port=${freePort()}`],
          cwd: a,
          env,
          clearEnv: true,
          stdout: "piped",
          stderr: "piped",
        }).spawn();
        let exited = false;
        const status = child.status.then((s) => {
          exited = true;
          return s;
        });
        let log = "";
        const decoder = new TextDecoder();
        const collect = async (stream: ReadableStream<Uint8Array>) => {
          for await (const chunk of stream) log += decoder.decode(chunk);
        };
        const collected = Promise.all([collect(child.stdout), collect(child.stderr)]);
        try {
          const server = await waitForServer(env.JUPYTER_RUNTIME_DIR!, () => exited, () => log);
          const seconds = (performance.now() - started) / 1000;
          console.log(
            `first run of \`${command.join(" ")}\` (fresh clone, no .venv/${
              COLD ? ", empty npm, Deno and pip caches" : ", warm caches"
            }): ${seconds.toFixed(0)} s to a running JupyterLab`,
          );
          const base = `http://127.0.0.1:${server.port}`;
          const headers = { Authorization: `token ${server.token}` };
          const get = async (path: string) => {
            const response = await fetch(`${base}${path}`, { headers });
            strictEqual(response.status, 200, path);
            return await response.json();
          };
          const listing = await get("/api/contents/notebooks");
          ok(
            listing.content.some((entry: { name: string }) => entry.name === "00_welcome.ipynb"),
            JSON.stringify(listing.content.map((entry: { name: string }) => entry.name)),
          );
          // The server's deno-course is the one in the clone's own .venv/, starting the clone's
          // kernel with the Deno that npx fetched.
          strictEqual(
            await kernelspecOf(a, env),
            `${a}/.venv/share/jupyter/kernels/deno-course`,
          );
          const spec = (await get("/api/kernelspecs")).kernelspecs["deno-course"].spec;
          ok(spec.argv.includes(`${a}/kernel/main.ts`), JSON.stringify(spec.argv));
          ok(!spec.argv[0].startsWith("/usr/"), `deno should come from npx: ${spec.argv[0]}`);

          const response = await fetch(`${base}/api/kernels`, {
            method: "POST",
            headers,
            body: JSON.stringify({ name: "deno-course" }),
          });
          strictEqual(response.status, 201);
          const kernel = await response.json();
          const result = await execute(
            server,
            kernel.id,
            'const { tensor } = await import("@lib/mod.ts");\n' +
              "`${Deno.cwd()} ${tensor([1, 2, 3]).sum().item()}`",
          );
          strictEqual(result, `"${a} 6"`);

          Deno.kill(server.pid, "SIGTERM");
          const done = await Promise.race([
            status,
            new Promise((resolve) => setTimeout(() => resolve(null), 60_000)),
          ]);
          ok(done !== null, `the command did not end within 60 s of SIGTERM to Jupyter:\n${log}`);
          await collected;
          match(log, /Starting JupyterLab at /);
          let left: string[] = [];
          for (let i = 0; i < 20; i++) {
            left = await processesIn(a);
            if (left.length === 0) break;
            await new Promise((resolve) => setTimeout(resolve, 500));
          }
          deepStrictEqual(left, [], "processes of the clone still running after Jupyter stopped");
        } finally {
          if (!exited) child.kill("SIGKILL");
          await status;
        }
      },
    );

    await t.step(
      "a second run changes nothing, says so in one line, and needs no network",
      async () => {
        const offline = await offlinePrefix();
        const second = await run([...(offline ?? []), ...command, "--setup-only"], a, env);
        strictEqual(second.code, 0, second.text);
        match(second.stdout, /Set-up: nothing to change \(npm packages, \.venv\/ with JupyterLab/);
        strictEqual(second.stdout.trim().split("\n").length, 1, second.stdout);
        console.log(
          `second run of \`${command.join(" ")} --setup-only\`${
            offline ? " without network" : " (with network: unshare -n is not available)"
          }: ${second.seconds.toFixed(1)} s`,
        );
      },
    );

    await t.step(
      "a second clone beside it gets its own kernel; the first keeps its own",
      async () => {
        const before = await Deno.readTextFile(
          `${a}/.venv/share/jupyter/kernels/deno-course/kernel.json`,
        );
        const b = await freshClone(`${work}/b`);
        const first = await run([...command, "--setup-only"], b, env);
        strictEqual(first.code, 0, first.text);
        console.log(`first run in the second clone: ${first.seconds.toFixed(0)} s`);
        for (const clone of [a, b]) {
          const dir = await kernelspecOf(clone, env);
          strictEqual(dir, `${clone}/.venv/share/jupyter/kernels/deno-course`);
          const spec = JSON.parse(await Deno.readTextFile(`${dir}/kernel.json`));
          ok(spec.argv.includes(`${clone}/kernel/main.ts`), JSON.stringify(spec.argv));
        }
        strictEqual(
          await Deno.readTextFile(`${a}/.venv/share/jupyter/kernels/deno-course/kernel.json`),
          before,
        );
      },
    );
  } finally {
    await Deno.remove(work, { recursive: true }).catch(() => {});
  }
});
