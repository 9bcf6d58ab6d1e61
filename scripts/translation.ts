/**
 * Keeps the Chinese edition (`notebooks/zh/`) in step with the English notebooks (`notebooks/`).
 *
 * Each cell of a Chinese notebook records, in its metadata, the English cell it translates and a
 * hash of that cell's source at the time of translation:
 *
 * ```json
 * "metadata": { "translates": { "id": "cell-05", "sha256": "3f2a9c1d0b7e4a21" } }
 * ```
 *
 * (`sha256` is the first 16 hex digits of the SHA-256 of the English cell's source.)
 * `tests/translation_sync_test.ts` fails when an English cell changed after its translation, when a
 * cell on either side has no counterpart, and when a Chinese code cell differs from its English
 * cell in anything but comments, the text of string and template literals, and the names of
 * object keys (a table's column headers). This script shows what changed and records a finished
 * translation:
 *
 *     deno task translation status [NOTEBOOK...]  # the Chinese cells out of step, and each English change
 *     deno task translation stamp NOTEBOOK...     # records the English cells' hashes, once translated
 *
 * `stamp` on a new translation (no cell records anything yet) pairs the cells in order, which
 * needs the same number of cells, of the same kinds. On an existing one it follows English cells
 * that moved (their ids are positions: `cell-05` is the fifth cell), pairs new cells in order, and
 * records the current hash of every English cell whose Chinese cell it lists as updated.
 *
 * @module
 */

import { basename, dirname, join, relative, resolve } from "node:path";
import { formatNotebookText } from "./percent.ts";

// ---------------------------------------------------------------------------------------------
// Notebooks

/** The metadata a Chinese cell carries: which English cell it translates, and that cell's hash. */
export interface Translates {
  /** The English cell's `id`. */
  id: string;
  /** The first 16 hex digits of the SHA-256 of the English cell's source, when translated. */
  sha256: string;
}

/** A notebook cell, as far as this script reads it. */
export interface Cell {
  cell_type: string;
  id?: string;
  metadata: { translates?: Translates; tags?: string[]; jupyter?: Record<string, unknown> };
  source: string[] | string;
}

/** A notebook, as far as this script reads it. */
export interface Notebook {
  cells: Cell[];
  [key: string]: unknown;
}

/** The folder of the Chinese edition, inside `notebooks/`. */
export const EDITION_DIR = "zh";

/** A cell's source as one string. */
export function sourceOf(cell: Cell): string {
  return Array.isArray(cell.source) ? cell.source.join("") : cell.source;
}

/**
 * The hash a Chinese cell records of its English cell: the first 16 hex digits of the SHA-256 of
 * the source, exactly as stored (no normalisation: any edit counts).
 *
 * @param source An English cell's source
 * @returns 16 lowercase hex digits
 *
 * @example Usage
 * ```ts
 * import { sourceHash } from "./translation.ts";
 * import { equal } from "node:assert/strict";
 *
 * equal(await sourceHash("abc"), "ba7816bf8f01cfea");
 * ```
 */
export async function sourceHash(source: string): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(source));
  return Array.from(new Uint8Array(digest).slice(0, 8), (b) => b.toString(16).padStart(2, "0"))
    .join("");
}

/** Where the English notebook of a Chinese one lives: `notebooks/zh/X.ipynb` → `notebooks/X.ipynb`. */
export function englishPathOf(chinesePath: string): string {
  const dir = dirname(resolve(chinesePath));
  if (basename(dir) !== EDITION_DIR) {
    throw new RangeError(
      `Cannot find the English notebook as a Chinese notebook must lie in notebooks/${EDITION_DIR}/: ${chinesePath} does not`,
    );
  }
  return join(dirname(dir), basename(chinesePath));
}

// ---------------------------------------------------------------------------------------------
// Tokens

/** One token of TypeScript source, as the comparison of code cells sees it. */
export type Token =
  | { kind: "code"; text: string; line: number }
  | { kind: "text"; holes: Token[][]; line: number; raw: string };

