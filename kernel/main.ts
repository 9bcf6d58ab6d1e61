/**
 * Entry point of the course kernel: `deno run -A kernel/main.ts CONNECTION_FILE`.
 *
 * The kernelspec written by `kernel/install.ts` starts this script. It runs Deno's own kernel
 * (`deno jupyter --kernel`) behind the ordering relay in `proxy.ts`; read that file's comment
 * for the Deno behaviour it works around.
 *
 * Set `DENO_COURSE_KERNEL_LOG=/some/file` to log every relayed message with a timestamp.
 *
 * @module
 */

import { type ConnectionInfo, CourseKernel } from "./proxy.ts";

if (import.meta.main) {
  const connectionFile = Deno.args[0];
  if (connectionFile === undefined) {
    console.error("Cannot start the course kernel as it needs a connection file: none given");
    console.error("Usage: deno run -A kernel/main.ts CONNECTION_FILE");
    Deno.exit(2);
  }
  const conn: ConnectionInfo = JSON.parse(await Deno.readTextFile(connectionFile));
  // Front ends started by jupyter_client name themselves in JPY_PARENT_PID: when that process
  // is gone, the kernel exits too.
  const parentPid = Number(Deno.env.get("JPY_PARENT_PID"));
  const kernel = await CourseKernel.start(conn, {
    logFile: Deno.env.get("DENO_COURSE_KERNEL_LOG") ?? "",
    ...(Number.isInteger(parentPid) && parentPid > 1 ? { parentPid } : {}),
  });
  Deno.exit(await kernel.finished);
}
