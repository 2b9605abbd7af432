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

    def add(self, leaf: bytes) -> list[tuple[int, int, bytes]]:
        """Add a leaf; the perfect subtrees it completes above the leaves, as (level, index, hash): kept by the
        log (table ``audit_nodes``), they give any proof without rebuilding the tree."""
        size, node, index, made = 1, leaf, self.size, []
        while self._stack and self._stack[-1][0] == size:
            _, left = self._stack.pop()
            size, node = size * 2, _node(left, node)
            made.append((size.bit_length() - 1, index // size, node))
        self._stack.append((size, node))
        self.size += 1
        return made

    @classmethod
    def at(cls, size: int, node: dict[tuple[int, int], bytes]) -> Accumulator:
        """The accumulator over the first ``size`` leaves from the stored subtree hashes (``frontier(size)``)."""
        made = cls()
        made._stack = [(1 << level, node[(level, index)]) for level, index in frontier(size)]
        made.size = size
        return made

    def root(self) -> bytes:
        if not self._stack:
            return hashlib.sha256(b"").digest()
        r = self._stack[-1][1]
        for _, left in reversed(self._stack[:-1]):
            r = _node(left, r)
        return r


# --- proofs from stored subtrees ----------------------------------------------------------------------------
# A perfect subtree is named (level, index): the 2**level leaves from index * 2**level on. Level 0 is a leaf.
Key = tuple[int, int]


def frontier(size: int) -> list[Key]:
    """The perfect subtrees a tree of ``size`` leaves splits into, largest (leftmost) first."""
    keys, start = [], 0
    for level in range(size.bit_length() - 1, -1, -1):
        if size >> level & 1:
            keys.append((level, start >> level))
            start += 1 << level
    return keys


def _span(start: int, end: int) -> list[Key]:
    """The perfect subtrees whose roots make MTH(D[start:end]) for a span RFC 6962's recursion reaches (its start
    is aligned to the largest power of two below its length)."""
    keys = []
    while start < end:
        level = (end - start).bit_length() - 1
        keys.append((level, start >> level))
        start += 1 << level
    return keys


def path_keys(index: int, size: int) -> list[list[Key]]:
    """RFC 6962's audit path PATH(index, D[0:size]), bottom up, each element as the perfect subtrees whose
    combined root it is (one, except the right spans of a tree whose size is not a power of two)."""
    if not 0 <= index < size:
        raise IndexError(f"leaf {index} is not in a tree of {size}")
    path: list[list[Key]] = []
    start, end = 0, size
    while end - start > 1:
        k = 1 << ((end - start - 1).bit_length() - 1)  # the largest power of two below the span's length
        if index < start + k:
            path.append(_span(start + k, end))
            end = start + k
        else:
            path.append(_span(start, start + k))
            start += k
    return path[::-1]


def combine(nodes: list[bytes]) -> bytes:
    """The root over perfect subtrees given left to right (the largest first)."""
    r = nodes[-1]
    for left in reversed(nodes[:-1]):
        r = _node(left, r)
    return r


def proof_from_nodes(index: int, size: int, node: dict[Key, bytes]) -> list[bytes]:
    """The audit path of leaf ``index`` from stored subtree hashes (``node``: every key ``path_keys`` names)."""
    return [combine([node[key] for key in element]) for element in path_keys(index, size)]
