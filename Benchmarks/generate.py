#!/usr/bin/env python3
"""Synthetic content for the atom-audit benchmarks, and the equivalent Hugo site.

    generate.py content --count N --out DIR [--hugo DIR] [--seed S] [--source Content] [--no-adoption]
        Writes N valid model manifests (models/synthetic-00001.yaml ...) into DIR, plus
        rubric.yaml, licenses.yaml, site.yaml, scenarios/ and pages/ copied from the real
        Content/ so the site is complete. With --hugo, also writes a Hugo site carrying the
        same facts: content/models/<id>.md per model (front matter with the four levels,
        points, tier, evidence, notes as the Markdown body), data/rubric.yaml, hugo.toml,
        and the layouts of Benchmarks/hugo/layouts. Every downloadable model lists a Hub
        repository and 1 to 3 adoption snapshots on the catalogue's refresh days (2026-06-01
        to 2026-11-01); --no-adoption leaves them out, to measure what they cost.

    generate.py verify --models-json SITE/data/models.json --count N [--seed S]
        Checks that the levels, points and tier this script computed for the Hugo pages are
        the ones atom-audit computed (so both sites show the same facts).

    generate.py edit --content DIR --id ID --variant K
        Rewrites the notes of one manifest (variant K of the paragraph), for the
        "one manifest changed" rebuild. Scores, ranks and names do not change.

Python 3 only, no third-party packages. Deterministic for a given seed and N: the same
arguments give byte-identical files.
"""
import argparse
import json
import os
import random
import re
import shutil
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)

# --- The rubric (Content/rubric.yaml 1.0). `verify` checks these against atom-audit's output.
LEVELS = {
    "weights": [("hosted", "Hosted only", 0), ("gated", "Gated", 8), ("open", "Open weights", 18),
                ("open-checkpoints", "Open with checkpoints", 25)],
    "data": [("undisclosed", "Undisclosed", 0), ("described", "Described", 6), ("partial", "Partly released", 12),
             ("documented", "Documented", 18), ("released", "Released", 25)],
    "code": [("none", "None", 0), ("inference", "Inference", 8), ("partial-training", "Partial training", 16),
             ("full-pipeline", "Full pipeline", 25)],
    "license": [("proprietary", "Proprietary", 0), ("non-commercial", "Non-commercial", 6),
                ("custom-restrictive", "Custom restrictive", 12), ("open-restricted", "Open with use restrictions", 18),
                ("open", "OSI-approved or equivalent", 25)],
}
AXIS_LABELS = {"weights": "Weights", "data": "Data", "code": "Code", "license": "License"}
AXES = ["weights", "data", "code", "license"]
TIERS = [  # first match wins
    ("truly-open", "Truly open", {"weights": "open-checkpoints", "data": "released", "code": "full-pipeline", "license": "open"}),
    ("open-source", "Open source", {"weights": "open", "data": "documented", "code": "full-pipeline", "license": "open"}),
    ("open-weights", "Open weights", {"weights": "open", "license": "open"}),
    ("restricted-weights", "Restricted weights", {"weights": "gated"}),
    ("closed", "Closed", {}),
]
MAX_POINTS = sum(levels[-1][2] for levels in LEVELS.values())


def rank(axis, level):
    return [entry[0] for entry in LEVELS[axis]].index(level)


def level_entry(axis, level):
    return LEVELS[axis][rank(axis, level)]


def tier_of(levels):
    for tier_id, label, requires in TIERS:
        if all(rank(axis, levels[axis]) >= rank(axis, minimum) for axis, minimum in requires.items()):
            return tier_id, label
    raise AssertionError("the last tier has no requirements")


