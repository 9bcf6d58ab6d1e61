import { loadMnist, MNIST_DEFAULT_DIR, MNIST_FILES } from "../../lib/data/mnist.ts";
import { deepStrictEqual, ok, rejects, strictEqual } from "../_helpers.ts";

const fixtures = new URL("../fixtures/", import.meta.url);

Deno.test("loadMnist() reads the 16-digit fixtures", async () => {
  const mnist = await loadMnist({ dir: new URL("mnist16/", fixtures), verify: false });
  strictEqual(mnist.trainImages.length, 16 * 784);
  strictEqual(mnist.testImages.length, 16 * 784);
  deepStrictEqual([...mnist.trainLabels.slice(0, 8)], [5, 0, 4, 1, 9, 2, 1, 3]);
  deepStrictEqual([...mnist.testLabels.slice(0, 8)], [7, 2, 1, 0, 4, 1, 4, 9]);
});

Deno.test("loadMnist() rejects the fixtures when verifying, naming both sizes", async () => {
  await rejects(
    () => loadMnist({ dir: new URL("mnist16/", fixtures) }),
    { name: "TypeError", message: /as its size must be \d+ bytes: file has \d+ bytes/ },
  );
});

Deno.test("loadMnist() names the missing file and the `dir` option", async () => {
  const empty = await Deno.makeTempDir();
  try {
    await rejects(() => loadMnist({ dir: empty }), {
      name: "NotFound",
      message: /check the `dir` option/,
    });
  } finally {
    await Deno.remove(empty, { recursive: true });
  }
});

Deno.test("loadMnist() names `deno install` for the default folder", async () => {
  // Simulate a missing package by asking for the default folder's sibling through a module copy.
  const copyDir = await Deno.makeTempDir();
  try {
    await copyTree(new URL("../../lib/", import.meta.url), `${copyDir}/lib`);
    const copy = await import(`file://${copyDir}/lib/data/mnist.ts`);
    await rejects(
      () => copy.loadMnist(),
      { name: "NotFound", message: /run `deno install` in the repository/ },
    );
  } finally {
    await Deno.remove(copyDir, { recursive: true });
  }
});

Deno.test("loadMnist() rejects labels outside 0-9", async () => {
  const dir = await Deno.makeTempDir();
  try {
    for (const spec of Object.values(MNIST_FILES)) {
      await Deno.copyFile(new URL(`mnist16/${spec.file}`, fixtures), `${dir}/${spec.file}`);
    }
    const labels = await Deno.readFile(`${dir}/${MNIST_FILES.testLabels.file}`);
    labels[8 + 3] = 12;
    await Deno.writeFile(`${dir}/${MNIST_FILES.testLabels.file}`, labels);
    await rejects(
      () => loadMnist({ dir, verify: false }),
      {
        name: "RangeError",
        message: /every label must be an integer from 0 to 9: found 12 at position 3/,
      },
    );
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("MNIST_FILES agrees with data/README.md", async () => {
  const readme = await Deno.readTextFile(new URL("../../data/README.md", import.meta.url));
  for (const spec of Object.values(MNIST_FILES)) {
    const row = readme.split("\n").find((line) => line.startsWith(`| \`${spec.file}\``));
    ok(row, `data/README.md has a row for ${spec.file}`);
    ok(row.includes(`\`${spec.sha256}\``), `SHA-256 of ${spec.file} agrees`);
    ok(row.includes(spec.bytes.toLocaleString("en-US")), `size of ${spec.file} agrees`);
  }
});

Deno.test({
  name: "loadMnist() verifies the real files' hashes",
  ignore: !(await Deno.stat(new URL(MNIST_FILES.testLabels.file, MNIST_DEFAULT_DIR)).then(() =>
    true, () =>
    false)),
  fn: async () => {
    const mnist = await loadMnist();
    strictEqual(mnist.trainLabels.length, 60000);
    strictEqual(mnist.testLabels.length, 10000);
    strictEqual(mnist.trainImages.length, 60000 * 784);
  },
});

/** Copies the TypeScript files under `from` to the folder `to`, keeping the layout. */
async function copyTree(from: URL, to: string): Promise<void> {
  await Deno.mkdir(to, { recursive: true });
  for await (const entry of Deno.readDir(from)) {
    if (entry.isDirectory) await copyTree(new URL(`${entry.name}/`, from), `${to}/${entry.name}`);
    else if (entry.name.endsWith(".ts")) {
      await Deno.copyFile(new URL(entry.name, from), `${to}/${entry.name}`);
    }
  }
}
