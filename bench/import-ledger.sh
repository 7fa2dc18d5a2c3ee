#!/usr/bin/env bash
# The import of a 1,000,000-row ledger file through the command line on PostgreSQL, beside its anchor: PostgreSQL's own
# COPY (psql's \copy) of the same rows into a scratch table of ledger_entry's shape — its columns, defaults, indexes
# and foreign keys — in the same run, the two taking turns. Whole commands are timed, the import's JVM and Spring
# start-up included; the command also prints the import's own time. Then, once each, COPY into the same table without
# its foreign keys, which shows what the keys cost PostgreSQL (a check of the referenced row for every row).
#   bench/import-ledger.sh [ROWS] [MEMBERS]        (after mvn -q package -DskipTests; PostgreSQL at PGHOST/PGPORT)
# Needs psql and a PostgreSQL user that may create databases (default: postgres on 127.0.0.1:5432, trust).
set -euo pipefail
ROWS=${1:-1000000}
MEMBERS=${2:-2000}
RUNS=${RUNS:-3}
cd "$(dirname "$0")/.."
JAR=target/vanguard.jar
DB=${BENCH_DB:-vanguard_bench}
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-postgres}
WORK=$(mktemp -d /tmp/vanguard-bench.XXXXXX)
[ -n "${KEEP:-}" ] || trap 'rm -rf "$WORK"' EXIT
[ -f "$JAR" ] || { echo "build first: mvn -q package -DskipTests" >&2; exit 1; }

psql -q -d postgres -c "drop database if exists $DB" -c "create database $DB"
export SPRING_DATASOURCE_URL="jdbc:postgresql://$PGHOST:$PGPORT/$DB" SPRING_DATASOURCE_USERNAME=$PGUSER SPRING_DATASOURCE_PASSWORD=
export VANGUARD_ID_CARD_KEY=$(head -c 32 /dev/urandom | base64)
# the first start migrates the database and creates the administrator; unit 0 does not exist, so nothing is imported
: > "$WORK/empty.csv"
java -jar "$JAR" import-ledger --unit 0 "$WORK/empty.csv" >/dev/null 2>&1 || true

YEAR=$(date +%Y); TODAY=$(date +%F)
java -jar "$JAR" presets --show city-direct-organs > "$WORK/scheme.yaml"
psql -q -d $DB -v ON_ERROR_STOP=1 -v members="$MEMBERS" -v year="$YEAR" -v yaml="$(cat "$WORK/scheme.yaml")" <<'SQL'
insert into org_unit (name, kind, path, created_at) values ('基准党委', 'COMMITTEE', '/', now());
update org_unit set path = '/' || id || '/' where name = '基准党委';
insert into org_unit (parent_id, name, kind, path, created_at) select id, '基准支部', 'BRANCH', '/', now() from org_unit where name = '基准党委';
update org_unit b set path = p.path || b.id || '/' from org_unit p where b.name = '基准支部' and p.id = b.parent_id;
insert into member (code, name, member_type, category, status, unit_id, created_at, updated_at)
select 'M' || lpad(n::text, 7, '0'), '党员' || n, 'FORMAL', 'IN_SERVICE', 'ACTIVE', (select id from org_unit where name = '基准支部'), now(), now()
from generate_series(1, :members) n;
insert into scheme_version (unit_id, cycle_year, version_no, scheme_id, name, source_kind, preset_id, yaml, published_at)
select id, :year, 1, 'city-direct-organs', 'XX市直党员积分制管理办法', 'PRESET', 'city-direct-organs', :'yaml', now() from org_unit where name = '基准党委';
create table ledger_entry_anchor (like ledger_entry including all);
alter table ledger_entry_anchor add foreign key (member_id) references member (id), add foreign key (unit_id) references org_unit (id),
    add foreign key (scheme_version_id) references scheme_version (id), add foreign key (recorded_by) references account (id),
    add foreign key (checked_by) references account (id), add foreign key (decided_by) references account (id),
    add foreign key (reverses_id) references ledger_entry_anchor (id);