# --- Vocabulary. Origins are weighted roughly like the real audit (US and CN first).
DEVELOPERS = [  # (developer, origin, weight)
    ("Northwind AI", "US", 5), ("Cascade Labs", "US", 4), ("Redwood Research Collective", "US", 3),
    ("Allegheny Institute for AI", "US", 3), ("Pacific Compute", "US", 3), ("Lakeshore AI", "US", 2),
    ("Zhiyuan Intelligence", "CN", 4), ("Hangzhou Deep Model Lab", "CN", 4), ("Shenzhen Cloud AI", "CN", 3),
    ("Beijing Academy of Language Models", "CN", 3), ("Moonbay Technology", "CN", 2), ("Pearl River AI", "CN", 2),
    ("Lumière IA", "FR", 2), ("Kraftwerk KI", "DE", 2), ("Thames Machine Learning", "GB", 2),
    ("Maple Models", "CA", 2), ("Falcon Bay Institute", "AE", 2), ("Hanbit AI", "KR", 2),
    ("Sakura Language Lab", "JP", 2), ("Negev AI", "IL", 1), ("Alpine AI Initiative", "CH", 1),
    ("Indus Language Models", "IN", 1), ("Lion City AI", "SG", 1), ("Polder AI", "NL", 1),
    ("Nordlys Sprakmodeller", "SE", 1), ("Iberia IA", "ES", 1), ("Formosa AI", "TW", 1), ("Saimaa AI", "FI", 1),
]
COUNTRY_NAMES = {
    "US": "United States", "CN": "China", "FR": "France", "DE": "Germany", "GB": "United Kingdom", "CA": "Canada",
    "AE": "United Arab Emirates", "KR": "Korea, Republic of", "JP": "Japan", "IL": "Israel", "CH": "Switzerland",
    "IN": "India", "SG": "Singapore", "NL": "Netherlands", "SE": "Sweden", "ES": "Spain", "TW": "Taiwan, Province of China",
    "FI": "Finland",
}
FAMILIES = ["Aurora", "Basalt", "Cirrus", "Delta", "Ember", "Fjord", "Granite", "Helix", "Iris", "Juniper",
            "Kestrel", "Lumen", "Meridian", "Nimbus", "Orca", "Prism", "Quartz", "Raven", "Sierra", "Tern"]
VARIANTS = ["", " Instruct", " Chat", " Base", " Coder", " Reasoner", " Vision"]
SIZES = [("135M", None), ("400M", None), ("1.5B", None), ("3B", None), ("7B", None), ("8B", None), ("13B", None),
         ("32B", None), ("70B", None), ("123B", None), ("405B", None), ("47B", "13B"), ("236B", "21B"),
         ("671B", "37B"), ("1T", "32B")]
WEIGHTS_LICENSES = {  # by license level: (ids, weight)
    "open": (["Apache-2.0", "MIT", "BSD-3-Clause", "CC-BY-4.0"], 6),
    "open-restricted": (["bigscience-openrail-m", "bigcode-openrail-m", "deepseek"], 2),
    "custom-restrictive": (["llama3.1", "llama4", "gemma", "qwen", "falcon-llm-2.0", "nvidia-open-model"], 4),
    "non-commercial": (["CC-BY-NC-4.0", "qwen-research", "mistral-research"], 1),
}
CODE_LICENSES = ["Apache-2.0", "MIT", "BSD-3-Clause"]
NOTE_SENTENCES = {  # axis → level → what a reviewer would write; one generic follow-up is appended
    "weights": {
        "hosted": "Available only through the developer's API and chat product; no weights have been released.",
        "gated": "Downloading the weights needs an application that the developer reviews case by case.",
        "open": "Base and instruct weights are on the developer's model hub page; downloading them needs no application. No intermediate checkpoints are published.",
        "open-checkpoints": "Base and instruct weights are downloadable without gating, and the repository lists intermediate checkpoints of the whole run.",
    },
    "data": {
        "undisclosed": "The model card says only that the model was trained on publicly available and licensed data.",
        "described": "The technical report names the main sources and kinds of the pre-training mix, without a full listing.",
        "partial": "The post-training sets are downloadable under open terms; the pre-training corpus is not.",
        "documented": "The report lists every source of the corpus with its share of tokens and the filters applied.",
        "released": "All pre-training and post-training data is published on a dataset hub under open terms.",
    },
    "code": {
        "none": "No model, training or inference code is released.",
        "inference": "The repository holds inference code, the tokenizer and example scripts.",
        "partial-training": "Fine-tuning and post-training recipes are published; pre-training code is not.",
        "full-pipeline": "Data processing, pre-training, post-training and evaluation code are published with the configs of this run.",
    },
}
NOTE_FOLLOW_UPS = ["Checked the model card and the release announcement.", "Checked the technical report and the repository.",
                   "Nothing more detailed could be found.", "Reviewers should check again when the next version ships."]
