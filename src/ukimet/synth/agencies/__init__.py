"""The agency sources of the synthetic country: each a schema (data) and an emitter that records the true
society as that agency would."""

from __future__ import annotations

from collections.abc import Callable, Iterator

from ukimet.synth.agencies import (
    business_registry,
    education,
    enbek,
    enpf,
    exports,
    gbdfl,
    health,
    housing,
    kgd_tax,
    property_registry,
    social_benefits,
    vehicles,
    zags,
)
from ukimet.synth.agencies.common import Context, Keys
from ukimet.synth.schema import Record, Source

Emitter = Callable[[Context], Iterator[Record]]

AGENCIES: tuple[tuple[Source, Emitter], ...] = (
    (gbdfl.SOURCE, gbdfl.emit),
    (zags.SOURCE, zags.emit),
    (kgd_tax.SOURCE, kgd_tax.emit),
    (enpf.SOURCE, enpf.emit),
    (social_benefits.SOURCE, social_benefits.emit),
    (enbek.SOURCE, enbek.emit),
    (property_registry.SOURCE, property_registry.emit),
    (vehicles.SOURCE, vehicles.emit),
    (health.SOURCE, health.emit),
    (education.SOURCE, education.emit),
    (business_registry.SOURCE, business_registry.emit),
    (housing.SOURCE, housing.emit),
    (exports.HOUSING_QUEUE, exports.emit_housing_queue),
    (exports.TEMPORARY_REGISTRATIONS, exports.emit_registrations),
    (exports.DISABILITY_DECISIONS, exports.emit_disability),
)

__all__ = ["AGENCIES", "Context", "Emitter", "Keys"]
