"""Drive the course kernel through jupyter_client, as a front end would.

Usage: python3 kernel_scenarios.py SCENARIO KERNEL_NAME WORKDIR

Scenarios (each prints one JSON object on stdout):
  interrupt    set a variable, interrupt `while (true) {}`, read the variable again
  stop_await   Stop cells that await a timer, or a promise nothing will settle
  late_errors  errors thrown in timers and unhandled rejections after their cell finished
  channels     stdin (prompt), completion, is_complete, heartbeat
  two_clients  two clients of one KernelManager (one session) take turns running cells
  lifecycle    restart, then shutdown; reports the processes before and after
  crash        kill Deno's kernel during a cell; reports what the front end saw
  oom          a cell fills the heap (run with a small --max-old-space-size)
  orphan       start a kernel, print its process ids, then wait to be killed
Exit code 3: Jupyter's Python packages are missing.
"""

import json
import os
import signal
import sys
import time

try:
    from jupyter_client import KernelManager
except ImportError as error:
    print(f"Cannot drive the kernel as Python's jupyter_client is missing: {error}. "
          "Install it with: pip install jupyter_client nbclient pyzmq", file=sys.stderr)
    sys.exit(3)


# On SIGTERM (the test's timeout), exit through finally blocks and atexit, which shut kernels down.
signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))


def start(kernel_name, workdir):
    km = KernelManager(kernel_name=kernel_name)
    km.start_kernel(cwd=workdir, env=dict(os.environ))
    kc = km.client()
    kc.start_channels()
    kc.wait_for_ready(timeout=60)
    return km, kc


def text_of(content):
    if "data" in content:
        return content["data"].get("text/plain", "")
    if "text" in content:
        return content["text"]
    if "ename" in content:
        return f"{content['ename']}: {content['evalue']}"
    return ""


def outputs_until_idle(kc, msg_id, timeout=20):
    """Outputs of one request, as [msg_type, text] pairs, until its idle status."""
    outputs, deadline = [], time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            msg = kc.get_iopub_msg(timeout=max(0.01, deadline - time.monotonic()))
        except Exception:
            break
        if msg["parent_header"].get("msg_id") != msg_id:
            continue
        kind, content = msg["msg_type"], msg["content"]
        if kind == "status":
            if content["execution_state"] == "idle":
                return outputs
        elif kind != "execute_input":
            outputs.append([kind, text_of(content)])
    outputs.append(["timeout", "no idle status"])
    return outputs


def reply_to(kc, msg_id, timeout=20):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            msg = kc.get_shell_msg(timeout=max(0.01, deadline - time.monotonic()))
        except Exception:
            break
        if msg["parent_header"].get("msg_id") == msg_id:
            return msg["content"]
    return {"status": "timeout"}


def run(kc, code, timeout=20):
    msg_id = kc.execute(code)
    reply = reply_to(kc, msg_id, timeout)
    return {"status": reply["status"], "outputs": outputs_until_idle(kc, msg_id, timeout)}


def stop_timed(km, kc, msg_id, timeout=20):
    """Stops a running cell; returns its outputs and the seconds from Stop to its first
    explanation (a stderr stream) and to its idle status, as seen by this client."""
    started = time.monotonic()
    km.interrupt_kernel()
    outputs, told, idle = [], None, None
    deadline = started + timeout
    while idle is None and time.monotonic() < deadline:
        try:
            msg = kc.get_iopub_msg(timeout=max(0.01, deadline - time.monotonic()))
        except Exception:
            break
        if msg["parent_header"].get("msg_id") != msg_id:
            continue
        kind, content = msg["msg_type"], msg["content"]
        if kind == "status" and content["execution_state"] == "idle":
            idle = time.monotonic() - started
        elif kind not in ("status", "execute_input"):
            outputs.append([kind, text_of(content)])
            if kind == "stream" and told is None:
                told = time.monotonic() - started
    return {"outputs": outputs, "told_seconds": told, "idle_seconds": idle,
            "reply": reply_to(kc, msg_id, timeout=5).get("status")}


def wait_busy(kc, msg_id, timeout=10):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        msg = kc.get_iopub_msg(timeout=timeout)
        if (msg["parent_header"].get("msg_id") == msg_id and msg["msg_type"] == "status"
                and msg["content"]["execution_state"] == "busy"):
            return
    raise TimeoutError("the cell never started")


def children(pid):
    """Process ids below `pid`, from /proc (Linux)."""
    found = []
    try:
        for task in os.listdir(f"/proc/{pid}/task"):
            with open(f"/proc/{pid}/task/{task}/children") as file:
                for child in file.read().split():
                    found.append(int(child))
                    found.extend(children(int(child)))
    except OSError:
        pass
    return found


