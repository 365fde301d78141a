#!/usr/bin/env python3
"""Builds a CI-shaped log for the benchmark: synthetic build and test output with the
real daslang reports of Tests/Fixtures/corpus spliced in, every line carrying a GitHub
Actions timestamp. Writes the log and, next to it, the per-detector occurrence totals
that `leaktriage run --format json` must report for it.

The expected totals are the sum, over every spliced copy, of the per-file counts that
Tests/Support/CorpusExpectations.swift pins (big_profiler.log.gz: the count
pinned by CorpusCountTests). GC reports are cumulative, so a node listed twice with the
same id is one node; each copy's gc ids are therefore shifted to make copies distinct
(as two separate daslang processes would not be).
"""

import argparse
import ast
import gzip
import json
import os
import random
import re
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CORPUS = os.path.join(ROOT, "Tests", "Fixtures", "corpus")
TESTS = os.path.join(ROOT, "Tests")

# Swift's Detector cases and their JSON names (schema leaktriage/1).
DETECTORS = {
    "profiler": "profiler", "heapReport": "heap_report", "gcNode": "gc_node", "smartPtr": "smart_ptr",
    "jobStatus": "job_status", "handleRegistry": "handle_registry", "cppHeap": "cpp_heap",
}
BYTE_DETECTORS = {"profiler", "heap_report", "cpp_heap"}


# ---------------------------------------------------------------------------------------
# Expected counts, read from the Swift test sources so that there is one source of truth.

def arithmetic(text):
    """The value of an integer expression such as `2352 + 20 * 8` or `0xc0 + 0xa0`."""
    def value(node):
        if isinstance(node, ast.Constant) and isinstance(node.value, int):
            return node.value
        if isinstance(node, ast.BinOp) and isinstance(node.op, (ast.Add, ast.Sub, ast.Mult)):
            left, right = value(node.left), value(node.right)
            return left + right if isinstance(node.op, ast.Add) else left - right if isinstance(node.op, ast.Sub) else left * right
        raise ValueError("not an integer expression: " + text)
    return value(ast.parse(text.strip(), mode="eval").body)


def swift_counts_to_python(expr, named):
    """Evaluates one `counts:` expression of CorpusExpectations.swift."""
    expr = expr.strip()
    m = re.fullmatch(r"(\w+)\.filter \{ \$0\.key != \.(\w+) \}", expr)
    if m:
        return {k: v for k, v in named[m.group(1)].items() if k != DETECTORS[m.group(2)]}
    m = re.fullmatch(r"(\w+)\.merging\((.*)\) \{ \$1 \}", expr, re.S)
    if m:
        return {**named[m.group(1)], **swift_counts_to_python(m.group(2), named)}
    if expr in named:
        return dict(named[expr])
    if expr == "[:]":
        return {}
    m = re.fullmatch(r"\[(.*)\]", expr, re.S)
    if not m:
        raise ValueError("cannot read counts expression: " + expr)
    result = {}
    # Entries look like `.profiler: (7, 0x3d0)` or `.cppHeap: cppBaseline`.
    for entry in re.finditer(r"\.(\w+): (\([^()]*\)|\w+)", m.group(1)):
        value = entry.group(2)
        if value in named:
            value = named[value]
        else:
            occurrences, bytes_ = [part.strip() for part in value[1:-1].split(",")]
            value = (arithmetic(occurrences), None if bytes_ == "nil" else arithmetic(bytes_))
        result[DETECTORS[entry.group(1)]] = value
    return result


