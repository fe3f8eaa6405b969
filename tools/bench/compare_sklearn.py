#!/usr/bin/python3
"""attune's coder against a scikit-learn peer (TF-IDF + logistic regression) on the same utterances.

usage: tools/bench/compare_sklearn.py BUILD_DIR DATA.jsonl [DATA.jsonl ...]

For each annotated file (one JSON object a line with `text`, `label`, optional `context`):
  - speed on one core, over the same lines: attune's coder in-process (tools/bench/attune_bench,
    BM_CoderThroughput with ATTUNE_BENCH_DATA) and the whole `attune code --jsonl` command (process
    start, JSON in and out), against scikit-learn's vectorise + predict in-process;
  - agreement: Cohen's kappa on conversations held out from training (scikit-learn is trained on
    the other half of the conversations; attune is never trained on the corpora).
Needs Debian's python3-sklearn (run with /usr/bin/python3). Prints a table and the speed ratio.
"""
import hashlib
import json
import os
import subprocess
import sys
import tempfile
import time

os.environ.setdefault("OMP_NUM_THREADS", "1")
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

from sklearn.feature_extraction.text import TfidfVectorizer  # noqa: E402
from sklearn.linear_model import LogisticRegression  # noqa: E402
from sklearn.metrics import cohen_kappa_score  # noqa: E402


def load(path):
    rows = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.strip():
                rows.append(json.loads(line))
    return rows


def held_out(row):
    # Deterministic half of the conversations, by hash, for the scikit-learn peer's test side.
    key = row.get("conversation", row["text"])
    return hashlib.sha256(key.encode()).digest()[0] % 2 == 1


def attune_labels(attune, rows):
    """Runs `attune code --jsonl` once over all rows; returns primaries and seconds taken."""
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False, encoding="utf-8") as f:
        for r in rows:
            f.write(json.dumps({"text": r["text"], "context": r.get("context", [])}) + "\n")
        name = f.name
    try:
        start = time.perf_counter()
        out = subprocess.run(["taskset", "-c", "0", attune, "code", "--jsonl", name], check=True,
                             capture_output=True, text=True).stdout
        seconds = time.perf_counter() - start
    finally:
        os.unlink(name)
    return [json.loads(line)["primary"] for line in out.splitlines()], seconds


def attune_in_process(bench, path):
    env = dict(os.environ, ATTUNE_BENCH_DATA=path)
    out = subprocess.run(["taskset", "-c", "0", bench, "--benchmark_filter=BM_CoderThroughput$",
                          "--benchmark_format=json", "--benchmark_min_time=1"], check=True, capture_output=True,
                         text=True, env=env).stdout
    return json.loads(out)["benchmarks"][0]["items_per_second"]


def attune_eval_kappa(attune, rows):
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False, encoding="utf-8") as f:
        for r in rows:
            f.write(json.dumps(r) + "\n")
        name = f.name
    try:
        out = subprocess.run([attune, "eval", name, "--json"], check=True, capture_output=True, text=True).stdout
    finally:
        os.unlink(name)
    return json.loads(out)["kappa"]


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    build = sys.argv[1]
    attune = os.path.join(build, "tools", "attune")
    bench = os.path.join(build, "tools", "bench", "attune_bench")
    print(f"{'data':<20}{'n':>7}{'attune in-process':>19}{'attune command':>16}{'sklearn':>10}{'ratio':>8}"
          f"{'attune kappa':>14}{'sklearn kappa':>15}")
    print(f"{'':<20}{'':>7}{'utt/s':>19}{'utt/s':>16}{'utt/s':>10}{'':>8}{'(held out)':>14}{'(held out)':>15}")
    for path in sys.argv[2:]:
        rows = load(path)
        train = [r for r in rows if not held_out(r)]
        test = [r for r in rows if held_out(r)]
        model_vec = TfidfVectorizer(ngram_range=(1, 2), min_df=2, sublinear_tf=True)
        model = LogisticRegression(max_iter=2000, class_weight="balanced")
        model.fit(model_vec.fit_transform([r["text"] for r in train]), [r["label"] for r in train])
        texts = [r["text"] for r in rows]
        start = time.perf_counter()
        model.predict(model_vec.transform(texts))
        sklearn_seconds = time.perf_counter() - start
        sklearn_kappa = cohen_kappa_score([r["label"] for r in test],
                                          model.predict(model_vec.transform([r["text"] for r in test])))
        _, attune_seconds = attune_labels(attune, rows)
        in_process = attune_in_process(bench, path)
        attune_kappa = attune_eval_kappa(attune, test)
        command, peer = len(rows) / attune_seconds, len(rows) / sklearn_seconds
        print(f"{os.path.basename(path):<20}{len(rows):>7}{in_process:>19,.0f}{command:>16,.0f}{peer:>10,.0f}"
              f"{in_process / peer:>7.1f}x{attune_kappa:>14.3f}{sklearn_kappa:>15.3f}")


if __name__ == "__main__":
    main()
