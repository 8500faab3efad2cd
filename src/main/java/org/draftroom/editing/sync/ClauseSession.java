package org.draftroom.editing.sync;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;

import org.bitbucket.cowwoc.diffmatchpatch.DiffMatchPatch.Diff;

/**
 * The server side of differential synchronization with guaranteed delivery for one clause: the master text and, per
 * joined client, a shadow and a backup shadow with versions (n, m) and the stack of server edits the client has not
 * acknowledged.
 *
 * <p><b>Algorithm</b> (per {@link #receive(ClientMessage)}): the client's acknowledgement m is checked against the
 * shadow; if it matches only the backup shadow, the server's previous answer was lost and the shadow is restored from
 * the backup (its unacknowledged server edits are dropped and recomputed). Each client edit with the shadow's client
 * version is applied <em>exactly</em> to the shadow (the delta must fit it) and <em>fuzzily</em> to the master
 * ({@code patch_apply}); edits with a lower version are duplicates and skipped. The backup is then set to the shadow,
 * and {@code diff(shadow, master)}, if not empty, is pushed onto the server's stack as the next server edit and the
 * shadow becomes the master.
 *
 * <p><b>Thread safety</b>: all methods take one lock per session, so calls for one clause are serialised and the
 * {@link AcknowledgementListener} sees a clause's edits in revision order. Work under the lock is one exact delta
 * application, one fuzzy patch and one diff per message, each linear in the clause's length in the usual case (a diff's
 * work is bounded by {@link TextDiffs#WORK_BUDGET}, never by a clock, so its result does not depend on the load). A refused message, or a listener that throws, leaves the
 * session unchanged.
 */
public final class ClauseSession {

    private final String clauseId;
    private final SyncLimits limits;
    private final AcknowledgementListener listener;
    private final ReentrantLock lock = new ReentrantLock();
    private final TextDiffs diffs;
    private final Map<String, Peer> peers = new HashMap<>();
    private String master;
    private long revision;
    private long nextEpoch;

    /** Per-client state; mutated only under the session lock. */
    private static final class Peer {
        long epoch;
        long lastSeq;
        String shadow;
        long n;
        long m;
        String backup;
        long backupN;
        long backupM;
        final LinkedList<Edit> stack = new LinkedList<>();
    }

    /**
     * @param clauseId    the clause
     * @param initialText its text when the session starts (revision 0)
     * @param limits      protocol limits
     * @param listener    told of edits before they are acknowledged
     * @throws IllegalArgumentException if {@code initialText} is longer than {@link SyncLimits#maxTextLength()}
     */
    public ClauseSession(String clauseId, String initialText, SyncLimits limits, AcknowledgementListener listener) {
        this(clauseId, initialText, limits, listener, new TextDiffs());
    }

    ClauseSession(String clauseId, String initialText, SyncLimits limits, AcknowledgementListener listener,
            TextDiffs diffs) {
        this(clauseId, initialText, 0, limits, listener, diffs);
    }

    /**
     * A session that resumes at {@code initialRevision}: the text is the clause's text after that many journalled
     * edits (several nodes share one journal; a node joining later starts where the journal is).
     */
    ClauseSession(String clauseId, String initialText, long initialRevision, SyncLimits limits,
            AcknowledgementListener listener, TextDiffs diffs) {
        this(clauseId, initialText, initialRevision, 1, limits, listener, diffs);
    }

    /**
     * As above, giving epochs from {@code firstEpoch} on: a session that follows an earlier one of the clause on this
     * server continues its epochs, so a client's (id, epoch) names the edits of one joining only.
     */
    ClauseSession(String clauseId, String initialText, long initialRevision, long firstEpoch, SyncLimits limits,
            AcknowledgementListener listener, TextDiffs diffs) {
        this.nextEpoch = firstEpoch;
        this.revision = initialRevision;
        this.diffs = Objects.requireNonNull(diffs, "diffs");
        if (!SyncCodec.ID.matcher(clauseId).matches()) {
            throw new IllegalArgumentException("bad clause id: " + clauseId);
        }
        if (initialText.length() > limits.maxTextLength()) {
            throw new IllegalArgumentException("clause text longer than " + limits.maxTextLength());
        }
        this.clauseId = clauseId;
        this.master = initialText;
        this.limits = Objects.requireNonNull(limits, "limits");
        this.listener = Objects.requireNonNull(listener, "listener");
    }

