"""Runs one notebook top to bottom in a real Jupyter kernel and reports what went wrong.

Usage: .venv/bin/python tests/notebook_runner.py NOTEBOOK.ipynb [--kernel NAME] [--save OUT.ipynb]
                                            [--timeout SECONDS]

It drives the kernel with nbclient, the same client `jupyter execute` uses, with two changes:

- After a cell's kernel reports idle, it keeps reading that cell's outputs until the kernel has
  been quiet for QUIET_SECONDS. Deno 2.9's kernel can report a cell idle before it has published
  the cell's outputs (KERNEL.md); plain nbclient then drops them silently. Outputs that arrive
  even later, stamped with an earlier cell, are put back under that cell.
- Every code cell must show something, unless it carries the cell tag `no-output`: a cell that
  should have printed and did not is an error, not a pass.

The kernel starts in the notebook's own folder, as Jupyter's servers start it. The exit status is
0 when every cell ran without an error output and every cell that must show something did; 1
otherwise, with one line per problem naming the notebook, the cell and the error text; 2 when the
notebook cannot be run at all (Jupyter missing, unknown kernel).
"""

import argparse
import asyncio
import json
import re
import sys
import time
from pathlib import Path
from queue import Empty

INSTALL = "deno task course --setup-only   (it installs Jupyter into .venv/)"
QUIET_SECONDS = 0.25
ANSI = re.compile(r"\x1b\[[0-9;]*[A-Za-z]")

try:
    import nbformat
    from jupyter_client.kernelspec import KernelSpecManager
    from nbclient import NotebookClient
except ImportError as error:  # pragma: no cover - depends on the machine
    print(
        f"Cannot run notebooks as Jupyter is not installed ({error}).\n"
        f"Install it with:\n    {INSTALL}",
        file=sys.stderr,
    )
    sys.exit(2)


class DrainingClient(NotebookClient):
    """An nbclient that keeps each cell's late outputs instead of dropping them."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.cells_by_msg_id = {}
        self.late_outputs = 0

    async def _async_poll_output_msg(self, parent_msg_id, cell, cell_index):
        self.cells_by_msg_id[parent_msg_id] = (cell, cell_index)
        await super()._async_poll_output_msg(parent_msg_id, cell, cell_index)
        # The kernel said idle. Read on until it has been quiet for QUIET_SECONDS.
        while True:
            try:
                msg = await self.kc.iopub_channel.get_msg(timeout=QUIET_SECONDS)
            except Empty:
                return
            owner = self.cells_by_msg_id.get(msg["parent_header"].get("msg_id"))
            if owner is None or msg["msg_type"] in ("status", "execute_input"):
                continue
            self.late_outputs += 1
            self.process_message(msg, owner[0], owner[1])


def cell_label(index, cell):
    """`cell 3` with the first line of its source, for error messages."""
    first = next((line for line in cell.source.splitlines() if line.strip()), "")
    return f"cell {index + 1} ({first[:60]!r})"


def problems_in(nb):
    """Lists error outputs and cells that should have shown something but did not."""
    problems = []
    for index, cell in enumerate(nb.cells):
        if cell.cell_type != "code" or not cell.source.strip():
            continue
        for output in cell.get("outputs", []):
            if output.output_type == "error":
                trace = ANSI.sub("", "\n".join(output.get("traceback", []))).strip()
                text = trace or f"{output.ename}: {output.evalue}"
                text = text.replace("\n", "\n      ")
                problems.append(f"{cell_label(index, cell)} raised {text}")
            elif output.output_type == "stream" and output.name == "stderr":
                text = ANSI.sub("", output.text).strip()
                if text.startswith("Uncaught") or "\nUncaught" in text:
                    problems.append(f"{cell_label(index, cell)} wrote an error to stderr: {text}")
        tags = cell.metadata.get("tags", [])
        if not cell.get("outputs") and "no-output" not in tags:
            problems.append(
                f"{cell_label(index, cell)} showed no output (tag it `no-output` if that is meant)"
            )
    return problems


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("notebook", type=Path)
    parser.add_argument("--kernel", help="kernel name (default: the notebook's own)")
    parser.add_argument("--save", type=Path, help="write the executed notebook here")
    parser.add_argument("--timeout", type=int, default=1800, help="seconds per cell")
    args = parser.parse_args()

    path = args.notebook.resolve()
    if not path.is_file():
        print(f"Cannot run notebook as the file does not exist: {path}", file=sys.stderr)
        return 2
    nb = nbformat.read(path, as_version=4)
    kernel = args.kernel or nb.metadata.get("kernelspec", {}).get("name")
    specs = KernelSpecManager().find_kernel_specs()
    if kernel not in specs:
        print(
            f"Cannot run {path.name} as its kernel {kernel!r} is not installed: "
            f"the installed kernels are {sorted(specs)}.\n"
            "Install the course kernel with:\n    deno task course --setup-only",
            file=sys.stderr,
        )
        return 2

    client = DrainingClient(
        nb,
        kernel_name=kernel,
        timeout=args.timeout,
        allow_errors=True,
        resources={"metadata": {"path": str(path.parent)}},
    )
    started = time.monotonic()
    try:
        client.execute()
    except Exception as error:  # a dead kernel or a timeout: report it like any other problem
        print(f"FAIL {path.name}: the run stopped: {type(error).__name__}: {error}")
        return 1
    seconds = time.monotonic() - started

    if args.save:
        nbformat.write(nb, args.save)
    problems = problems_in(nb)
    summary = {
        "notebook": str(path),
        "seconds": round(seconds, 1),
        "cells": sum(1 for c in nb.cells if c.cell_type == "code"),
        "late_outputs": client.late_outputs,
        "problems": problems,
    }
    print(json.dumps(summary))
    for problem in problems:
        print(f"FAIL {path.name}: {problem}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
