"""Who said it, and through whom: chains, relayed passages, accounts that belong to their party, honest statuses.

A claim's witness is the report its words come from: the first outlet, agency or report in its chain
(everything one report carries, its own narration and the people it quotes, is one witness); else, where
the words reached the document through the speaker's own statement, tweet, press release or video, the
speaker's party; else the speaker, where it is a media outlet whose report the document relays; else the
document itself, named by
its publisher where it has a page (its narration and everyone it quotes or interviews directly: a
documentary and the interviewees it chose are one witness). Two documents repeating one report share
its witness, and documents by one author (`same_author_as`) are one witness: they count once.
"""

from __future__ import annotations

from typing import Iterator, Optional

from .. import model as m
from ..errors import Problem
from ..fields import field_name
from ..text import Match, Paragraph, QuoteIndex
from . import Parsed, problem

REPORT_KINDS = frozenset({"outlet", "agency", "report"})
"""Chain steps that are a report of their own: what they carry counts as one witness."""
PUBLISHED_KINDS = frozenset({"statement", "press-release", "tweet", "video"})
"""Chain steps that are the speaker's own words published apart from the document: the speaker is a witness.
An interview, or a document the outlet obtained, reaches us only through the document."""


def witness(claim: m.Claim, records: m.Records) -> str:
    """The report a claim's words come from (an actor id, a source id, or the name of a step without a page)."""
    for link in claim.chain:
        if link.kind in REPORT_KINDS:
            return link.actor or link.name or ""
    if any(link.kind in PUBLISHED_KINDS for link in claim.chain):
        return speaker_party(claim)
    speaker = records.actors.get(claim.speaker.actor or "")
    if speaker is not None and speaker.kind == "media-outlet":
        return speaker.id
    document = claim.source
    seen = {document}
    while (source := records.sources.get(document)) is not None and source.same_author_as \
            and source.same_author_as not in seen:
        document = source.same_author_as
        seen.add(document)
    return (source.published_by if source is not None else None) or document


def speaker_party(claim: m.Claim) -> str:
    """Who says it: the party the speaker speaks for, else the speaker (an actor id or a name)."""
    speaker = claim.speaker
    return speaker.on_behalf_of or speaker.actor or speaker.name or ""


def voices(claim: m.Claim) -> set[str]:
    """Everyone in a claim's chain: its speaker, the party it speaks for, and every link."""
    speaker = claim.speaker
    found = {value for value in (speaker.actor, speaker.name, speaker.on_behalf_of) if value}
    for link in claim.chain:
        found.update(value for value in (link.actor, link.name) if value)
    return found


def chain_links(parsed: Parsed) -> Iterator[Problem]:
    """Each link of a chain names an actor with a page or a step without one, never both or neither."""
    for claim_id, claim in parsed.records.claims.items():
        for i, link in enumerate(claim.chain):
            if bool(link.actor) == bool(link.name):
                path = ("chain", i)
                yield problem(parsed.raws[claim_id].where(path), "claims", claim_id, field_name(path),
                              "expected exactly one of `actor:` (an outlet or party with a page) or `name:` (a step "
                              f"without one), got {'both' if link.actor else 'neither'}")


def _span_party(span: m.RelayedSpan) -> Optional[str]:
    return span.relays or span.relays_name


def relayed_spans(parsed: Parsed, paragraphs: dict[str, list[Paragraph]]) -> Iterator[Problem]:
    """A relayed span lies within its document, names one party, and its evidence is verbatim in the text."""
    for source_id, source in parsed.records.sources.items():
        if not source.relayed:
            continue
        raw = parsed.raws[source_id]
        count = len(paragraphs.get(source_id, []))
        index = QuoteIndex(paragraphs.get(source_id, []))
        for i, span in enumerate(source.relayed):
            path = ("relayed", i)
            if bool(span.relays) == bool(span.relays_name):
                yield problem(raw.where(path), "sources", source_id, field_name(path),
                              "expected exactly one of `relays:` (an actor id) or `relays_name:` (a party without "
                              f"a page), got {'both' if span.relays else 'neither'}")
            if count and not 1 <= span.first_paragraph <= span.last_paragraph <= count:
                yield problem(raw.where((*path, "last_paragraph")), "sources", source_id, field_name(path),
                              f"expected paragraphs from 1 to {count} with first_paragraph at most last_paragraph, "
                              f"got {span.first_paragraph} to {span.last_paragraph}")
            if count and not index.occurrences(span.evidence):
                yield problem(raw.where((*path, "evidence")), "sources", source_id, field_name((*path, "evidence")),
                              f"expected a sentence found verbatim in {source.file}, got words that are not there "
                              "(copy the sentence that shows where the passage comes from)")