NOTES_SENTENCES = [
    "A {size} {kind} model from {developer}, trained on {tokens}T tokens.",
    "The release includes a model card with evaluation results on **standard benchmarks** and a short safety section.",
    "Its context window is {context}K tokens, and it supports {languages} languages according to the card.",
    "The developer describes the architecture as a decoder-only transformer with grouped-query attention.",
    "Independent evaluations place it close to models of similar size; see the [report](https://example.org/reports/{slug}).",
    "Quantised variants were published by the community within days of the release.",
    "Reviewers should re-check the data statement when the next version is announced.",
]


def weighted(rng, items):
    """items: list of (value, weight)."""
    total = sum(weight for _, weight in items)
    pick = rng.uniform(0, total)
    for value, weight in items:
        pick -= weight
        if pick <= 0:
            return value
    return items[-1][0]


def slugify(text):
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def date_from_day(day):
    """day counts from 2022-01-01 (day 0), proleptic Gregorian, via datetime."""
    import datetime
    return (datetime.date(2022, 1, 1) + datetime.timedelta(days=day)).isoformat()


DAY_2023_01_01 = 365
DAY_2026_01_01 = 1461  # 2022-01-01 + 1461 days
DAY_2026_11_20 = DAY_2026_01_01 + 323


def model_facts(index, rng, licenses):
    """The facts of one synthetic model, with what atom-audit should compute for it."""
    model_id = f"synthetic-{index:05d}"
    developer, origin = weighted(rng, [((d, o), w) for d, o, w in DEVELOPERS])
    family = rng.choice(FAMILIES)
    size, active = rng.choice(SIZES)
    variant = rng.choice(VARIANTS)
    name = f"{family} {size}{variant} S{index:05d}"
    slug = slugify(f"{family}-{size}{variant}")
    dev_slug = slugify(developer)

    weights_access = weighted(rng, [("hosted", 15), ("gated", 10), ("open", 75)])
    checkpoints = weights_access == "open" and rng.random() < 0.2
    weights_license = None
    if weights_access != "hosted":
        license_level = weighted(rng, [(level, weight) for level, (_, weight) in WEIGHTS_LICENSES.items()])
        weights_license = rng.choice(WEIGHTS_LICENSES[license_level][0])
    if checkpoints:
        data_access = weighted(rng, [("described", 2), ("partial", 2), ("documented", 3), ("released", 4)])
        code_access = weighted(rng, [("partial-training", 1), ("full-pipeline", 3)])
    elif weights_access == "hosted":
        data_access = weighted(rng, [("undisclosed", 3), ("described", 2)])
        code_access = weighted(rng, [("none", 4), ("inference", 1)])
    else:
        data_access = weighted(rng, [("undisclosed", 4), ("described", 5), ("partial", 2), ("documented", 1), ("released", 1)])
        code_access = weighted(rng, [("none", 1), ("inference", 5), ("partial-training", 3), ("full-pipeline", 1)])

    def urls(kind, count, dataset=False):
        paths = [f"https://example.org/{dev_slug}/{slug}-{index:05d}/{kind}/{n}" for n in range(count)]
        if dataset:
            paths[0] = f"https://example.org/datasets/{dev_slug}/{slug}-{index:05d}-{'pretrain' if kind == 'data' else kind}"
        return paths

    weights_evidence = urls("weights", max(2 if checkpoints else 1, rng.randint(1, 3)))
    data_evidence = urls("data", rng.randint(1, 3), dataset=data_access == "released")
    code_evidence = urls("code", rng.randint(1, 3))

    def note(axis, level):
        return NOTE_SENTENCES[axis][level] + " " + rng.choice(NOTE_FOLLOW_UPS)

    weights_level = "open-checkpoints" if checkpoints else weights_access
    # From the census's first day (site.yaml's census-from, 2023-01-01), as real manifests are.
    released_day = rng.randint(DAY_2023_01_01, DAY_2026_01_01 + 150)
    assessed_day = rng.randint(max(released_day, DAY_2026_01_01), DAY_2026_11_20)
    notes = notes_paragraph(model_id, size=size, developer=developer, slug=slug)
    modality = ["text"] + (["code"] if "Coder" in variant else []) + (["image"] if "Vision" in variant else [])

    license_level = licenses[weights_license]["level"] if weights_license else "proprietary"
    levels = {"weights": weights_level, "data": data_access, "code": code_access, "license": license_level}
    points = sum(level_entry(axis, levels[axis])[2] for axis in AXES)
    tier, tier_label = tier_of(levels)
    return {
        "id": model_id, "name": name, "developer": developer, "origin": origin, "family": slugify(family),
        "released": date_from_day(released_day), "assessed": date_from_day(assessed_day),
        "parameters": size, "active": active, "modality": modality,
        "weights": {"access": weights_access, "checkpoints": checkpoints, "license": weights_license,
                    "evidence": weights_evidence, "note": note("weights", weights_level)},
        "data": {"access": data_access, "evidence": data_evidence if data_access != "undisclosed" or rng.random() < 0.5 else [],
                 "note": note("data", data_access)},
        "code": {"access": code_access, "license": rng.choice(CODE_LICENSES) if code_access != "none" else None,
                 "evidence": code_evidence if code_access != "none" else [], "note": note("code", code_access)},
        "notes": notes, "slug": slug,
        "adoption": adoption(model_id, f"{dev_slug}/{slug}-{index:05d}") if weights_access != "hosted" else None,
        # what atom-audit computes:
        "levels": levels, "points": points, "tier": tier, "tierLabel": tier_label,
    }


