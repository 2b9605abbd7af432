"""The audit log's anchor: its signed head, appended after every write to a file outside the database.

The hash chain and the checkpoints live in the metadata store, so a database administrator who drops the
append-only triggers can delete the entries written since the last checkpoint, or rewrite the whole chain and
delete every checkpoint, and the log still agrees with itself. The anchor is the part they cannot reach: one JSON
line per entry written, ``{"format", "seq", "hash", "root", "at", "public_key", "signature"}``, signed with the
installation's audit signing key (the same message as a checkpoint, so every anchored head is a checkpoint kept
outside the database). The file is opened for appending only, is its owner's alone (0600) and is synced to disk
before the access it records is handed out; an operator may point ``audit_anchor_path`` at a write-once or remote
mount, which even the operating system's administrator cannot rewrite.

Each line commits to the chain hash (which covers every entry up to it) and to the RFC 6962 Merkle root of the
entries up to it. The root is kept incrementally (``merkle.Accumulator``, O(log n) subtree roots stored beside the
log), so an append costs a few hashes and one line, never a rebuild of the tree.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from pathlib import Path

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

from ukimet.core.errors import ConfigError

FORMAT = 1
"""the anchor line's format (its fields and the signed message)"""


def signed_message(seq: int, head: str, root: str) -> bytes:
    """What a checkpoint and an anchored head sign: the entry number, the chain's hash there and the Merkle root."""
    return f"ukimet-audit-checkpoint:{seq}:{head}:{root}".encode()


@dataclass(frozen=True)
class Head:
    """The log's head after entry ``seq``, signed."""

    seq: int
    hash: str
    root: str
    at: str
    public_key: str
    signature: str
    format: int = FORMAT
    checkpoint: bool = False
    """the head of a checkpoint kept in the database: verify finds the checkpoint deleted if it is gone"""

    @classmethod
    def sign(cls, key: Ed25519PrivateKey, seq: int, hash: str, root: str, at: str, checkpoint: bool = False) -> Head:
        public = key.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw).hex()
        return cls(seq, hash, root, at, public, key.sign(signed_message(seq, hash, root)).hex(),
                   checkpoint=checkpoint)

    def signature_ok(self) -> bool:
        try:
            Ed25519PublicKey.from_public_bytes(bytes.fromhex(self.public_key)).verify(
                bytes.fromhex(self.signature), signed_message(self.seq, self.hash, self.root))
        except (InvalidSignature, ValueError):
            return False
        return True


def append(path: Path, heads: list[Head]) -> None:
    """Add heads to the anchor and sync them to disk; the file is made 0600 (and its folder 0700) if new."""
    if not heads:
        return
    made = not path.exists()
    if made:
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    data = "".join(json.dumps(asdict(h), sort_keys=True) + "\n" for h in heads).encode()
    fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
    try:
        os.write(fd, data)
        os.fsync(fd)
    finally:
        os.close(fd)
    if made:  # the new file's name is durable too
        folder = os.open(path.parent, os.O_RDONLY)
        try:
            os.fsync(folder)
        finally:
            os.close(folder)


def newest_seq(path: Path) -> int:
    """The entry number of the last head appended (0 for an empty anchor), read from the file's end only."""
    with path.open("rb") as f:
        f.seek(0, os.SEEK_END)
        f.seek(max(0, f.tell() - 4096))
        lines = [line for line in f.read().split(b"\n") if line.strip()]
    for line in reversed(lines):
        try:
            return int(json.loads(line)["seq"])
        except (ValueError, KeyError, TypeError):
            continue  # the first, cut line of the tail, or one verify will name
    return 0


def first_seq(path: Path) -> int:
    """The entry number of the first head in the anchor (0 when it is empty or unreadable there)."""
    with path.open("rb") as f:
        line = f.readline()
    try:
        return int(json.loads(line)["seq"])
    except (ValueError, KeyError, TypeError):
        return 0


def read_tail(path: Path, since: int) -> list[Head]:
    """The heads of entries ``since`` and after, in the order written, read from the file's end only (heads are
    appended in entry order): what incremental verification needs of an anchor with a line per entry."""
    tail, end = b"", 0
    with path.open("rb") as f:
        end = f.seek(0, os.SEEK_END)
        while end > 0:
            start = max(0, end - (1 << 16))
            f.seek(start)
            tail = f.read(end - start) + tail
            end = start
            if end > 0 and tail.count(b"\n") > 1 and _seq(tail.split(b"\n")[1]) < since:
                break
    lines = tail.decode("utf-8", errors="replace").split("\n")
    if end > 0:
        lines = lines[1:]  # the first line of the tail read is cut
    return [head for head in _parse(path, lines, 0) if head.seq >= since]


def _seq(line: bytes) -> int:
    try:
        return int(json.loads(line)["seq"])
    except (ValueError, KeyError, TypeError):
        return 1 << 62  # unreadable: read further back; parsing names it


def _parse(path: Path, lines: Iterable[str], offset: int) -> list[Head]:
    heads: list[Head] = []
    for number, line in enumerate(lines, start=offset + 1):
        if not line.strip():
            continue
        try:
            fields = json.loads(line)
            head = Head(**fields)
            if not isinstance(head.seq, int) or head.format != FORMAT:
                raise ValueError(f"format {head.format!r}, seq {head.seq!r}")
        except (ValueError, TypeError) as error:
            raise ConfigError("audit.anchor_line", path=str(path), line=number, detail=str(error)) from error
        heads.append(head)
    return heads


def read(path: Path) -> list[Head]:
    """Every head in the anchor, in the order written; an unreadable line is refused with its number."""
    with path.open(encoding="utf-8") as lines:
        return _parse(path, lines, 0)
