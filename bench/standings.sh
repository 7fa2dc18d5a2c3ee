#!/usr/bin/env bash
# Standings at committee scale on PostgreSQL: a committee of MEMBERS members (BRANCHES branches, preset
# city-direct-organs) and ROWS approved entries loaded by COPY, then `rebuild-standings` timed beside its raw-SQL anchor
# (GROUP BY member + rank() over the same counting entries), the two taking turns in the same run.
#   bench/standings.sh load [MEMBERS] [ROWS] [BRANCHES]   once (after mvn -q package -DskipTests)
#   bench/standings.sh rebuild                            as often as wanted
#   bench/standings.sh approvals [N]                      the API tokens of a recorder and an approver and N members, for
#                                                         bench/approve-visible.py against the application on this database
#                                                         (OFFSET=K: from the K-th member on, default 1000; a fresh K for
#                                                         members without a deduction yet)
# Needs psql and a PostgreSQL user that may create databases (default: postgres on 127.0.0.1:5432, trust). The data
# stays in the database (BENCH_DB, default vanguard_scale) and under /tmp; nothing is written into the checkout.
set -euo pipefail
cd "$(dirname "$0")/.."
JAR=${JAR:-target/vanguard.jar}
DB=${BENCH_DB:-vanguard_scale}
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-postgres}
export SPRING_DATASOURCE_URL="jdbc:postgresql://$PGHOST:$PGPORT/$DB" SPRING_DATASOURCE_USERNAME=$PGUSER SPRING_DATASOURCE_PASSWORD=
export VANGUARD_ID_CARD_KEY=${VANGUARD_ID_CARD_KEY:-$(printf 'bench-key-bench-key-bench-key-32' | base64)}
[ -f "$JAR" ] || { echo "build first: mvn -q package -DskipTests" >&2; exit 1; }
YEAR=$(date +%Y)

anchor() {
    psql -qAt -d $DB <<SQL
\timing on
select count(*), max(r) from (
  select e.member_id, sum(coalesce(e.points, e.quantity)) t, rank() over (order by sum(coalesce(e.points, e.quantity)) desc) r
  from ledger_entry e
  where e.status = 'APPROVED' and e.reverses_id is null and e.entry_date between '$YEAR-01-01' and '$YEAR-12-31'
    and not exists (select 1 from ledger_entry r where r.reverses_id = e.id and r.status = 'APPROVED')
  group by e.member_id) x;
SQL
}

case "${1:-}" in
load)
    MEMBERS=${2:-100000}; ROWS=${3:-10000000}; BRANCHES=${4:-100}
    psql -q -d postgres -c "drop database if exists $DB" -c "create database $DB"
    # the first start migrates the database and creates the administrator
    java -jar "$JAR" rebuild-standings >/dev/null 2>&1 || true
    java -jar "$JAR" presets --show city-direct-organs > /tmp/$DB-scheme.yaml
    psql -q -d $DB -v ON_ERROR_STOP=1 -v members="$MEMBERS" -v branches="$BRANCHES" -v year="$YEAR" \
        -v yaml="$(cat /tmp/$DB-scheme.yaml)" <<'SQL'
insert into org_unit (name, kind, path, created_at) values ('基准党委', 'COMMITTEE', '/', now());
update org_unit set path = '/' || id || '/' where name = '基准党委';
insert into org_unit (parent_id, name, kind, path, created_at)
select id, '基准支部' || lpad(b::text, 3, '0'), 'BRANCH', '/', now() from org_unit, generate_series(1, :branches) b where name = '基准党委';
update org_unit b set path = p.path || b.id || '/' from org_unit p where b.kind = 'BRANCH' and p.id = b.parent_id;
insert into member (code, name, member_type, category, status, unit_id, created_at, updated_at)
select 'M' || lpad(n::text, 7, '0'), '党员' || n, case when n % 20 = 0 then 'PROBATIONARY' else 'FORMAL' end, 'IN_SERVICE', 'ACTIVE',
       (select min(id) from org_unit where kind = 'BRANCH') + (n % :branches), now(), now()
