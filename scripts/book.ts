/**
 * `deno task book`: the course as a static website, built from the executed notebooks, which
 * anyone can read with nothing installed; `deno task book --serve` shows it on this machine.
 *
 * ```sh
 * deno task book                          # runs every notebook, then builds build/book/
 * deno task book --reuse build/executed   # builds from executed copies made earlier
 * deno task book --serve                  # serves build/book/ at http://127.0.0.1:8000/
 * ```
 *
 * What it does:
 * 1. finds the notebooks: `notebooks/NN_name.ipynb` (English) and `notebooks/zh/NN_name.ipynb`
 *    (the Chinese edition, where a page exists);
 * 2. runs each one top to bottom in the course kernel with `tests/notebook_runner.py`, saving the
 *    executed copy under `build/executed/` (same relative path); or, with `--reuse DIR`, takes the
 *    copies that `deno task test` saved there (`DIR/notebooks/...`). A copy whose code or text
 *    differs from the notebook's, or that holds an error output, stops the build;
 * 3. converts each executed notebook to a page with nbconvert's HTML exporter (the Jupyter
 *    project's converter, pinned in `requirements.txt`) and the template in
 *    `book/templates/course/`, which extends nbconvert's JupyterLab template ("lab") with the
 *    book's frame: a bar with the home link, the language switch and the notebook's download
 *    link, the table of contents, previous/next. The home page is made the same way from
 *    `README.md` (`README.zh-CN.md` for the Chinese one): its opening, the two commands, and a map
 *    of the notebooks;
 * 4. copies in what the pages load, so a page fetches nothing from the network: JupyterLab's CSS
 *    (from nbconvert), `plotly.min.js` (npm `plotly.js-dist-min`), KaTeX (npm `katex`, for pages
 *    whose text has math), the book's own CSS and script (`book/assets/`), the clean notebooks
 *    (for download), and the files that outputs' scripts load from the Jupyter server
 *    (`files/...`: ONNX Runtime Web and the exported model, for notebook 12's drawing pad).
 *
 * The folder it writes (`build/book/` by default, git-ignored) can be published on any static
 * host as it is: every link in it is relative.
 *
 * Options: `--reuse DIR`, `--out DIR` (default `build/book`), `--serve` (serves `--out` and builds
 * nothing), `--port N` (default 8000; 0 picks a free port).
 *
 * @module
 */
import { parseArgs } from "node:util";
import { dirname, join, relative, resolve } from "node:path";
import { coursePython, ROOT } from "./python_env.ts";

/** Where `deno task book` and the notebook test save executed notebooks (relative to the root). */
export const EXECUTED_DIR = "build/executed";

/** Where the book is written, relative to the repository root. */
export const BOOK_DIR = "build/book";

/** The two editions. */
export type Lang = "en" | "zh";

/**
 * Folders that outputs' scripts load from the Jupyter server (`files/<folder>`), and the files of
 * each folder they use. Single files referenced as `files/<path>` are copied without being listed.
 */
const SERVER_FOLDERS: Record<string, string[]> = {
  // notebook 12's drawing pad: ort.wasm.min.js, single-threaded, imports the .mjs, loads the .wasm
  "node_modules/onnxruntime-web/dist/": [
    "ort.wasm.min.js",
    "ort-wasm-simd-threaded.mjs",
    "ort-wasm-simd-threaded.wasm",
  ],
};

/** The book's own words, per edition. */
const STRINGS = {
  en: {
    contents: "Contents",
    previous: "Previous",
    next: "Next",
    download: "Download the notebook (.ipynb)",
    switchTo: "English",
    home: "About the course",
    notebook: "notebook",
    commands: "The two commands",
    notebooks: "The notebooks",
    about: "what you build and see",
    commandsNote:
      "Run them in a clone of the course's repository. Each page of this book links to its notebook (.ipynb): put it in the clone's `notebooks/` folder to run it.",
    englishOnly: "",
    footer: "Built by deno task book from the notebooks, executed in the course kernel.",
  },
  zh: {
    contents: "目录",
    previous: "上一篇",
    next: "下一篇",
    download: "下载笔记本（.ipynb）",
    switchTo: "中文",
    home: "关于本课程",
    notebook: "笔记本",
    commands: "两个命令",
    notebooks: "笔记本一览",
    about: "你会构建和看到什么",
    commandsNote:
      "在课程仓库的克隆中运行它们。本书的每一页都链接到对应的笔记本（.ipynb）：把它放进克隆的 `notebooks/zh/` 文件夹即可运行。",
    englishOnly: "暂无中文版，链接到英文版",
    footer: "由 deno task book 根据在课程内核中执行过的笔记本生成。",
  },
} as const;

