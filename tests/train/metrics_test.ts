import { display } from "../nn/_display.ts";
import { accuracy, confusionMatrix } from "../../lib/train/mod.ts";
import { tensor } from "../../lib/tensor/mod.ts";
import { deepStrictEqual, strictEqual, throws } from "../_helpers.ts";

Deno.test("accuracy() compares each row's argmax with the label", () => {
  const scores = tensor([[0.1, 0.9], [0.8, 0.2], [0.3, 0.7], [0.6, 0.4]]);
  strictEqual(accuracy(scores, new Uint8Array([1, 0, 0, 0])), 0.75);
  strictEqual(accuracy([1, 0, 1, 0], [1, 0, 0, 0]), 0.75);
  strictEqual(accuracy(scores, tensor([[0, 1], [1, 0], [1, 0], [1, 0]])), 0.75);
  throws(() => accuracy(scores, [1, 0]), { name: "TypeError" });
  throws(() => accuracy([], []), { name: "RangeError" });
});

Deno.test("confusionMatrix() counts true class by predicted class", () => {
  const matrix = confusionMatrix([0, 2, 2, 1, 0], [0, 2, 1, 1, 2], { numClasses: 3 });
  deepStrictEqual(matrix.counts, [[1, 0, 0], [0, 1, 1], [1, 0, 1]]);
  strictEqual(matrix.numClasses, 3);
  // The text and the HTML table show the same cells: row = true class, column = predicted.
  const rows = matrix.toString().split("\n").map((line) => line.trim().split(/\s+/));
  deepStrictEqual(rows, [
    ["true\\pred", "0", "1", "2"],
    ["0", "1", "0", "0"],
    ["1", "0", "1", "1"],
    ["2", "1", "0", "1"],
  ]);
  const html = display(matrix)["text/html"]!;
  const cells = [...html.matchAll(/<tr>(.*?)<\/tr>/g)].slice(1).map(([, row]) =>
    [...row!.matchAll(/<td[^>]*>(.*?)<\/td>/g)].map(([, cell]) => cell)
  );
  // The diagonal (right answers) in bold.
  deepStrictEqual(cells, [["<b>1</b>", "0", "0"], ["0", "<b>1</b>", "1"], ["1", "0", "<b>1</b>"]]);
  throws(() => confusionMatrix([0, 3], [0, 1], { numClasses: 3 }), {
    name: "RangeError",
    message: /example 1 has label 1, prediction 3/,
  });
});