    public String clauseId() {
        return clauseId;
    }

    /** The master text now. */
    public String text() {
        lock.lock();
        try {
            return master;
        } finally {
            lock.unlock();
        }
    }

    /** The master text and its revision, read together. */
    public record State(String text, long revision) {
    }

    /** The master text and the revision it is at, consistent with each other. */
    public State state() {
        lock.lock();
        try {
            return new State(master, revision);
        } finally {
            lock.unlock();
        }
    }

    /** How many client edits the master has absorbed since the session started. */
    public long revision() {
        lock.lock();
        try {
            return revision;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Takes in an edit another node acknowledged (read from the shared journal): the master text moves on by the exact
     * {@code masterDelta}, which must be the edit of revision {@code revision() + 1}. The clients of this node see it
     * on their next message, as they see each other's edits.
     *
     * @throws IllegalStateException if {@code revision} is not the next one
     */
    public void absorb(long editRevision, String masterDelta) {
        lock.lock();
        try {
            if (editRevision != revision + 1) {
                throw new IllegalStateException("edit " + editRevision + " does not follow revision " + revision);
            }
            master = Deltas.apply(master, masterDelta);
            revision = editRevision;
        } finally {
            lock.unlock();
        }
    }

    /** The epoch the next {@link #join} gives. */
    long nextEpoch() {
        lock.lock();
        try {
            return nextEpoch;
        } finally {
            lock.unlock();
        }
    }

    /** The clients joined now. */
    public Set<String> clients() {
        lock.lock();
        try {
            return Set.copyOf(peers.keySet());
        } finally {
            lock.unlock();
        }
    }

    /**
     * Joins {@code clientId}, or resets it if already joined (a resync): its shadow and backup become the master, both
     * versions 0, a new epoch begins, and messages of earlier epochs are refused as {@link RejectReason#STALE}.
     */
    public Snapshot join(String clientId) {
        if (!SyncCodec.ID.matcher(clientId).matches()) {
            throw new IllegalArgumentException("bad client id: " + clientId);
        }
        lock.lock();
        try {
            Peer peer = new Peer();
            peer.epoch = nextEpoch++;
            peer.shadow = master;
            peer.backup = master;
            peers.put(clientId, peer);
            return new Snapshot(clientId, clauseId, peer.epoch, master);
        } finally {
            lock.unlock();
        }
    }

    /** Forgets {@code clientId}; its later messages are refused as {@link RejectReason#UNKNOWN_CLIENT}. */
    public void leave(String clientId) {
        lock.lock();
        try {
            peers.remove(clientId);
        } finally {
            lock.unlock();
        }
    }

    /**
     * Applies one client message. The returned {@link SyncOutcome.Accepted} holds the reply to send and the edits it
     * acknowledges; the {@link AcknowledgementListener} has already been told of those edits. Never throws for a bad
     * message; rethrows what the listener throws, with the session unchanged.
     */
    public SyncOutcome receive(ClientMessage message) {
        try {
            SyncCodec.check(message, limits);
        } catch (SyncRejectedException e) {
            return new SyncOutcome.Rejected(e.reason(), e.getMessage());
        }
        if (!clauseId.equals(message.clauseId())) {
            return new SyncOutcome.Rejected(RejectReason.WRONG_CLAUSE, message.clauseId() + " is not " + clauseId);
        }
        lock.lock();
        try {
            return apply(message);
        } catch (SyncRejectedException e) {
            return new SyncOutcome.Rejected(e.reason(), e.getMessage());
        } finally {
            lock.unlock();
        }
    }

    private SyncOutcome apply(ClientMessage message) {
        Peer peer = peers.get(message.clientId());
        if (peer == null) {
            throw new SyncRejectedException(RejectReason.UNKNOWN_CLIENT, message.clientId() + " has not joined");
        }
        if (message.epoch() < peer.epoch) {
            throw new SyncRejectedException(RejectReason.STALE, "epoch " + message.epoch() + " ended");
        }
        if (message.epoch() > peer.epoch) {
            throw new SyncRejectedException(RejectReason.FUTURE_VERSION, "epoch " + message.epoch() + " not begun");
        }
        if (message.seq() <= peer.lastSeq) {
            throw new SyncRejectedException(RejectReason.STALE,
                    "message " + message.seq() + " already seen (last " + peer.lastSeq + ")");
        }

        String shadow = peer.shadow;
        long n = peer.n;
        long m = peer.m;
        LinkedList<Edit> stack = new LinkedList<>(peer.stack);
        long ack = message.serverVersionAcked();
        if (ack != m) {
            if (ack == peer.backupM && ack < m) {
                shadow = peer.backup;
                n = peer.backupN;
                m = peer.backupM;
                stack.clear();
            } else if (ack > m) {
                throw new SyncRejectedException(RejectReason.FUTURE_VERSION,
                        "acknowledges server version " + ack + ", server is at " + m);
            } else {
                throw new SyncRejectedException(RejectReason.VERSION_MISMATCH,
                        "acknowledges server version " + ack + ", server has " + m + " and backup " + peer.backupM);
            }
        }
        stack.removeIf(e -> e.serverVersion() < ack);

        String text = master;
        long rev = revision;
        List<AcknowledgedEdit> acknowledged = new ArrayList<>();
        for (Edit edit : message.edits()) {
            if (edit.clientVersion() < n) {
                continue;
            }
            if (edit.clientVersion() > n) {
                throw new SyncRejectedException(RejectReason.FUTURE_VERSION,
                        "edit " + edit.clientVersion() + " but server expects " + n);
            }
            if (edit.serverVersion() != m) {
                throw new SyncRejectedException(RejectReason.VERSION_MISMATCH,
                        "edit made against server version " + edit.serverVersion() + ", shadow has " + m);
            }
            LinkedList<Diff> change = diffs.decode(shadow, edit.delta());
            String newShadow = diffs.target(change);
            String before = text;
            boolean inStep = text.equals(shadow);
            boolean clean = true;
            if (inStep) {
                text = newShadow;
            } else {
                TextDiffs.Applied applied = diffs.fuzzyApply(shadow, change, text);
                text = applied.text();
                clean = applied.clean();
            }
            if (newShadow.length() > limits.maxTextLength() || text.length() > limits.maxTextLength()) {
                throw new SyncRejectedException(RejectReason.TEXT_TOO_LONG,
                        "clause would be longer than " + limits.maxTextLength() + " UTF-16 units");
            }
            String masterDelta = inStep ? edit.delta() : diffs.delta(before, text);
            acknowledged.add(new AcknowledgedEdit(clauseId, message.clientId(), peer.epoch, n, ++rev, masterDelta,
                    clean));
            shadow = newShadow;
            n++;
        }
        String backup = shadow;
        long backupN = n;
        long backupM = m;
        if (!shadow.equals(text)) {
            stack.add(new Edit(n, m, diffs.delta(shadow, text)));
            shadow = text;
            m++;
        }

        if (!acknowledged.isEmpty()) {
            listener.beforeAcknowledge(List.copyOf(acknowledged));
        }

        boolean masterChanged = !text.equals(master);
        master = text;
        revision = rev;
        peer.lastSeq = message.seq();
        peer.shadow = shadow;
        peer.n = n;
        peer.m = m;
        peer.backup = backup;
        peer.backupN = backupN;
        peer.backupM = backupM;
        peer.stack.clear();
        peer.stack.addAll(stack);

        Set<String> notify = new HashSet<>();
        if (masterChanged) {
            notify.addAll(peers.keySet());
            notify.remove(message.clientId());
        }
        ServerMessage reply = new ServerMessage(message.clientId(), clauseId, peer.epoch, message.seq(), n, stack);
        return new SyncOutcome.Accepted(reply, acknowledged, notify);
    }
}
