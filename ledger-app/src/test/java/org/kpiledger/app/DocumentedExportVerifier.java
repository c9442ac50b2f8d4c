package org.kpiledger.app;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import tools.jackson.databind.json.JsonMapper;

/**
 * An auditor's verifier written from {@code docs/integrity.md} alone, sharing no code with the ledger: canonical JSON
 * by the document's rules, SHA-256, the RFC 6962 Merkle tree, the C2SP signed note and the verifier key. Answers
 * null when the export verifies, otherwise what failed.
 */
final class DocumentedExportVerifier {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HexFormat HEX = HexFormat.of();

    private DocumentedExportVerifier() {
    }

    @SuppressWarnings("unchecked")
    static String problemWith(String export, String verifierKey) throws Exception {
        String previous = "0".repeat(64);
        List<byte[]> hashes = new ArrayList<>();
        for (String line : export.lines().toList()) {
            Map<String, Object> entry = JSON.readValue(line, Map.class);
            if (entry.containsKey("checkpoint")) {
                return checkpointProblem((String) ((Map<String, Object>) entry.get("checkpoint")).get("note"),
                        hashes, verifierKey);
            }
            Map<String, Object> hashed = new TreeMap<>(entry);
            hashed.remove("hash");
            hashed.remove("readable");
            if (!previous.equals(hashed.get("previousHash"))) {
                return "position " + entry.get("position") + " does not follow the entry before it";
            }
            String hash = HEX.formatHex(sha256(canonical(hashed).getBytes(StandardCharsets.UTF_8)));
            if (!hash.equals(entry.get("hash"))) {
                return "position " + entry.get("position") + " does not hash to its hash";
            }
            previous = hash;
            hashes.add(HEX.parseHex(hash));
        }
        return "no checkpoint line";
    }

    /** Members sorted by name, no whitespace, strings escaped as the document says; the entry holds no nesting. */
    private static String canonical(Map<String, Object> members) {
        StringBuilder json = new StringBuilder("{");
        for (Map.Entry<String, Object> member : members.entrySet()) {
            if (json.length() > 1) {
                json.append(',');
            }
            json.append(string(member.getKey())).append(':');
            Object value = member.getValue();
            json.append(value == null ? "null" : value instanceof String text ? string(text)
                    : new BigInteger(value.toString()).toString());
        }
        return json.append('}').toString();
    }

    private static String string(String text) {
        StringBuilder json = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                case '\b' -> json.append("\\b");
                case '\f' -> json.append("\\f");
                case '\n' -> json.append("\\n");
                case '\r' -> json.append("\\r");
                case '\t' -> json.append("\\t");
                default -> json.append(c < 0x20 ? String.format("\\u%04x", (int) c) : String.valueOf(c));
            }
        }
        return json.append('"').toString();
    }

    private static String checkpointProblem(String note, List<byte[]> hashes, String verifierKey) throws Exception {
        String[] lines = note.split("\n");
        String body = lines[0] + "\n" + lines[1] + "\n" + lines[2] + "\n";
        byte[] signature = Base64.getDecoder().decode(lines[4].substring(lines[4].lastIndexOf(' ') + 1));
        String[] key = verifierKey.trim().split("\\+", 3);
        byte[] rawKey = Arrays.copyOfRange(Base64.getDecoder().decode(key[2]), 1, 33);
        if (!HEX.formatHex(Arrays.copyOf(signature, 4)).equals(key[1])) {
            return "the note is signed by another key";
        }
        Signature ed25519 = Signature.getInstance("Ed25519");
        ed25519.initVerify(KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(
                concat(HEX.parseHex("302a300506032b6570032100"), rawKey))));
        ed25519.update(body.getBytes(StandardCharsets.UTF_8));
        if (!ed25519.verify(Arrays.copyOfRange(signature, 4, signature.length))) {
            return "the note's signature does not verify";
        }
        int size = Integer.parseInt(lines[1]);
        List<byte[]> leaves = new ArrayList<>();
        for (byte[] hash : hashes.subList(0, size)) {
            leaves.add(sha256(concat(new byte[] {0}, hash)));
        }
        return Arrays.equals(root(leaves), Base64.getDecoder().decode(lines[2])) ? null
                : "the first " + size + " entries do not hash to the signed root";
    }

    private static byte[] root(List<byte[]> leaves) throws Exception {
        if (leaves.size() == 1) {
            return leaves.get(0);
        }
        int split = Integer.highestOneBit(leaves.size() - 1);
        return sha256(concat(new byte[] {1}, concat(root(leaves.subList(0, split)),
                root(leaves.subList(split, leaves.size())))));
    }

    private static byte[] sha256(byte[] bytes) throws Exception {
        return MessageDigest.getInstance("SHA-256").digest(bytes);
    }

    private static byte[] concat(byte[] first, byte[] second) {
        byte[] both = Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, both, first.length, second.length);
        return both;
    }
}
