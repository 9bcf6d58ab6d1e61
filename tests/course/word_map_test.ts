import { assertThrows, deepStrictEqual, ok, strictEqual } from "../_helpers.ts";
import { wordMap } from "../../notebooks/course/word_map.ts";
import { tensor } from "../../lib/tensor/mod.ts";
import { assertBundle, FIGURE_KEYS } from "../plot/_bundle.ts";
import { ALL_PLOT_OPTIONS, assertOptionsChecked } from "../plot/_options.ts";
import type { WordMapOptions } from "../../notebooks/course/word_map.ts";

type Trace = {
  name: string;
  x: number[];
  y: number[];
  text: string[];
  hovertext: string[];
  textposition: string[];
};

/** Each word's label position, whatever trace it is in. */
function positions(traces: unknown[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const trace of traces as Trace[]) {
    trace.hovertext.forEach((word, i) => (out[word] = trace.textposition[i]!));
  }
  return out;
}

Deno.test("wordMap()", async (t) => {
  const points = tensor([[0, 0], [10, 0], [0, 10], [10, 10], [5, 5]]);
  const words = ["man", "king", "woman", "queen", "the"];

  await t.step("draws one trace per group, then the other words, with equal axis scales", () => {
    const fig = wordMap(points, words, {
      groups: { royal: ["king", "queen"], common: ["man", "woman"] },
      title: "People",
    });
    assertBundle(fig, FIGURE_KEYS);
    const traces = fig.data as unknown as Trace[];
    deepStrictEqual(traces.map((trace) => trace.name), ["royal", "common", "other"]);
    deepStrictEqual(traces[0]!.text, ["king", "queen"]);
    deepStrictEqual([traces[0]!.x, traces[0]!.y], [[10, 10], [0, 10]]);
    deepStrictEqual(traces[2]!.text, ["the"]);
    strictEqual((fig.layout.yaxis as { scaleanchor: string }).scaleanchor, "x");
    deepStrictEqual(fig.layout.title, { text: "People" });
  });
  await t.step("writes its axis titles and the other words' group in Chinese", () => {
    const fig = wordMap(points, words, { groups: { royal: ["king", "queen"] }, language: "zh" });
    deepStrictEqual((fig.layout.xaxis as { title: unknown }).title, { text: "第一主方向" });
    deepStrictEqual((fig.layout.yaxis as { title: unknown }).title, { text: "第二主方向" });
    strictEqual(fig.data[1]!.name, "其他");
    assertThrows(() => wordMap(points, words, { language: "fr" as never }), RangeError, /"fr"/);
  });
  await t.step("labels only the words asked for, and names every point on hover", () => {
    const fig = wordMap(points, words, { labelled: ["king"] });
    const trace = fig.data[0] as unknown as Trace;
    strictEqual(trace.name, "");
    deepStrictEqual(trace.text, ["", "king", "", "", ""]);
    deepStrictEqual(trace.hovertext, words);
  });
  await t.step("puts labels above their points when there is room", () => {
    const fig = wordMap(points, words);
    ok(Object.values(positions(fig.data)).every((p) => p === "top center"));
  });
  await t.step("moves a label that would cover another label or point", () => {
    // "b" sits just above "a", where a's label would go; "crown" and "throne" are level and close.
    const crowded = tensor([[0, 0], [0, 0.3], [5, 5], [5.6, 5], [10, 10]]);
    const fig = wordMap(crowded, ["a", "b", "crown", "throne", "e"]);
    const places = positions(fig.data);
    strictEqual(places.b, "top center");
    ok(places.a !== "top center", `a: ${places.a}`);
    ok(places.crown !== places.throne, `crown: ${places.crown}, throne: ${places.throne}`);
  });
  await t.step("throws TypeError for points that are not [N, 2] for N words", () => {
    assertThrows(
      () => wordMap(tensor([1, 2]), ["a"]),
      TypeError,
      "Cannot draw word map as points must be a tensor of shape [N, 2]: points has shape [2]",
    );
    assertThrows(
      () => wordMap(points, ["a", "b"]),
      TypeError,
      "one word per point: points has shape [5, 2], words has 2 entries",
    );
  });
  await t.step("throws TypeError for a repeated word or a bad group", () => {
    assertThrows(() => wordMap(tensor([[0, 0], [1, 1]]), ["a", "a"]), TypeError, '"a" repeats');
    assertThrows(
      () => wordMap(points, words, { groups: { royal: ["prince"] } }),
      TypeError,
      '"prince" of group "royal" is not among the words',
    );
    assertThrows(
      () => wordMap(points, words, { groups: { royal: ["king"], male: ["king"] } }),
      TypeError,
      '"king" of group "male" is in two groups',
    );
  });

  await t.step(
    "throws TypeError for an unknown option, naming the known ones; accepts each",
    () => {
      const all: Required<WordMapOptions> = {
        ...ALL_PLOT_OPTIONS,
        groups: { royal: ["king", "queen"] },
        labelled: ["king"],
      };
      assertOptionsChecked("draw word map", "group", (o) => wordMap(points, words, o), all);
    },
  );
});
