// The Chinese edition (notebooks/zh/) is kept in step with the English notebooks: every Chinese
// cell names the English cell it translates and the hash of that cell's source when translated
// (scripts/translation.ts). This test fails, naming the notebook and the cell, when an English cell
// changed after its translation, when a cell on either side has no counterpart, and when a Chinese
// code cell is not the same code as its English cell (comments and literal text aside).
import { deepStrictEqual, ok, strictEqual, throws } from "./_helpers.ts";
import {
  compareCode,
  type Notebook,
  sourceHash,
  sourceOf,
  stamp,
  syncProblems,
  tokenize,
} from "../scripts/translation.ts";

const NOTEBOOKS = new URL("../notebooks/", import.meta.url).pathname;

/**
 * English notebooks without a Chinese edition yet, and why. The test fails when one of them is
 * translated (take it off the list) or when an English notebook is neither translated nor listed.
 */
const NOT_YET_TRANSLATED: Record<string, string> = {
  "99_plot_gallery.ipynb": "a gallery of every plot the library draws, for reference: not a lesson",
};

function notebooksIn(dir: string): string[] {
  return [...Deno.readDirSync(dir)]
    .filter((e) => e.isFile && e.name.endsWith(".ipynb"))
    .map((e) => e.name)
    .sort();
}

function read(path: string): Notebook {
  return JSON.parse(Deno.readTextFileSync(path)) as Notebook;
}

/**
 * Every way the Chinese edition under `root/zh/` is out of step with the English notebooks in
 * `root`, one line each, naming the Chinese notebook and the cell.
 */
async function editionProblems(root: string): Promise<string[]> {
  const lines: string[] = [];
  const english = notebooksIn(root);
  const chinese = notebooksIn(`${root}/zh`);
  for (const name of chinese) {
    if (!english.includes(name)) {
      lines.push(`notebooks/zh/${name} has no English notebook notebooks/${name}`);
      continue;
    }
    const problems = await syncProblems(read(`${root}/${name}`), read(`${root}/zh/${name}`));
    for (const p of problems) lines.push(`notebooks/zh/${name}: ${p.message}`);
  }
  for (const name of english) {
    const translated = chinese.includes(name);
    if (!translated && !(name in NOT_YET_TRANSLATED)) {
      lines.push(`notebooks/${name} has no Chinese edition notebooks/zh/${name}`);
    }
    if (translated && name in NOT_YET_TRANSLATED) {
      lines.push(
        `notebooks/zh/${name} exists: take it off NOT_YET_TRANSLATED in tests/translation_sync_test.ts`,
      );
    }
  }
  for (const name of Object.keys(NOT_YET_TRANSLATED)) {
    if (!english.includes(name)) {
      lines.push(`NOT_YET_TRANSLATED lists ${name}, which notebooks/ does not have`);
    }
  }
  return lines;
}

/** Token kinds and texts, with every literal shown as TEXT. */
function shape(source: string): string[] {
  return tokenize(source).map((t) => (t.kind === "code" ? t.text : "TEXT"));
}

