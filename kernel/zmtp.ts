/**
 * A ZeroMQ ROUTER socket for the front end's shell, control and stdin channels, speaking ZMTP 3.0
 * (https://rfc.zeromq.org/spec/23/, NULL security) over TCP or a Unix socket.
 *
 * Why not zeromq.js's Router: a Jupyter client gives its shell, control and stdin sockets its
 * session id as ZeroMQ identity, and jupyter_client's `km.client()` hands the same session to
 * every client of one kernel. libzmq's ROUTER then ignores the second client (or, with
 * `router_handover`, as ipykernel sets, sends the first client's replies to the second). This
 * router makes every connection a peer of its own, with an id of its own, and keeps the identity
 * the client announced only to pair a client's stdin connection with its shell connection.
 *
 * A message goes out and comes in as frames `[peerId, ...frames]`, as with any ROUTER.
 *
 * @module
 */

/** A multipart message. */
export type Frames = Uint8Array[];

/** A connected client socket. */
export interface Peer {
  /** The id this router gave the connection: the first frame of its messages. */
  id: Uint8Array;
  /** The identity the client announced (its `Identity` property), possibly empty. */
  identity: Uint8Array;
  /** performance.now() when it connected. */
  connectedAt: number;
}

/** Where to listen: a connection file's transport, ip and port. */
export interface Endpoint {
  transport: string;
  ip: string;
  port: number;
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();
const FLAG_MORE = 1;
const FLAG_LONG = 2;
const FLAG_COMMAND = 4;

/**
 * Our greeting: signature, version 3.0, the NULL mechanism, not a server, filler.
 *
 * @returns The 64 bytes every ZMTP 3 connection starts with
 *
 * @example Usage
 * ```ts
 * import { greeting } from "./zmtp.ts";
 * import { deepStrictEqual, equal } from "node:assert/strict";
 *
 * const bytes = greeting();
 * equal(bytes.length, 64);
 * deepStrictEqual([bytes[0], bytes[9], bytes[10], bytes[11]], [0xff, 0x7f, 3, 0]);
 * equal(new TextDecoder().decode(bytes.subarray(12, 16)), "NULL");
 * ```
 */
export function greeting(): Uint8Array {
  const bytes = new Uint8Array(64);
  bytes.set([0xff, 0, 0, 0, 0, 0, 0, 0, 1, 0x7f, 3, 0]);
  bytes.set(encoder.encode("NULL"), 12);
  return bytes;
}

/**
 * Encodes one message as ZMTP frames (or one command, `command` true).
 *
 * @param frames The message's parts
 * @param command Whether it is a command (a single frame)
 * @returns The bytes to write
 *
 * @example Usage
 * ```ts
 * import { encodeFrames } from "./zmtp.ts";
 * import { deepStrictEqual } from "node:assert/strict";
 *
 * const bytes = encodeFrames([new Uint8Array([7]), new Uint8Array(0)]);
 * deepStrictEqual([...bytes], [1, 1, 7, 0, 0]); // MORE, size 1, 7; last, size 0
 * ```
 */
export function encodeFrames(frames: Frames, command = false): Uint8Array {
  let total = 0;
  for (const frame of frames) total += frame.length + (frame.length > 255 ? 9 : 2);
  const bytes = new Uint8Array(total);
  const view = new DataView(bytes.buffer);
  let at = 0;
  frames.forEach((frame, i) => {
    const more = i < frames.length - 1 ? FLAG_MORE : 0;
    const kind = command ? FLAG_COMMAND : 0;
    if (frame.length > 255) {
      bytes[at] = more | kind | FLAG_LONG;
      view.setBigUint64(at + 1, BigInt(frame.length));
      at += 9;
    } else {
      bytes[at] = more | kind;
      bytes[at + 1] = frame.length;
      at += 2;
    }
    bytes.set(frame, at);
    at += frame.length;
  });
  return bytes;
}

/**
 * Encodes a READY command with the given properties.
 *
 * @param properties Property names and values, e.g. `{ "Socket-Type": "ROUTER" }`
 * @returns The command's body (to be sent with {@link encodeFrames} as a command)
 *
 * @example Usage
 * ```ts
 * import { parseReady, readyCommand } from "./zmtp.ts";
 * import { equal } from "node:assert/strict";
 *
 * const body = readyCommand({ "Socket-Type": "DEALER", Identity: "abc" });
 * equal(new TextDecoder().decode(parseReady(body)?.get("Identity")), "abc");
 * ```
 */
export function readyCommand(properties: Record<string, string>): Uint8Array {
  const parts: number[] = [5, ...encoder.encode("READY")];
  for (const [name, value] of Object.entries(properties)) {
    const valueBytes = encoder.encode(value);
    const size = valueBytes.length;
    parts.push(name.length, ...encoder.encode(name));
    parts.push(size >>> 24, (size >>> 16) & 255, (size >>> 8) & 255, size & 255, ...valueBytes);
  }
  return new Uint8Array(parts);
}

/**
 * Reads a READY command's properties.
 *
 * @param body The command's body
 * @returns The properties by name, or `null` if it is not a well-formed READY command
 */
export function parseReady(body: Uint8Array): Map<string, Uint8Array> | null {
  if (body[0] !== 5 || decoder.decode(body.subarray(1, 6)) !== "READY") return null;
  const view = new DataView(body.buffer, body.byteOffset, body.byteLength);
  const properties = new Map<string, Uint8Array>();
  let at = 6;
  while (at < body.length) {
    const nameLength = body[at]!;
    const name = decoder.decode(body.subarray(at + 1, at + 1 + nameLength));
    at += 1 + nameLength;
    if (at + 4 > body.length) return null;
    const valueLength = view.getUint32(at);
    at += 4;
    if (at + valueLength > body.length) return null;
    properties.set(name, body.subarray(at, at + valueLength));
    at += valueLength;
  }
  return properties;
}

/** Reads exact byte counts from a stream. */
class Input {
  #reader: ReadableStreamDefaultReader<Uint8Array>;
  #chunks: Uint8Array[] = [];
  #length = 0;

