"""The model is the one declaration of meaning: a field added there is followed everywhere else.

The tests add a reference field and a date field to Event, in a subclass declared here only, and
check that validation, dangling-reference messages, reverse indexes, subsets, the JSON Schema and
CONTRIBUTING.md's field reference all follow it, with no change to any other module.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Optional

import pytest

from build_site import contributing, fields, schemas
from build_site import model as m
from build_site.link import Referrer, link
from build_site.loader import load
from build_site.subset import subset
from build_site.validate import validate
from conftest import FIXTURE


class WitnessedEvent(m.Event):
    """An event with a witness: a field only this test declares."""

    witness: Optional[m.ActorRef] = None
    """The actor who saw it."""
    seen_on: Optional[m.Edtf] = None
    """When the witness saw it."""


@pytest.fixture
def extended_model(monkeypatch):
    monkeypatch.setitem(m.KINDS, "events", WitnessedEvent)
    return WitnessedEvent


def _record(tmp_path: Path, witness: str, seen_on: str) -> Path:
    root = tmp_path / "record"
    shutil.copytree(FIXTURE, root)
    events = root / "data" / "events" / "events.yaml"
    text = events.read_text(encoding="utf-8")
    marker = "  title: Attack on the checkpoint\n"
    assert marker in text
    events.write_text(text.replace(marker, marker + f"  witness: {witness}\n  seen_on: '{seen_on}'\n"),
                      encoding="utf-8")
    return root


def test_a_new_reference_field_is_checked_for_dangling_ids(extended_model, tmp_path):
    checked = validate(load(_record(tmp_path, "alpha-gazete", "2016-04-19")))
    messages = [str(p) for p in checked.errors]
    assert messages == [
        "data/events/events.yaml:4:12: event 'checkpoint-attack', witness: expected the id of an actor, "
        "got 'alpha-gazete', which does not exist (did you mean 'alpha-gazette'?)"], messages


def test_a_new_date_field_is_checked_as_edtf(extended_model, tmp_path):
    checked = validate(load(_record(tmp_path, "alpha-gazette", "2016-13")))
    messages = [str(p) for p in checked.errors]
    assert len(messages) == 1 and messages[0].startswith(
        "data/events/events.yaml:5:12: event 'checkpoint-attack', seen_on: expected an EDTF date"), messages


def test_a_new_reference_field_is_indexed_followed_by_subsets_and_described(extended_model, tmp_path):
    checked = validate(load(_record(tmp_path, "alpha-gazette", "2016-04-19")))
    assert not checked.errors, checked.errors
    assert checked.dates["2016-04-19"].label == "19 April 2016"
    record = link(checked)
    assert Referrer("events", "checkpoint-attack", ("witness",)) in record.referenced_by["alpha-gazette"]
    # A preview of the event keeps its witness, so that the witness link on its page has a page to go to.
    preview = subset(checked, ["year=2016"])
    assert "alpha-gazette" in preview.actors
    found = [(f.path, f.value) for f in fields.walk(checked.events["checkpoint-attack"])]
    assert (("witness",), "alpha-gazette") in found and (("seen_on",), "2016-04-19") in found

    schema = schemas.schema_for("events")
    properties = schema["$defs"]["WitnessedEvent"]["properties"]
    assert "witness" in properties and "seen_on" in properties
    reference = contributing.field_reference()
    assert "| `witness` | no | id of: actor | The actor who saw it. |" in reference
    assert "| `seen_on` | no | EDTF date | When the witness saw it. |" in reference


def test_the_field_reference_documents_every_model_of_the_registry():
    reference = contributing.field_reference()
    for model in m.models():
        assert f"### {model.__name__}\n" in reference, model.__name__
        for name in model.model_fields:
            assert f"| `{name}` |" in reference, f"{model.__name__}.{name}"
    assert m.Position in m.models()


def test_every_reference_field_in_the_model_names_a_kind_that_exists():
    seen = 0
    for model in m.models():
        for name, info in model.model_fields.items():
            kinds = fields.referenced_kinds(info.annotation, info.metadata)
            if kinds:
                seen += 1
                assert set(kinds) <= set(m.KINDS), f"{model.__name__}.{name}: {kinds}"
    assert seen >= 15, seen