# The days a catalogue-wide `adoption refresh` ran: every snapshot falls on one of them, as
# real ones do, and all come after the latest synthetic release (2026-05-31).
REFRESH_DAYS = ["2026-06-01", "2026-07-01", "2026-08-01", "2026-09-01", "2026-10-01", "2026-11-01"]


def adoption(model_id, repository):
    """1 to 3 snapshots of growing cumulative downloads. Its own generator, seeded by the id,
    so the rest of the facts (and so every score) are the same with or without adoption."""
    local = random.Random("adoption-" + model_id)
    days = sorted(local.sample(REFRESH_DAYS, local.randint(1, 3)))
    downloads = int(10 ** local.uniform(2, 7))
    snapshots = []
    for day in days:
        recent = int(downloads * local.uniform(0.02, 0.3))
        downloads += recent
        snapshot = {"as-of": day, "downloads": downloads, "downloads-30d": recent, "likes": int(downloads ** 0.5 * local.uniform(0.1, 1))}
        if local.random() < 0.7:
            snapshot["derivatives"] = {"fine-tunes": local.randint(0, 400), "quantizations": local.randint(0, 300)}
        snapshots.append(snapshot)
    return {"repositories": [repository], "snapshots": snapshots}


def adoption_yaml(block):
    text = "adoption:\n  repositories: [" + ", ".join(block["repositories"]) + "]\n  snapshots:\n"
    for snapshot in block["snapshots"]:
        text += f"    - as-of: {snapshot['as-of']}\n"
        for key in ("downloads", "downloads-30d", "likes"):
            text += f"      {key}: {snapshot[key]}\n"
        if "derivatives" in snapshot:
            counts = snapshot["derivatives"]
            text += "      derivatives: {" + ", ".join(f"{key}: {value}" for key, value in counts.items()) + "}\n"
        text += f"      source: https://huggingface.co/api/models/{block['repositories'][0]}\n"
    return text


def notes_paragraph(model_id, size, developer, slug):
    """A paragraph of Markdown notes (its own generator, so `edit` can change it alone)."""
    local = random.Random(model_id)
    count = local.randint(3, 5)
    chosen = [NOTES_SENTENCES[0]] + local.sample(NOTES_SENTENCES[1:], count - 1)
    values = {"size": size, "kind": "dense" if local.random() < 0.7 else "mixture-of-experts", "developer": developer,
              "tokens": local.choice([2, 4, 9, 12, 15, 18, 36]), "context": local.choice([8, 32, 128, 256]),
              "languages": local.choice([1, 12, 29, 100]), "slug": slug}
    return " ".join(sentence.format(**values) for sentence in chosen)


def yaml_string(text):
    """A double-quoted YAML scalar (always valid, whatever the text holds)."""
    return json.dumps(text, ensure_ascii=False)


def folded(text, indent):
    """A `>-` block, wrapped near 96 columns like the hand-written manifests."""
    words, lines, line = text.split(), [], ""
    for word in words:
        if line and len(line) + 1 + len(word) > 96 - indent:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}" if line else word
    lines.append(line)
    return ">-\n" + "".join(" " * indent + item + "\n" for item in lines)


