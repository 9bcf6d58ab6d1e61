// The types of the builders' inputs: numbers in any of the forms notebooks have them, and colour
// maps.

/**
 * Anything with a `toArray()` method, such as the course's `Tensor`. When it also has `shape` and
 * a flat `data` array of matching length (as `Tensor` does), those are read directly.
 */
export interface ToArray {
  /** The values as (nested) plain arrays. */
  toArray(): unknown;
  /** The shape, if known. */
  readonly shape?: readonly number[];
  /** The values, row-major, if available. */
  readonly data?: ArrayLike<number>;
}

/** A 1-D list of numbers: a plain array, a typed array, or a `Tensor` (anything with `toArray()`). */
export type NumberArray = ArrayLike<number> | ToArray;

/** A 2-D grid of numbers: nested arrays (`number[][]`, an array of typed arrays) or a `Tensor`. */
export type NumberGrid = ArrayLike<ArrayLike<number>> | ToArray;

/** Numbers of any shape: a 1-D, 2-D or 3-D (nested) array, a typed array or a `Tensor`. */
export type NumberInput =
  | ArrayLike<number>
  | ArrayLike<ArrayLike<number>>
  | ArrayLike<ArrayLike<ArrayLike<number>>>
  | ToArray;

/** Points in the plane: an `[N, 2]` grid (nested arrays or a tensor), or separate `x` and `y`. */
export type ScatterInput = NumberGrid | { x: NumberArray; y: NumberArray };

/** A plotly colour scale: stops from 0 to 1, each with a CSS colour. */
export type ColorScale = [number, string][];

/** Names of the colour maps the builders accept. */
export type ColorMapName = "viridis" | "blues" | "diverging" | "gray" | "grayReversed";

/** One plotly trace, as plotly.js takes it (`{ type: "scatter", x, y, ... }`). */
export type PlotlyTrace = Record<string, unknown>;

/** A plotly layout (`{ title, xaxis, yaxis, ... }`). */
export type PlotlyLayout = Record<string, unknown>;

/** The JSON plotly.js draws: traces, layout and display options. */
export interface FigureJson {
  /** The traces. */
  data: PlotlyTrace[];
  /** The layout. */
  layout: PlotlyLayout;
  /** plotly.js display options (`{ displaylogo: false }`). */
  config?: Record<string, unknown>;
}
