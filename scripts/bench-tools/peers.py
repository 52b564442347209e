#!/usr/bin/env python3
"""Runs the peers on a gen-corpus corpus and writes their figures as JSON.

    scripts/bench-tools/peers.py CORPUS --json OUT [--parts N] [--runs N] [--build-runs N]

ripgrep (`rg`) searches the files for the benchmark queries, lines being its unit of match;
SQLite FTS5 (python3's sqlite3, in memory) indexes the corpus split into passages, one row per
passage, and answers the same queries with `SELECT count(*) ... MATCH`. Every figure is the median
of several runs after warm-up runs, with the page cache warm. A peer that is missing gets null
figures (printed as n/a).

Query translations (the words come from the corpus manifest):

    query        gloss                    ripgrep                                  FTS5
    absent word  zqxvjk                   rg -c -i -w zqxvjk                       body: zqxvjk
    rare word    quennell                 rg -c -i -w quennell                     body: quennell
    common word  council                  rg -c -i -w council                      body: council
    phrase       "storm surge"            rg -c -i -F 'storm surge'                body: "storm surge"
    prefix       secur*                   rg -c -i -w 'secur\\w*'                   body: secur*
    boolean NOT  council NOT budget       rg -i -w council | rg -c -i -w -v budget body: (council NOT budget)
    NEAR         NEAR(council vote, 5)    rg -c -i '\\bcouncil\\W+(?:\\w+\\W+){0,4}vote\\b|…' body: NEAR(council vote, 4)
    tag:         tag:bench                (no tags: n/a)                           tags: bench
    regex        /\\$\\d+(\\.\\d+)? (million|billion)/  rg -c 'the same regex'      (no regex: n/a)

gloss matches words ignoring case, so ripgrep gets -i. ripgrep's unit is a line: in hard-wrapped
files a phrase or a NEAR pair split over two lines is missed, and the NOT pipeline keeps lines (not
passages) with the word and without the other. FTS5's NEAR(a b, N) allows N words between, gloss's
NEAR(a b, N) a distance of N positions, hence N-1. FTS5's `tags` column holds "bench" for the rows
matching the manifest's tag query, set with one UPDATE (timed and reported as the tagging figure).
"""

import argparse
import json
import os
import shutil
import sqlite3
import statistics
import subprocess
import sys
import time


def median_time(run, warmup, runs):
    for _ in range(warmup):
        run()
    samples = []
    result = None
    for _ in range(runs):
        start = time.perf_counter()
        result = run()
        samples.append(time.perf_counter() - start)
    return statistics.median(samples), samples, result


def corpus_files(corpus, parts):
    files = []
    for part in parts:
        folder = os.path.join(corpus, part)
        for name in sorted(os.listdir(folder)):
            if name.endswith((".txt", ".md")):
                files.append(os.path.join(folder, name))
    return files


# ripgrep

def ripgrep_queries(queries):
    words = [w for w in queries["near"] if isinstance(w, str)]
    distance = next((n for n in queries["near"] if isinstance(n, int)), 5)
    a, b = words[0], words[1]
    gap = f"\\W+(?:\\w+\\W+){{0,{distance - 1}}}"
    near = f"\\b{a}{gap}{b}\\b|\\b{b}{gap}{a}\\b"
    return [
        ("absent word", ["rg", "-c", "-i", "-w", queries["absent"]], None),
        ("rare word", ["rg", "-c", "-i", "-w", queries["rare"]], None),
        ("common word", ["rg", "-c", "-i", "-w", queries["common"]], None),
        ("phrase", ["rg", "-c", "-i", "-F", " ".join(queries["phrase"])], None),
        ("prefix", ["rg", "-c", "-i", "-w", queries["prefix"] + "\\w*"], None),
        ("boolean NOT", ["rg", "--no-filename", "-i", "-w", queries["common"]],
         ["rg", "-c", "-i", "-w", "-v", queries["not"]]),
        ("NEAR", ["rg", "-c", "-i", near], None),
        ("tag:", None, None),
        ("regex", ["rg", "-c", queries["regex"]], None),
    ]