def claims_in_relayed_spans(parsed: Parsed, quotes: dict[str, Match]) -> Iterator[Problem]:
    """A claim quoting inside a relayed passage credits the party relayed, or says why not."""
    for claim_id, claim in parsed.records.claims.items():
        source = parsed.records.sources.get(claim.source)
        match = quotes.get(claim_id)
        if source is None or match is None or claim.relay_exception:
            continue
        for span in source.relayed:
            party = _span_party(span)
            if party and span.first_paragraph <= match.paragraph <= span.last_paragraph and party not in voices(claim):
                where = (f"paragraph {span.first_paragraph}" if span.first_paragraph == span.last_paragraph
                         else f"paragraphs {span.first_paragraph}–{span.last_paragraph}")
                step = f"{{actor: {party}, kind: outlet}}" if span.relays else f"{{name: {party}, kind: report}}"
                yield problem(parsed.raws[claim_id].where(("speaker",)), "claims", claim_id, "chain",
                              f"expected a chain that credits '{party}', got one without it: the quote is in "
                              f"{where} of {source.id}, a passage relaying {party}'s report (add `{step}` to "
                              "`chain:` with the kind of step it is, make it the speaker, or give `relay_exception:` "
                              "saying why these are the document's own words)")


def party(account: m.Account) -> str:
    """Whose account it is: the actor id, or the name of a party without a page."""
    return account.party or account.party_name or ""


def _speaks_for(claim: m.Claim, party: str) -> bool:
    return party in (claim.speaker.actor, claim.speaker.on_behalf_of, claim.speaker.name)


def account_parties(parsed: Parsed) -> Iterator[Problem]:
    """An account names one party, and is its words: a claim spoken by the party, unless marked `described`."""
    claims = parsed.records.claims
    for event_id, event in parsed.records.events.items():
        for i, account in enumerate(event.dispute.accounts if event.dispute else ()):
            path = ("dispute", "accounts", i)
            if bool(account.party) == bool(account.party_name):
                yield problem(parsed.raws[event_id].where(path), "events", event_id, field_name(path),
                              "expected exactly one of `party:` (an actor id) or `party_name:` (a party without a "
                              f"page), got {'both' if account.party else 'neither'}")
                continue
            spoken = [claims[c] for c in account.claims if c in claims]
            if account.described or not spoken or any(_speaks_for(claim, party(account)) for claim in spoken):
                continue
            others = ", ".join(sorted({speaker_party(claim) for claim in spoken}))
            yield problem(parsed.raws[event_id].where((*path, "party")), "events", event_id,
                          field_name((*path, "party")),
                          f"expected claims spoken by '{party(account)}' (or for it), got claims by {others} only "
                          f"(an account is its party's words: cite the party's own statements, or set `described: "
                          f"true` to show it as the party's position as {others} describe(s) it)")


def _witnesses(parsed: Parsed, event_id: str, claims_about: dict[str, list[m.Claim]]) -> list[str]:
    return sorted({witness(claim, parsed.records) for claim in claims_about.get(event_id, [])})


def statuses(parsed: Parsed) -> Iterator[Problem]:
    """`established` needs two independent witnesses; `single-source` means exactly one."""
    claims_about: dict[str, list[m.Claim]] = {}
    for claim in parsed.records.claims.values():
        claims_about.setdefault(claim.about, []).append(claim)
    for event_id, event in parsed.records.events.items():
        found = _witnesses(parsed, event_id, claims_about)
        raw = parsed.raws[event_id]
        if event.status == "established" and len(found) < 2:
            yield problem(raw.where(("status",)), "events", event_id, "status",
                          f"expected claims from at least two independent witnesses for 'established', got "
                          f"{len(found)} ({', '.join(found) or 'no claims'}): documents repeating one report count "
                          "once (set `status: single-source`, or cite a second, independent source)")
        if event.status == "single-source" and len(found) > 1:
            yield problem(raw.where(("status",)), "events", event_id, "status",
                          f"expected claims from one witness for 'single-source', got {len(found)} "
                          f"({', '.join(found)}) (set `status: established` if they agree, or `disputed` if not)")


RULES = (chain_links, account_parties, statuses)
"""Rules that need only the parsed record (the others also need the sources' text or the quotes)."""
