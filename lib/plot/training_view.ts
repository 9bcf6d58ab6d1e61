import type { Callback, TrainEvent } from "../train/callback.ts";
import { checkNumber, checkOptions } from "../_check.ts";
import { blankCanvas, drawText, encodePng, PALETTE } from "./_canvas.ts";
import { drawFigure } from "./_figure_png.ts";
import { DISPLAY, type JupyterDisplay, jupyterDisplay, type MimeBundle } from "./_display.ts";
import { finiteRange } from "./_numbers.ts";
import { ImageDisplay } from "./image.ts";
import { fill, type Language, plotText } from "./language.ts";

/** Options of {@linkcode TrainingView}. */
export interface TrainingViewOptions {
  /** The title above the progress bar. @default {"Training"} */
  title?: string;
  /**
   * Least time between two updates of the picture during an epoch, in milliseconds (epoch ends
   * always update). Updates are also spaced so that drawing and sending the picture take at most
   * about 4% of the time (a redraw of about 20 ms: one update every half second).
   *
   * @default {250}
   */
  minIntervalMs?: number;
  /**
   * The language of the view's words: status, numbers' names, legend, axis titles.
   *
   * @default {"en"}
   */
  language?: Language;
  /**
   * Where the live picture goes. By default `Deno.jupyter.display` inside the Deno kernel
   * (looked up when training begins); outside it the view shows nothing while training, and
   * its picture when a cell ends with it.
   */
  display?: JupyterDisplay;
}

/** "1:05" or "1:02:05" for a number of milliseconds. */
function clock(ms: number): string {
  if (!Number.isFinite(ms) || ms < 0) return "–";
  const s = Math.round(ms / 1000);
  const [minutes, seconds] = [String(Math.floor(s / 60) % 60), String(s % 60).padStart(2, "0")];
  return s < 3600
    ? `${minutes}:${seconds}`
    : `${Math.floor(s / 3600)}:${minutes.padStart(2, "0")}:${seconds}`;
}

/** How far training is, from 0 to 1. */
function progress(e: TrainEvent): number {
  return Math.min(1, (e.epoch - 1 + e.step / Math.max(1, e.stepsPerEpoch)) / e.numEpochs);
}

let viewCount = 0;

/**
 * A live view of training: a progress bar (epoch, step, loss, accuracy, time left) above the loss
 * (on a log axis) and accuracy curves, redrawn in place while `fit()` runs. Pass it in `fit()`'s
 * `callbacks`.
 *
 * In the Deno kernel it is one PNG output updated in place (`display_id`, at most 4 updates a
 * second), so the saved notebook keeps the final picture and it shows everywhere, also
 * untrusted. `Deno.jupyter` is looked up when training begins, never at import; outside the
 * kernel the view shows nothing until it is displayed. Its words are English, or Chinese with
 * `language: "zh"`.
 *
 * Taught in `notebooks/08_mnist_mlp.ipynb`.
 *
 * @example What it shows after an epoch
 * ```ts
 * import { TrainingView } from "./training_view.ts";
 * import { mimeBundle } from "./display.ts";
 * import { match } from "node:assert/strict";
 *
 * const view = new TrainingView({ title: "XOR" });
 * const history = { epoch: [1], loss: [0.5], accuracy: [0.8], valLoss: [0.6], valAccuracy: [0.75], timeMs: [900] };
 * const event = { epoch: 1, numEpochs: 1, step: 10, stepsPerEpoch: 10, loss: 0.5, metrics: { accuracy: 0.8 }, elapsedMs: 900, history };
 * await view.onEpochEnd(event);
 * await view.onTrainEnd(event);
 * match(String(mimeBundle(view)["text/plain"]), /^XOR: done: 1 epoch\(s\) in 0:01, loss 0.5000, accuracy 80.00%, val loss 0.6000, val accuracy 75.00%$/);
 * ```
 */
export class TrainingView implements Callback {
  #options: TrainingViewOptions;
  #text: ReturnType<typeof plotText>;
  #display: JupyterDisplay | null = null;
  #displayId = "";
  #shown = false;
  #lastUpdate = -Infinity;
  #renderMs = 0;
  #minIntervalMs: number;
  #last: TrainEvent | null = null;
  #done = false;
  /** Each step's running loss and accuracy, `x` in epochs (epoch - 1 + step / stepsPerEpoch). */
  #steps: { x: number; loss: number; accuracy: number }[] = [];

  /**
   * Creates a view; pass it in `fit()`'s `callbacks`.
   *
   * @param options Title, update rate, language, where output goes
   * @throws {TypeError} When an option is unknown or minIntervalMs is not a number
   * @throws {RangeError} When minIntervalMs is negative or not finite
   */
  constructor(options: TrainingViewOptions = {}) {
    const action = "create training view";
    const known = ["title", "minIntervalMs", "language", "display"];
    this.#options = checkOptions(action, options, known);
    const ms = options.minIntervalMs ?? 250;
    this.#minIntervalMs = checkNumber(action, "minIntervalMs", ms, { min: 0 });
    this.#text = plotText(options.language, action);
  }

