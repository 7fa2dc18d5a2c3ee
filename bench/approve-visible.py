#!/usr/bin/env python3
"""Approve → visible: approves each waiting entry through the API, then reads its member's score, timing the two
calls from the approval's start to the answer that shows the new total; then reads each member's score once more
and a ranking page, timed alone.
  bench/approve-visible.py BASE_URL TOKEN ENTRY_ID:MEMBER_ID ...   (bench/standings.sh approvals N prints it)"""
import json, statistics, sys, time, urllib.request

base, token, pairs = sys.argv[1], sys.argv[2], [p.split(":") for p in sys.argv[3:]]

def call(method, path, body=None):
    req = urllib.request.Request(base + path, method=method, data=None if body is None else json.dumps(body).encode(),
                                 headers={"Authorization": "Bearer " + token, "Content-Type": "application/json", "Accept": "application/json"})
    with urllib.request.urlopen(req) as r:
        return json.loads(r.read())

def timed(f):
    t = time.perf_counter(); v = f(); return (time.perf_counter() - t) * 1000, v

approve, visible, member, ranking = [], [], [], []
for entry, m in pairs:
    before = call("GET", f"/api/v1/members/{m}/score")["score"]["total"]
    t0 = time.perf_counter()
    ta, _ = timed(lambda: call("POST", f"/api/v1/entries/{entry}/approve", {"version": 0}))
    after = call("GET", f"/api/v1/members/{m}/score")["score"]["total"]
    visible.append((time.perf_counter() - t0) * 1000); approve.append(ta)
    assert after != before, (m, before, after)
for _, m in pairs:
    member.append(timed(lambda: call("GET", f"/api/v1/members/{m}/score"))[0])
unit = call("GET", f"/api/v1/members/{pairs[0][1]}/score")["score"]["unitId"]
for i in range(len(pairs)):
    ranking.append(timed(lambda: call("GET", f"/api/v1/scores?unitId={unit}&page={i + 1}&size=50"))[0])

def show(name, xs):
    xs = sorted(xs)
    print(f"{name}: median {statistics.median(xs):.0f} ms, p95 {xs[max(0, int(len(xs) * 0.95) - 1)]:.0f} ms, max {xs[-1]:.0f} ms (n={len(xs)})")
show("approve (the POST alone)", approve)
show("approve → visible (POST, then GET of the member's score showing the new total)", visible)
show("member's score with explanation (API)", member)
show("a unit's ranking, 50 a page (API)", ranking)
