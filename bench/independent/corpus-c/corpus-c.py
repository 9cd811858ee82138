#!/usr/bin/env python3
"""corpus-c: labelled UEBA test corpus generator (mid-size bank, Elastic SOC export).

Usage: python3 corpus-c.py --users 300 --days 35 --seed 1 --out DIR [--start YYYY-MM-DD]

CLOCK OF LABEL DATES: every date in labels.json ("start", "end" and each attack's "days") is a
calendar date in OFFICE LOCAL TIME, UTC+2 (Africa/Johannesburg, no DST).  auth.log lines are
written in that same local clock (RFC 3164, no year); ECS "@timestamp" values are UTC ("Z"), so an
event at 01:00 local on 2024-05-02 appears as 2024-05-01T23:00:00Z in ECS.  An attack's "days"
are exactly the local dates on which at least one of its events happened.

Output: DIR/logs/linux/<host>/auth.log, auth.log.1, auth.log.N.gz (weekly rotation, Sunday 06:25)
        DIR/logs/ecs/<stream>/<stream>-YYYY.MM.DD.ndjson[.gz] (daily by UTC date; streams winlogbeat,
        endpoint, proxy, email, vpn, corebank)
        DIR/labels.json
Standard library only; deterministic for a given seed.
"""
import argparse
import datetime as dt
import gzip
import json
import os
import random
import shutil
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from util import local_midnight, utc_date, OFFSET  # noqa: E402
import population as P  # noqa: E402
import benign  # noqa: E402
import infra  # noqa: E402
import attacks  # noqa: E402
from emit import Sink  # noqa: E402


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--users", type=int, default=300)
    ap.add_argument("--days", type=int, default=35)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--out", required=True)
    ap.add_argument("--start", default="2024-04-15")
    a = ap.parse_args()
    t_begin = time.time()
    start = dt.date.fromisoformat(a.start)
    end = start + dt.timedelta(days=a.days - 1)
    rng = random.Random(a.seed)
    users = P.build(rng, a.users, start, a.days)
    hol = P.public_holidays(range(start.year, end.year + 1))
    C = benign.C_GLOBAL
    C.hol, C.users = hol, users
    C.emails = [u.email for u in users]
    C.admins = [u for u in users if u.admin]
    C.devs = [u for u in users if u.role == "dev"]
    C.devices = [u.device for u in users]
    C.joiners = [u for u in users if u.join]
    C.created = set()
    C.group_targets = [u for u in users if not u.admin and u.role in ("finance", "payments", "risk", "dev", "audit", "mgmt")]
    C.mon_targets = rng.sample([h for h in P.LINUX if h not in P.INTERNET_FACING], 12)
    C.stale_days = set(rng.sample(range(a.days), max(2, a.days // 12)))
    C.activesync = set((rng.choice(users).name, start + dt.timedelta(days=rng.randrange(a.days))) for _ in range(max(2, a.users // 100)))
    plan = attacks.plan(rng, users, start, a.days, hol)
    by_day = {}
    for A in plan:
        for d in A.days:
            by_day.setdefault(d, []).append(A)
    S = Sink(rng)
    out_logs = os.path.join(a.out, "logs")
    if os.path.isdir(out_logs):   # our own previous output: ECS day files are appended to
        shutil.rmtree(out_logs)
    os.makedirs(out_logs, exist_ok=True)
    gz_before = utc_date(local_midnight(end - dt.timedelta(days=2)) + OFFSET)
    stats = {"ecs": {}, "auth": 0, "files": 0, "bytes": 0}
    for di in range(a.days):
        d = start + dt.timedelta(days=di)
        infra.infra_day(S, rng, d, di, C)
        for u in users:
            benign.user_day(S, rng, u, d, di, C)
        for A in by_day.get(d, []):
            attacks.run(S, rng, A, d, C)
        flush(S, out_logs, utc_date(local_midnight(d) + OFFSET), gz_before, rng, stats)
    flush(S, out_logs, "9999", gz_before, rng, stats)
    write_auth(S, out_logs, start, end, rng, stats)
    labels = {"seed": a.seed, "start": start.isoformat(), "end": end.isoformat(),
              "users": [u.name for u in users], "attacks": []}
    for A in plan:
        days = sorted(S.tags.get(A.idx, ()))
        labels["attacks"].append({"user": A.user.name, "scenario": A.scenario, "days": days})
    with open(os.path.join(a.out, "labels.json"), "w") as f:
        json.dump(labels, f, indent=1)
    el = time.time() - t_begin
    print("wrote %s: %d files, %.1f MB on disk, %d auth.log lines, ECS events %s, %.1fs" % (
        a.out, stats["files"], stats["bytes"] / 1e6, stats["auth"], json.dumps(stats["ecs"]), el))
    for A in plan:
        print("  %-28s %-16s %-11s I=%.2f %s" % (A.scenario, A.user.name, A.variant, A.I, ",".join(sorted(S.tags.get(A.idx, ())))))


def mangle(rng, lines, rate):
    """rare truncated / garbage lines, as produced by crashed shippers or partial writes"""
    n = len(lines)
    k = int(n * rate) + (1 if rng.random() < n * rate % 1 else 0)
    for _ in range(k):
        i = rng.randrange(n)
        ln = lines[i]
        r = rng.random()
        if r < .7:
            lines[i] = ln[:rng.randint(10, max(11, len(ln) - 5))]
        elif r < .85:
            lines.insert(i, "")
        else:
            lines.insert(i, ln[:rng.randint(5, 40)] + "\ufffd\ufffd" + ln[-rng.randint(5, 30):])
    return lines


def flush(S, out, before, gz_before, rng, stats):
    for stream, days in S.ecs.items():
        for ud in sorted(k for k in days if k < before):
            evs = days.pop(ud)
            evs.sort(key=lambda x: x[0])
            lines = [json.dumps(d, separators=(",", ":")) for _, d in evs]
            stats["ecs"][stream] = stats["ecs"].get(stream, 0) + len(lines)
            mangle(rng, lines, 1 / 12000.0)
            dd = os.path.join(out, "ecs", stream)
            os.makedirs(dd, exist_ok=True)
            path = os.path.join(dd, "%s-%s.ndjson" % (stream, ud))
            data = ("\n".join(lines) + "\n").encode()
            if ud < gz_before:
                path += ".gz"
                with gzip.GzipFile(path, "ab", compresslevel=4, mtime=0) as f:
                    f.write(data)
            else:
                with open(path, "ab") as f:
                    f.write(data)
            stats["files"] += 1
            stats["bytes"] += os.path.getsize(path)


def write_auth(S, out, start, end, rng, stats):
    rot = []
    d = start
    while d <= end:
        if d.weekday() == 6:
            rot.append(local_midnight(d) + 6 * 3600 + 25 * 60)
        d += dt.timedelta(days=1)
    for host in sorted(S.auth):
        ev = S.auth[host]
        ev.sort(key=lambda x: x[0])
        segs = {}
        for ts, line in ev:
            idx = sum(1 for r in rot if r > ts)
            segs.setdefault(idx, []).append(line)
        dd = os.path.join(out, "linux", host)
        os.makedirs(dd, exist_ok=True)
        for idx, lines in segs.items():
            stats["auth"] += len(lines)
            mangle(rng, lines, 1 / 12000.0)
            data = ("\n".join(lines) + "\n").encode()
            name = "auth.log" if idx == 0 else "auth.log.%d" % idx
            path = os.path.join(dd, name)
            if idx >= 2:
                path += ".gz"
                with gzip.GzipFile(path, "wb", compresslevel=6, mtime=0) as f:
                    f.write(data)
            else:
                with open(path, "wb") as f:
                    f.write(data)
            stats["files"] += 1
            stats["bytes"] += os.path.getsize(path)


if __name__ == "__main__":
    main()
