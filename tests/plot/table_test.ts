import { deepStrictEqual, ok, strictEqual } from "../_helpers.ts";
import { table } from "../../lib/plot/mod.ts";
import { assertBundle } from "./_bundle.ts";

Deno.test("table()", async (t) => {
  await t.step("shows objects as HTML and aligned text", () => {
    const t1 = table([{ name: "w", size: 401920 }, { name: "b", size: 512 }], {
      title: "Parameters",
    });
    const bundle = assertBundle(t1, ["text/html", "text/plain"]);
    strictEqual(
      bundle["text/plain"],
      ["Parameters", "name     size", "----  -------", "w     401,920", "b         512"].join("\n"),
    );
    ok(String(bundle["text/html"]).includes('<td style="text-align:right">401,920</td>'));
  });

  await t.step("takes arrays, column names, a footer, and counts hidden rows", () => {
    const t2 = table([[1, "a"], [2, "b"], [3, "c"]], {
      columns: ["n", "letter"],
      footer: ["6", ""],
      maxRows: 2,
    });
    deepStrictEqual(t2.rows, [["1", "a"], ["2", "b"]]);
    ok(t2.toText().endsWith("… 1 more rows"));
    ok(t2.toHtml().includes("<tfoot>"));
  });

  await t.step("takes rows typed with an interface (no index signature)", () => {
    interface Run {
      readonly lr: number;
      steps: number | string;
    }
    const runs: readonly Run[] = [{ lr: 0.1, steps: 491 }, { lr: 0.3, steps: "never" }];
    const t3 = table(runs, { footer: { lr: 0, steps: 0 } satisfies Run });
    deepStrictEqual(t3.columns, ["lr", "steps"]);
    deepStrictEqual(t3.rows, [["0.1", "491"], ["0.3", "never"]]);
  });

  await t.step("escapes HTML in cells", () => {
    ok(table([{ a: "<script>" }]).toHtml().includes("&lt;script&gt;"));
  });
});
