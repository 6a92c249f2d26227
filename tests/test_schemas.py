"""The editors' JSON Schemas and CONTRIBUTING.md's field reference stay in step with the model."""

from __future__ import annotations

from build_site import model, schemas
from build_site.contributing import FIELD_REFERENCE_END, FIELD_REFERENCE_START, field_reference
from conftest import ROOT


def test_committed_schemas_are_current():
    for name, text in schemas.rendered().items():
        committed = ROOT / "schemas" / name
        assert committed.exists() and committed.read_text(encoding="utf-8") == text, (
            f"schemas/{name} is stale: run `make schemas`")


def test_every_yaml_file_names_its_schema():
    for kind in model.KINDS:
        for path in sorted((ROOT / "data" / kind).glob("*.yaml")):
            first = path.read_text(encoding="utf-8").splitlines()[0]
            assert first == f"# yaml-language-server: $schema=../../schemas/{kind}.schema.json", path


def test_every_field_has_a_description():
    for record in (model.Source, model.Cleaning, model.SourcePart, model.Actor, model.Affiliation, model.Place,
                   model.Coordinates, model.Operation, model.Translation, model.Event, model.Participant,
                   model.Casualties, model.Dispute, model.DisputePoint, model.Account, model.Claim, model.Speaker):
        for name, info in record.model_fields.items():
            assert info.description, f"{record.__name__}.{name} has no description"


def test_contributing_documents_every_field():
    text = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    start, end = text.index(FIELD_REFERENCE_START), text.index(FIELD_REFERENCE_END)
    assert text[start:end + len(FIELD_REFERENCE_END)] == field_reference(), (
        "CONTRIBUTING.md's field reference is stale: run `make schemas`")
    for record in model.KINDS.values():
        for name in record.model_fields:
            assert f"`{name}`" in text
