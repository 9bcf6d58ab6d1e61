// What a learner with NumPy, PyTorch or Keras habits might type against the library, and what
// the library must answer. Each case runs against a library module given as `lib`, so the same
// table runs against today's code (tests/sweep_test.ts) and against an older checkout
// (tests/sweep_counts.ts, which counts clear errors, unclear errors and silent results).
//
// Two kinds of cases:
// - ERROR_CASES: bad input. It must throw `error` (the class's name) with `message` in the text.
// - ACCEPTED_CASES: NumPy/PyTorch forms the library accepts, and numerics that must match
//   PyTorch. `check` must return true on the result.
import type * as Library from "../lib/mod.ts";

/** The library, as `import * as lib from "../lib/mod.ts"` gives it. */
export type Lib = typeof Library;

/** A bad input and the error it must give. */
export interface ErrorCase {
  /** What the learner typed (shown as the test step's name). */
  input: string;
  /** Runs it. A returned promise is awaited; a returned iterator is drained. */
  run: (lib: Lib) => unknown;
  /** The error's class. */
  error: "TypeError" | "RangeError";
  /** A fragment the message must hold. */
  message: string;
}

/** An input the library accepts, and how to tell the answer is right. */
export interface AcceptedCase {
  /** What the learner typed. */
  input: string;
  /** Runs it. A returned promise is awaited. */
  run: (lib: Lib) => unknown;
  /** Whether the result is right. */
  check: (result: unknown) => boolean;
}

/** Lets a case pass a value of the wrong type, as an untyped notebook cell can. */
// deno-lint-ignore no-explicit-any
const bad = (value: unknown): any => value;

/** A small classification problem: 3 points, 2 classes, a 2-4-2 model, SGD, a generator. */
function setup(lib: Lib) {
  const prng = lib.randomSeeded(0);
  const x = lib.tensor([[1, 2], [3, 4], [5, 6]]);
  const labels = [0, 1, 0];
  const model = new lib.Sequential([
    new lib.Linear(2, 4, { prng }),
    new lib.ReLU(),
    new lib.Linear(4, 2, { prng }),
  ]);
  const optimizer = new lib.SGD(model.parameters(), { lr: 0.1 });
  const options = { numEpochs: 1, batchSize: 2, optimizer, prng };
  return { prng, x, labels, data: { x, labels }, model, optimizer, options };
}

/** A 2 × 2 float32 matrix. */
const matrix = (lib: Lib) => lib.tensor([[1, 2], [3, 4]]);