Deno.test("tokenize()", async (t) => {
  await t.step("drops comments and turns each literal into one text token", () => {
    deepStrictEqual(shape("const a = \"x\"; // note\n/* block */ f('y', `z`);"), [
      "const",
      "a",
      "=",
      "TEXT",
      ";",
      "f",
      "(",
      "TEXT",
      ",",
      "TEXT",
      ")",
      ";",
    ]);
  });
  await t.step("reads the code of template holes, nested templates included", () => {
    const [token] = tokenize("`a ${b ? `c ${d}` : e} f`");
    ok(token?.kind === "text");
    deepStrictEqual(token.holes.length, 1);
    deepStrictEqual(
      token.holes[0]!.map((x) => (x.kind === "code" ? x.text : "TEXT")),
      ["b", "?", "TEXT", ":", "e"],
    );
  });
  await t.step("keeps a hole's object literal braces apart from the hole's end", () => {
    deepStrictEqual(shape("`${f({ a: 1 })}`;"), ["TEXT", ";"]);
  });
  await t.step("joins literals joined by + into one text token", () => {
    deepStrictEqual(shape('log("a " + `b ${x} ` + "c", y + "d");'), [
      "log",
      "(",
      "TEXT",
      ",",
      "y",
      "+",
      "TEXT",
      ")",
      ";",
    ]);
  });
  await t.step("tells a regular expression from a division", () => {
    deepStrictEqual(shape("a / b / c;"), ["a", "/", "b", "/", "c", ";"]);
    deepStrictEqual(shape("x[0]! / y! / 2;"), [
      "x",
      "[",
      "0",
      "]",
      "!",
      "/",
      "y",
      "!",
      "/",
      "2",
      ";",
    ]);
    deepStrictEqual(shape("f(!/a/.test(s));"), [
      "f",
      "(",
      "!",
      "/a/",
      ".",
      "test",
      "(",
      "s",
      ")",
      ")",
      ";",
    ]);
    deepStrictEqual(shape('s.replace(/"/g, "");'), [
      "s",
      ".",
      "replace",
      "(",
      '/"/g',
      ",",
      "TEXT",
      ")",
      ";",
    ]);
  });
  await t.step("reads numbers with exponents and separators, and operators whole", () => {
    deepStrictEqual(shape("x === 1e-6 ?? 70_000 ** 2;"), [
      "x",
      "===",
      "1e-6",
      "??",
      "70_000",
      "**",
      "2",
      ";",
    ]);
  });
  await t.step("throws SyntaxError naming the line of an unclosed literal", () => {
    throws(() => tokenize('a;\nf("b);'), /string on line 2 is not closed/);
    throws(() => tokenize("`a ${b"), SyntaxError);
  });
});

Deno.test("compareCode()", async (t) => {
  await t.step("accepts other comments, other literal text and reordered holes", () => {
    strictEqual(
      compareCode(
        '// Train.\nconsole.log(`${n} of ${total} digits`); // done\nplot({ title: "Loss" });',
        '// 训练。\nconsole.log(`${total} 个数字中的 ${n} 个`);\nplot({ title: "损失" });',
      ),
      null,
    );
  });
  await t.step("accepts a trailing comma that deno fmt adds to a longer line", () => {
    strictEqual(compareCode('ok(a, "x");', 'ok(\n  a,\n  "很长的一句话",\n);'), null);
    strictEqual(compareCode("f([1, 2], { a });", "f([1, 2,], { a, },);"), null);
  });
  await t.step("accepts a sentence split or joined differently", () => {
    strictEqual(compareCode('log("a " + `b ${x}`);', "log(`甲乙 ${x}`);"), null);
  });
  await t.step("accepts an object key renamed to a string (a column header)", () => {
    strictEqual(
      compareCode(
        "table(rows.map((r) => ({ epoch: r.e, loss })));",
        'table(rows.map((r) => ({ "轮": r.e, "损失": loss })));',
      ),
      null,
    );
  });
  await t.step(
    "rejects a changed name, number or operator, naming the line and both tokens",
    () => {
      strictEqual(
        compareCode("a;\nf(x, 1);", "a;\nf(y, 1);"),
        'line 2: the English has "x", the Chinese has "y"',
      );
      strictEqual(
        compareCode("lr = 0.1;", "lr = 0.2;"),
        'line 1: the English has "0.1", the Chinese has "0.2"',
      );
      strictEqual(
        compareCode("f(a);", "f(a); g();"),
        'line 1: the English has the end of the cell, the Chinese has "g"',
      );
    },
  );
  await t.step('accepts an added language: "zh" option and nothing else added', () => {
    const english = 'trainingView({ title: "CNN" });\nf({\n  a: 1,\n});';
    strictEqual(
      compareCode(english, 'trainingView({ title: "卷积", language: "zh" });\nf({ a: 1 });'),
      null,
    );
    strictEqual(
      compareCode(english, 'trainingView({ language: "zh", title: "卷积" });\nf({ a: 1 });'),
      null,
    );
    strictEqual(
      compareCode(english, 'trainingView({ title: "x" });\nf({\n  a: 1,\n  language: "zh",\n});'),
      null,
    );
    ok(
      compareCode(english, 'trainingView({ title: "x", language: "en" });\nf({ a: 1 });') !== null,
    );
    ok(compareCode(english, 'trainingView({ title: "x", lang: "zh" });\nf({ a: 1 });') !== null);
  });
  await t.step("rejects a hole whose code changed", () => {
    const difference = compareCode(
      "log(`loss ${loss.toFixed(3)}`);",
      "log(`损失 ${loss.toFixed(4)}`);",
    );
    ok(difference?.includes("same ${} code"), String(difference));
    ok(difference?.includes("${loss . toFixed ( 3 )}"), String(difference));
  });
  await t.step("rejects code moved into or out of a literal", () => {
    ok(compareCode('log("a" + x);', 'log("a" + "x");') !== null);
    ok(compareCode("f(x ? a : b);", 'f(x ? "甲" : b);') !== null);
  });
});

