#!/usr/bin/env python3
"""Puts gloss's figures beside the peers' and checks the performance targets.

    scripts/bench-tools/table.py --gloss glossbench.json --peers peers.json --first-prompt first-prompt.json \
        [--json OUT]

Prints one plain-text table. Ratios: "vs FTS5" is gloss's time divided by FTS5's (≤ 1 means gloss is
no slower); "vs rg" is ripgrep's time divided by gloss's (how many times faster gloss is). Query
figures are gloss's `filter QUERY` medians (the engine: parse, evaluate, keep the unit set); the
`find --json --limit 1` median is shown beside them. Targets (from the performance issue):

    load + parse + index      ≤ 0.4 × FTS5 index build (insert only, rows already split in memory)
    word, phrase, prefix,     no slower than FTS5, and ≥ 50 × faster than ripgrep
      boolean, tag: queries   (tag: has no ripgrep figure; NEAR and the absent word, which shows
                              the fixed cost of a query, are reported without a target)
    regex                     ≥ 2 × faster than ripgrep
    replay of 10,000 commands < 1 s
    suggest TAG               < 100 ms on 2,000 documents, < 1 s on the full corpus (the first one
                              too, which builds the TF-IDF rows); suggest --all < 5 s
    first prompt              < 50 ms (one article, `quit` piped)
    peak memory               ≤ 2.5 × corpus bytes
    growth                    linear: at each doubling, time ratio ≤ 1.15 × bytes ratio, judged on the
                              load's CPU time (wall time on a shared 2-core machine swings too much;
                              it is shown beside it) and on the sum of the query medians

A figure that is missing (a peer not installed) is n/a and its target is not judged.
"""

import argparse
import json
import sys

TARGETS = {
    "absent word": None,
    "rare word": "fts+rg50",
    "common word": "fts+rg50",
    "phrase": "fts+rg50",
    "prefix": "fts+rg50",
    "boolean NOT": "fts+rg50",
    "NEAR": None,
    "tag:": "fts+rg50",
    "regex": "rg2",
}

GROWTH_SLACK = 1.15


def load(path):
    if not path:
        return None
    try:
        with open(path, encoding="utf-8") as handle:
            return json.load(handle)
    except FileNotFoundError:
        return None


def ms(seconds):
    if seconds is None:
        return "n/a"
    value = seconds * 1e3
    return f"{value:.0f}" if value >= 100 else f"{value:.2f}" if value >= 1 else f"{value:.3f}"


def ratio(value):
    if value is None:
        return "n/a"
    return f"{value:.0f}×" if value >= 100 else f"{value:.1f}×" if value >= 10 else f"{value:.2f}×"


def verdict(checks):
    """met / missed from (ok or None) checks; n/a when nothing could be judged."""
    judged = [ok for ok in checks if ok is not None]
    if not judged:
        return "n/a"
    return "met" if all(judged) else "MISSED"


def render(rows):
    widths = [max(len(row[i]) if i < len(row) else 0 for row in rows) for i in range(max(len(r) for r in rows))]
    lines = []
    for row in rows:
        cells = []
        for index, cell in enumerate(row):
            cells.append(cell.ljust(widths[index]) if index in (0, len(row) - 1, len(row) - 2) else cell.rjust(widths[index]))
        lines.append("  ".join(cells).rstrip())
    return "\n".join(lines)