  constructor(stream: ReadableStream<Uint8Array>) {
    this.#reader = stream.getReader();
  }

  /** The next `count` bytes; throws at the end of the stream. */
  async read(count: number): Promise<Uint8Array> {
    while (this.#length < count) {
      const { value, done } = await this.#reader.read();
      if (done) throw new Error("connection closed");
      this.#chunks.push(value);
      this.#length += value.length;
    }
    const out = new Uint8Array(count);
    for (let at = 0; at < count;) {
      const chunk = this.#chunks[0]!;
      const take = Math.min(chunk.length, count - at);
      out.set(chunk.subarray(0, take), at);
      at += take;
      if (take === chunk.length) this.#chunks.shift();
      else this.#chunks[0] = chunk.subarray(take);
    }
    this.#length -= count;
    return out;
  }
}

/** One client connection. */
class Connection {
  readonly peer: Peer;
  #conn: Deno.Conn;
  #writing: Promise<void> = Promise.resolve();
  #closed = false;

  constructor(conn: Deno.Conn, id: Uint8Array) {
    this.#conn = conn;
    this.peer = { id, identity: new Uint8Array(0), connectedAt: performance.now() };
  }

  /** Queues bytes for writing, after whatever is queued already. */
  write(bytes: Uint8Array): void {
    this.#writing = this.#writing.then(async () => {
      for (let at = 0; at < bytes.length && !this.#closed;) {
        at += await this.#conn.write(bytes.subarray(at));
      }
    }).catch(() => this.close());
  }

  close(): void {
    if (this.#closed) return;
    this.#closed = true;
    try {
      this.#conn.close();
    } catch { /* closed already */ }
  }

  /** Greets, then hands every message to `onMessage` until the connection ends. */
  async serve(onMessage: (frames: Frames) => void): Promise<void> {
    const input = new Input(this.#conn.readable);
    this.write(greeting());
    const theirs = await input.read(64);
    const mechanism = decoder.decode(theirs.subarray(12, 32)).replace(/\0+$/, "");
    if (theirs[0] !== 0xff || (theirs[9]! & 1) !== 1 || theirs[10]! < 3 || mechanism !== "NULL") {
      throw new Error(`not a ZMTP 3 peer with NULL security (mechanism ${mechanism})`);
    }
    this.write(encodeFrames([readyCommand({ "Socket-Type": "ROUTER" })], true));
    let frames: Frames = [];
    let ready = false;
    for (;;) {
      const flags = (await input.read(1))[0]!;
      const sizeBytes = await input.read(flags & FLAG_LONG ? 8 : 1);
      const size = flags & FLAG_LONG
        ? Number(new DataView(sizeBytes.buffer).getBigUint64(0))
        : sizeBytes[0]!;
      const body = await input.read(size);
      if (flags & FLAG_COMMAND) {
        const properties = ready ? null : parseReady(body);
        if (properties !== null) {
          this.peer.identity = properties.get("Identity") ?? new Uint8Array(0);
          ready = true;
        }
        continue; // other commands (PING and the like) do not occur with ZMTP 3.0 peers
      }
      if (!ready) throw new Error("a message came before the READY command");
      frames.push(body);
      if (!(flags & FLAG_MORE)) {
        onMessage([this.peer.id, ...frames]);
        frames = [];
      }
    }
  }
}

/**
 * A ROUTER socket that treats every connection as its own peer.
 *
 * @example Usage
 * ```ts ignore
 * import { ZmtpRouter } from "./zmtp.ts";
 *
 * const router = ZmtpRouter.listen({ transport: "tcp", ip: "127.0.0.1", port: 5555 }, (frames) => {
 *   router.send(frames); // echo, to the peer in frames[0]
 * });
 * ```
 */
export class ZmtpRouter {
  #listener: Deno.Listener;
  #connections = new Map<string, Connection>();
  #nextId = 1;
  #closed = false;

  private constructor(listener: Deno.Listener, onMessage: (frames: Frames) => void) {
    this.#listener = listener;
    this.#accept(onMessage);
  }

  /**
   * Listens on an endpoint of a connection file (`tcp`, or `ipc`: a Unix socket at `ip-port`).
   *
   * @param endpoint Transport, ip and port
   * @param onMessage Called with `[peerId, ...frames]` for every message that comes in
   * @returns The router
   */
  static listen(endpoint: Endpoint, onMessage: (frames: Frames) => void): ZmtpRouter {
    const listener = endpoint.transport === "ipc"
      ? Deno.listen({ transport: "unix", path: `${endpoint.ip}-${endpoint.port}` })
      : Deno.listen({
        hostname: endpoint.ip === "*" ? "0.0.0.0" : endpoint.ip,
        port: endpoint.port,
      });
    return new ZmtpRouter(listener, onMessage);
  }

  async #accept(onMessage: (frames: Frames) => void): Promise<void> {
    try {
      for await (const conn of this.#listener) {
        if (conn.localAddr.transport === "tcp") (conn as Deno.TcpConn).setNoDelay(true);
        // Like libzmq's own generated ids: a zero byte, then a 32-bit counter.
        const id = new Uint8Array(5);
        new DataView(id.buffer).setUint32(1, this.#nextId++);
        const connection = new Connection(conn, id);
        const key = idKey(id);
        this.#connections.set(key, connection);
        connection.serve(onMessage).catch(() => {}).finally(() => {
          this.#connections.delete(key);
          connection.close();
        });
      }
    } catch (e) {
      if (!this.#closed) throw e;
    }
  }

  /**
   * Sends a message to the peer named by its first frame; drops it if that peer has gone.
   *
   * @param frames `[peerId, ...frames]`
   */
  send(frames: Frames): void {
    const connection = this.#connections.get(idKey(frames[0] ?? new Uint8Array(0)));
    connection?.write(encodeFrames(frames.slice(1)));
  }

  /**
   * The peer that announced the same identity as `other` (a peer of another router), and
   * connected closest in time to it: a client's stdin connection for its shell connection.
   *
   * @param other A peer of another router
   * @returns That peer's id, if there is one
   */
  partnerOf(other: Peer): Uint8Array | undefined {
    let best: Peer | undefined;
    for (const { peer } of this.#connections.values()) {
      if (idKey(peer.identity) !== idKey(other.identity)) continue;
      const distance = Math.abs(peer.connectedAt - other.connectedAt);
      if (best === undefined || distance < Math.abs(best.connectedAt - other.connectedAt)) {
        best = peer;
      }
    }
    return best?.id;
  }

  /**
   * The peer with this id, if it is connected.
   *
   * @param id A peer id (the first frame of a message)
   * @returns The peer
   */
  peer(id: Uint8Array): Peer | undefined {
    return this.#connections.get(idKey(id))?.peer;
  }

  /** Stops listening and closes every connection. */
  close(): void {
    if (this.#closed) return;
    this.#closed = true;
    try {
      this.#listener.close();
    } catch { /* closed already */ }
    for (const connection of this.#connections.values()) connection.close();
    this.#connections.clear();
  }
}

function idKey(id: Uint8Array): string {
  return Array.from(id, (byte) => byte.toString(16).padStart(2, "0")).join("");
}
