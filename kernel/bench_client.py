"""Time execute round trips through one kernel (used by kernel/bench.ts).

Usage: python3 bench_client.py KERNEL_NAME CELLS WORKDIR
Prints JSON: per cell kind, the seconds from execute_request to having both the execute_reply
and the idle status (what a front end waits for), and the kernel process's CPU time while idle.
"""

import json
import os
import sys
import time

from jupyter_client import KernelManager

CODES = {"expression": "1 + 1", "log_and_expression": "console.log('x');\n2"}


def round_trip(kc, code):
    start = time.perf_counter()
    msg_id = kc.execute(code)
    replied = idle = False
    while not (replied and idle):
        if not replied:
            try:
                msg = kc.get_shell_msg(timeout=0.001)
                replied = msg["parent_header"].get("msg_id") == msg_id
            except Exception:
                pass
        try:
            msg = kc.get_iopub_msg(timeout=0.001)
            idle = idle or (msg["parent_header"].get("msg_id") == msg_id
                            and msg["msg_type"] == "status"
                            and msg["content"]["execution_state"] == "idle")
        except Exception:
            pass
    return time.perf_counter() - start


def cpu_seconds(pid):
    with open(f"/proc/{pid}/stat") as file:
        fields = file.read().split(")")[-1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def main():
    kernel_name, cells, workdir = sys.argv[1], int(sys.argv[2]), sys.argv[3]
    km = KernelManager(kernel_name=kernel_name)
    km.start_kernel(cwd=workdir)
    kc = km.client()
    kc.start_channels()
    kc.wait_for_ready(timeout=60)
    try:
        result = {}
        for kind, code in CODES.items():
            for _ in range(10):  # warm up
                round_trip(kc, code)
            result[kind] = [round_trip(kc, code) for _ in range(cells)]
        pid = km.provisioner.process.pid
        time.sleep(2)
        before = cpu_seconds(pid)
        time.sleep(5)
        result["idle_cpu_percent"] = (cpu_seconds(pid) - before) / 5 * 100
        print(json.dumps(result))
    finally:
        kc.stop_channels()
        km.shutdown_kernel(now=False)


main()
