#!/usr/bin/env python3
"""Times gloss from process start to its first prompt with one article, from outside the process.

    scripts/bench-tools/first_prompt.py GLOSS ARTICLE --json OUT [--runs 30] [--warmup 3]

Runs `GLOSS ARTICLE` with `quit` on standard input (the non-interactive mode: the article is loaded
as at an interactive start, then the piped `quit` is read where a person would get the prompt) and
takes the wall time until the process has exited; the median of the runs after warm-up runs is
reported. The startup file and the journal go to a temporary XDG folder so nothing of the user's
is read or written. For scale, the same loop times /bin/true (the cost of starting any process
from this loop).

It also times the interactive start in a pseudo-terminal: from spawning `GLOSS ARTICLE` until its
prompt (`> `) appears on the terminal, the figure a person sees; `quit` is then typed to end it.
"""

import argparse
import json
import os
import select
import statistics
import subprocess
import sys
import tempfile
import time


def timed_runs(command, stdin_path, env, warmup, runs):
    samples = []
    for index in range(warmup + runs):
        with open(stdin_path, "rb") as stdin:
            start = time.perf_counter()
            done = subprocess.run(command, stdin=stdin, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env, check=False)
            elapsed = time.perf_counter() - start
        if done.returncode != 0:
            raise RuntimeError(f"{' '.join(command)} exited {done.returncode}: {done.stderr.decode(errors='replace')[:500]}")
        if index >= warmup:
            samples.append(elapsed)
    return samples


def prompt_runs(command, env, warmup, runs, timeout=10.0):
    """Seconds from spawn until `> ` is printed on a pseudo-terminal, per run."""
    samples = []
    for index in range(warmup + runs):
        master, slave = os.openpty()
        start = time.perf_counter()
        process = subprocess.Popen(command, stdin=slave, stdout=slave, stderr=slave, env=env, start_new_session=True)
        os.close(slave)
        seen = b""
        elapsed = None
        try:
            while time.perf_counter() - start < timeout:
                ready, _, _ = select.select([master], [], [], 0.5)
                if not ready:
                    continue
                try:
                    chunk = os.read(master, 4096)
                except OSError:
                    break
                if not chunk:
                    break
                seen += chunk
                if b"> " in seen:
                    elapsed = time.perf_counter() - start
                    break
            if elapsed is None:
                raise RuntimeError(f"no prompt from {' '.join(command)} within {timeout} s; it printed {seen[-300:]!r}")
            time.sleep(0.05)  # let the line editor switch the terminal to raw mode before typing
            os.write(master, b"quit\r")
            try:
                process.wait(timeout=timeout)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
        finally:
            os.close(master)
        if index >= warmup:
            samples.append(elapsed)
    return samples


def main():
    parser = argparse.ArgumentParser(description="time to the first prompt of gloss")
    parser.add_argument("gloss")
    parser.add_argument("article")
    parser.add_argument("--json", required=True)
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument("--warmup", type=int, default=3)
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="gloss-first-prompt-") as home:
        env = dict(os.environ, XDG_STATE_HOME=os.path.join(home, "state"), XDG_CONFIG_HOME=os.path.join(home, "config"),
                   NO_COLOR="1")
        quit_path = os.path.join(home, "quit.txt")
        with open(quit_path, "w", encoding="utf-8") as handle:
            handle.write("quit\n")
        samples = timed_runs([args.gloss, args.article], quit_path, env, args.warmup, args.runs)
        baseline = timed_runs(["/bin/true"], quit_path, env, args.warmup, args.runs)
        terminal_env = dict(env, TERM="dumb")
        interactive = prompt_runs([args.gloss, args.article], terminal_env, args.warmup, min(args.runs, 15))
    figures = {
        "command": f"{args.gloss} {args.article} < quit",
        "article_bytes": os.path.getsize(args.article),
        "runs": args.runs,
        "median_seconds": statistics.median(samples),
        "seconds": samples,
        "process_start_median_seconds": statistics.median(baseline),
        "interactive_median_seconds": statistics.median(interactive),
        "interactive_seconds": interactive,
    }
    print(f"  first prompt: {figures['median_seconds'] * 1e3:.1f} ms (median of {args.runs}; "
          f"/bin/true from the same loop {figures['process_start_median_seconds'] * 1e3:.1f} ms; "
          f"prompt on a terminal {figures['interactive_median_seconds'] * 1e3:.1f} ms)", file=sys.stderr)
    with open(args.json, "w", encoding="utf-8") as handle:
        json.dump(figures, handle, indent=2)
        handle.write("\n")


if __name__ == "__main__":
    sys.exit(main())
