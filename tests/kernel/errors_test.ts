// Errors the learner would otherwise never see: thrown after a cell finished (in a timer callback,
// or a promise nothing awaited), and Deno's kernel running out of memory.
import { deepStrictEqual, match, ok, strictEqual } from "../_helpers.ts";
import { runPython, setUpKernel } from "./_helpers.ts";

type Outputs = [string, string][];
interface Cell {
  status: string;
  outputs: Outputs;
}

Deno.test("course kernel: errors after a cell finished are shown and logged", async () => {
  const setup = await setUpKernel();
  const log = `${setup.workdir}/kernel.log`;
  try {
    const result = await runPython(
      "kernel_scenarios.py",
      ["late_errors", "deno-course", setup.workdir],
      setup,
      90_000,
      { DENO_COURSE_KERNEL_LOG: log },
    ) as Record<string, Cell>;
    deepStrictEqual(result.scheduled!.outputs, [["execute_result", '"scheduled"']]);
    // Thrown 200 ms after its cell finished, while no cell ran: shown under the next cell.
    const next = result.next_cell!.outputs;
    strictEqual(next.length, 2, JSON.stringify(next));
    match(
      next[0]![1],
      /^\[course kernel\] Late error from cell \[\d+\], after it had finished \(thrown in a timer callback\):\nError: late boom\n +at /,
    );
    deepStrictEqual(next[1], ["execute_result", "2"]);
    match(
      result.after_rejection!.outputs[0]![1],
      /Late error from cell \[\d+\], after it had finished \(a promise that nothing awaited or caught was rejected\):\nError: async late/,
    );
    // Thrown while its own cell still ran: shown under that cell.
    match(
      result.during!.outputs[0]![1],
      /Uncaught error in this cell \(thrown in a timer callback\):\nError: during/,
    );
    deepStrictEqual(result.during!.outputs[1], ["execute_result", "5"]);
    // A cell's own error stays an ordinary cell error, reported once.
    deepStrictEqual(result.own_error!.outputs.map(([kind]) => kind), ["error"]);
    const logged = await Deno.readTextFile(log);
    ok(logged.includes("late boom") && logged.includes("async late"), "the kernel log names them");
  } finally {
    await setup.cleanup();
  }
});

Deno.test("course kernel: running out of memory says so, and how much memory there was", async () => {
  const setup = await setUpKernel();
  try {
    // A small heap, so that the cell fills it in about a second.
    const result = await runPython(
      "kernel_scenarios.py",
      ["oom", "deno-course", setup.workdir],
      setup,
      90_000,
      { DENO_V8_FLAGS: "--max-old-space-size=128" },
    ) as { before: Cell; reply: string; ename: string; outputs: Outputs };
    deepStrictEqual(result.before.outputs, [["execute_result", "1"]]);
    strictEqual(result.reply, "error");
    strictEqual(result.ename, "KernelDied");
    strictEqual(result.outputs.length, 1);
    const [kind, text] = result.outputs[0]!;
    strictEqual(kind, "error");
    match(text, /Deno's kernel ran out of memory: its JavaScript heap reached V8's limit/);
    const inUse = Number(text.match(/\(([\d.]+) MB of objects still in use/)?.[1]);
    ok(inUse > 100 && inUse < 135, `objects in use: ${inUse} MB (--max-old-space-size=128)`);
    match(text, /heap limit \d+ MB/);
    match(text, /every variable is lost.*--max-old-space-size/s);
  } finally {
    await setup.cleanup();
  }
});
