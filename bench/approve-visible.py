#!/usr/bin/env python3
"""Approve → visible: for each member, a deduction recorded through the API by the recorder (not timed), then approved
by the approver, then the member's score read, timing the two calls from the approval's start to the answer that shows
the new total; then reads each member's score once more and a ranking page, timed alone.
  bench/approve-visible.py BASE_URL APPROVER_TOKEN RECORDER_TOKEN MEMBER_ID ...   (bench/standings.sh approvals N prints it)
With COMMITTEE=UNIT_ID in the environment it also times that unit's whole ranking: pages spread over it, sorted by
rank, and a search by name."""
import datetime, json, statistics, sys, time, urllib.request, uuid

base, token, recorder, members = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4:]

def call(method, path, body=None, bearer=None):
    headers = {"Authorization": "Bearer " + (bearer or token), "Content-Type": "application/json", "Accept": "application/json",
               "Idempotency-Key": str(uuid.uuid4())}
    req = urllib.request.Request(base + path, method=method, data=None if body is None else json.dumps(body).encode(), headers=headers)
    with urllib.request.urlopen(req) as r:
        return json.loads(r.read())

day = f"{datetime.date.today().year}-01-20"
pairs = []
for m in members:
    recorded = call("POST", "/api/v1/entries", {"memberId": int(m), "itemCode": "DED_ABSENT", "date": day, "note": "基准：缺席"}, recorder)
    pairs.append((recorded["id"], m, recorded["version"]))

def timed(f):
    t = time.perf_counter(); v = f(); return (time.perf_counter() - t) * 1000, v

approve, visible, member, ranking = [], [], [], []
for entry, m, version in pairs:
    before = call("GET", f"/api/v1/members/{m}/score")["score"]["total"]
    t0 = time.perf_counter()
    ta, _ = timed(lambda: call("POST", f"/api/v1/entries/{entry}/approve", {"version": version}))
    after = call("GET", f"/api/v1/members/{m}/score")["score"]["total"]
    visible.append((time.perf_counter() - t0) * 1000); approve.append(ta)
    assert after != before, (m, before, after)
for _, m, _ in pairs:
    member.append(timed(lambda: call("GET", f"/api/v1/members/{m}/score"))[0])
unit = call("GET", f"/api/v1/members/{pairs[0][1]}/score")["score"]["unitId"]
for i in range(len(pairs)):
    ranking.append(timed(lambda: call("GET", f"/api/v1/scores?unitId={unit}&page={i + 1}&size=50"))[0])

committee_pages, committee_search = [], []
committee = __import__("os").environ.get("COMMITTEE")
if committee:
    total = call("GET", f"/api/v1/scores?unitId={committee}&page=1&size=50")["total"]
    pages = max(1, (total + 49) // 50)
    for i in range(len(pairs)):
        page = 1 + (i * 7919) % pages
        committee_pages.append(timed(lambda: call("GET", f"/api/v1/scores?unitId={committee}&page={page}&size=50"))[0])
        committee_search.append(timed(lambda: call("GET", f"/api/v1/scores?unitId={committee}&page=1&size=50&q=%E5%85%9A%E5%91%98{i}1"))[0])

def show(name, xs):
    xs = sorted(xs)
    print(f"{name}: median {statistics.median(xs):.0f} ms, p95 {xs[max(0, int(len(xs) * 0.95) - 1)]:.0f} ms, max {xs[-1]:.0f} ms (n={len(xs)})")
show("approve (the POST alone)", approve)
show("approve → visible (POST, then GET of the member's score showing the new total)", visible)
show("member's score with explanation (API)", member)
show("a unit's ranking, 50 a page (API)", ranking)
if committee:
    show(f"the committee's ranking, 50 a page, pages spread over all {pages} (API)", committee_pages)
    show("the committee's ranking searched by name (API)", committee_search)
