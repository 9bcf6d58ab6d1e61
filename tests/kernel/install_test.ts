// kernel/install.ts writes the deno-course kernelspec once and leaves it alone when unchanged.
import { deepStrictEqual, match, ok, strictEqual } from "../_helpers.ts";
import { installKernelspec, kernelJson, repointedMessage } from "../../kernel/install.ts";

Deno.test("installKernelspec()", async (t) => {
  const dir = await Deno.makeTempDir({ prefix: "kernelspec-test-" });
  try {
    await t.step("writes kernel.json, then leaves an identical one alone", async () => {
      const first = await installKernelspec({ kernelsDir: dir, quiet: true });
      strictEqual(first.dir, `${dir}/deno-course`);
      strictEqual(first.changed, true);
      const stat = await Deno.stat(`${first.dir}/kernel.json`);
      const second = await installKernelspec({ kernelsDir: dir, quiet: true });
      strictEqual(second.changed, false);
      deepStrictEqual((await Deno.stat(`${first.dir}/kernel.json`)).mtime, stat.mtime);
    });

    await t.step("starts the course kernel with message interrupts and NO_COLOR", async () => {
      const text = await Deno.readTextFile(`${dir}/deno-course/kernel.json`);
      deepStrictEqual(JSON.parse(text), kernelJson(Deno.execPath()));
      const spec = JSON.parse(text) as Record<string, unknown> & { argv: string[] };
      strictEqual(spec.display_name, "Deno (course)");
      strictEqual(spec.language, "typescript");
      strictEqual(spec.interrupt_mode, "message");
      deepStrictEqual(spec.env, { NO_COLOR: "1" });
      strictEqual(spec.argv[0], Deno.execPath());
      strictEqual(spec.argv.at(-1), "{connection_file}");
      const main = spec.argv.at(-2)!;
      ok(main.endsWith("/kernel/main.ts") && (await Deno.stat(main)).isFile, main);
    });

    await t.step("rewrites a kernel.json that differs", async () => {
      await Deno.writeTextFile(`${dir}/deno-course/kernel.json`, "{}");
      strictEqual((await installKernelspec({ kernelsDir: dir, quiet: true })).changed, true);
    });

    await t.step("names the checkout a kernel.json pointed at before, when another", async () => {
      const checkout = new URL("../../", import.meta.url).pathname.replace(/\/$/, "");
      const elsewhere = { ...kernelJson(Deno.execPath()) } as { argv: string[] };
      elsewhere.argv = elsewhere.argv.map((arg) =>
        arg.startsWith(checkout) ? arg.replace(checkout, "/elsewhere/course") : arg
      );
      await Deno.writeTextFile(`${dir}/deno-course/kernel.json`, JSON.stringify(elsewhere));
      const repointed = await installKernelspec({ kernelsDir: dir, quiet: true });
      strictEqual(repointed.changed, true);
      strictEqual(repointed.previousCheckout, "/elsewhere/course");
      match(
        repointedMessage(repointed.dir, "/elsewhere/course"),
        new RegExp(
          `pointed at the checkout /elsewhere/course; it now points at this one, ${checkout}\\.`,
        ),
      );
      // Pointing at this checkout already: nothing to report.
      strictEqual(
        (await installKernelspec({ kernelsDir: dir, quiet: true })).previousCheckout,
        undefined,
      );
    });
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});
