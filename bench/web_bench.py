#!/usr/bin/env python3
"""sl-web's answer time for a 30-year plan (POST /api/plan, 360 terms, JSON).

Usage: bench/web_bench.py build/web/sl-web [REQUESTS]

Starts sl-web on a free port of 127.0.0.1, sends REQUESTS (default 200)
requests one after another and prints, as medians and 90th percentiles:
- server time: from sl-web's Server-Timing header (the program's run, from
  fork to its exit, as the server measured it);
- round trip: as this client measured it (adds HTTP and the client);
- CPU per request: sl-web's own CPU time and its children's (the program
  runs), read from /proc before and after; robust to other load on the machine.
Never run by meson test."""
import http.client
import json
import os
import statistics
import subprocess
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "tests", "web"))
from server import Server  # noqa: E402


def cpu_ms(pid):
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    tick = os.sysconf("SC_CLK_TCK")
    utime, stime, cutime, cstime = (int(x) for x in fields[11:15])
    return (utime + stime) * 1000 / tick, (cutime + cstime) * 1000 / tick


def main():
    sl_web = sys.argv[1]
    n = int(sys.argv[2]) if len(sys.argv) > 2 else 200
    server = Server(sl_web)
    body = json.dumps({"amount": "2 000 000", "rate": "4,64", "years": 30, "term_fee": 30,
                       "establishment_fee": 600})
    conn = http.client.HTTPConnection(server.host, server.port)
    headers = {"Content-Type": "application/json", "Host": f"127.0.0.1:{server.port}"}
    server_ms, trip_ms = [], []
    own0, kids0 = cpu_ms(server.proc.pid)
    for _ in range(n):
        t = time.perf_counter()
        conn.request("POST", "/api/plan", body, headers)
        r = conn.getresponse()
        r.read()
        trip_ms.append((time.perf_counter() - t) * 1000)
        assert r.status == 200
        server_ms.append(float(r.getheader("Server-Timing").split("dur=")[1]))
    own1, kids1 = cpu_ms(server.proc.pid)
    conn.close()
    server.stop()
    q = lambda xs, p: sorted(xs)[int(p * (len(xs) - 1))]
    load = os.getloadavg()[0]
    print(f"30-year plan (360 terms, JSON), {n} requests, load average {load:.1f}")
    print(f"  server time  median {statistics.median(server_ms):6.2f} ms   p90 {q(server_ms, 0.9):6.2f} ms")
    print(f"  round trip   median {statistics.median(trip_ms):6.2f} ms   p90 {q(trip_ms, 0.9):6.2f} ms")
    print(f"  CPU per request: sl-web {(own1 - own0) / n:.2f} ms, the program {(kids1 - kids0) / n:.2f} ms")


main()
