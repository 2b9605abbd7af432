"""Keyed hashes of the values behind a case or a finding, as the metadata store keeps them: equal values give
equal seals, so a changed basis is seen, but a seal cannot be turned back into its value by trying candidates
(an income, an age, a yes or no) without the installation's evidence key (home/keys/evidence.key, 0600).

    seal = Seal(config)
    seal.digest(finding.evidence_hash) == case.evidence_hash
"""

from __future__ import annotations

import hashlib
import hmac
from typing import Any

from ukimet.core.settings import Settings
from ukimet.gateway.keys import installation_secret
from ukimet.model.evidence import as_json


class Seal:
    def __init__(self, config: Settings) -> None:
        self._key = installation_secret(config, "evidence")

    def digest(self, text: str) -> str:
        return hmac.new(self._key, f"ukimet-evidence:{text}".encode(), hashlib.sha256).hexdigest()

    def each(self, values: dict[str, Any]) -> dict[str, str]:
        """name -> seal of that one value."""
        return {name: self.digest(f"{name}={as_json(value)}") for name, value in values.items()}
