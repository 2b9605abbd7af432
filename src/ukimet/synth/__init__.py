"""A synthetic Kazakhstan: the demo, the test fixtures and the benchmark input of every pipeline stage.

>>> from ukimet.synth import SynthConfig, build_country
>>> manifest = build_country(SynthConfig(persons=1000), Path("country"))   # doctest: +SKIP
"""

from ukimet.synth.config import FAULT_NAMES, FaultRates, SynthConfig, load_fault_file
from ukimet.synth.country import MANIFEST, Manifest, SourceReport, build_country

__all__ = [
    "FAULT_NAMES", "MANIFEST", "FaultRates", "Manifest", "SourceReport", "SynthConfig", "build_country",
    "load_fault_file",
]
