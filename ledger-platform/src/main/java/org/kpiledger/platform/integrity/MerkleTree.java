package org.kpiledger.platform.integrity;

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

    private static byte[] node(byte[] left, byte[] right) {
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
}
