/// <reference lib="dom" />
// The book (scripts/book.ts): built from executed notebooks, then every page opened in headless
// Chromium (playwright-core with Debian's chromium, as scripts/lab_shots.ts does). A page passes
// when the browser logs no error, fetches nothing outside the book, draws every plotly figure (an
// SVG inside it), loads every image, and every link inside the book leads to a file of the book
// (and to an element of that page, for a #fragment).
//
// The first test builds a small made-up course (two notebooks, one with a Chinese page) and checks
// the book's parts one by one. The second builds the real course from the executed copies that
// tests/notebooks_test.ts saved in build/executed/, so it runs after that test: `deno task test`
// runs it in a second `deno test`, and on its own it needs `deno task notebooks` first.
import { deepStrictEqual as assertEquals, ok as assert, rejects } from "./_helpers.ts";
import { join, relative } from "node:path";
import { chromium } from "playwright-core";
import { BookError, buildBook, EXECUTED_DIR, serveBook } from "../scripts/book.ts";
import { digitGrid, linePlot, mimeBundle, table } from "../lib/plot/mod.ts";

const ROOT = new URL("../", import.meta.url).pathname.replace(/\/$/, "");
const CHROMIUM = Deno.env.get("CHROMIUM") ?? "/usr/bin/chromium";

/** What the browser saw of a built book. */
interface BookReport {
  pages: number;
  /** Formulas KaTeX typeset. */
  math: number;
  plots: number;
  images: number;
  links: number;
  /** Per page (`zh/01_first.html`): plotly figures drawn (with an SVG) and images loaded. */
  drawn: Map<string, { plots: number; images: number }>;
  problems: string[];
}

/** Every `.html` file under `dir`, relative to it. */
function htmlFiles(dir: string, prefix = ""): string[] {
  const found: string[] = [];
  for (const entry of Deno.readDirSync(join(dir, prefix))) {
    const path = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory) found.push(...htmlFiles(dir, path));
    else if (entry.name.endsWith(".html")) found.push(path);
  }
  return found.sort();
}

function isFile(path: string): boolean {
  try {
    return Deno.statSync(path).isFile;
  } catch {
    return false;
  }
}

