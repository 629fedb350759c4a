"""Does an analysis stall the rest of the web app? `newsprobe serve` runs in a subprocess on a
fresh store; one client uploads an article (made-up news text, a quote and a number per
paragraph), while another asks for /static/app.js every 100 ms. Printed: how long the
upload took, and the latency of the unrelated reads made meanwhile (p50, p95, max).

    .venv/bin/python benchmarks/bench_web_responsiveness.py --paragraphs 600
"""

from __future__ import annotations

import argparse
import json
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]


def article(paragraphs: int) -> str:
    lines = ["Harbour plan approved after long night", ""]
    for i in range(paragraphs):
        lines.append(f"\"The plan will bring {300 + i} jobs back to the harbour,\" said Mayor Ilse Varn on "
                     f"Monday {i}. Officials said the budget of {40 + i} million pounds was final, "
                     "while critics claimed the council had hidden the true cost.")
        lines.append("")
    return "\n".join(lines)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--paragraphs", type=int, default=600)
    args = parser.parse_args()
    text = article(args.paragraphs)
    with tempfile.TemporaryDirectory() as tmp:
        port = free_port()
        base = f"http://127.0.0.1:{port}"
        env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
        proc = subprocess.Popen([sys.executable, "-m", "newsprobe", "serve", "--db", f"{tmp}/r.db",
                                 "--port", str(port)], env=env, stderr=subprocess.PIPE, text=True)
        try:
            deadline = time.monotonic() + 120
            while True:
                try:
                    if httpx.get(base + "/static/app.js", timeout=5).status_code == 200:
                        break
                except httpx.HTTPError:
                    pass
                assert time.monotonic() < deadline and proc.poll() is None, "the server did not start"
                time.sleep(0.2)
            # A first small analysis loads the models, wherever the server loads them.
            httpx.post(base + "/api/analyse", json={"text": article(1)}, timeout=600)
            done = threading.Event()
            upload: dict = {}

            def post() -> None:
                started = time.perf_counter()
                r = httpx.post(base + "/api/analyse/upload", files={"file": ("a.txt", text.encode(), "text/plain")},
                               timeout=1200)
                upload.update(status=r.status_code, seconds=round(time.perf_counter() - started, 2))
                done.set()

            threading.Thread(target=post, daemon=True).start()
            latencies = []
            with httpx.Client(base_url=base, timeout=1200) as http:
                while not done.is_set():
                    started = time.perf_counter()
                    http.get("/static/app.js")
                    latencies.append(time.perf_counter() - started)
                    time.sleep(0.1)
            latencies.sort()
            print(json.dumps({"text_chars": len(text), "upload": upload, "reads": len(latencies),
                              "read_p50_ms": round(statistics.median(latencies) * 1000, 1),
                              "read_p95_ms": round(latencies[int(len(latencies) * 0.95) - 1] * 1000, 1)
                              if len(latencies) >= 20 else None,
                              "read_max_ms": round(latencies[-1] * 1000, 1)}))
        finally:
            proc.terminate()
            try:
                proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                proc.kill()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