const IDENTIFIER_START = /[\p{L}_$]/u;
const IDENTIFIER_PART = /[\p{L}\p{N}_$\u200c\u200d]/u;
/** Operators, longest first (maximal munch). */
const PUNCTUATORS = [
  ">>>=",
  "...",
  "===",
  "!==",
  "**=",
  "<<=",
  ">>=",
  ">>>",
  "&&=",
  "||=",
  "??=",
  "=>",
  "==",
  "!=",
  "<=",
  ">=",
  "&&",
  "||",
  "??",
  "?.",
  "++",
  "--",
  "+=",
  "-=",
  "*=",
  "/=",
  "%=",
  "&=",
  "|=",
  "^=",
  "**",
  "<<",
  ">>",
];
/** Keywords after which a `/` starts a regular expression rather than a division. */
const BEFORE_REGEX = new Set([
  "return",
  "typeof",
  "instanceof",
  "in",
  "of",
  "new",
  "delete",
  "void",
  "throw",
  "case",
  "do",
  "else",
  "yield",
  "await",
]);

/**
 * Splits TypeScript source into the tokens that must match between an English code cell and its
 * translation. Comments and whitespace are dropped. A string literal, or a template literal with
 * the code of its `${}` holes, is one `text` token; a run of literals joined by `+` is one `text`
 * token too, so a translation may split or join a sentence's pieces. Everything else (names,
 * numbers, operators, regular expressions) is a `code` token. Trailing commas are dropped.
 *
 * @param source A code cell's source
 * @returns Its tokens, each with its 1-based line
 * @throws {SyntaxError} If a string, template, comment or regular expression is not closed
 *
 * @example Usage
 * ```ts
 * import { tokenize } from "./translation.ts";
 * import { deepStrictEqual } from "node:assert/strict";
 *
 * const tokens = tokenize('log("a" + `b ${x}`); // hi');
 * deepStrictEqual(tokens.map((t) => t.kind === "code" ? t.text : "TEXT"), ["log", "(", "TEXT", ")", ";"]);
 * ```
 */
export function tokenize(source: string): Token[] {
  const [tokens] = tokenizeFrom(source, 0, false, 1);
  return joinLiteralRuns(tokens);
}

/**
 * Reads tokens from `start` to the end, or, inside a template hole (`inHole`), to the `}` that
 * closes the hole. Returns the tokens, the position after the end, and the line reached.
 */
