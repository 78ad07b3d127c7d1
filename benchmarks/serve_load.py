"""How much does ``diglot serve`` gain by batching concurrent requests? A load test.

Builds the Argos package of realistic size that ``translate_speed.py`` builds (Transformer base,
random weights, every sentence decoding exactly ``--steps`` steps), installs it in a temporary
``DIGLOT_HOME`` and starts ``diglot serve`` on a free local port. Then ``--clients`` concurrent
clients send the server one Korean news sentence a request (``POST /translate``, LibreTranslate's
API, the curated glossary enforced), ``--requests`` in all, every sentence different (so the
translation memory never answers).

The reference, measured in the same run on the same model: LibreTranslate's way, one text a
decoding call. The same number of client threads each hand their sentence to one shared
CTranslate2 translator on its own (``translate_batch`` of one sentence, beam 4, int8, no
glossary, no HTTP): what a server that decodes request by request can do at best.

Prints throughput (sentences a second) and latency percentiles (seconds from sending a request
to its answer) of both. ``--alternatives N`` asks each request for N alternatives (LibreTranslate's
``alternatives``), and the reference decodes N + 1 hypotheses a call, as LibreTranslate does.

    python benchmarks/serve_load.py [--clients 16] [--requests 160] [--steps 20] [--threads 0] [--alternatives 0]
"""

from __future__ import annotations

import argparse
import atexit
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))
sys.path.insert(0, str(ROOT / "tests" / "support"))

import translate_speed  # noqa: E402 - the package builder and the article reader of the speed benchmark


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(share * (len(ordered) - 1))))]


def load(clients: int, work: list[str], send) -> tuple[float, list[float]]:
    """Run ``send(text)`` for every text from ``clients`` threads; total seconds and latencies."""
    latencies: list[float] = []

    def one(text: str) -> None:
        start = time.perf_counter()
        send(text)
        latencies.append(time.perf_counter() - start)

    start = time.perf_counter()
    with ThreadPoolExecutor(max_workers=clients) as pool:
        list(pool.map(one, work))
    return time.perf_counter() - start, latencies


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--clients", type=int, default=16)
    parser.add_argument("--requests", type=int, default=160)
    parser.add_argument("--steps", type=int, default=20, help="decoding steps per sentence")
    parser.add_argument("--threads", type=int, default=0, help="CTranslate2 threads (0: all cores)")
    parser.add_argument("--alternatives", type=int, default=0, help="alternatives each request asks for (0 to 3)")
    args = parser.parse_args()

    work = Path(tempfile.mkdtemp(prefix="diglot-serve-bench-"))
    atexit.register(shutil.rmtree, work, True)
    os.environ["DIGLOT_HOME"] = str(work / "home")
    os.environ["XDG_DATA_HOME"] = str(work / "xdg")

    import ctranslate2
    import httpx
    import sentencepiece

    from diglot.segment import segment
    from diglot.translate import install

    print(f"building a Transformer-base package with random weights ({args.steps} decoding steps a sentence) ...")
    package = install(translate_speed._build(work, args.steps))
    sentences = [s.text for text in translate_speed.articles(args.requests) for s in segment(text, "ko")
                 if not s.boilerplate]
    sentences = list(dict.fromkeys(sentences))[: args.requests]
    hypotheses = args.alternatives + 1
    print(f"{len(sentences)} different sentences, {args.clients} concurrent clients, beam {max(4, hypotheses)}, int8, "
          f"threads {args.threads or 'all'}, {hypotheses} hypotheses a sentence")

    # diglot serve, one sentence a request
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "diglot", "serve", "--port", str(port), "--workers", str(args.threads)],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    atexit.register(server.terminate)
    url = f"http://127.0.0.1:{port}"
    with httpx.Client(base_url=url, timeout=600) as client:
        for _ in range(600):
            try:
                client.get("/health")
                break
            except httpx.TransportError:
                time.sleep(0.1)
        client.post("/translate", json={"q": "서울에서 회담이 열렸다.", "source": "ko", "target": "en"})  # warm-up

        def send(text: str) -> None:
            response = client.post("/translate", json={"q": text, "source": "ko", "target": "en",
                                                       "alternatives": args.alternatives})
            response.raise_for_status()

        served_seconds, served = load(args.clients, sentences, send)
    server.terminate()
    server.wait()

    # LibreTranslate's way: one sentence a decoding call, one shared translator
    tokenizer = sentencepiece.SentencePieceProcessor(model_file=str(package.sp_model))
    translator = ctranslate2.Translator(str(package.ct2_model_dir), compute_type="int8", intra_threads=args.threads)
    translator.translate_batch([tokenizer.encode(sentences[0], out_type=str)], beam_size=4)  # warm-up

    def decode_alone(text: str) -> None:
        tokens = tokenizer.encode(text, out_type=str)
        result = translator.translate_batch([tokens], beam_size=max(4, hypotheses), num_hypotheses=hypotheses)[0]
        [tokenizer.decode(h) for h in result.hypotheses]

    alone_seconds, alone = load(args.clients, sentences, decode_alone)

    print()
    print(f"{'run':52} {'sent/s':>8} {'p50 s':>7} {'p90 s':>7} {'p99 s':>7}")
    for name, seconds, latencies in (
        ("diglot serve (HTTP, glossary enforced, batched)", served_seconds, served),
        ("one text a decoding call (LibreTranslate's way)", alone_seconds, alone),
    ):
        print(f"{name:52} {len(sentences) / seconds:8.1f} {percentile(latencies, 0.5):7.2f} "
              f"{percentile(latencies, 0.9):7.2f} {percentile(latencies, 0.99):7.2f}")
    print()
    print(f"throughput, diglot serve / one text a call: {alone_seconds / served_seconds:.2f}x")
    print(f"mean latency, diglot serve / one text a call: {statistics.mean(served) / statistics.mean(alone):.2f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