/** Opens every page of the book in `dir` in headless Chromium; lists what is wrong. */
async function checkBook(dir: string): Promise<BookReport> {
  const { server, url } = serveBook(dir, 0);
  const origin = new URL(url).origin;
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ["--no-sandbox"] });
  const problems: string[] = [];
  const report: BookReport = {
    pages: 0,
    math: 0,
    plots: 0,
    images: 0,
    links: 0,
    drawn: new Map(),
    problems,
  };
  const idsByPage = new Map<string, Set<string>>();
  const links: { from: string; href: string }[] = [];
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    let current = "";
    await context.route("**/*", (route) => {
      const target = route.request().url();
      if (target.startsWith(`${origin}/`) || target.startsWith("data:")) return route.continue();
      problems.push(`${current}: fetched ${target}, outside the book`);
      return route.abort();
    });
    const page = await context.newPage();
    page.on("console", (m) => {
      if (m.type() === "error") problems.push(`${current}: console error: ${m.text()}`);
    });
    page.on("pageerror", (e) => problems.push(`${current}: page error: ${e.message}`));
    page.on("response", (r) => {
      if (r.status() >= 400) problems.push(`${current}: HTTP ${r.status()} for ${r.url()}`);
    });
    for (const path of htmlFiles(dir)) {
      current = path;
      report.pages++;
      await page.goto(url + path, { waitUntil: "load" });
      const plots = await page.locator(".book-plotly").count();
      report.plots += plots;
      if (plots > 0) {
        // (no wait when plotly.js did not load: nothing will draw them)
        await page.waitForFunction(
          () =>
            !("Plotly" in window) ||
            [...document.querySelectorAll(".book-plotly")].every((p) =>
              p.hasAttribute("data-drawn") && p.querySelector("svg.main-svg") !== null
            ),
          null,
          { timeout: 60_000 },
        ).catch(() => {});
        const undrawn = await page.locator(".book-plotly:not([data-drawn])").count();
        if (undrawn > 0) problems.push(`${path}: ${undrawn} of ${plots} plotly figures not drawn`);
      }
      // a drawing pad (notebook 12) loads ONNX Runtime Web and its model from the book's files/
      if (await page.locator(".course-pad").count() > 0) {
        await page.waitForFunction(
          () =>
            [...document.querySelectorAll(".course-pad-status")].every((s) =>
              !/Loading/.test(s.textContent ?? "")
            ),
          null,
          { timeout: 60_000 },
        ).catch(() => {});
        for (const status of await page.locator(".course-pad-status").allTextContents()) {
          if (!/^Draw a digit/.test(status)) problems.push(`${path}: drawing pad says "${status}"`);
        }
      }
      if (await page.locator('script[src$="katex.min.js"]').count() > 0) {
        const math = await page.locator(".katex").count();
        if (math === 0) problems.push(`${path}: loads KaTeX but typeset no math`);
        report.math += math;
      }
      const images = await page.evaluate(async () => {
        const all = [...document.images];
        await Promise.all(all.map((img) => img.decode().catch(() => {})));
        return all.map((img) => ({
          src: img.src.slice(0, 80),
          ok: img.complete && img.naturalWidth > 0,
        }));
      });
      report.images += images.length;
      report.drawn.set(path, {
        plots: await page.locator(".book-plotly[data-drawn] svg.main-svg").evaluateAll((svgs) =>
          new Set(svgs.map((svg) => svg.closest(".book-plotly"))).size
        ),
        images: images.filter((i) => i.ok).length,
      });
      for (const img of images.filter((i) => !i.ok)) {
        problems.push(`${path}: image not loaded: ${img.src}`);
      }
      const found = await page.evaluate(() => ({
        ids: [...document.querySelectorAll("[id]")].map((e) => e.id),
        hrefs: [
          ...[...document.querySelectorAll("a[href], link[href]")].map((e) =>
            (e as HTMLAnchorElement).href
          ),
          ...[...document.querySelectorAll("script[src], img[src]")].map((e) =>
            (e as HTMLImageElement).src
          ),
        ],
      }));
      idsByPage.set(path, new Set(found.ids));
      for (const href of found.hrefs) links.push({ from: path, href });
    }
  } finally {
    await browser.close();
    await server.shutdown();
  }
  for (const { from, href } of links) {
    if (href.startsWith("data:")) continue;
    if (!href.startsWith(`${origin}/`)) continue; // a link out of the book (not fetched)
    report.links++;
    const target = new URL(href);
    let path = decodeURIComponent(target.pathname).slice(1);
    if (path === "" || path.endsWith("/")) path += "index.html";
    if (!isFile(join(dir, path))) {
      problems.push(`${from}: link to ${path}, which is not in the book`);
    } else if (target.hash && path.endsWith(".html")) {
      // as a browser finds a fragment's element: by the id as written, else percent-decoded
      const ids = idsByPage.get(path);
      const raw = target.hash.slice(1);
      if (!ids?.has(raw) && !ids?.has(decodeURIComponent(raw))) {
        problems.push(`${from}: link to ${path}#${raw}: no such id`);
      }
    }
  }
  return report;
}

// ---------------------------------------------------------------------------------------------
// A made-up course: its notebooks are their own executed copies (the book checks that the code
// and text match the notebook's, and every output is what the library's displayables make).

type Cell = Record<string, unknown>;

function markdown(source: string): Cell {
  return { cell_type: "markdown", metadata: {}, source };
}

function code(
  source: string,
  outputs: unknown[],
  metadata: Record<string, unknown> = {},
  count = 1,
): Cell {
  return { cell_type: "code", execution_count: count, metadata, outputs, source };
}

