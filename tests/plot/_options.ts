// The options check every drawing shares (lib/_check.ts's checkOptions): a misspelt option is a
// TypeError naming it and every known option, and every documented option is accepted.
import { deepStrictEqual, ok, strictEqual } from "../_helpers.ts";
import type { PlotOptions } from "../../lib/plot/mod.ts";

/**
 * Checks how `draw` treats its options. `all` gives a valid value to every key of the options
 * interface: type it `Required<XOptions>`, so that a key added to the interface but missing here
 * fails `deno check`. Asserts that `draw(all)` works, that the error for `{ [typo]: 1 }` lists
 * exactly the keys of `all` as known (in any order) and names `typo`, and that a non-object
 * options is a TypeError too.
 */
export function assertOptionsChecked(
  action: string,
  typo: string,
  draw: (options: never) => unknown,
  all: object,
): void {
  draw(all as never); // every documented option is accepted
  const error = caught(() => draw({ [typo]: 1 } as never));
  const start = `Cannot ${action} as every option must be one of `;
  const end = `: ${typo} is not`;
  ok(error.message.startsWith(start) && error.message.endsWith(end), error.message);
  const known = error.message.slice(start.length, -end.length).split(", ");
  deepStrictEqual(known.toSorted(), Object.keys(all).toSorted());
  const notObject = caught(() => draw("title" as never));
  strictEqual(
    notObject.message,
    `Cannot ${action} as options must be an object { ${
      known.join(", ")
    } }: current value is the string "title"`,
  );
}

function caught(f: () => unknown): Error {
  try {
    f();
  } catch (error) {
    ok(error instanceof TypeError, `expected a TypeError, got ${error}`);
    return error;
  }
  throw new Error("expected a TypeError, nothing was thrown");
}

/** A valid value for every key of `PlotOptions`, which every plot builder takes. */
export const ALL_PLOT_OPTIONS: Required<PlotOptions> = {
  title: "t",
  xLabel: "x",
  yLabel: "y",
  width: 400,
  height: 300,
  layout: { showlegend: false },
  traces: [],
  language: "zh",
};
