#!/usr/bin/env python3
"""Measures atom-audit against Hugo on synthetic content; run through Benchmarks/run.sh.

For each N it generates N manifests and the equivalent Hugo site (generate.py), checks
that both sites are complete and carry the same scores, then measures, interleaving the
repetitions of every case so that both tools see the same machine state:

  build     our full build into a fresh output folder
  hugo      Hugo's build of the equivalent site into a fresh folder
  check     `atom-audit check`
  noop      our rebuild with nothing changed (verifies that no output file was rewritten)
  one-edit  our rebuild after one manifest's notes changed (verifies that exactly the
            files whose bytes changed were rewritten, and nothing else)

Each measurement is `/usr/bin/time -f "%e %U %S %M"`: wall, user, system, peak RSS. The
table shows medians. Output goes to stdout and Benchmarks/results.md.
"""
import argparse
import datetime
import hashlib
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)
TODAY = "2026-11-25"  # fixed, so review warnings do not depend on the day of the run


def sh(command, **kwargs):
    return subprocess.run(command, check=True, text=True, capture_output=True, **kwargs)


def timed(command, env=None):
    """Runs command under /usr/bin/time; returns (wall, cpu, rss_mb, stdout)."""
    result_file = os.path.join(HERE, "work", ".time")
    subprocess.run(["sync"], check=True)
    completed = subprocess.run(["/usr/bin/time", "-f", "%e %U %S %M", "-o", result_file] + command,
                               text=True, capture_output=True, env=env)
    if completed.returncode != 0:
        sys.exit(f"failed ({completed.returncode}): {' '.join(command)}\n{completed.stdout}\n{completed.stderr}")
    wall, user, system, rss = open(result_file).read().split()[-4:]
    return float(wall), float(user) + float(system), int(rss) / 1024, completed.stdout


TRASH = os.path.join(HERE, "work", "trash")


def discard(path):
    """Moves an old folder (an output, or content about to be regenerated) aside instead
    of deleting it.

    On ext4 without a journal (this machine's disk), a freed inode is skipped when new
    files are created for 60 s after its deletion, and for 360 s while its inode-table
    block is dirty, which creating files next to it keeps it (ext4's recently_deleted, in
    fs/ext4/ialloc.c); every skipped candidate costs a buffer lookup. A build within
    minutes of deleting 40,000 files spent several times longer in the kernel, Hugo's as
    well as ours. So the fresh builds of every size run first and nothing is deleted until
    they are done; see purge for the rest."""
    if os.path.exists(path):
        os.makedirs(TRASH, exist_ok=True)
        os.rename(path, os.path.join(TRASH, f"{len(os.listdir(TRASH))}-{os.path.basename(path)}"))


LAST_DELETION = os.path.join(HERE, "work", ".last-deletion")
RECENTLY_DELETED_WINDOW = 370  # seconds: ext4's 60 s + 300 s for dirty blocks, and a margin


def purge():
    """Deletes what discard moved aside and notes when, for wait_out_deletions."""
    if os.path.exists(TRASH):
        shutil.rmtree(TRASH)
        subprocess.run(["sync"], check=True)
        with open(LAST_DELETION, "w") as marker:
            marker.write(str(time.time()))


def wait_for_cleanup(output):
    """Waits until the background `rm` our build starts for the tree a rebuild replaced
    (`.<name>.trash-*` beside the output) has finished, so it does not compete with the
    next measurement: in one run, the `check` after a one-edit rebuild took 1.05 s next to
    that `rm` and 0.75 s without it."""
    pattern = "/." + os.path.basename(output) + ".trash-"
    for _ in range(600):
        if subprocess.run(["pgrep", "-f", pattern], capture_output=True).returncode != 0:
            return
        time.sleep(0.2)


def wait_out_deletions():
    """Before any fresh build: waits until the last deletion (of this run or the one
    before) is out of ext4's recently-deleted window."""
    if not os.path.exists(LAST_DELETION):
        return
    remaining = RECENTLY_DELETED_WINDOW - (time.time() - float(open(LAST_DELETION).read() or 0))
    if remaining > 0:
        print(f"waiting {remaining:.0f} s for ext4's recently-deleted window to pass (see discard in bench.py)", flush=True)
        time.sleep(remaining)


def snapshot(root):
    """path → (inode, mtime_ns, size) of every file under root."""
    files = {}
    for folder, _, names in os.walk(root):
        for name in names:
            path = os.path.join(folder, name)
            info = os.lstat(path)
            files[os.path.relpath(path, root)] = (info.st_ino, info.st_mtime_ns, info.st_size)
    return files


def hashes(root):
    result = {}
    for folder, _, names in os.walk(root):
        for name in names:
            path = os.path.join(folder, name)
            with open(path, "rb") as handle:
                result[os.path.relpath(path, root)] = hashlib.sha1(handle.read()).hexdigest()
    return result