/** Bad inputs, folder by folder, each with its error class and a fragment of its message. */
export const ERROR_CASES: readonly ErrorCase[] = [
  // lib/random
  {
    input: 'randomSeeded("42")',
    run: (lib) => lib.randomSeeded(bad("42")),
    error: "TypeError",
    message: 'seed must be an integer: current value is the string "42"',
  },
  {
    input: "randomSeeded(1.5)",
    run: (lib) => lib.randomSeeded(1.5),
    error: "TypeError",
    message: "seed must be an integer: current value is 1.5",
  },
  {
    input: "shuffle([1, 2, 3]) without { prng }",
    run: (lib) => lib.shuffle([1, 2, 3], bad(undefined)),
    error: "TypeError",
    message: "Cannot shuffle as options.prng must be a generator",
  },
  {
    input: "shuffle(tensor([1, 2, 3]), { prng })",
    run: (lib) => lib.shuffle(bad(lib.tensor([1, 2, 3])), { prng: lib.randomSeeded(0) }),
    error: "TypeError",
    message: "Cannot shuffle as items must be an array or a typed array",
  },
  {
    input: "permutation(5) without { prng }",
    run: (lib) => lib.permutation(5, bad(undefined)),
    error: "TypeError",
    message: "Cannot create a permutation as options.prng must be a generator",
  },
  {
    input: "randomNormal() without a generator",
    run: (lib) => lib.randomNormal(bad(undefined)),
    error: "TypeError",
    message: "Cannot draw a normal sample as prng must be a generator",
  },
  // lib/tensor
  {
    input: "tensor([[1, 2], [3]])",
    run: (lib) => lib.tensor([[1, 2], [3]]),
    error: "TypeError",
    message: "nested arrays must be rectangular",
  },
  {
    input: 'tensor([1, "2"])',
    run: (lib) => lib.tensor(bad([1, "2"])),
    error: "TypeError",
    message: 'every element must be a number: found the string "2"',
  },
  {
    input: 'tensor([1, 2], "float64")',
    run: (lib) => lib.tensor([1, 2], bad("float64")),
    error: "TypeError",
    message:
      'options must be an object { shape, dtype, requiresGrad, label }: current value is the string "float64"',
  },
  {
    input: 'tensor([1, 2], { dtype: "int32" })',
    run: (lib) => lib.tensor([1, 2], { dtype: bad("int32") }),
    error: "TypeError",
    message: 'dtype must be "float32" or "float64": current value is "int32"',
  },
  {
    input: 'tensor([1], { requiresGrad: "true" })',
    run: (lib) => lib.tensor([1], { requiresGrad: bad("true") }),
    error: "TypeError",
    message: 'requiresGrad must be true or false: current value is the string "true"',
  },
  {
    input: "tensor([1], { requires_grad: true })",
    run: (lib) => lib.tensor([1], bad({ requires_grad: true })),
    error: "TypeError",
    message: "every option must be one of shape, dtype, requiresGrad, label: requires_grad is not",
  },
  {
    input: "tensor([1, 2], { shape: [3] })",
    run: (lib) => lib.tensor([1, 2], { shape: [3] }),
    error: "TypeError",
    message:
      "Cannot create tensor of shape [3] (3 elements) as the shape must fit the values: there are 2",
  },
  {
    input: "zeros(3)",
    run: (lib) => lib.zeros(bad(3)),
    error: "TypeError",
    message:
      "shape must be an array of integers: current value is 3 (write the lengths in brackets",
  },
  {
    input: "zeros(2, 3)",
    run: (lib) => lib.zeros(bad(2), bad(3)),
    error: "TypeError",
    message: "shape must be an array of integers: current value is 2",
  },
  {
    input: "zeros([2, -1])",
    run: (lib) => lib.zeros([2, -1]),
    error: "RangeError",
    message: "shape must hold non-negative integers: current shape is [2, -1]",
  },
  {
    input: 'ones([2], "float64")',
    run: (lib) => lib.ones([2], bad("float64")),
    error: "TypeError",
    message: "Cannot create tensor as options must be an object { dtype, requiresGrad, label }",
  },
  {
    input: 'full([2], "7")',
    run: (lib) => lib.full([2], bad("7")),
    error: "TypeError",
    message: 'the fill value must be a number: current value is the string "7"',
  },
  {
    input: "arange(0, 1, 0)",
    run: (lib) => lib.arange(0, 1, 0),
    error: "RangeError",
    message: "Cannot create arange as step must not be 0",
  },
  {
    input: 'arange("5")',
    run: (lib) => lib.arange(bad("5")),
    error: "TypeError",
    message: 'stop must be a finite number: current value is the string "5"',
  },
  {
    input: "arange(0, Infinity)",
    run: (lib) => lib.arange(0, Infinity),
    error: "RangeError",
    message: "stop must be a finite number: current value is Infinity",
  },
  {
    input: "arange(0, 10, { stp: 2 })",
    run: (lib) => lib.arange(0, 10, bad({ stp: 2 })),
    error: "TypeError",
    message: "every option must be one of step, dtype: stp is not",
  },
  {
    input: "linspace(0, 1)",
    run: (lib) => lib.linspace(0, 1, bad(undefined)),
    error: "TypeError",
    message: "write linspace(start, stop, { num })",
  },
  {
    input: "linspace(0, 1, 2.5)",
    run: (lib) => lib.linspace(0, 1, bad(2.5)),
    error: "RangeError",
    message: "num must be a non-negative integer: current value is 2.5",
  },
  {
    input: "linspace(0, 1, { steps: 5 })",
    run: (lib) => lib.linspace(0, 1, bad({ steps: 5 })),
    error: "TypeError",
    message: "every option must be one of num, dtype: steps is not",
  },
  {
    input: "randn([2, 3]) without { prng }",
    run: (lib) => lib.randn([2, 3], bad(undefined)),
    error: "TypeError",
    message: "Cannot create randn as options.prng must be a generator",
  },
  {
    input: "randn([2], { prng: 42 })",
    run: (lib) => lib.randn([2], { prng: bad(42) }),
    error: "TypeError",
    message: "current value is 42; pass { prng: randomSeeded(42) }",
  },
  {
    input: "randn([2], { prng, std: -1 })",
    run: (lib) => lib.randn([2], { prng: lib.randomSeeded(0), std: -1 }),
    error: "RangeError",
    message: "std must be a number >= 0: current value is -1",
  },
  {
    input: "uniform([2], { prng, low: 1, high: 0 })",
    run: (lib) => lib.uniform([2], { prng: lib.randomSeeded(0), low: 1, high: 0 }),
    error: "RangeError",
    message: "low must be less than high",
  },
  {
    input: 'uniform([2], { prng, low: "0" })',
    run: (lib) => lib.uniform([2], { prng: lib.randomSeeded(0), low: bad("0") }),
    error: "TypeError",
    message: 'low must be a finite number: current value is the string "0"',
  },
  {
    input: "new Tensor([1, 2], [2])",
    run: (lib) => new lib.Tensor(bad([1, 2]), [2]),
    error: "TypeError",
    message: "data must be a Float32Array or Float64Array",
  },
  {
    input: "tensor([1, 2, 3]).item()",
    run: (lib) => lib.tensor([1, 2, 3]).item(),
    error: "RangeError",
    message: "as it must have exactly 1 element: it has 3",
  },
  // lib/autograd
  {
    input: "w.mul(2).backward() on a vector",
    run: (lib) => lib.tensor([1, 2], { requiresGrad: true }).mul(2).backward(),
    error: "TypeError",
    message: "as it must be a scalar: reduce it with mean() or sum() first",
  },
  {
    input: "backward() on a tensor without requiresGrad",
    run: (lib) => lib.tensor([1, 2]).sum().backward(),
    error: "TypeError",
    message: "as it does not require a gradient",
  },
  {
    input: "noGrad(x)",
    run: (lib) => lib.noGrad(bad(lib.tensor([1]))),
    error: "TypeError",
    message: "Cannot run noGrad() as its argument must be a function",
  },
  {
    input: "noGrad(async () => ...) (a function returning a promise)",
    run: (lib) => lib.noGrad(() => Promise.resolve(1)),
    error: "TypeError",
    message: "Cannot run noGrad() on an async function",
  },
  {
    input: "gradCheck(fn, x) without the brackets",
    run: (lib) => lib.gradCheck((x) => x.sum(), bad(lib.tensor([1, 2]))),
    error: "TypeError",
    message: "inputs must be an array of tensors, as in gradCheck(fn, [x])",
  },
  {
    input: "gradCheck(fn, [[1, 2]])",
    run: (lib) => lib.gradCheck((x) => x.sum(), bad([[1, 2]])),
    error: "TypeError",
    message: "inputs[0] must be a Tensor: current value is an array of length 2",
  },
  {
    input: "gradCheck(fn, [x], { eps: 0 })",
    run: (lib) => lib.gradCheck((x) => x.sum(), [lib.tensor([1])], { eps: 0 }),
    error: "RangeError",
    message: "eps must be a number > 0: current value is 0",
  },
  // lib/ops
  {
    input: "add(x, [1, 2])",
    run: (lib) => lib.add(matrix(lib), bad([1, 2])),
    error: "TypeError",
    message: "an array of length 2 (wrap it with tensor(...))",
  },
  {
    input: 'x.add("1")',
    run: (lib) => matrix(lib).add(bad("1")),
    error: "TypeError",
    message: 'each operand must be a Tensor or a number: current value is the string "1"',
  },
  {
    input: "float32 + float64",
    run: (lib) => lib.add(lib.tensor([1]), lib.tensor([1], { dtype: "float64" })),
    error: "TypeError",
    message: "their dtypes must match: a is float32, b is float64",
  },
  {
    input: "[2, 3] + [4]",
    run: (lib) => lib.add(lib.zeros([2, 3]), lib.zeros([4])),
    error: "TypeError",
    message: "a has shape [2, 3], b has shape [4]",
  },
  {
    input: "matmul of a vector",
    run: (lib) => lib.matmul(lib.zeros([3]), lib.zeros([3, 2])),
    error: "TypeError",
    message: "both must be 2-D: a has shape [3], b has shape [3, 2]",
  },
  {
    input: "matmul [2, 3] · [2, 3]",
    run: (lib) => lib.matmul(lib.zeros([2, 3]), lib.zeros([2, 3])),
    error: "TypeError",
    message: "a's columns must equal b's rows",
  },
  {
    input: "x.sum({ dim: 1 }) (PyTorch's keyword)",
    run: (lib) => matrix(lib).sum(bad({ dim: 1 })),
    error: "TypeError",
    message: "every option must be one of axis, keepdims: dim is not",
  },
  {
    input: "x.sum({ axis: 1, keepdim: true })",
    run: (lib) => matrix(lib).sum(bad({ axis: 1, keepdim: true })),
    error: "TypeError",
    message: "keepdim is not",
  },
  {
    input: "x.sum([0, 1])",
    run: (lib) => matrix(lib).sum(bad([0, 1])),
    error: "TypeError",
    message: "as axis must be one integer: current value is [0, 1]; reduce one axis at a time",
  },
  {
    input: "x.sum({ axis: 2 }) of a matrix",
    run: (lib) => matrix(lib).sum({ axis: 2 }),
    error: "RangeError",
    message: "axis must be an integer from -2 to 1",
  },
  {
    input: 'x.sum({ axis: "1" })',
    run: (lib) => matrix(lib).sum({ axis: bad("1") }),
    error: "TypeError",
    message: 'axis must be an integer: current value is the string "1"',
  },
  {
    input: 'x.max({ axis: 0, keepdims: "yes" })',
    run: (lib) => matrix(lib).max({ axis: 0, keepdims: bad("yes") }),
    error: "TypeError",
    message: 'keepdims must be true or false: current value is the string "yes"',
  },
  {
    input: "x.argmax({ axis: 1, keepdims: true })",
    run: (lib) => matrix(lib).argmax(bad({ axis: 1, keepdims: true })),
    error: "TypeError",
    message: "every option must be one of axis: keepdims is not",
  },
  {
    input: "max of an empty tensor",
    run: (lib) => lib.zeros([0, 3]).max(),
    error: "RangeError",
    message: "must have at least one element along the reduced axis",
  },
  {
    input: "softmax(x, 0) of a matrix (PyTorch's dim=0)",
    run: (lib) => lib.softmax(matrix(lib), bad(0)),
    error: "RangeError",
    message: "over axis 0 of a tensor of shape [2, 2] as only the last axis (-1) is supported",
  },
  {
    input: "x.logSoftmax(0)",
    run: (lib) => matrix(lib).logSoftmax(bad(0)),
    error: "RangeError",
    message: "Cannot compute logSoftmax over axis 0",
  },
  {
    input: "softmax of a scalar",
    run: (lib) => lib.softmax(lib.tensor(1)),
    error: "TypeError",
    message: "as it must have at least one axis",
  },
  {
    input: "zeros([0, 3]).reshape([-1, 0])",
    run: (lib) => lib.zeros([0, 3]).reshape([-1, 0]),
    error: "TypeError",
    message: "as the -1 must be computable",
  },
  {
    input: "reshape 4 elements to [2, 3]",
    run: (lib) => matrix(lib).reshape([2, 3]),
    error: "TypeError",
    message: "Cannot reshape tensor of shape [2, 2] (4 elements) to shape [2, 3]",
  },
  {
    input: "x.reshape(4, 1) (PyTorch's varargs)",
    run: (lib) => matrix(lib).reshape(bad(4)),
    error: "TypeError",
    message:
      "the new shape must be an array of integers, as in reshape([2, -1]): current value is 4",
  },
  {
    input: "reshape([-1, -1])",
    run: (lib) => matrix(lib).reshape([-1, -1]),
    error: "RangeError",
    message: "at most one -1",
  },
  {
    input: "transpose of a 3-D tensor",
    run: (lib) => lib.zeros([2, 2, 2]).transpose(),
    error: "TypeError",
    message: "as it must be 2-D",
  },
  {
    input: "x.selectRows(1)",
    run: (lib) => matrix(lib).selectRows(bad(1)),
    error: "TypeError",
    message:
      "indices must be an array of integers (or a 1-D tensor), as in selectRows([0, 2]): current value is 1",
  },
  {
    input: "x.selectRows([2]) of 2 rows",
    run: (lib) => matrix(lib).selectRows([2]),
    error: "RangeError",
    message: "every index must be an integer from 0 to 1: found 2 at position 0",
  },
  {
    input: "x.selectRows([0.5])",
    run: (lib) => matrix(lib).selectRows([0.5]),
    error: "RangeError",
    message: "found 0.5 at position 0",
  },
  {
    input: "concat(a, b) without the brackets",
    run: (lib) => lib.concat(bad(matrix(lib)), bad(matrix(lib))),
    error: "TypeError",
    message:
      "xs must be an array of tensors, as in concat([a, b]): current value is a Tensor of shape [2, 2]",
  },
  {
    input: "concat([])",
    run: (lib) => lib.concat([]),
    error: "TypeError",
    message: "at least one is needed",
  },
  {
    input: "concat of [2, 2] and [2, 3] along axis 0",
    run: (lib) => lib.concat([matrix(lib), lib.zeros([2, 3])]),
    error: "TypeError",
    message: "their shapes must match except along axis 0",
  },
  {
    input: "mse of [3, 1] against [3]",
    run: (lib) => lib.mse(lib.zeros([3, 1]), lib.zeros([3])),
    error: "TypeError",
    message: "yHat and y must have the same shape: yHat has shape [3, 1], y has shape [3]",
  },
  {
    input: "mse(yHat, [1, 2])",
    run: (lib) => lib.mse(lib.zeros([2]), bad([1, 2])),
    error: "TypeError",
    message: "wrap it with tensor(...)",
  },
  {
    input: "crossEntropy(logits, [0, 5]) with 2 classes",
    run: (lib) => lib.crossEntropy(matrix(lib), [0, 5]),
    error: "RangeError",
    message: "every label must be an integer from 0 to 1: found 5 at position 1",
  },
  {
    input: "crossEntropy of 1-D logits",
    run: (lib) => lib.crossEntropy(lib.zeros([3]), [0]),
    error: "TypeError",
    message: "logits must be 2-D [N, C]: logits has shape [3]",
  },
  {
    input: "crossEntropy(logits, 1)",
    run: (lib) => lib.crossEntropy(lib.zeros([1, 3]), bad(1)),
    error: "TypeError",
    message: "the target must be labels [N] or one-hot rows [N, C]: current value is 1",
  },
  {
    input: "crossEntropy(logits, [0]) for 2 rows",
    run: (lib) => lib.crossEntropy(matrix(lib), [0]),
    error: "TypeError",
    message: "there must be one label per row of logits",
  },
  {
    input: "crossEntropy(logits, [0.5, 1])",
    run: (lib) => lib.crossEntropy(matrix(lib), [0.5, 1]),
    error: "RangeError",
    message: "found 0.5 at position 0",
  },
  {
    input: "exp([1, 2])",
    run: (lib) => lib.exp(bad([1, 2])),
    error: "TypeError",
    message: "Cannot compute exp as x must be a Tensor: current value is an array of length 2",
  },
  {
    input: 'x.pow("2")',
    run: (lib) => matrix(lib).pow(bad("2")),
    error: "TypeError",
    message:
      'Cannot raise tensors to a power as each operand must be a Tensor or a number: current value is the string "2"',
  },
  // lib/nn
  {
    input: "new Linear(784) without outFeatures",
    run: (lib) => new lib.Linear(784, bad(undefined), { prng: lib.randomSeeded(0) }),
    error: "TypeError",
    message: "outFeatures must be a positive integer: current value is undefined",
  },
  {
    input: 'new Linear("784", 512, { prng })',
    run: (lib) => new lib.Linear(bad("784"), 512, { prng: lib.randomSeeded(0) }),
    error: "TypeError",
    message: 'inFeatures must be a positive integer: current value is the string "784"',
  },
  {
    input: "new Linear(2.5, 3, { prng })",
    run: (lib) => new lib.Linear(2.5, 3, { prng: lib.randomSeeded(0) }),
    error: "RangeError",
    message: "inFeatures must be a positive integer: current value is 2.5",
  },
  {
    input: "new Linear(2, 3) without { prng }",
    run: (lib) => new lib.Linear(2, 3),
    error: "TypeError",
    message: "as it needs a prng: pass { prng: randomSeeded(seed) }",
  },
  {
    input: "new Linear(2, 3, { prng: 42 })",
    run: (lib) => new lib.Linear(2, 3, { prng: bad(42) }),
    error: "TypeError",
    message: "Cannot create Linear as options.prng must be a generator",
  },
  {
    input: 'new Linear(2, 3, { prng, init: "he" })',
    run: (lib) => new lib.Linear(2, 3, { prng: lib.randomSeeded(0), init: bad("he") }),
    error: "TypeError",
    message: 'init must be "glorotUniform", "heUniform", "zeros": current value is "he"',
  },
  {
    input: 'new Linear(2, 3, { prng, dtype: "float16" })',
    run: (lib) => new lib.Linear(2, 3, { prng: lib.randomSeeded(0), dtype: bad("float16") }),
    error: "TypeError",
    message: 'dtype must be "float32" or "float64": current value is "float16"',
  },
  {
    input: 'new Linear(2, 3, { prng, bias: "false" })',
    run: (lib) => new lib.Linear(2, 3, { prng: lib.randomSeeded(0), bias: bad("false") }),
    error: "TypeError",
    message: 'bias must be true or false: current value is the string "false"',
  },
  {
    input: 'new Linear(2, 3, { prng, activation: "relu" }) (Keras\'s Dense)',
    run: (lib) => new lib.Linear(2, 3, bad({ prng: lib.randomSeeded(0), activation: "relu" })),
    error: "TypeError",
    message: "every option must be one of prng, init, bias, dtype: activation is not",
  },
  {
    input: "linear.forward([[1, 2]]) (a plain array)",
    run: (lib) => new lib.Linear(2, 1, { init: "zeros" }).forward(bad([[1, 2]])),
    error: "TypeError",
    message:
      "its input must be a Tensor: current value is an array of length 1 (wrap it with tensor(...))",
  },
  {
    input: "linear.forward(tensor([1, 2])) (one example, 1-D)",
    run: (lib) => new lib.Linear(2, 1, { init: "zeros" }).forward(lib.tensor([1, 2])),
    error: "TypeError",
    message: "as its input must have shape [N, 2]: input has shape [2]",
  },
  {
    input: "a float64 batch into a float32 Linear",
    run: (lib) =>
      new lib.Linear(2, 1, { init: "zeros" }).forward(lib.zeros([1, 2], { dtype: "float64" })),
    error: "TypeError",
    message: "its input must have the weights' dtype, float32: input is float64",
  },
  {
    input: "dropout.forward([[1, 2]]) (a plain array)",
    run: (lib) => new lib.Dropout(0.5, { prng: lib.randomSeeded(0) }).forward(bad([[1, 2]])),
    error: "TypeError",
    message:
      "Cannot apply Dropout(0.5) as its input must be a Tensor: current value is an array of length 1",
  },
  {
    input: "new Dropout(0.5) without { prng }",
    run: (lib) => new lib.Dropout(0.5, bad(undefined)),
    error: "TypeError",
    message: "Cannot create Dropout as options.prng must be a generator",
  },
  {
    input: "new Dropout(0.5, { prng: 42 })",
    run: (lib) => new lib.Dropout(0.5, { prng: bad(42) }),
    error: "TypeError",
    message: "pass { prng: randomSeeded(42) }",
  },
  {
    input: "new Dropout(50, { prng }) (a percentage)",
    run: (lib) => new lib.Dropout(50, { prng: lib.randomSeeded(0) }),
    error: "RangeError",
    message: "rate must be a number in [0, 1): current value is 50",
  },
  {
    input: 'new Dropout("0.5", { prng })',
    run: (lib) => new lib.Dropout(bad("0.5"), { prng: lib.randomSeeded(0) }),
    error: "TypeError",
    message: 'rate must be a number in [0, 1): current value is the string "0.5"',
  },
  {
    input: "new Sequential([new Linear(2, 2, { prng }), ReLU]) (the class)",
    run: (lib) => new lib.Sequential([new lib.Linear(2, 2, { init: "zeros" }), bad(lib.ReLU)]),
    error: "TypeError",
    message:
      "layer 1 must be a layer or model (a Module instance): current value is the class ReLU (write new ReLU(...))",
  },
  {
    input: "new Sequential(layer1, layer2) (PyTorch's varargs)",
    run: (lib) =>
      new (bad(lib.Sequential))(new lib.Linear(2, 2, { init: "zeros" }), new lib.ReLU()),
    error: "TypeError",
    message:
      "layers must be an array, as in new Sequential([layer1, layer2]): current value is a Linear",
  },
  {
    input: 'new Sequential([linear, "relu"])',
    run: (lib) => new lib.Sequential([new lib.Linear(2, 2, { init: "zeros" }), bad("relu")]),
    error: "TypeError",
    message:
      'layer 1 must be a layer or model (a Module instance): current value is the string "relu"',
  },
  {
    input: 'model.train("eval")',
    run: (lib) => new lib.ReLU().train(bad("eval")),
    error: "TypeError",
    message: 'mode must be true or false: current value is the string "eval"',
  },
  {
    input: "summary(model, 784)",
    run: (lib) => lib.summary(new lib.Linear(784, 2, { init: "zeros" }), bad(784)),
    error: "TypeError",
    message: "shape must be an array of integers: current value is 784",
  },
  {
    input: "summary([layer], [2])",
    run: (lib) => lib.summary(bad([new lib.ReLU()]), [2]),
    error: "TypeError",
    message: "Cannot summarise model as model must be a layer or model",
  },
  {
    input: 'decodeWeights(model, "weights.safetensors")',
    run: (lib) => lib.decodeWeights(new lib.ReLU(), bad("weights.safetensors")),
    error: "TypeError",
    message: 'bytes must be a Uint8Array: current value is the string "weights.safetensors"',
  },
  // lib/optim
  {
    input: "new SGD(model, { lr: 0.1 })",
    run: (lib) => new lib.SGD(bad(setup(lib).model), { lr: 0.1 }),
    error: "TypeError",
    message:
      "params must be an array of tensors such as model.parameters(): current value is a Sequential",
  },
  {
    input: "new SGD(model.parameters, { lr: 0.1 }) (not called)",
    run: (lib) => {
      const { model } = setup(lib);
      return new lib.SGD(bad(model.parameters), { lr: 0.1 });
    },
    error: "TypeError",
    message: "(call it: model.parameters())",
  },
  {
    input: "new SGD(model.parameters())",
    run: (lib) => new lib.SGD(setup(lib).model.parameters(), bad(undefined)),
    error: "TypeError",
    message: "Cannot create SGD as lr must be a number > 0: current value is undefined",
  },
  {
    input: "new SGD(params, 0.1) (PyTorch's positional lr)",
    run: (lib) => new lib.SGD(setup(lib).model.parameters(), bad(0.1)),
    error: "TypeError",
    message:
      "Cannot create SGD as options must be an object { lr, momentum, nesterov, weightDecay }: current value is 0.1",
  },
  {
    input: 'new SGD(params, { lr: "0.1" })',
    run: (lib) => new lib.SGD(setup(lib).model.parameters(), { lr: bad("0.1") }),
    error: "TypeError",
    message: 'lr must be a number > 0: current value is the string "0.1"',
  },
  {
    input: "new RMSprop(params, { learning_rate: 0.001 }) (Keras's name)",
    run: (lib) => new lib.RMSprop(setup(lib).model.parameters(), bad({ learning_rate: 0.001 })),
    error: "TypeError",
    message: "every option must be one of lr, rho, eps, weightDecay: learning_rate is not",
  },
  {
    input: "new Adam(params, { betas: [0.9, 0.999] }) (PyTorch's name)",
    run: (lib) => new lib.Adam(setup(lib).model.parameters(), bad({ betas: [0.9, 0.999] })),
    error: "TypeError",
    message: "betas is not",
  },
  {
    input: "new SGD([tensor([1])], { lr: 0.1 }) (no requiresGrad)",
    run: (lib) => new lib.SGD([lib.tensor([1])], { lr: 0.1 }),
    error: "TypeError",
    message: "params[0] has requiresGrad false (create it with { requiresGrad: true })",
  },
  {
    input: "new SGD([w, w], { lr: 0.1 })",
    run: (lib) => {
      const w = lib.tensor([1], { requiresGrad: true });
      return new lib.SGD([w, w], { lr: 0.1 });
    },
    error: "TypeError",
    message:
      "each tensor must appear once in params, or it would be updated twice per step: params[1] is params[0]",
  },
  {
    input: 'new SGD(params, { lr: 0.1, momentum: 0.9, nesterov: "yes" })',
    run: (lib) =>
      new lib.SGD(setup(lib).model.parameters(), { lr: 0.1, momentum: 0.9, nesterov: bad("yes") }),
    error: "TypeError",
    message: 'nesterov must be true or false: current value is the string "yes"',
  },
  {
    input: "optimizer.lr = NaN",
    run: (lib) => {
      setup(lib).optimizer.lr = NaN;
    },
    error: "RangeError",
    message: "Cannot set the learning rate of SGD as lr must be a number > 0: current value is NaN",
  },
  {
    input: 'optimizer.lr = "0.01"',
    run: (lib) => {
      setup(lib).optimizer.lr = bad("0.01");
    },
    error: "TypeError",
    message: 'lr must be a number > 0: current value is the string "0.01"',
  },
  {
    input: "new SGD(params, { lr: 0.1, momentum: 1.5 })",
    run: (lib) => new lib.SGD(setup(lib).model.parameters(), { lr: 0.1, momentum: 1.5 }),
    error: "RangeError",
    message: "momentum must be a number in [0, 1]: current value is 1.5",
  },
  // lib/data
  {
    input: "batches(x, labels, 2) (the batch size alone)",
    run: (lib) => [...lib.batches(matrix(lib), [0, 1], bad(2))],
    error: "TypeError",
    message: "options must be an object: current value is 2 (write { batchSize: 2, prng })",
  },
  {
    input: "batches(x, labels, { batch_size: 2 })",
    run: (lib) => [...lib.batches(matrix(lib), [0, 1], bad({ batch_size: 2 }))],
    error: "TypeError",
    message: "every option must be one of batchSize, prng, shuffle, dropLast: batch_size is not",
  },
  {
    input: "batches(x, [0], { batchSize: 1 }) for 2 rows",
    run: (lib) => [...lib.batches(matrix(lib), [0], { batchSize: 1 })],
    error: "TypeError",
    message: "x and the labels must have one row per example",
  },
  {
    input: "batches(x, labels, { batchSize: 1, shuffle: true }) without prng",
    run: (lib) => [...lib.batches(matrix(lib), [0, 1], { batchSize: 1, shuffle: true })],
    error: "RangeError",
    message: "shuffle needs a prng",
  },
  {
    input: "batches([[1], [2]], labels, { batchSize: 1 })",
    run: (lib) => [...lib.batches(bad([[1], [2]]), [0, 1], { batchSize: 1 })],
    error: "TypeError",
    message: "Cannot make batches as x must be a Tensor",
  },
  {
    input: "splitIndices(10, [8, 2]) without { prng }",
    run: (lib) => lib.splitIndices(10, [8, 2], bad(undefined)),
    error: "TypeError",
    message: "Cannot split indices as options.prng must be a generator",
  },
  {
    input: "splitIndices(10, [0.8, 0.2], { prng }) (fractions)",
    run: (lib) => lib.splitIndices(10, [0.8, 0.2], { prng: lib.randomSeeded(0) }),
    error: "RangeError",
    message: "every size must be a non-negative integer: sizes are [0.8, 0.2]",
  },
  {
    input: "oneHot([0, 10], 10)",
    run: (lib) => lib.oneHot([0, 10], 10),
    error: "RangeError",
    message: "every label must be an integer from 0 to 9: found 10 at position 1",
  },
  {
    input: "oneHot of a [2, 1] tensor",
    run: (lib) => lib.oneHot(bad(lib.tensor([[0], [1]])), 2),
    error: "TypeError",
    message: "labels must be an array of class labels: current value is a Tensor of shape [2, 1]",
  },
  {
    input: "flatten([[1, 2]])",
    run: (lib) => lib.flatten(bad([[1, 2]])),
    error: "TypeError",
    message: "Cannot flatten as x must be a Tensor",
  },
  {
    input: "normalizePixels([0, 255])",
    run: (lib) => lib.normalizePixels(bad([0, 255])),
    error: "TypeError",
    message: "they must be bytes 0-255 (a Uint8Array): current value is an array of length 2",
  },
  {
    input: "noisyLine({ n: 10 }) without prng",
    run: (lib) => lib.noisyLine(bad({ n: 10 })),
    error: "TypeError",
    message: "Cannot make a noisy line as options.prng must be a generator",
  },
  {
    input: "spirals({ prng, noise: -1 })",
    run: (lib) => lib.spirals({ prng: lib.randomSeeded(0), noise: -1 }),
    error: "RangeError",
    message: "noise must be a number >= 0: current value is -1",
  },
  {
    input: "spirals({ prng, classes: 3 })",
    run: (lib) => lib.spirals(bad({ prng: lib.randomSeeded(0), classes: 3 })),
    error: "TypeError",
    message: "every option must be one of prng, numPerClass, numClasses, noise: classes is not",
  },
  {
    input: "mnistDataset(images, labels, indices) with an index past the end",
    run: (lib) =>
      lib.mnistDataset(new Uint8Array(2 * 784), Uint8Array.of(3, 4), Int32Array.of(0, 2)),
    error: "RangeError",
    message: "every index must be from 0 to 1: found 2 at position 1",
  },
  {
    input: "mnistSplits({ prng: 7 })",
    run: (lib) => lib.mnistSplits({ prng: bad(7), mnist: bad({}) }),
    error: "TypeError",
    message:
      "Cannot split MNIST as options.prng must be a generator from randomSeeded(seed): current value is 7",
  },
  {
    input: 'loadMnist({ directory: "data" })',
    run: (lib) => lib.loadMnist(bad({ directory: "data" })),
    error: "TypeError",
    message: "every option must be one of dir, verify: directory is not",
  },
  // lib/train
  {
    input: 'fit(..., { loss: "MSE" })',
    run: (lib) => {
      const s = setup(lib);
      return lib.fit(s.model, s.data, { ...s.options, loss: bad("MSE") });
    },
    error: "TypeError",
    message:
      'loss must be "crossEntropy", "mse" or a function (output, targets) => loss: current value is the string "MSE"',
  },
  {
    input: 'fit(..., { loss: "categorical_crossentropy" })',
    run: (lib) => {
      const s = setup(lib);
      return lib.fit(s.model, s.data, { ...s.options, loss: bad("categorical_crossentropy") });
    },
    error: "TypeError",
    message: 'loss must be "crossEntropy", "mse" or a function',
  },
  {
    input: "fit(..., { validationSplit: 0.1 })",
    run: (lib) => {
      const s = setup(lib);
      return lib.fit(s.model, s.data, bad({ ...s.options, validationSplit: 0.1 }));
    },
    error: "TypeError",
    message:
      "every option must be one of numEpochs, batchSize, optimizer, prng, loss, validation, callbacks: validationSplit is not",
  },
  {
    input: "fit(..., { epochs: 5 }) (Keras's name)",
    run: (lib) => {
      const s = setup(lib);
      return lib.fit(s.model, s.data, bad({ ...s.options, numEpochs: undefined, epochs: 5 }));
    },
    error: "TypeError",
    message: "epochs is not",
  },
  {
    input: "fit(...) without prng",
    run: (lib) => {
      const s = setup(lib);
      return lib.fit(s.model, s.data, { ...s.options, prng: bad(undefined) });
    },
    error: "TypeError",
    message:
      "options.prng must be a generator from randomSeeded(seed), which shuffles the training data each epoch: it is missing",
  },
  {
    input: "fit(..., { prng: 42 })",
    run: (lib) => {
      const s = setup(lib);
      return lib.fit(s.model, s.data, { ...s.options, prng: bad(42) });
    },
    error: "TypeError",
    message:
      "Cannot fit model as options.prng must be a generator from randomSeeded(seed): current value is 42",
  },
  {
    input: "fit() with the optimiser of an earlier model (model cell re-run)",
    run: (lib) => {
      const s = setup(lib);
      const again = setup(lib);
      return lib.fit(again.model, again.data, { ...again.options, optimizer: s.optimizer });
    },
    error: "TypeError",
    message:
      "the optimizer must update this model's parameters: 4 of the model's 4 parameter tensors are not in optimizer.params",
  },
  {
    input: 'fit(..., { optimizer: "rmsprop" })',
    run: (lib) => {
      const s = setup(lib);
      return lib.fit(s.model, s.data, { ...s.options, optimizer: bad("rmsprop") });
    },
    error: "TypeError",
    message:
      'optimizer must be an optimiser such as new RMSprop(model.parameters()): current value is the string "rmsprop"',
  },
  {
    input: "fit(model, x, labels, options) (Keras's fit(x, y))",
    run: (lib) => {
      const s = setup(lib);
      return bad(lib.fit)(s.model, s.x, s.labels, s.options);
    },
    error: "TypeError",
    message: "Keras's fit(x, y) is fit(model, { x, labels: y }, options) here",
  },
  {
    input: "fit(model, { x: [[1, 2]], labels: [0] }, ...)",
    run: (lib) => {
      const s = setup(lib);
      return lib.fit(s.model, { x: bad([[1, 2]]), labels: [0] }, s.options);
    },
    error: "TypeError",
    message: "data.x must be a Tensor: current value is an array of length 1",
  },
  {
    input: "fit(..., { validation }) with too few labels",
    run: (lib) => {
      const s = setup(lib);
      return lib.fit(s.model, s.data, { ...s.options, validation: { x: s.x, labels: [0, 1] } });
    },
    error: "TypeError",
    message:
      "validation must have one label per row of x: validation.x has shape [3, 2], validation.labels has 2",
  },
  {
    input: "fit(..., { validation }) with a label 7 for 2 classes",
    run: (lib) => {
      const s = setup(lib);
      return lib.fit(s.model, s.data, { ...s.options, validation: { x: s.x, labels: [0, 7, 1] } });
    },
    error: "RangeError",
    message:
      "every label of validation.labels must be an integer from 0 to 1 (the model has 2 outputs): found 7 at position 1",
  },
  {
    input: "fit(..., { validation: [xVal, yVal] }) (Keras's validation_data)",
    run: (lib) => {
      const s = setup(lib);
      return lib.fit(s.model, s.data, { ...s.options, validation: bad([s.x, s.labels]) });
    },
    error: "TypeError",
    message: "validation must be an object { x, labels }: current value is an array of length 2",
  },
  {
    input: "fit(..., { callbacks: view }) (no array)",
    run: (lib) => {
      const s = setup(lib);
      return lib.fit(s.model, s.data, { ...s.options, callbacks: bad({ onEpochEnd() {} }) });
    },
    error: "TypeError",
    message: "callbacks must be an array of callback objects, as in [trainingView()]",
  },
  {
    input: 'fit(..., { batchSize: "2" })',
    run: (lib) => {
      const s = setup(lib);
      return lib.fit(s.model, s.data, { ...s.options, batchSize: bad("2") });
    },
    error: "TypeError",
    message: 'batchSize must be a positive integer: current value is the string "2"',
  },
  {
    input: "fit(..., { numEpochs: 2.5 })",
    run: (lib) => {
      const s = setup(lib);
      return lib.fit(s.model, s.data, { ...s.options, numEpochs: 2.5 });
    },
    error: "RangeError",
    message: "numEpochs must be a non-negative integer: current value is 2.5",
  },
  {
    input: "fit() with a label 2 for 2 classes",
    run: (lib) => {
      const s = setup(lib);
      return lib.fit(s.model, { x: s.x, labels: [0, 2, 1] }, s.options);
    },
    error: "RangeError",
    message:
      "every label of data.labels must be an integer from 0 to 1 (the model has 2 outputs): found 2 at position 1",
  },
  {
    input: 'fit(..., { loss: "mse" }) with labels as an array',
    run: (lib) => {
      const s = setup(lib);
      return lib.fit(s.model, s.data, { ...s.options, loss: "mse" });
    },
    error: "TypeError",
    message:
      'with loss "mse" as data.labels must be a tensor of targets shaped like the model\'s output',
  },
  {
    input: "fit() of a model whose forward() ends in softmax()",
    run: (lib) => {
      const s = setup(lib);
      class Probabilities extends lib.Module {
        inner = s.model;
        forward(x: Library.Tensor) {
          return this.inner.forward(x).softmax();
        }
        override children(): [string, Library.Module][] {
          return [["inner", this.inner]];
        }
      }
      return lib.fit(new Probabilities(), s.data, s.options);
    },
    error: "TypeError",
    message: "with crossEntropy as it takes logits, the scores before softmax",
  },
  {
    input: "fit(model, data) without options",
    run: (lib) => {
      const s = setup(lib);
      return lib.fit(s.model, s.data, bad(undefined));
    },
    error: "TypeError",
    message: "Cannot fit model as options must be given",
  },
  {
    input: "fit(model.forward, data, options)",
    run: (lib) => {
      const s = setup(lib);
      return lib.fit(bad(s.model.forward), s.data, s.options);
    },
    error: "TypeError",
    message:
      "Cannot fit model as model must be a layer or model (a Module instance): current value is a function forward",
  },
  {
    input: "evaluate(model, { x, labels: [0, 5, 1] }) with 2 classes",
    run: (lib) => {
      const s = setup(lib);
      return lib.evaluate(s.model, { x: s.x, labels: [0, 5, 1] });
    },
    error: "RangeError",
    message: "Cannot evaluate model as every label of data.labels must be an integer from 0 to 1",
  },
  {
    input: 'evaluate(model, data, { loss: "mae" })',
    run: (lib) => {
      const s = setup(lib);
      return lib.evaluate(s.model, s.data, { loss: bad("mae") });
    },
    error: "TypeError",
    message: 'Cannot evaluate model as loss must be "crossEntropy", "mse" or a function',
  },
  {
    input: "evaluate(model, x)",
    run: (lib) => {
      const s = setup(lib);
      return lib.evaluate(s.model, bad(s.x));
    },
    error: "TypeError",
    message:
      "Cannot evaluate model as data must be an object { x, labels }: current value is a Tensor of shape [3, 2]",
  },
  {
    input: "predict(model, [[1, 2]])",
    run: (lib) => lib.predict(setup(lib).model, bad([[1, 2]])),
    error: "TypeError",
    message: "Cannot predict as x must be a Tensor: current value is an array of length 1",
  },
  {
    input: "predict(model, x, { batch_size: 2 })",
    run: (lib) => {
      const s = setup(lib);
      return lib.predict(s.model, s.x, bad({ batch_size: 2 }));
    },
    error: "TypeError",
    message: "every option must be one of batchSize, logits: batch_size is not",
  },
  {
    input: "accuracy(scores [3, 1], labels)",
    run: (lib) => lib.accuracy(lib.zeros([3, 1]), [0, 1, 0]),
    error: "TypeError",
    message:
      "the scores must have shape [N, classes] with at least 2 classes and N = 3: they have shape [3, 1]",
  },
  {
    input: "accuracy(scores, [0.5, 1])",
    run: (lib) => lib.accuracy(matrix(lib), [0.5, 1]),
    error: "RangeError",
    message: "Cannot compute accuracy as classes must be integers >= 0: entry 0 is 0.5",
  },
  {
    input: "accuracy(scores for 2, 3 labels)",
    run: (lib) => lib.accuracy(matrix(lib), [0, 1, 1]),
    error: "TypeError",
    message: "with at least 2 classes and N = 3: they have shape [2, 2]",
  },
  {
    input: "confusionMatrix(scores, labels, { classes: 10 })",
    run: (lib) => lib.confusionMatrix(matrix(lib), [0, 1], bad({ classes: 10 })),
    error: "TypeError",
    message: "every option must be one of numClasses: classes is not",
  },
  {
    input: "confusionMatrix([0, 12], [0, 1], { numClasses: 10 })",
    run: (lib) => lib.confusionMatrix([0, 12], [0, 1], { numClasses: 10 }),
    error: "RangeError",
    message: "classes must be integers in 0-9: example 1 has label 1, prediction 12",
  },
  {
    input: "new EarlyStopping({ patience: 3 }) (Keras's form, no model)",
    run: (lib) => new lib.EarlyStopping(bad({ patience: 3 })),
    error: "TypeError",
    message:
      "Cannot create EarlyStopping as model must be a layer or model (a Module instance): current value is an object { patience }",
  },
  {
    input: 'new EarlyStopping(model, { monitor: "val_loss" })',
    run: (lib) => new lib.EarlyStopping(setup(lib).model, { monitor: bad("val_loss") }),
    error: "RangeError",
    message:
      'monitor must be "valLoss", "valAccuracy", "loss" or "accuracy": current value is the string "val_loss"',
  },
  {
    input: 'new EarlyStopping(model, { patience: "3" })',
    run: (lib) => new lib.EarlyStopping(setup(lib).model, { patience: bad("3") }),
    error: "TypeError",
    message: 'patience must be a non-negative integer: current value is the string "3"',
  },
  {
    input: "new EarlyStopping(model, { min_delta: 0.01 })",
    run: (lib) => new lib.EarlyStopping(setup(lib).model, bad({ min_delta: 0.01 })),
    error: "TypeError",
    message: "min_delta is not",
  },
];

