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
  /** Whether the front end asked to interrupt this cell (Stop). */
  interrupted?: boolean;
}

type Channel = "shell" | "control" | "stdin" | "hb";
const CHANNELS: Channel[] = ["shell", "control", "stdin", "hb"];

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

function describeExit(status: Deno.CommandStatus): string {
  return status.signal ? `was killed by ${status.signal}` : `exited with code ${status.code}`;
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
  #session = crypto.randomUUID();
  #tempDir = "";
  #child: Deno.ChildProcess | null = null;
  #front: Record<Channel, zmq.Router> & { iopub: zmq.Publisher };
  #deno: Record<Channel, zmq.Dealer> & { iopub: zmq.Subscriber };
  #denoIopubAddress = "";
  /** Sockets to read, what to do with a message, and whether it counts as traffic. */
  #readers: [zmq.Readable & zmq.Socket, (frames: Frames) => void, boolean][] = [];
  #waiting: Frames[] = [];
  #running: Running | null = null;
  #lastExecuteHeader: Record<string, unknown> | null = null;
  #lastIopubAt = 0;
  #ready = false;
  #ownIds = new Set<string>();
  /** The hidden request that makes Deno collect garbage on SIGUSR2, and whether it has run. */
  #gcSetupId = "";
  #gcOnSignal = false;
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
    this.finished = new Promise((resolve) => this.#resolveFinished = resolve);
    // No high-water marks: the relay never drops a message. Timeouts of 0 keep zeromq.js
    // away from Deno's partial libuv (see pollInterval).
    const reader = { receiveHighWaterMark: 0, receiveTimeout: 0 };
    const writer = { sendHighWaterMark: 0, sendTimeout: 0, linger: 1000 };
    this.#front = {
      shell: new zmq.Router({ ...reader, ...writer }),
      control: new zmq.Router({ ...reader, ...writer }),
      stdin: new zmq.Router({ ...reader, ...writer }),
      hb: new zmq.Router({ ...reader, ...writer }),
      iopub: new zmq.Publisher(writer),
    };
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
   * @param options Where deno is, the quiet time, a log file
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
    const { transport, ip } = this.#conn;
    for (const name of [...CHANNELS, "iopub"] as const) {
      const port = this.#conn[`${name}_port`];
      await this.#front[name].bind(address(transport, ip, port));
    }
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
    const connFile = `${this.#tempDir}/connection.json`;
    await Deno.writeTextFile(connFile, JSON.stringify(denoConn));
    this.#child = spawnDenoKernel(denoPath, connFile);
    for (const name of [...CHANNELS, "iopub"] as const) {
      this.#deno[name].connect(address("tcp", "127.0.0.1", denoConn[`${name}_port`] as number));
    }
    this.#denoIopubAddress = address("tcp", "127.0.0.1", denoConn.iopub_port as number);
    for (const name of CHANNELS) {
      const traffic = name !== "hb";
      this.#readers.push([this.#front[name], (frames) => this.#fromFront(name, frames), traffic]);
      this.#readers.push([this.#deno[name], (frames) => this.#fromDeno(name, frames), traffic]);
    }
    this.#readers.push([this.#deno.iopub, (frames) => this.#fromDenoIopub(frames), true]);
    this.#child.status.then((status) => this.#onDenoExit(status));
    Deno.addSignalListener("SIGTERM", () => this.#stop(null));
    // A front end in "signal" interrupt mode sends SIGINT: pass it on as a message.
    Deno.addSignalListener("SIGINT", () => this.#sendOwn("control", "interrupt_request"));
    this.#poll();
    this.#probe();
  }

  /** Reads every socket that has a message, then sleeps a little; until closed. */
  async #poll(): Promise<void> {
    let lastTraffic = performance.now();
    while (!this.#closed) {
      for (const [socket, handle, traffic] of this.#readers) {
        while (!socket.closed && socket.readable) {
          try {
            handle(await socket.receive());
          } catch (e) {
            this.#log(`receive error: ${e}`);
          }
          if (traffic) lastTraffic = performance.now();
        }
      }
      await sleep(pollInterval(performance.now() - lastTraffic));
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
   * Stop during a cell that awaits (a training loop with a live view): V8 terminates the code
   * that runs after an `await`, so the cell's promise never settles, and Deno 2.9 reports the
   * cell finished only once V8 garbage-collects that promise, 20 s or more later on an idle heap.
   * So Deno runs with `--expose-gc`, a hidden request makes it collect garbage on SIGUSR2, and
   * after an interrupt the relay sends SIGUSR2 until the cell has finished.
   */
  #installGcOnSignal(): void {
    this.#gcSetupId = this.#sendOwn("shell", "execute_request", {
      code: 'Deno.addSignalListener("SIGUSR2", () => globalThis.gc?.());',
      silent: true,
      store_history: false,
      user_expressions: {},
      allow_stdin: false,
      stop_on_error: false,
    });
  }

  #collectUntilStopped(running: Running): void {
    const poke = () => {
      if (this.#running !== running || this.#child === null) return;
      this.#log(`interrupted cell still running; SIGUSR2: ${this.#gcOnSignal}`);
      if (this.#gcOnSignal) {
        try {
          this.#child.kill("SIGUSR2");
        } catch { /* Deno has exited; #onDenoExit reports it */ }
      }
      setTimeout(poke, 500);
    };
    setTimeout(poke, 300);
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
    if (channel === "hb") {
      // A heartbeat is [identity, "", payload]; Deno's heartbeat echoes in order.
      this.#heartbeats.push(frames[0]!);
      this.#send(this.#deno.hb, frames.slice(1));
      return;
    }
    const info = peekMessage(frames);
    this.#log(`front.${channel} ${info?.msgType} ${info?.msgId}`);
    if (info === null) return;
    if (channel === "shell") {
      this.#waiting.push(frames);
      this.#next();
    } else if (info.msgType === "shutdown_request") {
      this.#stop(frames);
    } else {
      if (info.msgType === "interrupt_request" && this.#running !== null) {
        this.#running.interrupted = true;
        this.#collectUntilStopped(this.#running);
      }
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
    this.#send(this.#front[channel], [...identities, ...frames.slice(info.delimiterIndex)]);
  }

  #fromDeno(channel: Channel, frames: Frames): void {
    if (channel === "hb") {
      const identity = this.#heartbeats.shift();
      if (identity !== undefined) this.#send(this.#front.hb, [identity, ...frames]);
      return;
    }
    const info = peekMessage(frames);
    this.#log(`deno.${channel} ${info?.msgType} re ${info?.parentId}`);
    if (info !== null && info.msgType === "execute_reply" && info.parentId === this.#gcSetupId) {
      this.#gcOnSignal = readPart(frames, "content")?.status === "ok";
      this.#log(`gc on SIGUSR2: ${this.#gcOnSignal}`);
    }
    if (info === null || this.#ownIds.has(info.parentId)) return;
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
    if (this.#ownIds.has(info.parentId)) {
      if (!this.#ready) {
        this.#ready = true;
        this.#installGcOnSignal();
        this.#next();
      }
      return;
    }
    const running = this.#running;
    const isIdle = info.msgType === "status" &&
      readPart(frames, "content")?.execution_state === "idle";
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
    };
    this.#toDeno("shell", frames);
    if (!isExecute) {
      // Deno answers these at once; if its idle got lost (see repairIopub), move on anyway.
      this.#running.timer = setTimeout(() => this.#finish(), IDLE_TIMEOUT_MS);
    }
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
    if (running.interrupted) {
      // Deno draws nothing under a stopped cell; say what happened, and that nothing is lost.
      this.#publish("stream", {
        name: "stderr",
        text: "Interrupted: the cell was stopped. Everything defined before it keeps its value.\n",
      }, running.header);
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
   * the quiet time), under the cell that is running now, as the front end drops it.
   */
  #warnLarge(frames: Frames, cell: string): void {
    const megabytes = (sizeOf(frames) / 1e6).toFixed(1);
    const running = this.#running;
    const late = cell === this.#lastFinishedId && running?.msgType === "execute_request";
    const what = late
      ? `The cell before this one sent an output of ${megabytes} MB after it had finished, ` +
        `so it is not shown.`
      : `This cell sent an output of ${megabytes} MB.`;
    this.#publish("stream", {
      name: "stderr",
      text: `[course kernel] ${what} Deno's kernel is slow to send outputs of about 2 MB or ` +
        `more, and can damage its output stream with them, losing outputs. Keep outputs ` +
        `small: plot fewer points, or show a summary.\n`,
    }, late ? running!.header : readPart(frames, "parent_header") ?? {});
  }

  /** Deno's kernel stopped on its own: say so under the cell, then exit so the front end sees a dead kernel. */
  async #onDenoExit(status: Deno.CommandStatus): Promise<void> {
    if (this.#stopping) return;
    this.#stopping = true;
    const running = this.#running;
    const isExecute = running?.msgType === "execute_request";
    const parent = isExecute ? running!.header : this.#lastExecuteHeader;
    const evalue = `Deno's kernel ${describeExit(status)}, so every variable is lost. ` +
      `Restart the kernel (the notebook may do it for you) and run the cells above again.`;
    this.#log(`deno exited: ${describeExit(status)}`);
    if (parent !== null) {
      const error = { ename: "KernelDied", evalue, traceback: [`KernelDied: ${evalue}`] };
      this.#publish("error", error, parent);
      if (isExecute) {
        this.#send(
          this.#front.shell,
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
      this.#send(
        this.#front.control,
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
    for (const socket of [...Object.values(this.#front), ...Object.values(this.#deno)]) {
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
  return new Deno.Command(command, {
    args: commandArgs,
    // --expose-gc: see #installGcOnSignal; the memory reducer flags let V8 also collect on its
    // own within milliseconds of going idle (measured: a stopped training cell ended in 0.05-4 s
    // instead of 21 s).
    env: {
      DENO_V8_FLAGS:
        "--expose-gc,--memory-reducer-delay-ms=10,--gc-memory-reducer-start-delay-ms=10",
    },
    stdin: "null",
    stdout: "inherit",
    stderr: "inherit",
  }).spawn();
}