def alive(pid):
    try:
        with open(f"/proc/{pid}/stat") as file:
            return file.read().split(")")[-1].split()[0] != "Z"
    except OSError:
        return False


def wait_gone(pids, timeout=10):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and any(alive(pid) for pid in pids):
        time.sleep(0.1)
    return [pid for pid in pids if alive(pid)]


def kernel_pids(km):
    pid = km.provisioner.process.pid
    return [pid] + children(pid)


def interrupt(km, kc):
    before = run(kc, "const answer = 41 + 1;\nanswer")
    msg_id = kc.execute("while (true) {}")
    wait_busy(kc, msg_id)
    time.sleep(0.5)
    started = time.monotonic()
    km.interrupt_kernel()
    reply = reply_to(kc, msg_id, timeout=15)
    seconds = time.monotonic() - started
    loop_outputs = outputs_until_idle(kc, msg_id)
    after = run(kc, "answer + 1")
    # A loop that awaits a display update between steps, as a training loop with a live view
    # does: Stop lands after an `await`, where Deno finishes the cell only once its promise is
    # garbage-collected (the relay has Deno collect on SIGUSR2 after an interrupt).
    msg_id = kc.execute(
        "let k = 0;\nfor (;;) {\n  for (let i = 0; i < 3e6; i++) {}\n"
        "  await Deno.jupyter.display({ 'text/plain': `step ${k}` },"
        " { raw: true, display_id: 'progress', update: k++ > 0 });\n}"
    )
    wait_busy(kc, msg_id)
    time.sleep(1.0)
    started = time.monotonic()
    km.interrupt_kernel()
    reply_to(kc, msg_id, timeout=60)
    await_seconds = time.monotonic() - started
    await_outputs = outputs_until_idle(kc, msg_id)
    after_await = run(kc, "answer + 2")
    return {"before": before, "loop_reply": reply["status"], "loop_outputs": loop_outputs,
            "interrupt_seconds": seconds, "after": after, "alive": km.is_alive(),
            "await_seconds": await_seconds, "await_outputs": await_outputs,
            "after_await": after_await}


def stop_await(km, kc):
    """Stop during cells that await: a long timer, a loop of short timers, a promise nothing
    settles. Then a promise that a global keeps alive, which no Stop can end."""
    before = run(kc, "const answer = 41 + 1;\nanswer")
    cells = {
        "timer": "await new Promise((r) => setTimeout(r, 1e9));",
        "timer_loop": "for (;;) await new Promise((r) => setTimeout(r, 0));",
        "never": "await new Promise(() => {});",
    }
    stops, after = {}, {}
    for i, (name, code) in enumerate(cells.items()):
        msg_id = kc.execute(code)
        wait_busy(kc, msg_id)
        time.sleep(0.5)
        stops[name] = stop_timed(km, kc, msg_id)
        after[name] = run(kc, f"answer + {i + 1}")
    # A promise kept alive by a global: the cell can only be given up on.
    msg_id = kc.execute("globalThis.forever = new Promise(() => {});\nawait forever;")
    wait_busy(kc, msg_id)
    time.sleep(0.5)
    stuck = stop_timed(km, kc, msg_id)
    started = time.monotonic()
    next_cell = run(kc, "answer + 10")
    next_cell["seconds"] = time.monotonic() - started
    # What the learner is told to do: restart.
    started = time.monotonic()
    km.restart_kernel(now=False)
    kc.wait_for_ready(timeout=60)
    restarted = run(kc, "typeof answer")
    restarted["seconds"] = time.monotonic() - started
    return {"before": before, "stops": stops, "after": after, "stuck": stuck,
            "next_cell": next_cell, "restarted": restarted}


def late_errors(km, kc):
    """Errors that escape every cell: shown under the running cell, or the next one to run."""
    scheduled = run(kc, "setTimeout(() => { throw new Error('late boom'); }, 200);\n'scheduled'")
    time.sleep(0.6)
    next_cell = run(kc, "1 + 1")
    rejected = run(kc, "(async () => {\n  await new Promise((r) => setTimeout(r, 100));\n"
                       "  throw new Error('async late');\n})();\n3")
    time.sleep(0.5)
    after_rejection = run(kc, "4")
    during = run(kc, "setTimeout(() => { throw new Error('during'); }, 50);\n"
                     "await new Promise((r) => setTimeout(r, 300));\n5")
    own_error = run(kc, "await null;\nthrow new Error('plain cell error');")
    return {"scheduled": scheduled, "next_cell": next_cell, "rejected": rejected,
            "after_rejection": after_rejection, "during": during, "own_error": own_error}


