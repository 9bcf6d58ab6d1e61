// scripts/python_env.ts: the checkout's own Jupyter in .venv/, from the pinned lock file. The
// failure cases run against fake Pythons and a closed port instead of PyPI: no network here.
import { deepStrictEqual, match, ok, rejects, strictEqual } from "./_helpers.ts";
import {
  coursePython,
  ensureVenv,
  kernelspecDirs,
  MIN_PYTHON,
  REQUIREMENTS,
  SetupError,
  usesOwnJupyter,
  VENV_DIR,
} from "../scripts/python_env.ts";

/** A folder holding one executable `python3` shell script with this body. */
async function fakePython(body: string): Promise<string> {
  const dir = await Deno.makeTempDir({ prefix: "fake-python-" });
  await Deno.writeTextFile(`${dir}/python3`, `#!/bin/sh\n${body}\n`);
  await Deno.chmod(`${dir}/python3`, 0o755);
  return dir;
}

function noLog(line: string): void {
  throw new Error(`ensureVenv() should have printed nothing, printed: ${line}`);
}

Deno.test("ensureVenv() without python3 on the PATH says how to install Python", async () => {
  const empty = await Deno.makeTempDir({ prefix: "no-python-" });
  try {
    await rejects(
      ensureVenv({ venvDir: `${empty}/venv`, searchPath: empty, log: () => {} }),
      (error: Error) => {
        ok(error instanceof SetupError, String(error));
        match(
          error.message,
          /Cannot set up the course's Jupyter as it needs Python 3\.11 or newer/,
        );
        match(error.message, /no python3 was found on the PATH/);
        match(error.message, /sudo apt-get install python3 python3-venv/);
        return true;
      },
    );
  } finally {
    await Deno.remove(empty, { recursive: true });
  }
});

