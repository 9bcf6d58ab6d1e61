/**
 * The course kernel: a relay between a Jupyter front end and `deno jupyter --kernel`.
 *
 * It works around a race in Deno's kernel (Deno 2.9.6): outputs are published by a separate
 * loop, stamped with whichever request is current when each one goes out, while the shell loop
 * sends a cell's `execute_reply` and `idle` status without waiting for that loop. Front ends stop
 * listening to a cell once it is idle: nbclient drops the late outputs, and classic Notebook draws
 * them under the next cell (by then Deno has stamped them with the next request).
 *
 * The relay forwards every channel and adds two rules:
 * 1. A cell's `execute_reply` and `idle` status are held back until iopub has been quiet for
 *    {@link QUIET_MS} ms, so they reach the front end after every output of the cell.
 * 2. Shell requests go to Deno one at a time: the next one leaves only when the previous one
 *    has finished by rule 1, so Deno never stamps a late output with the wrong cell.
 *
 * Once Deno publishes every output before `idle` (tests/kernel/ordering_test.ts shows when),
 * delete the relay and let the kernelspec start `deno jupyter --kernel` again: kernel/README.md
 * says how.
 *
 * @module
 */

import * as zmq from "zeromq";
import { GUARD_MESSAGE, guardCode, type GuardEvent } from "./guard.ts";
import { ZmtpRouter } from "./zmtp.ts";
import {
  encodeMessage,
  type Frames,
  identitiesOf,
  peekMessage,
  readPart,
  sizeOf,
  verifyMessage,
} from "./wire.ts";

/** How long iopub must be quiet after `idle` before a cell counts as finished, in ms. */
export const QUIET_MS = 25;

/**
 * How long the relay waits before it looks for incoming messages again, in ms, given how long
 * ago the last message came (heartbeats aside): 1 ms while messages flow, less often when quiet.
 * zeromq.js's own wake-ups are not reliable under Deno 2.9.6: a message could sit unread for a
 * minute, and its receive timeouts crash the process. So the relay reads every socket without
 * blocking, on a timer.
 */
export function pollInterval(msSinceTraffic: number): number {
  if (msSinceTraffic < 200) return 1;
  return msSinceTraffic < 2000 ? 5 : 20;
}

/**
 * Outputs at least this big get a warning under their cell. Deno's kernel writes each iopub
 * message to the socket in pieces, without a lock: when a big output is still being written
 * and another message (such as `idle`) goes out, their bytes mix and the stream breaks
 * (seen with 20 MB; KERNEL.md saw it from 2 MB). The relay checks every message's signature,
 * and reconnects to Deno's iopub when one is damaged (see {@link IDLE_TIMEOUT_MS} too).
 */
export const LARGE_OUTPUT_BYTES = 2_000_000;

/**
 * Deno publishes `idle` right after its execute_reply. If `idle` has not come this many ms
 * after the reply, the iopub stream is taken to be broken: the learner is told, and the relay
 * reconnects to Deno's iopub and finishes the cell.
 */
export const IDLE_TIMEOUT_MS = 3000;

/**
 * Stop, step 1: the relay signals the guard (see guard.ts), which can only run when no JavaScript
 * is busy. If it has not answered after this many ms, a busy loop holds Deno's kernel, and the
 * relay sends Deno's own interrupt, which ends a busy loop in about 0.03 s.
 */
export const STOP_ANSWER_MS = 400;

/**
 * Stop, step 2: the guard answered (it cleared the cell's timers and collected garbage). If the
 * cell has not ended this many ms later, it is busy between awaits (a training loop that awaits a
 * display update), and the relay sends Deno's interrupt.
 */
export const STOP_SETTLE_MS = 150;

/**
 * Stop, step 3: a cell that still runs this many ms after Stop gets an explanation under it. If the
 * guard answered before Deno's interrupt (no JavaScript was busy: the cell awaits) and not since
 * (the interrupt found nothing of the cell to end, and now kills whatever runs next), the cell is
 * stuck in something no Stop can end (it awaits a promise that something else keeps alive): the
 * relay ends the cell for the front end and answers later cells with an error until Deno's kernel
 * is free again or restarted. Otherwise Deno may still be ending it (a busy machine), and the relay
 * waits until {@link STOP_STUCK_MS}.
 */
export const STOP_GIVE_UP_MS = 1500;

/** Stop, step 4: a cell still running this many ms after Stop is taken to be stuck. */
export const STOP_STUCK_MS = 10_000;

/** How often the relay checks that the process that started it is still there, in ms. */
export const PARENT_POLL_MS = 500;

/** A Jupyter connection file, as written by the front end. */
export interface ConnectionInfo {
  transport: string;
  ip: string;
  key: string;
  signature_scheme?: string;
  shell_port: number;
  iopub_port: number;
  stdin_port: number;
  control_port: number;
  hb_port: number;
  kernel_name?: string;
}

/** Options for {@link CourseKernel.start}. */
export interface CourseKernelOptions {
  /**
   * The deno binary that runs Deno's kernel.
   * @default Deno.execPath()
   */
  denoPath?: string;
  /**
   * Quiet time on iopub before a cell counts as finished, in ms.
   * @default QUIET_MS
   */
  quietMs?: number;
  /**
   * A file to append a line to for every relayed message; `""` for none.
   * @default ""
   */
  logFile?: string;
  /**
   * The process whose end ends the kernel too (a front end's `JPY_PARENT_PID`). The relay also
   * exits when its own parent process changes, i.e. when the process that started it is gone.
   */
  parentPid?: number;
}

/** A shell request that Deno is working on. */
interface Running {
  frames: Frames;
  msgId: string;
  msgType: string;
  header: Record<string, unknown>;
  /** Deno's execute_reply and idle status, held back until iopub is quiet. */
  reply: Frames | null;
  idle: Frames | null;
  timer: ReturnType<typeof setTimeout> | undefined;
  /** When the relay sent it to Deno, in ms since the epoch (the guard's clock). */
  sentAt: number;
  /** Set once the front end asked to stop this cell. */
  stop?: StopState;
}