function tokenizeFrom(
  source: string,
  start: number,
  inHole: boolean,
  startLine: number,
): [Token[], number, number] {
  const tokens: Token[] = [];
  let i = start;
  let line = startLine;
  let braces = 0;
  const fail = (what: string): never => {
    throw new SyntaxError(`Cannot read the cell's code as ${what} on line ${line} is not closed`);
  };
  while (i < source.length) {
    const ch = source[i]!;
    if (ch === "\n") {
      line++;
      i++;
    } else if (/\s/.test(ch)) {
      i++;
    } else if (source.startsWith("//", i)) {
      while (i < source.length && source[i] !== "\n") i++;
    } else if (source.startsWith("/*", i)) {
      const end = source.indexOf("*/", i + 2);
      if (end < 0) fail("a /* comment");
      line += countNewlines(source.slice(i, end));
      i = end + 2;
    } else if (ch === '"' || ch === "'") {
      const from = i;
      i++;
      while (i < source.length && source[i] !== ch) {
        if (source[i] === "\n") fail("a string");
        i += source[i] === "\\" ? 2 : 1;
      }
      if (i >= source.length) fail("a string");
      i++;
      tokens.push({ kind: "text", holes: [], line, raw: source.slice(from, i) });
    } else if (ch === "`") {
      const from = i;
      const tokenLine = line;
      const holes: Token[][] = [];
      i++;
      for (;;) {
        if (i >= source.length) fail("a template literal");
        const c = source[i]!;
        if (c === "\\") {
          i += 2;
        } else if (c === "`") {
          i++;
          break;
        } else if (c === "$" && source[i + 1] === "{") {
          const [hole, end, endLine] = tokenizeFrom(source, i + 2, true, line);
          holes.push(joinLiteralRuns(hole));
          i = end;
          line = endLine;
        } else {
          if (c === "\n") line++;
          i++;
        }
      }
      tokens.push({ kind: "text", holes, line: tokenLine, raw: source.slice(from, i) });
    } else if (ch === "/" && regexAllowedAfter(tokens.at(-1), tokens.at(-2))) {
      const from = i;
      let inClass = false;
      i++;
      while (i < source.length && (source[i] !== "/" || inClass)) {
        if (source[i] === "\n") fail("a regular expression");
        if (source[i] === "\\") i++;
        else if (source[i] === "[") inClass = true;
        else if (source[i] === "]") inClass = false;
        i++;
      }
      if (i >= source.length) fail("a regular expression");
      i++;
      while (i < source.length && IDENTIFIER_PART.test(source[i]!)) i++; // flags
      tokens.push({ kind: "code", text: source.slice(from, i), line });
    } else if (IDENTIFIER_START.test(ch) || ch === "#") {
      const from = i;
      i++;
      while (i < source.length && IDENTIFIER_PART.test(source[i]!)) i++;
      tokens.push({ kind: "code", text: source.slice(from, i), line });
    } else if (/[0-9]/.test(ch) || (ch === "." && /[0-9]/.test(source[i + 1] ?? ""))) {
      const from = i;
      i++;
      while (i < source.length) {
        const c = source[i]!;
        if (/[0-9a-zA-Z_.]/.test(c)) i++;
        else if (
          (c === "+" || c === "-") && /[eE]/.test(source[i - 1]!) &&
          !/^0x/i.test(source.slice(from, i))
        ) i++;
        else break;
      }
      tokens.push({ kind: "code", text: source.slice(from, i), line });
    } else {
      if (inHole && ch === "}" && braces === 0) return [tokens, i + 1, line];
      if (ch === "{") braces++;
      if (ch === "}") braces--;
      const op = PUNCTUATORS.find((p) => source.startsWith(p, i)) ?? ch;
      tokens.push({ kind: "code", text: op, line });
      i += op.length;
    }
  }
  if (inHole) fail("a template literal's ${} hole");
  return [tokens, i, line];
}

function countNewlines(text: string): number {
  let n = 0;
  for (const c of text) if (c === "\n") n++;
  return n;
}

/** Whether a `/` after this token starts a regular expression (else it divides). */
function regexAllowedAfter(previous: Token | undefined, before: Token | undefined): boolean {
  if (previous === undefined) return true;
  if (previous.kind === "text") return false;
  const t = previous.text;
  if (BEFORE_REGEX.has(t)) return true;
  if (IDENTIFIER_PART.test(t[0]!) || t[0] === "#") return false; // a name or a number
  // `x! / 2`: a non-null assertion ends a value, as `)` and `]` do
  if (t === "!" && before !== undefined && !regexAllowedAfter(before, undefined)) return false;
  return !(t === ")" || t === "]" || t === "}");
}

/**
 * Joins each run of literals separated by `+` into one `text` token with all their holes, and
 * drops trailing commas (`f(a, b,)` is `f(a, b)`: `deno fmt` adds one when it breaks a long line).
 */
function joinLiteralRuns(tokens: Token[]): Token[] {
  const out: Token[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (token.kind === "code" && token.text === "," && CLOSING.has(codeText(tokens[i + 1]))) {
      continue;
    }
    if (token.kind !== "text") {
      out.push(token);
      continue;
    }
    const holes = [...token.holes];
    let raw = token.raw;
    while (
      tokens[i + 1]?.kind === "code" && (tokens[i + 1] as { text: string }).text === "+" &&
      tokens[i + 2]?.kind === "text"
    ) {
      const next = tokens[i + 2] as Token & { kind: "text" };
      holes.push(...next.holes);
      raw += ` + ${next.raw}`;
      i += 2;
    }
    out.push({ kind: "text", holes, line: token.line, raw });
  }
  return out;
}