from generate_series(1, :members) n;
insert into scheme_version (unit_id, cycle_year, version_no, scheme_id, name, source_kind, preset_id, yaml, published_at)
select id, :year, 1, 'city-direct-organs', 'XX市直党员积分制管理办法', 'PRESET', 'city-direct-organs', :'yaml', now() from org_unit where name = '基准党委';
SQL
    read FIRST UNIT SCHEME ACCOUNT < <(psql -qtA -F ' ' -d $DB -c "select (select min(id) from member),
        (select min(id) from org_unit where kind = 'BRANCH'), (select max(id) from scheme_version), (select min(account_id) from role_grant)")
    # the rows go straight from the generator into COPY: nothing is written to disk but the table
    python3 - "$ROWS" "$MEMBERS" "$FIRST" "$UNIT" "$BRANCHES" "$SCHEME" "$ACCOUNT" "$YEAR" <<'PY' \
        | /usr/bin/time -f "COPY of the entries: %e s" psql -q -d $DB -v ON_ERROR_STOP=1 -c "\\copy ledger_entry (member_id, unit_id, scheme_version_id, item_code, entry_date, quantity, source, status, recorded_by, recorded_at, decided_by, decided_at) from stdin"
import datetime, sys
rows, members, first, unit, branches, scheme, account, year = map(int, sys.argv[1:9])
items = ["ACT_MEETING", "ACT_STUDY", "PRC_VOLUNTEER", "ACT_ESSAY", "DED_ABSENT", "ACT_MEETING", "ACT_STUDY"]
days = [(datetime.date(year, 1, 1) + datetime.timedelta(days=d)).isoformat() for d in range(300)]
out = sys.stdout
stamp = f"{year}-11-01 10:00:00+00"
buf = []
for i in range(rows):
    m = (i * 7919) % members
    buf.append(f"{first + m}\t{unit + ((m + 1) % branches)}\t{scheme}\t{items[i % 7]}\t{days[(i // members * 3 + m) % 300]}\t1\tIMPORT\tAPPROVED\t{account}\t{stamp}\t{account}\t{stamp}\n")
    if len(buf) == 10000:
        out.write("".join(buf)); buf.clear()
out.write("".join(buf))
PY
    psql -q -d $DB -c "analyze"
    ;;
rebuild)
    RUNS=${RUNS:-3}
    for i in $(seq "$RUNS"); do
        /usr/bin/time -f "rebuild-standings (whole command): %e s wall, peak %M KiB" java -jar "$JAR" rebuild-standings 2>&1 \
            | grep -E "standings in|members scored|wall|Exception" | tail -4
        echo "raw anchor: $(anchor | tr '\n' ' ')"
    done
    ;;
approvals)
    # two accounts with known API tokens on the committee: a scorer who records N deductions through the API (so that
    # each is recorded, chained and audited as the application does it; an entry written here by SQL would carry no
    # link of its unit's chain and could not be approved) and a committee administrator who approves them (four eyes)
    N=${2:-20}; TOKEN=vgd_benchtokenapprovevisible0001; RECORDER=vgd_benchtokenrecordvisible00001
    for who in "bench-approver 基准审核员 COMMITTEE_ADMIN $TOKEN" "bench-recorder 基准记分员 SCORER $RECORDER"; do
        set -- $who
        HASH=$(printf %s "$4" | sha256sum | cut -d' ' -f1)
        psql -q -d $DB -v ON_ERROR_STOP=1 <<SQL
insert into account (username, display_name, password_hash, created_at)
select '$1', '$2', '{noop}not-for-signing-in', now() where not exists (select 1 from account where username = '$1');
insert into role_grant (account_id, role, unit_id, granted_at)
select a.id, '$3', u.id, now() from account a, org_unit u where a.username = '$1' and u.name = '基准党委'
  and not exists (select 1 from role_grant g where g.account_id = a.id);
insert into api_token (account_id, name, token_hash, created_at)
select id, 'bench', '$HASH', now() from account where username = '$1' and not exists (select 1 from api_token where token_hash = '$HASH');
SQL
    done
    # a PostgreSQL without autovacuum (as this project's CI machines run it) keeps every dead row of the approvals and
    # rebuilds before: cleared here, as autovacuum would have done, so that each run starts from the same tables
    psql -q -d $DB -c "vacuum (analyze) standing" -c "vacuum (analyze) standing_detail"
    MEMBERS=$(psql -qtA -d $DB -c "select string_agg(id::text, ' ' order by id) from (select id from member order by id offset ${OFFSET:-1000} limit $N) m")
    echo "SPRING_DATASOURCE_URL=$SPRING_DATASOURCE_URL SPRING_DATASOURCE_USERNAME=$PGUSER VANGUARD_ID_CARD_KEY=$VANGUARD_ID_CARD_KEY"
    echo "bench/approve-visible.py http://127.0.0.1:8091 $TOKEN $RECORDER $MEMBERS"
    ;;
*)
    echo "usage: bench/standings.sh load [MEMBERS] [ROWS] [BRANCHES] | rebuild | approvals [N]" >&2; exit 2;;
esac
