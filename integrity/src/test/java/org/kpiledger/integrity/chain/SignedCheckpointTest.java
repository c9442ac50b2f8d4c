package org.kpiledger.integrity.chain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class SignedCheckpointTest {

    private static final byte[] ROOT = LedgerEntry.sha256("root".getBytes());

    @Test
    void aSignedNoteParsesBackAndVerifiesWithItsKeyOnly() throws Exception {
        KeyPair keys = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        KeyPair others = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        String note = SignedCheckpoint.sign("kpi-ledger", 42, ROOT, keys.getPrivate(), keys.getPublic()).note();

        assertThat(note).startsWith("kpi-ledger\n42\n").contains("\n\n\u2014 kpi-ledger ");
        SignedCheckpoint parsed = SignedCheckpoint.parse(note);
        assertThat(parsed.size()).isEqualTo(42);
        assertThat(parsed.root()).isEqualTo(ROOT);
        assertThat(parsed.verifiedBy(SignedCheckpoint.verifierKey("kpi-ledger", keys.getPublic()))).isTrue();
        assertThat(parsed.verifiedBy(SignedCheckpoint.verifierKey("kpi-ledger", others.getPublic()))).isFalse();
        assertThat(parsed.verifiedBy(SignedCheckpoint.verifierKey("another-origin", keys.getPublic()))).isFalse();
    }

    @Test
    void aChangedSizeOrRootNoLongerVerifies() throws Exception {
        KeyPair keys = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        String key = SignedCheckpoint.verifierKey("kpi-ledger", keys.getPublic());
        String note = SignedCheckpoint.sign("kpi-ledger", 42, ROOT, keys.getPrivate(), keys.getPublic()).note();

        assertThat(SignedCheckpoint.parse(note.replace("\n42\n", "\n41\n")).verifiedBy(key)).isFalse();
        String otherRoot = Base64.getEncoder().encodeToString(LedgerEntry.sha256("other".getBytes()));
        String rootLine = note.split("\n")[2];
        assertThat(SignedCheckpoint.parse(note.replace(rootLine, otherRoot)).verifiedBy(key)).isFalse();
        assertThatThrownBy(() -> SignedCheckpoint.parse("kpi-ledger\n42\n")).isInstanceOf(
                IllegalArgumentException.class);
    }
}