const CLOSING = new Set([")", "]", "}"]);

function codeText(token: Token | undefined): string {
  return token?.kind === "code" ? token.text : "";
}

/** A token as a string, for comparing holes and for messages (literal text left out). */
function tokenKey(token: Token): string {
  if (token.kind === "code") return token.text;
  return `\`…${token.holes.map((h) => `\${${h.map(tokenKey).join(" ")}}`).sort().join("…")}…\``;
}

/** A token as the reader wrote it, for messages. */
function shown(token: Token | undefined): string {
  if (token === undefined) return "the end of the cell";
  const text = token.kind === "code" ? token.text : token.raw;
  return JSON.stringify(text.length > 60 ? `${text.slice(0, 57)}...` : text);
}

/** The sorted keys of a text token's holes: a translation may reorder them, not change them. */
function holeKeys(token: Token & { kind: "text" }): string[] {
  return token.holes.map((hole) => hole.map(tokenKey).join(" ")).sort();
}

function isCode(token: Token | undefined, text: string): boolean {
  return token?.kind === "code" && token.text === text;
}

/** Whether `tokens` hold `language: "zh"` from `at` on (the option that puts plots' own texts in Chinese). */
function isChineseOption(tokens: Token[], at: number): boolean {
  const value = tokens[at + 2];
  return isCode(tokens[at], "language") && isCode(tokens[at + 1], ":") && value?.kind === "text" &&
    value.holes.length === 0 && (value.raw === '"zh"' || value.raw === "'zh'");
}

function isName(token: Token | undefined): token is Token & { kind: "code" } {
  return token?.kind === "code" && (IDENTIFIER_START.test(token.text[0]!) || token.text[0] === "#");
}

/**
 * Compares an English code cell with its Chinese translation. They must be the same code: the
 * same tokens, where a `text` token (a literal, or literals joined by `+`) may hold any text but
 * the same `${}` holes (in any order, as Chinese word order needs). The other changes allowed are
 * renaming an object literal's key to a string, for a table's column header: `{ size: n }` may
 * become `{ "大小": n }`, and `{ size }` may become `{ "大小": size }`; and adding
 * `language: "zh"` to an options object, so that a plot's own texts are in Chinese.
 *
 * @param english The English cell's source
 * @param chinese The Chinese cell's source
 * @returns `null` when they match, else a sentence that says where they differ
 *
 * @example Usage
 * ```ts
 * import { compareCode } from "./translation.ts";
 * import { equal } from "node:assert/strict";
 *
 * equal(compareCode('log(`${n} steps`); // done', 'log(`${n} 步`); // 完成'), null);
 * equal(compareCode("log(n + 1);", "log(n + 2);"), 'line 1: the English has "1", the Chinese has "2"');
 * ```
 */
export function compareCode(english: string, chinese: string): string | null {
  let a: Token[];
  let b: Token[];
  try {
    a = tokenize(english);
  } catch (e) {
    return `the English cell cannot be read: ${(e as Error).message}`;
  }
  try {
    b = tokenize(chinese);
  } catch (e) {
    return `the Chinese cell cannot be read: ${(e as Error).message}`;
  }
  return compareTokens(a, b);
}

