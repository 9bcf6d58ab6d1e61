// The course kernel's life through a real Jupyter client: stdin, completion and heartbeat pass
// through the relay; restart and shutdown leave no process behind; a crash of Deno's kernel is
// reported under the running cell instead of hanging it.
import { deepStrictEqual, match, ok, strictEqual } from "node:assert/strict";
import { runPython, setUpKernel } from "./_helpers.ts";

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
  } finally {
    await setup.cleanup();
  }
});