/** `a` and `b` equal element by element, within 1e-6. */
const near = (a: unknown, b: readonly number[]) =>
  Array.isArray(a) && a.length === b.length && a.every((v, i) => Math.abs(v - b[i]!) < 1e-6);

/** Forms the library accepts (NumPy's and PyTorch's habits), and numerics that match PyTorch. */
export const ACCEPTED_CASES: readonly AcceptedCase[] = [
  {
    input: "x.sum(1) is x.sum({ axis: 1 })",
    run: (lib) => matrix(lib).sum(bad(1)).toArray(),
    check: (r) => near(r, [3, 7]),
  },
  {
    input: "x.mean(0) is x.mean({ axis: 0 })",
    run: (lib) => matrix(lib).mean(bad(0)).toArray(),
    check: (r) => near(r, [2, 3]),
  },
  {
    input: "x.max(1) is x.max({ axis: 1 })",
    run: (lib) => matrix(lib).max(bad(1)).toArray(),
    check: (r) => near(r, [2, 4]),
  },
  {
    input: "x.argmax(1) is x.argmax({ axis: 1 })",
    run: (lib) => lib.tensor([[1, 5], [7, 2]]).argmax(bad(1)).toArray(),
    check: (r) => near(r, [1, 0]),
  },
  {
    input: "concat([a, b], 1) is concat([a, b], { axis: 1 })",
    run: (lib) => lib.concat([matrix(lib), matrix(lib)], bad(1)).shape,
    check: (r) => near(r, [2, 4]),
  },
  {
    input: "arange(0, 1, 0.25) (NumPy's positional step)",
    run: (lib) => lib.arange(0, 1, bad(0.25)).toArray(),
    check: (r) => near(r, [0, 0.25, 0.5, 0.75]),
  },
  {
    input: 'arange(3, { dtype: "float64" })',
    run: (lib) => lib.arange(3, bad({ dtype: "float64" })),
    check: (r) => r instanceof Object && "dtype" in r && r.dtype === "float64",
  },
  {
    input: "linspace(0, 1, 5) (NumPy's positional num)",
    run: (lib) => lib.linspace(0, 1, bad(5)).toArray(),
    check: (r) => near(r, [0, 0.25, 0.5, 0.75, 1]),
  },
  {
    input: "randomSeeded(42n) (a bigint, as @std/random takes)",
    run: (lib) => lib.randomSeeded(bad(42n))() === lib.randomSeeded(42)(),
    check: (r) => r === true,
  },
  {
    input: "x.selectRows(tensor([1, 0])) (indices as a tensor)",
    run: (lib) => matrix(lib).selectRows(bad(lib.tensor([1, 0]))).toArray(),
    check: (r) => JSON.stringify(r) === "[[3,4],[1,2]]",
  },
  {
    input: "oneHot(tensor([0, 2]), 3) (PyTorch's one_hot of a tensor)",
    run: (lib) => lib.oneHot(bad(lib.tensor([0, 2])), 3).toArray(),
    check: (r) => JSON.stringify(r) === "[[1,0,0],[0,0,1]]",
  },
  {
    input: "x.softmax(1) of a matrix (PyTorch's dim=1, the last axis)",
    run: (lib) => lib.tensor([[0, 0]]).softmax(bad(1)).toArray(),
    check: (r) => JSON.stringify(r) === "[[0.5,0.5]]",
  },
  {
    input: "relu(-Infinity) is 0 (PyTorch: 0)",
    run: (lib) => lib.relu(lib.tensor([-Infinity, -1, 2])).toArray(),
    check: (r) => JSON.stringify(r) === "[0,0,2]",
  },
  {
    input: "the gradient of x.pow(0) at x = 0 is 0 (PyTorch: 0)",
    run: (lib) => {
      const x = lib.tensor([0, 2], { requiresGrad: true });
      x.pow(0).sum().backward();
      return x.grad?.toArray();
    },
    check: (r) => JSON.stringify(r) === "[0,0]",
  },
  {
    input: "the exponent's gradient of pow(0, b) is 0 for b >= 0 (PyTorch: 0)",
    run: (lib) => {
      const b = lib.tensor([2, 0, 0.5], { requiresGrad: true });
      lib.pow(lib.tensor([0, 0, 0]), b).sum().backward();
      return b.grad?.toArray();
    },
    check: (r) => JSON.stringify(r) === "[0,0,0]",
  },
  {
    input: "crossEntropy with a non-target logit of -Infinity is finite (PyTorch: 1.3133)",
    run: (lib) => {
      const logits = lib.tensor([[1, -Infinity, 2]], { requiresGrad: true });
      const loss = lib.crossEntropy(logits, [0]);
      loss.backward();
      return [loss.item(), ...(logits.grad?.data ?? [])];
    },
    check: (r) => near(r, [1.3132616, -0.7310586, 0, 0.7310586]),
  },
  {
    input: "evaluate() with labels as a 1-D tensor counts accuracy by class",
    run: (lib) => {
      const s = setup(lib);
      const labels = lib.tensor([1, 1, 1]);
      const evaluation = () => lib.evaluate(s.model, { x: s.x, labels: bad(labels) }).accuracy;
      const predicted = lib.predict(s.model, s.x).argmax(bad({ axis: 1 })).data;
      const expected = [1, 1, 1].filter((c, i) => predicted[i] === c).length / 3;
      return Math.abs(evaluation() - expected) < 1e-9;
    },
    check: (r) => r === true,
  },
  {
    input: "fit() of a model ending in Softmax says it used the logits",
    run: async (lib) => {
      const s = setup(lib);
      const model = new lib.Sequential([...s.model.layers, new lib.Softmax()]);
      const history = await lib.fit(model, s.data, s.options);
      return (history as { lossFrom?: string }).lossFrom;
    },
    check: (r) => typeof r === "string" && r.includes("before the final Softmax"),
  },
];

/** What running a case gave: a value, or the error it threw (or its promise rejected with). */
export type Outcome = { threw: false; value: unknown } | { threw: true; error: unknown };

/** Runs a case against `lib`, awaiting a promise and draining an iterator (`batches`). */
export async function attempt(run: (lib: Lib) => unknown, lib: Lib): Promise<Outcome> {
  try {
    let value = run(lib);
    if (value instanceof Promise) value = await value;
    return { threw: false, value };
  } catch (error) {
    return { threw: true, error };
  }
}