def two_clients(km, kc):
    """A second client of the same KernelManager shares its session, hence its socket
    identities; both must be served, taking turns."""
    second = km.client()
    second.start_channels()
    try:
        second.wait_for_ready(timeout=20)
        ready = True
    except Exception:
        ready = False
    def turn(client, code):
        # jupyter_client gives each client a clone of the session, counter included, so the two
        # clients' message ids can repeat: drop the messages of earlier turns first.
        for get in (client.get_iopub_msg, client.get_shell_msg):
            while True:
                try:
                    get(timeout=0.3)
                except Exception:
                    break
        return run(client, code, timeout=10)

    turns = [turn(kc, "const shared = 1;\nshared")]
    turns.append(turn(second, "shared + 1") if ready else {"status": "not ready"})
    turns.append(turn(kc, "shared + 2"))
    turns.append(turn(second, "shared + 3") if ready else {"status": "not ready"})
    second.stop_channels()
    return {"second_ready": ready, "turns": turns}


def oom(km, kc):
    before = run(kc, "const kept = 1;\nkept")
    msg_id = kc.execute("const hoard = [];\n"
                        "for (;;) hoard.push(Array.from({ length: 1e5 }, (_, i) => i + 0.5));")
    reply = reply_to(kc, msg_id, timeout=60)
    outputs = outputs_until_idle(kc, msg_id, timeout=10)
    return {"before": before, "reply": reply.get("status"), "ename": reply.get("ename"),
            "outputs": outputs}


def channels(km, kc):
    msg_id = kc.execute("const name = prompt('Your name?');\nname", allow_stdin=True)
    request = kc.get_stdin_msg(timeout=20)
    kc.input("Ada")
    reply = reply_to(kc, msg_id)
    prompt = {"prompt": request["content"].get("prompt"), "reply": reply["status"],
              "outputs": outputs_until_idle(kc, msg_id)}
    msg_id = kc.complete("const answer = 42;\nans", 23)
    complete = reply_to(kc, msg_id)
    msg_id = kc.is_complete("if (true) {")
    is_complete = reply_to(kc, msg_id)
    time.sleep(1)
    return {"prompt": prompt, "complete_status": complete.get("status"),
            "is_complete": is_complete.get("status"),
            "heartbeat": kc.hb_channel.is_beating(), "after": run(kc, "1 + 1")}


def lifecycle(km, kc):
    first = run(kc, "globalThis.marker = 7;\nmarker")
    before_restart = kernel_pids(km)
    km.restart_kernel(now=False)
    kc.wait_for_ready(timeout=60)
    after_restart = kernel_pids(km)
    left_by_restart = wait_gone([pid for pid in before_restart if pid not in after_restart])
    second = run(kc, "typeof globalThis.marker")
    kc.stop_channels()
    started = time.monotonic()
    km.shutdown_kernel(now=False)
    shutdown_seconds = time.monotonic() - started
    return {"first": first, "second": second, "before_restart": before_restart,
            "after_restart": after_restart, "left_by_restart": left_by_restart,
            "left_by_shutdown": wait_gone(after_restart), "shutdown_seconds": shutdown_seconds}


def crash(km, kc):
    run(kc, "const kept = 1;\nkept")
    msg_id = kc.execute("await new Promise((resolve) => setTimeout(resolve, 20000));\n'never'")
    wait_busy(kc, msg_id)
    pids = kernel_pids(km)
    os.kill(pids[-1], signal.SIGKILL)  # Deno's kernel, below the relay
    reply = reply_to(kc, msg_id, timeout=15)
    outputs = outputs_until_idle(kc, msg_id, timeout=15)
    return {"reply": reply.get("status"), "ename": reply.get("ename"), "outputs": outputs,
            "relay_exited": wait_gone(pids[:1]) == [], "left": wait_gone(pids)}


def orphan(km, kc):
    """Prints the kernel's process ids, then waits for the test to kill this process."""
    print(json.dumps({"pids": kernel_pids(km)}), flush=True)
    time.sleep(600)


def main():
    scenario, kernel_name, workdir = sys.argv[1:4]
    km, kc = start(kernel_name, workdir)
    pids = kernel_pids(km)
    if scenario == "orphan":
        orphan(km, kc)
        return
    try:
        result = {"interrupt": interrupt, "stop_await": stop_await, "late_errors": late_errors,
                  "channels": channels, "two_clients": two_clients, "lifecycle": lifecycle,
                  "crash": crash, "oom": oom}[scenario](km, kc)
    finally:
        if km.has_kernel:
            kc.stop_channels()
            km.shutdown_kernel(now=False)
    result["left_at_exit"] = wait_gone(pids)
    print(json.dumps(result))


main()