function compareTokens(a: Token[], b: Token[]): string | null {
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    const x = a[i];
    const y = b[j];
    const where = `line ${(y ?? x)?.line ?? 1}`;
    if (x?.kind === "text" && y?.kind === "text") {
      const [ka, kb] = [holeKeys(x), holeKeys(y)];
      if (ka.join("\n") !== kb.join("\n")) {
        return `${where}: the literal ${shown(y)} must hold the same \${} code as the English ${
          shown(x)
        } (English: ${ka.map((k) => `\${${k}}`).join(", ") || "none"}; Chinese: ${
          kb.map((k) => `\${${k}}`).join(", ") || "none"
        })`;
      }
      i++;
      j++;
      continue;
    }
    if (x?.kind === "code" && y?.kind === "code" && x.text === y.text) {
      i++;
      j++;
      continue;
    }
    // The library's own texts in Chinese: an options object may add `language: "zh"`.
    if (isCode(y, ",") && isChineseOption(b, j + 1)) {
      j += 4;
      continue;
    }
    if (isCode(b[j - 1], "{") && isChineseOption(b, j) && isCode(b[j + 3], ",")) {
      j += 4;
      continue;
    }
    // An object key renamed to a string: `{ size: n }` → `{ "大小": n }`.
    const afterKeyStart = (t: Token | undefined) => isCode(t, "{") || isCode(t, ",");
    if (
      isName(x) && y?.kind === "text" && y.holes.length === 0 && afterKeyStart(a[i - 1]) &&
      afterKeyStart(b[j - 1])
    ) {
      // `{ size: n }` → `{ "大小": n }`
      if (isCode(a[i + 1], ":") && isCode(b[j + 1], ":")) {
        i++;
        j++;
        continue;
      }
      // `{ size }` → `{ "大小": size }`
      if (
        (isCode(a[i + 1], ",") || isCode(a[i + 1], "}")) && isCode(b[j + 1], ":") &&
        isCode(b[j + 2], x.text)
      ) {
        i++;
        j += 3;
        continue;
      }
    }
    return `${where}: the English has ${shown(x)}, the Chinese has ${shown(y)}`;
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// Checking a notebook

/** One way a Chinese notebook is out of step with its English notebook. */
export interface SyncProblem {
  /** The Chinese cell's 1-based position, or null for an English cell without a translation. */
  cell: number | null;
  /** The English cell's id, when known. */
  englishId: string | null;
  /** What is wrong, in a sentence. */
  message: string;
  /** The English cell changed since its translation (the rest of the cell may be fine). */
  stale: boolean;
}

/** First line of a cell, for messages. */
function firstLine(source: string): string {
  const line = source.split("\n").find((l) => l.trim() !== "") ?? "";
  return JSON.stringify(line.length > 50 ? `${line.slice(0, 47)}...` : line);
}

const HAN = /\p{Script=Han}/u;

/**
 * Compares a Chinese notebook with its English notebook cell by cell.
 *
 * @param english The English notebook
 * @param chinese The Chinese notebook
 * @returns Every problem found (none: in step)
 */
export async function syncProblems(english: Notebook, chinese: Notebook): Promise<SyncProblem[]> {
  const problems: SyncProblem[] = [];
  const byId = new Map(
    english.cells.map((cell, index) => [cell.id ?? `#${index}`, { cell, index }]),
  );
  const claimed = new Map<string, number>();
  let lastIndex = -1;
  for (const [position, cell] of chinese.cells.entries()) {
    const n = position + 1;
    const where = `cell ${n} (${firstLine(sourceOf(cell))})`;
    const t = cell.metadata.translates;
    if (t === undefined || typeof t.id !== "string" || typeof t.sha256 !== "string") {
      problems.push({
        cell: n,
        englishId: null,
        stale: false,
        message:
          `${where} records no English cell it translates (metadata "translates": {"id", "sha256"}): ` +
          "run deno task translation stamp on the notebook",
      });
      continue;
    }
    const found = byId.get(t.id);
    if (found === undefined) {
      problems.push({
        cell: n,
        englishId: t.id,
        stale: false,
        message:
          `${where} translates English cell ${t.id}, which the English notebook does not have`,
      });
      continue;
    }
    if (claimed.has(t.id)) {
      problems.push({
        cell: n,
        englishId: t.id,
        stale: false,
        message: `${where} translates English cell ${t.id}, as cell ${claimed.get(t.id)} does`,
      });
      continue;
    }
    claimed.set(t.id, n);
    const { cell: en, index } = found;
    if (index < lastIndex) {
      problems.push({
        cell: n,
        englishId: t.id,
        stale: false,
        message: `${where} translates English cell ${t.id}, which comes before the English cell ` +
          "the previous Chinese cell translates: the cells must keep the English order",
      });
    }
    lastIndex = Math.max(lastIndex, index);
    const enSource = sourceOf(en);
    const enWhere = `English cell ${t.id} (${firstLine(enSource)})`;
    if (await sourceHash(enSource) !== t.sha256) {
      problems.push({
        cell: n,
        englishId: t.id,
        stale: true,
        message: `${where}: ${enWhere} changed after it was translated; update the translation, ` +
          "then run deno task translation stamp (deno task translation status shows the change)",
      });
    }
    if (en.cell_type !== cell.cell_type) {
      problems.push({
        cell: n,
        englishId: t.id,
        stale: false,
        message: `${where} is a ${cell.cell_type} cell, but ${enWhere} is a ${en.cell_type} cell`,
      });
      continue;
    }
    const [tagsEn, tagsZh] = [en.metadata.tags ?? [], cell.metadata.tags ?? []];
    if (JSON.stringify(tagsEn) !== JSON.stringify(tagsZh)) {
      problems.push({
        cell: n,
        englishId: t.id,
        stale: false,
        message: `${where} has tags ${JSON.stringify(tagsZh)}, ${enWhere} has ${
          JSON.stringify(tagsEn)
        }`,
      });
    }
    const hidden = (c: Cell) => c.metadata.jupyter?.source_hidden === true;
    if (hidden(en) !== hidden(cell)) {
      problems.push({
        cell: n,
        englishId: t.id,
        stale: false,
        message: `${where} ${hidden(cell) ? "is" : "is not"} collapsed (jupyter.source_hidden), ` +
          `${enWhere} ${hidden(en) ? "is" : "is not"}`,
      });
    }
    if (cell.cell_type === "code") {
      const difference = compareCode(enSource, sourceOf(cell));
      if (difference !== null) {
        problems.push({
          cell: n,
          englishId: t.id,
          stale: false,
          message: `${where} is not the same code as ${enWhere}: ${difference}`,
        });
      }
    } else if (cell.cell_type === "markdown" && !HAN.test(sourceOf(cell))) {
      problems.push({
        cell: n,
        englishId: t.id,
        stale: false,
        message: `${where} has no Chinese in it: translate ${enWhere}`,
      });
    }
  }
  for (const [index, cell] of english.cells.entries()) {
    const id = cell.id ?? `#${index}`;
    if (!claimed.has(id)) {
      problems.push({
        cell: null,
        englishId: id,
        stale: false,
        message: `English cell ${id} (${firstLine(sourceOf(cell))}) has no Chinese translation`,
      });
    }
  }
  return problems;
}

// ---------------------------------------------------------------------------------------------
// Stamping

/** What `stamp` did to one notebook. */
export interface StampReport {
  /** Lines saying what changed ("cell 5: now translates cell-06 (the English cell moved)"). */
  changes: string[];
}

/**
 * Records, in a Chinese notebook, which English cell each cell translates and the current hash of
 * that English cell. A translation with no record yet is paired in order. Otherwise, a cell whose
 * English cell changed is taken to follow it when exactly one other unclaimed English cell has the
 * recorded hash (the English cell moved); cells without a record are paired in order with the
 * English cells no other cell claims; and every remaining cell gets the current hash of its English
 * cell, which says "this translation is up to date": run it after updating the translation.
 *
 * @param english The English notebook
 * @param chinese The Chinese notebook, changed in place
 * @returns What changed
 * @throws {RangeError} If cells without a record cannot be paired in order (different counts or kinds)
 */
export async function stamp(english: Notebook, chinese: Notebook): Promise<StampReport> {
  const changes: string[] = [];
  const hashes = await Promise.all(english.cells.map((c) => sourceHash(sourceOf(c))));
  const ids = english.cells.map((c, i) => c.id ?? `#${i}`);
  // 1. follow English cells that moved
  const claimed = new Set<string>();
  for (const cell of chinese.cells) {
    const t = cell.metadata.translates;
    if (t === undefined) continue;
    const index = ids.indexOf(t.id);
    if (index >= 0 && hashes[index] === t.sha256) claimed.add(t.id);
  }
  for (const [position, cell] of chinese.cells.entries()) {
    const t = cell.metadata.translates;
    if (t === undefined) continue;
    const index = ids.indexOf(t.id);
    if (index >= 0 && hashes[index] === t.sha256) continue;
    const matches = ids.filter((id, k) => hashes[k] === t.sha256 && !claimed.has(id));
    if (matches.length === 1) {
      changes.push(
        `cell ${position + 1}: now translates ${matches[0]} (was ${t.id}: the English cell moved)`,
      );
      t.id = matches[0]!;
      claimed.add(t.id);
    }
  }
  // 2. pair cells without a record, in order, with the English cells nobody claims
  const unpaired = chinese.cells.map((c, k) => [c, k] as const).filter(([c]) =>
    c.metadata.translates === undefined
  );
  if (unpaired.length > 0) {
    const taken = new Set(
      chinese.cells.map((c) => c.metadata.translates?.id).filter((id) => id !== undefined),
    );
    const free = english.cells.map((c, k) => [c, k] as const).filter(([, k]) =>
      !taken.has(ids[k]!)
    );
    const kinds = (cells: (readonly [Cell, number])[]) =>
      cells.map(([c]) => c.cell_type).join(", ");
    if (free.length !== unpaired.length || kinds(free) !== kinds(unpaired)) {
      throw new RangeError(
        `Cannot pair the Chinese cells without a record in order as their kinds must match the unclaimed English cells: ` +
          `Chinese cells ${unpaired.map(([, k]) => k + 1).join(", ")} are [${kinds(unpaired)}], ` +
          `unclaimed English cells ${free.map(([, k]) => ids[k]).join(", ")} are [${kinds(free)}]`,
      );
    }
    unpaired.forEach(([cell, k], m) => {
      const englishIndex = free[m]![1];
      cell.metadata = {
        ...cell.metadata,
        translates: { id: ids[englishIndex]!, sha256: hashes[englishIndex]! },
      };
      changes.push(`cell ${k + 1}: translates ${ids[englishIndex]} (paired in order)`);
    });
  }
  // 3. record the current hash of every English cell
  for (const [position, cell] of chinese.cells.entries()) {
    const t = cell.metadata.translates!;
    const index = ids.indexOf(t.id);
    if (index < 0) {
      changes.push(
        `cell ${
          position + 1
        }: translates ${t.id}, which the English notebook does not have (left as is)`,
      );
    } else if (hashes[index] !== t.sha256) {
      changes.push(`cell ${position + 1}: translation of ${t.id} marked up to date`);
      t.sha256 = hashes[index]!;
    }
  }
  return { changes };
}

// ---------------------------------------------------------------------------------------------
// Showing what changed

/** A line diff of two texts: unchanged lines start with "  ", removed "- ", added "+ ". */
export function lineDiff(before: string, after: string): string[] {
  const a = before.split("\n");
  const b = after.split("\n");
  // longest common subsequence, by dynamic programming (cells are short)
  const lcs = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      lcs[i]![j] = a[i] === b[j]
        ? lcs[i + 1]![j + 1]! + 1
        : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
    }
  }
  const out: string[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) {
      out.push(`  ${a[i]}`);
      i++;
      j++;
    } else if (j < b.length && (i >= a.length || lcs[i]![j + 1]! >= lcs[i + 1]![j]!)) {
      out.push(`+ ${b[j]}`);
      j++;
    } else {
      out.push(`- ${a[i]}`);
      i++;
    }
  }
  return out;
}

