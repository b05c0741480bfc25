#!/usr/bin/env python3
"""A synthetic git repository for timing `atom-audit history`.

    synthetic_repo.py --out DIR [--commits 1000] [--models 150] [--seed 1] [--source Content]

Writes a repository whose Content/ has --models manifests copied from the real
Content/models (each real one copied under new ids and names until there are enough),
with the real rubric, license catalog, site settings, scenarios and pages. The first
commit adds everything; each later commit edits one or two manifests (a data or code
level, the weights checkpoints, the weights license, or the assessed date), renames
one (about every 50th commit), or, once in the middle, changes the rubric so that every
model is scored again. The commits are written with `git fast-import` in one go, with
fixed dates: the same arguments give the same commit ids.

Python 3 only, no third-party packages.
"""
import argparse
import os
import random
import re
import shutil
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))

DATA_LEVELS = ["undisclosed", "described", "partial", "documented", "released"]
CODE_LEVELS = ["none", "inference", "partial-training", "full-pipeline"]
START = 1_735_732_800  # 2025-01-01 12:00 UTC; one commit every 6 hours


def sections(text):
    """Top-level YAML sections as [key, lines]; a section runs until the next unindented line."""
    result = []
    for line in text.splitlines():
        if line and not line[0].isspace() and not line.startswith("#"):
            result.append([line.split(":", 1)[0], [line]])
        elif result:
            result[-1][1].append(line)
        else:
            result.append(["", [line]])
    return result


def join(parts):
    return "\n".join(line for _, lines in parts for line in lines) + "\n"


def set_access(text, section, levels, rng):
    """Moves `section.access` to another level, adding evidence when the new level needs it."""
    parts = sections(text)
    for part in parts:
        if part[0] != section:
            continue
        lines = part[1]
        index = next((i for i, line in enumerate(lines) if line.startswith("  access:")), None)
        if index is None:
            return None
        current = lines[index].split(":", 1)[1].strip()
        choices = [level for level in levels if level != current]
        new = rng.choice(choices)
        lines[index] = f"  access: {new}"
        if new != levels[0] and not any(line.startswith("  evidence:") for line in lines):
            lines.insert(index + 1, f"  evidence: [https://example.org/{section}-card]")
        return join(parts)
    return None


def toggle_checkpoints(text):
    parts = sections(text)
    for part in parts:
        if part[0] != "weights":
            continue
        lines = part[1]
        if "  access: open" not in lines:
            return None
        for i, line in enumerate(lines):
            if line.startswith("  checkpoints:"):
                lines[i] = "  checkpoints: false" if line.endswith("true") else "  checkpoints: true"
                return join(parts)
        lines.insert(lines.index("  access: open") + 1, "  checkpoints: true")
        return join(parts)
    return None


def swap_license(text):
    if re.search(r"^  license: Apache-2\.0$", text, re.M):
        return re.sub(r"^  license: Apache-2\.0$", "  license: MIT", text, count=1, flags=re.M)
    if re.search(r"^  license: MIT$", text, re.M):
        return re.sub(r"^  license: MIT$", "  license: Apache-2.0", text, count=1, flags=re.M)
    return None


def reassess(text, day):
    return re.sub(r"^assessed: .*$", f"assessed: 2025-{1 + day % 12:02d}-{1 + day % 28:02d}", text, count=1, flags=re.M)


def edit(text, rng, number):
    """One plausible review edit; most change a score."""
    for _ in range(8):
        kind = rng.random()
        if kind < 0.35:
            new = set_access(text, "data", DATA_LEVELS, rng)
        elif kind < 0.6:
            new = set_access(text, "code", CODE_LEVELS, rng)
        elif kind < 0.75:
            new = toggle_checkpoints(text)
        elif kind < 0.85:
            new = swap_license(text)
        else:
            new = reassess(text, number)
        if new is not None and new != text:
            return new
    return reassess(text, number + 1)


def manifests(source, count):
    """`count` manifests made from the real ones: id → text. Copies get new ids and names."""
    originals = sorted(name[:-5] for name in os.listdir(os.path.join(source, "models")) if name.endswith(".yaml"))
    texts = {name: open(os.path.join(source, "models", name + ".yaml"), encoding="utf-8").read() for name in originals}
    result = {}
    copy = 0
    while len(result) < count:
        for name in originals:
            if len(result) == count:
                break
            if copy == 0:
                result[name] = texts[name]
                continue
            text = re.sub(r"^name: (.*)$", lambda m: f"name: {m.group(1).strip()} (copy {copy})", texts[name], count=1, flags=re.M)
            # A family groups copies with their original; keep it unique so nothing else changes.
            result[f"{name}-copy{copy}"] = text
        copy += 1
    return result


