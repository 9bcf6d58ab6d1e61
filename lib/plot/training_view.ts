import type { Callback, TrainEvent } from "../train/callback.ts";
import {
  DISPLAY,
  type Displayable,
  type JupyterDisplay,
  jupyterDisplay,
  type MimeBundle,
} from "./_display.ts";
import { blankCanvas, encodePng, fitText, font } from "./_canvas.ts";
import { PALETTE } from "./_colors.ts";
import { finiteRange, thinIndices } from "./_numbers.ts";
import { LOG_AXIS } from "./_layout.ts";
import { drawFigure } from "./_static_figure.ts";
import { ImageDisplay } from "./image.ts";

/** Options of {@linkcode TrainingView}. */
export interface TrainingViewOptions {
  /**
   * The title above the progress bar.
   *
   * @default {"Training"}
   */
  title?: string;
  /**
   * Least time between two updates of the picture during an epoch, in milliseconds (epoch ends
   * always update). Updates are also spaced so that drawing takes at most about a tenth of the
   * time.
   *
   * @default {100}
   */
  minIntervalMs?: number;
  /**
   * Width of the picture in pixels.
   *
   * @default {820}
   */
  width?: number;
  /**
   * Logarithmic loss axis: a validation loss that creeps up from 0.07 to 0.12 stays visible
   * beside a training loss that started at 2.3.
   *
   * @default {true}
   */
  logLoss?: boolean;
  /**
   * Where the live picture goes. By default `Deno.jupyter.display` inside the Deno kernel
   * (looked up when training begins); outside it, the view prints one line per epoch instead.
   */
  display?: JupyterDisplay;
  /**
   * Where the plain-text lines go outside Jupyter.
   *
   * @default {console.log}
   */
  log?: (line: string) => void;
}

/** "1:05" or "1:02:05" for a number of milliseconds. */
function clock(ms: number): string {
  if (!Number.isFinite(ms) || ms < 0) return "–";
  const s = Math.round(ms / 1000);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = String(s % 60).padStart(2, "0");
  return h > 0 ? `${h}:${String(m).padStart(2, "0")}:${sec}` : `${m}:${sec}`;
}

function percent(v: number | undefined): string {
  return v === undefined || !Number.isFinite(v) ? "–" : `${(100 * v).toFixed(2)}%`;
}

function lossText(v: number | undefined): string {
  return v === undefined || !Number.isFinite(v) ? "–" : v.toFixed(4);
}

/** How far training is, from 0 to 1. */
function progress(e: TrainEvent): number {
  return Math.min(1, (e.epoch - 1 + e.step / Math.max(1, e.stepsPerEpoch)) / e.numEpochs);
}

/** Estimated time left, in milliseconds, from the time so far. */
function timeLeft(e: TrainEvent): number {
  const fraction = progress(e);
  return fraction > 0 ? (e.elapsedMs * (1 - fraction)) / fraction : NaN;
}

/** "loss 0.5000", "accuracy 80.00%", then the last epoch's validation loss and accuracy if known. */
function latestNumbers(e: TrainEvent, loss = e.loss, accuracy = e.metrics.accuracy): string[] {
  const i = e.history.epoch.length - 1;
  const parts = [
    ["loss", lossText(loss)],
    ["accuracy", percent(accuracy)],
    ["val loss", lossText(e.history.valLoss[i])],
    ["val accuracy", percent(e.history.valAccuracy[i])],
  ];
  return parts.filter(([, v]) => v !== "–").map(([name, v]) => `${name} ${v}`);
}

let viewCount = 0;