/** A Stop in progress (see {@link STOP_ANSWER_MS} and the constants after it). */
interface StopState {
  /** performance.now() when Stop came. */
  at: number;
  /** Whether the guard answered the signal before Deno's interrupt, and after it. */
  answered: boolean;
  answeredSinceInterrupt: boolean;
  /** Whether Deno's own interrupt has been sent. */
  interrupted: boolean;
  /** Whether the learner has been told that Stop has not ended the cell yet. */
  explained: boolean;
  timers: ReturnType<typeof setTimeout>[];
}

/** A cell the relay has sent to Deno, for naming the cell a late error came from. */
interface CellRecord {
  msgId: string;
  /** Its `[N]`, once Deno has published it. */
  count: number | null;
  /** When it was sent and when it finished, in ms since the epoch. */
  startAt: number;
  endAt: number | null;
}

type Channel = "shell" | "control" | "stdin" | "hb";
const CHANNELS: Channel[] = ["shell", "control", "stdin", "hb"];
/** The front end's channels that each client connects to with its session as identity. */
type Routed = "shell" | "control" | "stdin";
const ROUTED: Routed[] = ["shell", "control", "stdin"];

function address(transport: string, ip: string, port: number): string {
  return transport === "ipc" ? `ipc://${ip}-${port}` : `${transport}://${ip}:${port}`;
}

/** Ports that are free right now on 127.0.0.1. */
function freePorts(count: number): number[] {
  const listeners = Array.from(
    { length: count },
    () => Deno.listen({ hostname: "127.0.0.1", port: 0 }),
  );
  const ports = listeners.map((listener) => listener.addr.port);
  for (const listener of listeners) listener.close();
  return ports;
}

