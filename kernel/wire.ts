/**
 * The Jupyter wire format, just enough of it for the course kernel's relay.
 *
 * A message travels as ZeroMQ frames:
 * `[...identities, "<IDS|MSG>", signature, header, parent_header, metadata, content, ...buffers]`.
 * The signature is an HMAC-SHA256 (hex) over the four JSON frames, keyed by the connection
 * file's `key`. The relay forwards frames untouched, so Deno's signatures stay valid; it only
 * signs the few messages it writes itself (see {@link encodeMessage}).
 *
 * @module
 */

import { createHmac } from "node:crypto";

/** The frame that separates routing identities from the message. */
export const DELIMITER = "<IDS|MSG>";

/** A multipart ZeroMQ message, as zeromq.js receives it. */
export type Frames = Uint8Array[];

/** What the relay needs to know about a message, read from its header frames only. */
export interface MessageInfo {
  /** `header.msg_type`, e.g. `"execute_request"` or `"status"`. */
  msgType: string;
  /** `header.msg_id`. */
  msgId: string;
  /** `parent_header.msg_id`, or `""` when the message has no parent. */
  parentId: string;
  /** Index of the `<IDS|MSG>` frame. */
  delimiterIndex: number;
}

/** A message header (Jupyter messaging protocol 5.3). */
export interface Header {
  msg_id: string;
  session: string;
  username: string;
  date: string;
  msg_type: string;
  version: string;
}

const decoder = new TextDecoder();
const encoder = new TextEncoder();

/** Index of the `<IDS|MSG>` frame, or -1. */
function findDelimiter(frames: Frames): number {
  return frames.findIndex((frame) =>
    frame.length === DELIMITER.length && decoder.decode(frame) === DELIMITER
  );
}

/**
 * Reads the type, id and parent id of a message without parsing its content.
 *
 * @param frames The message as received
 * @returns The message's type and ids, or `null` if the frames are not a Jupyter message
 *
 * @example Usage
 * ```ts
 * import { encodeMessage, peekMessage } from "./wire.ts";
 * import { equal } from "node:assert/strict";
 *
 * const frames = encodeMessage({ key: "k", session: "s", msgType: "status", content: {} });
 * equal(peekMessage(frames)?.msgType, "status");
 * ```
 */
export function peekMessage(frames: Frames): MessageInfo | null {
  const delimiterIndex = findDelimiter(frames);
  if (delimiterIndex < 0 || frames.length < delimiterIndex + 6) return null;
  try {
    const header = JSON.parse(decoder.decode(frames[delimiterIndex + 2]));
    const parent = JSON.parse(decoder.decode(frames[delimiterIndex + 3]));
    return {
      msgType: String(header.msg_type ?? ""),
      msgId: String(header.msg_id ?? ""),
      parentId: String(parent?.msg_id ?? ""),
      delimiterIndex,
    };
  } catch {
    return null;
  }
}

/**
 * Parses one of the JSON frames of a message: `"header"`, `"parent_header"`, `"metadata"`
 * or `"content"`.
 *
 * @param frames The message as received
 * @param part Which frame to parse
 * @returns The parsed JSON, or `null` if it cannot be parsed
 *
 * @example Usage
 * ```ts
 * import { encodeMessage, readPart } from "./wire.ts";
 * import { deepStrictEqual } from "node:assert/strict";
 *
 * const frames = encodeMessage({ key: "k", session: "s", msgType: "status", content: { a: 1 } });
 * deepStrictEqual(readPart(frames, "content"), { a: 1 });
 * ```
 */
export function readPart(
  frames: Frames,
  part: "header" | "parent_header" | "metadata" | "content",
): Record<string, unknown> | null {
  const index = findDelimiter(frames);
  const offset = { header: 2, parent_header: 3, metadata: 4, content: 5 }[part];
  const frame = index < 0 ? undefined : frames[index + offset];
  if (frame === undefined) return null;
  try {
    return JSON.parse(decoder.decode(frame));
  } catch {
    return null;
  }
}