/** One step's running loss and accuracy, `x` in epochs (epoch - 1 + step / stepsPerEpoch). */
interface Step {
  x: number;
  loss: number;
  accuracy: number;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * A live view of training: a progress bar (epoch, step, loss, accuracy, time left) above the loss
 * and accuracy curves, redrawn in place while `fit()` runs. Pass it in `fit()`'s `callbacks`.
 *
 * In the Deno kernel it is one PNG output updated in place (`display_id`, at most about 10
 * updates a second), so the saved notebook keeps the final picture and it shows everywhere, also
 * untrusted. Elsewhere (`deno run`, `deno test`) it prints one line per epoch. `Deno.jupyter`
 * is looked up when training begins, never at import.
 *
 * Taught in `notebooks/08_mnist_mlp.ipynb`.
 *
 * @example Outside Jupyter: one line per epoch
 * ```ts
 * import { TrainingView } from "./training_view.ts";
 * import { match } from "node:assert/strict";
 *
 * const lines: string[] = [];
 * const view = new TrainingView({ log: (line) => lines.push(line) });
 * const history = { epoch: [1], loss: [0.5], accuracy: [0.8], valLoss: [0.6], valAccuracy: [0.75], timeMs: [900] };
 * const event = { epoch: 1, numEpochs: 1, step: 10, stepsPerEpoch: 10, loss: 0.5, metrics: { accuracy: 0.8 }, elapsedMs: 900, history };
 * await view.onTrainBegin({ ...event, step: 0, history: { epoch: [], loss: [], accuracy: [], valLoss: [], valAccuracy: [], timeMs: [] } });
 * await view.onEpochEnd(event);
 * await view.onTrainEnd(event);
 * match(lines[1]!, /epoch 1\/1 +loss 0.5000 +accuracy 80.00% +val loss 0.6000 +val accuracy 75.00%/);
 * ```
 */
export class TrainingView implements Callback, Displayable {
  #options: TrainingViewOptions;
  #display: JupyterDisplay | null = null;
  #displayId = "";
  #shown = false;
  #lastUpdate = -Infinity;
  #renderMs = 0;
  #last: TrainEvent | null = null;
  #done = false;
  /** Per-step running loss and accuracy, x in epochs (epoch - 1 + step / stepsPerEpoch). */
  #steps: Step[] = [];

  /**
   * Creates a view; pass it in `fit()`'s `callbacks`.
   *
   * @param options Title, update rate, size, where output goes
   */
  constructor(options: TrainingViewOptions = {}) {
    this.#options = options;
  }

  /**
   * Starts a new view (a new output in Jupyter). Called by `fit()`.
   *
   * @param e Where training is (step 0)
   */
  onTrainBegin(e: TrainEvent): Promise<void> | void {
    this.#display = this.#options.display ?? jupyterDisplay();
    // Numbered, not random: two runs of a notebook give the same outputs.
    this.#displayId = `training-view-${++viewCount}`;
    this.#shown = false;
    this.#steps = [];
    this.#done = false;
    this.#last = e;
    this.#lastUpdate = -Infinity;
    if (!this.#display) {
      this.#log(
        `${this.#options.title ?? "Training"}: ${e.numEpochs} epochs of ${e.stepsPerEpoch} steps`,
      );
      return;
    }
    return this.#show(true);
  }

