// Notebook 12's drawing pad: course content, a page that runs the learner's exported model.
import { isAbsolute, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { checkOptions } from "../../lib/_check.ts";
import { mnistFromDrawing } from "../../lib/data/mnist_drawing.ts";
import { ONNX_INPUT, ONNX_OUTPUT } from "../../lib/nn/onnx.ts";
import { type Displayable, JUPYTER_DISPLAY, type MimeBundle } from "../../lib/plot/display.ts";
import { escapeHtml } from "../../lib/tensor/format.ts";
import { fill, type Language, textsIn } from "../../lib/plot/language.ts";

/** Where the Jupyter server serves ONNX Runtime Web's files, relative to its base URL. */
export const ORT_WEB_DIR = "files/node_modules/onnxruntime-web/dist/";

/** The course's root folder, which `deno task course` starts the Jupyter server in. */
const COURSE_ROOT = fileURLToPath(new URL("../../", import.meta.url));

// The pad's texts and buttons, in English, then in Chinese; {names} are filled in here or by the
// pad's page.
const TEXTS = {
  padNote: [
    "A drawing pad for {model}: run this cell in JupyterLab or Notebook started with deno task course.",
    "{model} 的手写画板：请在用 deno task course 启动的 JupyterLab 或 Notebook 中运行这个单元格。",
  ],
  padClear: ["Clear", "清除"],
  padPen: ["pen", "笔宽"],
  padSeen: ["what the network sees", "网络看到的图像"],
  padProbabilities: ["probabilities", "概率"],
  padLoading: [
    "Loading ONNX Runtime Web and {model} from the Jupyter server…",
    "正在从 Jupyter 服务器加载 ONNX Runtime Web 和 {model}……",
  ],
  padDraw: [
    "Draw a digit in the box: the network reads it after each stroke.",
    "在方框里写一个数字：每画完一笔，网络就读一次。",
  ],
  padReads: [
    "The network reads {digit} ({percent}%). Draw more, or Clear.",
    "网络读出的是 {digit}（{percent}%）。可以接着画，或点“清除”。",
  ],
  padNotProbabilities: [
    "The model's outputs do not add up to 1 ({total}): does it end in Softmax?",
    "模型的输出之和不是 1（{total}）：它的最后一层是 Softmax 吗？",
  ],
  padModelFailed: ["The model could not run: {error}", "模型无法运行：{error}"],
  padCannotRun: [
    "The pad cannot run: {error}. It loads ONNX Runtime Web and the model from the Jupyter server: start Jupyter from the course's folder (deno task course), then run the cell again.",
    "画板无法运行：{error}。它从 Jupyter 服务器加载 ONNX Runtime Web 和模型：请在课程目录中启动 Jupyter（deno task course），再运行这个单元格。",
  ],
} as const;

/** Options of {@linkcode digitPad}. */
export interface DigitPadOptions {
  /**
   * The language of the pad's texts and buttons.
   *
   * @default {"en"}
   */
  language?: Language;
}

let nextPad = 0;
const RUN_ID = crypto.randomUUID().slice(0, 8);
let page: string | undefined;

/**
 * A drawing pad for handwritten digits, shown in the notebook: the learner draws with the mouse
 * (or a finger), with a pen 4 to 48 pixels wide; after each stroke the page prepares the drawing
 * as MNIST was prepared ({@linkcode mnistFromDrawing}, the same code), runs the exported model on
 * it with ONNX Runtime Web, and shows the ten probabilities as bars, beside the 28 × 28 image the
 * model saw. A "Clear" button starts again. The page's code is `_digit_pad_page.js`.
 *
 * The page loads ONNX Runtime Web and the model from the Jupyter server (`files/...`), never from
 * the network and never inlined, so the output stays a few kilobytes. That needs a trusted output
 * (run the cell) in JupyterLab or Notebook started at the course's root, as `deno task course`
 * does; elsewhere (an untrusted notebook, a front end without a Jupyter server) the output says so
 * in one line.
 *
 * Taught in `notebooks/12_model_in_the_world.ipynb`.
 *
 * @param modelPath The `.onnx` file (from `saveOnnx`), inside the course's folder; the model takes
 * `[N, 784]` pixels in 0-1 and ends in a softmax over 10 digits
 * @param options The language of its texts
 * @returns A displayable pad
 * @throws {TypeError} If an option is unknown
 * @throws {RangeError} If the file lies outside the course's folder, which the server serves
 * @throws {Deno.errors.NotFound} If the file does not exist
 *
 * @example Usage
 * ```ts ignore
 * import { digitPad } from "./digit_pad.ts";
 *
 * await saveOnnx(model, "models/mnist_mlp.onnx");
 * digitPad("models/mnist_mlp.onnx");
 * ```
 */
export function digitPad(modelPath: string, options: DigitPadOptions = {}): DigitPad {
  const action = "show the drawing pad";
  checkOptions(action, options, ["language"]);
  textsIn(TEXTS, options.language, action); // checks the language
  const file = isAbsolute(modelPath) ? modelPath : resolve(Deno.cwd(), modelPath);
  const inCourse = relative(COURSE_ROOT, file);
  if (inCourse.startsWith("..") || isAbsolute(inCourse)) {
    throw new RangeError(
      `Cannot ${action} as the model file must lie inside the course's folder ${COURSE_ROOT}, which the Jupyter server serves: ${file} is outside it`,
    );
  }
  let stat: Deno.FileInfo;
  try {
    stat = Deno.statSync(file);
  } catch (e) {
    if (!(e instanceof Deno.errors.NotFound)) throw e;
    throw new Deno.errors.NotFound(
      `Cannot ${action} as the model file must exist: ${file} does not (write it with saveOnnx first)`,
    );
  }
  return new DigitPad({
    id: `course-pad-${RUN_ID}-${nextPad++}`,
    // the server path, and the file's time so a re-exported model is fetched again
    modelUrl: `files/${inCourse.split(/[\\/]/).map(encodeURIComponent).join("/")}?v=${
      stat.mtime?.getTime() ?? 0
    }`,
    modelName: inCourse,
    modelBytes: stat.size,
    language: options.language ?? "en",
  });
}

/** What the pad's page needs to know (made by {@linkcode digitPad}). */
export interface DigitPadSettings {
  /** The element id of the pad, unique in the page. */
  id: string;
  /** The model's URL, relative to the Jupyter server's base URL (`files/...`). */
  modelUrl: string;
  /** The model's path inside the course's folder, for messages. */
  modelName: string;
  /** The model file's size in bytes. */
  modelBytes: number;
  /** The language of the pad's texts. */
  language: Language;
}

/** The drawing pad that {@linkcode digitPad} returns. */
export class DigitPad implements Displayable {
  readonly #settings: DigitPadSettings;

  /** @param settings The element id, the model's server path and size, the language */
  constructor(settings: DigitPadSettings) {
    this.#settings = settings;
  }

  /** One line saying what the pad is and where it runs. */
  toString(): string {
    return `Drawing pad for ${this.#settings.modelName} (${
      (this.#settings.modelBytes / 1e6).toFixed(1)
    } MB): run the cell in JupyterLab or Notebook started with deno task course to draw a digit`;
  }

  /** The MIME bundle: the pad's HTML and script, and the one line as plain text. */
  [JUPYTER_DISPLAY](): MimeBundle {
    const s = this.#settings;
    const text = textsIn(TEXTS, s.language, "show the drawing pad");
    // "<" inside a <script> could close it: JSON allows the \u003c escape
    const json = (value: unknown) => JSON.stringify(value).replaceAll("<", "\\u003c");
    const prepare = mnistFromDrawing.toString();
    if (/<\/script|<!--/i.test(prepare)) {
      throw new TypeError(
        "Cannot embed mnistFromDrawing in the page as its source holds </script or <!--",
      );
    }
    page ??= Deno.readTextFileSync(new URL("./_digit_pad_page.js", import.meta.url));
    const settings = {
      ortDir: ORT_WEB_DIR,
      modelUrl: s.modelUrl,
      input: ONNX_INPUT,
      output: ONNX_OUTPUT,
    };
    // The pad's texts, the loading line with the model's name filled in.
    const say = { ...text, padLoading: fill(text.padLoading, { model: s.modelName }) };
    const note = fill(text.padNote, { model: s.modelName });
    return {
      "text/html":
        `<div id="${s.id}" class="course-pad"><p class="course-pad-note"><em>${
          escapeHtml(note)
        }</em></p></div>\n` +
        `<script type="text/javascript">(() => {\n${page}\nconst root = document.getElementById(${
          json(s.id)
        });\n` +
        `if (root) startPad(root, ${json(settings)}, ${json(say)}, ${prepare});\n})();</script>`,
      "text/plain": this.toString(),
    };
  }
}
