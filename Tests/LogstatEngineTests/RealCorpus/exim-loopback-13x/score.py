#!/usr/bin/env python3
"""score.py TSV BINARY: run `logstat explain --format json -` on the TSV's lines, print misses."""
import json, subprocess, sys, collections
rows = [l.rstrip('\n').split('\t') for l in open(sys.argv[1]) if l.strip() and not l.startswith('#')]
out = subprocess.run([sys.argv[2], 'explain', '--format', 'json', '-'], input='\n'.join(r[0] for r in rows) + '\n',
                     capture_output=True, text=True).stdout.splitlines()
assert len(out) == len(rows), (len(out), len(rows))
right = 0; sch = 0; conf = collections.Counter()
for r, o in zip(rows, out):
    j = json.loads(o); hard = j.get('hard', False)
    want = r[1] + ('/hard' if r[2] == 'hard' else '/soft'); got = j['reason'] + ('/hard' if hard else '/soft')
    if r[2] == 'soft' and hard: sch += 1
    if want == got: right += 1
    else:
        conf[(want, got)] += 1
        print(f"MISS want {want} got {got} [{r[3].split('scenario ')[-1]}] {r[0][37:200]}")
print(f"right {right}/{len(rows)} = {100*right/len(rows):.1f}%, soft called hard {sch}")
for k, v in conf.most_common(): print(v, k)