function result(bundle: Record<string, unknown>): unknown {
  return { output_type: "execute_result", execution_count: 1, metadata: {}, data: bundle };
}

function stdout(text: string): unknown {
  return { output_type: "stream", name: "stdout", text };
}

function notebook(cells: Cell[]): string {
  return JSON.stringify({
    cells,
    metadata: { kernelspec: { name: "deno-course", display_name: "Deno (course)" } },
    nbformat: 4,
    nbformat_minor: 5,
  });
}

const README = `# A made-up course

English · [中文](README.zh-CN.md) · [the glossary](glossary.md) · [article](https://example.com/a)

It follows an article for programmers.

## The two commands

\`\`\`sh
npx -y deno task course   # opens the notebooks
npx -y deno task test     # runs every test
\`\`\`

## The notebooks

| notebook | what you build and see |
| --- | --- |
| \`01_first\` | the first steps, with a plot |
`;

const README_ZH = `# 一个虚构的课程

[English](README.md) · 中文

它依据一篇写给程序员的文章。

## 两个命令

\`\`\`sh
npx -y deno task course   # 打开笔记本
\`\`\`

## 笔记本

| 笔记本 | 你会构建和看到什么 |
| --- | --- |
| \`01_first\` | 第一步，附一张图 |
`;

/** Writes the made-up course into a new folder; returns it. */
async function makeCourse(): Promise<string> {
  const root = await Deno.makeTempDir({ prefix: "book-course-" });
  for (const shared of ["node_modules", "book"]) {
    await Deno.symlink(join(ROOT, shared), join(root, shared));
  }
  await Deno.writeTextFile(join(root, "README.md"), README);
  await Deno.writeTextFile(join(root, "README.zh-CN.md"), README_ZH);
  const plot = mimeBundle(linePlot({ loss: [1, 0.5, 0.25] }, { title: "loss", xLabel: "epoch" }));
  const pixels = Array.from({ length: 784 }, (_, i) => (i % 28) / 27);
  const image = mimeBundle(digitGrid(pixels));
  const rows = mimeBundle(table([{ layer: "Linear", parameters: 6 }]));
  const first = notebook([
    markdown("# 01 · First\n\nA first notebook, with a plot. It has math."),
    markdown("## Plots\n\nThe line $y = m x + b$ and the loss."),
    code("linePlot(losses);", [result(plot)]),
    code("digitGrid(pixels);", [result(image)], {}, 2),
    code("table(rows);", [result(rows), stdout("two outputs\n")], {}, 3),
    code(
      "// Check: the loss halves.\nok(losses[1] === 0.5);",
      [],
      { tags: ["no-output"], jupyter: { source_hidden: true } },
      4,
    ),
  ]);
  const second = notebook([
    markdown("# 02 · Second\n\nThe second notebook prints. Then it stops."),
    code('console.log("hello");', [stdout("hello\n")]),
  ]);
  const firstZh = notebook([
    markdown("# 01 · 第一\n\n第一个笔记本。"),
    code('console.log("你好");', [stdout("你好\n")]),
  ]);
  for (const folder of ["notebooks", "executed/notebooks"]) {
    await Deno.mkdir(join(root, folder, "zh"), { recursive: true });
    await Deno.writeTextFile(join(root, folder, "01_first.ipynb"), first);
    await Deno.writeTextFile(join(root, folder, "02_second.ipynb"), second);
    await Deno.writeTextFile(join(root, folder, "zh/01_first.ipynb"), firstZh);
  }
  return root;
}