/** A problem with the book's input that its message explains (missing or stale copies, ...). */
export class BookError extends Error {
  /** @param message What is wrong, and the command that fixes it */
  constructor(message: string) {
    super(message);
    this.name = "BookError";
  }
}

/** One notebook of one edition. */
interface Chapter {
  lang: Lang;
  /** The file's name without `.ipynb`, e.g. `01_single_neuron`. */
  name: string;
  /** The notebook in the repository, relative to the root: `notebooks/zh/01_single_neuron.ipynb`. */
  path: string;
  /** The page's title: the notebook's first `# ` heading. */
  title: string;
}

/** A link in the book's frame. */
interface Link {
  href: string;
  label: string;
  lang: Lang;
}

/** What the template (`book/templates/course/index.html.j2`) reads from `metadata.book`. */
interface BookPage {
  lang: Lang;
  /** From this page to the site's root: `""`... as `./` or `../`. */
  root: string;
  title: string;
  siteTitle: string;
  home: string;
  toc: (Link & { current: boolean; note: string })[];
  prev: Link | null;
  next: Link | null;
  switch: Link | null;
  download: Link | null;
  strings: (typeof STRINGS)[Lang];
  footer: string;
  plotly: boolean;
  math: boolean;
}

type Cell = {
  cell_type: string;
  source: string | string[];
  metadata?: Record<string, unknown>;
  outputs?: Output[];
};
type Output = {
  output_type: string;
  data?: Record<string, unknown>;
  ename?: string;
  evalue?: string;
};
type Notebook = { cells: Cell[]; metadata: Record<string, unknown> } & Record<string, unknown>;

/** Options of {@linkcode buildBook}. */
export interface BuildOptions {
  /**
   * The course's folder: `notebooks/`, `README.md` and `node_modules/` are read from it.
   *
   * @default {ROOT}
   */
  root?: string;
  /**
   * A folder of executed notebooks (`DIR/notebooks/...`) to build from instead of running them.
   *
   * @default {null}
   */
  reuse?: string | null;
  /**
   * Where to write the book (emptied first).
   *
   * @default {`${root}/build/book`}
   */
  out?: string;
  /**
   * Prints progress.
   *
   * @default {(line) => console.log(line)}
   */
  log?: (line: string) => void;
}

/** What {@linkcode buildBook} made. */
export interface BuildResult {
  /** Every page, relative to the book's folder (`index.html`, `zh/01_single_neuron.html`, ...). */
  pages: string[];
  /** The book's size on disk, in bytes. */
  bytes: number;
}

/** The text of a cell's source. */
function sourceOf(cell: Cell): string {
  return Array.isArray(cell.source) ? cell.source.join("") : cell.source;
}

function readNotebook(path: string): Notebook {
  return JSON.parse(Deno.readTextFileSync(path));
}

function exists(path: string): boolean {
  try {
    Deno.statSync(path);
    return true;
  } catch (e) {
    if (e instanceof Deno.errors.NotFound) return false;
    throw e;
  }
}

/** The notebooks of one edition's folder, in reading order. */
function chaptersIn(root: string, folder: string, lang: Lang): Chapter[] {
  const dir = join(root, folder);
  if (!exists(dir)) return [];
  const names = [...Deno.readDirSync(dir)]
    .filter((e) => e.isFile && /^\d\d_.*\.ipynb$/.test(e.name))
    .map((e) => e.name.replace(/\.ipynb$/, ""))
    .sort();
  return names.map((name) => {
    const path = `${folder}/${name}.ipynb`;
    return { lang, name, path, title: titleOf(readNotebook(join(root, path)), path) };
  });
}

