package org.kpiledger.integrity.chain;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A checkpoint in the format of C2SP {@code tlog-checkpoint}, as a C2SP {@code signed-note} with an Ed25519
 * signature: the origin line, the log size, the base64 Merkle root ({@link MerkleTree}) of the first {@code size}
 * entries, a blank line, then {@code — <origin> <base64(key id || signature)>}. The key id is the first four bytes of
 * SHA-256(origin || "\n" || 0x01 || public key); the public key is published as the note verifier key
 * {@code <origin>+<key id hex>+<base64(0x01 || public key)>}.
 */
public record SignedCheckpoint(String origin, long size, byte[] root, byte[] keyId, byte[] signature) {

    private static final byte ED25519 = 1;
    private static final byte[] X509_ED25519_PREFIX = HexFormat.of().parseHex("302a300506032b6570032100");
    private static final Pattern NOTE = Pattern.compile(
            "([^\\n]+)\\n(\\d+)\\n([A-Za-z0-9+/=]+)\\n\\n\u2014 ([^ \\n]+) ([A-Za-z0-9+/=]+)\\n");
    private static final Pattern VERIFIER_KEY = Pattern.compile("([^+\\s]+)\\+([0-9a-f]{8})\\+([A-Za-z0-9+/=]+)");

    public static SignedCheckpoint sign(String origin, long size, byte[] root, PrivateKey key, PublicKey publicKey) {
        byte[] body = body(origin, size, root);
        try {
            Signature signer = Signature.getInstance("Ed25519");
            signer.initSign(key);
            signer.update(body);
            return new SignedCheckpoint(origin, size, root, keyId(origin, raw(publicKey)), signer.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot sign a checkpoint with Ed25519", e);
        }
    }

    private static byte[] body(String origin, long size, byte[] root) {
        return (origin + "\n" + size + "\n" + Base64.getEncoder().encodeToString(root) + "\n")
                .getBytes(StandardCharsets.UTF_8);
    }

    /** The signed note's text. */
    public String note() {
        byte[] keyAndSignature = new byte[keyId.length + signature.length];
        System.arraycopy(keyId, 0, keyAndSignature, 0, keyId.length);
        System.arraycopy(signature, 0, keyAndSignature, keyId.length, signature.length);
        return new String(body(origin, size, root), StandardCharsets.UTF_8) + "\n\u2014 " + origin + " "
                + Base64.getEncoder().encodeToString(keyAndSignature) + "\n";
    }

    public static SignedCheckpoint parse(String note) {
        Matcher matcher = NOTE.matcher(note);
        if (!matcher.matches() || !matcher.group(1).equals(matcher.group(4))) {
            throw new IllegalArgumentException("Not a signed checkpoint note of this ledger's form");
        }
        byte[] keyAndSignature = Base64.getDecoder().decode(matcher.group(5));
        if (keyAndSignature.length != 4 + 64) {
            throw new IllegalArgumentException("The checkpoint's signature line is not an Ed25519 signature");
        }
        return new SignedCheckpoint(matcher.group(1), Long.parseLong(matcher.group(2)),
                Base64.getDecoder().decode(matcher.group(3)), Arrays.copyOf(keyAndSignature, 4),
                Arrays.copyOfRange(keyAndSignature, 4, keyAndSignature.length));
    }

    /** Whether the note was signed by the key a verifier key names, for this origin. */
    public boolean verifiedBy(String verifierKey) {
        Matcher matcher = VERIFIER_KEY.matcher(verifierKey.strip());
        if (!matcher.matches() || !matcher.group(1).equals(origin)) {
            return false;
        }
        byte[] typedKey = Base64.getDecoder().decode(matcher.group(3));
        if (typedKey.length != 33 || typedKey[0] != ED25519) {
            return false;
        }
        byte[] raw = Arrays.copyOfRange(typedKey, 1, typedKey.length);
        if (!Arrays.equals(keyId(origin, raw), keyId) || !matcher.group(2).equals(HexFormat.of().formatHex(keyId))) {
            return false;
        }
        try {
            Signature verifier = Signature.getInstance("Ed25519");
            verifier.initVerify(publicKey(raw));
            verifier.update(body(origin, size, root));
            return verifier.verify(signature);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    public static String verifierKey(String origin, PublicKey publicKey) {
        byte[] raw = raw(publicKey);
        byte[] typed = new byte[33];
        typed[0] = ED25519;
        System.arraycopy(raw, 0, typed, 1, 32);
        return origin + "+" + HexFormat.of().formatHex(keyId(origin, raw)) + "+"
                + Base64.getEncoder().encodeToString(typed);
    }

    private static byte[] keyId(String origin, byte[] rawPublicKey) {
        return Arrays.copyOf(LedgerEntry.sha256(LedgerEntry.utf8(origin + "\n"), new byte[] {ED25519}, rawPublicKey),
                4);
    }

    private static byte[] raw(PublicKey publicKey) {
        byte[] encoded = publicKey.getEncoded();
        return Arrays.copyOfRange(encoded, encoded.length - 32, encoded.length);
    }

    private static PublicKey publicKey(byte[] raw) throws GeneralSecurityException {
        byte[] encoded = Arrays.copyOf(X509_ED25519_PREFIX, X509_ED25519_PREFIX.length + 32);
        System.arraycopy(raw, 0, encoded, X509_ED25519_PREFIX.length, 32);
        return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(encoded));
    }
}
