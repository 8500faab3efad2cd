package org.draftroom.editing.sync;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The server side for all clauses being co-edited: one {@link ClauseSession} per clause, opened on first use with
 * the text {@code loader} gives. Thread-safe; calls for different clauses run in parallel, calls for one clause are
 * serialised by its session.
 */
public final class ServerSync {

    private final SyncLimits limits;
    private final Function<String, Start> loader;
    private final AcknowledgementListener listener;
    private final Supplier<TextDiffs> diffs;
    private final Map<String, ClauseSession> sessions = new ConcurrentHashMap<>();
    /** Per clause, the first epoch of its next session: epochs never repeat for a clause on this server. */
    private final Map<String, Long> nextEpochs = new ConcurrentHashMap<>();

    /**
     * @param limits   protocol limits for every session
     * @param loader   the current text of a clause, by clause id, when its session opens
     * @param listener told of every clause's edits before they are acknowledged
     */
    public ServerSync(SyncLimits limits, Function<String, String> loader, AcknowledgementListener listener) {
        this(limits, loader, listener, TextDiffs::new);
    }

    ServerSync(SyncLimits limits, Function<String, String> loader, AcknowledgementListener listener,
            Supplier<TextDiffs> diffs) {
        this(limits, diffs, listener, id -> new Start(loader.apply(id), 0));
        Objects.requireNonNull(loader, "loader");
    }

    private ServerSync(SyncLimits limits, Supplier<TextDiffs> diffs, AcknowledgementListener listener,
            Function<String, Start> loader) {
        this.diffs = Objects.requireNonNull(diffs, "diffs");
        this.limits = Objects.requireNonNull(limits, "limits");
        this.loader = loader;
        this.listener = Objects.requireNonNull(listener, "listener");
    }

    /** Where a clause's session starts: its text after {@code revision} journalled edits. */
    public record Start(String text, long revision) {
    }

    /**
     * Sessions that resume from a journal shared with other nodes: {@code loader} gives a clause's text and the
     * revision it is at, so the edits this node acknowledges continue the shared revision sequence.
     */
    public static ServerSync resuming(SyncLimits limits, Function<String, Start> loader,
                                      AcknowledgementListener listener) {
        return new ServerSync(limits, TextDiffs::new, listener, Objects.requireNonNull(loader, "loader"));
    }

    /**
     * Forgets the clause's session with its clients (their next message is refused as
     * {@link RejectReason#UNKNOWN_CLIENT}, so they join again and rebase their unsent typing).
     */
    public void drop(String clauseId) {
        sessions.computeIfPresent(clauseId, (id, s) -> ended(s));
    }

    /** Notes where the clause's epochs go on after {@code session}, which ends; null, to remove it. */
    private ClauseSession ended(ClauseSession session) {
        nextEpochs.merge(session.clauseId(), session.nextEpoch(), Math::max);
        return null;
    }

    /** Joins (or rejoins, see {@link ClauseSession#join}) {@code clientId} to the clause, opening its session. */
    public Snapshot join(String clauseId, String clientId) {
        return sessions.computeIfAbsent(clauseId, id -> {
                    Start start = loader.apply(id);
                    return new ClauseSession(id, start.text(), start.revision(), nextEpochs.getOrDefault(id, 1L),
                            limits, listener, diffs.get());
                })
                .join(clientId);
    }

    /** Removes {@code clientId} from the clause; the session stays open for the others. */
    public void leave(String clauseId, String clientId) {
        session(clauseId).ifPresent(s -> s.leave(clientId));
    }

    /** Applies a message; a clause without a session refuses it as {@link RejectReason#UNKNOWN_CLIENT}. */
    public SyncOutcome receive(ClientMessage message) {
        ClauseSession session = sessions.get(message.clauseId());
        if (session == null) {
            return new SyncOutcome.Rejected(RejectReason.UNKNOWN_CLIENT, "no editing session for the clause");
        }
        return session.receive(message);
    }

    public Optional<ClauseSession> session(String clauseId) {
        return Optional.ofNullable(sessions.get(clauseId));
    }

    /**
     * Closes the clause's session if nobody is joined, returning it so that its final text can be checkpointed.
     * A client that joins concurrently opens a fresh session from {@code loader}.
     */
    public Optional<ClauseSession> closeIfIdle(String clauseId) {
        ClauseSession[] closed = new ClauseSession[1];
        sessions.computeIfPresent(clauseId, (id, s) -> {
            if (s.clients().isEmpty()) {
                closed[0] = s;
                return ended(s);
            }
            return s;
        });
        return Optional.ofNullable(closed[0]);
    }

    public SyncLimits limits() {
        return limits;
    }
}
