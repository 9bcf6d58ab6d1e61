import { ok, strictEqual, throws } from "../_helpers.ts";
import { mimeBundle, table } from "../../lib/plot/mod.ts";
import { assertBundle } from "./_bundle.ts";
import { assertOptionsChecked } from "./_options.ts";
import type { TableOptions } from "../../lib/plot/mod.ts";

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
    strictEqual(t2.text, "n  letter\n-  ------\n1  a\n2  b\n-  ------\n6\n… 1 more rows");
    ok(t2.html.includes('<tfoot><tr><th style="text-align:right">6</th>'));
  });

  await t.step("takes rows typed with an interface (no index signature)", () => {
    interface Run {
      readonly lr: number;
      steps: number | string;
    }
    const runs: readonly Run[] = [{ lr: 0.1, steps: 491 }, { lr: 0.3, steps: "never" }];
    const t3 = table(runs, { footer: { lr: 0, steps: 0 } satisfies Run });
    strictEqual(t3.text, " lr  steps\n---  -----\n0.1  491\n0.3  never\n---  -----\n  0  0");
  });

  await t.step("escapes HTML in cells", () => {
    ok(table([{ a: "<script>" }]).html.includes("&lt;script&gt;"));
  });

  await t.step("says (no rows) for an empty table, in HTML and text", () => {
    const empty = table([], { title: "Mistakes", columns: ["index", "label"] });
    strictEqual(empty.text, "Mistakes\nindex  label\n-----  -----\n(no rows)");
    ok(empty.html.includes('<td colspan="2"><em>(no rows)</em></td>'));
    strictEqual(table([]).text, "(no rows)");
  });

  await t.step("cuts a cell off at 1,000 characters, so a 5 MB cell stays small", () => {
    const bundle = assertBundle(table([{ text: "x".repeat(5_000_000) }]), [
      "text/html",
      "text/plain",
    ]);
    ok(String(bundle["text/plain"]).endsWith("x… (5,000,000 characters)"));
    ok(JSON.stringify(bundle).length < 5000);
  });

  await t.step("replaces a table that would still be too large by a sentence saying so", () => {
    const row = Object.fromEntries(
      Array.from({ length: 40 }, (_, i) => [`c${i}`, "y".repeat(999)]),
    );
    const bundle = assertBundle(table(Array.from({ length: 50 }, () => row)), [
      "text/html",
      "text/plain",
    ]);
    ok(
      /^Cannot show this HTML as an output must stay under 900 kB/.test(
        String(bundle["text/plain"]),
      ),
    );
  });

  await t.step("throws TypeError when a row is not an object or an array", () => {
    throws(() => table([1, 2] as never), {
      name: "TypeError",
      message: "Cannot make table as each row must be an object or an array: rows[0] is a number",
    });
  });

  await t.step("checks columns: an array of the rows' keys, naming the first that is not", () => {
    const rows = [{ network: "a", accuracy: 0.9 }];
    throws(() => table(rows, { columns: ["network", "acuracy"] }), {
      name: "TypeError",
      message:
        `Cannot make table as columns must be an array of the rows' keys (network, accuracy): columns[1] is the string "acuracy"`,
    });
    // A string would have spread into one column per letter.
    throws(() => table(rows, { columns: "network" as never }), {
      name: "TypeError",
      message:
        `Cannot make table as columns must be an array of the rows' keys (network, accuracy): it is the string "network"`,
    });
    throws(() => table([[1, 2]], { columns: ["x", 2 as never] }), {
      message: "Cannot make table as columns must be an array of strings: columns[1] is 2",
    });
    strictEqual(table(rows, { columns: ["accuracy"] }).text, "accuracy\n--------\n     0.9");
    strictEqual(table([[1, 2]], { columns: ["x", "y", "z"] }).text.split("\n")[0], "x  y  z");
  });

  await t.step("checks maxRows, naming the value; 0 shows no row and counts them all", () => {
    throws(() => table([{ a: 1 }], { maxRows: -1 }), {
      name: "RangeError",
      message: "Cannot make table as maxRows must be a non-negative integer: current value is -1",
    });
    throws(() => table([{ a: 1 }], { maxRows: "5" as never }), { name: "TypeError" });
    strictEqual(
      String(mimeBundle(table([{ a: 1 }, { a: 2 }], { maxRows: 0 }))["text/plain"]).includes(
        "2 more rows",
      ),
      true,
    );
  });

  await t.step(
    "throws TypeError for an unknown option, naming the known ones; accepts each",
    () => {
      const all: Required<TableOptions> = {
        columns: ["a"],
        title: "t",
        footer: { a: 2 },
        maxRows: 5,
        language: "zh",
      };
      assertOptionsChecked("make table", "maxrows", (o) => table([{ a: 1 }], o), all);
    },
  );
});
