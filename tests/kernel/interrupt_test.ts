// Stop (interrupt) in the course kernel: jupyter_client's KernelManager starts the "deno-course"
// kernelspec, a cell spins in `while (true) {}`, the front end interrupts it, and the variable
// set before is still there.
import { deepStrictEqual, ok, strictEqual } from "node:assert/strict";
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
