// Stop (interrupt) in the course kernel: jupyter_client's KernelManager starts the "deno-course"
// kernelspec, a cell spins in `while (true) {}`, the front end interrupts it, and the variable
// set before is still there.
import { deepStrictEqual, match, ok, strictEqual } from "../_helpers.ts";
import { runPython, setUpKernel } from "./_helpers.ts";

interface CellResult {
  status: string;
  outputs: [string, string][];
}

interface InterruptResult {
  before: CellResult;
  loop_reply: string;
  interrupt_seconds: number;
  after: CellResult;
  alive: boolean;
  loop_outputs: [string, string][];
  await_seconds: number;
  await_outputs: [string, string][];
  after_await: CellResult;
  left_at_exit: number[];
}

Deno.test("course kernel: an interrupt stops a busy cell and keeps the kernel's state", async () => {
  const setup = await setUpKernel();
  try {
    const result = await runPython(
      "kernel_scenarios.py",
      ["interrupt", "deno-course", setup.workdir],
      setup,
      90_000,
    ) as InterruptResult;
    deepStrictEqual(result.before.outputs, [["execute_result", "42"]]);
    strictEqual(result.loop_reply, "error", "the interrupted cell should end with an error reply");
    ok(result.interrupt_seconds < 5, `interrupt took ${result.interrupt_seconds} s`);
    strictEqual(result.alive, true, "the kernel should survive the interrupt");
    deepStrictEqual(result.after.outputs, [["execute_result", "43"]]);
    ok(
      result.loop_outputs.some(([, text]) => text.includes("Interrupted: the cell was stopped")),
      `the stopped cell should say so: ${JSON.stringify(result.loop_outputs)}`,
    );
    ok(result.await_seconds < 10, `stopping an awaiting loop took ${result.await_seconds} s`);
    deepStrictEqual(result.after_await.outputs, [["execute_result", "44"]]);
    deepStrictEqual(result.left_at_exit, [], "no kernel process should outlive the shutdown");
  } finally {
    await setup.cleanup();
  }
});

interface StopResult {
  outputs: [string, string][];
  told_seconds: number | null;
  idle_seconds: number | null;
  reply: string;
}

interface StopAwaitResult {
  before: CellResult;
  stops: Record<"timer" | "timer_loop" | "never", StopResult>;
  after: Record<"timer" | "timer_loop" | "never", CellResult>;
  stuck: StopResult;
  next_cell: CellResult & { seconds: number };
  restarted: CellResult & { seconds: number };
  left_at_exit: number[];
}

// Deno 2.9's own interrupt cannot end a cell that awaits: nothing runs for it to terminate. The
// relay's guard (kernel/guard.ts) clears the cell's timers and collects its promise instead.
// Times are measured by the client, from sending Stop to receiving the cell's idle status.
Deno.test("course kernel: Stop ends a cell that awaits within 2 s, or says why it cannot", async () => {
  const setup = await setUpKernel();
  try {
    const result = await runPython(
      "kernel_scenarios.py",
      ["stop_await", "deno-course", setup.workdir],
      setup,
      120_000,
    ) as StopAwaitResult;
    deepStrictEqual(result.before.outputs, [["execute_result", "42"]]);
    for (const [i, name] of (["timer", "timer_loop", "never"] as const).entries()) {
      const stop = result.stops[name];
      ok(
        stop.idle_seconds !== null && stop.idle_seconds < 2,
        `${name}: Stop to idle took ${stop.idle_seconds} s`,
      );
      strictEqual(stop.reply, "error", `${name}: a stopped cell ends with an error reply`);
      ok(
        stop.outputs.some(([, text]) => text.includes("Interrupted: the cell was stopped")),
        `${name}: the stopped cell should say so: ${JSON.stringify(stop.outputs)}`,
      );
      deepStrictEqual(result.after[name].outputs, [["execute_result", String(42 + i + 1)]]);
    }
    // No Stop can end a cell whose promise a global keeps alive: the learner is told within 2 s
    // under the cell, which ends for the front end, and a later cell gets an error at once.
    const stuck = result.stuck;
    ok(stuck.told_seconds !== null && stuck.told_seconds < 2, `told after ${stuck.told_seconds} s`);
    ok(stuck.idle_seconds !== null && stuck.idle_seconds < 2, `idle after ${stuck.idle_seconds} s`);
    match(stuck.outputs[0]![1], /Stop did not end this cell.*restart the kernel/s);
    strictEqual(result.next_cell.status, "error");
    ok(result.next_cell.seconds < 2, `the next cell waited ${result.next_cell.seconds} s`);
    match(
      result.next_cell.outputs[0]![1],
      /KernelStuck: Cannot run this cell as the kernel is still stuck in cell \[\d+\]/,
    );
    // Restarting, as the learner is told to, gives a fresh kernel.
    deepStrictEqual(result.restarted.outputs, [["execute_result", '"undefined"']]);
    ok(result.restarted.seconds < 20, `the restart took ${result.restarted.seconds} s`);
    deepStrictEqual(result.left_at_exit, [], "no kernel process should outlive the shutdown");
  } finally {
    await setup.cleanup();
  }
});
