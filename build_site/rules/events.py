"""Events and their disputes: a status that fits, figures in order, accounts that hold together."""

from __future__ import annotations

from collections import Counter
from typing import Iterator

from .. import model as m
from ..errors import Problem
from ..fields import field_name
from ..loader import RawRecord
from . import Parsed, problem, suggest


def statuses(parsed: Parsed) -> Iterator[Problem]:
    """A disputed event has a dispute; an established one has none."""
    for event_id, event in parsed.records.events.items():
        raw = parsed.raws[event_id]
        if event.status == "disputed" and event.dispute is None:
            yield problem(raw.where(("status",)), "events", event_id, "dispute",
                          "expected a `dispute:` with points and accounts for a disputed event, got nothing "
                          "(add one, or set `status: established`)")
        if event.status != "disputed" and event.dispute is not None:
            yield problem(raw.where(("dispute",)), "events", event_id, "status",
                          f"expected `status: disputed` for an event with a `dispute:`, got '{event.status}'")


def participant_claims(parsed: Parsed) -> Iterator[Problem]:
    """The claims a participant's part rests on are claims about that event (the page cites them for it)."""
    for event_id, event in parsed.records.events.items():
        for index, part in enumerate(event.actors):
            for position, claim_id in enumerate(part.claims):
                claim = parsed.records.claims.get(claim_id)
                if claim is not None and claim.about != event_id:
                    path = ("actors", index, "claims", position)
                    yield problem(parsed.raws[event_id].where(path), "events", event_id, field_name(path),
                                  f"expected a claim about this event, got '{claim_id}', which is about "
                                  f"'{claim.about}' (cite a claim about '{event_id}', or remove it)")


def casualty_ranges(parsed: Parsed) -> Iterator[Problem]:
    """A casualty range does not end below its start."""
    for event_id, event in parsed.records.events.items():
        for i, cas in enumerate(event.casualties):
            if cas.min > cas.max:
                yield problem(parsed.raws[event_id].where(("casualties", i, "max")), "events", event_id,
                              f"casualties[{i}].max", f"expected a number at least min ({cas.min}), got {cas.max}")


def _disputes(parsed: Parsed) -> Iterator[tuple[str, RawRecord, m.Dispute]]:
    for event_id, event in parsed.records.events.items():
        if event.dispute is not None:
            yield event_id, parsed.raws[event_id], event.dispute


def unique_ids(parsed: Parsed) -> Iterator[Problem]:
    """Point ids and account ids are each unique within their event."""
    for event_id, raw, dispute in _disputes(parsed):
        for field, ids in (("points", [p.id for p in dispute.points]), ("accounts", [a.id for a in dispute.accounts])):
            singular = field[:-1]
            for value, times in Counter(ids).items():
                if times > 1:
                    yield problem(raw.where(("dispute", field)), "events", event_id, f"dispute.{field}",
                                  f"expected each {singular} id once, got '{value}' {times} times")


def one_account_per_claim(parsed: Parsed) -> Iterator[Problem]:
    """A claim is one side's words: it sits in one account only."""
    for event_id, raw, dispute in _disputes(parsed):
        in_account: dict[str, str] = {}
        for i, account in enumerate(dispute.accounts):
            for j, claim_id in enumerate(account.claims):
                if claim_id in in_account:
                    path = ("dispute", "accounts", i, "claims", j)
                    yield problem(raw.where(path), "events", event_id, field_name(path),
                                  f"expected each claim in one account only, got '{claim_id}', already in account "
                                  f"'{in_account[claim_id]}' (an account is one side's words; cite the claim once)")
                in_account.setdefault(claim_id, account.id)


def positions(parsed: Parsed) -> Iterator[Problem]:
    """Each position is on one of the event's points and cites the account's own claims."""
    for event_id, raw, dispute in _disputes(parsed):
        points = {point.id for point in dispute.points}
        for i, account in enumerate(dispute.accounts):
            for key, position in account.positions.items():
                if key not in points:
                    key_path = ("dispute", "accounts", i, "positions", key)
                    yield problem(raw.where(key_path, key=True), "events", event_id, field_name(key_path),
                                  f"expected one of the event's points [{', '.join(sorted(points))}], "
                                  f"got '{key}'{suggest(key, points)}")
                if not isinstance(position, m.Position):
                    continue
                for j, claim_id in enumerate(position.claims):
                    if claim_id not in account.claims:
                        path = ("dispute", "accounts", i, "positions", key, "claims", j)
                        yield problem(raw.where(path), "events", event_id, field_name(path),
                                      f"expected one of the account's own claims [{', '.join(account.claims)}], "
                                      f"got '{claim_id}' (add it to the account's `claims:` first)")


def points_addressed(parsed: Parsed) -> Iterator[Problem]:
    """Every point in dispute is addressed by at least one account."""
    for event_id, raw, dispute in _disputes(parsed):
        addressed = {key for account in dispute.accounts for key in account.positions}
        for point in sorted({point.id for point in dispute.points} - addressed):
            yield problem(raw.where(("dispute", "points")), "events", event_id, "dispute.points",
                          f"expected every point to be addressed by an account's `positions`, got '{point}' "
                          f"addressed by none")


def two_parties(parsed: Parsed) -> Iterator[Problem]:
    """A dispute sets the accounts of at least two different parties against each other."""
    for event_id, raw, dispute in _disputes(parsed):
        parties = {account.party or account.party_name for account in dispute.accounts}
        if len(parties) == 1:
            yield problem(raw.where(("dispute", "accounts")), "events", event_id, "dispute.accounts",
                          f"expected accounts of at least two different parties, got every account by "
                          f"'{next(iter(parties))}' (a dispute sets one party's account against another's)")


def silent_parties(parsed: Parsed) -> Iterator[Problem]:
    """A party listed as saying nothing has no account of its own."""
    for event_id, raw, dispute in _disputes(parsed):
        parties = {account.party or account.party_name for account in dispute.accounts}
        for i, party in enumerate(dispute.no_statement):
            if party in parties:
                path = ("dispute", "no_statement", i)
                yield problem(raw.where(path), "events", event_id, f"dispute.no_statement[{i}]",
                              f"expected a party without an account, got '{party}', which has one (remove it here)")


RULES = (statuses, participant_claims, casualty_ranges, unique_ids, one_account_per_claim, positions, points_addressed, two_parties,
         silent_parties)
"""Every event rule, run in this order."""