def manifest_yaml(facts):
    out = [f"name: {yaml_string(facts['name'])}", f"developer: {yaml_string(facts['developer'])}",
           f"origin: {facts['origin']}", f"released: {facts['released']}", f"parameters: {facts['parameters']}"]
    if facts["active"]:
        out.append(f"active-parameters: {facts['active']}")
    out.append(f"modality: [{', '.join(facts['modality'])}]")
    out.append(f"family: {facts['family']}")
    text = "\n".join(out) + "\n"
    w = facts["weights"]
    text += f"weights:\n  access: {w['access']}\n"
    if w["access"] == "open":
        text += f"  checkpoints: {'true' if w['checkpoints'] else 'false'}\n"
    if w["license"]:
        text += f"  license: {w['license']}\n"
    text += "  evidence:\n" + "".join(f"    - {url}\n" for url in w["evidence"])
    text += "  note: " + folded(w["note"], 4)
    for axis in ("data", "code"):
        facts_axis = facts[axis]
        text += f"{axis}:\n  access: {facts_axis['access']}\n"
        if facts_axis.get("license"):
            text += f"  license: {facts_axis['license']}\n"
        if facts_axis["evidence"]:
            text += "  evidence:\n" + "".join(f"    - {url}\n" for url in facts_axis["evidence"])
        text += "  note: " + folded(facts_axis["note"], 4)
    text += "notes: " + folded(facts["notes"], 2).replace(">-", "|", 1)
    if facts.get("adoption"):
        text += adoption_yaml(facts["adoption"])
    text += f"assessed: {facts['assessed']}\n"
    return text


def read_licenses(path):
    """A minimal reader for Content/licenses.yaml's flat list of mappings (no PyYAML)."""
    licenses, current = {}, None
    for raw in open(path, encoding="utf-8"):
        line = raw.split(" #", 1)[0].rstrip() if not raw.lstrip().startswith("summary") else raw.rstrip()
        match = re.match(r"^\s*-\s+id:\s*(\S+)", line)
        if match:
            current = {"id": match.group(1)}
            licenses[current["id"]] = current
            continue
        match = re.match(r"^\s+(name|url|level|osi-approved|summary):\s*(.*)$", line)
        if match and current is not None:
            value = match.group(2).strip()
            if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
                value = value[1:-1]
            current[match.group(1)] = value
    return licenses


def all_facts(count, seed, licenses, with_adoption=True):
    rng = random.Random(seed)
    facts = [model_facts(index, rng, licenses) for index in range(1, count + 1)]
    if not with_adoption:
        for model in facts:
            model["adoption"] = None
    return facts


def write_file(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="\n") as handle:
        handle.write(text)


def write_content(out, source, facts):
    if os.path.exists(out):
        shutil.rmtree(out)
    os.makedirs(os.path.join(out, "models"))
    for name in ("rubric.yaml", "licenses.yaml", "site.yaml"):
        shutil.copyfile(os.path.join(source, name), os.path.join(out, name))
    for folder in ("scenarios", "pages"):
        shutil.copytree(os.path.join(source, folder), os.path.join(out, folder))
    for model in facts:
        write_file(os.path.join(out, "models", model["id"] + ".yaml"), manifest_yaml(model))


# --- The Hugo site ---------------------------------------------------------------------------

HUGO_CONFIG = """baseURL = "https://example.org/"
languageCode = "en"
title = "Truly Open? (Hugo comparison build)"
disableKinds = ["taxonomy", "term", "RSS", "section"]
enableRobotsTXT = false

[markup.goldmark.renderer]
  unsafe = false
"""


