package org.kpiledger.integrity.chain;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Verifies an export without the service (docs/integrity.md): each entry follows the one before it
 * ({@code previousHash}) and hashes to its {@code hash} (the canonical JSON of its members but {@code hash} and the
 * unhashed {@code readable}; an entry of scheme 2 names its scheme, one of scheme 1 does not, and the rule is the
 * same); the checkpoint line's note is signed by the given public key, and its root is the Merkle root of the first
 * entries it counts.
 */
public final class ExportVerifier {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HexFormat HEX = HexFormat.of();

    private ExportVerifier() {
    }

    /**
     * @param line       the line of the first problem (from 1), when there is one
     * @param covered    how many entries the signed checkpoint covers
     */
    public record Result(boolean verified, long entries, String head, long covered, Long line, Long position,
                         String problem) {

        public String describe() {
            if (verified) {
                return "VERIFIED: " + entries + " entries, head " + head + "; the checkpoint signs the first "
                        + covered + (covered == entries ? "" : " (the " + (entries - covered)
                        + " after it are chained, not yet signed)");
            }
            return "NOT VERIFIED: line " + line + (position == null ? "" : ", position " + position) + ": "
                    + problem;
        }
    }

    @SuppressWarnings("unchecked")
    public static Result verify(BufferedReader export, String verifierKey) throws IOException {
        String previous = LedgerEntry.GENESIS;
        List<byte[]> hashes = new ArrayList<>();
        long lineNumber = 0;
        String text;
        boolean checkpointSeen = false;
        long covered = 0;
        while ((text = export.readLine()) != null) {
            lineNumber++;
            if (checkpointSeen) {
                return failed(hashes, previous, lineNumber, null, "a line after the checkpoint line");
            }
            Map<String, Object> fields;
            try {
                fields = JSON.readValue(text, LinkedHashMap.class);
            } catch (JacksonException notJson) {
                return failed(hashes, previous, lineNumber, null, "not a JSON object: " + notJson.getOriginalMessage());
            }
            if (fields.size() == 1 && fields.get("checkpoint") instanceof Map<?, ?> checkpoint) {
                checkpointSeen = true;
                SignedCheckpoint signed;
                try {
                    signed = SignedCheckpoint.parse(String.valueOf(checkpoint.get("note")));
                } catch (IllegalArgumentException e) {
                    return failed(hashes, previous, lineNumber, null, e.getMessage());
                }
                if (!signed.verifiedBy(verifierKey)) {
                    return failed(hashes, previous, lineNumber, null,
                            "the checkpoint's signature does not verify with the given public key");
                }
                if (signed.size() > hashes.size()) {
                    return failed(hashes, previous, lineNumber, null, "the checkpoint signs " + signed.size()
                            + " entries, the export holds " + hashes.size());
                }
                if (!Arrays.equals(MerkleTree.rootOfEntries(hashes, (int) signed.size()), signed.root())) {
                    return failed(hashes, previous, lineNumber, null, "the first " + signed.size()
                            + " entries do not hash to the root the checkpoint signs");
                }
                covered = signed.size();
                continue;
            }
            Object position = fields.get("position");
            Long at = position instanceof Number number ? number.longValue() : null;
            Object hash = fields.remove("hash");
            fields.remove("readable");
            if (!(hash instanceof String stated) || !stated.matches("[0-9a-f]{64}")) {
                return failed(hashes, previous, lineNumber, at, "the entry has no hash");
            }
            if (!previous.equals(fields.get("previousHash"))) {
                return failed(hashes, previous, lineNumber, at, "the entry does not follow the one before it: an "
                        + "entry was removed, inserted or moved here");
            }
            String computed;
            try {
                computed = LedgerEntry.hash(fields);
            } catch (IllegalArgumentException e) {
                return failed(hashes, previous, lineNumber, at, e.getMessage());
            }
            if (!computed.equals(stated)) {
                return failed(hashes, previous, lineNumber, at, "the entry does not hash to its hash: it was changed");
            }
            previous = stated;
            hashes.add(HEX.parseHex(stated));
        }
        if (!checkpointSeen) {
            return failed(hashes, previous, lineNumber + 1, null, "no signed checkpoint: nothing vouches for the chain");
        }
        return new Result(true, hashes.size(), previous, covered, null, null, null);
    }

    private static Result failed(List<byte[]> hashes, String previous, long line, Long position, String problem) {
        return new Result(false, hashes.size(), previous, 0, line, position, problem);
    }
}
