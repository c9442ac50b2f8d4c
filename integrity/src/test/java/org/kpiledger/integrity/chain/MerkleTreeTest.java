package org.kpiledger.integrity.chain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class MerkleTreeTest {

    private static final HexFormat HEX = HexFormat.of();

    /** The leaves of the RFC 6962 test vectors used by Certificate Transparency and Trillian. */
    private static final List<byte[]> RFC6962_LEAVES = List.of(HEX.parseHex(""), HEX.parseHex("00"),
            HEX.parseHex("10"), HEX.parseHex("2021"), HEX.parseHex("3031"), HEX.parseHex("40414243"),
            HEX.parseHex("5051525354555657"), HEX.parseHex("606162636465666768696a6b6c6d6e6f"));

    @Test
    void computesTheRootsOfTheRfc6962TestVectors() {
        List<byte[]> leaves = RFC6962_LEAVES.stream().map(MerkleTree::leaf).toList();

        assertThat(HEX.formatHex(MerkleTree.root(leaves, 1)))
                .isEqualTo("6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d");
        assertThat(HEX.formatHex(MerkleTree.root(leaves, 8)))
                .isEqualTo("5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328");
        assertThat(HEX.formatHex(MerkleTree.root(leaves, 0)))
                .as("the empty tree: SHA-256 of nothing")
                .isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    }

    @Test
    void everyLeafOfEveryTreeSizeHasAProofThatVerifiesAgainstItsRootAndNoOther() {
        List<byte[]> leaves = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            leaves.add(MerkleTree.leaf(LedgerEntry.sha256(new byte[] {(byte) i})));
        }
        for (int size = 1; size <= leaves.size(); size++) {
            byte[] root = MerkleTree.root(leaves, size);
            byte[] otherRoot = MerkleTree.root(leaves, size == 1 ? 2 : size - 1);
            for (int index = 0; index < size; index++) {
                List<byte[]> proof = MerkleTree.inclusionProof(leaves, index, size);
                assertThat(MerkleTree.verifyInclusion(leaves.get(index), index, size, proof, root))
                        .as("leaf %d of %d", index, size).isTrue();
                assertThat(MerkleTree.verifyInclusion(leaves.get((index + 1) % leaves.size()), index, size, proof,
                        root)).as("another leaf in its place").isFalse();
                assertThat(MerkleTree.verifyInclusion(leaves.get(index), index, size, proof, otherRoot))
                        .as("another tree's root").isFalse();
            }
        }
    }

    @Test
    void aCompactRangeGivesTheRootOfEveryPrefixAsTheWholeTreeDoes() {
        List<byte[]> entries = entryHashes(70);
        List<byte[]> leaves = entries.stream().map(MerkleTree::leaf).toList();
        MerkleTree.CompactRange range = new MerkleTree.CompactRange();
        assertThat(range.root()).isEqualTo(MerkleTree.root(leaves, 0));
        for (int size = 1; size <= entries.size(); size++) {
            range.appendEntry(entries.get(size - 1));
            assertThat(range.root()).as("size %d", size).isEqualTo(MerkleTree.root(leaves, size));
            assertThat(range.size()).isEqualTo(size);
        }
    }

    @Test
    void everyPairOfSizesHasAConsistencyProofThatVerifiesAgainstItsRootsAndNoOthers() {
        List<byte[]> leaves = entryHashes(40).stream().map(MerkleTree::leaf).toList();
        for (int second = 1; second <= leaves.size(); second++) {
            byte[] secondRoot = MerkleTree.root(leaves, second);
            for (int first = 1; first <= second; first++) {
                byte[] firstRoot = MerkleTree.root(leaves, first);
                List<byte[]> proof = MerkleTree.consistencyProof(leaves, first, second);
                assertThat(MerkleTree.verifyConsistency(first, second, firstRoot, secondRoot, proof))
                        .as("%d to %d", first, second).isTrue();
                if (first < second) {
                    byte[] forged = MerkleTree.root(leaves.subList(1, leaves.size()), first);
                    assertThat(MerkleTree.verifyConsistency(first, second, forged, secondRoot, proof))
                            .as("%d to %d from a rewritten prefix", first, second).isFalse();
                    assertThat(MerkleTree.verifyConsistency(first, second, firstRoot, firstRoot, proof))
                            .as("%d to %d against the wrong newer root", first, second).isFalse();
                }
            }
        }
    }

    @Test
    void theConsistencyProofsOverTheRfc6962TestVectorsAreTheNodesTheRfcNames() {
        List<byte[]> leaves = RFC6962_LEAVES.stream().map(MerkleTree::leaf).toList();
        // (2, 5): the subtree [2, 4) and the leaf 4; the verifier takes the first root itself, 2 being a power of two
        assertThat(MerkleTree.consistencyProof(leaves, 1, 1)).isEmpty();
        assertThat(MerkleTree.consistencyProof(leaves, 1, 8)).hasSize(3);
        assertThat(MerkleTree.consistencyProof(leaves, 6, 8)).hasSize(3);
        assertThat(MerkleTree.consistencyProof(leaves, 2, 5)).containsExactly(MerkleTree.root(leaves.subList(2, 4), 2),
                leaves.get(4));
        assertThat(HEX.formatHex(MerkleTree.consistencyProof(leaves, 1, 8).get(0)))
                .as("the leaf hash of 0x00, first of the path from 1 to 8")
                .isEqualTo("96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7");
    }

    private static List<byte[]> entryHashes(int count) {
        List<byte[]> entries = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            entries.add(LedgerEntry.sha256(new byte[] {(byte) i}));
        }
        return entries;
    }
}