def hugo_front_matter(model, licenses):
    """YAML front matter with the facts the scorecard shows; levels come from the rubric."""
    lines = ["---", f"title: {yaml_string(model['name'])}", f"id: {model['id']}",
             f"developer: {yaml_string(model['developer'])}", f"origin: {model['origin']}",
             f"originName: {yaml_string(COUNTRY_NAMES[model['origin']])}",
             f"released: \"{model['released']}\"", f"assessed: \"{model['assessed']}\"",
             f"parameters: {model['parameters']}"]
    if model["active"]:
        lines.append(f"activeParameters: {model['active']}")
    lines += [f"modality: [{', '.join(model['modality'])}]", f"points: {model['points']}", f"maxPoints: {MAX_POINTS}",
              f"tier: {model['tier']}", f"tierLabel: {yaml_string(model['tierLabel'])}", "axes:"]
    for axis in AXES:
        level = model["levels"][axis]
        _, label, points = level_entry(axis, level)
        if axis == "license":
            entry = licenses.get(model["weights"]["license"] or "")
            evidence = [entry["url"]] if entry else []
            note = None
        else:
            evidence = model[axis]["evidence"]
            note = model[axis]["note"]
        lines += [f"  - axis: {axis}", f"    label: {AXIS_LABELS[axis]}", f"    level: {level}",
                  f"    levelLabel: {yaml_string(label)}", f"    points: {points}",
                  f"    maxPoints: {LEVELS[axis][-1][2]}", f"    rank: {rank(axis, level)}",
                  f"    maxRank: {len(LEVELS[axis]) - 1}"]
        if note:
            lines.append(f"    note: {yaml_string(note)}")
        lines.append("    evidence:" + ("" if evidence else " []"))
        lines += [f"      - {url}" for url in evidence]
    entry = licenses.get(model["weights"]["license"] or "")
    if entry:
        lines += ["license:", f"  id: {entry['id']}", f"  name: {yaml_string(entry['name'])}",
                  f"  url: {entry['url']}", f"  osiApproved: {entry.get('osi-approved', 'false')}",
                  f"  summary: {yaml_string(entry.get('summary', ''))}"]
    lines.append("---")
    return "\n".join(lines) + "\n"


def hugo_rubric_data():
    """data/rubric.yaml: axis → level → definition, looked up by the single template."""
    definitions = {  # the definitions of Content/rubric.yaml, shortened to one sentence each
        "hosted": "The model can only be used through an API or a product; no weights can be downloaded.",
        "gated": "The weights can be downloaded only after an application reviewed case by case, or only for research or non-commercial use.",
        "open": "Anyone can download the final weights (a click-through license acceptance does not count as gating).",
        "open-checkpoints": "The final weights, the base (pre-trained) model and intermediate training checkpoints can all be downloaded.",
        "undisclosed": "Nothing beyond generic statements such as \"publicly available data\".",
        "described": "A model card, data card or paper names the kinds and main sources of the training data.",
        "partial": "Some of the training data, such as one training stage or the post-training sets, can be downloaded.",
        "documented": "A complete description and a listing of every source (OSAID \"data information\").",
        "released": "All training data, for pre- and post-training, can be downloaded under open terms.",
        "none": "No code is released.", "inference": "Code to load and run the model only.",
        "partial-training": "Some of the training code, such as fine-tuning or post-training recipes, but not the whole pipeline.",
        "full-pipeline": "Data processing, pre-training, post-training, evaluation and configuration code.",
        "proprietary": "No rights to the weights are granted, or no weights are distributed.",
        "non-commercial": "Research or non-commercial use only.",
        "custom-restrictive": "A custom model license with user caps, naming rules or acceptable-use policies (Llama-style).",
        "open-restricted": "Free use and redistribution subject to behavioural use restrictions (OpenRAIL-style).",
        "open-license": "An OSI-approved license, or an equally permissive license with no restrictions on use.",
    }
    lines = []
    for axis in AXES:
        lines.append(f"{axis}:")
        for level, label, points in LEVELS[axis]:
            key = "open-license" if axis == "license" and level == "open" else level
            lines.append(f"  {level}: {{label: {yaml_string(label)}, points: {points}, definition: {yaml_string(definitions[key])}}}")
    return "\n".join(lines) + "\n"


def write_hugo(out, facts, licenses):
    if os.path.exists(out):
        shutil.rmtree(out)
    write_file(os.path.join(out, "hugo.toml"), HUGO_CONFIG)
    write_file(os.path.join(out, "data", "rubric.yaml"), hugo_rubric_data())
    write_file(os.path.join(out, "content", "_index.md"), "---\ntitle: Leaderboard\n---\n")
    shutil.copytree(os.path.join(HERE, "hugo", "layouts"), os.path.join(out, "layouts"))
    for model in facts:
        write_file(os.path.join(out, "content", "models", model["id"] + ".md"),
                   hugo_front_matter(model, licenses) + "\n" + model["notes"] + "\n")


