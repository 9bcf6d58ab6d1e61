// The relay's own ROUTER (kernel/zmtp.ts) against libzmq's DEALER (zeromq.js), as a Jupyter client
// connects: every connection is a peer of its own, even when two announce the same identity.
import { deepStrictEqual, equal, ok } from "../_helpers.ts";
import * as zmq from "zeromq";
import { type Frames, ZmtpRouter } from "../../kernel/zmtp.ts";

const bytes = (text: string) => new TextEncoder().encode(text);
const text = (frame: Uint8Array) => new TextDecoder().decode(frame);

/** zeromq.js's own wake-ups are unreliable under Deno (see kernel/proxy.ts): poll. */
async function receive(socket: zmq.Dealer): Promise<Frames> {
  const deadline = performance.now() + 10_000;
  while (!socket.readable) {
    if (performance.now() > deadline) throw new Error("Cannot receive as nothing came in 10 s");
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  return await socket.receive();
}

function dealer(identity: string, port: number): zmq.Dealer {
  const socket = new zmq.Dealer({ routingId: identity, receiveTimeout: 0, linger: 0 });
  socket.connect(`tcp://127.0.0.1:${port}`);
  return socket;
}

Deno.test({
  name: "ZmtpRouter serves libzmq dealers that share one identity",
  sanitizeOps: false,
  sanitizeResources: false,
  async fn() {
    const port = (() => {
      const probe = Deno.listen({ hostname: "127.0.0.1", port: 0 });
      const { port } = probe.addr;
      probe.close();
      return port;
    })();
    const received: Frames[] = [];
    // An echo server that also notes what came in.
    const router = ZmtpRouter.listen({ transport: "tcp", ip: "127.0.0.1", port }, (frames) => {
      received.push(frames);
      router.send([...frames, bytes(`to ${text(frames[1]!)}`)]);
    });
    const first = dealer("session-1", port);
    const second = dealer("session-1", port);
    const other = dealer("session-2", port);
    try {
      const big = new Uint8Array(300_000).map((_, i) => i % 251);
      await first.send([bytes("first"), new Uint8Array(0), big]);
      await second.send([bytes("second")]);
      await other.send([bytes("other")]);

      const fromFirst = await receive(first);
      deepStrictEqual(fromFirst.map((f) => f.length), [5, 0, 300_000, 8]);
      deepStrictEqual(new Uint8Array(fromFirst[2]!), big, "a frame over 255 bytes survives");
      deepStrictEqual((await receive(second)).map(text), ["second", "to second"]);
      deepStrictEqual((await receive(other)).map(text), ["other", "to other"]);

      // Three connections, three peers: the two that share an identity are told apart.
      const ids = new Set(received.map((frames) => frames[0]!.join(",")));
      equal(ids.size, 3);
      const peerOf = (name: string) =>
        router.peer(received.find((frames) => text(frames[1]!) === name)![0]!)!;
      equal(text(peerOf("first").identity), "session-1");
      equal(text(peerOf("second").identity), "session-1");
      // A peer's partner on another router is the one with its identity that connected
      // closest in time; here the router is its own "other router".
      deepStrictEqual(router.partnerOf(peerOf("other")), peerOf("other").id);
      ok(router.partnerOf({ ...peerOf("other"), identity: bytes("nobody") }) === undefined);
    } finally {
      for (const socket of [first, second, other]) socket.close();
      router.close();
    }
  },
});
