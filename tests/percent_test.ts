// scripts/percent.ts: the text form the notebooks are written in, and the cell metadata it carries.
import { deepStrictEqual, strictEqual, throws } from "./_helpers.ts";
import { notebookToPercent, percentToNotebook } from "../scripts/percent.ts";

const TEXT = `// %% [markdown]
// # Title

// %% tags=["no-output"]
import { ok } from "./_helpers.ts";

// %% tags=["no-output"] jupyter={"source_hidden":true}
ok(1 + 1 === 2);

// %%
1 + 1;
`;

Deno.test("percentToNotebook()", async (t) => {
  await t.step("reads tags and the collapsed-code flag from a cell marker", () => {
    const { cells } = percentToNotebook(TEXT);
    deepStrictEqual(cells.map((c) => c.metadata), [
      {},
      { tags: ["no-output"] },
      { tags: ["no-output"], jupyter: { source_hidden: true } },
      {},
    ]);
    deepStrictEqual(cells[2]!.source, ["ok(1 + 1 === 2);"]);
  });

  await t.step("reads JSON with spaces, as Jupytext writes it", () => {
    const { cells } = percentToNotebook(
      `// %% jupyter={"source_hidden": true} tags=["a", "b"]\nx;\n`,
    );
    deepStrictEqual(cells[0]!.metadata, { jupyter: { source_hidden: true }, tags: ["a", "b"] });
  });

  await t.step("throws TypeError naming the marker for metadata it does not know", () => {
    throws(
      () => percentToNotebook(`// %% hidden\nx;\n`),
      /tags=\[\.\.\.\], jupyter=.*"\/\/ %% hidden"/,
    );
    throws(() => percentToNotebook(`// %% tags=no-output\nx;\n`), TypeError);
    throws(() => percentToNotebook(`// %% translates={"id":"cell-01"}\nx;\n`), /translates=/);
  });

  await t.step("reads the English cell a Chinese cell translates, and writes it back", () => {
    const text =
      `// %% [markdown] translates={"id":"cell-01","sha256":"0123456789abcdef"}\n// # 标题\n`;
    const notebook = percentToNotebook(text);
    deepStrictEqual(notebook.cells[0]!.metadata, {
      translates: { id: "cell-01", sha256: "0123456789abcdef" },
    });
    strictEqual(notebookToPercent(notebook), text);
  });
});

Deno.test("notebookToPercent() writes back what percentToNotebook() read", () => {
  strictEqual(notebookToPercent(percentToNotebook(TEXT)), TEXT);
});
