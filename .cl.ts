import { countCodeLines } from "/work/main/scripts/size.ts";
for (const f of Deno.args) console.log(String(countCodeLines(Deno.readTextFileSync(f))).padStart(5), f);