  /**
   * Records the step; redraws if the last redraw is older than `minIntervalMs`.
   *
   * @param e Where training is
   * @returns A promise only when it redraws (so `fit()` awaits only then)
   */
  onBatchEnd(e: TrainEvent): Promise<void> | void {
    this.#last = e;
    this.#steps.push({
      x: e.epoch - 1 + e.step / Math.max(1, e.stepsPerEpoch),
      loss: e.loss,
      accuracy: e.metrics.accuracy ?? NaN,
    });
    if (!this.#display) return;
    // At most one redraw per minIntervalMs, and redraws take at most ~10% of the time.
    const interval = Math.max(this.#options.minIntervalMs ?? 100, 10 * this.#renderMs);
    if (performance.now() - this.#lastUpdate < interval) return;
    return this.#show(false);
  }

  /**
   * Redraws with the epoch's validation results, or prints the epoch's line outside Jupyter.
   *
   * @param e Where training is, `history` holding the finished epoch
   */
  onEpochEnd(e: TrainEvent): Promise<void> | void {
    this.#last = e;
    if (!this.#display) {
      const h = e.history;
      const i = h.epoch.length - 1;
      const epoch = `epoch ${String(e.epoch).padStart(String(e.numEpochs).length)}/${e.numEpochs}`;
      const numbers = latestNumbers(e, h.loss[i], h.accuracy[i]);
      this.#log([epoch, ...numbers, clock(e.elapsedMs)].join("  "));
      return;
    }
    return this.#show(false);
  }

  /**
   * Draws the final state (kept in the saved notebook), or prints a summary line.
   *
   * @param e Where training ended
   */
  async onTrainEnd(e: TrainEvent): Promise<void> {
    this.#last = e;
    this.#done = true;
    if (!this.#display) {
      this.#log(`done: ${e.history.epoch.length} epochs in ${clock(e.elapsedMs)}`);
      return;
    }
    await this.#show(false);
    // The kernel can report the cell idle before its last output is published: a short pause
    // keeps the final picture under this cell (KERNEL.md).
    await sleep(30);
  }

  /**
   * The current picture: progress bar and curves.
   *
   * @returns A PNG picture that displays itself in a notebook
   */
  render(): ImageDisplay {
    return this.#render();
  }

  /**
   * The current picture's MIME bundle (`image/png` and `text/plain`).
   *
   * @returns A MIME bundle
   */
  [DISPLAY](): MimeBundle {
    return this.#render()[DISPLAY]();
  }

  #log(line: string): void {
    (this.#options.log ?? console.log)(line);
  }

  async #show(first: boolean): Promise<void> {
    const display = this.#display;
    if (!display) return;
    const start = performance.now();
    const bundle = this.#render()[DISPLAY]();
    this.#renderMs = performance.now() - start;
    const update = !first && this.#shown;
    this.#shown = true;
    this.#lastUpdate = performance.now();
    await display(bundle, {
      raw: true,
      display_id: this.#displayId,
      ...(update ? { update } : {}),
    });
  }

  /** "epoch 3/20 · step 100/391 · 13%", or "done: 20 epoch(s) in 1:05". */
  #status(separator: string): string {
    const e = this.#last;
    if (!e) return "waiting to start";
    if (this.#done) return `done: ${e.history.epoch.length} epoch(s) in ${clock(e.elapsedMs)}`;
    const percent = Math.floor(100 * progress(e));
    return [`epoch ${e.epoch}/${e.numEpochs}`, `step ${e.step}/${e.stepsPerEpoch}`, `${percent}%`]
      .join(separator);
  }

  #summary(): string {
    const e = this.#last;
    if (!e) return "Training has not started";
    const status = this.#status(", ");
    const parts = [status[0]!.toUpperCase() + status.slice(1), ...latestNumbers(e)];
    if (!this.#done) parts.push(`${clock(e.elapsedMs)} elapsed, about ${clock(timeLeft(e))} left`);
    return parts.join(", ");
  }

  #render(): ImageDisplay {
    const width = this.#options.width ?? 820;
    const e = this.#last;
    const h = e?.history ?? { epoch: [], loss: [], accuracy: [], valLoss: [], valAccuracy: [] };
    const hasAccuracy = [...h.accuracy, ...this.#steps.map((s) => s.accuracy)].some((v) => v >= 0);
    const [pad, barY, top, chartHeight] = [14, 34, 96, 270];
    const { canvas, ctx } = blankCanvas(width, top + chartHeight);

    // Title, progress bar (a tick at each epoch's end), latest numbers, legend.
    const fraction = e ? progress(e) : 0;
    const where = this.#status(" · ");
    ctx.fillStyle = "#222222";
    ctx.font = font(15, "bold");
    ctx.textBaseline = "middle";
    fitText(ctx, `${this.#options.title ?? "Training"} · ${where}`, pad, 18, width * 0.62);
    ctx.font = font(13);
    if (e && !this.#done) {
      ctx.textAlign = "right";
      ctx.fillText(
        `${clock(e.elapsedMs)} elapsed · about ${clock(timeLeft(e))} left`,
        width - pad,
        18,
      );
      ctx.textAlign = "left";
    }
    const barW = width - 2 * pad;
    for (
      const [color, w] of [["#e9edf3", barW], [
        this.#done ? "#2ca02c" : "#1f77b4",
        barW * fraction,
      ]] as const
    ) {
      ctx.fillStyle = color;
      ctx.beginPath();
      ctx.roundRect(pad, barY, Math.max(w, 10), 20, 5);
      if (w > 0) ctx.fill();
    }
    ctx.fillStyle = "rgba(255,255,255,0.7)";
    const numEpochs = e?.numEpochs ?? 1;
    for (let k = 1; k < numEpochs && numEpochs <= 50; k++) {
      ctx.fillRect(pad + (barW * k) / numEpochs, barY + 3, 1, 14);
    }
    ctx.fillStyle = "#333333";
    fitText(
      ctx,
      e ? latestNumbers(e, e.loss, e.metrics.accuracy).join("   ·   ") : "",
      pad,
      74,
      width,
    );
    const legend = [[PALETTE[0]!, "train, at each epoch's end"], [PALETTE[1]!, "validation"], [
      PALETTE[0]! + "66",
      "train, running mean within the epoch",
    ]];
    let x = pad;
    for (const [color, text] of legend) {
      ctx.fillStyle = color!;
      ctx.fillRect(x, top - 2, 22, 3);
      ctx.fillStyle = "#444444";
      ctx.fillText(text!, x + 28, top);
      x += 28 + ctx.measureText(text!).width + 24;
    }

    // The curves: the running value at every step (light), train and validation at epoch ends.
    const keep = thinIndices(this.#steps.map((s) => s.loss), 600);
    const panelW = hasAccuracy ? Math.floor(width / 2) : width;
    const panel = (
      left: number,
      title: string,
      yaxis: object,
      values: (s: Step) => number,
      train: number[],
      validation: number[],
    ) => {
      const atEpochEnds = (y: number[], color: string) => ({
        type: "scatter",
        mode: "lines+markers",
        x: h.epoch,
        y,
        line: { color },
        marker: { size: 5 },
      });
      const running = {
        x: keep.map((k) => this.#steps[k]!.x),
        y: keep.map((k) => values(this.#steps[k]!)),
      };
      const data = [
        {
          type: "scatter",
          mode: "lines",
          ...running,
          line: { color: PALETTE[0]! + "66", width: 1.5 },
        },
        atEpochEnds(train, PALETTE[0]!),
        atEpochEnds(validation, PALETTE[1]!),
      ];
      const xaxis = { title: { text: "epoch" }, range: [0, numEpochs] };
      const layout = {
        width: panelW,
        height: chartHeight - 10,
        title: { text: title, font: { size: 14 } },
        margin: { l: 62, r: 16, t: 34, b: 44 },
        xaxis,
        yaxis,
        showlegend: false,
      };
      ctx.save();
      ctx.translate(left, top + 10);
      drawFigure(ctx, { data, layout });
      ctx.restore();
    };
    // On a log axis, from half the lowest epoch-end loss to the highest loss, 4 decades at most: a
    // running mean over an epoch's first batches can dip far lower, and a training loss heading
    // for 0 would squeeze the validation loss flat.
    const logLoss = this.#options.logLoss ?? true;
    const [lowest] = finiteRange([...h.loss, ...h.valLoss].filter((v) => v > 0));
    const [, highest] = finiteRange([...h.loss, ...h.valLoss, ...this.#steps.map((s) => s.loss)]);
    const range = Number.isFinite(lowest)
      ? { range: [Math.log10(Math.max(lowest / 2, highest * 1.2e-4)), Math.log10(highest * 1.2)] }
      : {};
    const lossAxis = logLoss ? { ...LOG_AXIS, ...range } : {};
    panel(0, logLoss ? "loss (log scale)" : "loss", lossAxis, (s) => s.loss, h.loss, h.valLoss);
    if (hasAccuracy) {
      // From just below the lowest epoch-end accuracy to 100%: the gap between train and
      // validation shows, where 0-100% would draw both flat against the top.
      const percents = (values: number[]) => values.map((v) => 100 * v);
      const [train, validation] = [percents(h.accuracy), percents(h.valAccuracy)];
      const [lowest] = finiteRange([...train, ...validation]);
      const yaxis = Number.isFinite(lowest)
        ? { range: [Math.max(0, lowest - 0.1 * (100 - lowest) - 0.5), 100] }
        : {};
      panel(panelW, "accuracy (%)", yaxis, (s) => 100 * s.accuracy, train, validation);
    }
    return new ImageDisplay(encodePng(canvas), {
      width,
      height: top + chartHeight,
      description: this.#summary(),
    });
  }
}

/**
 * A live training view to pass to `fit()`: `fit(model, data, { ..., callbacks: [trainingView()] })`.
 *
 * Taught in `notebooks/08_mnist_mlp.ipynb`.
 *
 * @param options Title, update rate, size, where output goes
 * @returns A {@linkcode TrainingView}
 *
 * @example Usage
 * ```ts
 * import { trainingView } from "./training_view.ts";
 * import { strictEqual } from "node:assert/strict";
 *
 * const view = trainingView({ title: "MNIST", log: () => {} });
 * strictEqual(typeof view.onBatchEnd, "function");
 * ```
 */
export function trainingView(options: TrainingViewOptions = {}): TrainingView {
  return new TrainingView(options);
}
