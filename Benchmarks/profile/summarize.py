#!/usr/bin/env python3
"""Turns callgrind and perf output into the Markdown of Benchmarks/profile-<date>.md.

    summarize.py callgrind FILE [--top 15]     top functions (self and inclusive) and the
                                               share of each pipeline stage
    summarize.py perf FILE [--top 15]          top symbols of a `perf record` file

Names are demangled with `swift demangle --simplified`.
"""
import argparse
import re
import subprocess

# Pipeline stages as inclusive costs of the functions that own them. Each row sums its
# patterns; a pattern that matches several functions (e.g. an old and a new name, or a
# function and its closure) counts the largest. Indented rows are part of the row above.
STAGES = [
    ("**Where the work happens** (these rows do not overlap, except indented rows, which are part of the row above)", [], 0),
    ("Read content files (ContentReader.read)", [r"^ContentReader\.read\(directory:\)$"], 0),
    ("Parse and validate manifests (ContentAuditor.loadManifest)", [r"^specialized static ContentAuditor\.loadManifest"], 0),
    ("YAML parsing (YAMLReader.read: BlockYAMLParser, and Yams for what it declines)", [r"^YAMLReader\.read\(_:file:\)$"], 1),
    ("Our block YAML parser (BlockYAMLParser.parse)", [r"^(specialized )?(static )?BlockYAMLParser\.parse\(_:\)$"], 2),
    ("Yams (YAMLReader.composed)", [r"^YAMLReader\.composed\(text:file:\)$"], 2),
    ("Decoding and validation (ManifestDecoder.decode)", [r"^ManifestDecoder\.decode\(_:id:\)$"], 1),
    ("Scoring (Scorer.score)", [r"^Scorer\.score\(_:\)$"], 0),
    ("Scorecard pages, HTML + Markdown editions (the per-model closure of PageRenderer.modelPages)",
     [r"^closure #\d+ in PageRenderer\.modelPages\(.*\)$"], 0),
    ("Other pages: leaderboard, methodology, charts, brief... (PageRenderer.sitePages)",
     [r"^(closure #\d+ in )?PageRenderer\.(sitePages|sitePageBatches)\(\)$"], 0),
    ("JSON and CSV downloads (DataExporter)", [r"^DataExporter\.(files\(\)|Accumulator\.add\(_:\))$", r"^DataExporter\.Accumulator\.finish\(\)$"], 0),
    ("Charts and badges (Graphics)", [r"^Graphics\.(files|charts)\(\)$", r"^(specialized )?Graphics\.badge\(for:\)$"], 0),
    ("Feed and sitemap", [r"^FeedWriter\.feed\(\)$", r"^SitemapWriter\.sitemap\(_:\)$"], 0),
    ("Write the site (SiteWriter; user-space instructions only, not the kernel's I/O)",
     [r"^(specialized )?SiteWriter\.(write\(_:to:\)|Session\.add\(_:\))$", r"^(specialized )?SiteWriter\.Session\.(stage|finish|commit)\(.*\)$"], 0),
    ("Compare with the existing files (SiteWriter.Plan.init)", [r"^(specialized )?SiteWriter\.Plan\.init"], 1),
    ("Up-to-date check (BuildStamp)", [r"^(specialized )?(static )?BuildStamp\.inputs", r"^(specialized )?(static )?BuildStamp\.outputs"], 0),
    ("**What kind of work** (across all the stages above; these rows overlap)", [], 0),
    ("Template rendering (TemplateRenderer.render)", [r"^TemplateRenderer\.render\(_:context:sizeHint:\)$"], 0),
    ("Context lookups (TemplateRenderer.lookup, with the contexts' answers)", [r"^(static )?TemplateRenderer\.lookup\(_:_:in:\)$"], 1),
    ("Mustache rendering (MustacheLibrary.render)", [r"^MustacheLibrary\.render\(_:withTemplate:\)$"], 0),
    ("Context lookup (MustacheTemplate.getChild: dynamic casts, name.split per lookup)",
     [r"^MustacheTemplate\.getChild\(named:transforms:context:\)$"], 1),
    ("name.split(\".\") of every looked-up name (Collection.split)",
     [r"^specialized Collection\.split\(maxSplits:omittingEmptySubsequences:whereSeparator:\)$"], 2),
    ("Optional unwrapping of every value (MustacheTemplate.unwrapIfAnyContainsOptional)",
     [r"^MustacheTemplate\.unwrapIfAnyContainsOptional\(_:\)$"], 1),
    ("HTML escaping (String.htmlEscape, or FastHTMLContentType.escape)",
     [r"^(String\.htmlEscape\(\)|specialized static FastHTMLContentType\.escape\(_:\))$"], 1),
    ("Markdown escaping (MarkdownEscaper.escape, via MarkdownContentType)", [r"^specialized static MarkdownEscaper\.escape\(_:\)$"], 1),
    ("swift_dynamicCast, all callers", [r"^swift_dynamicCast$"], 0),
    ("Building context dictionaries (ContextBuilder.card)", [r"^ContextBuilder\.card\(_:root:position:\)$"], 0),
    ("Markdown through cmark (MarkdownRenderer.html + safeMarkdown)",
     [r"^MarkdownRenderer\.html\(from:\)$", r"^MarkdownRenderer\.safeMarkdown\(from:\)$"], 0),
    ("JSONEncoder, all callers", [r"^JSONEncoder\.encode<A>\(_:\)$"], 0),
    ("String.append, all callers", [r"^String\.append\(_:\)$"], 0),
]

LINE = re.compile(r"^\s*([\d,]+)\s+\(\s*([\d.]+)%\)\s+(?:\S*?:)?(.*?)(?:\s+\[(.*)\])?$")