def read_expectations():
    with open(os.path.join(TESTS, "Support", "CorpusExpectations.swift"), encoding="utf-8") as handle:
        source = handle.read()
    named = {}
    m = re.search(r"static let cppBaseline: \(Int, Int\?\) = \(([^)]*)\)", source)
    occurrences, bytes_ = m.group(1).split(",")
    named["cppBaseline"] = (arithmetic(occurrences), arithmetic(bytes_))
    m = re.search(r"static let combinedAll: [^=]*= \[(.*?)\n    \]", source, re.S)
    named["combinedAll"] = swift_counts_to_python("[" + m.group(1) + "]", named)
    files = {}
    for entry in re.finditer(r'\.init\(name: "([^"]+)",\s*counts: (.*?),\s*untrustworthy: (true|false)\)', source, re.S):
        files[entry.group(1)] = swift_counts_to_python(entry.group(2), named)
    with open(os.path.join(TESTS, "ParserTests", "CorpusCountTests.swift"), encoding="utf-8") as handle:
        m = re.search(r'\[\.profiler: \(([0-9_]+), (0x[0-9a-f]+)\)\], context: "big_profiler"', handle.read())
    files["big_profiler.log.gz"] = {"profiler": (int(m.group(1)), int(m.group(2), 16))}
    if len(files) < 50:
        raise ValueError("read only %d corpus expectations; has CorpusExpectations.swift changed shape?" % len(files))
    return files


# ---------------------------------------------------------------------------------------
# Ordinary build output.

MODULES = ["ast", "builtin", "hal", "misc", "parser", "simulate", "das", "modules/dasHV", "modules/dasSQLITE", "jobque"]
WORDS = ["infer_type", "lint", "const_folding", "annotations", "runtime_string", "fs_file_info", "simulate_visit",
         "allocate_stack", "debug_print", "hash_map", "lexer", "ds_parser", "handle_registry", "aot_cpp", "serialize"]
TESTS_NAMES = ["strings", "arrays", "tables", "jobque", "lambdas", "generators", "structs", "variants", "classes"]


def filler_lines(rng, count):
    lines = []
    step = 0
    for _ in range(count):
        kind = rng.random()
        module = rng.choice(MODULES)
        word = rng.choice(WORDS)
        if kind < 0.30:
            step = min(100, step + rng.randint(0, 1))
            lines.append("[%3d%%] Building CXX object src/%s/CMakeFiles/libDaScript.dir/%s.cpp.o" % (step, module, word))
        elif kind < 0.38:
            lines.append("/home/runner/work/daScript/daScript/src/%s/%s.cpp:%d:%d: warning: comparison of integers of "
                         "different signs: 'int' and 'size_t' (aka 'unsigned long') [-Wsign-compare]"
                         % (module, word, rng.randint(1, 4000), rng.randint(1, 80)))
        elif kind < 0.44:
            lines.append("%6d |         for ( int i = 0; i != %s.size(); ++i ) {" % (rng.randint(1, 4000), word))
        elif kind < 0.46:
            # A compiler command line: long, as CI logs have them.
            flags = " ".join("-I/home/runner/work/daScript/daScript/%s/%s" % (rng.choice(MODULES), rng.choice(WORDS))
                             for _ in range(rng.randint(5, 40)))
            lines.append("/usr/bin/c++ -DDAS_ENABLE_EXCEPTIONS=1 -DNDEBUG %s -O3 -std=c++17 -o %s.o -c %s.cpp" % (flags, word, word))
        elif kind < 0.62:
            test = "%s.test_%s_%d" % (rng.choice(TESTS_NAMES), word, rng.randint(1, 500))
            if rng.random() < 0.5:
                lines.append("[ RUN      ] " + test)
            else:
                lines.append("\x1b[32m[       OK ]\x1b[0m %s (%d ms)" % (test, rng.randint(0, 900)))
        elif kind < 0.74:
            number = rng.randint(1, 900)
            lines.append("%3d/900 Test #%d: %s_%s %s   Passed    %.2f sec"
                         % (number, number, rng.choice(TESTS_NAMES), word, "." * rng.randint(3, 30), rng.random() * 9))
        elif kind < 0.82:
            lines.append("running tests/%s/test_%s.das" % (rng.choice(TESTS_NAMES), word))
        elif kind < 0.86:
            lines.append("")
        elif kind < 0.90:
            lines.append("Total Test time (real) = %.2f sec" % (rng.random() * 300))
        elif kind < 0.93:
            lines.append("-- Looking for %s - found" % word)
        elif kind < 0.96:
            lines.append("EXPECT(%s) passed in %s" % (word, module))
        else:
            lines.append("=== RUN   %s/%s" % (module, word))
    return lines


SHORT_WORDS = ["lex", "ast", "hal", "vm", "jit", "gc", "fs", "io", "rtti", "aot"]


