#!/usr/bin/env python3
"""Times `atom-audit history` on a synthetic repository: a cold run (no cache), a warm
run (cache up to date: nothing to audit) and a run after one new commit (the cache
covers all but the last commit), side by side, alternating, median of several runs.
Then `atom-audit build` of the same repository's site, which publishes that history:
with no history cache, with the cache up to date, and with nothing changed (the build
stops at its stamp and reads no history).

    bench_history.py --bin BINARY [--reps 5] [--commits 1000] [--models 150] [--seed 1]

Writes the table to stdout and into the "## History" section of Benchmarks/results.md
(replacing that section only). Timings are `/usr/bin/time -f "%e %U %S %M"`; CPU
includes git's.
"""
import argparse
import datetime
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
RESULTS = os.path.join(REPO, "Benchmarks", "results.md")


def timed(command, cwd=None, note="stderr"):
    """(wall s, CPU s, peak RSS MB, last line of `note`: stderr or stdout) of one run."""
    with tempfile.NamedTemporaryFile("r") as result:
        run = subprocess.run(["/usr/bin/time", "-o", result.name, "-f", "%e %U %S %M"] + command, cwd=cwd,
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        if run.returncode != 0:
            sys.exit(f"{' '.join(command)} failed:\n{run.stderr}")
        wall, user, system, rss = result.read().split()[-4:]
    text = run.stderr if note == "stderr" else run.stdout
    return float(wall), float(user) + float(system), int(rss) / 1024, (text.strip().splitlines() or [""])[-1]


def site_builds(binary, repository, work, reps):
    """Median timings of `build` on the repository: (case, samples, note) per case."""
    site_cache = os.path.join(repository, ".atom-audit-cache")
    output = os.path.join(work, "Site")
    stamp = os.path.join(work, ".Site.atom-audit-stamp")
    build = [binary, "build", "--content", os.path.join(repository, "Content"), "--templates", os.path.join(REPO, "Templates"),
             "--output", output]

    # The synthetic repository is written without a working tree: check the content out.
    git(repository, "reset", "-q", "--hard")

    def fresh_output():
        shutil.rmtree(output, ignore_errors=True)
        if os.path.exists(stamp):
            os.remove(stamp)

    runs = {"build: no history cache": [], "build: history cache up to date": [], "build: nothing changed": []}
    notes = {}
    for rep in range(reps):
        cases = list(runs) if rep % 2 == 0 else list(reversed(runs))
        for case in cases:
            if case == "build: no history cache":
                shutil.rmtree(site_cache, ignore_errors=True)
                fresh_output()
            elif case == "build: history cache up to date":
                timed(build, note="stdout")  # the cache covers every commit
                fresh_output()
            else:
                timed(build, note="stdout")  # the output is what this build would make
            wall, cpu, rss, summary = timed(build, note="stdout")
            runs[case].append((wall, cpu, rss))
            notes[case] = summary.replace(output, "Site")
    return [(case, samples, notes[case]) for case, samples in runs.items()]


def git(repository, *arguments):
    return subprocess.run(["git", "-C", repository] + list(arguments), check=True, capture_output=True, text=True).stdout.strip()


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--bin", required=True)
    parser.add_argument("--reps", type=int, default=5)
    parser.add_argument("--commits", type=int, default=1000)
    parser.add_argument("--models", type=int, default=150)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--work", default=os.path.join(REPO, "Benchmarks", "work", "history"))
    args = parser.parse_args()
    binary = os.path.abspath(args.bin)

    repository = os.path.join(args.work, "repo")
    cache = os.path.join(args.work, "cache")
    subprocess.run([sys.executable, os.path.join(HERE, "synthetic_repo.py"), "--out", repository, "--commits", str(args.commits),
                    "--models", str(args.models), "--seed", str(args.seed)], check=True)
    head = git(repository, "rev-parse", "HEAD")
    history = [binary, "history", "--repository", repository, "--cache", cache]

    # The cache as it is with every commit but the last, kept aside for the one-new-commit case.
    shutil.rmtree(cache, ignore_errors=True)
    git(repository, "update-ref", "refs/heads/main", head + "~1")
    timed(history)
    before_last = os.path.join(args.work, "cache-before-last")
    shutil.rmtree(before_last, ignore_errors=True)
    shutil.copytree(cache, before_last)
    git(repository, "update-ref", "refs/heads/main", head)

    runs = {"cold": [], "warm": [], "one new commit": []}
    notes = {}
    for rep in range(args.reps):
        order = ["cold", "warm", "one new commit"] if rep % 2 == 0 else ["one new commit", "cold", "warm"]
        for case in order:
            if case == "cold":
                shutil.rmtree(cache, ignore_errors=True)
            elif case == "warm":
                timed(history)  # make sure the cache covers every commit
            else:
                shutil.rmtree(cache, ignore_errors=True)
                shutil.copytree(before_last, cache)
            wall, cpu, rss, summary = timed(history)
            runs[case].append((wall, cpu, rss))
            notes[case] = summary

    cases = [(case, samples, notes[case]) for case, samples in runs.items()] + site_builds(binary, repository, args.work, args.reps)
    rows = []
    for case, samples, note in cases:
        wall = statistics.median(s[0] for s in samples)
        cpu = statistics.median(s[1] for s in samples)
        rss = statistics.median(s[2] for s in samples)
        rows.append(f"| {case} | {wall:.2f} | {cpu:.2f} | {rss:.0f} | {len(samples)} | {note} |")
    load = os.getloadavg()
    swift_version = subprocess.run(["swift", "--version"], capture_output=True, text=True).stdout.splitlines()[0] if shutil.which("swift") else "?"
    section = [
        "## History",
        "",
        "Written by `Benchmarks/history/run.sh` (this section only; the rest of the file is",
        "`Benchmarks/run.sh`'s). `atom-audit history` on a synthetic repository made by",
        f"`Benchmarks/history/synthetic_repo.py`: {args.commits:,} commits over {args.models} manifests copied from",
        "`Content/models`, each commit editing one or two manifests, a rename every 50 commits,",
        "one rubric change. Cold: no cache. Warm: the cache covers every commit. One new commit:",
        "the cache covers all but the last. Then `build` of the same repository's site (which",
        "publishes that history: scorecard histories, changes/, the feed, the chart): without the",
        "history's cache, with it up to date (both into an empty folder), and with nothing",
        "changed (it stops at its stamp, without reading the history). Each group alternates;",
        "medians of the runs; CPU is user + system, git's included. The last column is what the",
        "command says last on standard error (history) or standard output (build).",
        "",
        f"- Run: {datetime.datetime.now(datetime.timezone.utc):%Y-%m-%d %H:%M} UTC, seed {args.seed}, "
        f"load average at end {load[0]:.2f} (`nproc` = {os.cpu_count()}, other work on the machine inflates wall times)",
        f"- Binary: `{os.path.relpath(binary, REPO)}`; {swift_version}; git {git(repository, '--version').split()[-1]}; Linux {platform.release()}",
        "",
        "| case | median wall (s) | median CPU (s) | median peak RSS (MB) | runs | what it says last |",
        "|---|---:|---:|---:|---:|---|",
    ] + rows + [""]
    text = open(RESULTS, encoding="utf-8").read() if os.path.exists(RESULTS) else "# Benchmark results\n"
    pattern = re.compile(r"^## History\n.*?(?=^## |\Z)", re.S | re.M)
    block = "\n".join(section) + "\n"
    text = pattern.sub(lambda _: block, text) if pattern.search(text) else text.rstrip("\n") + "\n\n" + block
    with open(RESULTS, "w", encoding="utf-8") as handle:
        handle.write(text)
    print("\n".join(section))


if __name__ == "__main__":
    main()
