import { createCanvas, loadImage } from "@napi-rs/canvas";
import { deepStrictEqual, ok, strictEqual, throws } from "../_helpers.ts";
import {
  type LaidLabel,
  NETWORK_DIAGRAM_COLORS as COLORS,
  networkDiagram,
  type NetworkDiagramOptions,
  networkLayout,
} from "../../lib/plot/mod.ts";
import { assertBundle, IMAGE_KEYS, match } from "./_bundle.ts";

const NETWORK_2: NetworkDiagramOptions = {
  weightLabels: [[["w111", "w112"], ["w121", "w122"]], [["w21", "w22"]]],
  biasLabels: [["b11", "b12"], ["b2"]],
  title: "Network 2",
};

type Rgb = [number, number, number];

function rgb(hex: string): Rgb {
  return [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)) as Rgb;
}

/** The picture's pixels, decoded from its PNG. */
async function pixelsOf(png: Uint8Array): Promise<(x: number, y: number) => Rgb> {
  const image = await loadImage(png);
  const canvas = createCanvas(image.width, image.height);
  const ctx = canvas.getContext("2d");
  ctx.drawImage(image, 0, 0);
  const data = ctx.getImageData(0, 0, image.width, image.height).data;
  return (x, y) => {
    const i = (Math.round(y) * image.width + Math.round(x)) * 4;
    return [data[i]!, data[i + 1]!, data[i + 2]!];
  };
}

function distance(a: Rgb, b: Rgb): number {
  return Math.max(...a.map((v, i) => Math.abs(v - b[i]!)));
}

/** Fails unless some pixel of the rectangle is within `tolerance` of `color`. */
function assertSomePixel(
  at: (x: number, y: number) => Rgb,
  box: { x: number; y: number; w: number; h: number },
  color: string,
  what: string,
  tolerance = 40,
): void {
  let best = Infinity;
  for (let y = box.y - box.h / 2; y <= box.y + box.h / 2; y++) {
    for (let x = box.x - box.w / 2; x <= box.x + box.w / 2; x++) {
      best = Math.min(best, distance(at(x, y), rgb(color)));
    }
  }
  ok(best <= tolerance, `${what}: no pixel near ${color} (closest differs by ${best})`);
}

function overlap(a: LaidLabel, b: { x: number; y: number; w: number; h: number }): boolean {
  return Math.abs(a.x - b.x) * 2 < a.w + b.w && Math.abs(a.y - b.y) * 2 < a.h + b.h;
}