async function git(args: string[], cwd: string): Promise<string | null> {
  const { success, stdout } = await new Deno.Command("git", {
    args,
    cwd,
    stdout: "piped",
    stderr: "null",
  })
    .output();
  return success ? new TextDecoder().decode(stdout) : null;
}

/**
 * The English source a Chinese cell was translated from, found in the English notebook's git
 * history by its hash, or null when no commit holds it.
 */
async function translatedSource(
  englishPath: string,
  sha256: string,
  id: string,
): Promise<string | null> {
  const cwd = dirname(englishPath);
  const top = (await git(["rev-parse", "--show-toplevel"], cwd))?.trim();
  if (!top) return null;
  const path = relative(top, englishPath);
  const commits =
    (await git(["log", "--format=%H", "-n", "200", "--", path], top))?.split("\n").filter(
      Boolean,
    ) ?? [];
  for (const commit of commits) {
    const text = await git(["show", `${commit}:${path}`], top);
    if (text === null) continue;
    const cells = (JSON.parse(text) as Notebook).cells;
    const ordered = [...cells.filter((c) => c.id === id), ...cells.filter((c) => c.id !== id)];
    for (const cell of ordered) {
      if (await sourceHash(sourceOf(cell)) === sha256) return sourceOf(cell);
    }
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// Command line

async function readNotebook(path: string): Promise<Notebook> {
  return JSON.parse(await Deno.readTextFile(path)) as Notebook;
}

/** The Chinese notebooks named on the command line, or all of them. */
async function chineseNotebooks(args: string[], root: string): Promise<string[]> {
  if (args.length > 0) return args.map((a) => resolve(a));
  const dir = join(root, "notebooks", EDITION_DIR);
  const paths: string[] = [];
  for await (const entry of Deno.readDir(dir)) {
    if (entry.isFile && entry.name.endsWith(".ipynb")) paths.push(join(dir, entry.name));
  }
  return paths.sort();
}

async function status(paths: string[], root: string): Promise<number> {
  let outOfStep = 0;
  for (const path of paths) {
    const englishPath = englishPathOf(path);
    const english = await readNotebook(englishPath);
    const chinese = await readNotebook(path);
    const problems = await syncProblems(english, chinese);
    const name = relative(root, path);
    if (problems.length === 0) {
      console.log(`${name}: in step with ${relative(root, englishPath)}`);
      continue;
    }
    outOfStep += problems.length;
    console.log(`${name}: ${problems.length} problem${problems.length === 1 ? "" : "s"}`);
    for (const problem of problems) {
      console.log(`  ${problem.message}`);
      if (!problem.stale || problem.cell === null) continue;
      const t = chinese.cells[problem.cell - 1]!.metadata.translates!;
      const now = sourceOf(english.cells.find((c) => c.id === t.id)!);
      const before = await translatedSource(englishPath, t.sha256, t.id);
      if (before === null) {
        console.log("    (the translated English text is not in git's history: compare by hand)");
        continue;
      }
      console.log("    What changed in the English cell since it was translated (- then, + now):");
      for (const line of lineDiff(before, now)) {
        if (!line.startsWith("  ")) console.log(`    ${line}`);
      }
    }
  }
  return outOfStep === 0 ? 0 : 1;
}

async function stampCommand(paths: string[], root: string): Promise<number> {
  for (const path of paths) {
    const english = await readNotebook(englishPathOf(path));
    const chinese = await readNotebook(path);
    const { changes } = await stamp(english, chinese);
    if (changes.length === 0) {
      console.log(`${relative(root, path)}: nothing to record`);
      continue;
    }
    await Deno.writeTextFile(
      path,
      await formatNotebookText(JSON.stringify(chinese, null, 1) + "\n"),
    );
    console.log(`${relative(root, path)}:`);
    for (const change of changes) console.log(`  ${change}`);
  }
  return 0;
}

async function main(args: string[]): Promise<number> {
  const root = resolve(new URL("..", import.meta.url).pathname);
  const [command, ...rest] = args;
  if (command === "status") return await status(await chineseNotebooks(rest, root), root);
  if (command === "stamp" && rest.length > 0) {
    return await stampCommand(await chineseNotebooks(rest, root), root);
  }
  console.error(
    "Usage: deno task translation status [notebooks/zh/NN_name.ipynb ...]\n" +
      "       deno task translation stamp notebooks/zh/NN_name.ipynb ...",
  );
  return 2;
}

if (import.meta.main) Deno.exit(await main(Deno.args));