def main():
    parser = argparse.ArgumentParser(description="gloss beside its peers, with the targets")
    parser.add_argument("--gloss", required=True)
    parser.add_argument("--peers")
    parser.add_argument("--first-prompt")
    parser.add_argument("--json")
    args = parser.parse_args()

    gloss = load(args.gloss)
    peers = load(args.peers) or {}
    first = load(args.first_prompt)
    full = gloss["sizes"][-1]
    fts = peers.get("fts5") or {}
    rg = peers.get("ripgrep") or {}
    fts_queries = {q["name"]: q for q in fts.get("queries", [])}
    rg_queries = {q["name"]: q for q in rg.get("queries", [])}
    figures = []

    header = ["figure", "gloss", "FTS5", "vs FTS5", "ripgrep", "vs rg", "target", "status"]
    rows = [header]

    # Load + index.
    build = fts.get("build_seconds")
    load_ratio = full["loadMedianSeconds"] / build if build else None
    ok = None if load_ratio is None else load_ratio <= 0.4
    rows.append(["load+parse+index (s)", f"{full['loadMedianSeconds']:.2f}", f"{build:.2f}" if build else "n/a",
                 ratio(load_ratio), "", "", "≤ 0.4× FTS5 build", verdict([ok])])
    figures.append({"figure": "load+parse+index", "gloss_seconds": full["loadMedianSeconds"], "fts5_build_seconds": build,
                    "ratio_vs_fts5": load_ratio, "target": "<= 0.4x FTS5 build", "met": ok})
    if full.get("loadCPUMedianSeconds") is not None:
        rows.append(["  gloss CPU time (s)", f"{full['loadCPUMedianSeconds']:.2f}", "", "", "", "",
                     "(info: both threads; FTS5 builds on one)", ""])
    rows.append(["  throughput (MB/s)", f"{full['throughputMBPerSecond']:.1f}",
                 f"{full['bytes'] / 1e6 / build:.1f}" if build else "n/a", "", "", "", "(FTS5: insert only)", ""])
    if fts.get("read_split_seconds") is not None:
        total = fts["read_split_seconds"] + build
        rows.append(["  FTS5 read+split+build (s)", "", f"{total:.2f}", ratio(full["loadMedianSeconds"] / total), "", "",
                     "(info: Python read+split included)", ""])

    # Tagging a share of the corpus.
    rows.append(["tag a share (ms)", ms(full["tagSeconds"]), ms(fts.get("tag_seconds")),
                 ratio(full["tagSeconds"] / fts["tag_seconds"]) if fts.get("tag_seconds") else "n/a", "", "",
                 f"(info: {full['taggedUnits']:,} units / {fts.get('tagged_rows', 'n/a')} rows)", ""])

    # Queries.
    for query in full["queries"]:
        name = query["name"]
        gloss_time = query["filterMedianSeconds"]
        fts_time = (fts_queries.get(name) or {}).get("median_seconds")
        rg_time = (rg_queries.get(name) or {}).get("median_seconds")
        vs_fts = gloss_time / fts_time if fts_time else None
        vs_rg = rg_time / gloss_time if rg_time else None
        kind = TARGETS.get(name)
        checks = []
        if kind == "fts+rg50":
            target = "≤ FTS5, ≥ 50× rg"
            checks = [None if vs_fts is None else vs_fts <= 1.0, None if vs_rg is None else vs_rg >= 50]
        elif kind == "rg2":
            target = "≥ 2× rg"
            checks = [None if vs_rg is None else vs_rg >= 2]
        else:
            target = "(no target)"
        status = verdict(checks) if kind else ""
        rows.append([f"{name} (ms)", ms(gloss_time), ms(fts_time), ratio(vs_fts), ms(rg_time), ratio(vs_rg), target, status])
        figures.append({"figure": name, "query": query["query"], "gloss_seconds": gloss_time,
                        "gloss_find_seconds": query["findMedianSeconds"], "fts5_seconds": fts_time, "ripgrep_seconds": rg_time,
                        "ratio_vs_fts5": vs_fts, "speedup_vs_ripgrep": vs_rg, "target": target,
                        "met": None if status in ("", "n/a") else status == "met",
                        "hits": {"gloss_units": query["hits"], "gloss_find_elements": query["findTotal"],
                                 "fts5_rows": (fts_queries.get(name) or {}).get("hits"),
                                 "ripgrep_lines": (rg_queries.get(name) or {}).get("hits")}})

    # suggest (issue 19): a tag's suggestions and a whole corpus pre-sorted.
    small = gloss["sizes"][0].get("suggestSmall")
    checks = []
    if small:
        checks.append((f"suggest TAG, {small['documents']:,} docs (ms)", small["tagMedianSeconds"], 0.100, "< 100 ms"))
    if full.get("suggest"):
        suggest = full["suggest"]
        checks.append(("suggest TAG (ms)", suggest["tagMedianSeconds"], 1.0, "< 1 s"))
        checks.append(("  first, building the rows (ms)", suggest["firstSeconds"], 1.0, "< 1 s"))
        checks.append(("suggest --all (ms)", suggest["allMedianSeconds"], 5.0, "< 5 s"))
    for label, seconds, limit, target in checks:
        ok = seconds < limit
        rows.append([label, ms(seconds), "", "", "", "", target, verdict([ok])])
        figures.append({"figure": label.strip(), "gloss_seconds": seconds, "target": target, "met": ok})

    # Replay, first prompt, memory, growth.
    replay = gloss.get("replay")
    if replay:
        ok = replay["medianSeconds"] < 1.0 and replay["errors"] == 0
        rows.append([f"replay {replay['commands']:,} cmds (s)", f"{replay['medianSeconds']:.3f}", "", "", "", "",
                     "< 1 s, no errors", verdict([ok])])
        figures.append({"figure": "replay", "gloss_seconds": replay["medianSeconds"], "commands": replay["commands"],
                        "errors": replay["errors"], "target": "< 1 s", "met": ok})
    if first:
        ok = first["median_seconds"] < 0.050
        rows.append(["first prompt (ms)", ms(first["median_seconds"]), "", "", "", "", "< 50 ms", verdict([ok])])
        rows.append(["  on a terminal (pty) (ms)", ms(first.get("interactive_median_seconds")), "", "", "", "",
                     f"(info; /bin/true {ms(first['process_start_median_seconds'])} ms)", ""])
        figures.append({"figure": "first prompt", "gloss_seconds": first["median_seconds"],
                        "interactive_seconds": first.get("interactive_median_seconds"), "target": "< 50 ms", "met": ok})
    peak = full["peakResidentBytes"] / full["bytes"]
    ok = peak <= 2.5
    rows.append(["peak memory (× corpus)", f"{peak:.2f}", "", "", "", "", "≤ 2.5×", verdict([ok])])
    figures.append({"figure": "peak memory", "multiple": peak, "peak_bytes": full["peakResidentBytes"],
                    "corpus_bytes": full["bytes"], "target": "<= 2.5x", "met": ok})
    for step in gloss.get("growth", []):
        limit = GROWTH_SLACK * step["bytesRatio"]
        load_cpu = step.get("loadCPURatio", step["loadRatio"])
        ok = load_cpu <= limit and step["queryTotalRatio"] <= limit
        rows.append([f"growth {step['from']} → {step['to']}", f"load CPU {load_cpu:.2f}×", "", "", "", "",
                     f"load wall {step['loadRatio']:.2f}×, queries {step['queryTotalRatio']:.2f}×; linear ≤ {limit:.2f}×",
                     verdict([ok])])
        figures.append({"figure": f"growth {step['from']} -> {step['to']}", "bytes_ratio": step["bytesRatio"],
                        "load_ratio": step["loadRatio"], "load_cpu_ratio": load_cpu, "query_total_ratio": step["queryTotalRatio"],
                        "target": f"<= {GROWTH_SLACK} x bytes ratio", "met": ok})

    corpus = gloss["corpus"]
    print(f"gloss vs peers: {corpus['path']} ({corpus['bytes'] / 1e6:.1f} MB, {corpus['files']:,} files, "
          f"{full['units']:,} units; FTS5 {fts.get('rows', 'n/a')} rows), medians after warm-up")
    print(f"  FTS5: SQLite {fts.get('version', 'n/a')} in memory{'' if fts.get('available') else ' (not available)'}; "
          f"ripgrep: {rg.get('version') or 'not installed'}")
    print(render(rows))
    loads = [value for size in gloss["sizes"] for value in (size.get("loadAverageStart"), size.get("loadAverageEnd"))]
    loads += [peers.get("load_average_start"), peers.get("load_average_end")]
    loads = [value for value in loads if value is not None]
    if loads:
        busiest = max(loads)
        cores = gloss.get("processors", 2)
        note = "  (busy: other work shares the cores; figures are noisy)" if busiest > cores / 2 + 0.5 else ""
        print(f"machine load average during the runs: {min(loads):.1f} to {busiest:.1f} on {cores} cores{note}")
    print()
    hits_rows = [["hits", "gloss units", "find elements", "FTS5 rows", "rg lines", "", ""]]
    for figure in figures:
        if "hits" in figure:
            hits = figure["hits"]
            hits_rows.append([figure["figure"], f"{hits['gloss_units']:,}", f"{hits['gloss_find_elements']:,}",
                              "n/a" if hits["fts5_rows"] is None else f"{hits['fts5_rows']:,}",
                              "n/a" if hits["ripgrep_lines"] is None else f"{hits['ripgrep_lines']:,}", "", ""])
    print(render(hits_rows))
    met = [f for f in figures if f.get("met") is not None]
    print(f"\ntargets met: {sum(1 for f in met if f['met'])} of {len(met)} judged")
    if args.json:
        with open(args.json, "w", encoding="utf-8") as handle:
            json.dump({"figures": figures, "gloss": gloss, "peers": peers, "first_prompt": first}, handle, indent=2)
            handle.write("\n")


if __name__ == "__main__":
    sys.exit(main())
