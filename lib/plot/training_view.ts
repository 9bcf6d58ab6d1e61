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
import { thinIndices } from "./_numbers.ts";
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
   * Logarithmic loss axis.
   *
   * @default {false}
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
  return v === undefined || Number.isNaN(v) ? "–" : `${(100 * v).toFixed(2)}%`;
}

function lossText(v: number | undefined): string {
  return v === undefined || Number.isNaN(v) ? "–" : v.toFixed(4);
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
function latestNumbers(e: TrainEvent, loss: number, accuracy: number | undefined): string[] {
  const h = e.history;
  const i = h.epoch.length - 1;
  const parts = [`loss ${lossText(loss)}`];
  if (accuracy !== undefined && !Number.isNaN(accuracy)) {
    parts.push(`accuracy ${percent(accuracy)}`);
  }
  if (i >= 0 && h.valLoss[i] !== undefined) parts.push(`val loss ${lossText(h.valLoss[i])}`);
  const valAccuracy = i >= 0 ? h.valAccuracy[i] : undefined;
  if (valAccuracy !== undefined && !Number.isNaN(valAccuracy)) {
    parts.push(`val accuracy ${percent(valAccuracy)}`);
  }
  return parts;
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
  #steps: { x: number; loss: number; accuracy: number }[] = [];

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
    this.#displayId = `training-view-${crypto.randomUUID()}`;
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
      const numbers = latestNumbers(e, h.loss[i] ?? e.loss, h.accuracy[i] ?? e.metrics.accuracy);
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

  #summary(): string {
    const e = this.#last;
    if (!e) return "Training has not started";
    const parts = [
      this.#done
        ? `Done: ${e.history.epoch.length} epoch(s) in ${clock(e.elapsedMs)}`
        : `Epoch ${e.epoch}/${e.numEpochs}, step ${e.step}/${e.stepsPerEpoch} (${
          Math.floor(100 * progress(e))
        }%)`,
      ...latestNumbers(e, e.loss, e.metrics.accuracy),
    ];
    if (!this.#done) parts.push(`${clock(e.elapsedMs)} elapsed, about ${clock(timeLeft(e))} left`);
    return parts.join(", ");
  }

  #render(): ImageDisplay {
    const width = this.#options.width ?? 820;
    const e = this.#last;
    const h = e?.history;
    const hasAccuracy = !!e && (
      (h?.accuracy.some((v) => !Number.isNaN(v)) ?? false) ||
      this.#steps.some((s) => !Number.isNaN(s.accuracy))
    );
    const barHeight = 92;
    const chartHeight = 260;
    const height = barHeight + chartHeight;
    const { canvas, ctx } = blankCanvas(width, height);

    // Progress bar
    const pad = 14;
    const fraction = e ? progress(e) : 0;
    ctx.fillStyle = "#222222";
    ctx.font = font(15, "bold");
    ctx.textAlign = "left";
    ctx.textBaseline = "middle";
    const title = this.#options.title ?? "Training";
    const where = !e
      ? "waiting to start"
      : this.#done
      ? `done: ${h!.epoch.length} epoch(s) in ${clock(e.elapsedMs)}`
      : `epoch ${e.epoch}/${e.numEpochs} · step ${e.step}/${e.stepsPerEpoch} · ${
        Math.floor(100 * fraction)
      }%`;
    fitText(ctx, `${title} · ${where}`, pad, 18, width * 0.62);
    if (e && !this.#done) {
      ctx.font = font(13);
      ctx.textAlign = "right";
      ctx.fillStyle = "#444444";
      const time = `${clock(e.elapsedMs)} elapsed · about ${clock(timeLeft(e))} left`;
      ctx.fillText(time, width - pad, 18);
    }
    const barY = 34;
    const barW = width - 2 * pad;
    ctx.fillStyle = "#e9edf3";
    ctx.beginPath();
    ctx.roundRect(pad, barY, barW, 20, 5);
    ctx.fill();
    ctx.fillStyle = this.#done ? "#2ca02c" : "#1f77b4";
    if (fraction > 0) {
      ctx.beginPath();
      ctx.roundRect(pad, barY, Math.max(10, barW * fraction), 20, 5);
      ctx.fill();
    }
    // Epoch boundaries
    if (e && e.numEpochs > 1 && e.numEpochs <= 50) {
      ctx.strokeStyle = "rgba(255,255,255,0.7)";
      ctx.lineWidth = 1;
      for (let k = 1; k < e.numEpochs; k++) {
        const x = pad + (barW * k) / e.numEpochs;
        ctx.beginPath();
        ctx.moveTo(x, barY + 3);
        ctx.lineTo(x, barY + 17);
        ctx.stroke();
      }
    }
    // Latest numbers
    ctx.font = font(13);
    ctx.textAlign = "left";
    ctx.fillStyle = "#333333";
    const numbers = e ? latestNumbers(e, e.loss, e.metrics.accuracy) : [];
    fitText(ctx, numbers.join("   ·   "), pad, barY + 40, width - 2 * pad);

    // Curves
    const numEpochs = e?.numEpochs ?? 1;
    const keep = thinIndices(this.#steps.map((s) => s.loss), 600);
    const stepX = keep.map((k) => this.#steps[k]!.x);
    const panelW = hasAccuracy ? Math.floor(width / 2) : width;
    const xaxis = { title: { text: "epoch" }, range: [0, numEpochs] };
    const hasValidation = (h?.valLoss.length ?? 0) > 0;
    const epochs = h?.epoch ?? [];
    type Trace = Record<string, unknown>;
    // The running value at every step (light), then train and validation at each epoch's end.
    const curves = (running: number[], train: number[], validation: number[]): Trace[] => {
      const atEpochEnds = (name: string, y: number[], color: string): Trace => ({
        type: "scatter",
        mode: "lines+markers",
        name,
        x: epochs,
        y,
        line: { color },
        marker: { size: 5 },
      });
      const traces: Trace[] = [
        {
          type: "scatter",
          mode: "lines",
          name: "train (running)",
          x: stepX,
          y: running,
          line: { color: PALETTE[0]! + "66", width: 1.5 },
          showlegend: false,
        },
        atEpochEnds("train", train, PALETTE[0]!),
      ];
      if (hasValidation) traces.push(atEpochEnds("validation", validation, PALETTE[1]!));
      return traces;
    };
    const panel = (left: number, title: string, yaxis: Trace, data: Trace[]) => {
      ctx.save();
      ctx.translate(left, barHeight);
      drawFigure(ctx, {
        data,
        layout: {
          width: panelW,
          height: chartHeight,
          title: { text: title, font: { size: 14 } },
          margin: { l: 62, r: 16, t: 34, b: 44 },
          xaxis,
          yaxis,
        },
      });
      ctx.restore();
    };
    const stepLoss = keep.map((k) => this.#steps[k]!.loss);
    const logAxis = this.#options.logLoss ? LOG_AXIS : {};
    panel(0, "loss", logAxis, curves(stepLoss, h?.loss ?? [], h?.valLoss ?? []));
    if (hasAccuracy) {
      const percents = (values: number[]) => values.map((v) => 100 * v);
      const stepAccuracy = keep.map((k) => 100 * this.#steps[k]!.accuracy);
      const [train, validation] = [percents(h?.accuracy ?? []), percents(h?.valAccuracy ?? [])];
      panel(panelW, "accuracy (%)", {}, curves(stepAccuracy, train, validation));
    }
    return new ImageDisplay(encodePng(canvas), { width, height, description: this.#summary() });
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
