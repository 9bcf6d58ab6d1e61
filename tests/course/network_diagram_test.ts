import { createCanvas, loadImage } from "@napi-rs/canvas";
import { ok, strictEqual, throws } from "../_helpers.ts";
import {
  networkDiagram,
  type NetworkDiagramOptions,
} from "../../notebooks/course/network_diagram.ts";
import { assertBundle, IMAGE_KEYS, match } from "../plot/_bundle.ts";
import { assertOptionsChecked } from "../plot/_options.ts";

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

// The colours network_diagram.ts draws with.
const COLORS = {
  input: "#eceef1",
  inputStroke: "#6b7280",
  neuron: "#dceaf8",
  neuronStroke: "#1f77b4",
  text: "#222222",
  parameter: "#a33c00",
  edge: "#8a8f98",
};

// Network 2's layout, worked out from network_diagram.ts: columns 300 px apart from x = 80,
// rows 120 px apart from y = 99 (under the title and captions), a layer centred on the tallest.
const R = 25;
const NODES = [
  { x: 80, y: 99, layer: 0, name: "x₁" },
  { x: 80, y: 219, layer: 0, name: "x₂" },
  { x: 380, y: 99, layer: 1, name: "h₁" },
  { x: 380, y: 219, layer: 1, name: "h₂" },
  { x: 680, y: 159, layer: 2, name: "y" },
];

Deno.test("networkDiagram()", async (t) => {
  await t.step(
    "draws Network 2's nodes, edges and parameter names where it lays them out",
    async () => {
      const image = networkDiagram([2, 2, 1], NETWORK_2);
      assertBundle(image, IMAGE_KEYS);
      strictEqual(image.width, 760);
      const at = await pixelsOf(image.png);
      for (const node of NODES) {
        const fill = node.layer === 0 ? COLORS.input : COLORS.neuron;
        ok(distance(at(node.x, node.y + 0.7 * R), rgb(fill)) <= 3, `node ${node.name}: fill`);
        const stroke = node.layer === 0 ? COLORS.inputStroke : COLORS.neuronStroke;
        assertSomePixel(at, { x: node.x + R, y: node.y, w: 3, h: 1 }, stroke, `${node.name}: ring`);
        assertSomePixel(
          at,
          { x: node.x, y: node.y, w: 14, h: 14 },
          COLORS.text,
          `${node.name}: name`,
        );
      }
      // Each weight's name sits 70% of the way along its edge, in the parameter colour; the
      // edge itself shows at 40%.
      const edges = [[0, 2], [1, 2], [0, 3], [1, 3], [2, 4], [3, 4]] as const;
      for (const [a, b] of edges) {
        const [from, to] = [NODES[a]!, NODES[b]!];
        const along = (f: number, w: number) => ({
          x: from.x + f * (to.x - from.x),
          y: from.y + f * (to.y - from.y),
          w,
          h: w,
        });
        const edge = `${from.name} → ${to.name}`;
        assertSomePixel(at, along(0.4, 3), COLORS.edge, `edge ${edge}`);
        assertSomePixel(at, along(0.7, 20), COLORS.parameter, `weight of ${edge}`, 60);
      }
      // Nothing drawn in the bottom-right corner; no parameter colour there.
      strictEqual(distance(at(image.width - 3, image.height - 3), [255, 255, 255]), 0);
    },
  );

  await t.step("says each neuron's formula with the names drawn, in its text", () => {
    const { description } = networkDiagram([2, 2, 1], NETWORK_2);
    match(description, /"Network 2": layer sizes 2-2-1, 9 parameters/);
    match(description, /h₁ = x₁·w111 \+ x₂·w112 \+ b11\n {2}h₂ = x₁·w121 \+ x₂·w122 \+ b12/);
    match(description, /y = h₁·w21 \+ h₂·w22 \+ b2/);
  });

  await t.step("draws one neuron, y = m·x + b, with its own node names", () => {
    const options = { weightLabels: [[["m"]]], biasLabels: [["b"]], nodeLabels: [["x"], ["y"]] };
    match(networkDiagram([1, 1], options).description, /y = x·m \+ b/);
    match(
      networkDiagram([2, 1]).description,
      /"Dense network 2-1": .* 3 parameters\n {2}y = x₁·w \+ x₂·w \+ b/,
    );
  });

  await t.step("throws RangeError naming bad layer sizes", () => {
    throws(
      () => networkDiagram([3]),
      /layerSizes must be two or more integers from 1 to 12.*\[3\]/,
    );
    throws(() => networkDiagram([784, 10]), /current value is \[784, 10\]/);
    throws(() => networkDiagram([2, 0]), RangeError);
    throws(() => networkDiagram([2, 1.5]), RangeError);
  });

  await t.step("throws TypeError when labels do not match the sizes", () => {
    throws(
      () => networkDiagram([2, 2, 1], { weightLabels: [[["a", "b"]], [["c", "d"]]] }),
      /weightLabels\[0\] must have 2 entries: it has 1/,
    );
    throws(
      () => networkDiagram([2, 1], { biasLabels: [["b1", "b2"]] }),
      /biasLabels\[0\] must have 1 entry: it has 2/,
    );
    throws(() => networkDiagram([2, 1], { nodeLabels: [["x"]] }), TypeError);
  });

  await t.step(
    "throws TypeError for an unknown option, naming the known ones; accepts each",
    () => {
      const all: Required<NetworkDiagramOptions> = {
        nodeLabels: [["a", "b"], ["c", "d"], ["e"]],
        weightLabels: [[["w111", "w112"], ["w121", "w122"]], [["w21", "w22"]]],
        biasLabels: [["b11", "b12"], ["b2"]],
        layerLabels: ["in", "hidden", "out"],
        title: "t",
      };
      const draw = (o: never) => networkDiagram([2, 2, 1], o);
      assertOptionsChecked("draw network diagram", "labels", draw, all);
    },
  );
});