function cell(
  type: "markdown" | "code",
  id: string,
  source: string,
  translates?: { id: string; sha256: string },
) {
  return { cell_type: type, id, metadata: translates ? { translates } : {}, source: [source] };
}

Deno.test("syncProblems() and stamp()", async (t) => {
  const english: Notebook = {
    cells: [cell("markdown", "cell-01", "# One neuron"), cell("code", "cell-02", 'log("hi");')],
  };
  const fresh = async (): Promise<Notebook> => ({
    cells: [
      cell("markdown", "cell-01", "# 一个神经元", {
        id: "cell-01",
        sha256: await sourceHash("# One neuron"),
      }),
      cell("code", "cell-02", 'log("你好");', {
        id: "cell-02",
        sha256: await sourceHash('log("hi");'),
      }),
    ],
  });

  await t.step("finds nothing wrong with a translation in step", async () => {
    deepStrictEqual(await syncProblems(english, await fresh()), []);
  });
  await t.step("names the cell whose English cell changed", async () => {
    const changed = structuredClone(english);
    changed.cells[0]!.source = ["# One  neuron"];
    const problems = await syncProblems(changed, await fresh());
    deepStrictEqual(problems.map((p) => [p.cell, p.englishId, p.stale]), [[1, "cell-01", true]]);
    ok(
      problems[0]!.message.includes('English cell cell-01 ("# One  neuron") changed'),
      problems[0]!.message,
    );
  });
  await t.step(
    "names an English cell without a translation, and a Chinese cell without a record",
    async () => {
      const chinese = await fresh();
      chinese.cells[1]!.metadata = {};
      const messages = (await syncProblems(english, chinese)).map((p) => p.message);
      deepStrictEqual(messages.length, 2);
      ok(
        messages[0]!.startsWith('cell 2 ("log(\\"你好\\");") records no English cell'),
        messages[0],
      );
      ok(messages[1]!.startsWith("English cell cell-02"), messages[1]);
    },
  );
  await t.step("names a code cell that is not the same code", async () => {
    const chinese = await fresh();
    chinese.cells[1]!.source = ['log("你好", 2);'];
    const [problem] = await syncProblems(english, chinese);
    ok(problem?.message.includes("is not the same code as English cell cell-02"), problem?.message);
  });
  await t.step("names a markdown cell left in English, and a cell of another kind", async () => {
    const chinese = await fresh();
    chinese.cells[0]!.source = ["# One neuron"];
    chinese.cells[1]!.cell_type = "markdown";
    const messages = (await syncProblems(english, chinese)).map((p) => p.message);
    ok(messages[0]?.includes("has no Chinese in it"), messages[0]);
    ok(messages[1]?.includes("is a markdown cell, but English cell cell-02"), messages[1]);
  });
  await t.step("names a cell whose tags or collapsed state differ", async () => {
    const chinese = await fresh();
    chinese.cells[1]!.metadata.tags = ["no-output"];
    chinese.cells[1]!.metadata.jupyter = { source_hidden: true };
    const messages = (await syncProblems(english, chinese)).map((p) => p.message);
    deepStrictEqual(messages.length, 2, messages.join("\n"));
  });

  await t.step("stamp() pairs a new translation in order", async () => {
    const chinese: Notebook = {
      cells: [cell("markdown", "a", "# 一"), cell("code", "b", 'log("你好");')],
    };
    const { changes } = await stamp(english, chinese);
    deepStrictEqual(changes.length, 2);
    deepStrictEqual(await syncProblems(english, chinese), []);
  });
  await t.step("stamp() refuses to pair cells of other kinds", async () => {
    const chinese: Notebook = { cells: [cell("code", "a", "x;"), cell("code", "b", "y;")] };
    let error: unknown;
    try {
      await stamp(english, chinese);
    } catch (e) {
      error = e;
    }
    ok(error instanceof RangeError && error.message.includes("[code, code]"), String(error));
  });
  await t.step("stamp() follows an English cell that moved, and pairs the new one", async () => {
    const moved: Notebook = {
      cells: [english.cells[0]!, cell("markdown", "cell-02", "A new paragraph."), {
        ...english.cells[1]!,
        id: "cell-03",
      }],
    };
    const chinese = await fresh();
    chinese.cells.splice(1, 0, cell("markdown", "x", "新的一段。"));
    const { changes } = await stamp(moved, chinese);
    ok(changes.some((c) => c.includes("now translates cell-03 (was cell-02")), changes.join("\n"));
    deepStrictEqual(chinese.cells.map((c) => c.metadata.translates?.id), [
      "cell-01",
      "cell-02",
      "cell-03",
    ]);
    deepStrictEqual(await syncProblems(moved, chinese), []);
  });
  await t.step("stamp() marks a changed English cell's translation as up to date", async () => {
    const changed = structuredClone(english);
    changed.cells[1]!.source = ['log("hello");'];
    const chinese = await fresh();
    const { changes } = await stamp(changed, chinese);
    deepStrictEqual(changes, ["cell 2: translation of cell-02 marked up to date"]);
    deepStrictEqual(await syncProblems(changed, chinese), []);
  });
});