/**
 * Signs the four JSON frames of a message with HMAC-SHA256.
 *
 * @param key The `key` from the connection file; an empty key disables signing
 * @param parts header, parent_header, metadata and content, serialised
 * @returns The hex digest, or `""` for an empty key
 *
 * @example Usage
 * ```ts
 * import { sign } from "./wire.ts";
 * import { equal } from "node:assert/strict";
 *
 * equal(sign("", ["{}", "{}", "{}", "{}"]), "");
 * equal(sign("key", ["{}", "{}", "{}", "{}"]).length, 64);
 * ```
 */
export function sign(key: string, parts: (string | Uint8Array)[]): string {
  if (key === "") return "";
  const hmac = createHmac("sha256", key);
  for (const part of parts) hmac.update(part);
  return hmac.digest("hex");
}

/**
 * Checks a received message's signature against the four JSON frames it covers.
 *
 * @param key The `key` from the connection file
 * @param frames The message as received
 * @returns Whether the message is whole and correctly signed
 *
 * @example Usage
 * ```ts
 * import { encodeMessage, verifyMessage } from "./wire.ts";
 * import { equal } from "node:assert/strict";
 *
 * const frames = encodeMessage({ key: "k", session: "s", msgType: "status", content: {} });
 * equal(verifyMessage("k", frames), true);
 * frames[5] = new TextEncoder().encode('{"damaged": true}');
 * equal(verifyMessage("k", frames), false);
 * ```
 */
export function verifyMessage(key: string, frames: Frames): boolean {
  const index = findDelimiter(frames);
  if (index < 0 || frames.length < index + 6) return false;
  const signature = decoder.decode(frames[index + 1]);
  return signature === sign(key, frames.slice(index + 2, index + 6));
}

/** What {@link encodeMessage} needs to write a new message. */
export interface NewMessage {
  /** The connection file's `key`. */
  key: string;
  /** The session id to put in the header. */
  session: string;
  /** `header.msg_type`. */
  msgType: string;
  /** The message content. */
  content: Record<string, unknown>;
  /**
   * The header of the message this one answers, or `{}` for none.
   * @default {}
   */
  parentHeader?: Record<string, unknown>;
  /**
   * Routing identities to put before the delimiter (shell, control and stdin replies).
   * @default []
   */
  identities?: Frames;
}

/**
 * Writes and signs a new message.
 *
 * @param message What to write
 * @returns The frames, ready to send
 *
 * @example Usage
 * ```ts
 * import { encodeMessage, peekMessage } from "./wire.ts";
 * import { equal } from "node:assert/strict";
 *
 * const frames = encodeMessage({
 *   key: "k",
 *   session: "s",
 *   msgType: "status",
 *   content: { execution_state: "idle" },
 *   parentHeader: { msg_id: "abc" },
 * });
 * equal(peekMessage(frames)?.parentId, "abc");
 * ```
 */
export function encodeMessage(message: NewMessage): Frames {
  const header: Header = {
    msg_id: crypto.randomUUID(),
    session: message.session,
    username: "kernel",
    date: new Date().toISOString(),
    msg_type: message.msgType,
    version: "5.3",
  };
  const parts = [
    JSON.stringify(header),
    JSON.stringify(message.parentHeader ?? {}),
    "{}",
    JSON.stringify(message.content),
  ];
  return [
    ...(message.identities ?? []),
    encoder.encode(DELIMITER),
    encoder.encode(sign(message.key, parts)),
    ...parts.map((part) => encoder.encode(part)),
  ];
}

/**
 * The routing identities of a message: the frames before `<IDS|MSG>`.
 *
 * @param frames The message as received
 * @returns The identity frames (empty when there are none)
 *
 * @example Usage
 * ```ts
 * import { encodeMessage, identitiesOf } from "./wire.ts";
 * import { equal } from "node:assert/strict";
 *
 * const id = new TextEncoder().encode("client");
 * const frames = encodeMessage({ key: "", session: "s", msgType: "x", content: {}, identities: [id] });
 * equal(identitiesOf(frames).length, 1);
 * ```
 */
export function identitiesOf(frames: Frames): Frames {
  const index = findDelimiter(frames);
  return index < 0 ? [] : frames.slice(0, index);
}

/** Total size of a message in bytes. */
export function sizeOf(frames: Frames): number {
  return frames.reduce((sum, frame) => sum + frame.length, 0);
}
