package org.kpiledger.integrity.ledger;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.kpiledger.platform.commands.CommandDispatcher;
import org.kpiledger.events.integrity.AcknowledgeIntegrityBreakCommand;
import org.kpiledger.events.integrity.IntegrityEvent;
import org.kpiledger.integrity.chain.SignedCheckpoint;
import org.kpiledger.platform.web.InvalidFieldException;
import org.kpiledger.platform.web.LedgerText;
import org.kpiledger.platform.web.ProblemType;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Tamper evidence over HTTP: verification, signed checkpoints, inclusion proofs, acknowledgement of breaks. */
@RestController
@RequestMapping("/api/v1/integrity")
@Tag(name = "Integrity", description = "Proof that the stored history was not altered")
class IntegrityController {

    private static final HexFormat HEX = HexFormat.of();

    private final IntegrityChain chain;
    private final IntegrityStatus status;
    private final IntegrityGuard guard;
    private final CheckpointKeys keys;
    private final CommandDispatcher commands;

    IntegrityController(IntegrityChain chain, IntegrityStatus status, IntegrityGuard guard, CheckpointKeys keys,
            CommandDispatcher commands) {
        this.chain = chain;
        this.status = status;
        this.guard = guard;
        this.keys = keys;
        this.commands = commands;
    }

    /**
     * @param verified       whether the history verifies now
     * @param mismatches     what this verification found
     * @param unacknowledged every break ever found that no administrator acknowledged yet, found now or before
     *                       (writes are refused while there is one)
     * @param acknowledged   whether what this verification found is all acknowledged
     */
    record Report(boolean verified, long events, String head, IntegrityChain.Mismatch firstMismatch,
                  List<IntegrityChain.Mismatch> mismatches, List<IntegrityChain.Mismatch> unacknowledged,
                  boolean acknowledged, CheckpointView checkpoint) {
    }

    record Consistency(long fromSize, List<String> path, CheckpointView checkpoint) {
    }

    record CheckpointView(long size, String rootHash, String note, Instant createdAt, String publicKey) {
    }

    record Proof(long position, int leafIndex, String entryHash, List<String> path, CheckpointView checkpoint) {
    }

    record Acknowledgement(@NotBlank @LedgerText(multiLine = true) @Size(max = 2000) String reason) {
    }

    @GetMapping
    @Operation(summary = "Verifies the whole history: every stored event's hash, every checkpoint's signature and "
            + "root, each stream's sequence, the newest checkpoint against its copy outside the database, and, given "
            + "`checkpoint` (a signed note an auditor kept), that it is a prefix of the log")
    Report verify(@RequestParam(required = false) String checkpoint) {
        IntegrityChain.Verification verification = checkpoint == null ? chain.verifyAll()
                : chain.verifyAgainst(signedNote(checkpoint));
        status.record(verification);
        return report(verification);
    }

    @GetMapping("/consistency")
    @Operation(summary = "Proves (RFC 9162) that the log's first `from` entries, which an older checkpoint signed, "
            + "are a prefix of the log the latest checkpoint signs")
    Consistency consistency(@RequestParam String from) {
        long size = size(from);
        IntegrityChain.ConsistencyProof proof = chain.consistency(size).orElseThrow(() ->
                ProblemType.POSITION_NOT_COVERED.exception(
                        "The latest checkpoint does not cover " + size + " entries yet.", "from"));
        return new Consistency(proof.fromSize(), proof.path().stream().map(HEX::formatHex).toList(),
                view(proof.checkpoint()));
    }

    /** The report of a verification just recorded in {@link IntegrityStatus}. */
    private Report report(IntegrityChain.Verification verification) {
        return new Report(verification.verified(), verification.events(), verification.head(),
                verification.firstMismatch().orElse(null), verification.mismatches(), status.unacknowledged(),
                !verification.verified() && status.unacknowledged().isEmpty(),
                verification.checkpoint() == null ? null : view(verification.checkpoint()));
    }

    @GetMapping("/checkpoints/latest")
    @Operation(summary = "The latest signed checkpoint: log size and Merkle root, as a C2SP signed note")
    CheckpointView latest() {
        return chain.latestCheckpoint().map(this::view).orElseThrow(IntegrityController::noCheckpoint);
    }

    @PostMapping("/checkpoints")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Signs a checkpoint of the log now, if what came since the last one verifies")
    CheckpointView checkpoint() {
        return guard.verifiedCheckpoint().map(this::view).orElseThrow(IntegrityController::noCheckpoint);
    }

    @GetMapping("/proof")
    @Operation(summary = "Proves that the event at a position is covered by the latest checkpoint")
    Proof proof(@RequestParam String position) {
        long at = position(position);
        IntegrityChain.InclusionProof proof = chain.proof(at).orElseThrow(() ->
                ProblemType.POSITION_NOT_COVERED.exception(
                        "No event at position " + at + " is covered by the latest checkpoint yet.", "position"));
        return new Proof(proof.position(), proof.leafIndex(), HEX.formatHex(proof.entryHash()),
                proof.path().stream().map(HEX::formatHex).toList(), view(proof.checkpoint()));
    }

    @GetMapping(value = "/public-key", produces = MediaType.TEXT_PLAIN_VALUE)
    @Operation(summary = "The key checkpoints are signed with, as a C2SP note verifier key")
    String publicKey() {
        return keys.current().verifierKey() + "\n";
    }

    @PostMapping("/acknowledgements")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Records that an administrator acknowledged the breaks found, so that writes go on")
    List<IntegrityChain.Mismatch> acknowledge(@Valid @RequestBody Acknowledgement acknowledgement) {
        List<IntegrityChain.Mismatch> breaks = status.unacknowledged();
        if (breaks.isEmpty()) {
            throw ProblemType.NOTHING_TO_ACKNOWLEDGE.exception(
                    "The last verification found no unacknowledged break.", null);
        }
        List<IntegrityChain.Mismatch> acknowledged = new ArrayList<>();
        for (IntegrityChain.Mismatch mismatch : breaks) {
            commands.send(new AcknowledgeIntegrityBreakCommand(IntegrityEvent.LEDGER,
                    mismatch.position() == null ? -1 : mismatch.position(), mismatch.kind().name(),
                    mismatch.reason(), mismatch.evidence(), acknowledgement.reason()));
            acknowledged.add(mismatch);
        }
        return acknowledged;
    }

    private CheckpointView view(IntegrityChain.Checkpoint checkpoint) {
        return new CheckpointView(checkpoint.size(), HEX.formatHex(checkpoint.rootHash()), checkpoint.note(),
                checkpoint.createdAt(), keys.current().verifierKey());
    }

    private static ErrorResponseException noCheckpoint() {
        return ProblemType.NO_CHECKPOINT.exception(
                "No checkpoint has been signed yet.", null);
    }

    private static SignedCheckpoint signedNote(String note) {
        try {
            return SignedCheckpoint.parse(note);
        } catch (IllegalArgumentException notANote) {
            throw new InvalidFieldException("checkpoint", "Not a signed checkpoint note (C2SP signed-note): "
                    + notANote.getMessage());
        }
    }

    private static long size(String text) {
        try {
            long size = Long.parseLong(text);
            if (size >= 0) {
                return size;
            }
        } catch (NumberFormatException notANumber) {
            // answered below
        }
        throw new InvalidFieldException("from", "A size is a whole number from 0.");
    }

    private static long position(String text) {
        try {
            long position = Long.parseLong(text);
            if (position > 0) {
                return position;
            }
        } catch (NumberFormatException notANumber) {
            // answered below
        }
        throw new InvalidFieldException("position", "A position is a whole number from 1.");
    }
}
