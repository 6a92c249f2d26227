"""Regenerate tests/cases/*/files from tests/fixture: each case is the fixture with one thing broken.

Run by `make goldens` (which then rewrites each expected.txt); review the diff before committing.
"""

import pathlib
import shutil

ROOT = pathlib.Path(__file__).resolve().parents[2]
F = ROOT / 'tests/fixture'
C = ROOT / 'tests/cases'
for old in C.iterdir():
    if old.is_dir():
        shutil.rmtree(old / 'files', ignore_errors=True)
def case(name, files=None, raw=None):
    d = C / name / "files"
    d.mkdir(parents=True)
    for rel, (old, new) in (files or {}).items():
        text = (F / rel).read_text(encoding='utf-8')
        assert old in text, (name, old)
        (d / rel).parent.mkdir(parents=True, exist_ok=True)
        (d / rel).write_text(text.replace(old, new, 1), encoding='utf-8')
    for rel, content in (raw or {}).items():
        (d / rel).parent.mkdir(parents=True, exist_ok=True)
        (d / rel).write_bytes(content)
ev, cl, ac, pl, so, op = ('data/events/events.yaml', 'data/claims/alpha-report.yaml', 'data/actors/actors.yaml',
                          'data/places/places.yaml', 'data/sources/sources.yaml', 'data/operations/operations.yaml')
case('malformed-yaml', {ev: ('  title: Attack on the checkpoint\n', '  title: [Attack on the checkpoint\n')})
case('duplicate-key', {ev: ('  status: established\n', '  status: established\n  status: disputed\n')})
case('alias-bomb', raw={'data/actors/bomb.yaml': b'- id: bomb\n  name: &a ["lol", "lol", "lol"]\n  aliases: [*a, *a, *a]\n  kind: person\n  description: x\n'})
case('unknown-field', {ev: ('  actors:\n    - {actor: group-alpha, role: attacker}', '  atcors:\n    - {actor: group-alpha, role: attacker}')})
case('wrong-type', {ac: ('  aliases: [Alpha Group, Jathran Brigade]', '  aliases: Alpha Group')})
case('wrong-type-number', {pl: ('lat: 32.76', 'lat: "32.76"')})
case('missing-field', {ev: ('  status: established\n', '')})
case('duplicate-id', {pl: ('- id: coast-road', '- id: town-x')})
case('dangling-reference', {ev: ('  places: [town-x]\n  actors:\n    - {actor: group-alpha, role: attacker}', '  places: [town-y]\n  actors:\n    - {actor: group-alpa, role: attacker}')})
case('bad-edtf', {ev: ('date: "2016-04-18"', 'date: "2016-04-31"')})
case('interval-backwards', {ac: ('period: 2016/2017', 'period: 2017/2016')})
case('quote-not-in-source', {cl: ('quote: "Group Alpha fighters attacked the checkpoint on Monday"', 'quote: "Group Alpha fighters stormed the checkpoint on Monday"')})
case('quote-found-twice', {cl: ('quote: "The convoy of 30 vehicles left the town at dawn"', 'quote: "convoy of 30 vehicles"')})
case('changed-source-file', raw={'seeds/alpha-report.txt': (F / 'seeds/alpha-report.txt').read_bytes().replace(b'12 trucks', b'13 trucks')})
case('non-utf8-file', raw={ac: (F / ac).read_bytes().replace(b'A fictional armed group.', b'A fictional armed group \xe9.')})
case('empty-file', raw={'data/places/more.yaml': b''})
case('removed-published-id', {ev: ('- id: checkpoint-attack', '- id: checkpoint-raid'), cl: ('about: checkpoint-attack', 'about: checkpoint-raid')})
case('no-as-string', {ac: ('  kind: media-outlet', '  kind: media-outlet\n  name_ar: NO\n  aliases: [yes, 2016]')})
case('disputed-without-accounts', {ev: ('      - id: witnesses\n        label: Witnesses\n        claims: [witnesses-twelve-trucks]\n        positions:\n          vehicles: {says: about 12, claims: [witnesses-twelve-trucks]}\n', '')})
case('event-id-is-a-year', {ev: ('  former_ids: [checkpoint-assault]\n', '  former_ids: [checkpoint-assault, "2016"]\n')})