# --- Commands --------------------------------------------------------------------------------

def command_content(args):
    licenses = read_licenses(os.path.join(args.source, "licenses.yaml"))
    facts = all_facts(args.count, args.seed, licenses, with_adoption=not args.no_adoption)
    write_content(args.out, args.source, facts)
    if args.hugo:
        write_hugo(args.hugo, facts, licenses)
    tiers = {}
    for model in facts:
        tiers[model["tier"]] = tiers.get(model["tier"], 0) + 1
    print(f"generated {args.count} manifests in {args.out}" + (f" and {args.count} Hugo pages in {args.hugo}" if args.hugo else "")
          + f" (seed {args.seed}; tiers: " + ", ".join(f"{count} {tier}" for tier, count in sorted(tiers.items())) + ")")


def command_verify(args):
    licenses = read_licenses(os.path.join(args.source, "licenses.yaml"))
    facts = {model["id"]: model for model in all_facts(args.count, args.seed, licenses)}
    with open(args.models_json, encoding="utf-8") as handle:
        records = {record["id"]: record for record in json.load(handle)["models"]}
    problems = []
    if set(records) != set(facts):
        problems.append(f"ids differ: {len(set(records) ^ set(facts))} not in both")
    for model_id, model in facts.items():
        record = records.get(model_id)
        if record is None:
            continue
        for axis in AXES:
            got = record["axes"][axis]
            want_level, _, want_points = level_entry(axis, model["levels"][axis])
            if (got["level"], got["points"]) != (want_level, want_points):
                problems.append(f"{model_id} {axis}: atom-audit {got['level']}/{got['points']}, generator {want_level}/{want_points}")
        tier = record.get("tier")
        tier_id = tier.get("id") if isinstance(tier, dict) else tier
        if record.get("points") != model["points"] or tier_id != model["tier"]:
            problems.append(f"{model_id}: atom-audit {record.get('points')} {tier_id}, generator {model['points']} {model['tier']}")
    for problem in problems[:20]:
        print("mismatch:", problem, file=sys.stderr)
    if problems:
        print(f"verify: {len(problems)} mismatches", file=sys.stderr)
        sys.exit(1)
    print(f"verify: the {len(facts)} Hugo pages carry the levels, points and tiers atom-audit computed")


def command_edit(args):
    path = os.path.join(args.content, "models", args.id + ".yaml")
    text = open(path, encoding="utf-8").read()
    head, _, rest = text.partition("notes: |\n")
    body_lines = rest.split("\n")
    index = 0
    while index < len(body_lines) and body_lines[index].startswith("  "):
        index += 1
    tail = "\n".join(body_lines[index:])
    old = " ".join(line.strip() for line in body_lines[:index])
    base = re.sub(r" Revision \d+: the card was updated after the last review\.$", "", old)
    new = base + (f" Revision {args.variant}: the card was updated after the last review." if args.variant else "")
    with open(path, "w", encoding="utf-8", newline="\n") as handle:
        handle.write(head + "notes: " + folded(new, 2).replace(">-", "|", 1) + tail)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", required=True)
    content = sub.add_parser("content", help="write N manifests (and the equivalent Hugo site)")
    content.add_argument("--count", type=int, required=True)
    content.add_argument("--out", required=True)
    content.add_argument("--hugo")
    content.add_argument("--seed", type=int, default=1)
    content.add_argument("--source", default=os.path.join(REPO, "Content"))
    content.add_argument("--no-adoption", action="store_true", help="no adoption blocks (the content before snapshots)")
    content.set_defaults(run=command_content)
    verify = sub.add_parser("verify", help="compare the generator's scores with atom-audit's models.json")
    verify.add_argument("--models-json", required=True)
    verify.add_argument("--count", type=int, required=True)
    verify.add_argument("--seed", type=int, default=1)
    verify.add_argument("--source", default=os.path.join(REPO, "Content"))
    verify.set_defaults(run=command_verify)
    edit = sub.add_parser("edit", help="change the notes of one manifest")
    edit.add_argument("--content", required=True)
    edit.add_argument("--id", required=True)
    edit.add_argument("--variant", type=int, required=True)
    edit.set_defaults(run=command_edit)
    args = parser.parse_args()
    args.run(args)


if __name__ == "__main__":
    main()