class Stream:
    """Writes a `git fast-import` stream."""

    def __init__(self, handle):
        self.handle = handle
        self.mark = 0

    def data(self, payload):
        raw = payload.encode("utf-8")
        self.handle.write(b"data %d\n" % len(raw) + raw + b"\n")

    def commit(self, number, message, operations):
        self.mark += 1
        when = START + number * 6 * 3600
        self.handle.write(b"commit refs/heads/main\n")
        self.handle.write(b"mark :%d\n" % self.mark)
        self.handle.write(b"author Bench <bench@example.org> %d +0000\n" % when)
        self.handle.write(b"committer Bench <bench@example.org> %d +0000\n" % when)
        self.data(message)
        if self.mark > 1:
            self.handle.write(b"from :%d\n" % (self.mark - 1))
        for operation in operations:
            if operation[0] == "M":
                self.handle.write(b"M 100644 inline %s\n" % operation[1].encode("utf-8"))
                self.data(operation[2])
            elif operation[0] == "R":
                self.handle.write(b'R "%s" "%s"\n' % (operation[1].encode("utf-8"), operation[2].encode("utf-8")))
        self.handle.write(b"\n")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", required=True)
    parser.add_argument("--commits", type=int, default=1000)
    parser.add_argument("--models", type=int, default=150)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--source", default=os.path.join(REPO, "Content"))
    args = parser.parse_args()
    rng = random.Random(args.seed)

    if os.path.exists(args.out):
        shutil.rmtree(args.out)
    os.makedirs(args.out)
    subprocess.run(["git", "init", "-q", "-b", "main", args.out], check=True)
    importer = subprocess.Popen(["git", "-C", args.out, "fast-import", "--quiet"], stdin=subprocess.PIPE)
    stream = Stream(importer.stdin)

    models = manifests(args.source, args.models)
    first = [("M", f"Content/models/{name}.yaml", text) for name, text in sorted(models.items())]
    for folder in ["scenarios", "pages"]:
        for name in sorted(os.listdir(os.path.join(args.source, folder))):
            first.append(("M", f"Content/{folder}/{name}", open(os.path.join(args.source, folder, name), encoding="utf-8").read()))
    rubric = open(os.path.join(args.source, "rubric.yaml"), encoding="utf-8").read()
    for name in ["site.yaml", "licenses.yaml"]:
        first.append(("M", f"Content/{name}", open(os.path.join(args.source, name), encoding="utf-8").read()))
    first.append(("M", "Content/rubric.yaml", rubric))
    stream.commit(0, "Add the content", first)

    renames = 0
    for number in range(1, args.commits):
        if number == args.commits // 2:
            # Described data is worth more: every model with described data or better moves.
            bumped = re.sub(r'^version: .*$', 'version: "1.1"', rubric, count=1, flags=re.M)
            bumped = bumped.replace("label: Described\n        points: 6", "label: Described\n        points: 8")
            bumped = bumped.replace("label: None\n        points: 0", "label: None\n        points: 1")
            assert bumped != rubric, "the rubric's text changed; update the edit in synthetic_repo.py"
            stream.commit(number, "Rubric 1.1: described data and no code are worth more", [("M", "Content/rubric.yaml", bumped)])
            continue
        if number % 50 == 25:
            old = rng.choice(sorted(models))
            renames += 1
            new = f"{old}-r{renames}"
            models[new] = models.pop(old)
            stream.commit(number, f"Rename {old} to {new}", [("R", f"Content/models/{old}.yaml", f"Content/models/{new}.yaml")])
            continue
        chosen = rng.sample(sorted(models), rng.choice([1, 1, 2]))
        operations = []
        for name in chosen:
            models[name] = edit(models[name], rng, number)
            operations.append(("M", f"Content/models/{name}.yaml", models[name]))
        stream.commit(number, "Review " + " and ".join(chosen), operations)

    importer.stdin.close()
    if importer.wait() != 0:
        sys.exit("git fast-import failed")
    print(f"{args.out}: {args.commits} commits, {args.models} models, {renames} renames, one rubric change")


if __name__ == "__main__":
    main()
