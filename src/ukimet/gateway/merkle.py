"""A Merkle tree over the audit log's entry hashes, as Certificate Transparency builds it (RFC 6962 / RFC 9162):
a signed checkpoint commits to the root, and an inclusion proof of a few dozen hashes shows that one entry is in
the log the checkpoint signed, without revealing any other entry.

    root(leaves) == verify_inclusion(leaves[i], i, len(leaves), inclusion_proof(leaves, i))
"""

from __future__ import annotations

import hashlib


def leaf_hash(entry_hash: str) -> bytes:
    return hashlib.sha256(b"\x00" + bytes.fromhex(entry_hash)).digest()


def _node(left: bytes, right: bytes) -> bytes:
    return hashlib.sha256(b"\x01" + left + right).digest()


def _levels(leaves: list[bytes]) -> list[list[bytes]]:
    """Every level of the tree, bottom up; a last node without a sibling is carried up unchanged (which gives
    exactly RFC 6962's tree, split at the largest power of two)."""
    levels = [leaves]
    while len(levels[-1]) > 1:
        level = levels[-1]
        upper = [_node(level[i], level[i + 1]) for i in range(0, len(level) - 1, 2)]
        if len(level) % 2:
            upper.append(level[-1])
        levels.append(upper)
    return levels


def root(leaves: list[bytes]) -> bytes:
    return _levels(leaves)[-1][0] if leaves else hashlib.sha256(b"").digest()


class Tree:
    """The tree over a fixed list of leaves, built once, for many proofs."""

    def __init__(self, leaves: list[bytes]) -> None:
        self.size = len(leaves)
        self.levels = _levels(leaves) if leaves else [[]]

    def root(self) -> bytes:
        return self.levels[-1][0] if self.size else hashlib.sha256(b"").digest()

    def proof(self, index: int) -> list[bytes]:
        if not 0 <= index < self.size:
            raise IndexError(f"leaf {index} is not in a tree of {self.size}")
        path = []
        for level in self.levels[:-1]:
            sibling = index ^ 1
            if sibling < len(level):
                path.append(level[sibling])
            index //= 2
        return path


def inclusion_proof(leaves: list[bytes], index: int) -> list[bytes]:
    return Tree(leaves).proof(index)


def verify_inclusion(leaf: bytes, index: int, size: int, proof: list[bytes], expected_root: bytes) -> bool:
    """RFC 9162, section 2.1.3.2."""
    if index >= size:
        return False
    fn, sn, r = index, size - 1, leaf
    for p in proof:
        if sn == 0:
            return False
        if fn & 1 or fn == sn:
            r = _node(p, r)
            while not fn & 1 and fn != 0:
                fn, sn = fn >> 1, sn >> 1
        else:
            r = _node(r, p)
        fn, sn = fn >> 1, sn >> 1
    return sn == 0 and r == expected_root


class Accumulator:
    """The root of a growing log in O(log n) memory: a stack of perfect subtrees (for verifying every
    checkpoint in one pass over the log)."""

    def __init__(self) -> None:
        self.size = 0
        self._stack: list[tuple[int, bytes]] = []

    def state(self) -> list[list[int | str]]:
        """The perfect subtrees' sizes and roots (JSON), from which ``restore`` goes on adding leaves."""
        return [[size, node.hex()] for size, node in self._stack]

    @classmethod
    def restore(cls, state: list[list[int | str]]) -> Accumulator:
        made = cls()
        made._stack = [(int(size), bytes.fromhex(str(node))) for size, node in state]
        made.size = sum(size for size, _ in made._stack)
        return made

    def add(self, leaf: bytes) -> None:
        size, node = 1, leaf
        while self._stack and self._stack[-1][0] == size:
            _, left = self._stack.pop()
            size, node = size * 2, _node(left, node)
        self._stack.append((size, node))
        self.size += 1

    def root(self) -> bytes:
        if not self._stack:
            return hashlib.sha256(b"").digest()
        r = self._stack[-1][1]
        for _, left in reversed(self._stack[:-1]):
            r = _node(left, r)
        return r