Deno.test("the Chinese edition is in step with the English notebooks", async () => {
  const problems = await editionProblems(NOTEBOOKS.replace(/\/$/, ""));
  ok(
    problems.length === 0,
    `The Chinese edition is out of step (deno task translation status shows each English change):\n  ${
      problems.join("\n  ")
    }`,
  );
});

Deno.test("the sync test fails, naming the cell, when one word of an English markdown cell changes", async () => {
  const chinese = notebooksIn(`${NOTEBOOKS}zh`);
  ok(chinese.length > 0, "no Chinese notebooks to test the test on");
  const dir = await Deno.makeTempDir();
  try {
    await Deno.mkdir(`${dir}/zh`);
    for (const name of notebooksIn(NOTEBOOKS)) {
      await Deno.copyFile(`${NOTEBOOKS}${name}`, `${dir}/${name}`);
    }
    for (const name of chinese) await Deno.copyFile(`${NOTEBOOKS}zh/${name}`, `${dir}/zh/${name}`);
    deepStrictEqual(await editionProblems(dir), [], "the copy should start in step");

    // Change one word of the second markdown cell of the first translated notebook.
    const name = chinese[0]!;
    const notebook = read(`${dir}/${name}`);
    const markdown = notebook.cells.filter((c) => c.cell_type === "markdown");
    const target = markdown[1]!;
    const text = sourceOf(target);
    const word = text.match(/[A-Za-z]{4,}/)![0];
    target.source = [text.replace(word, word === "notebook" ? "lesson" : "notebook")];
    await Deno.writeTextFile(`${dir}/${name}`, JSON.stringify(notebook));

    const problems = await editionProblems(dir);
    const position = read(`${dir}/zh/${name}`).cells.findIndex((c) =>
      c.metadata.translates?.id === target.id
    ) + 1;
    deepStrictEqual(problems.length, 1, problems.join("\n"));
    ok(
      problems[0]!.startsWith(`notebooks/zh/${name}: cell ${position} (`) &&
        problems[0]!.includes(`English cell ${target.id} (`) &&
        problems[0]!.includes("changed after it was translated"),
      problems[0],
    );
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});