  /**
   * Starts a new view (a new output in Jupyter). Called by `fit()`.
   *
   * @param e Where training is (step 0)
   */
  onTrainBegin(e: TrainEvent): Promise<void> | void {
    this.#display = this.#options.display ?? jupyterDisplay();
    this.#displayId = `training-view-${++viewCount}`; // numbered: two runs give the same outputs
    [this.#shown, this.#steps, this.#done, this.#last, this.#lastUpdate] = [
      false,
      [],
      false,
      e,
      -Infinity,
    ];
    if (this.#display) return this.#show();
  }

  /**
   * Records the step; redraws if the last redraw is older than `minIntervalMs`.
   *
   * @param e Where training is
   * @returns A promise only when it redraws (so `fit()` awaits only then)
   */
  onBatchEnd(e: TrainEvent): Promise<void> | void {
    this.#last = e;
    const x = e.epoch - 1 + e.step / Math.max(1, e.stepsPerEpoch);
    this.#steps.push({ x, loss: e.loss, accuracy: e.metrics.accuracy ?? NaN });
    // At most one redraw per minIntervalMs, and redraws take at most ~4% of the time.
    const interval = Math.max(this.#minIntervalMs, 25 * this.#renderMs);
    if (this.#display && performance.now() - this.#lastUpdate >= interval) return this.#show();
  }

  /**
   * Redraws with the epoch's validation results.
   *
   * @param e Where training is, `history` holding the finished epoch
   */
  onEpochEnd(e: TrainEvent): Promise<void> | void {
    this.#last = e;
    if (this.#display) return this.#show();
  }

  /**
   * Draws the final state (kept in the saved notebook).
   *
   * @param e Where training ended
   */
  async onTrainEnd(e: TrainEvent): Promise<void> {
    [this.#last, this.#done] = [e, true];
    if (!this.#display) return;
    await this.#show();
    // The kernel can report the cell idle before its last output is published: a short pause
    // keeps the final picture under this cell (KERNEL.md).
    await new Promise((resolve) => setTimeout(resolve, 30));
  }

  /**
   * The current picture's MIME bundle (`image/png` and `text/plain`).
   *
   * @returns A MIME bundle
   */
  [DISPLAY](): MimeBundle {
    return this.#render()[DISPLAY]();
  }

  async #show(): Promise<void> {
    const start = performance.now();
    const update = this.#shown ? { update: true } : {};
    [this.#shown, this.#lastUpdate] = [true, start];
    await this.#display!(this[DISPLAY](), { raw: true, display_id: this.#displayId, ...update });
    this.#renderMs = performance.now() - start; // drawing and sending the picture
  }

  /** "loss 0.5000", "accuracy 80.00%", then the last epoch's validation loss and accuracy if known. */
  #numbers(loss: number | undefined, accuracy: number | undefined): string[] {
    const [t, h] = [this.#text, this.#last!.history];
    const parts = [
      [t.loss, loss, 1],
      [t.accuracy, accuracy, 100],
      [t.valLoss, h.valLoss.at(-1), 1],
      [t.valAccuracy, h.valAccuracy.at(-1), 100],
    ] as const;
    return parts.filter(([, v]) => Number.isFinite(v))
      .map(([name, v, scale]) =>
        `${name} ${scale === 1 ? v!.toFixed(4) : `${(100 * v!).toFixed(2)}%`}`
      );
  }

  /** "epoch 3/20 · step 100/391 · 13%", or "done: 20 epoch(s) in 1:05". */
  #status(): string {
    const [e, t] = [this.#last, this.#text];
    if (!e) return t.waiting;
    if (this.#done) {
      return fill(t.done, { count: e.history.epoch.length, time: clock(e.elapsedMs) });
    }
    return `${fill(t.epochOf, { epoch: e.epoch, count: e.numEpochs })} · ${
      fill(t.stepOf, { step: e.step, count: e.stepsPerEpoch })
    } · ${Math.floor(100 * progress(e))}%`;
  }

  #render(): ImageDisplay {
    const [e, t, width, pad, top] = [this.#last, this.#text, 820, 14, 96];
    const { canvas, ctx } = blankCanvas(width, top + 270);
    const numbers = e ? this.#numbers(e.loss, e.metrics.accuracy) : [];
    const fraction = e ? progress(e) : 0;
    const timing = e && !this.#done && fraction > 0
      ? fill(t.timing, {
        elapsed: clock(e.elapsedMs),
        left: clock((e.elapsedMs * (1 - fraction)) / fraction),
      })
      : "";

    // Title and status, time, progress bar, latest numbers, legend.
    const title = `${this.#options.title ?? t.training} · ${this.#status()}`;
    drawText(ctx, title, pad, 18, { size: 15, bold: true, maxWidth: width * 0.62 });
    drawText(ctx, timing, width - pad, 18, { align: "right" });
    const bar = [["#e9edf3", 1], [this.#done ? "#2ca02c" : "#1f77b4", fraction]] as const;
    for (const [color, part] of bar) {
      ctx.fillStyle = color;
      ctx.beginPath();
      ctx.roundRect(pad, 34, Math.max((width - 2 * pad) * part, 10), 20, 5);
      if (part > 0) ctx.fill();
    }
    drawText(ctx, numbers.join("   ·   "), pad, 74, {
      color: "#333333",
      maxWidth: width - 2 * pad,
    });
    const colors = [`${PALETTE[0]}66`, PALETTE[0]!, PALETTE[1]!]; // running, train, validation
    let x = pad;
    for (const [i, text] of [t.legendTrain, t.legendValidation, t.legendRunning].entries()) {
      ctx.fillStyle = colors[(i + 1) % 3]!;
      ctx.fillRect(x, top - 2, 22, 3);
      drawText(ctx, text, x + 28, top, { color: "#444444" });
      x += 52 + ctx.measureText(text).width;
    }

    // The curves: the running value within each epoch (every n-th step, light), train and
    // validation at epoch ends.
    const h = e?.history ?? { epoch: [], loss: [], accuracy: [], valLoss: [], valAccuracy: [] };
    const steps = this.#steps.filter((_, i, all) =>
      i % Math.ceil(all.length / 600) === 0 || i === all.length - 1
    );
    const hasAccuracy = [...h.accuracy, ...steps.map((s) => s.accuracy)].some((v) => v >= 0);
    // A panel's box reaches 24 px below the canvas: the legend's room, unused (no trace has a name).
    const panel = (left: number, title: string, lines: number[][], yaxis: object) =>
      drawFigure(
        ctx,
        { left, top, width: hasAccuracy ? width / 2 : width, height: 294 },
        lines.map((y, i) => ({
          mode: i === 0 ? "lines" : "lines+markers",
          x: i === 0 ? steps.map((s) => s.x) : h.epoch,
          y,
          line: { color: colors[i], width: i === 0 ? 1.5 : 2 },
        })),
        {
          title,
          xaxis: { title: t.epoch, range: [0, e?.numEpochs ?? 1] },
          yaxis,
        },
      );
    // The loss from half the lowest epoch-end loss (a running mean over an epoch's first batches
    // can dip far lower) to the highest loss, 4 decades at most.
    const [lowest] = finiteRange([...h.loss, ...h.valLoss].filter((v) => v > 0));
    const [, highest] = finiteRange([...h.loss, ...h.valLoss, ...steps.map((s) => s.loss)]);
    const lossRange = [Math.max(lowest / 2, highest * 1.2e-4), highest * 1.2].map(Math.log10);
    const loss = [steps.map((s) => s.loss), h.loss, h.valLoss];
    panel(0, t.lossLog, loss, { type: "log", ...(lowest > 0 ? { range: lossRange } : {}) });
    if (hasAccuracy) {
      const accuracy = [steps.map((s) => s.accuracy), h.accuracy, h.valAccuracy].map((a) =>
        a.map((v) => 100 * v)
      );
      // From just below the lowest epoch-end accuracy to 100%: the gap between train and
      // validation shows, where 0-100% would draw both flat against the top.
      const [lowestAccuracy] = finiteRange([...accuracy[1]!, ...accuracy[2]!]);
      const bottom = Math.max(0, lowestAccuracy - 0.1 * (100 - lowestAccuracy) - 0.5);
      panel(width / 2, t.accuracyPercent, accuracy, { range: [bottom || 0, 100] });
    }
    const description = `${this.#options.title ?? t.training}: ${
      [this.#status(), ...numbers, timing].filter(Boolean).join(", ")
    }`;
    return new ImageDisplay(encodePng(canvas), { width, height: top + 270, description });
  }
}

/**
 * A live training view to pass to `fit()`: `fit(model, data, { ..., callbacks: [trainingView()] })`.
 *
 * Taught in `notebooks/08_mnist_mlp.ipynb`.
 *
 * @param options Title, update rate, language, where output goes
 * @returns A {@linkcode TrainingView}
 * @throws {TypeError} When an option is unknown or minIntervalMs is not a number
 * @throws {RangeError} When minIntervalMs is negative or not finite
 *
 * @example Usage
 * ```ts
 * import { trainingView } from "./training_view.ts";
 * import { strictEqual } from "node:assert/strict";
 *
 * const view = trainingView({ title: "MNIST" });
 * strictEqual(typeof view.onBatchEnd, "function");
 * ```
 */
export function trainingView(options: TrainingViewOptions = {}): TrainingView {
  return new TrainingView(options);
}