/** A notebook's first `# ` heading. */
function titleOf(notebook: Notebook, path: string): string {
  for (const cell of notebook.cells) {
    if (cell.cell_type !== "markdown") continue;
    const heading = sourceOf(cell).match(/^# (.+)$/m);
    if (heading) return heading[1]!.trim();
  }
  throw new BookError(
    `Cannot make a page of ${path} as it must start with a "# " title: no markdown cell has one`,
  );
}

/** Whether any markdown cell has math for KaTeX ($...$, $$...$$, \(...\), \[...\]). */
function hasMath(notebook: Notebook): boolean {
  return notebook.cells.some((cell) =>
    cell.cell_type === "markdown" &&
    /\$\$[^$]+\$\$|\$[^\s$][^$\n]*\$|\\\(|\\\[/.test(
      // code spans and fenced code are not typeset
      sourceOf(cell).replace(/```[\s\S]*?```/g, "").replace(/`[^`]*`/g, ""),
    )
  );
}

/** Whether any output is a plotly figure. */
function hasPlotly(notebook: Notebook): boolean {
  return notebook.cells.some((cell) =>
    (cell.outputs ?? []).some((o) => o.data?.["application/vnd.plotly.v1+json"] !== undefined)
  );
}

/** The executed copy of a notebook: run now, or taken from `reuse` and checked. */
async function executedCopy(
  root: string,
  chapter: Chapter,
  reuse: string | null,
  log: (line: string) => void,
): Promise<Notebook> {
  const source = readNotebook(join(root, chapter.path));
  let copyPath: string;
  if (reuse === null) {
    copyPath = join(root, EXECUTED_DIR, chapter.path);
    await runNotebook(root, chapter.path, copyPath, log);
  } else {
    copyPath = join(reuse, chapter.path);
    if (!exists(copyPath)) {
      throw new BookError(
        `Cannot build the book from ${reuse} as it has no executed copy of ${chapter.path}: ` +
          `expected ${copyPath}. Run the notebooks first (deno task notebooks saves them there), ` +
          `or build without --reuse (deno task book runs every notebook)`,
      );
    }
  }
  const executed = readNotebook(copyPath);
  const stale = staleCell(source, executed);
  if (stale !== null) {
    throw new BookError(
      `Cannot build the book from ${copyPath} as it is not an executed copy of ${chapter.path}: ` +
        `${stale}. Run the notebook again (deno task notebooks, or deno task book without --reuse)`,
    );
  }
  for (const [index, cell] of executed.cells.entries()) {
    const error = (cell.outputs ?? []).find((o) => o.output_type === "error");
    if (error) {
      throw new BookError(
        `Cannot put ${chapter.path} in the book as cell ${index + 1} of its executed copy ` +
          `${copyPath} raised ${error.ename}: ${error.evalue}`,
      );
    }
  }
  return executed;
}

/** Why `executed` is not a run of `source` (the first cell that differs), or null. */
function staleCell(source: Notebook, executed: Notebook): string | null {
  if (source.cells.length !== executed.cells.length) {
    return `it has ${executed.cells.length} cells, the notebook has ${source.cells.length}`;
  }
  for (const [index, cell] of source.cells.entries()) {
    const copy = executed.cells[index]!;
    if (copy.cell_type !== cell.cell_type || sourceOf(copy) !== sourceOf(cell)) {
      return `cell ${index + 1} differs`;
    }
  }
  return null;
}

/** Runs one notebook with the course's runner, saving the executed copy at `savePath`. */
async function runNotebook(
  root: string,
  path: string,
  savePath: string,
  log: (line: string) => void,
): Promise<void> {
  await Deno.mkdir(dirname(savePath), { recursive: true });
  await Deno.remove(savePath).catch(() => {});
  const started = performance.now();
  const { code, stdout, stderr } = await new Deno.Command(coursePython(), {
    args: [join(root, "tests/notebook_runner.py"), join(root, path), "--save", savePath],
    env: { JUPYTER_PREFER_ENV_PATH: "1" },
    stdout: "piped",
    stderr: "piped",
  }).output();
  const text = new TextDecoder();
  if (code !== 0) {
    throw new BookError(
      `Cannot put ${path} in the book as it did not run cleanly (runner exit ${code}):\n` +
        text.decode(stdout) + text.decode(stderr),
    );
  }
  log(`ran ${path} in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

/** A README's parts that the home page shows. */
interface ReadmeParts {
  title: string;
  intro: string;
  commandsHeading: string | null;
  commands: string | null;
  notebooksHeading: string | null;
  tableHeader: string[] | null;
  /** Per notebook name (`01_single_neuron`), the README's line about it. */
  descriptions: Map<string, string>;
}

/** Reads a README: title, opening, the fenced block of the two commands, the notebooks' table. */
export function readmeParts(text: string): ReadmeParts {
  const lines = text.split("\n");
  const title = lines.find((l) => l.startsWith("# "))?.slice(2).trim() ?? "";
  const start = lines.findIndex((l) => l.startsWith("# ")) + 1;
  const firstSection = lines.findIndex((l, i) => i >= start && l.startsWith("## "));
  const intro = lines.slice(start, firstSection < 0 ? undefined : firstSection).join("\n").trim();

  let heading: string | null = null;
  let commandsHeading: string | null = null;
  let commands: string | null = null;
  let notebooksHeading: string | null = null;
  let tableHeader: string[] | null = null;
  const descriptions = new Map<string, string>();
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.startsWith("## ")) heading = line.slice(3).trim();
    if (commands === null && /^```/.test(line)) {
      const end = lines.findIndex((l, j) => j > i && /^```/.test(l));
      const block = lines.slice(i, end + 1).join("\n");
      if (end > i && /task course/.test(block)) {
        commands = block;
        commandsHeading = heading;
      }
    }
    const row = line.match(/^\|\s*`(\d\d_[A-Za-z0-9_]+)`\s*\|(.*)\|\s*$/);
    if (row) {
      descriptions.set(row[1]!, row[2]!.trim());
      if (notebooksHeading === null) {
        notebooksHeading = heading;
        // the header row is two lines up (header, then |---|)
        tableHeader = (lines[i - 2] ?? "").split("|").slice(1, -1).map((c) => c.trim());
      }
    }
  }
  return {
    title,
    intro,
    commandsHeading,
    commands,
    notebooksHeading,
    tableHeader,
    descriptions,
  };
}

/** A markdown cell. */
function markdownCell(source: string): Cell {
  return { cell_type: "markdown", metadata: {}, source };
}

/** The first sentence of a notebook's opening paragraph (after its title). */
function firstSentence(notebook: Notebook): string {
  for (const cell of notebook.cells) {
    if (cell.cell_type !== "markdown") continue;
    const paragraphs = sourceOf(cell).split(/\n\s*\n/).map((p) => p.trim());
    const text = paragraphs.find((p) => p && !p.startsWith("#"));
    if (text) {
      const flat = text.replace(/\s*\n\s*/g, " ");
      return flat.match(/^.*?[.。!?！？](?=\s|$)/)?.[0] ?? flat;
    }
  }
  return "";
}

/**
 * A README's relative links made right for the book: the READMEs become the editions' home pages
 * (or plain text where that edition is not built); other files of the repository, which the book
 * does not hold, become plain text. Absolute links and #fragments stay.
 */
function bookLinks(markdown: string, lang: Lang, built: Lang[]): string {
  const homes: Record<string, Lang> = { "README.md": "en", "README.zh-CN.md": "zh" };
  return markdown.replace(/\[([^\]]+)\]\(([^)\s]+)\)/g, (link, text: string, href: string) => {
    if (/^([a-z]+:|#)/i.test(href)) return link;
    const home = homes[href];
    if (home === undefined || !built.includes(home)) return text;
    const up = lang === "zh" ? "../" : "";
    return `[${text}](${up}${home === "zh" ? "zh/" : ""}index.html)`;
  });
}

/** Escapes text for a markdown table cell. */
function tableCell(text: string): string {
  return text.replaceAll("|", "\\|").replace(/\s*\n\s*/g, " ");
}

/** The book's pages of one edition, in reading order: the home page, then the notebooks. */
interface Edition {
  lang: Lang;
  /** The folder of its pages inside the book: `""` or `zh/`. */
  folder: string;
  /** The notebooks in reading order; an English one stands in where a Chinese page is missing. */
  chapters: Chapter[];
  readme: ReadmeParts;
  /** The README's language: English for the Chinese edition until `README.zh-CN.md` exists. */
  readmeLang: Lang;
}

/** Builds the book; returns its pages and size. */
export async function buildBook(options: BuildOptions = {}): Promise<BuildResult> {
  const root = options.root ?? ROOT;
  const reuse = options.reuse ?? null;
  const out = options.out ?? join(root, BOOK_DIR);
  const log = options.log ?? ((line: string) => console.log(line));

  const english = chaptersIn(root, "notebooks", "en");
  if (english.length === 0) {
    throw new BookError(`Cannot build the book as ${join(root, "notebooks")} has no NN_name.ipynb`);
  }
  const chinese = chaptersIn(root, "notebooks/zh", "zh");
  const editions: Edition[] = [{
    lang: "en",
    folder: "",
    chapters: english,
    readme: readmeParts(Deno.readTextFileSync(join(root, "README.md"))),
    readmeLang: "en",
  }];
  const zhReadme = join(root, "README.zh-CN.md");
  if (chinese.length > 0) {
    const byName = new Map(chinese.map((c) => [c.name, c]));
    const names = [...new Set([...english, ...chinese].map((c) => c.name))].sort();
    editions.push({
      lang: "zh",
      folder: "zh/",
      chapters: names.map((n) => byName.get(n) ?? english.find((c) => c.name === n)!),
      readme: readmeParts(
        Deno.readTextFileSync(exists(zhReadme) ? zhReadme : join(root, "README.md")),
      ),
      readmeLang: exists(zhReadme) ? "zh" : "en",
    });
  }

  // 1. the executed copies
  const executed = new Map<string, Notebook>();
  for (const chapter of [...english, ...chinese]) {
    executed.set(chapter.path, await executedCopy(root, chapter, reuse, log));
  }

  // 2. the pages' notebooks, with what the template needs in metadata.book
  await Deno.remove(out, { recursive: true }).catch((e) => {
    if (!(e instanceof Deno.errors.NotFound)) throw e;
  });
  await Deno.mkdir(out, { recursive: true });
  const work = await Deno.makeTempDir({ prefix: "book-" });
  const pages: string[] = [];
  try {
    for (const edition of editions) {
      const folder = join(work, edition.lang);
      await Deno.mkdir(folder);
      const other = editions.find((e) => e.lang !== edition.lang) ?? null;
      for (const page of pagesOf(edition, other, executed)) {
        await Deno.writeTextFile(join(folder, `${page.file}.ipynb`), JSON.stringify(page.notebook));
        pages.push(`${edition.folder}${page.file}.html`);
      }
      await convert(root, folder, join(out, edition.folder));
    }
  } finally {
    await Deno.remove(work, { recursive: true });
  }
  for (const page of pages) fillSections(join(out, page));

  // 3. what the pages load
  await copyAssets(root, out);
  for (const chapter of [...english, ...chinese]) {
    await copyFile(join(root, chapter.path), join(out, chapter.path));
  }
  await copyServerFiles(root, out, pages);
  await Deno.writeTextFile(join(out, ".nojekyll"), ""); // GitHub Pages: serve node_modules/ too

  const bytes = sizeOf(out);
  log(`book: ${pages.length} pages in ${out} (${(bytes / 1e6).toFixed(1)} MB)`);
  return { pages, bytes };
}

/** The pages of one edition: its home page, then one per notebook, each with its frame. */
function pagesOf(
  edition: Edition,
  other: Edition | null,
  executed: Map<string, Notebook>,
): { file: string; notebook: Notebook }[] {
  const strings = STRINGS[edition.lang];
  const root = edition.folder === "" ? "" : "../";
  const siteTitle = edition.readme.title;
  // an href from a page of this edition to a chapter (which may be an English stand-in)
  const hrefOf = (c: Chapter) =>
    c.lang === edition.lang ? `${c.name}.html` : `${root}${c.name}.html`;
  const homeLink: Link = { href: "index.html", label: strings.home, lang: edition.lang };
  const sequence: Link[] = [
    homeLink,
    ...edition.chapters.map((c) => ({ href: hrefOf(c), label: c.title, lang: c.lang })),
  ];
  const frame = (index: number, title: string, extra: Partial<BookPage>): BookPage => ({
    lang: edition.lang,
    root: root === "" ? "./" : root,
    title: index === 0 ? siteTitle : `${title} · ${siteTitle}`,
    siteTitle,
    home: "index.html",
    toc: sequence.map((link, i) => ({
      ...link,
      current: i === index,
      note: link.lang !== edition.lang ? strings.englishOnly : "",
    })),
    prev: sequence[index - 1] ?? null,
    next: sequence[index + 1] ?? null,
    switch: null,
    download: null,
    strings,
    footer: strings.footer,
    plotly: false,
    math: false,
    ...extra,
  });
  const switchTo = (file: string): Link | null => {
    if (other === null) return null;
    const target = other.lang === "zh" ? `zh/${file}` : `../${file}`;
    if (
      file !== "index.html" &&
      !other.chapters.some((c) => c.lang === other.lang && `${c.name}.html` === file)
    ) {
      return null;
    }
    return { href: target, label: STRINGS[other.lang].switchTo, lang: other.lang };
  };

  const pages: { file: string; notebook: Notebook }[] = [];
  const built = other === null ? [edition.lang] : [edition.lang, other.lang];
  const home = homeNotebook(edition, executed, hrefOf, built);
  home.metadata.book = frame(0, siteTitle, { switch: switchTo("index.html"), math: hasMath(home) });
  pages.push({ file: "index", notebook: home });

  edition.chapters.forEach((chapter, i) => {
    if (chapter.lang !== edition.lang) return; // an English stand-in: its page is the English one
    const notebook = structuredClone(executed.get(chapter.path)!);
    notebook.metadata.book = frame(i + 1, chapter.title, {
      switch: switchTo(`${chapter.name}.html`),
      download: { href: `${root}${chapter.path}`, label: strings.download, lang: edition.lang },
      plotly: hasPlotly(notebook),
      math: hasMath(notebook),
    });
    pages.push({ file: chapter.name, notebook });
  });
  return pages;
}

/** The home page of an edition, as a notebook of markdown cells, made from its README. */
function homeNotebook(
  edition: Edition,
  executed: Map<string, Notebook>,
  hrefOf: (c: Chapter) => string,
  built: Lang[],
): Notebook {
  const strings = STRINGS[edition.lang];
  const readme = edition.readme;
  // an English README stands in for a missing README.zh-CN.md: its title, opening and commands,
  // with the edition's own headings, and each Chinese notebook described by its first sentence
  const own = edition.readmeLang === edition.lang;
  const cells: Cell[] = [
    markdownCell(`# ${readme.title}\n\n${bookLinks(readme.intro, edition.lang, built)}`),
  ];
  if (readme.commands !== null) {
    const heading = (own ? readme.commandsHeading : null) ?? strings.commands;
    cells.push(markdownCell(`## ${heading}\n\n${readme.commands}\n\n${strings.commandsNote}`));
  }
  const header = (own ? readme.tableHeader : null) ?? [strings.notebook, strings.about];
  const rows = edition.chapters.map((c) => {
    const description = (c.lang === edition.readmeLang ? readme.descriptions.get(c.name) : null) ??
      firstSentence(executed.get(c.path)!);
    const note = c.lang !== edition.lang ? ` (${strings.englishOnly})` : "";
    return `| [${tableCell(c.title)}](${hrefOf(c)})${note} | ${tableCell(description)} |`;
  });
  cells.push(markdownCell(
    `## ${(own ? readme.notebooksHeading : null) ?? strings.notebooks}\n\n` +
      `| ${header.slice(0, 2).map(tableCell).join(" | ")} |\n| --- | --- |\n${rows.join("\n")}`,
  ));
  return {
    cells,
    metadata: {
      kernelspec: { name: "deno-course", display_name: "Deno (course)", language: "typescript" },
      language_info: { name: "typescript" },
    },
    nbformat: 4,
    nbformat_minor: 5,
  };
}

/** Converts every notebook in `folder` to a page in `out` with nbconvert and the course template. */
async function convert(root: string, folder: string, out: string): Promise<void> {
  const notebooks = [...Deno.readDirSync(folder)].map((e) => join(folder, e.name)).sort();
  const { code, stderr } = await new Deno.Command(coursePython(), {
    args: [
      "-m",
      "nbconvert",
      "--to",
      "html",
      "--template",
      "course",
      `--TemplateExporter.extra_template_basedirs=${join(root, "book/templates")}`,
      "--output-dir",
      out,
      ...notebooks,
    ],
    stdout: "piped",
    stderr: "piped",
  }).output();
  if (code !== 0) {
    throw new BookError(
      `Cannot convert the notebooks to pages as nbconvert failed (exit ${code}):\n` +
        new TextDecoder().decode(stderr),
    );
  }
}

/** Fills a page's `<!--book:sections-->` with links to its `##` sections. */
function fillSections(path: string): void {
  const html = Deno.readTextFileSync(path);
  const sections = [...html.matchAll(/<h2 id="([^"]+)">([\s\S]*?)<a [^>]*class="anchor-link"/g)]
    .map((m) => `<li><a href="#${m[1]}">${m[2]!.replace(/<[^>]+>/g, "")}</a></li>`);
  const list = sections.length > 0 ? `<ol class="book-sections">${sections.join("")}</ol>` : "";
  Deno.writeTextFileSync(path, html.replace("<!--book:sections-->", list));
}

async function copyFile(from: string, to: string): Promise<void> {
  await Deno.mkdir(dirname(to), { recursive: true });
  await Deno.copyFile(from, to);
}

/** Copies a folder's files (following links), keeping those `keep` accepts. */
async function copyTree(from: string, to: string, keep: (name: string) => boolean): Promise<void> {
  for (const entry of Deno.readDirSync(from)) {
    const source = join(from, entry.name);
    const info = Deno.statSync(source);
    if (info.isDirectory) await copyTree(source, join(to, entry.name), keep);
    else if (keep(entry.name)) await copyFile(source, join(to, entry.name));
  }
}

/** JupyterLab's CSS (nbconvert's lab template), plotly.js, KaTeX and the book's own files. */
async function copyAssets(root: string, out: string): Promise<void> {
  const assets = join(out, "assets");
  await copyTree(join(root, "book/assets"), assets, () => true);
  const lab = await labStaticFolder();
  const css = ["index.css", "theme-light.css"].map((f) => Deno.readTextFileSync(join(lab, f)));
  await Deno.writeTextFile(join(assets, "lab.css"), css.join("\n"));
  await copyFile(
    join(root, "node_modules/plotly.js-dist-min/plotly.min.js"),
    join(assets, "plotly.min.js"),
  );
  const katex = join(root, "node_modules/katex/dist");
  for (const file of ["katex.min.js", "katex.min.css", "contrib/auto-render.min.js"]) {
    await copyFile(join(katex, file), join(assets, "katex", file));
  }
  // the browsers the book is for all read woff2, which katex.min.css lists first
  await copyTree(join(katex, "fonts"), join(assets, "katex/fonts"), (n) => n.endsWith(".woff2"));
}

/** The folder of nbconvert's lab template's CSS, in the course's Python. */
async function labStaticFolder(): Promise<string> {
  const { code, stdout, stderr } = await new Deno.Command(coursePython(), {
    args: [
      "-c",
      "import jupyter_core.paths as p, os\n" +
      "for d in p.jupyter_path('nbconvert', 'templates'):\n" +
      "    f = os.path.join(d, 'lab', 'static')\n" +
      "    if os.path.isfile(os.path.join(f, 'index.css')):\n" +
      "        print(f); break",
    ],
    stdout: "piped",
    stderr: "piped",
  }).output();
  const folder = new TextDecoder().decode(stdout).trim();
  if (code !== 0 || folder === "") {
    throw new BookError(
      `Cannot find the CSS of nbconvert's lab template in the course's Python: ` +
        `${new TextDecoder().decode(stderr).trim() || "no lab/static/index.css"}. ` +
        "Run deno task course --setup-only",
    );
  }
  return folder;
}

/**
 * Copies the files that the pages' outputs load from the Jupyter server (`files/<path>`, relative
 * to the course's folder) into the book's `files/` folder, where the pages find them.
 */
async function copyServerFiles(root: string, out: string, pages: string[]): Promise<void> {
  const wanted = new Set<string>();
  for (const page of pages) {
    const html = Deno.readTextFileSync(join(out, page));
    for (const m of html.matchAll(/"files\/([^"?#]+)/g)) {
      const path = decodeURIComponent(m[1]!);
      if (path.endsWith("/")) {
        const files = SERVER_FOLDERS[path];
        if (files === undefined) {
          throw new BookError(
            `Cannot copy the server folder files/${path} that ${page} loads from as the book ` +
              `does not know which of its files to copy: add it to SERVER_FOLDERS in scripts/book.ts`,
          );
        }
        for (const file of files) wanted.add(path + file);
      } else {
        wanted.add(path);
      }
    }
  }
  for (const path of wanted) {
    const source = join(root, path);
    if (relative(root, source).startsWith("..") || !exists(source)) {
      throw new BookError(
        `Cannot copy files/${path}, which a page's output loads, as ${source} does not exist ` +
          `in the course's folder`,
      );
    }
    await copyFile(source, join(out, "files", path));
  }
}

/** The size of a folder's files, in bytes. */
function sizeOf(path: string): number {
  let total = 0;
  for (const entry of Deno.readDirSync(path)) {
    const child = join(path, entry.name);
    total += entry.isDirectory ? sizeOf(child) : Deno.statSync(child).size;
  }
  return total;
}

const CONTENT_TYPES: Record<string, string> = {
  html: "text/html; charset=utf-8",
  css: "text/css; charset=utf-8",
  js: "text/javascript; charset=utf-8",
  mjs: "text/javascript; charset=utf-8",
  json: "application/json",
  ipynb: "application/x-ipynb+json",
  wasm: "application/wasm",
  png: "image/png",
  svg: "image/svg+xml",
  woff2: "font/woff2",
  onnx: "application/octet-stream",
};

/**
 * Serves a built book over HTTP on 127.0.0.1, as a static host does: a folder's `index.html`
 * for the folder, 404 for anything else that is not a file inside it.
 *
 * @param dir The book's folder
 * @param port The port (0 picks a free one)
 * @returns The server and the address it listens at (`http://127.0.0.1:PORT/`)
 */
export function serveBook(dir: string, port: number): { server: Deno.HttpServer; url: string } {
  if (!exists(join(dir, "index.html"))) {
    throw new BookError(
      `Cannot serve the book as ${dir} has no index.html: build it first with deno task book`,
    );
  }
  let url = "";
  const server = Deno.serve(
    { hostname: "127.0.0.1", port, onListen: () => {} },
    async (request) => {
      let path = decodeURIComponent(new URL(request.url).pathname);
      if (path.endsWith("/")) path += "index.html";
      const file = join(dir, path);
      if (relative(dir, file).startsWith("..")) return new Response("Not found", { status: 404 });
      try {
        const info = await Deno.stat(file);
        if (info.isDirectory) {
          return Response.redirect(new URL(`${new URL(request.url).pathname}/`, request.url), 301);
        }
        const type = CONTENT_TYPES[file.slice(file.lastIndexOf(".") + 1)] ??
          "application/octet-stream";
        const body = request.method === "HEAD" ? null : (await Deno.open(file)).readable;
        return new Response(body, {
          headers: { "content-type": type, "content-length": String(info.size) },
        });
      } catch (e) {
        if (e instanceof Deno.errors.NotFound) return new Response("Not found", { status: 404 });
        throw e;
      }
    },
  );
  url = `http://127.0.0.1:${server.addr.port}/`;
  return { server, url };
}

async function main(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      reuse: { type: "string" },
      out: { type: "string" },
      serve: { type: "boolean", default: false },
      port: { type: "string", default: "8000" },
      help: { type: "boolean", default: false },
    },
  });
  if (values.help) {
    console.log(
      "Usage: deno task book [--reuse DIR] [--out DIR]   builds the book (default build/book/)\n" +
        "       deno task book --serve [--out DIR] [--port N]   serves the built book\n" +
        "(see the header of scripts/book.ts)",
    );
    return 0;
  }
  const out = values.out === undefined ? join(ROOT, BOOK_DIR) : resolve(values.out);
  if (values.serve) {
    const port = Number(values.port);
    if (!Number.isInteger(port) || port < 0 || port > 65535) {
      throw new BookError(`Cannot serve the book as --port must be 0-65535: got "${values.port}"`);
    }
    const { url } = serveBook(out, port);
    console.log(`Serving the book from ${out} at ${url} (Ctrl+C stops it)`);
    return await new Promise<number>(() => {});
  }
  await buildBook({
    reuse: values.reuse === undefined ? null : resolve(values.reuse),
    out,
  });
  console.log(`Preview it with: deno task book --serve`);
  return 0;
}

if (import.meta.main) {
  try {
    Deno.exit(await main(Deno.args));
  } catch (e) {
    if (e instanceof BookError || e instanceof TypeError) {
      console.error(e.message);
      Deno.exit(1);
    }
    throw e;
  }
}