/** Our end of Deno's iopub: subscribed to everything, never dropping a message. */
function newSubscriber(): zmq.Subscriber {
  // Send options on a Subscriber crash zeromq.js 6.8 under Deno: receive options only.
  const socket = new zmq.Subscriber({ receiveHighWaterMark: 0, receiveTimeout: 0, linger: 0 });
  socket.subscribe();
  return socket;
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function kill(child: Deno.ChildProcess, signal: Deno.Signal): void {
  try {
    child.kill(signal);
  } catch { /* it has exited already */ }
}

/**
 * Why Deno's kernel stopped, for the learner. Out of memory, V8 prints "Fatal JavaScript out of
 * memory" and its last garbage collections to stderr, and the process dies of SIGTRAP.
 *
 * @param status How the process ended
 * @param stderrTail The end of what it wrote to stderr
 * @param heapLimitBytes V8's heap limit in Deno's kernel, if known
 * @returns The end of the sentence "Deno's kernel ..."
 *
 * @example Usage
 * ```ts
 * import { describeExit } from "./proxy.ts";
 * import { equal } from "node:assert/strict";
 *
 * equal(describeExit({ success: false, code: 133, signal: "SIGTRAP" }, "", null), "was killed by SIGTRAP");
 * const stderr = "Mark-Compact 64.0 (64.8) -> 63.9 (64.8) MB\n# Fatal JavaScript out of memory: Reached heap limit";
 * equal(
 *   describeExit({ success: false, code: 133, signal: "SIGTRAP" }, stderr, 160 * 2 ** 20),
 *   "ran out of memory: its JavaScript heap reached V8's limit (63.9 MB of objects still in use after garbage collection; heap limit 160 MB, counting room for new objects)",
 * );
 * ```
 */
export function describeExit(
  status: Deno.CommandStatus,
  stderrTail: string,
  heapLimitBytes: number | null,
): string {
  if (/out of memory/i.test(stderrTail)) {
    const live = [...stderrTail.matchAll(/Mark-Compact[^\n]*?->\s*([\d.]+)\s*\(/g)].at(-1)?.[1];
    const details = [
      ...(live === undefined
        ? []
        : [`${live} MB of objects still in use after garbage collection`]),
      ...(heapLimitBytes === null
        ? []
        : [`heap limit ${Math.round(heapLimitBytes / 2 ** 20)} MB, counting room for new objects`]),
    ];
    const detail = details.length === 0 ? "" : ` (${details.join("; ")})`;
    return `ran out of memory: its JavaScript heap reached V8's limit${detail}`;
  }
  return status.signal ? `was killed by ${status.signal}` : `exited with code ${status.code}`;
}

/** Whether the process that started us is gone: our parent changed, or `parentPid` has exited. */
function parentGone(startPpid: number, parentPid: number | undefined): boolean {
  if (Deno.ppid !== startPpid) return true;
  if (parentPid === undefined || parentPid === startPpid || Deno.build.os !== "linux") return false;
  try {
    Deno.statSync(`/proc/${parentPid}`);
    return false;
  } catch {
    return true;
  }
}

/**
 * Runs Deno's kernel behind an ordering relay until the front end shuts it down.
 *
 * @example Usage
 * ```ts ignore
 * import { CourseKernel } from "./proxy.ts";
 *
 * const kernel = await CourseKernel.start(JSON.parse(Deno.readTextFileSync(connectionFile)));
 * Deno.exit(await kernel.finished);
 * ```
 */
export class CourseKernel {
  /** Resolves with this process's exit code once the kernel has stopped. */
  readonly finished: Promise<number>;

  #conn: ConnectionInfo;
  #quietMs: number;
  #logFile: string;
  #parentPid: number | undefined;
  #session = crypto.randomUUID();
  #tempDir = "";
  #stopFile = "";
  #child: Deno.ChildProcess | null = null;
  /** The end of Deno's stderr (for the cause of a crash), and when it has all been read. */
  #stderrTail = "";
  #stderrRead: Promise<void> = Promise.resolve();
  /** The front end's sockets: our own ROUTERs (zmtp.ts), zeromq.js for heartbeat and iopub. */
  #front!: Record<Routed, ZmtpRouter> & { hb: zmq.Router; iopub: zmq.Publisher };
  #deno: Record<Channel, zmq.Dealer> & { iopub: zmq.Subscriber };
  #denoIopubAddress = "";
  /** Sockets to read, what to do with a message, and whether it counts as traffic. */
  #readers: [zmq.Readable & zmq.Socket, (frames: Frames) => void, boolean][] = [];
  #lastTraffic = performance.now();
  /** Ends the poll loop's current sleep, when a message from the front end wants a quick answer. */
  #wake: () => void = () => {};
  #waiting: Frames[] = [];
  #running: Running | null = null;
  /** A cell that Stop could not end: finished for the front end, still running in Deno. */
  #stuck: Running | null = null;
  /** The id of a stuck cell that has since ended in Deno: its late `idle` is dropped. */
  #abandonedId = "";
  #lastExecuteHeader: Record<string, unknown> | null = null;
  #lastIopubAt = 0;
  #ready = false;
  #ownIds = new Set<string>();
  /** The hidden request that installs the guard (guard.ts), and whether it worked. */
  #guardId = "";
  #guardInstalled = false;
  #heapLimitBytes: number | null = null;
  /** Deno's answer to our kernel_info probe, to answer front ends while a cell is stuck. */
  #kernelInfo: Record<string, unknown> | null = null;
  /** The recent cells, to name the one a late error came from. */
  #cells: CellRecord[] = [];
  /** Notes (late errors, late big outputs) that came while no cell ran: shown under the next cell. */
  #forNextCell: string[] = [];
  #routes = new Map<string, Frames>();
  #heartbeats: Uint8Array[] = [];
  #repairedCell = "";
  #lastFinishedId = "";
  #stopping = false;
  #closed = false;
  #resolveFinished: (code: number) => void = () => {};

  private constructor(conn: ConnectionInfo, options: CourseKernelOptions) {
    this.#conn = conn;
    this.#quietMs = options.quietMs ?? QUIET_MS;
    this.#logFile = options.logFile ?? "";
    this.#parentPid = options.parentPid;
    this.finished = new Promise((resolve) => this.#resolveFinished = resolve);
    // No high-water marks: the relay never drops a message. Timeouts of 0 keep zeromq.js
    // away from Deno's partial libuv (see pollInterval).
    const reader = { receiveHighWaterMark: 0, receiveTimeout: 0 };
    const writer = { sendHighWaterMark: 0, sendTimeout: 0, linger: 1000 };
    // Deno sends an input_request to the identity that sent the execute_request, so our
    // shell and stdin sockets share one identity, as a Jupyter client's do.
    const routingId = `course-${this.#session}`;
    this.#deno = {
      shell: new zmq.Dealer({ ...reader, ...writer, routingId }),
      control: new zmq.Dealer({ ...reader, ...writer }),
      stdin: new zmq.Dealer({ ...reader, ...writer, routingId }),
      hb: new zmq.Dealer({ ...reader, ...writer }),
      iopub: newSubscriber(),
    };
  }

  /**
   * Binds the front end's ports, starts Deno's kernel and relays between them.
   *
   * @param conn The connection file the front end gave us
   * @param options Where deno is, the quiet time, a log file, the parent process
   * @returns The running kernel
   */
  static async start(
    conn: ConnectionInfo,
    options: CourseKernelOptions = {},
  ): Promise<CourseKernel> {
    const kernel = new CourseKernel(conn, options);
    await kernel.#start(options.denoPath ?? Deno.execPath());
    return kernel;
  }

  async #start(denoPath: string): Promise<void> {
    const startPpid = Deno.ppid;
    const { transport, ip } = this.#conn;
    const reader = { receiveHighWaterMark: 0, receiveTimeout: 0 };
    const writer = { sendHighWaterMark: 0, sendTimeout: 0, linger: 1000 };
    const listen = (name: Routed) =>
      ZmtpRouter.listen(
        { transport, ip, port: this.#conn[`${name}_port`] },
        (frames) => this.#fromFront(name, frames),
      );
    this.#front = {
      shell: listen("shell"),
      control: listen("control"),
      stdin: listen("stdin"),
      hb: new zmq.Router({ ...reader, ...writer }),
      iopub: new zmq.Publisher(writer),
    };
    await this.#front.hb.bind(address(transport, ip, this.#conn.hb_port));
    await this.#front.iopub.bind(address(transport, ip, this.#conn.iopub_port));
    // Deno's own ports are picked after ours are bound, so the two sets cannot collide.
    const ports = freePorts(5);
    const denoConn: Record<string, unknown> = {
      transport: "tcp",
      ip: "127.0.0.1",
      key: this.#conn.key,
      signature_scheme: this.#conn.signature_scheme ?? "hmac-sha256",
    };
    for (const [i, name] of [...CHANNELS, "iopub"].entries()) {
      denoConn[`${name}_port`] = ports[i];
    }
    this.#tempDir = await Deno.makeTempDir({ prefix: "deno-course-kernel-" });
    this.#stopFile = `${this.#tempDir}/stop.json`;
    const connFile = `${this.#tempDir}/connection.json`;
    await Deno.writeTextFile(connFile, JSON.stringify(denoConn));
    this.#child = spawnDenoKernel(denoPath, connFile);
    this.#stderrRead = this.#readStderr(this.#child.stderr);
    for (const name of [...CHANNELS, "iopub"] as const) {
      this.#deno[name].connect(address("tcp", "127.0.0.1", denoConn[`${name}_port`] as number));
    }
    this.#denoIopubAddress = address("tcp", "127.0.0.1", denoConn.iopub_port as number);
    this.#readers.push([this.#front.hb, (frames) => this.#fromFront("hb", frames), false]);
    for (const name of CHANNELS) {
      const traffic = name !== "hb";
      this.#readers.push([this.#deno[name], (frames) => this.#fromDeno(name, frames), traffic]);
    }
    this.#readers.push([this.#deno.iopub, (frames) => this.#fromDenoIopub(frames), true]);
    this.#child.status.then((status) => this.#onDenoExit(status));
    Deno.addSignalListener("SIGTERM", () => this.#stop(null));
    // A front end in "signal" interrupt mode sends SIGINT: treat it as a Stop.
    Deno.addSignalListener("SIGINT", () => this.#onStop());
    this.#watchParent(startPpid);
    this.#poll();
    this.#probe();
  }

  /**
   * Exits when the front end that started the kernel is gone (killed, crashed), as ipykernel
   * does: otherwise the relay and Deno's kernel would run on forever.
   */
  #watchParent(startPpid: number): void {
    const watch = setInterval(() => {
      if (this.#closed || this.#stopping) {
        clearInterval(watch);
      } else if (parentGone(startPpid, this.#parentPid)) {
        clearInterval(watch);
        const parent = this.#parentPid ?? startPpid;
        console.error(
          `[course kernel] The process that started this kernel (${parent}) is gone: ` +
            `shutting down.`,
        );
        this.#log(`parent ${parent} gone`);
        this.#stop(null);
      }
    }, PARENT_POLL_MS);
  }

  /** Copies Deno's stderr to ours (the kernel's log), keeping its end for #onDenoExit. */
  async #readStderr(stream: ReadableStream<Uint8Array>): Promise<void> {
    const decoder = new TextDecoder();
    try {
      for await (const chunk of stream) {
        for (let written = 0; written < chunk.length;) {
          written += await Deno.stderr.write(chunk.subarray(written));
        }
        this.#stderrTail = (this.#stderrTail + decoder.decode(chunk, { stream: true }))
          .slice(-16_000);
      }
    } catch (e) {
      this.#log(`stderr: ${e}`);
    }
  }

  /** Reads every socket that has a message, then sleeps a little; until closed. */
  async #poll(): Promise<void> {
    while (!this.#closed) {
      for (const [socket, handle, traffic] of this.#readers) {
        while (!socket.closed && socket.readable) {
          try {
            handle(await socket.receive());
          } catch (e) {
            this.#log(`receive error: ${e}`);
          }
          if (traffic) this.#lastTraffic = performance.now();
        }
      }
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, pollInterval(performance.now() - this.#lastTraffic));
        this.#wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
    }
  }

  /** Sends kernel_info requests until Deno's iopub reaches us; shell requests wait till then. */
  async #probe(): Promise<void> {
    while (!this.#ready && !this.#stopping) {
      this.#sendOwn("shell", "kernel_info_request");
      await sleep(100);
    }
  }

  /** Sends a request of our own to Deno; its replies are dropped. */
  #sendOwn(
    channel: "shell" | "control",
    msgType: string,
    content: Record<string, unknown> = {},
  ): string {
    const frames = encodeMessage({
      key: this.#conn.key,
      session: this.#session,
      msgType,
      content,
    });
    const msgId = peekMessage(frames)?.msgId ?? "";
    this.#ownIds.add(msgId);
    this.#send(this.#deno[channel], frames);
    return msgId;
  }

  /**
   * Installs the guard (guard.ts) in Deno's kernel with a hidden cell; run again after a Stop, it
   * revives the guard's signal listener in case Deno's interrupt killed it.
   */
  #installGuard(): void {
    this.#guardId = this.#sendOwn("shell", "execute_request", {
      code: guardCode({ stopFile: this.#stopFile, messageType: GUARD_MESSAGE }),
      silent: true,
      store_history: false,
      user_expressions: {},
      allow_stdin: false,
      stop_on_error: false,
    });
  }

  #signalDeno(): void {
    if (!this.#guardInstalled || this.#child === null) return;
    try {
      this.#child.kill("SIGUSR2");
    } catch { /* Deno has exited; #onDenoExit reports it */ }
  }

  /**
   * The front end pressed Stop. Deno's own interrupt is only safe while JavaScript is busy (see
   * guard.ts), so the relay answers the front end itself and stops the cell in steps: the guard
   * first ({@link STOP_ANSWER_MS}), Deno's interrupt if the cell goes on, and after
   * {@link STOP_GIVE_UP_MS} an explanation under the cell.
   */
  #onStop(): void {
    const running = this.#running;
    if (running?.msgType !== "execute_request") {
      // Nothing runs that Stop could end; Deno's interrupt would kill the next callback instead.
      this.#signalDeno(); // clears nothing: the stop file says {} between Stops
      return;
    }
    if (running.stop !== undefined) {
      // A second Stop: if the guard has been silent since Deno's interrupt, the cell may be busy
      // again (the interrupt ended something else): interrupt once more.
      if (running.stop.interrupted && !running.stop.answeredSinceInterrupt) {
        this.#sendOwn("control", "interrupt_request");
      }
      this.#signalDeno();
      return;
    }
    const stop: StopState = {
      at: performance.now(),
      answered: false,
      answeredSinceInterrupt: false,
      interrupted: false,
      explained: false,
      timers: [],
    };
    running.stop = stop;
    this.#log(`stop ${running.msgId}`);
    Deno.writeTextFileSync(this.#stopFile, JSON.stringify({ since: running.sentAt }));
    this.#signalDeno();
    stop.timers.push(
      setTimeout(() => this.#interruptDeno(running), this.#guardInstalled ? STOP_ANSWER_MS : 0),
      setTimeout(() => this.#giveUp(running), STOP_GIVE_UP_MS),
    );
  }

  /** The guard answered a Stop: if the cell goes on, it is busy between awaits. */
  #onGuardStopped(cleared: number): void {
    const stop = this.#running?.stop;
    this.#log(`guard stopped, cleared ${cleared} timers`);
    if (stop === undefined) return;
    if (stop.interrupted) {
      stop.answeredSinceInterrupt = true;
      return;
    }
    if (stop.answered) return;
    stop.answered = true;
    clearTimeout(stop.timers[0]);
    const running = this.#running!;
    stop.timers[0] = setTimeout(() => this.#interruptDeno(running), STOP_SETTLE_MS);
  }

  /**
   * Sends Deno's own interrupt: V8 terminates the JavaScript that runs, so the cell's promise
   * never settles, and Deno ends the cell once V8 collects that promise. The guard's signal makes
   * it collect garbage now, again and again until the cell has ended.
   */
  #interruptDeno(running: Running): void {
    const stop = running.stop;
    if (this.#running !== running || stop === undefined || stop.interrupted) return;
    stop.interrupted = true;
    this.#log(`interrupting Deno (guard answered: ${stop.answered})`);
    this.#sendOwn("control", "interrupt_request");
    const poke = () => {
      if (this.#running !== running) return;
      this.#signalDeno();
      stop.timers.push(setTimeout(poke, 250));
    };
    // Not at once: the termination should hit the cell's code, not the guard.
    stop.timers.push(setTimeout(poke, 300));
  }

  /**
   * The cell still runs {@link STOP_GIVE_UP_MS} after Stop: if it is stuck, tell the learner, end
   * the cell for the front end, and answer later cells with an error until Deno is free again;
   * if Deno may still be ending it, say so and wait until {@link STOP_STUCK_MS}.
   */
  #giveUp(running: Running): void {
    const stop = running.stop;
    if (this.#running !== running || stop === undefined) return;
    const stuck = stop.answered && !stop.answeredSinceInterrupt;
    if (!stuck && performance.now() - stop.at < STOP_STUCK_MS) {
      this.#log(
        `stop slow: answered ${stop.answered}, since interrupt ${stop.answeredSinceInterrupt}`,
      );
      if (!stop.explained) {
        stop.explained = true;
        this.#publish("stream", {
          name: "stderr",
          text: `[course kernel] Stop has not ended this cell yet: Deno's kernel is still ` +
            `ending it (the machine may be busy). If it does not end within a few seconds, ` +
            `restart the kernel (Kernel > Restart Kernel), which clears every variable.\n`,
        }, running.header);
      }
      stop.timers.push(setTimeout(() => this.#giveUp(running), 500));
      return;
    }
    this.#log(`giving up on ${running.msgId}`);
    for (const timer of running.stop?.timers ?? []) clearTimeout(timer);
    clearTimeout(running.timer);
    this.#publish("stream", {
      name: "stderr",
      text: `[course kernel] Stop did not end this cell: ` +
        `it is stuck in something Deno's kernel cannot interrupt, such as awaiting a promise ` +
        `that nothing will ever settle. Your variables are kept, but no other cell can run ` +
        `until this one ends. If it does not end soon, restart the kernel (Kernel > Restart ` +
        `Kernel), which clears every variable, and run the cells above again.\n`,
    }, running.header);
    const count = this.#cells.findLast((cell) => cell.msgId === running.msgId)?.count ?? null;
    this.#answerExecute(running.frames, {
      status: "error",
      execution_count: count, // the [N] that later cells' errors name
      ename: "Interrupted",
      evalue: "Stop could not end this cell",
      traceback: [],
    });
    this.#stuck = running;
    this.#running = null;
    this.#next();
  }

  /** Sends an execute_reply of our own and the `idle` status that ends a request for the front end. */
  #answerExecute(request: Frames, content: Record<string, unknown>): void {
    const header = readPart(request, "header") ?? {};
    this.#front.shell.send(
      encodeMessage({
        key: this.#conn.key,
        session: this.#session,
        msgType: "execute_reply",
        content: { execution_count: null, ...content },
        parentHeader: header,
        identities: identitiesOf(request),
      }),
    );
    this.#publish("status", { execution_state: "idle" }, header);
  }

  /** Answers a request on the control or shell channel ourselves. */
  #reply(
    channel: "shell" | "control",
    request: Frames,
    msgType: string,
    content: Record<string, unknown>,
  ): void {
    this.#front[channel].send(
      encodeMessage({
        key: this.#conn.key,
        session: this.#session,
        msgType,
        content,
        parentHeader: readPart(request, "header") ?? {},
        identities: identitiesOf(request),
      }),
    );
  }

  /**
   * A message from the guard in Deno's kernel (guard.ts): it is installed, it ran on a Stop, or
   * an error escaped every cell.
   */
  #onGuard(event: GuardEvent, parentId: string): void {
    if (event.event === "ready") {
      this.#heapLimitBytes = event.heapLimitBytes;
    } else if (event.event === "stopped") {
      this.#onGuardStopped(event.cleared);
    } else if (event.event === "late_error") {
      this.#onLateError(event, parentId);
    }
  }

  /**
   * An error thrown outside any cell's flow (in a timer callback, or a promise nothing awaited):
   * into the kernel's log, and under the running cell, or the next one to run, for the learner.
   */
  #onLateError(
    error: Extract<GuardEvent, { event: "late_error" }>,
    parentId: string,
  ): void {
    const running = this.#running?.msgType === "execute_request" ? this.#running : null;
    const origin = error.scheduledAt === undefined
      ? this.#cells.find((cell) => cell.msgId === parentId)
      : this.#cells.findLast((cell) => cell.startAt <= error.scheduledAt!);
    const what = {
      timer: "thrown in a timer callback",
      rejection: "a promise that nothing awaited or caught was rejected",
      error: "thrown in a callback",
    }[error.kind];
    let text: string;
    if (origin !== undefined && origin.msgId === running?.msgId) {
      text = error.kind === "timer"
        ? `Uncaught error in this cell (${what}):`
        : `Uncaught error while this cell ran (${what}; it may come from an earlier cell):`;
    } else {
      const cell = origin?.count != null ? `cell [${origin.count}]` : "an earlier cell";
      text = `Late error from ${cell}, after it had finished (${what}):`;
    }
    text = `[course kernel] ${text}\n${error.text}\n`;
    console.error(text.trimEnd());
    this.#log(`late error: ${JSON.stringify(error)}`);
    this.#tellRunningOrNext(text);
  }

  /** Shows `text` (stderr) under the cell running now or, when none is, under the next that runs. */
  #tellRunningOrNext(text: string): void {
    const running = this.#running;
    if (running?.msgType === "execute_request") {
      this.#publish("stream", { name: "stderr", text }, running.header);
    } else {
      this.#forNextCell.push(text);
    }
  }

  #send(socket: zmq.Writable & zmq.Socket, frames: Frames): void {
    if (socket.closed) return;
    socket.send(frames).catch((e) => this.#log(`send error: ${e}`));
  }

  #log(line: string): void {
    if (this.#logFile === "") return;
    const time = performance.now().toFixed(1);
    Deno.writeTextFileSync(this.#logFile, `${time} ${line}\n`, { append: true });
  }

  #fromFront(channel: Channel, frames: Frames): void {
    if (channel !== "hb") {
      // Deno will answer soon: read its sockets often from now on.
      this.#lastTraffic = performance.now();
      this.#wake();
    }
    if (channel === "hb") {
      // A heartbeat is [identity, "", payload]; Deno's heartbeat echoes in order.
      this.#heartbeats.push(frames[0]!);
      this.#send(this.#deno.hb, frames.slice(1));
      return;
    }
    const info = peekMessage(frames);
    this.#log(`front.${channel} ${info?.msgType} ${info?.msgId}`);
    if (info === null) return;
    if (!verifyMessage(this.#conn.key, frames)) {
      // The relay answers some requests itself (Stop, shutdown): only from whoever has the key.
      this.#log(`front.${channel}: bad signature, dropped`);
      return;
    }
    if (channel === "shell") {
      this.#waiting.push(frames);
      this.#next();
    } else if (info.msgType === "shutdown_request") {
      this.#stop(frames);
    } else if (info.msgType === "interrupt_request") {
      this.#reply("control", frames, "interrupt_reply", { status: "ok" });
      this.#onStop();
    } else {
      this.#toDeno(channel, frames);
    }
  }

  /**
   * Sends a front end's message to Deno, and remembers who sent it: Deno's replies keep only
   * the first routing identity (ours), so the relay puts the front end's back.
   */
  #toDeno(channel: "shell" | "control" | "stdin", frames: Frames): void {
    const info = peekMessage(frames);
    if (info === null) return;
    if (channel !== "stdin") this.#routes.set(info.msgId, frames.slice(0, info.delimiterIndex));
    this.#send(this.#deno[channel], frames.slice(info.delimiterIndex));
  }

  /** Sends a message from Deno to the front end that sent its parent request. */
  #toFront(channel: "shell" | "control" | "stdin", frames: Frames): void {
    const info = peekMessage(frames);
    const identities = info === null ? undefined : this.#routes.get(info.parentId);
    if (info === null || identities === undefined) {
      this.#log(`deno.${channel}: no route for ${info?.msgType}, dropped`);
      return;
    }
    if (info.msgType.endsWith("_reply")) this.#routes.delete(info.parentId);
    let peer = identities[0];
    if (channel === "stdin" && peer !== undefined) {
      // The route names the client's shell connection; its stdin connection is another peer.
      const shell = this.#front.shell.peer(peer);
      peer = shell === undefined ? undefined : this.#front.stdin.partnerOf(shell);
    }
    if (peer === undefined) {
      this.#log(`deno.${channel}: the client of ${info.msgType} is gone, dropped`);
      return;
    }
    this.#front[channel].send([peer, ...frames.slice(info.delimiterIndex)]);
  }

  #fromDeno(channel: Channel, frames: Frames): void {
    if (channel === "hb") {
      const identity = this.#heartbeats.shift();
      if (identity !== undefined) this.#send(this.#front.hb, [identity, ...frames]);
      return;
    }
    const info = peekMessage(frames);
    this.#log(`deno.${channel} ${info?.msgType} re ${info?.parentId}`);
    if (info === null) return;
    if (this.#ownIds.has(info.parentId)) {
      if (info.msgType === "execute_reply" && info.parentId === this.#guardId) {
        this.#guardInstalled = readPart(frames, "content")?.status === "ok";
        this.#log(`guard installed: ${this.#guardInstalled}`);
      } else if (info.msgType === "kernel_info_reply") {
        this.#kernelInfo = readPart(frames, "content");
      }
      return;
    }
    if (info.msgType === "execute_reply" && info.parentId === this.#stuck?.msgId) {
      // The stuck cell has ended after all: the front end had its answer long ago.
      this.#log(`stuck cell ${info.parentId} ended`);
      this.#abandonedId = info.parentId;
      this.#routes.delete(info.parentId);
      this.#stuck = null;
      this.#installGuard();
      this.#next();
      return;
    }
    const running = this.#running;
    if (info.msgType === "execute_reply" && info.parentId === running?.msgId) {
      running.reply = frames;
      this.#settle();
      return;
    }
    this.#toFront(channel, frames);
  }

  #fromDenoIopub(frames: Frames): void {
    this.#lastIopubAt = performance.now();
    const info = peekMessage(frames);
    this.#log(`deno.iopub ${info?.msgType} re ${info?.parentId}`);
    if (info === null || !verifyMessage(this.#conn.key, frames)) {
      this.#repairIopub("Deno's kernel sent a damaged output message");
      return;
    }
    if (info.msgType === GUARD_MESSAGE) {
      this.#onGuard(readPart(frames, "content") as GuardEvent, info.parentId);
      return;
    }
    if (this.#ownIds.has(info.parentId)) {
      if (!this.#ready) {
        this.#ready = true;
        this.#installGuard();
        this.#next();
      }
      return;
    }
    const running = this.#running;
    const isIdle = info.msgType === "status" &&
      readPart(frames, "content")?.execution_state === "idle";
    if (isIdle && info.parentId === this.#abandonedId) return;
    if (info.msgType === "execute_input") {
      const cell = this.#cells.findLast((cell) => cell.msgId === info.parentId);
      const count = readPart(frames, "content")?.execution_count;
      if (cell !== undefined && typeof count === "number") cell.count = count;
    }
    if (isIdle && info.parentId === running?.msgId) {
      if (running.msgType === "execute_request") {
        running.idle = frames;
        this.#settle();
      } else {
        this.#send(this.#front.iopub, frames);
        if (!running.msgType.endsWith("_request")) this.#routes.delete(running.msgId);
        this.#finish();
      }
      return;
    }
    if (sizeOf(frames) >= LARGE_OUTPUT_BYTES) this.#warnLarge(frames, info.parentId);
    this.#send(this.#front.iopub, frames);
    if (running?.reply || running?.idle) this.#settle();
  }

  /** Sends the next waiting shell request to Deno, if Deno is free. */
  #next(): void {
    if (!this.#ready || this.#running !== null || this.#stopping) return;
    if (this.#stuck !== null) {
      this.#answerWhileStuck(this.#stuck);
      return;
    }
    const frames = this.#waiting.shift();
    if (frames === undefined) return;
    const info = peekMessage(frames);
    const header = readPart(frames, "header") ?? {};
    const isExecute = info?.msgType === "execute_request";
    if (isExecute) this.#lastExecuteHeader = header;
    this.#running = {
      frames,
      msgId: info?.msgId ?? "",
      msgType: info?.msgType ?? "",
      header,
      reply: null,
      idle: null,
      timer: undefined,
      sentAt: Date.now(),
    };
    this.#toDeno("shell", frames);
    if (isExecute) {
      this.#cells.push({
        msgId: this.#running.msgId,
        count: null,
        startAt: Date.now(),
        endAt: null,
      });
      if (this.#cells.length > 200) this.#cells.shift();
      for (const text of this.#forNextCell.splice(0)) {
        this.#publish("stream", { name: "stderr", text }, header);
      }
    } else {
      // Deno answers these at once; if its idle got lost (see repairIopub), move on anyway.
      this.#running.timer = setTimeout(() => this.#finish(), IDLE_TIMEOUT_MS);
    }
  }

  /**
   * While Deno is stuck in a cell, it reads no shell request: the relay answers cells with an
   * error that says why, and kernel_info (front ends ask it on connecting) from what Deno said
   * before. Other requests wait.
   */
  #answerWhileStuck(stuck: Running): void {
    const count = this.#cells.findLast((cell) => cell.msgId === stuck.msgId)?.count;
    const cell = count == null ? "an earlier cell" : `cell [${count}]`;
    this.#waiting = this.#waiting.filter((frames) => {
      const msgType = peekMessage(frames)?.msgType;
      const header = readPart(frames, "header") ?? {};
      if (msgType === "execute_request") {
        const error = {
          ename: "KernelStuck",
          evalue: `Cannot run this cell as the kernel is still stuck in ${cell}, which Stop ` +
            `could not end. Wait for it to end, or restart the kernel (Kernel > Restart Kernel) ` +
            `and run the cells above again.`,
          traceback: [] as string[],
        };
        error.traceback.push(`${error.ename}: ${error.evalue}`);
        this.#publish("status", { execution_state: "busy" }, header);
        this.#publish("error", error, header);
        this.#answerExecute(frames, { status: "error", ...error });
        return false;
      }
      if (msgType === "kernel_info_request" && this.#kernelInfo !== null) {
        this.#publish("status", { execution_state: "busy" }, header);
        this.#reply("shell", frames, "kernel_info_reply", this.#kernelInfo);
        this.#publish("status", { execution_state: "idle" }, header);
        return false;
      }
      return true;
    });
  }

  /** Lets the next shell request go to Deno. */
  #finish(): void {
    clearTimeout(this.#running?.timer);
    this.#running = null;
    this.#next();
  }

  /** Finishes the running cell once Deno has replied, gone idle, and iopub is quiet. */
  #settle(): void {
    const running = this.#running;
    if (running === null || running.reply === null) return;
    clearTimeout(running.timer);
    if (running.idle === null) {
      running.timer = setTimeout(
        () => this.#repairIopub("Deno's kernel stopped delivering outputs"),
        IDLE_TIMEOUT_MS,
      );
      return;
    }
    const wait = this.#lastIopubAt + this.#quietMs - performance.now();
    if (wait > 0) {
      running.timer = setTimeout(() => this.#settle(), wait);
      return;
    }
    this.#log(`finished ${running.msgId}`);
    this.#lastFinishedId = running.msgId;
    const cell = this.#cells.findLast((cell) => cell.msgId === running.msgId);
    if (cell !== undefined) cell.endAt = Date.now();
    if (running.stop !== undefined) {
      for (const timer of running.stop.timers) clearTimeout(timer);
      Deno.writeTextFileSync(this.#stopFile, "{}");
      this.#log(`stopped in ${(performance.now() - running.stop.at).toFixed(0)} ms`);
      // Deno draws nothing under a stopped cell; say what happened, and that nothing is lost.
      this.#publish("stream", {
        name: "stderr",
        text: "Interrupted: the cell was stopped. Everything defined before it keeps its value.\n",
      }, running.header);
      // Deno's interrupt may have killed the guard's signal listener: install it afresh, before
      // the next request reaches Deno.
      if (running.stop.interrupted) this.#installGuard();
    }
    this.#toFront("shell", running.reply);
    this.#send(this.#front.iopub, running.idle);
    this.#finish();
  }
  /**
   * Deno's iopub stream broke (see {@link LARGE_OUTPUT_BYTES}): tell the learner, connect
   * afresh, and finish the running cell if Deno has already replied to it.
   */
  #repairIopub(what: string): void {
    this.#log(`repairing iopub: ${what}`);
    const running = this.#running;
    const isExecute = running?.msgType === "execute_request";
    const parent = isExecute ? running!.header : this.#lastExecuteHeader;
    const cell = String(parent?.msg_id ?? "");
    if (parent !== null && cell !== this.#repairedCell) {
      this.#repairedCell = cell; // one message per cell is enough
      this.#publish("stream", {
        name: "stderr",
        text: `[course kernel] Deno's kernel damaged its output stream, so outputs of this ` +
          `cell (and maybe of the one before) are lost. This happens when a large output ` +
          `(about 2 MB or more) is still being sent as another message goes out: Deno mixes ` +
          `their bytes. Your variables are intact, and later cells show their outputs again. ` +
          `Keep outputs small to avoid this.\n`,
      }, parent);
    }
    const old = this.#deno.iopub;
    const fresh = newSubscriber();
    fresh.connect(this.#denoIopubAddress);
    this.#deno.iopub = fresh;
    this.#readers = this.#readers.map((
      [socket, handle, traffic],
    ) => [socket === old ? fresh : socket, handle, traffic]);
    old.close();
    // Shell requests wait until the new connection delivers a probe's status.
    this.#ready = false;
    this.#probe();
    if (running?.reply) {
      running.idle ??= encodeMessage({
        key: this.#conn.key,
        session: this.#session,
        msgType: "status",
        content: { execution_state: "idle" },
        parentHeader: running.header,
      });
      this.#lastIopubAt = 0;
      this.#settle();
    }
  }

  /** Publishes a message of our own on iopub, as a child of `parentHeader`. */
  #publish(
    msgType: string,
    content: Record<string, unknown>,
    parentHeader: Record<string, unknown>,
  ): void {
    this.#send(
      this.#front.iopub,
      encodeMessage({
        key: this.#conn.key,
        session: this.#session,
        msgType,
        content,
        parentHeader,
      }),
    );
  }

  /**
   * Warns about an output of {@link LARGE_OUTPUT_BYTES} or more, under its cell; or, when it
   * came after its cell had finished (Deno takes a while to send a big output, longer than
   * the quiet time), under the cell that is running now, as the front end drops it, or, when
   * none is, under the next cell that runs.
   */
  #warnLarge(frames: Frames, cell: string): void {
    const megabytes = (sizeOf(frames) / 1e6).toFixed(1);
    const late = cell === this.#lastFinishedId; // its idle has gone out: the front end drops it
    const what = late
      ? `The cell before this one sent an output of ${megabytes} MB after it had finished, ` +
        `so it is not shown.`
      : `This cell sent an output of ${megabytes} MB.`;
    const text = `[course kernel] ${what} Deno's kernel is slow to send outputs of about 2 MB ` +
      `or more, and can damage its output stream with them, losing outputs. Keep outputs ` +
      `small: plot fewer points, or show a summary.\n`;
    if (late) this.#tellRunningOrNext(text);
    else this.#publish("stream", { name: "stderr", text }, readPart(frames, "parent_header") ?? {});
  }

  /** Deno's kernel stopped on its own: say so under the cell, then exit so the front end sees a dead kernel. */
  async #onDenoExit(status: Deno.CommandStatus): Promise<void> {
    if (this.#stopping) return;
    this.#stopping = true;
    // V8's last words (out of memory) are in Deno's stderr, which may still be arriving.
    await Promise.race([this.#stderrRead, sleep(1000)]);
    const running = this.#running;
    const isExecute = running?.msgType === "execute_request";
    const parent = isExecute ? running!.header : this.#lastExecuteHeader;
    const how = describeExit(status, this.#stderrTail, this.#heapLimitBytes);
    const advice = how.startsWith("ran out of memory")
      ? ` Keep less in memory at once (a typed array or tensor stores numbers outside this ` +
        `heap, much more compactly than a plain array), or raise the limit with the V8 flag ` +
        `--max-old-space-size=<MB> in DENO_V8_FLAGS.`
      : "";
    const evalue = `Deno's kernel ${how}, so every variable is lost. Restart the kernel (the ` +
      `notebook may do it for you) and run the cells above again.${advice}`;
    this.#log(`deno exited: ${how}`);
    if (parent !== null) {
      const error = { ename: "KernelDied", evalue, traceback: [`KernelDied: ${evalue}`] };
      this.#publish("error", error, parent);
      if (isExecute) {
        this.#front.shell.send(
          encodeMessage({
            key: this.#conn.key,
            session: this.#session,
            msgType: "execute_reply",
            content: { status: "error", execution_count: null, ...error },
            parentHeader: parent,
            identities: identitiesOf(running!.frames),
          }),
        );
      }
      this.#publish("status", { execution_state: "idle" }, parent);
    }
    await this.#close(1);
  }

  /** Shuts down, on a shutdown_request from the front end or on SIGTERM (`request` null). */
  async #stop(request: Frames | null): Promise<void> {
    if (this.#stopping) return;
    this.#stopping = true;
    const child = this.#child!;
    if (request !== null) {
      // Deno's own shutdown_reply finds no route and is dropped: we answer once it is gone.
      this.#send(this.#deno.control, request.slice(identitiesOf(request).length));
    } else {
      kill(child, "SIGTERM");
    }
    const exited = await Promise.race([child.status.then(() => true), sleep(2000)]);
    if (exited !== true) kill(child, "SIGKILL");
    await child.status;
    if (request !== null) {
      this.#front.control.send(
        encodeMessage({
          key: this.#conn.key,
          session: this.#session,
          msgType: "shutdown_reply",
          content: { status: "ok", restart: readPart(request, "content")?.restart === true },
          parentHeader: readPart(request, "header") ?? {},
          identities: identitiesOf(request),
        }),
      );
    }
    await this.#close(0);
  }

  async #close(code: number): Promise<void> {
    await sleep(100); // let the last messages leave
    this.#closed = true;
    for (const name of ROUTED) this.#front[name].close();
    for (const socket of [this.#front.hb, this.#front.iopub, ...Object.values(this.#deno)]) {
      socket.close();
    }
    if (this.#child !== null) kill(this.#child, "SIGKILL");
    await Deno.remove(this.#tempDir, { recursive: true }).catch(() => {});
    this.#resolveFinished(code);
  }
}

/**
 * Starts `deno jupyter --kernel` in our working directory (the notebook's folder, where Deno
 * looks for deno.json). On Linux, `setpriv --pdeathsig` makes it die with us even if we crash.
 * Its stderr comes to us (see #readStderr).
 */
function spawnDenoKernel(denoPath: string, connFile: string): Deno.ChildProcess {
  const args = ["jupyter", "--kernel", "--conn", connFile];
  const setpriv = "/usr/bin/setpriv";
  let useSetpriv = false;
  try {
    useSetpriv = Deno.build.os === "linux" && Deno.statSync(setpriv).isFile;
  } catch { /* not installed */ }
  const [command, commandArgs] = useSetpriv
    ? [setpriv, ["--pdeathsig", "KILL", "--", denoPath, ...args]]
    : [denoPath, args];
  // --expose-gc: the guard collects garbage on Stop (see guard.ts); the memory reducer flags let
  // V8 also collect on its own within milliseconds of going idle. Flags given to us in
  // DENO_V8_FLAGS (such as --max-old-space-size) come after ours.
  const flags = [
    "--expose-gc",
    "--memory-reducer-delay-ms=10",
    "--gc-memory-reducer-start-delay-ms=10",
  ];
  const given = Deno.env.get("DENO_V8_FLAGS");
  if (given) flags.push(given);
  return new Deno.Command(command, {
    args: commandArgs,
    env: { DENO_V8_FLAGS: flags.join(",") },
    stdin: "null",
    stdout: "inherit",
    stderr: "piped",
  }).spawn();
}