def run_ripgrep(paths, command, filter_command):
    if filter_command is None:
        done = subprocess.run(command + ["--"] + paths, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, check=False)
        if done.returncode not in (0, 1):
            raise RuntimeError(f"{' '.join(command)} exited {done.returncode}")
        total = 0
        for line in done.stdout.splitlines():
            total += int(line.rsplit(b":", 1)[-1])
        return total
    first = subprocess.Popen(command + ["--"] + paths, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    second = subprocess.run(filter_command, stdin=first.stdout, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, check=False)
    first.stdout.close()
    first.wait()
    text = second.stdout.strip()
    return int(text) if text else 0


def bench_ripgrep(corpus, parts, queries, warmup, runs):
    rg = shutil.which("rg")
    if rg is None:
        return {"available": False, "version": None, "queries": []}
    version = subprocess.run([rg, "--version"], stdout=subprocess.PIPE, text=True, check=False).stdout.split("\n")[0]
    paths = [os.path.join(corpus, part) for part in parts]
    results = []
    for name, command, filter_command in ripgrep_queries(queries):
        if command is None:
            results.append({"name": name, "command": None, "median_seconds": None, "hits": None})
            continue
        median, samples, hits = median_time(lambda: run_ripgrep(paths, command, filter_command), warmup, runs)
        shown = " ".join(command) + (" | " + " ".join(filter_command) if filter_command else "")
        print(f"  rg     {name:12} {median * 1e3:9.2f} ms  {hits} lines   ({shown})", file=sys.stderr)
        results.append({"name": name, "command": shown, "median_seconds": median, "seconds": samples, "hits": hits})
    return {"available": True, "version": version, "queries": results}


# SQLite FTS5

def passages(text, markdown):
    """Splits an article roughly as gloss does: blocks between blank lines (hard-wrapped lines joined);
    text without blank lines one paragraph per line; list items, quotes, table rows and headings of
    Markdown one row each."""
    rows = []
    if "\n\n" not in text.strip():
        return [line for line in text.split("\n") if line.strip() and not line.startswith("|---")]
    for block in text.split("\n\n"):
        lines = [line for line in block.split("\n") if line.strip()]
        if not lines:
            continue
        if markdown and any(line.startswith(("|", "- ", "> ", "#")) for line in lines):
            for line in lines:
                if line.startswith("|---"):
                    continue
                rows.append(line.lstrip("#>- ").strip())
        else:
            rows.append(" ".join(line.strip() for line in lines))
    return rows


def fts5_queries(queries):
    words = [w for w in queries["near"] if isinstance(w, str)]
    distance = next((n for n in queries["near"] if isinstance(n, int)), 5)
    return [
        ("absent word", f"body: {queries['absent']}"),
        ("rare word", f"body: {queries['rare']}"),
        ("common word", f"body: {queries['common']}"),
        ("phrase", "body: \"" + " ".join(queries["phrase"]) + "\""),
        ("prefix", f"body: {queries['prefix']}*"),
        ("boolean NOT", f"body: ({queries['common']} NOT {queries['not']})"),
        ("NEAR", f"body: NEAR({' '.join(words)}, {distance - 1})"),
        ("tag:", "tags: bench"),
        ("regex", None),
    ]


def fts5_available():
    try:
        connection = sqlite3.connect(":memory:")
        connection.execute("CREATE VIRTUAL TABLE t USING fts5(x)")
        connection.close()
        return True
    except sqlite3.Error:
        return False


def build_fts5(rows):
    connection = sqlite3.connect(":memory:")
    connection.execute('CREATE VIRTUAL TABLE p USING fts5(body, tags, tokenize="unicode61 remove_diacritics 2")')
    start = time.perf_counter()
    with connection:
        connection.executemany("INSERT INTO p(body, tags) VALUES (?, '')", ((row,) for row in rows))
    return connection, time.perf_counter() - start


def bench_fts5(corpus, parts, queries, warmup, runs, build_runs):
    if not fts5_available():
        return {"available": False, "version": sqlite3.sqlite_version, "queries": []}
    files = corpus_files(corpus, parts)

    def read_and_split():
        rows = []
        for path in files:
            with open(path, encoding="utf-8") as handle:
                rows.extend(passages(handle.read(), path.endswith(".md")))
        return rows

    read_seconds, _, rows = median_time(read_and_split, 1, 1)
    builds = []
    connection = None
    for run in range(build_runs):
        if connection is not None:
            connection.close()
        connection, seconds = build_fts5(rows)
        builds.append(seconds)
        print(f"  fts5   build {run + 1}: {seconds:.2f} s ({len(rows)} rows)", file=sys.stderr)
    build = statistics.median(builds)

    tag_match = "body: (" + queries["tag_query"] + ")"
    start = time.perf_counter()
    with connection:
        connection.execute("UPDATE p SET tags = 'bench' WHERE rowid IN (SELECT rowid FROM p WHERE p MATCH ?)", (tag_match,))
    tag_seconds = time.perf_counter() - start
    tagged = connection.execute("SELECT count(*) FROM p WHERE p MATCH 'tags: bench'").fetchone()[0]
    print(f"  fts5   tag: {tag_seconds * 1e3:.1f} ms ({tagged} rows)", file=sys.stderr)

    results = []
    for name, match in fts5_queries(queries):
        if match is None:
            results.append({"name": name, "match": None, "median_seconds": None, "hits": None})
            continue
        statement = "SELECT count(*) FROM p WHERE p MATCH ?"
        median, samples, hits = median_time(lambda: connection.execute(statement, (match,)).fetchone()[0], warmup, runs)
        print(f"  fts5   {name:12} {median * 1e3:9.3f} ms  {hits} rows   ({match})", file=sys.stderr)
        results.append({"name": name, "match": match, "median_seconds": median, "seconds": samples, "hits": hits})
    connection.close()
    return {
        "available": True, "version": sqlite3.sqlite_version, "rows": len(rows),
        "read_split_seconds": read_seconds, "build_seconds": build, "build_runs": builds,
        "tag_seconds": tag_seconds, "tagged_rows": tagged, "queries": results,
    }


def main():
    parser = argparse.ArgumentParser(description="ripgrep and SQLite FTS5 on a gen-corpus corpus")
    parser.add_argument("corpus")
    parser.add_argument("--json", required=True)
    parser.add_argument("--parts", type=int, default=4, help="how many of the four parts (default all)")
    parser.add_argument("--warmup", type=int, default=2)
    parser.add_argument("--runs", type=int, default=15, help="measured runs of each FTS5 query (default 15)")
    parser.add_argument("--rg-runs", type=int, default=5, help="measured runs of each ripgrep search (default 5)")
    parser.add_argument("--build-runs", type=int, default=3, help="FTS5 index builds; the median is reported (default 3)")
    args = parser.parse_args()

    with open(os.path.join(args.corpus, "manifest.json"), encoding="utf-8") as handle:
        manifest = json.load(handle)
    parts = manifest["parts"][:args.parts]
    queries = manifest["queries"]
    load_start = os.getloadavg()[0]
    figures = {
        "corpus": args.corpus,
        "parts": args.parts,
        "ripgrep": bench_ripgrep(args.corpus, parts, queries, max(1, args.warmup), args.rg_runs),
        "fts5": bench_fts5(args.corpus, parts, queries, args.warmup, args.runs, args.build_runs),
        "load_average_start": load_start,
        "load_average_end": os.getloadavg()[0],
    }
    with open(args.json, "w", encoding="utf-8") as handle:
        json.dump(figures, handle, indent=2)
        handle.write("\n")


if __name__ == "__main__":
    sys.exit(main())
