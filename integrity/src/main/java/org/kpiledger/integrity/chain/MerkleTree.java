package org.kpiledger.integrity.chain;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The Merkle tree of RFC 6962 / RFC 9162 (Certificate Transparency) over the ledger's entry hashes, in position
 * order: a leaf is SHA-256(0x00 || entry hash), an inner node SHA-256(0x01 || left || right), a tree of n leaves splits
 * at the largest power of two below n. Its root for a size is what a checkpoint signs; an inclusion proof shows that
 * an entry is among the leaves under a root.
 */
public final class MerkleTree {

    private MerkleTree() {
    }

    public static byte[] leaf(byte[] entryHash) {
        return LedgerEntry.sha256(new byte[] {0}, entryHash);
    }

    static byte[] node(byte[] left, byte[] right) {
        return LedgerEntry.sha256(new byte[] {1}, left, right);
    }

    /** The root over the first {@code size} entry hashes, each made a leaf. */
    public static byte[] rootOfEntries(List<byte[]> entryHashes, int size) {
        List<byte[]> leaves = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            leaves.add(leaf(entryHashes.get(i)));
        }
        return root(leaves, size);
    }

    /** The root of the tree whose leaves are {@code leaves[0, size)}; of no leaves, SHA-256 of nothing. */
    public static byte[] root(List<byte[]> leaves, int size) {
        if (size == 0) {
            return LedgerEntry.sha256();
        }
        return root(leaves, 0, size);
    }

    private static byte[] root(List<byte[]> leaves, int from, int to) {
        int n = to - from;
        if (n == 1) {
            return leaves.get(from);
        }
        int split = Integer.highestOneBit(n - 1);
        return node(root(leaves, from, from + split), root(leaves, from + split, to));
    }

    /** The audit path of RFC 6962 (PATH) of leaf {@code index} in the tree of the first {@code size} leaves. */
    public static List<byte[]> inclusionProof(List<byte[]> leaves, int index, int size) {
        if (index < 0 || index >= size || size > leaves.size()) {
            throw new IllegalArgumentException("leaf " + index + " is not in a tree of " + size);
        }
        List<byte[]> proof = new ArrayList<>();
        path(leaves, index, 0, size, proof);
        return proof;
    }

    private static void path(List<byte[]> leaves, int index, int from, int to, List<byte[]> proof) {
        int n = to - from;
        if (n == 1) {
            return;
        }
        int split = Integer.highestOneBit(n - 1);
        if (index < split) {
            path(leaves, index, from, from + split, proof);
            proof.add(root(leaves, from + split, to));
        } else {
            path(leaves, index - split, from + split, to, proof);
            proof.add(root(leaves, from, from + split));
        }
    }

    /** Verifies an inclusion proof as RFC 9162, section 2.1.3.2, does. */
    public static boolean verifyInclusion(byte[] leaf, long index, long size, List<byte[]> proof, byte[] root) {
        if (index >= size || index < 0) {
            return false;
        }
        long fn = index;
        long sn = size - 1;
        byte[] r = leaf;
        for (byte[] p : proof) {
            if (sn == 0) {
                return false;
            }
            if ((fn & 1) == 1 || fn == sn) {
                r = node(p, r);
                if ((fn & 1) == 0) {
                    while ((fn & 1) == 0 && fn != 0) {
                        fn >>= 1;
                        sn >>= 1;
                    }
                }
            } else {
                r = node(r, p);
            }
            fn >>= 1;
            sn >>= 1;
        }
        return sn == 0 && Arrays.equals(r, root);
    }

    /**
     * The consistency proof of RFC 9162, section 2.1.4.1 (PROOF(m, D[n])): the nodes that show the tree of the first
     * {@code from} leaves is a prefix of the tree of the first {@code to}. Empty when {@code from} is 0 or equals
     * {@code to}.
     */
    public static List<byte[]> consistencyProof(List<byte[]> leaves, int from, int to) {
        if (from < 0 || from > to || to > leaves.size()) {
            throw new IllegalArgumentException("no consistency proof from " + from + " to " + to);
        }
        List<byte[]> proof = new ArrayList<>();
        if (from > 0 && from < to) {
            subproof(leaves, from, 0, to, true, proof);
        }
        return proof;
    }

    private static void subproof(List<byte[]> leaves, int m, int from, int to, boolean complete, List<byte[]> proof) {
        int n = to - from;
        if (m == n) {
            if (!complete) {
                proof.add(root(leaves, from, to));
            }
            return;
        }
        int k = Integer.highestOneBit(n - 1);
        if (m <= k) {
            subproof(leaves, m, from, from + k, complete, proof);
            proof.add(root(leaves, from + k, to));
        } else {
            subproof(leaves, m - k, from + k, to, false, proof);
            proof.add(root(leaves, from, from + k));
        }
    }

    /** Verifies a consistency proof between two roots as RFC 9162, section 2.1.4.2, does. */
    public static boolean verifyConsistency(long first, long second, byte[] firstRoot, byte[] secondRoot,
            List<byte[]> proof) {
        if (first < 0 || first > second) {
            return false;
        }
        if (first == second) {
            return proof.isEmpty() && Arrays.equals(firstRoot, secondRoot);
        }
        if (first == 0) {
            return proof.isEmpty();
        }
        if (proof.isEmpty()) {
            return false;
        }
        List<byte[]> path = new ArrayList<>(proof);
        if (Long.bitCount(first) == 1) {
            path.add(0, firstRoot);
        }
        long fn = first - 1;
        long sn = second - 1;
        while ((fn & 1) == 1) {
            fn >>= 1;
            sn >>= 1;
        }
        byte[] fr = path.get(0);
        byte[] sr = path.get(0);
        for (byte[] c : path.subList(1, path.size())) {
            if (sn == 0) {
                return false;
            }
            if ((fn & 1) == 1 || fn == sn) {
                fr = node(c, fr);
                sr = node(c, sr);
                while ((fn & 1) == 0 && fn != 0) {
                    fn >>= 1;
                    sn >>= 1;
                }
            } else {
                sr = node(sr, c);
            }
            fn >>= 1;
            sn >>= 1;
        }
        return Arrays.equals(fr, firstRoot) && Arrays.equals(sr, secondRoot) && sn == 0;
    }

    /**
     * The roots of a log that grows one entry at a time, without keeping its leaves: the perfect subtrees its size
     * splits into, largest first (a compact range from 0). Its root is that of the tree of every entry appended.
     */
    public static final class CompactRange {

        private final List<byte[]> subtrees = new ArrayList<>();
        private final List<Long> sizes = new ArrayList<>();
        private long size;

        public void appendEntry(byte[] entryHash) {
            byte[] merged = leaf(entryHash);
            long mergedSize = 1;
            while (!sizes.isEmpty() && sizes.get(sizes.size() - 1) == mergedSize) {
                merged = node(subtrees.remove(subtrees.size() - 1), merged);
                sizes.remove(sizes.size() - 1);
                mergedSize *= 2;
            }
            subtrees.add(merged);
            sizes.add(mergedSize);
            size++;
        }

        public long size() {
            return size;
        }

        public byte[] root() {
            if (subtrees.isEmpty()) {
                return LedgerEntry.sha256();
            }
            byte[] root = subtrees.get(subtrees.size() - 1);
            for (int i = subtrees.size() - 2; i >= 0; i--) {
                root = node(subtrees.get(i), root);
            }
            return root;
        }

        public CompactRange copy() {
            CompactRange copy = new CompactRange();
            copy.subtrees.addAll(subtrees);
            copy.sizes.addAll(sizes);
            copy.size = size;
            return copy;
        }
    }
}
