// The Jupyter wire format helpers the relay uses.
import { deepStrictEqual, strictEqual } from "../_helpers.ts";
import { createHmac } from "node:crypto";
import {
  encodeMessage,
  identitiesOf,
  peekMessage,
  readPart,
  sign,
  verifyMessage,
} from "../../kernel/wire.ts";

const text = new TextDecoder();
const bytes = (s: string) => new TextEncoder().encode(s);

Deno.test("wire", async (t) => {
  const frames = encodeMessage({
    key: "secret",
    session: "session-1",
    msgType: "execute_reply",
    content: { status: "ok" },
    parentHeader: { msg_id: "request-1" },
    identities: [bytes("client")],
  });

  await t.step(
    "encodeMessage() lays out identities, delimiter, signature, four JSON frames",
    () => {
      strictEqual(frames.length, 7);
      deepStrictEqual(frames.slice(0, 2).map((f) => text.decode(f)), ["client", "<IDS|MSG>"]);
      const expected = createHmac("sha256", "secret");
      for (const frame of frames.slice(3)) expected.update(frame);
      strictEqual(text.decode(frames[2]), expected.digest("hex"));
    },
  );

  await t.step("peekMessage() reads type, ids and delimiter position", () => {
    const info = peekMessage(frames)!;
    strictEqual(info.msgType, "execute_reply");
    strictEqual(info.parentId, "request-1");
    strictEqual(info.delimiterIndex, 1);
    strictEqual(peekMessage([bytes("no delimiter")]), null);
  });

  await t.step("readPart() and identitiesOf()", () => {
    deepStrictEqual(readPart(frames, "content"), { status: "ok" });
    deepStrictEqual(identitiesOf(frames).map((f) => text.decode(f)), ["client"]);
  });

  await t.step("verifyMessage() accepts the message and rejects a damaged one", () => {
    strictEqual(verifyMessage("secret", frames), true);
    strictEqual(verifyMessage("other key", frames), false);
    const damaged = [...frames];
    damaged[6] = bytes('{"status":"error"}');
    strictEqual(verifyMessage("secret", damaged), false);
    strictEqual(verifyMessage("secret", frames.slice(0, 5)), false);
  });

  await t.step("sign() leaves messages unsigned when the key is empty", () => {
    strictEqual(sign("", ["{}"]), "");
  });
});
