/**
 * The guard: code the course kernel runs inside Deno's kernel, as a hidden cell at start, so that
 * Stop can end a cell that awaits, and errors thrown after a cell has finished reach the learner.
 *
 * Deno 2.9's own Stop (an `interrupt_request`) terminates whatever JavaScript runs next. That ends a
 * busy loop, but a cell that awaits a timer runs no JavaScript: the termination then waits, kills
 * the next callback that runs (a timer of another cell, a signal handler), and the cell never ends.
 * So on Stop the relay first sends the guard a signal (SIGUSR2). The guard, which can only run when
 * no JavaScript is busy, clears the timers made since the stopped cell started and collects
 * garbage: the promise the cell awaits can then never settle and is collected, and Deno ends the
 * cell ("Promise was collected"). It says so to the relay, which sends Deno's interrupt only when
 * the guard did not answer (a busy loop) or the cell still runs.
 *
 * The guard talks to the relay with `Deno.jupyter.broadcast` messages of type
 * {@link GUARD_MESSAGE}, which the relay keeps from the front end. Its content is a
 * {@link GuardEvent}.
 *
 * @module
 */

/** The `msg_type` of the guard's messages to the relay. */
export const GUARD_MESSAGE = "deno_course_guard";

/** What the guard needs to know. */
export interface GuardConfig {
  /**
   * The file where the relay writes, before a Stop, `{"since": <ms since the epoch>}`: when the
   * stopped cell started. The guard clears the timers made since then. `{}` clears none.
   */
  stopFile: string;
  /** The message type to broadcast, {@link GUARD_MESSAGE}. */
  messageType: string;
}

/** A message from the guard to the relay. */
export type GuardEvent =
  /** The guard is installed; V8's heap limit of Deno's kernel, in bytes. */
  | { event: "ready"; heapLimitBytes: number }
  /** The guard ran on a Stop signal and cleared this many timers. */
  | { event: "stopped"; cleared: number }
  /**
   * An error no cell caught: thrown by a timer callback (`scheduledAt`: when the timer was made,
   * ms since the epoch), an unhandled promise rejection, or another uncaught error.
   */
  | {
    event: "late_error";
    kind: "timer" | "rejection" | "error";
    text: string;
    scheduledAt?: number;
  };

/**
 * The code of a hidden cell that installs the guard, or re-installs its signal listener (which a
 * termination may have killed) when run again.
 *
 * @param config Where the stop file is, which message type to broadcast
 * @returns JavaScript for an `execute_request`
 *
 * @example Usage
 * ```ts
 * import { GUARD_MESSAGE, guardCode } from "./guard.ts";
 * import { ok } from "node:assert/strict";
 *
 * const code = guardCode({ stopFile: "/tmp/stop.json", messageType: GUARD_MESSAGE });
 * ok(code.includes("SIGUSR2"));
 * ```
 */
export function guardCode(config: GuardConfig): string {
  return `(${installGuard.toString()})(${JSON.stringify(config)});`;
}

// Runs inside Deno's kernel, from its source text: it may use nothing from this module.
function installGuard(config: GuardConfig): void {
  // Timers are Node's Timeout objects in Deno's kernel; the guard only stores and passes them.
  type Timer = unknown;
  type Schedule = (callback: unknown, delay?: number, ...args: unknown[]) => Timer;
  interface Timers {
    setTimeout: Schedule;
    setInterval: Schedule;
    clearTimeout: (timer?: Timer) => void;
    clearInterval: (timer?: Timer) => void;
  }
  interface State {
    timers: Map<Timer, number>;
    clear: (timer?: Timer) => void;
    onSignal?: () => void;
  }
  const KEY = Symbol.for("deno-course.guard");
  const global = globalThis as unknown as Timers & Record<symbol, State | undefined>;

  const report = (content: Record<string, unknown>) => {
    try {
      Promise.resolve(Deno.jupyter.broadcast(config.messageType, content)).catch(() => {});
    } catch { /* nothing to tell it with */ }
  };
  const describe = (value: unknown) => {
    const text = value instanceof Error ? value.stack ?? String(value) : Deno.inspect(value);
    // Drop the frames of Deno's internals and of the guard's own timer wrapper.
    return text.split("\n").filter((line) => !/^\s+at .*(ext:|courseKernelTimer)/.test(line))
      .join("\n");
  };

  let state = global[KEY];
  if (state === undefined) {
    const timers = new Map<Timer, number>();
    const clear = global.clearTimeout;
    const wrap = (original: Schedule, repeats: boolean): Schedule => {
      const wrapped: Schedule = (callback, delay, ...args) => {
        if (typeof callback !== "function") return original(callback, delay, ...args);
        const scheduledAt = Date.now();
        const timer = original(
          function courseKernelTimer(this: unknown, ...a: unknown[]) {
            if (!repeats) timers.delete(timer);
            try {
              return callback.apply(this, a);
            } catch (error) {
              report({ event: "late_error", kind: "timer", text: describe(error), scheduledAt });
            }
          },
          delay,
          ...args,
        );
        timers.set(timer, scheduledAt);
        return timer;
      };
      Object.defineProperty(wrapped, "name", { value: (original as { name: string }).name });
      // Keep what hangs on the original, such as util.promisify's custom version.
      for (const key of Object.getOwnPropertySymbols(original)) {
        Object.defineProperty(wrapped, key, Object.getOwnPropertyDescriptor(original, key)!);
      }
      return wrapped;
    };
    const forget = (timer?: Timer) => {
      if (typeof timer === "number") {
        // Node's timers can also be cleared by their number.
        for (const known of timers.keys()) if (Number(known) === timer) timers.delete(known);
      }
      timers.delete(timer);
      clear(timer);
    };
    global.setTimeout = wrap(global.setTimeout, false);
    global.setInterval = wrap(global.setInterval, true);
    global.clearTimeout = forget;
    global.clearInterval = forget;
    globalThis.addEventListener("error", (event) => {
      event.preventDefault();
      report({ event: "late_error", kind: "error", text: describe(event.error ?? event.message) });
    });
    globalThis.addEventListener("unhandledrejection", (event) => {
      event.preventDefault();
      report({ event: "late_error", kind: "rejection", text: describe(event.reason) });
    });
    state = { timers, clear };
    global[KEY] = state;
    import("node:v8").then((v8) =>
      report({ event: "ready", heapLimitBytes: v8.getHeapStatistics().heap_size_limit })
    ).catch(() => {});
  }

  const { timers, clear } = state;
  const gc = (globalThis as { gc?: () => void }).gc;
  const onSignal = () => {
    let since = Infinity;
    try {
      since = JSON.parse(Deno.readTextFileSync(config.stopFile)).since ?? Infinity;
    } catch { /* no Stop yet */ }
    let cleared = 0;
    for (const [timer, scheduledAt] of timers) {
      if (scheduledAt < since) continue;
      clear(timer);
      timers.delete(timer);
      cleared++;
    }
    gc?.();
    report({ event: "stopped", cleared });
  };
  // Re-installing: a new listener binds the signal afresh, reviving a loop a termination killed.
  if (state.onSignal !== undefined) Deno.removeSignalListener("SIGUSR2", state.onSignal);
  state.onSignal = onSignal;
  Deno.addSignalListener("SIGUSR2", onSignal);
}
