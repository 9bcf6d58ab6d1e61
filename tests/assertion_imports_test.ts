import { deepStrictEqual } from "./_helpers.ts";

// tests/_helpers.ts says that every test takes its assertions from it, so that switching
// assertion libraries is a one-line change; this keeps that sentence true.
Deno.test("every test file takes its assertions from tests/_helpers.ts", async () => {
  const offenders: string[] = [];
  async function walk(dir: URL): Promise<void> {
    for await (const entry of Deno.readDir(dir)) {
      const url = new URL(entry.name + (entry.isDirectory ? "/" : ""), dir);
      if (entry.isDirectory && entry.name !== "fixtures") await walk(url);
      else if (
        entry.isFile && entry.name.endsWith(".ts") && !url.pathname.endsWith("/tests/_helpers.ts")
      ) {
        const source = await Deno.readTextFile(url);
        if (/from\s+"(node:)?assert(\/strict)?"/.test(source)) offenders.push(url.pathname);
      }
    }
  }
  await walk(new URL("./", import.meta.url));
  deepStrictEqual(offenders, [], "import assertions from tests/_helpers.ts instead of node:assert");
});
