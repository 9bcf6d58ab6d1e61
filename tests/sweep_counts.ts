// Counts how a library checkout answers the bad-input sweep (tests/_sweep_cases.ts):
//
//   deno run -A tests/sweep_counts.ts                   # this checkout
//   deno run -A tests/sweep_counts.ts /tmp/old-checkout # another one (its lib/mod.ts)
//   deno run -A tests/sweep_counts.ts DIR --cases       # and one line per case
//
// A bad input's answer is
// - clear: it throws the expected class (TypeError or RangeError) with a message in the
//   library's form "Cannot <action> as <requirement>: <current state>";
// - unclear: it throws something else: a raw JavaScript message such as "Cannot read
//   properties of undefined" (counted apart), the wrong class, a message not in the form;
// - silent: it returns (or its promise resolves) without an error.
// It also counts how many clear errors hold the exact fragment the sweep test requires today.
// An accepted form's answer is correct, wrong (a value, but not the right one) or an error.
import { ACCEPTED_CASES, attempt, ERROR_CASES, type Lib } from "./_sweep_cases.ts";

const FORM = /^Cannot .+ as .+: .+/s;

const args = Deno.args.filter((a) => !a.startsWith("--"));
const root = args[0] === undefined
  ? new URL("../", import.meta.url)
  : new URL(`file://${Deno.realPathSync(args[0])}/`);
const perCase = Deno.args.includes("--cases");
const lib = await import(new URL("lib/mod.ts", root).href) as Lib;

/** Messages of the JavaScript engine itself, not of the library. */
const RAW = /^Cannot (read|destructure|set) |is not (a function|iterable)|must be an ArrayBuffer/;

const counts = { clear: 0, unclear: 0, silent: 0, fragment: 0, raw: 0 };
for (const c of ERROR_CASES) {
  const outcome = await attempt(c.run, lib);
  let verdict: "clear" | "unclear" | "silent";
  let detail = "";
  if (!outcome.threw) {
    verdict = "silent";
  } else {
    const error = outcome.error as Error;
    const name = error?.constructor?.name ?? typeof error;
    const message = String(error?.message ?? error);
    verdict = name === c.error && FORM.test(message) ? "clear" : "unclear";
    if (verdict === "unclear" && RAW.test(message)) counts.raw++;
    if (verdict === "clear" && message.includes(c.message)) counts.fragment++;
    detail = `${name}: ${message.split("\n")[0]!.slice(0, 140)}`;
  }
  counts[verdict]++;
  if (perCase) {
    console.log(`${verdict.padEnd(7)} ${c.input}${detail === "" ? "" : `\n          ${detail}`}`);
  }
}

const accepted = { correct: 0, wrong: 0, error: 0 };
for (const c of ACCEPTED_CASES) {
  const outcome = await attempt(c.run, lib);
  const verdict = outcome.threw ? "error" : c.check(outcome.value) ? "correct" : "wrong";
  accepted[verdict]++;
  if (perCase) console.log(`${verdict.padEnd(7)} ${c.input}`);
}

console.log(`library: ${new URL("lib/", root).pathname}`);
console.log(
  `${ERROR_CASES.length} bad inputs: ${counts.clear} clear errors (${counts.fragment} with today's exact fragment), ${counts.unclear} unclear errors (${counts.raw} of them raw JavaScript messages), ${counts.silent} silent`,
);
console.log(
  `${ACCEPTED_CASES.length} accepted forms and PyTorch numerics: ${accepted.correct} correct, ${accepted.wrong} silently wrong, ${accepted.error} errors`,
);