/** The attributes of each tag in `html` whose class list holds `className`. */
function tagsWith(html: string, className: string): Record<string, string>[] {
  const tags: Record<string, string>[] = [];
  for (const [, attributes] of html.matchAll(/<[a-z][a-z0-9]*\s([^>]*)>/g)) {
    const attrs = Object.fromEntries(
      [...attributes!.matchAll(/([a-z][a-z-]*)(?:="([^"]*)")?/g)].map((m) => [m[1]!, m[2] ?? ""]),
    );
    if ((attrs.class ?? "").split(/\s+/).includes(className)) tags.push(attrs);
  }
  return tags;
}

/** The href of the one link with class `className` in `html`, or null when there is none. */
function hrefOf(html: string, className: string): string | null {
  const tags = tagsWith(html, className);
  assert(tags.length <= 1, `${tags.length} elements with class ${className}`);
  return tags[0]?.href ?? null;
}

/** A page's text, without its tags. */
function textOf(html: string): string {
  return html.replace(/<[^>]+>/g, "");
}

Deno.test("book of a made-up course", async (t) => {
  const root = await makeCourse();
  const out = join(root, "site");
  const build = () => buildBook({ root, reuse: join(root, "executed"), out, log: () => {} });
  const page = (path: string) => Deno.readTextFileSync(join(out, path));
  try {
    await t.step("builds a home page and a page per notebook, in both editions", async () => {
      const { pages } = await build();
      assertEquals(pages.sort(), [
        "01_first.html",
        "02_second.html",
        "index.html",
        "zh/01_first.html",
        "zh/index.html",
      ]);
    });

    await t.step("opens every page in Chromium without a problem", async () => {
      const report = await checkBook(out);
      assertEquals(report.problems, []);
      assertEquals([report.pages, report.math, report.plots, report.images], [5, 1, 1, 1]);
      assert(report.links > 20, `only ${report.links} links checked`);
      assertEquals(report.drawn.get("01_first.html"), { plots: 1, images: 1 });
    });

    await t.step("finds what a broken book lacks: a script, an image, a page", async () => {
      Deno.removeSync(join(out, "assets/plotly.min.js"));
      Deno.removeSync(join(out, "02_second.html"));
      const first = page("01_first.html");
      Deno.writeTextFileSync(
        join(out, "01_first.html"),
        first.replace('src="data:image/png;base64,', 'src="data:image/png;base64,broken'),
      );
      const report = await checkBook(out);
      const expected = [
        /^01_first.html: HTTP 404 for .*\/assets\/plotly.min.js$/,
        /^01_first.html: .*plotly.js did not load/,
        /^01_first.html: 1 of 1 plotly figures not drawn$/,
        /^01_first.html: image not loaded: data:image\/png;base64,broken/,
        /^01_first.html: link to 02_second.html, which is not in the book$/,
      ];
      for (const pattern of expected) {
        assert(report.problems.some((p) => pattern.test(p)), `${pattern}: ${report.problems}`);
      }
      assertEquals(report.drawn.get("01_first.html"), { plots: 0, images: 0 });
      await build(); // the steps below read the whole book again
    });

    await t.step("home page: the README's opening, its commands, a map of the notebooks", () => {
      const home = textOf(page("index.html"));
      assert(home.includes("It follows an article for programmers."));
      assert(home.includes("npx -y deno task course   # opens the notebooks"), "the commands");
      assert(page("index.html").includes('href="01_first.html"'), "the map links notebook 01");
      assert(home.includes("the first steps, with a plot"), "the README's line about 01");
      assert(home.includes("The second notebook prints."), "02's first sentence, not in README");
      const zh = textOf(page("zh/index.html"));
      assert(zh.includes("它依据一篇写给程序员的文章。") && zh.includes("第一步，附一张图"));
      assert(page("zh/index.html").includes('href="../02_second.html"'), "02 has no Chinese page");
      // the READMEs' links to each other lead to the home pages; to other files, nowhere
      const main = (html: string) => html.slice(html.indexOf('<main class="book-main">'));
      assert(main(page("index.html")).includes('<a href="zh/index.html">中文</a>'), "en → zh");
      assert(
        main(page("zh/index.html")).includes('<a href="../index.html">English</a>'),
        "zh → en",
      );
      assert(!page("index.html").includes("glossary.md") && home.includes("the glossary"));
      assert(page("index.html").includes('href="https://example.com/a"'), "absolute links stay");
    });

    await t.step("previous, next and the table of contents", () => {
      const first = page("01_first.html");
      assertEquals(hrefOf(first, "book-prev"), "index.html");
      assertEquals(hrefOf(first, "book-next"), "02_second.html");
      assertEquals(hrefOf(page("02_second.html"), "book-next"), null);
      assertEquals(hrefOf(page("zh/01_first.html"), "book-next"), "../02_second.html");
      const current = tagsWith(first, "book-current");
      assertEquals(current.length, 1);
      assert(/<li class="book-current"><a [^>]*href="01_first.html"/.test(first), "01 is marked");
      assert(/<ol class="book-sections"><li><a href="#Plots">Plots<\/a>/.test(first), "sections");
    });

    await t.step("a language switch only where the other edition has the page", () => {
      assertEquals(hrefOf(page("01_first.html"), "book-switch"), "zh/01_first.html");
      assertEquals(hrefOf(page("zh/01_first.html"), "book-switch"), "../01_first.html");
      assertEquals(hrefOf(page("index.html"), "book-switch"), "zh/index.html");
      assertEquals(hrefOf(page("zh/index.html"), "book-switch"), "../index.html");
      assertEquals(hrefOf(page("02_second.html"), "book-switch"), null);
      assert(/<html lang="zh">/.test(page("zh/01_first.html")));
    });

    await t.step("links each page to its notebook, copied into the book", () => {
      assertEquals(hrefOf(page("01_first.html"), "book-download"), "notebooks/01_first.ipynb");
      assertEquals(
        hrefOf(page("zh/01_first.html"), "book-download"),
        "../notebooks/zh/01_first.ipynb",
      );
      assertEquals(hrefOf(page("index.html"), "book-download"), null);
      assertEquals(
        Deno.readTextFileSync(join(out, "notebooks/zh/01_first.ipynb")),
        Deno.readTextFileSync(join(root, "notebooks/zh/01_first.ipynb")),
      );
    });

    await t.step("keeps a check cell's code collapsed, with no empty output area", () => {
      const first = page("01_first.html");
      const cell = first.slice(first.lastIndexOf("jp-Cell jp-CodeCell"));
      assert(cell.includes("jp-mod-noOutputs"), cell.slice(0, 200));
      assert(
        /<details class="book-hidden-input">\s*<summary>\/\/ Check: the loss halves.<\/summary>/
          .test(cell),
        cell,
      );
      assert(!cell.includes("jp-Cell-outputWrapper"), "no output area");
    });

    await t.step(
      "draws plotly figures from their JSON, not from their classic-Notebook HTML",
      () => {
        const first = page("01_first.html");
        assert(first.includes('<script type="application/vnd.plotly.v1+json">'));
        assert(!first.includes("course-plot-note"), "the HTML twin is left out");
        assert(
          first.includes("assets/plotly.min.js") && !page("02_second.html").includes("plotly"),
        );
      },
    );

    await t.step("loads KaTeX only on a page with math, and nothing from a CDN", () => {
      assert(page("01_first.html").includes("assets/katex/katex.min.js"));
      assert(!page("02_second.html").includes("katex"));
      for (const path of htmlFiles(out)) {
        const external = page(path).match(
          /<(script|img|link)\s[^>]*(src|href)="(https?:)?\/\/[^"]+"/,
        );
        assert(external === null, `${path} loads ${external?.[0]}`);
      }
    });

    await t.step("refuses an executed copy whose code differs from the notebook's", async () => {
      const copy = join(root, "executed/notebooks/02_second.ipynb");
      const saved = Deno.readTextFileSync(copy);
      Deno.writeTextFileSync(
        copy,
        saved.replace('console.log(\\"hello\\")', 'console.log(\\"bye\\")'),
      );
      try {
        await rejects(build(), (e: Error) =>
          e instanceof BookError &&
          /is not an executed copy of notebooks\/02_second.ipynb: cell 2 differs/.test(e.message));
      } finally {
        Deno.writeTextFileSync(copy, saved);
      }
    });

    await t.step("refuses an executed copy with an error output", async () => {
      const copy = join(root, "executed/notebooks/02_second.ipynb");
      const saved = Deno.readTextFileSync(copy);
      const nb = JSON.parse(saved);
      nb.cells[1].outputs.push({
        output_type: "error",
        ename: "RangeError",
        evalue: "boom",
        traceback: [],
      });
      Deno.writeTextFileSync(copy, JSON.stringify(nb));
      try {
        await rejects(build(), (e: Error) =>
          e instanceof BookError &&
          /notebooks\/02_second.ipynb in the book as cell 2 .* raised RangeError: boom/.test(
            e.message,
          ));
      } finally {
        Deno.writeTextFileSync(copy, saved);
      }
    });

    await t.step("names a missing executed copy and the command that makes it", async () => {
      const copy = join(root, "executed/notebooks/zh/01_first.ipynb");
      const saved = Deno.readTextFileSync(copy);
      Deno.removeSync(copy);
      try {
        await rejects(build(), (e: Error) =>
          e instanceof BookError &&
          /has no executed copy of notebooks\/zh\/01_first.ipynb/.test(e.message) &&
          e.message.includes("deno task notebooks"));
      } finally {
        Deno.writeTextFileSync(copy, saved);
      }
    });

    await t.step(
      "without README.zh-CN.md, the Chinese home describes each notebook itself",
      async () => {
        Deno.removeSync(join(root, "README.zh-CN.md"));
        await build();
        const zh = page("zh/index.html");
        assert(textOf(zh).includes("It follows an article for programmers."), "English opening");
        const table = zh.slice(zh.indexOf("<table"), zh.indexOf("</table>"));
        const row = (href: string) =>
          table.slice(table.indexOf(`href="${href}"`)).split("</tr>")[0]!;
        assert(textOf(row("01_first.html")).includes("第一个笔记本。"), row("01_first.html"));
        assert(!zh.includes("the first steps, with a plot"), "not the English line about 01");
        assert(textOf(row("../02_second.html")).includes("The second notebook prints."));
        assert(
          /<h2 id="[^"]*">笔记本一览/.test(zh) && zh.includes("你会构建和看到什么"),
          "headings",
        );
      },
    );
  } finally {
    await Deno.remove(root, { recursive: true });
  }
});

