#!/usr/bin/env python3
"""Writes a ledger file of ROWS rows for members M0000001… of the bench unit (import-ledger.sh), and the same rows as
COPY text with the members' ids, for the anchor: python3 generate-ledger.py ROWS MEMBERS FIRST_MEMBER_ID UNIT SCHEME
ACCOUNT YEAR LAST_DAY OUT_DIR."""
import datetime
import os
import sys

rows, members, first_id, unit, scheme, account, year, last_day, out = sys.argv[1:10]
rows, members, first_id = int(rows), int(members), int(first_id)
start = datetime.date(int(year), 1, 1)
days = (datetime.date.fromisoformat(last_day) - start).days + 1
items = [("ACT_MEETING", "1", "支部党员大会"), ("ACT_STUDY", "1", "集中学习"), ("PRC_VOLUNTEER", "2", "社区志愿服务"),
         ("ACT_ESSAY", "1", ""), ("DED_ABSENT", "1", "未经同意缺席党小组会")]
recorded_at = datetime.datetime.now(datetime.timezone.utc).isoformat()
with open(os.path.join(out, "ledger.csv"), "w", encoding="utf-8", newline="") as csv, \
        open(os.path.join(out, "ledger.copy"), "w", encoding="utf-8", newline="") as copy:
    csv.write("成员编号,项目编码,日期,数量,分值,事项编号,备注\n")
    for i in range(rows):
        m = i % members
        item, quantity, note = items[i % len(items)]
        day = (start + datetime.timedelta(days=(i * 7) % days)).isoformat()
        csv.write(f"M{m + 1:07d},{item},{day},{quantity},,,{note}\n")
        copy.write(f"{first_id + m}\t{unit}\t{scheme}\t{item}\t{day}\t{quantity}\t\\N\t\\N\t{note if note else chr(92) + 'N'}"
                   f"\tIMPORT\tPENDING\t{account}\t{recorded_at}\n")
