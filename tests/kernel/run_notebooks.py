"""Run notebooks with plain nbclient and print each cell's outputs as JSON.

Usage: python3 run_notebooks.py KERNEL_NAME REPEATS NOTEBOOK...

Prints {"runs": [{"notebook": path, "seconds": s, "cells": [[output, ...], ...]}, ...]},
one run per notebook and repeat, where an output is "stream:<text>", "result:<text/plain>",
"display:<text/plain>" or "error:<ename>: <evalue>". Exit code 3: Jupyter is missing.
"""

import json
import signal
import os
import sys
import time

try:
    import nbformat
    from nbclient import NotebookClient
except ImportError as error:
    print(f"Cannot run notebooks as Python's nbclient is missing: {error}. "
          "Install it with: pip install nbclient jupyter_client pyzmq", file=sys.stderr)
    sys.exit(3)


# On SIGTERM (the test's timeout), exit through finally blocks and atexit, which shut kernels down.
signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))


def describe(output):
    kind = output["output_type"]
    if kind == "stream":
        return "stream:" + output["text"]
    if kind == "error":
        return f"error:{output['ename']}: {output['evalue']}"
    text = output.get("data", {}).get("text/plain", "")
    return ("result:" if kind == "execute_result" else "display:") + text


def main():
    kernel_name, repeats, paths = sys.argv[1], int(sys.argv[2]), sys.argv[3:]
    runs = []
    for _ in range(repeats):
        for path in paths:
            nb = nbformat.read(path, as_version=4)
            client = NotebookClient(nb, kernel_name=kernel_name, timeout=60, allow_errors=True,
                                    resources={"metadata": {"path": os.path.dirname(path)}})
            start = time.monotonic()
            client.execute()
            runs.append({
                "notebook": path,
                "seconds": time.monotonic() - start,
                "cells": [[describe(o) for o in cell.get("outputs", [])] for cell in nb.cells],
            })
    print(json.dumps({"runs": runs}))


main()