def short_lines(rng, count):
    """Short build and test lines (about 45 bytes), no timestamps: a terse CI or terminal log."""
    lines = []
    for _ in range(count):
        kind = rng.random()
        word = rng.choice(SHORT_WORDS)
        if kind < 0.35:
            lines.append("[%3d%%] Building CXX object %s_%d.o" % (rng.randint(0, 100), word, rng.randint(1, 99)))
        elif kind < 0.6:
            lines.append("PASS: tests/%s/test_%s_%d.das" % (word, rng.choice(SHORT_WORDS), rng.randint(1, 99)))
        elif kind < 0.8:
            lines.append("ok   github.com/acme/%s   %.3fs" % (word, rng.random()))
        elif kind < 0.9:
            lines.append("  CC      src/%s/%s_%d.o" % (word, rng.choice(SHORT_WORDS), rng.randint(1, 999)))
        else:
            lines.append("%s: %d warnings, %d errors" % (word, rng.randint(0, 9), 0))
    return lines


def read_look_alike_templates():
    templates = []
    with open(os.path.join(ROOT, "Tests", "Fixtures", "look-alike-lines.txt"), encoding="utf-8") as handle:
        for line in handle:
            line = line.rstrip("\n")
            if line and not line.startswith("#") and "\t" in line:
                templates.append(line.split("\t", 1)[1])
    return templates


LOOK_ALIKE_WORDS = ["alpha", "build", "cache", "delta", "engine", "fetch", "graph", "heap", "index", "job",
                    "kernel", "leak", "merge", "node", "owner", "parse", "queue", "render", "shard", "total"]


def expand_look_alike(template, rng):
    """One line of a template of Tests/Fixtures/look-alike-lines.txt (see its header)."""
    out = []
    i = 0
    while i < len(template):
        c = template[i]
        if c == "\\" and i + 1 < len(template):
            nxt = template[i + 1]
            out.append({"t": "\t", "e": "\x1b"}.get(nxt, nxt))
            i += 2
        elif c == "{" and i + 2 < len(template) and template[i + 2] == "}":
            kind = template[i + 1]
            if kind == "n": out.append(str(rng.randint(0, 999)))
            elif kind == "N": out.append(str(rng.randint(0, 9_999_999_999)))
            elif kind == "x": out.append("%x" % rng.randint(0, 0xFFFF))
            elif kind == "X": out.append("%012x" % rng.randint(0, (1 << 48) - 1))
            elif kind == "w": out.append(rng.choice(LOOK_ALIKE_WORDS))
            elif kind == "W": out.append(rng.choice(LOOK_ALIKE_WORDS).capitalize())
            elif kind == "f": out.append("%d.%03d" % (rng.randint(0, 99), rng.randint(0, 999)))
            else: out.append(template[i:i + 3])
            i += 3
        else:
            out.append(c)
            i += 1
    return "".join(out)


def look_alike_lines(rng, count, templates):
    return [expand_look_alike(rng.choice(templates), rng) for _ in range(count)]


def timestamp(rng):
    return "2026-11-24T%02d:%02d:%02d.%07dZ " % (rng.randint(0, 23), rng.randint(0, 59), rng.randint(0, 59),
                                                  rng.randint(0, 9999999))


