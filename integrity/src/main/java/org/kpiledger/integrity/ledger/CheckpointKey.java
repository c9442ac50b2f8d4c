package org.kpiledger.integrity.ledger;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.kpiledger.integrity.chain.SignedCheckpoint;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Ed25519 key that signs one tenant's checkpoints ({@link CheckpointKeys}), from a PEM file (a private key in
 * PKCS#8 and its public key), generated there at its first use when the file does not exist. Without a file, a key for
 * this run only (the tests): checkpoints it signs cannot be checked after a restart.
 */
public class CheckpointKey {

    private static final Logger LOG = LoggerFactory.getLogger(CheckpointKey.class);
    private static final Pattern PEM = Pattern.compile("-----BEGIN ([A-Z ]+)-----([A-Za-z0-9+/=\\s]+)-----END \\1-----");

    private final String origin;
    private final KeyPair keys;
    private final Path outsideCopy;
    private volatile SignedCheckpoint newestSigned;

    /** @param file the key's PEM file; blank for a key of this run only */
    CheckpointKey(String origin, String file) throws IOException, GeneralSecurityException {
        this.origin = origin;
        this.outsideCopy = file.isBlank() ? null
                : Path.of(file).toAbsolutePath().resolveSibling(Path.of(file).getFileName() + ".latest-checkpoint");
        if (outsideCopy != null && Files.exists(outsideCopy)) {
            newestSigned = SignedCheckpoint.parse(Files.readString(outsideCopy, StandardCharsets.UTF_8));
        }
        if (file.isBlank()) {
            keys = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        } else if (Files.exists(Path.of(file))) {
            keys = read(Files.readString(Path.of(file)));
        } else {
            keys = generateOrRead(Path.of(file));
        }
    }

    public String origin() {
        return origin;
    }

    /** The public key as a C2SP note verifier key, what auditors check checkpoints and exports with. */
    public String verifierKey() {
        return SignedCheckpoint.verifierKey(origin, keys.getPublic());
    }

    public SignedCheckpoint sign(long size, byte[] root) {
        return SignedCheckpoint.sign(origin, size, root, keys.getPrivate(), keys.getPublic());
    }

    /**
     * Keeps a checkpoint, once stored, as the newest this ledger signed: in memory, and in a file beside the key
     * ({@code <key file>.latest-checkpoint}), outside the database, so that a database whose newest checkpoints were
     * removed, or whose log was cut back behind them, is caught even across restarts. Called only after the
     * checkpoint committed: a crash between the two leaves the copy behind the database, never ahead of it.
     */
    public synchronized void keepOutside(SignedCheckpoint signed) {
        SignedCheckpoint newest = newestSigned;
        if (newest == null || newest.size() <= signed.size()) {
            newestSigned = signed;
            writeOutsideCopy(signed);
        }
    }

    /** The newest checkpoint this ledger is known to have signed, from outside the database. */
    public Optional<SignedCheckpoint> newestSigned() {
        return Optional.ofNullable(newestSigned);
    }

    public Optional<Path> outsideCopy() {
        return Optional.ofNullable(outsideCopy);
    }

    private void writeOutsideCopy(SignedCheckpoint signed) {
        if (outsideCopy == null) {
            return;
        }
        try {
            Path written = Files.createTempFile(outsideCopy.getParent(), "latest-checkpoint", ".tmp");
            Files.writeString(written, signed.note(), StandardCharsets.UTF_8);
            Files.move(written, outsideCopy, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot keep the newest checkpoint in " + outsideCopy, e);
        }
    }

    private static KeyPair read(String pem) throws GeneralSecurityException {
        PrivateKey privateKey = null;
        PublicKey publicKey = null;
        Matcher block = PEM.matcher(pem);
        KeyFactory factory = KeyFactory.getInstance("Ed25519");
        while (block.find()) {
            byte[] der = Base64.getMimeDecoder().decode(block.group(2));
            if (block.group(1).equals("PRIVATE KEY")) {
                privateKey = factory.generatePrivate(new PKCS8EncodedKeySpec(der));
            } else if (block.group(1).equals("PUBLIC KEY")) {
                publicKey = factory.generatePublic(new X509EncodedKeySpec(der));
            }
        }
        if (privateKey == null || publicKey == null) {
            throw new IllegalStateException("The signing key file holds no Ed25519 PRIVATE KEY and PUBLIC KEY");
        }
        return new KeyPair(publicKey, privateKey);
    }

    /**
     * Generates the key into the file; reads the file instead when another process generated it first (two
     * command sides that meet a new tenant at once).
     */
    private KeyPair generateOrRead(Path file) throws IOException, GeneralSecurityException {
        KeyPair generated = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        try {
            write(file, generated);
        } catch (FileAlreadyExistsException generatedElsewhere) {
            return read(Files.readString(file));
        }
        LOG.info("Generated the checkpoint signing key of {} in {}; its public key: {}", origin, file,
                SignedCheckpoint.verifierKey(origin, generated.getPublic()));
        return generated;
    }

    private static void write(Path file, KeyPair keys) throws IOException {
        Path directory = file.toAbsolutePath().getParent();
        Files.createDirectories(directory);
        String pem = block("PRIVATE KEY", keys.getPrivate().getEncoded()) + block("PUBLIC KEY",
                keys.getPublic().getEncoded());
        Path written = Files.createTempFile(directory, "signing-key", ".tmp");
        try {
            Files.setPosixFilePermissions(written, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            LOG.warn("Cannot restrict {} to its owner on this file system", file);
        }
        Files.writeString(written, pem, StandardCharsets.US_ASCII);
        try {
            Files.move(written, file);
        } finally {
            Files.deleteIfExists(written);
        }
    }

    private static String block(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }
}
