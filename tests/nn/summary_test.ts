import { display } from "./_display.ts";
import { kerasMnistMlp, Linear, Sequential, summary } from "../../lib/nn/mod.ts";
import { randomSeeded } from "../../lib/random/mod.ts";
import { ok, strictEqual } from "../_helpers.ts";

Deno.test("summary() counts 669,706 parameters in the MNIST network", () => {
  const table = summary(kerasMnistMlp(0), [784]);
  strictEqual(table.totalParameters, 669706);
  strictEqual(table.rows.length, 8);
  strictEqual(table.rows[0]!.numParameters, 401920);
  strictEqual(table.rows[3]!.numParameters, 262656);
  strictEqual(table.rows[6]!.numParameters, 5130);
  strictEqual(table.rows[7]!.outputShape, "[N, 10]");
  ok(table.toString().includes("Total parameters: 669,706"));
  ok(table.toString().includes("Linear(784 → 512)"));
});

Deno.test("summary() displays as an HTML table in Jupyter and keeps the model's mode", () => {
  const model = kerasMnistMlp(0, { hidden: 16 });
  const bundle = display(summary(model, [784]));
  ok(bundle["text/html"]!.startsWith("<table>"));
  ok(bundle["text/html"]!.includes("Dropout(0.2)"));
  ok(bundle["text/plain"]!.includes("Total parameters"));
  strictEqual(model.training, true);
});

Deno.test("summary() runs its example input in the model's own dtype", () => {
  const prng = randomSeeded(3);
  const model = new Sequential([
    new Linear(2, 2, { prng, dtype: "float64" }),
    new Linear(2, 1, { prng, dtype: "float64" }),
  ]);
  const table = summary(model, [2]);
  strictEqual(table.totalParameters, 9);
});
