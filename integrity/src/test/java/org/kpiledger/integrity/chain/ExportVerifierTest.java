package org.kpiledger.integrity.chain;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** The offline verifier on exports made by hand here: entries of stored rows, a checkpoint signed with a test key. */
class ExportVerifierTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HexFormat HEX = HexFormat.of();
    private final KeyPair key = ed25519();
    private final String verifierKey = SignedCheckpoint.verifierKey("kpi-ledger", key.getPublic());

    @Test
    void anExportOfChainedEntriesWithASignedCheckpointVerifies() throws IOException {
        List<String> lines = export(5, 5);

        ExportVerifier.Result result = verify(lines);

        assertThat(result.verified()).as(result.describe()).isTrue();
        assertThat(result.entries()).isEqualTo(5);
        assertThat(result.covered()).isEqualTo(5);
    }

    @Test
    void entriesAfterTheCheckpointAreChainedButSaidNotSigned() throws IOException {
        ExportVerifier.Result result = verify(export(5, 3));

        assertThat(result.verified()).isTrue();
        assertThat(result.describe()).contains("the 2 after it are chained, not yet signed");
    }

    @Test
    void aChangedPayloadIsNamedByItsPosition() throws IOException {
        List<String> lines = export(5, 5);
        lines.set(2, lines.get(2).replace(payload(3), payload(33)));

        ExportVerifier.Result result = verify(lines);

        assertThat(result.verified()).isFalse();
        assertThat(result.line()).isEqualTo(3);
        assertThat(result.position()).isEqualTo(3);
        assertThat(result.problem()).contains("does not hash to its hash");
    }

    @Test
    void theReadableFormIsNotWhatTheHashCovers() throws IOException {
        List<String> lines = export(2, 2);
        lines.set(0, lines.get(0).replace("\"readable\":{\"note\":\"n1\"}", "\"readable\":{\"note\":\"anything\"}"));

        assertThat(verify(lines).verified()).isTrue();
    }

    @Test
    void aRemovedEntryBreaksTheLinkOfTheNext() throws IOException {
        List<String> lines = export(5, 5);
        lines.remove(1);

        ExportVerifier.Result result = verify(lines);

        assertThat(result.verified()).isFalse();
        assertThat(result.position()).isEqualTo(3);
        assertThat(result.problem()).contains("does not follow the one before it");
    }

    @Test
    void aCheckpointSignedByAnotherKeyOrOverOtherEntriesIsRefused() throws IOException {
        List<String> lines = export(4, 4);
        assertThat(ExportVerifier.verify(reader(lines),
                SignedCheckpoint.verifierKey("kpi-ledger", ed25519().getPublic())).problem()).contains("signature");

        List<String> rehashed = export(4, 4);
        rehashed.set(rehashed.size() - 1, export(6, 6).get(6));
        assertThat(verify(rehashed).problem()).contains("entries");
    }

    @Test
    void anExportWithoutACheckpointVouchesForNothing() throws IOException {
        List<String> lines = export(3, 3);
        lines.remove(lines.size() - 1);

        assertThat(verify(lines).problem()).contains("no signed checkpoint");
    }

    @Test
    void anExportOfSchemeOneStillVerifiesByTheSameRule() throws IOException {
        List<String> lines = new ArrayList<>();
        List<byte[]> hashes = new ArrayList<>();
        String previous = LedgerEntry.GENESIS;
        for (int position = 1; position <= 3; position++) {
            LedgerEntry entry = new LedgerEntry(position, "e" + position, "Kpi", "k", position - 1,
                    "ActualRecordedEvent", "1", "2026-11-26T08:15:02.123Z", Map.of("note", "n" + position),
                    Map.of("actor", "sato"), previous);
            Map<String, Object> line = entry.fields();
            previous = entry.hash();
            line.put("hash", previous);
            hashes.add(HEX.parseHex(previous));
            lines.add(JSON.writeValueAsString(line));
        }
        lines.add(checkpointLine(hashes, 3));

        assertThat(verify(lines).verified()).isTrue();
    }

    /** An export of {@code entries} stored events, the checkpoint signing the first {@code signed}. */
    private List<String> export(int entries, int signed) {
        List<String> lines = new ArrayList<>();
        List<byte[]> hashes = new ArrayList<>();
        String previous = LedgerEntry.GENESIS;
        for (int position = 1; position <= entries; position++) {
            StoredEntry entry = new StoredEntry(position, "e" + position, "Kpi", "1-1-1-01", position - 1,
                    "2026-11-26T08:15:02.123Z", "org.kpiledger.events.kpi.ActualRecordedEvent", "1",
                    payloadBytes(position), "{\"actor\":\"sato\"}".getBytes(StandardCharsets.UTF_8), previous);
            Map<String, Object> line = new LinkedHashMap<>(entry.fields());
            previous = entry.hash();
            line.put("hash", previous);
            line.put("readable", Map.of("note", "n" + position));
            hashes.add(HEX.parseHex(previous));
            lines.add(JSON.writeValueAsString(line));
        }
        lines.add(checkpointLine(hashes, signed));
        return lines;
    }

    private String checkpointLine(List<byte[]> hashes, int size) {
        byte[] root = MerkleTree.rootOfEntries(hashes, size);
        SignedCheckpoint checkpoint = SignedCheckpoint.sign("kpi-ledger", size, root, key.getPrivate(),
                key.getPublic());
        return JSON.writeValueAsString(Map.of("checkpoint", Map.of("size", size, "rootHash", HEX.formatHex(root),
                "note", checkpoint.note())));
    }

    private static byte[] payloadBytes(int position) {
        return ("{\"fiscalYear\":" + (2014 + position) + ",\"value\":{\"amount\":" + position + "}}")
                .getBytes(StandardCharsets.UTF_8);
    }

    private static String payload(int position) {
        return java.util.Base64.getEncoder().encodeToString(payloadBytes(position));
    }

    private ExportVerifier.Result verify(List<String> lines) throws IOException {
        return ExportVerifier.verify(reader(lines), verifierKey);
    }

    private static BufferedReader reader(List<String> lines) {
        return new BufferedReader(new StringReader(String.join("\n", lines) + "\n"));
    }

    private static KeyPair ed25519() {
        try {
            return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