def filler_blocks(rng, count, size, filler):
    """Blocks of ordinary output: `ci` (long lines, GitHub timestamps), `short` (about 45 bytes,
    bare) or `lookalike` (other tools' lines that share a report line's first words; half of
    them with a timestamp)."""
    templates = read_look_alike_templates() if filler == "lookalike" else []
    blocks = []
    for _ in range(count):
        if filler == "short":
            text = "".join(line + "\n" for line in short_lines(rng, size // 45))
        elif filler == "lookalike":
            text = "".join((timestamp(rng) if rng.random() < 0.5 else "") + line + "\n"
                           for line in look_alike_lines(rng, size // 60, templates))
        else:
            text = "".join(timestamp(rng) + line + "\n" for line in filler_lines(rng, size // 90))
        blocks.append(text.encode("utf-8"))
    return blocks


# ---------------------------------------------------------------------------------------
# Spliced reports.

GC_ID = re.compile(rb"^(  node 0x[0-9a-f]+: id=)([0-9]+)", re.M)


def stamped(data):
    """Puts a GitHub timestamp in front of every line, as GitHub's downloaded logs do."""
    lines = data.split(b"\n")
    if lines and lines[-1] == b"":
        lines.pop()
    stamp = b"2026-11-24T12:00:00.0000000Z "
    return b"".join(stamp + line + b"\n" for line in lines)


def read_corpus(name):
    path = os.path.join(CORPUS, name)
    if name.endswith(".gz"):
        with gzip.open(path, "rb") as handle:
            return handle.read()
    with open(path, "rb") as handle:
        return handle.read()


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--size", type=int, required=True, help="log size in bytes")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--out", required=True)
    parser.add_argument("--expect", required=True, help="where to write the expected summary (JSON)")
    parser.add_argument("--report-share", type=float, default=0.08,
                        help="share of the log taken by the small corpus reports (big_profiler comes on top)")
    parser.add_argument("--big-profiler-every", type=int, default=512 << 20,
                        help="splice big_profiler.log.gz once per this many bytes")
    parser.add_argument("--filler", choices=["ci", "short", "lookalike"], default="ci",
                        help="the ordinary output between reports (see filler_blocks)")
    parser.add_argument("--filler-block", type=int, default=256 << 10,
                        help="bytes of ordinary output between two splices (small for a report-dense log)")
    parser.add_argument("--skip", action="append", default=[], help="corpus file never spliced (to make a different HEAD log)")
    args = parser.parse_args()
    if not 0 <= args.report_share < 0.95:
        parser.error("--report-share must be at least 0 and below 0.95 (the rest is ordinary output)")

    expectations = read_expectations()
    names = sorted(name for name in expectations
                   if name != "big_profiler.log.gz" and name not in args.skip and os.path.exists(os.path.join(CORPUS, name)))
    corpus = {name: read_corpus(name) for name in names}
    big = stamped(read_corpus("big_profiler.log.gz"))
    rng = random.Random(args.seed)
    blocks = filler_blocks(rng, 48, args.filler_block, args.filler)

    totals = {name: [0, 0] for name in DETECTORS.values()}
    splices = {}

    def splice(name, data):
        out.write(data)
        splices[name] = splices.get(name, 0) + 1
        for detector, (occurrences, bytes_) in expectations[name].items():
            totals[detector][0] += occurrences
            totals[detector][1] += bytes_ or 0
        return len(data)

    written = 0
    corpus_written = 0
    next_big = args.big_profiler_every // 4
    turn = 0
    with open(args.out, "wb") as out:
        while True:
            block = rng.choice(blocks)
            if written + len(block) >= args.size:
                # The last filler ends the log exactly at the requested size, on a line end.
                rest = block[: args.size - written]
                cut = rest.rfind(b"\n") + 1
                out.write(rest[:cut])
                written += cut
                break
            out.write(block)
            written += len(block)
            if written >= next_big and written + len(big) < args.size:
                written += splice("big_profiler.log.gz", big)
                next_big += args.big_profiler_every
            while corpus_written < args.report_share * written:
                name = names[turn % len(names)]
                # Each copy gets its own gc ids: two processes' nodes are distinct leaks.
                data = stamped(GC_ID.sub(lambda m: m.group(1) + str(int(m.group(2)) + 10_000_000 * (turn + 1)).encode(),
                                         corpus[name]))
                if written + len(data) >= args.size:
                    break
                written += splice(name, data)
                corpus_written += len(data)
                turn += 1

    summary = {detector: {"occurrences": occurrences, "bytes": bytes_ if detector in BYTE_DETECTORS else None}
               for detector, (occurrences, bytes_) in totals.items()}
    with open(args.expect, "w", encoding="utf-8") as handle:
        json.dump({"bytes": written, "summary": summary, "splices": splices}, handle, indent=1, sort_keys=True)
    print("make_ci_log: %s: %d bytes, %d report splices" % (args.out, written, sum(splices.values())), file=sys.stderr)


if __name__ == "__main__":
    main()