def demangle(text):
    return subprocess.run(["swift", "demangle", "--simplified"], input=text, capture_output=True, text=True).stdout


def annotate(path, inclusive):
    out = subprocess.run(["callgrind_annotate", f"--inclusive={'yes' if inclusive else 'no'}", "--threshold=100", path],
                         capture_output=True, text=True, check=True).stdout
    total = int(re.search(r"([\d,]+) \(100\.0%\)\s+PROGRAM TOTALS", out).group(1).replace(",", ""))
    rows = []
    body = out.split("file:function", 1)[1]
    for line in demangle(body).splitlines():
        match = LINE.match(line)
        if not match:
            continue
        cost = int(match.group(1).replace(",", ""))
        name = match.group(3).strip()
        name = re.sub(r"^\?\?\?:", "", name)
        obj = (match.group(4) or "").rsplit("/", 1)[-1]
        rows.append((cost, name, obj))
    return total, rows


def short(name, width=110):
    return name if len(name) <= width else name[: width - 1] + "…"


def callgrind(args):
    total, self_rows = annotate(args.file, inclusive=False)
    _, incl_rows = annotate(args.file, inclusive=True)
    print(f"Total: {total:,} instructions (Ir).\n")
    print(f"Top {args.top} functions by **self** instructions:\n")
    print("| # | self Ir | share | function | object |\n|---:|---:|---:|---|---|")
    for index, (cost, name, obj) in enumerate(self_rows[: args.top], 1):
        print(f"| {index} | {cost:,} | {100 * cost / total:.1f}% | `{short(name)}` | {obj} |")
    print(f"\nShares by **inclusive** instructions (a function and everything it calls, on every thread):\n")
    print("| stage | inclusive Ir | share |\n|---|---:|---:|")
    for label, patterns, depth in STAGES:
        if not patterns:
            print(f"| {label} | | |")
            continue
        cost = 0
        for pattern in patterns:
            matches = [c for c, name, _ in incl_rows if re.search(pattern, name)]
            cost += max(matches) if matches else 0
        if cost == 0:
            continue
        print(f"| {'&nbsp;&nbsp;&nbsp;&nbsp;' * depth}{label} | {cost:,} | {100 * cost / total:.1f}% |")


def clean(symbol):
    """perf pads each symbol and appends empty columns ("-      -")."""
    return re.sub(r"(\s+-)+\s*$", "", symbol).strip()


def perf(args):
    out = subprocess.run(["perf", "report", "-i", args.file, "--no-children", "--sort", "dso,symbol", "--stdio", "-g", "none"],
                         capture_output=True, text=True).stdout
    rows = []
    for line in demangle(out).splitlines():
        match = re.match(r"^\s*([\d.]+)%\s+(\S+)\s+\[(.)\]\s+(.*?)\s*$", line)
        if match:
            rows.append((float(match.group(1)), match.group(2), match.group(3), clean(match.group(4))))
    print("| # | self samples | where | symbol |\n|---:|---:|---|---|")
    for index, (share, dso, kind, symbol) in enumerate(rows[: args.top], 1):
        print(f"| {index} | {share:.1f}% | {'kernel' if kind == 'k' else dso} | `{short(symbol)}` |")
    kernel = sum(share for share, _, kind, _ in rows if kind == "k")
    print(f"\nAll kernel symbols together: {kernel:.1f}% of samples.")
    out = subprocess.run(["perf", "report", "-i", args.file, "--children", "--sort", "symbol", "--stdio", "-g", "none"],
                         capture_output=True, text=True).stdout
    wanted = [r"SiteBuilder\.build\(_:\)$", r"MustacheLibrary\.render", r"PageRenderer\.sitePages\(\)$",
              r"SiteWriter\.write\(_:to:\)$", r"SiteWriter\.stage", r"SiteWriter\.Plan\.init", r"Data\.write\(to:options:\)$",
              r"^fsync$", r"__x64_sys_openat$", r"__x64_sys_fsync$", r"__x64_sys_mkdir$", r"__x64_sys_linkat$",
              r"^ContentAuditor\.audit\(_:\)$", r"ContentAuditor\.loadManifest", r"YAMLReader\.read\(_:file:\)$",
              r"ManifestDecoder\.decode\(_:id:\)$", r"FieldReader\.string", r"EvidenceURL\.problem", r"_ProcessInfo\.environment\.getter",
              r"trimmingCharacters\(in:\)$", r"ContentReader\.read\(directory:\)$", r"DataExporter\.files\(\)$", r"String\.htmlEscape\(\)$",
              r"MarkdownEscaper\.escape", r"MustacheTemplate\.getChild"]
    found = {}
    for line in demangle(out).splitlines():
        match = re.match(r"^\s*([\d.]+)%\s+([\d.]+)%\s+\[.\]\s+(.*?)\s*$", line)
        if not match:
            continue
        name = clean(match.group(3))
        for pattern in wanted:
            if re.search(pattern, name) and pattern not in found:
                found[pattern] = (float(match.group(1)), name)
    print("\nSelected functions, inclusive (children) share of samples:\n")
    print("| inclusive | function |\n|---:|---|")
    for pattern in wanted:
        if pattern in found:
            share, name = found[pattern]
            print(f"| {share:.1f}% | `{short(name)}` |")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("kind", choices=["callgrind", "perf"])
    parser.add_argument("file")
    parser.add_argument("--top", type=int, default=15)
    args = parser.parse_args()
    callgrind(args) if args.kind == "callgrind" else perf(args)


if __name__ == "__main__":
    main()