def touched(before, after):
    """Files rewritten (new inode or mtime), added or removed."""
    return sorted(path for path in set(before) | set(after)
                  if before.get(path, (None,))[:2] != after.get(path, (None,))[:2])


def differing(before, after):
    return sorted(path for path in set(before) | set(after) if before.get(path) != after.get(path))


def count_files(root, suffix=""):
    return sum(1 for _, _, names in os.walk(root) for name in names if name.endswith(suffix))


def summary_line(stdout):
    lines = [line for line in stdout.splitlines() if line.startswith("built ")]
    return lines[-1] if lines else ""


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--bin", required=True)
    parser.add_argument("--sizes", default="100,1000,10000")
    parser.add_argument("--reps", default="", help="e.g. 100:5,1000:5,10000:3")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--results", default=os.path.join(HERE, "results.md"))
    args = parser.parse_args()

    sizes = [int(size) for size in args.sizes.split(",")]
    reps = {100: 5, 1000: 5, 10000: 5}
    for item in filter(None, args.reps.split(",")):
        size, count = item.split(":")
        reps[int(size)] = int(count)
    binary = os.path.abspath(args.bin)
    # A copy of Templates/, so that an edit by someone else mid-run cannot change what is measured.
    templates = os.path.relpath(os.path.join(HERE, "work", "templates"))
    shutil.rmtree(templates, ignore_errors=True)
    shutil.copytree(os.path.join(REPO, "Templates"), templates)
    env = dict(os.environ, ATOM_AUDIT_TODAY=TODAY)
    load_start = os.getloadavg()
    started = datetime.datetime.now(datetime.timezone.utc)

    # Leftovers of an interrupted run go first; then no fresh build starts within ext4's
    # recently-deleted window of a deletion (see discard).
    purge()
    wait_out_deletions()
    rows, notes = [], []
    medians = {}
    runs = []

    # Phase 1, every size: content, then the fresh builds. Nothing is deleted meanwhile.
    for size in sizes:
        work = os.path.relpath(os.path.join(HERE, "work", f"n{size}"))
        run = dict(size=size, content=os.path.join(work, "content"), hugo=os.path.join(work, "hugo"),
                   ours_out=os.path.join(work, "site"), hugo_out=os.path.abspath(os.path.join(work, "hugo-site")),
                   samples={case: [] for case in ("build", "hugo", "check", "noop", "one-edit")},
                   repetitions=reps.get(size, 3))
        runs.append(run)
        content, hugo, ours_out, hugo_out, samples = run["content"], run["hugo"], run["ours_out"], run["hugo_out"], run["samples"]
        print(f"\n== N = {size}: fresh builds", flush=True)
        # Old content is moved aside, not deleted, before it is written anew.
        discard(content)
        discard(hugo)
        # ADOPTION=0 generates the manifests without adoption snapshots, to measure what they cost.
        print(sh([sys.executable, os.path.join(HERE, "generate.py"), "content", "--count", str(size),
                  "--seed", str(args.seed), "--out", content, "--hugo", hugo]
                 + (["--no-adoption"] if os.environ.get("ADOPTION") == "0" else [])).stdout.strip(), flush=True)

        # Correctness before timing: valid content, same scores on both sites, complete Hugo output.
        check = subprocess.run([binary, "check", "--content", content], text=True, capture_output=True, env=env)
        check_line = (check.stdout + check.stderr).strip().splitlines()[-1]
        if check.returncode != 0 or " 0 errors" not in check_line:
            sys.exit(f"check failed for N={size}: {check_line}")
        notes.append(f"N={size}: `check` says: {check_line}")

        # Ours and Hugo's alternate which goes first.
        for rep in range(run["repetitions"]):
            order = ["build", "hugo"] if rep % 2 == 0 else ["hugo", "build"]
            for case in order:
                if case == "build":
                    discard(ours_out)
                    sample = timed([binary, "build", "--content", content, "--templates", templates, "--output", ours_out], env)
                    samples["build"].append(sample)
                    if rep == 0:
                        notes.append(f"N={size}: our build: {summary_line(sample[3])}")
                        verify = sh([sys.executable, os.path.join(HERE, "generate.py"), "verify", "--count", str(size),
                                     "--seed", str(args.seed), "--models-json", os.path.join(ours_out, "data", "models.json")])
                        notes.append(f"N={size}: {verify.stdout.strip()}")
                else:
                    discard(hugo_out)
                    samples["hugo"].append(timed(["hugo", "--quiet", "-s", hugo, "-d", hugo_out]))
                    pages = count_files(hugo_out, ".html")
                    if pages != size + 1:
                        sys.exit(f"Hugo wrote {pages} HTML pages for N={size}; expected {size + 1} (one per model and the list)")
                    if rep == 0:
                        notes.append(f"N={size}: Hugo wrote {pages} HTML pages ({size} scorecards and the list page), "
                                     f"{count_files(hugo_out)} files in all")
            print(f"  rep {rep + 1}: build {samples['build'][-1][0]:.2f}s, hugo {samples['hugo'][-1][0]:.2f}s", flush=True)

    # Phase 2, every size: check, and the rebuilds of the last fresh build's output (a
    # rebuild that changes something replaces the tree and deletes the old one).
    for run in runs:
        size, content, ours_out, samples = run["size"], run["content"], run["ours_out"], run["samples"]
        print(f"\n== N = {size}: check and rebuilds", flush=True)
        variant = 0
        edit_id = f"synthetic-{max(1, size // 2):05d}"
        for rep in range(run["repetitions"]):
            wait_for_cleanup(ours_out)
            samples["check"].append(timed([binary, "check", "--content", content], env))

            before = snapshot(ours_out)
            sample = timed([binary, "build", "--content", content, "--templates", templates, "--output", ours_out], env)
            samples["noop"].append(sample)
            rewritten = touched(before, snapshot(ours_out))
            if rewritten or " 0 written" not in summary_line(sample[3]):
                sys.exit(f"N={size}: the rebuild with nothing changed rewrote {len(rewritten)} files, e.g. {rewritten[:5]}; "
                         f"summary: {summary_line(sample[3])}")
            if rep == 0:
                notes.append(f"N={size}: rebuild with nothing changed: no file rewritten (inode and mtime of all "
                             f"{len(before)} files unchanged); {summary_line(sample[3])}")

            variant += 1
            sh([sys.executable, os.path.join(HERE, "generate.py"), "edit", "--content", content, "--id", edit_id,
                "--variant", str(variant)])
            wait_for_cleanup(ours_out)
            before = snapshot(ours_out)
            before_bytes = hashes(ours_out) if rep == 0 else None
            sample = timed([binary, "build", "--content", content, "--templates", templates, "--output", ours_out], env)
            samples["one-edit"].append(sample)
            after = snapshot(ours_out)
            rewritten = touched(before, after)
            if rep == 0:
                expected = differing(before_bytes, hashes(ours_out))
                if rewritten != expected:
                    sys.exit(f"N={size}: one manifest changed; rewritten {rewritten} but bytes changed in {expected}")
                notes.append(f"N={size}: rebuild after editing the notes of {edit_id}: exactly the {len(expected)} files "
                             f"whose bytes changed were rewritten ({', '.join(expected)}); {summary_line(sample[3])}")
                expected_count = len(rewritten)
            elif len(rewritten) != expected_count:
                sys.exit(f"N={size}: rep {rep}: rewrote {len(rewritten)} files, expected {expected_count}: {rewritten}")
            print(f"  rep {rep + 1}: " + ", ".join(f"{case} {samples[case][-1][0]:.2f}s" for case in ("check", "noop", "one-edit")), flush=True)

    purge()
    for run in runs:
        size, samples = run["size"], run["samples"]
        for case, values in samples.items():
            wall = statistics.median(v[0] for v in values)
            cpu = statistics.median(v[1] for v in values)
            rss = statistics.median(v[2] for v in values)
            medians[(size, case)] = (wall, cpu, rss)
        for case in samples:
            wall, cpu, rss = medians[(size, case)]
            ratio = ""
            if case == "build":
                hugo_wall, hugo_cpu, hugo_rss = medians[(size, "hugo")]
                ratio = f"{wall / hugo_wall:.2f} (CPU {cpu / hugo_cpu:.2f}, RSS {rss / hugo_rss:.2f})"
            rows.append((size, case, wall, cpu, rss, len(samples[case]), ratio))

    load_end = os.getloadavg()
    table = ["| N | case | median wall (s) | median CPU user+sys (s) | median peak RSS (MB) | runs | ours / Hugo (wall) |",
             "|---:|---|---:|---:|---:|---:|---|"]
    for size, case, wall, cpu, rss, runs, ratio in rows:
        table.append(f"| {size:,} | {case} | {wall:.2f} | {cpu:.2f} | {rss:.0f} | {runs} | {ratio} |")

    scaling = []
    if (1000, "build") in medians and (10000, "build") in medians:
        for case, label in (("build", "our build"), ("hugo", "Hugo's build"), ("check", "check"), ("noop", "our no-op rebuild")):
            small, large = medians[(1000, case)], medians[(10000, case)]
            scaling.append(f"- {label}: 1k → 10k wall ×{large[0] / small[0]:.1f}, CPU ×{large[1] / small[1]:.1f} "
                           f"(linear would be ×10)")

    targets = []
    if (10000, "build") in medians:
        build, hugo_build = medians[(10000, "build")], medians[(10000, "hugo")]
        check, noop = medians[(10000, "check")], medians[(10000, "noop")]

        def verdict(ok):
            return "**met**" if ok else "**missed**"
        targets = [
            f"- Build 10,000 models in at most half of Hugo's wall time: ours {build[0]:.2f} s, Hugo {hugo_build[0]:.2f} s, "
            f"target ≤ {hugo_build[0] / 2:.2f} s: {verdict(build[0] <= hugo_build[0] / 2)}"
            + ("" if build[0] <= hugo_build[0] / 2 else f" (×{build[0] / (hugo_build[0] / 2):.1f} over the target)"),
            f"- Peak memory under 250 MB at 10,000: {build[2]:.0f} MB: {verdict(build[2] < 250)}"
            + ("" if build[2] < 250 else f" (×{build[2] / 250:.1f})"),
            f"- `check` of 10,000 manifests under 1 s: {check[0]:.2f} s: {verdict(check[0] < 1)}"
            + ("" if check[0] < 1 else f" (×{check[0]:.1f})"),
            f"- Rebuild with nothing changed under 1 s and rewriting no file: {noop[0]:.2f} s, no file rewritten: "
            f"{verdict(noop[0] < 1)}" + ("" if noop[0] < 1 else f" (×{noop[0]:.1f})"),
        ]
        if scaling:
            ratio = medians[(10000, "build")][0] / medians[(1000, "build")][0]
            targets.append(f"- Linear growth: our build 1k → 10k ×{ratio:.1f} in wall time: {verdict(ratio <= 11)}")

    swift_version = sh(["swift", "--version"]).stdout.strip().splitlines()[0] if shutil.which("swift") else "?"
    hugo_version = sh(["hugo", "version"]).stdout.strip()
    cpu_model = next((line.split(":", 1)[1].strip() for line in open("/proc/cpuinfo") if line.startswith("model name")), "?")
    header = [
        "# Benchmark results",
        "",
        "Written by `Benchmarks/run.sh` (overwritten on every run but the History section). Medians of several runs. First, for",
        "every N, our fresh builds and Hugo's, alternating which goes first, each into an empty folder;",
        "then, for every N, `check`, the no-op rebuild and the one-edit rebuild. Nothing is deleted",
        "before the fresh builds are done (old outputs are moved aside), and a run starts 370 s after",
        "the last deletion: on this ext4 disk without a journal, creating files within minutes of",
        "deleting many is several times slower, for both tools. `sync` runs before each measurement.",
        "Timings are `/usr/bin/time -f \"%e %U %S %M\"`.",
        "",
        f"- Run: {started:%Y-%m-%d %H:%M} UTC, seed {args.seed}, `ATOM_AUDIT_TODAY={TODAY}`",
        f"- Machine: `nproc` = {os.cpu_count()}, {cpu_model}, Linux {platform.release()}",
        f"- Load average at start {load_start[0]:.2f} / at end {load_end[0]:.2f} (other work on the machine inflates wall times)",
        f"- Tools: {swift_version}; {hugo_version}",
        f"- Binary: `{os.path.relpath(binary, REPO)}` (`swift build -c release --scratch-path .build-bench`), built "
        f"{datetime.datetime.fromtimestamp(os.path.getmtime(binary), datetime.timezone.utc):%Y-%m-%d %H:%M} UTC from the checkout as it was then",
        "",
    ]
    body = header + table + [""]
    if scaling:
        body += ["## Growth from 1,000 to 10,000 models", ""] + scaling + [""]
    if targets:
        body += ["## Targets (issue #6), at 10,000 models", ""] + targets + [""]
    body += ["## What was checked", ""] + [f"- {note}" for note in notes] + [""]
    text = "\n".join(body)
    # Sections other harnesses own (Benchmarks/serve, Benchmarks/history, ...): keep them.
    if os.path.exists(args.results):
        previous = open(args.results, encoding="utf-8").read()
        for kept in re.finditer(r"^## (Preview server|History|Hostile YAML|Before and after|The shape change alone|Where the build time goes)\n.*?(?=^## |\Z)", previous, re.S | re.M):
            text = text.rstrip("\n") + "\n\n" + kept.group(0)
    with open(args.results, "w", encoding="utf-8") as handle:
        handle.write(text)
    print("\n" + "\n".join(table))
    if scaling:
        print("\n" + "\n".join(scaling))
    if targets:
        print("\n" + "\n".join(targets))
    print(f"\nwritten to {os.path.relpath(args.results, REPO)}")


if __name__ == "__main__":
    main()