create table ledger_entry_bare (like ledger_entry including all);
analyze;
SQL
read UNIT SCHEME FIRST ACCOUNT < <(psql -qtA -F ' ' -d $DB -c "select (select id from org_unit where name = '基准支部'),
    (select max(id) from scheme_version), (select min(id) from member), (select min(account_id) from role_grant)")
python3 bench/generate-ledger.py "$ROWS" "$MEMBERS" "$FIRST" "$UNIT" "$SCHEME" "$ACCOUNT" "$YEAR" "$TODAY" "$WORK"
ls -l "$WORK"/ledger.csv "$WORK"/ledger.copy
COLUMNS="member_id, unit_id, scheme_version_id, item_code, entry_date, quantity, points, occurrence, note, source, status, recorded_by, recorded_at"

# each run starts from an empty ledger and empty chains: the import refuses a file imported before
cat > "$WORK/import.sh" <<RUN
psql -q -d $DB -c "truncate ledger_entry, imported_file, ledger_chain, ledger_chain_head cascade" >/dev/null
exec java -Xmx512m -jar $PWD/$JAR import-ledger --unit $UNIT $WORK/ledger.csv --lang en >>$WORK/import.log 2>&1
RUN
cat > "$WORK/copy.sh" <<RUN
psql -q -d $DB -c "truncate ledger_entry_anchor" >/dev/null
exec psql -q -d $DB -v ON_ERROR_STOP=1 -c "\\copy ledger_entry_anchor ($COLUMNS) from '$WORK/ledger.copy'"
RUN
# a warm-up of each, then RUNS pairs taking turns (import, COPY, import, COPY …): the ratio is taken pair by pair, so
# that a machine whose speed drifts during the run still compares like with like
sh "$WORK/import.sh"; sh "$WORK/copy.sh"
: > "$WORK/times"
for i in $(seq "$RUNS"); do
    /usr/bin/time -a -o "$WORK/times" -f "import %e %M" sh "$WORK/import.sh"
    /usr/bin/time -a -o "$WORK/times" -f "copy %e %M" sh "$WORK/copy.sh"
done
python3 - "$WORK/times" <<'PY'
import statistics, sys
rows = [line.split() for line in open(sys.argv[1]) if line.startswith(("import ", "copy "))]
imp = [float(r[1]) for r in rows if r[0] == "import"]
cop = [float(r[1]) for r in rows if r[0] == "copy"]
peak = [int(r[2]) for r in rows if r[0] == "import"]
ratio = [a / b for a, b in zip(imp, cop)]
print(f"import-ledger (whole command): median {statistics.median(imp):.1f} s wall (min {min(imp):.1f}, max {max(imp):.1f}), "
      f"peak {max(peak) / 1024:.0f} MiB")
print(f"COPY with the same keys:       median {statistics.median(cop):.1f} s wall (min {min(cop):.1f}, max {max(cop):.1f})")
print(f"import / COPY, pair by pair:   median {statistics.median(ratio):.2f} (min {min(ratio):.2f}, max {max(ratio):.2f}): "
      f"the import runs at {1 / statistics.median(ratio):.2f}x COPY's rate")
PY
psql -q -d $DB -c "truncate ledger_entry_bare" >/dev/null
/usr/bin/time -f "COPY without foreign keys: %e s wall" psql -q -d $DB -c "\\copy ledger_entry_bare ($COLUMNS) from '$WORK/ledger.copy'"
echo "--- the command's own report (import only, without start-up):"
grep -E "imported|problem|refused|Exception" "$WORK/import.log" | tail -n "$((RUNS + 1))"
psql -qtA -d $DB -c "select count(*) || ' entries, ' || count(*) filter (where status = 'PENDING') || ' pending' from ledger_entry"
