package vn.partyledger.verifier;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MerkleTest {

    @Test
    void the_empty_tree_and_a_single_leaf_hash_as_rfc_9162_defines() {
        assertThat(Merkle.root(List.of())).isEqualTo(Hashes.sha256(new byte[0]));
        byte[] leaf = Merkle.leafHash("a".getBytes(StandardCharsets.UTF_8));
        assertThat(Merkle.root(List.of(leaf))).isEqualTo(leaf);
    }

    @Test
    void leaves_and_nodes_are_hashed_with_different_prefixes() {
        byte[] data = "x".getBytes(StandardCharsets.UTF_8);
        byte[] withPrefix = new byte[data.length + 1];
        System.arraycopy(data, 0, withPrefix, 1, data.length);
        assertThat(Merkle.leafHash(data)).isEqualTo(Hashes.sha256(withPrefix));

        byte[] a = Merkle.leafHash("a".getBytes(StandardCharsets.UTF_8));
        byte[] b = Merkle.leafHash("b".getBytes(StandardCharsets.UTF_8));
        byte[] node = new byte[65];
        node[0] = 1;
        System.arraycopy(a, 0, node, 1, 32);
        System.arraycopy(b, 0, node, 33, 32);
        assertThat(Merkle.root(List.of(a, b))).isEqualTo(Hashes.sha256(node));
    }

    @Test
    void every_leaf_of_trees_of_every_size_up_to_40_is_proven_and_nothing_else_is() {
        for (int size = 1; size <= 40; size++) {
            List<byte[]> leaves = leaves(size);
            byte[] root = Merkle.root(leaves);
            for (int i = 0; i < size; i++) {
                List<byte[]> proof = Merkle.inclusionProof(i, leaves);
                assertThat(Merkle.proves(i, size, leaves.get(i), proof, root)).as("leaf %d of %d", i, size).isTrue();
                assertThat(Merkle.proves(i, size, Merkle.leafHash(new byte[] {9}), proof, root)).isFalse();
                if (size > 1) {
                    assertThat(Merkle.proves((i + 1) % size, size, leaves.get(i), proof, root)).isFalse();
                }
            }
        }
    }

    @Test
    void a_proof_with_one_sibling_changed_leads_to_another_root() {
        List<byte[]> leaves = leaves(7);
        List<byte[]> proof = new ArrayList<>(Merkle.inclusionProof(3, leaves));
        proof.set(1, Merkle.leafHash(new byte[] {1}));

        assertThat(Merkle.proves(3, 7, leaves.get(3), proof, Merkle.root(leaves))).isFalse();
    }

    private static List<byte[]> leaves(int n) {
        List<byte[]> leaves = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            leaves.add(Merkle.leafHash(("leaf " + i).getBytes(StandardCharsets.UTF_8)));
        }
        return leaves;
    }
}
