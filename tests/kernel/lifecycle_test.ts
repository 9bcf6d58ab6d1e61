// The course kernel's life through a real Jupyter client: stdin, completion and heartbeat pass
// through the relay; two clients can share it; restart and shutdown leave no process behind; a
// crash of Deno's kernel is reported under the running cell instead of hanging it; and the kernel
// exits when the client that started it dies.
import { deepStrictEqual, match, ok, strictEqual } from "../_helpers.ts";
import { runPython, setUpKernel } from "./_helpers.ts";
import { coursePython } from "../../scripts/python_env.ts";

type Outputs = [string, string][];

Deno.test("course kernel: lifecycle", async (t) => {
  const setup = await setUpKernel();
  const scenario = (name: string) =>
    runPython("kernel_scenarios.py", [name, "deno-course", setup.workdir], setup, 90_000);
  try {
    await t.step("relays stdin, completion, is_complete and heartbeat", async () => {
      const result = await scenario("channels") as {
        prompt: { prompt: string; reply: string; outputs: Outputs };
        complete_status: string;
        is_complete: string;
        heartbeat: boolean;
        after: { outputs: Outputs };
        left_at_exit: number[];
      };
      strictEqual(result.prompt.prompt, "Your name?");
      deepStrictEqual(result.prompt.outputs, [["execute_result", '"Ada"']]);
      strictEqual(result.complete_status, "ok");
      strictEqual(result.is_complete, "incomplete");
      strictEqual(result.heartbeat, true);
      deepStrictEqual(result.after.outputs, [["execute_result", "2"]]);
      deepStrictEqual(result.left_at_exit, []);
    });

    await t.step("serves two clients that share one session", async () => {
      // km.client() twice: both clients' sockets carry the session as their ZeroMQ identity.
      const result = await scenario("two_clients") as {
        second_ready: boolean;
        turns: { status: string; outputs: Outputs }[];
        left_at_exit: number[];
      };
      strictEqual(result.second_ready, true, "the second client should get kernel_info");
      deepStrictEqual(result.turns.map((turn) => turn.outputs), [
        [["execute_result", "1"]],
        [["execute_result", "2"]],
        [["execute_result", "3"]],
        [["execute_result", "4"]],
      ]);
      deepStrictEqual(result.left_at_exit, []);
    });

    await t.step("restart gives a fresh kernel and shutdown leaves no process", async () => {
      const result = await scenario("lifecycle") as {
        first: { outputs: Outputs };
        second: { outputs: Outputs };
        before_restart: number[];
        after_restart: number[];
        left_by_restart: number[];
        left_by_shutdown: number[];
        shutdown_seconds: number;
      };
      deepStrictEqual(result.first.outputs, [["execute_result", "7"]]);
      deepStrictEqual(result.second.outputs, [["execute_result", '"undefined"']]);
      // The relay and Deno's kernel below it (setpriv execs into deno, so two processes).
      ok(result.before_restart.length >= 2, `processes: ${result.before_restart}`);
      deepStrictEqual(result.left_by_restart, [], "restart left processes behind");
      deepStrictEqual(result.left_by_shutdown, [], "shutdown left processes behind");
      ok(result.shutdown_seconds < 4, `shutdown took ${result.shutdown_seconds} s`);
    });

    await t.step("reports a crash of Deno's kernel under the running cell", async () => {
      const result = await scenario("crash") as {
        reply: string;
        ename: string;
        outputs: Outputs;
        relay_exited: boolean;
        left: number[];
      };
      strictEqual(result.reply, "error");
      strictEqual(result.ename, "KernelDied");
      strictEqual(result.outputs.length, 1);
      match(result.outputs[0]![1], /Deno's kernel was killed by SIGKILL/);
      strictEqual(result.relay_exited, true, "the relay should exit so the front end sees it");
      deepStrictEqual(result.left, []);
    });

    await t.step("exits within 5 s when the client that started it is killed", async () => {
      // The client (a Python jupyter_client process) starts the kernel, prints its process ids
      // and waits; SIGKILL gives it no chance to shut the kernel down.
      const client = new Deno.Command(coursePython(), {
        args: [new URL("kernel_scenarios.py", import.meta.url).pathname, "orphan", "deno-course"]
          .concat(setup.workdir),
        cwd: setup.workdir,
        env: setup.env,
        stdout: "piped",
        stderr: "null",
      }).spawn();
      const pids = await firstLineJson(client.stdout) as { pids: number[] };
      ok(pids.pids.length >= 2, `the relay and Deno's kernel: ${pids.pids}`);
      client.kill("SIGKILL");
      await client.status;
      const killedAt = performance.now();
      let left = pids.pids.filter(running);
      while (left.length > 0 && performance.now() - killedAt < 10_000) {
        await new Promise((resolve) => setTimeout(resolve, 50));
        left = pids.pids.filter(running);
      }
      const seconds = (performance.now() - killedAt) / 1000;
      for (const pid of left) Deno.kill(pid, "SIGKILL"); // tidy up after a failure
      deepStrictEqual(left, [], `still running ${seconds.toFixed(1)} s after the client died`);
      ok(seconds < 5, `the kernel took ${seconds.toFixed(1)} s to exit`);
    });
  } finally {
    await setup.cleanup();
  }
});

/** Whether a process runs (a zombie has exited: only its parent has not collected it). */
function running(pid: number): boolean {
  try {
    const stat = Deno.readTextFileSync(`/proc/${pid}/stat`);
    return stat.slice(stat.lastIndexOf(")") + 2)[0] !== "Z";
  } catch {
    return false;
  }
}

/** Reads a stream's first line and parses it as JSON. */
async function firstLineJson(stream: ReadableStream<Uint8Array>): Promise<unknown> {
  let text = "";
  const decoder = new TextDecoder();
  const reader = stream.getReader();
  while (!text.includes("\n")) {
    const { value, done } = await reader.read();
    if (done) throw new Error(`Cannot read the client's process ids as it printed: ${text}`);
    text += decoder.decode(value, { stream: true });
  }
  reader.releaseLock();
  stream.cancel().catch(() => {});
  return JSON.parse(text.slice(0, text.indexOf("\n")));
}