Deno.test("networkDiagram()", async (t) => {
  await t.step(
    "draws Network 2's nodes, edges and parameter names where it lays them out",
    async () => {
      const image = networkDiagram([2, 2, 1], NETWORK_2);
      const layout = networkLayout([2, 2, 1], NETWORK_2);
      assertBundle(image, IMAGE_KEYS);
      deepStrictEqual([image.width, image.height], [layout.width, layout.height]);
      const at = await pixelsOf(image.png);

      strictEqual(layout.nodes.length, 5);
      for (const node of layout.nodes) {
        const fill = node.layer === 0 ? COLORS.input : COLORS.neuron;
        const name = `node ${node.label}`;
        ok(distance(at(node.x, node.y + 0.7 * node.r), rgb(fill)) <= 3, `${name}: fill`);
        const stroke = node.layer === 0 ? COLORS.inputStroke : COLORS.neuronStroke;
        assertSomePixel(at, { x: node.x + node.r, y: node.y, w: 3, h: 1 }, stroke, `${name}: ring`);
        assertSomePixel(at, { x: node.x, y: node.y, w: 14, h: 14 }, COLORS.text, `${name}: name`);
      }
      strictEqual(layout.edges.length, 6);
      for (const { from, to, label } of layout.edges) {
        const x = from.x + 0.4 * (to.x - from.x);
        const y = from.y + 0.4 * (to.y - from.y);
        assertSomePixel(at, { x, y, w: 3, h: 3 }, COLORS.edge, `edge ${from.label} → ${to.label}`);
        assertSomePixel(at, label!, COLORS.parameter, `weight ${label!.text}`, 60);
      }
      deepStrictEqual(
        layout.edges.map((e) => `${e.from.label}→${e.to.label}: ${e.label!.text}`),
        [
          "x₁→h₁: w111",
          "x₂→h₁: w112",
          "x₁→h₂: w121",
          "x₂→h₂: w122",
          "h₁→y: w21",
          "h₂→y: w22",
        ],
      );
      deepStrictEqual(layout.biases.map((b) => b.text), ["b11", "b12", "b2"]);
      for (const bias of layout.biases) {
        assertSomePixel(at, bias, COLORS.parameter, `bias ${bias.text}`, 60);
      }
      // Nothing drawn in the bottom-right corner.
      strictEqual(distance(at(layout.width - 3, layout.height - 3), rgb(COLORS.background)), 0);
    },
  );

  await t.step("lays labels out readable in a notebook column: 14 px or more, apart", () => {
    const layout = networkLayout([2, 2, 1], NETWORK_2);
    ok(layout.width <= 940, `width ${layout.width}`);
    const labels = [
      ...layout.edges.map((e) => e.label!),
      ...layout.biases,
      ...layout.layerLabels,
      layout.title,
    ];
    for (const label of labels) {
      ok(label.fontSize >= 14, `${label.text}: font ${label.fontSize} px`);
      ok(label.x - label.w / 2 >= 0 && label.x + label.w / 2 <= layout.width, label.text);
      ok(label.y - label.h / 2 >= 0 && label.y + label.h / 2 <= layout.height, label.text);
      for (const other of labels) {
        ok(other === label || !overlap(label, other), `${label.text} overlaps ${other.text}`);
      }
      for (const node of layout.nodes) {
        const circle = { x: node.x, y: node.y, w: 2 * node.r, h: 2 * node.r };
        ok(!overlap(label, circle), `${label.text} covers node ${node.label}`);
      }
    }
  });

  await t.step("says each neuron's formula with the names drawn, in its text", () => {
    const { description } = networkDiagram([2, 2, 1], NETWORK_2);
    match(description, /"Network 2": layer sizes 2-2-1, 9 parameters/);
    match(description, /h₁ = x₁·w111 \+ x₂·w112 \+ b11\n {2}h₂ = x₁·w121 \+ x₂·w122 \+ b12/);
    match(description, /y = h₁·w21 \+ h₂·w22 \+ b2/);
  });

  await t.step("draws one neuron, y = m·x + b, with its own node names", async () => {
    const options = { weightLabels: [[["m"]]], biasLabels: [["b"]], nodeLabels: [["x"], ["y"]] };
    const image = networkDiagram([1, 1], options);
    const layout = networkLayout([1, 1], options);
    match(image.description, /y = x·m \+ b/);
    const at = await pixelsOf(image.png);
    assertSomePixel(at, layout.edges[0]!.label!, COLORS.parameter, "weight m", 60);
    assertSomePixel(at, layout.biases[0]!, COLORS.parameter, "bias b", 60);
  });

  await t.step("draws a large layer's first nodes, ⋮ and its last node", async () => {
    const image = networkDiagram([784, 512, 512, 10]);
    const layout = networkLayout([784, 512, 512, 10]);
    match(image.description, /784-512-512-10: 669,706 parameters/);
    match(image.description, /layer 1: 512 neurons, each with 784 weights and 1 bias/);
    ok(image.width <= 940, `width ${image.width}`);
    const inputs = layout.nodes.filter((n) => n.layer === 0);
    deepStrictEqual(inputs.map((n) => n.index), [0, 1, 2, 3, 4, 5, 6, 783]);
    strictEqual(inputs.at(-1)!.label, "x₇₈₄");
    strictEqual(layout.ellipses.length, 4);
    const at = await pixelsOf(image.png);
    assertSomePixel(at, layout.ellipses[0]!, COLORS.text, "⋮ of the inputs");
    ok(inputs.at(-1)!.y - inputs.at(-2)!.y > 1.5 * (inputs[1]!.y - inputs[0]!.y), "gap for ⋮");
  });

  await t.step("throws RangeError naming bad layer sizes", () => {
    throws(() => networkDiagram([3]), /layerSizes must be two or more positive integers.*\[3\]/);
    throws(() => networkDiagram([2, 0]), RangeError);
    throws(() => networkDiagram([2, 1.5]), RangeError);
    throws(() => networkDiagram([2, 2], { maxNodes: 1 }), /maxNodes must be an integer >= 2/);
  });

  await t.step("throws TypeError when labels do not match the sizes", () => {
    throws(
      () => networkDiagram([2, 2, 1], { weightLabels: [[["a", "b"]], [["c", "d"]]] }),
      /weightLabels\[0\] must have 2 entries \(one row per neuron of layer 1\): it has 1/,
    );
    throws(
      () => networkDiagram([2, 1], { biasLabels: [["b1", "b2"]] }),
      /biasLabels\[0\] must have 1 entry/,
    );
    throws(() => networkDiagram([2, 1], { nodeLabels: [["x"]] }), TypeError);
  });
});