Deno.test("ensureVenv() with only Python 3.10 names it and the ways out", async () => {
  const dir = await fakePython(`echo 3.10.12`);
  try {
    await rejects(
      ensureVenv({ venvDir: `${dir}/venv`, searchPath: dir, log: () => {} }),
      (error: Error) => {
        ok(error instanceof SetupError, String(error));
        match(error.message, /needs Python 3\.11 or newer: the PATH has only python3 3\.10\.12/);
        match(error.message, /python3\.11-venv/);
        match(error.message, /--own-jupyter/);
        return true;
      },
    );
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("ensureVenv() without Python's venv module says apt-get install python3-venv", async () => {
  // What Debian's python3 prints when python3-venv is not installed.
  const dir = await fakePython(`case "$*" in
  *"-m venv"*)
    echo "The virtual environment was not created successfully because ensurepip is not"
    echo "available.  On Debian/Ubuntu systems, you need to install the python3-venv"
    mkdir -p "$4/bin"; exit 1 ;;
  *) echo 3.11.2 ;;
esac`);
  try {
    await rejects(
      ensureVenv({ venvDir: `${dir}/venv`, searchPath: dir, log: () => {} }),
      (error: Error) => {
        ok(error instanceof SetupError, String(error));
        match(error.message, /Cannot create the course's Python environment as Python's venv/);
        match(error.message, /ensurepip is not/);
        match(error.message, /sudo apt-get install python3-venv .*python3\.11-venv/);
        return true;
      },
    );
    // The half-made environment is gone, so the next run starts clean.
    await rejects(Deno.stat(`${dir}/venv`), Deno.errors.NotFound);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("ensureVenv() on a first run without network says PyPI could not be reached", async () => {
  const work = await Deno.makeTempDir({ prefix: "no-network-" });
  const lines: string[] = [];
  try {
    await rejects(
      ensureVenv({
        venvDir: `${work}/venv`,
        log: (line) => lines.push(line),
        // Every package source pip knows is replaced by a closed local port.
        pipEnv: {
          PIP_CONFIG_FILE: "/dev/null",
          PIP_INDEX_URL: "http://127.0.0.1:9/simple",
          PIP_FIND_LINKS: work,
          PIP_NO_CACHE_DIR: "1",
          PIP_RETRIES: "0",
          PIP_TIMEOUT: "2",
        },
      }),
      (error: Error) => {
        ok(error instanceof SetupError, String(error));
        match(
          error.message,
          /Cannot install the course's Jupyter into .* as PyPI could not be reached/,
        );
        match(error.message, /connect to the internet .*then run the command again/);
        match(error.message, /After that first run the course works offline/);
        return true;
      },
    );
    match(lines.join("\n"), /Creating .*venv.* with Python 3\.\d+\.\d+/);
    // No stamp: the next run installs again instead of taking the environment as complete.
    await rejects(Deno.stat(`${work}/venv/course-requirements.sha256`), Deno.errors.NotFound);
  } finally {
    await Deno.remove(work, { recursive: true });
  }
});

Deno.test("ensureVenv() refuses a .venv folder that is not a Python environment", async () => {
  const work = await Deno.makeTempDir({ prefix: "not-a-venv-" });
  try {
    await Deno.mkdir(`${work}/venv`);
    await Deno.writeTextFile(`${work}/venv/notes.txt`, "mine");
    await rejects(
      ensureVenv({ venvDir: `${work}/venv`, log: () => {} }),
      /exists and is not a Python environment \(it has no pyvenv\.cfg\)/,
    );
    strictEqual(await Deno.readTextFile(`${work}/venv/notes.txt`), "mine");
  } finally {
    await Deno.remove(work, { recursive: true });
  }
});

// The rest reads the checkout's own .venv/, which the test task's set-up step has made.
const ownJupyter = { ignore: usesOwnJupyter() };

Deno.test({
  name: "ensureVenv() on the set-up .venv/ changes nothing and prints nothing",
  ...ownJupyter,
  async fn() {
    const result = await ensureVenv({ log: noLog });
    deepStrictEqual(result, {
      changed: false,
      python: `${VENV_DIR}/bin/python`,
      jupyterlab: "4.6.6",
    });
    strictEqual(coursePython(), `${VENV_DIR}/bin/python`);
  },
});

Deno.test({
  name: "the course kernel Jupyter finds is the checkout's own, in .venv/",
  ...ownJupyter,
  async fn() {
    // Even with a user-level deno-course pointing elsewhere, as older set-ups left behind.
    const data = await Deno.makeTempDir({ prefix: "stale-jupyter-data-" });
    try {
      await Deno.mkdir(`${data}/kernels/deno-course`, { recursive: true });
      await Deno.writeTextFile(
        `${data}/kernels/deno-course/kernel.json`,
        JSON.stringify({ argv: ["deno", "/elsewhere/kernel/main.ts"], display_name: "old" }),
      );
      const dirs = await kernelspecDirs(coursePython(), { JUPYTER_DATA_DIR: data });
      strictEqual(dirs["deno-course"], `${VENV_DIR}/share/jupyter/kernels/deno-course`);
    } finally {
      await Deno.remove(data, { recursive: true });
    }
  },
});

Deno.test({
  name: "requirements.txt pins, with hashes, every package the installed ones need",
  ...ownJupyter,
  async fn() {
    // For each installed package: its version equals the pin, its Requires-Python admits the
    // oldest Python the course accepts, and each requirement that holds on Linux or macOS with
    // any CPython the course accepts is itself pinned (pip-compile only sees its own platform).
    const script = `
import json, sys
import importlib.metadata as md
from packaging.requirements import Requirement
from packaging.specifiers import SpecifierSet
from packaging.utils import canonicalize_name

pins = json.loads(sys.argv[1])
oldest = sys.argv[2]
problems = []
environments = [
    {"sys_platform": platform, "platform_system": system, "os_name": "posix",
     "python_version": version, "python_full_version": version + ".0",
     "implementation_name": "cpython", "platform_python_implementation": "CPython",
     "extra": ""}
    for platform, system in (("linux", "Linux"), ("darwin", "Darwin"))
    for version in (oldest, "3.12", "3.13", "3.14")
]
for dist in md.distributions():
    name = canonicalize_name(dist.metadata["Name"])
    if name in ("pip", "setuptools"):
        continue  # the environment's own installer, from python -m venv
    if name not in pins:
        problems.append(f"{name} is installed but not pinned")
        continue
    if dist.version != pins[name]:
        problems.append(f"{name} is {dist.version}, requirements.txt pins {pins[name]}")
    requires_python = dist.metadata.get("Requires-Python")
    if requires_python and not SpecifierSet(requires_python).contains(oldest + ".0"):
        problems.append(f"{name} {dist.version} requires Python {requires_python}")
    for text in dist.requires or []:
        req = Requirement(text)
        if req.marker is not None and not any(req.marker.evaluate(env) for env in environments):
            continue
        if canonicalize_name(req.name) not in pins:
            problems.append(f"{name} needs {text}, which requirements.txt does not pin")
print(json.dumps(problems))
`;
    const text = await Deno.readTextFile(REQUIREMENTS);
    const pins: Record<string, string> = {};
    for (const block of text.split(/\n(?=[a-z0-9])/i)) {
      const pin = block.match(/^([A-Za-z0-9._-]+)==([^\s;\\]+)/);
      if (pin === null) continue;
      ok(/--hash=sha256:[0-9a-f]{64}/.test(block), `${pin[1]} has no hash in requirements.txt`);
      pins[pin[1]!.toLowerCase().replace(/[._]/g, "-")] = pin[2]!;
    }
    ok(Object.keys(pins).length > 50, `only ${Object.keys(pins).length} pins found`);
    const { success, stdout, stderr } = await new Deno.Command(coursePython(), {
      args: ["-c", script, JSON.stringify(pins), MIN_PYTHON.join(".")],
      stdout: "piped",
      stderr: "piped",
    }).output();
    ok(success, new TextDecoder().decode(stderr));
    deepStrictEqual(JSON.parse(new TextDecoder().decode(stdout)), []);
  },
});
