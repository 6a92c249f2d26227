"""A synthetic record of N events in the real schema, for benchmarks and scale tests only.

    python bench/synthetic_record.py --events 10000 --seed 1 /tmp/syn-10000

writes a complete record root into the folder: `data/{sources,actors,places,operations,events,claims}/`,
`data/published-urls.txt` and `seeds/`. It never touches the real record; every id starts with `syn-`
and every name and text says it is synthetic.

What it holds, in proportions close to a large real record:

- actors: armed groups, authorities, media outlets and people (spokesmen) who speak for them, with
  spelling variants as aliases and affiliations, some supported by claims;
- places: one country, regions, cities and districts (`within` chains three deep), with coordinates;
- operations, a third of them part of a parent operation, with open and closed periods;
- source documents: one paragraph per line, curly quotes and doubled spaces included, so that quote
  verification normalizes as it does on real documents; some are blog posts with parts, some have
  cleaning notes (debris);
- events over 2012–2018 at day, month, approximate, uncertain and interval precision; about a fifth
  are disputed, with 2–3 accounts from different speakers and the points each addresses;
- claims quoting the documents verbatim: every event has claims, casualty figures cite them.

Deterministic: the same (events, seed) gives byte-identical files (no sets iterated, no clock).
The result passes `python -m build_site --root <folder> check --strict`.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import random
import shutil
import sys
from dataclasses import dataclass, field
from pathlib import Path

import yaml

FIRST_DAY = dt.date(2012, 1, 1)
LAST_DAY = dt.date(2018, 10, 31)
EVENTS_PER_SOURCE = 8
DISPUTED_SHARE = 0.2

ONSETS = ["b", "d", "f", "h", "j", "k", "m", "n", "q", "r", "s", "t", "z", "dh", "kh", "sh", "gh", "th"]
VOWELS = ["a", "i", "u", "a", "ou", "e"]
CODAS = ["", "", "n", "r", "m", "l", "d", "s", "b"]
# Spelling variants of the kind real transliterations show (Jadhran, Jathran; Hiftar, Haftar).
VARIANTS = [("dh", "th"), ("ou", "u"), ("q", "k"), ("kh", "h"), ("gh", "g"), ("a", "e"), ("i", "e")]
GROUP_WORDS = ["Brigade", "Battalion", "Shura Council", "Front", "Guard", "Martyrs' Brigade", "Forces"]
DISTRICT_WORDS = ["district", "quarter", "crossroads", "base", "road", "neighbourhood"]
VERBS = [
    ("attacked", "attacker", "target"), ("shelled", "attacker", "target"), ("clashed with", "participant", "participant"),
    ("besieged", "attacker", "defender"), ("ambushed", "attacker", "target"), ("negotiated with", "participant", "participant"),
]
FILLER = [
    "Residents described a tense night, with shops closed and the roads empty.",
    "The account could not be independently verified.",
    "Telephone lines in the area were cut for several hours, according to residents.",
    "A local council member called for calm and for the release of detainees.",
    "Medical staff at the central hospital said they were treating the wounded.",
    "Earlier reports had given a different picture of the situation on the ground.",
]


def _dump(value: object) -> str:
    class Dumper(yaml.CSafeDumper if hasattr(yaml, "CSafeDumper") else yaml.SafeDumper):
        def ignore_aliases(self, data):  # the loader refuses anchors: write every value out
            return True

    return yaml.dump(value, Dumper=Dumper, sort_keys=False, allow_unicode=True, width=120)


@dataclass
class _Names:
    """Pronounceable, unique synthetic words, and their spelling variants."""

    rnd: random.Random
    used: set[str] = field(default_factory=set)

    def word(self, syllables: int = 2) -> str:
        while True:
            text = "".join(self.rnd.choice(ONSETS) + self.rnd.choice(VOWELS) + self.rnd.choice(CODAS)
                           for _ in range(syllables))
            text = text[0].upper() + text[1:]
            if text not in self.used and len(text) >= 4:
                self.used.add(text)
                return text

    def variants(self, word: str, count: int) -> list[str]:
        found: list[str] = []
        for old, new in VARIANTS:
            lowered = word.lower()
            if old in lowered:
                changed = lowered.replace(old, new, 1)
                changed = changed[0].upper() + changed[1:]
                if changed != word and changed not in found:
                    found.append(changed)
            if len(found) == count:
                break
        return found


@dataclass
class _Actor:
    id: str
    name: str
    word: str
    kind: str
    aliases: list[str]
    data: dict
    side: "_Actor | None" = None
    """For a spokesman: the group or authority he speaks for."""


def _date_text(day: dt.date, rnd: random.Random) -> tuple[str, dt.date]:
    """An EDTF date for an event around `day`, with the mix of precisions a real record has."""
    roll = rnd.random()
    if roll < 0.70:
        return day.isoformat(), day
    if roll < 0.82:
        return day.strftime("%Y-%m"), day
    if roll < 0.88:
        return day.strftime("%Y-%m") + "~", day
    if roll < 0.92:
        return f"{day.year}?", day
    end = min(day + dt.timedelta(days=rnd.randint(2, 40)), LAST_DAY)
    return f"{day.isoformat()}/{end.isoformat()}", day


def _words_for(day: dt.date) -> str:
    return f"{day.day} {day.strftime('%B')} {day.year}"


def generate(events: int, seed: int = 1) -> dict[str, bytes]:
    """Every file of the record, by path relative to the record root."""
    rnd = random.Random(seed)
    names = _Names(rnd)
    files: dict[str, bytes] = {}
    urls: list[str] = []

    # ------------------------------------------------------------------ places
    country = {"id": "syn-place-country", "name": "Synthetic Republic", "aliases": ["Syntheticia"], "kind": "country",
               "coordinates": {"lat": 27.0, "lon": 17.0, "precision": "region", "note": "Synthetic centre."},
               "description": "A synthetic country for benchmarks."}
    places = [country]
    regions, cities, districts = [], [], []
    for i in range(max(2, events // 1000)):
        word = names.word()
        regions.append({"id": f"syn-place-region-{i:03d}", "name": f"{word} Region", "kind": "region",
                        "within": country["id"],
                        "coordinates": {"lat": round(25 + rnd.random() * 8, 4), "lon": round(10 + rnd.random() * 14, 4),
                                        "precision": "region", "note": "Synthetic point."}})
    for i in range(max(3, events // 150)):
        word = names.word()
        region = regions[i % len(regions)]
        cities.append({"id": f"syn-place-city-{i:04d}", "name": word, "aliases": names.variants(word, 2),
                       "kind": "city", "within": region["id"],
                       "coordinates": {"lat": round(region["coordinates"]["lat"] + rnd.uniform(-1, 1), 4),
                                       "lon": round(region["coordinates"]["lon"] + rnd.uniform(-1, 1), 4),
                                       "precision": "city", "note": "Synthetic centre of the city."},
                       "description": f"A synthetic city in the {region['name']}."})
    for i in range(max(6, events // 40)):
        word = names.word()
        city = cities[i % len(cities)]
        kind = DISTRICT_WORDS[i % len(DISTRICT_WORDS)]
        place_kind = {"district": "district", "quarter": "neighbourhood", "crossroads": "crossroads", "base": "base",
                      "road": "road", "neighbourhood": "neighbourhood"}[kind]
        record = {"id": f"syn-place-{i:05d}", "name": f"{word} {kind}", "kind": place_kind, "within": city["id"]}
        if i % 3:
            record["aliases"] = [f"{v} {kind}" for v in names.variants(word, 1)]
        if i % 2 == 0:
            record["coordinates"] = {"lat": round(city["coordinates"]["lat"] + rnd.uniform(-0.1, 0.1), 4),
                                     "lon": round(city["coordinates"]["lon"] + rnd.uniform(-0.1, 0.1), 4),
                                     "precision": "neighbourhood", "note": "Synthetic point."}
        districts.append(record)
    places += regions + cities + districts

    # ------------------------------------------------------------------ actors
    actors: list[_Actor] = []

    def new_actor(prefix: str, i: int, name: str, word: str, kind: str, description: str, aliases: list[str]) -> _Actor:
        data = {"id": f"syn-{prefix}-{i:04d}", "name": name, "aliases": aliases, "kind": kind, "description": description}
        actor = _Actor(data["id"], name, word, kind, aliases, data)
        actors.append(actor)
        return actor

    groups = []
    for i in range(max(4, events // 60)):
        word = names.word()
        label = GROUP_WORDS[i % len(GROUP_WORDS)]
        groups.append(new_actor("group", i, f"{word} {label}", word, "armed-group",
                                f"A synthetic armed group ({label.lower()}) generated for benchmarks.",
                                [f"{v} {label}" for v in names.variants(word, 2)]))
    authorities = []
    for i in range(max(2, events // 500)):
        word = names.word()
        authorities.append(new_actor("authority", i, f"{word} Government", word, "government",
                                     "A synthetic authority generated for benchmarks.", [f"{word} authorities"]))
    outlets = []
    for i in range(max(2, events // 250)):
        word = names.word()
        outlets.append(new_actor("outlet", i, f"The {word} Herald", word, "media-outlet",
                                 "A synthetic news outlet generated for benchmarks.", [f"{word} Herald"]))
    people = []
    sides = groups + authorities
    for i in range(max(6, events // 40)):
        given, family = names.word(), names.word(3)
        side = sides[i % len(sides)]
        person = new_actor("person", i, f"{given} {family}", family, "person",
                           f"A synthetic spokesman for the {side.name}, generated for benchmarks.",
                           [f"{given} {v}" for v in names.variants(family, 2)] + [family])
        person.data["affiliations"] = [{"relation": "speaks-for", "actor": side.id,
                                        "period": f"{2012 + i % 5}/.."}]
        person.side = side
        people.append(person)
    for i, group in enumerate(groups[1:], start=1):
        group.data["affiliations"] = [{"relation": "allied-with" if i % 2 else "opposed-to",
                                       "actor": groups[i // 2].id, "note": "Synthetic relation."}]

    # A few actors take part in many events, most in a few: weights fall off with rank.
    side_weights = [1 / (rank + 1) ** 0.8 for rank in range(len(sides))]

    # ------------------------------------------------------------------ operations
    operations = []
    for i in range(max(3, events // 80)):
        word = names.word()
        start = FIRST_DAY + dt.timedelta(days=rnd.randrange((LAST_DAY - FIRST_DAY).days - 60))
        end = min(start + dt.timedelta(days=rnd.randint(30, 500)), LAST_DAY)
        period = f"{start.isoformat()}/.." if i % 7 == 0 else f"{start.isoformat()}/{end.isoformat()}"
        record = {"id": f"syn-operation-{i:04d}", "name": f"Operation {word}", "aliases": [f"{v} operation" for v in names.variants(word, 1)],
                  "translations": [{"language": "en", "text": f"The {word} campaign"}],
                  "conducted_by": [rnd.choices(sides, side_weights)[0].id], "period": period,
                  "places": [cities[i % len(cities)]["id"]],
                  "description": f"A synthetic operation generated for benchmarks, number {i}."}
        if i % 3 == 2:
            record["parent"] = operations[rnd.randrange(len(operations))]["id"]
        operations.append(record)

    # ------------------------------------------------------------------ events, sources and claims
    days = sorted(FIRST_DAY + dt.timedelta(days=rnd.randrange((LAST_DAY - FIRST_DAY).days)) for _ in range(events))
    event_records: list[dict] = []
    claims_by_source: dict[str, list[dict]] = {}
    sources: list[dict] = []
    source_count = max(3, -(-events // EVENTS_PER_SOURCE))
    speaker_of: dict[str, list[_Actor]] = {}
    for person in people:
        speaker_of.setdefault(person.side.id, []).append(person)

    for s in range(source_count):
        batch = list(range(s * events // source_count, (s + 1) * events // source_count))
        source_id = f"syn-source-{s:05d}"
        outlet = outlets[s % len(outlets)]
        last_day = days[batch[-1]] if batch else LAST_DAY
        published = min(last_day + dt.timedelta(days=rnd.randint(0, 3)), LAST_DAY)
        paragraphs: list[str] = [f"Synthetic report {s}: fighting and statements, {_words_for(published)}"]
        parts: list[dict] = []
        cleaning: list[dict] = []
        claims: list[dict] = []
        blog = s % 5 == 4
        for position, index in enumerate(batch):
            day = days[index]
            if blog and position % 3 == 0:
                parts.append({"anchor": f"post-{len(parts) + 1}", "title": f"Post of {_words_for(day)}",
                              "first_paragraph": len(paragraphs) + 1, "date": day.isoformat(),
                              "date_basis": "Stated in the text."})
                paragraphs.append(f"Posted on {_words_for(day)}")
            event_id = f"syn-event-{index:05d}"
            date_text, _ = _date_text(day, rnd)
            verb, role_a, role_b = rnd.choice(VERBS)
            side_a, side_b = rnd.choices(sides, side_weights, k=2)
            if side_b.id == side_a.id:
                side_b = sides[(sides.index(side_a) + 1) % len(sides)]
            place = districts[index % len(districts)] if index < len(districts) else rnd.choice(districts)
            second_place = rnd.choice(districts) if rnd.random() < 0.2 else None
            operation = operations[index % len(operations)] if (index < len(operations) or rnd.random() < 0.6) else None
            disputed = rnd.random() < DISPUTED_SHARE
            killed = rnd.randint(1, 12)
            serial = f"incident {index:05d}"
            title = f"Synthetic event {index}: {side_a.name} {verb} {side_b.name} at {place['name']}"
            event = {"id": event_id, "title": title, "date": date_text}
            if "/" not in date_text and len(date_text) < 10:
                event["date_inferred"] = f"Synthetic: the report of {_words_for(published)} gives only the period."
            event["places"] = [place["id"]] + ([second_place["id"]] if second_place and second_place is not place else [])
            event["actors"] = [{"actor": side_a.id, "role": role_a}, {"actor": side_b.id, "role": role_b}]
            if operation is not None:
                event["operation"] = operation["id"]
            event["status"] = "disputed" if disputed else "established"
            # A quarter of the summaries use Markdown (the real record's: none), so both paths of the
            # summary renderer run at scale.
            attacker = f"**{side_a.name}**" if index % 4 == 0 else side_a.name
            event["summary"] = (f"Synthetic summary: {attacker} {verb} {side_b.name} near {place['name']} "
                                f"({serial}). Generated for benchmarks; not a real event.")
            former = index % 97 == 3
            if former:
                event["former_ids"] = [f"syn-old-event-{index:05d}"]

            def claim(about: str, asserts: str, speaker: dict, quote: str, before: str, after: str,
                      via: str | None = None, form: str = "direct") -> dict:
                # The source paragraph holds the quote with curly quotes and a doubled space;
                # the claim holds it with straight ones, as contributors type it.
                claim_id = f"syn-claim-{index:05d}-{len(claims) - start + 1}"
                record = {"id": claim_id, "about": about, "asserts": asserts, "speaker": speaker}
                if via:
                    record["chain"] = [{"actor": via, "kind": "outlet"}]
                record["form"] = form
                record["source"] = source_id
                record["quote"] = quote
                claims.append(record)
                shown = quote.replace("'", "’").replace(" near ", "  near ", 1)
                paragraphs.append(f"{before}“{shown},”{after}")
                return record

            start = len(claims)
            speakers_a = speaker_of.get(side_a.id) or people[:1]
            speakers_b = speaker_of.get(side_b.id) or people[1:2]
            person_a = speakers_a[index % len(speakers_a)]
            person_b = speakers_b[index % len(speakers_b)]
            if person_b.id == person_a.id:
                person_b = people[(people.index(person_a) + 1) % len(people)]
            first = claim(event_id, f"{person_a.name} said {side_a.name} fighters {verb} {side_b.name} near {place['name']}.",
                          {"actor": person_a.id, "role": f"spokesman for the {side_a.name}", "on_behalf_of": side_a.id},
                          f"Our fighters {verb} the {side_b.name} near {place['name']} in {serial} and killed {killed} of them",
                          "", f" {person_a.name} told {outlet.name}. {rnd.choice(FILLER)}", outlet.id)
            corroborated = rnd.random() < 0.5
            if not disputed:  # one witness (the spokesman's side) unless residents also speak
                event["status"] = "established" if corroborated else "single-source"
            if corroborated:
                claim(event_id, f"Residents said the fighting near {place['name']} lasted for hours.",
                      {"name": "Residents", "role": "unnamed residents"},
                      f"The shooting near {place['name']} went on for hours in {serial}",
                      "Residents said: ", f" {rnd.choice(FILLER)}")
            if disputed:
                count_a, count_b = rnd.randint(10, 40), rnd.randint(2, 9)
                other = claim(event_id, f"{person_b.name} denied that the {side_a.name} {verb} positions near {place['name']}.",
                              {"actor": person_b.id, "role": f"spokesman for the {side_b.name}", "on_behalf_of": side_b.id},
                              f"No one {verb} our positions near {place['name']} in {serial}; only {count_b} vehicles came",
                              "", f" said {person_b.name}.")
                accounts = [
                    {"id": "side-a", "label": f"{person_a.name}, for the {side_a.name}", "party": side_a.id,
                     "claims": [first["id"]],
                     "positions": {"responsibility": f"The {side_a.name} {verb} the {side_b.name}",
                                   "vehicles": f"{count_a} vehicles"}},
                    {"id": "side-b", "label": f"{person_b.name}, for the {side_b.name}", "party": side_b.id,
                     "claims": [other["id"]],
                     "positions": {"responsibility": "Denies any attack", "vehicles": f"{count_b} vehicles"}},
                ]
                paragraphs.append(f"A statement from the {side_a.name} put the number of vehicles at {count_a} in {serial}.")
                if rnd.random() < 0.4:
                    third = claim(event_id, f"A medical source said {killed + 2} people were killed near {place['name']}.",
                                  {"name": "A medical source", "role": "at the central hospital"},
                                  f"We received {killed + 2} bodies from near {place['name']} after {serial}",
                                  "A medical source said: ", "")
                    accounts.append({"id": "medical", "label": "A medical source", "party_name": "A medical source",
                                     "claims": [third["id"]],
                                     "positions": {"vehicles": "Not stated; gives a death toll only"}})
                event["dispute"] = {
                    "agreed": f"Fighting took place near {place['name']} in {serial}.",
                    "points": [{"id": "responsibility", "label": "Who attacked whom", "kind": "responsibility"},
                               {"id": "vehicles", "label": "Number of vehicles", "kind": "number"}],
                    "accounts": accounts,
                }
            if rnd.random() < 0.5:
                event["casualties"] = [{"group": "combatant", "kind": "killed", "party": side_b.id,
                                        "min": killed, "max": killed + (2 if disputed else 0), "claims": [first["id"]]}]
            if rnd.random() < 0.3:
                paragraphs.append(rnd.choice(FILLER) + f" ({serial})")
            event_records.append(event)
        if s % 4 == 1:
            paragraphs.append("Share this: Facebook Twitter Email Print")
            cleaning.append({"paragraphs": [len(paragraphs)], "action": "debris",
                             "note": "Sharing buttons captured with the page."})
        text = "\n\n".join(paragraphs) + "\n"
        content = text.encode("utf-8")
        path = f"seeds/{source_id}.txt"
        files[path] = content
        source = {"id": source_id, "title": f"Synthetic report {s}", "publisher": outlet.name,
                  "author": f"Synthetic correspondent {s % 17}", "kind": "blog-posts" if blog else "news-report",
                  "date": published.isoformat(), "date_basis": "Stated in the text.", "language": "en",
                  "stance": "A synthetic outlet: text generated for benchmarks.", "file": path,
                  "original_name": f"{s:05d}_synthetic.txt", "sha256": hashlib.sha256(content).hexdigest(),
                  "description": f"Synthetic document {s}, quoting statements on {len(batch)} events."}
        if parts:
            source["parts"] = parts
        if cleaning:
            source["cleaning"] = cleaning
        sources.append(source)
        claims_by_source[source_id] = claims

    # Claims about actors, supporting affiliations: quoted from a document of their own.
    profile_lines = ["Synthetic profiles of spokesmen"]
    profile_claims = []
    for i, person in enumerate(people):
        side = person.side
        claim_id = f"syn-claim-profile-{i:04d}"
        quote = f"{person.name} has spoken for the {side.name} since {person.data['affiliations'][0]['period'][:4]}"
        profile_lines.append(f"{quote}, according to profile {i}.")
        profile_claims.append({"id": claim_id, "about": person.id, "asserts": f"{person.name} speaks for the {side.name}.",
                               "speaker": {"name": "The profile's author"}, "form": "narration",
                               "source": "syn-source-profiles", "quote": quote})
        if i % 3 == 0:
            person.data["affiliations"][0]["claims"] = [claim_id]
    content = ("\n".join(profile_lines) + "\n").encode("utf-8")
    files["seeds/syn-source-profiles.txt"] = content
    sources.append({"id": "syn-source-profiles", "title": "Synthetic profiles of spokesmen", "publisher": outlets[0].name,
                    "kind": "news-report", "date": LAST_DAY.isoformat(), "date_basis": "Stated in the text.",
                    "language": "en", "stance": "A synthetic outlet: text generated for benchmarks.",
                    "file": "seeds/syn-source-profiles.txt", "original_name": "profiles.txt",
                    "sha256": hashlib.sha256(content).hexdigest()})
    claims_by_source["syn-source-profiles"] = profile_claims

    # ------------------------------------------------------------------ files
    def write(kind: str, name: str, records: list[dict]) -> None:
        header = "# Synthetic record for benchmarks: never mix with the real record.\n"
        files[f"data/{kind}/{name}.yaml"] = (header + _dump(records)).encode("utf-8")

    write("places", "places", places)
    write("actors", "actors", [a.data for a in actors])
    write("operations", "operations", operations)
    write("sources", "sources", sources)
    by_year: dict[str, list[dict]] = {}
    for event in event_records:
        by_year.setdefault(event["date"][:4], []).append(event)
    for year, records in sorted(by_year.items()):
        write("events", year, records)
    claim_files: dict[str, list[dict]] = {}
    for number, records in enumerate(claims_by_source.values()):
        claim_files.setdefault(f"claims-{number // 50:04d}", []).extend(records)
    for name, records in claim_files.items():
        write("claims", name, records)

    for kind, records in (("sources", sources), ("actors", [a.data for a in actors]), ("places", places),
                          ("operations", operations), ("events", event_records)):
        for record in records:
            urls.append(f"{kind}/{record['id']}/")
            urls.extend(f"{kind}/{old}/" for old in record.get("former_ids", []))
    urls.extend(f"claims#{c['id']}" for records in claims_by_source.values() for c in records)
    files["data/published-urls.txt"] = ("# Synthetic record: every URL it publishes.\n" +
                                        "\n".join(sorted(urls)) + "\n").encode("utf-8")
    return files


def write_record(dest: Path, events: int, seed: int = 1) -> Path:
    """Write the record into `dest` (its data/ and seeds/ are replaced)."""
    for folder in ("data", "seeds"):
        shutil.rmtree(dest / folder, ignore_errors=True)
    for relative, content in generate(events, seed).items():
        path = dest / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content)
    return dest


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("dest", type=Path, help="the folder to write data/ and seeds/ into")
    parser.add_argument("--events", type=int, default=1000, help="number of events (default 1000)")
    parser.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    args = parser.parse_args(argv)
    write_record(args.dest, args.events, args.seed)
    print(f"synthetic record: {args.events} events (seed {args.seed}) written to {args.dest}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