/** Per notebook of `folder` (`notebooks`, `notebooks/zh`): its name and its executed copy's outputs. */
function courseNotebooks(
  folder: string,
): { name: string; title: string; plots: number; pngs: number }[] {
  const dir = join(ROOT, folder);
  if (!isDir(dir)) return [];
  return [...Deno.readDirSync(dir)]
    .filter((e) => e.isFile && /^\d\d_.*\.ipynb$/.test(e.name))
    .map((e) => e.name.replace(/\.ipynb$/, ""))
    .sort()
    .map((name) => {
      const copy = JSON.parse(
        Deno.readTextFileSync(join(ROOT, EXECUTED_DIR, folder, `${name}.ipynb`)),
      );
      const outputs = copy.cells.flatMap((c: { outputs?: { data?: object }[] }) => c.outputs ?? [])
        .map((o: { data?: object }) => o.data ?? {});
      const heading = copy.cells.map((c: { source: string | string[] }) =>
        [c.source].flat().join("")
      ).join("\n").match(/^# (.+)$/m);
      return {
        name,
        title: heading?.[1]?.trim() ?? "",
        plots: outputs.filter((d: object) => "application/vnd.plotly.v1+json" in d).length,
        pngs: outputs.filter((d: object) => "image/png" in d).length,
      };
    });
}

function isDir(path: string): boolean {
  try {
    return Deno.statSync(path).isDirectory;
  } catch {
    return false;
  }
}

Deno.test("book of the course, from the notebook test's executed copies", async (t) => {
  const executed = join(ROOT, EXECUTED_DIR);
  const out = join(ROOT, "build/book");
  const started = performance.now();
  const { bytes } = await buildBook({ reuse: executed, out, log: () => {} });
  const seconds = (performance.now() - started) / 1000;
  const report = await checkBook(out);
  const editions = [
    { folder: "notebooks", prefix: "", notebooks: courseNotebooks("notebooks") },
    { folder: "notebooks/zh", prefix: "zh/", notebooks: courseNotebooks("notebooks/zh") },
  ].filter((e) => e.notebooks.length > 0);
  console.log(
    `book: ${report.pages} pages (${editions.map((e) => `${e.folder}: ${e.notebooks.length}`)}), ` +
      `${report.plots} plots, ${report.images} images, ${report.links} links, ${report.math} ` +
      `formulas; ${(bytes / 1e6).toFixed(1)} MB in ${relative(ROOT, out)}/; built in ` +
      `${seconds.toFixed(1)} s`,
  );

  await t.step("Chromium finds no error, no missing file and no broken link", () => {
    assertEquals(report.problems, []);
  });

  await t.step("a page per notebook of each edition, and a home page per edition", () => {
    assert(editions[0]!.notebooks.length >= 10, "fewer than 10 notebooks in notebooks/");
    const expected = editions.flatMap((e) => [
      `${e.prefix}index.html`,
      ...e.notebooks.map((n) => `${e.prefix}${n.name}.html`),
    ]).sort();
    assertEquals(htmlFiles(out), expected);
    for (const edition of editions) {
      for (const { name, title } of edition.notebooks) {
        const html = Deno.readTextFileSync(join(out, `${edition.prefix}${name}.html`));
        assert(title !== "" && html.includes(`<title>${title}`), `${name}: title "${title}"`);
        assert(
          html.includes(`href="${edition.prefix ? "../" : ""}${edition.folder}/${name}.ipynb"`),
          `${edition.prefix}${name}.html links its notebook`,
        );
        assert(isFile(join(out, edition.folder, `${name}.ipynb`)), `${name}.ipynb is in the book`);
      }
    }
  });

  await t.step("every plotly output drawn as a figure, every PNG output shown", () => {
    let plots = 0;
    for (const edition of editions) {
      for (const { name, plots: expected, pngs } of edition.notebooks) {
        const page = `${edition.prefix}${name}.html`;
        const drawn = report.drawn.get(page);
        assertEquals(drawn?.plots, expected, `${page}: plotly figures drawn`);
        assert((drawn?.images ?? 0) >= pngs, `${page}: ${drawn?.images} images, ${pngs} PNGs`);
        plots += expected;
      }
    }
    assert(plots >= 20, `only ${plots} plotly figures in the course`);
  });

  await t.step("a language switch on every page that has a Chinese twin", () => {
    const chinese = editions.find((e) => e.prefix === "zh/");
    if (chinese === undefined) return; // no notebooks/zh/ yet: the English book has no switch
    for (const page of ["index", ...chinese.notebooks.map((n) => n.name)]) {
      const en = Deno.readTextFileSync(join(out, `${page}.html`));
      const zh = Deno.readTextFileSync(join(out, `zh/${page}.html`));
      assertEquals(hrefOf(en, "book-switch"), `zh/${page}.html`);
      assertEquals(hrefOf(zh, "book-switch"), `../${page}.html`);
      assert(zh.includes('<html lang="zh">'), `zh/${page}.html is marked Chinese`);
    }
  });
});
