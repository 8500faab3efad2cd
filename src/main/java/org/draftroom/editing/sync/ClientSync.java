package org.draftroom.editing.sync;

import java.util.ArrayList;
import java.util.LinkedList;
import java.util.Objects;

import org.bitbucket.cowwoc.diffmatchpatch.DiffMatchPatch.Diff;

/**
 * The client side of differential synchronization with guaranteed delivery, for one clause: the text the user edits,
 * the shadow (what the client believes the server's shadow of it is) with versions (n, m), and the stack of edits the
 * server has not acknowledged. Used as a simulated browser in tests and benchmarks; the browser runs the same steps in
 * JavaScript (see {@code docs/sync-protocol.md}).
 *
 * <p>The client initiates every exchange and has at most one message in flight: it sends the next one when the answer
 * to the last has arrived, or when it gives up waiting (then the old message may still arrive; the server refuses it
 * as a duplicate). Only the answer to the latest message is applied; an earlier answer's acknowledgements are
 * honoured, its edits ignored. So the server's edits always fit the client's shadow: when an answer is lost, the next
 * message acknowledges an older server version and the server restores its backup shadow and recomputes its edits.
 * That is why the client needs no backup shadow of its own; the server keeps one per client.
 *
 * <p>Not thread-safe: one instance per editor, used from one thread at a time. All offsets are UTF-16 code units.
 */
public final class ClientSync {

    /** What became of a server message. */
    public enum Result {
        /** Applied (possibly only its acknowledgements). */
        APPLIED,
        /**
         * From an earlier epoch, a duplicate, or the answer to a message other than the latest one; ignored except for
         * its acknowledgements.
         */
        IGNORED,
        /** The server's edits do not fit this client's shadow; call {@link #resync(Snapshot)}. */
        RESYNC_NEEDED
    }

    private final SyncLimits limits;
    private final TextDiffs diffs;
    private final LinkedList<Edit> stack = new LinkedList<>();
    private String clientId;
    private String clauseId;
    private long epoch;
    private String text;
    private String shadow;
    /** The shadow the first stacked edit was made on: the stack's edits, in order, turn it into the shadow. */
    private String stackBase;
    private long n;
    private long m;
    private long seq;
    private boolean answered;

    public ClientSync(Snapshot snapshot, SyncLimits limits) {
        this(snapshot, limits, new TextDiffs());
    }

    ClientSync(Snapshot snapshot, SyncLimits limits, TextDiffs diffs) {
        this.limits = Objects.requireNonNull(limits, "limits");
        this.diffs = Objects.requireNonNull(diffs, "diffs");
        start(snapshot);
    }

    private void start(Snapshot snapshot) {
        clientId = snapshot.clientId();
        clauseId = snapshot.clauseId();
        epoch = snapshot.epoch();
        shadow = snapshot.text();
        stackBase = shadow;
        n = 0;
        m = 0;
        seq = 0;
        answered = true;
        stack.clear();
    }

    /** The text the user sees. */
    public String text() {
        return text == null ? shadow : text;
    }

    /** Replaces the user's text (what the editor widget holds after the user typed). */
    public void setText(String newText) {
        text = Objects.requireNonNull(newText, "newText");
    }

    /**
     * The user deleted {@code deleteCount} UTF-16 units at {@code offset} and inserted {@code insert} there.
     *
     * @throws IndexOutOfBoundsException if the range is outside the text
     */
    public void edit(int offset, int deleteCount, String insert) {
        String current = text();
        text = current.substring(0, offset) + insert + current.substring(offset + deleteCount);
    }

    /** Whether there is typing or an edit the server has not acknowledged. */
    public boolean hasUnacknowledged() {
        return !stack.isEmpty() || !text().equals(shadow);
    }

    /**
     * The next message to send: if the text differs from the shadow and the stack has room, the difference is stacked
     * as a new edit and becomes the shadow. A message is sent even without edits, to poll for the others' changes.
     */
    public ClientMessage nextMessage() {
        String current = TextDiffs.wellFormed(text());
        text = current;
        if (!current.equals(shadow) && stack.size() < limits.maxEditsPerMessage()) {
            if (stack.isEmpty()) {
                stackBase = shadow;
            }
            stack.add(new Edit(n, m, diffs.delta(shadow, current)));
            shadow = current;
            n++;
        }
        answered = false;
        return new ClientMessage(clientId, clauseId, epoch, ++seq, m, new ArrayList<>(stack));
    }

    /** Whether the latest message has not been answered yet; send the next one only after a timeout. */
    public boolean awaitingReply() {
        return !answered;
    }

    /**
     * Applies a server message: drops acknowledged edits, applies each new server edit exactly to the shadow and
     * fuzzily to the text. Changes nothing when the result is not {@link Result#APPLIED}, except that
     * acknowledgements are always honoured.
     */
    public Result receive(ServerMessage message) {
        if (message.epoch() != epoch || !clientId.equals(message.clientId()) || message.seq() > seq) {
            return Result.IGNORED;
        }
        dropAcknowledged(message.clientVersionAcked());
        if (message.seq() != seq || answered) {
            return Result.IGNORED;
        }
        answered = true;
        for (Edit edit : message.edits()) {
            if (edit.serverVersion() < m) {
                continue;
            }
            if (edit.serverVersion() > m || edit.clientVersion() > n) {
                return Result.RESYNC_NEEDED;
            }
            if (edit.clientVersion() < n) {
                continue;
            }
            LinkedList<Diff> change;
            try {
                change = diffs.decode(shadow, edit.delta());
            } catch (SyncRejectedException e) {
                return Result.RESYNC_NEEDED;
            }
            String newShadow = diffs.target(change);
            String current = text();
            if (current.equals(shadow)) {
                text = newShadow;
            } else {
                text = diffs.fuzzyApply(shadow, change, current).text();
            }
            shadow = newShadow;
            m++;
        }
        return Result.APPLIED;
    }

    /** Drops the stacked edits numbered below {@code acked} (the server has them), moving the stack's base past them. */
    private void dropAcknowledged(long acked) {
        int dropped = (int) stack.stream().filter(e -> e.clientVersion() < acked).count();
        if (dropped > 0 && dropped < stack.size()) {
            stackBase = textAfter(dropped);
        }
        stack.removeIf(e -> e.clientVersion() < acked);
    }

    /** The stack's base with its first {@code count} edits applied. */
    private String textAfter(int count) {
        String after = stackBase;
        for (int i = 0; i < count; i++) {
            after = diffs.target(diffs.decode(after, stack.get(i).delta()));
        }
        return after;
    }

    /**
     * Starts again from a fresh snapshot (after {@link Result#RESYNC_NEEDED} or a refused message) without losing the
     * user's typing, counting every stacked edit as taken by the server: the difference between the old shadow and
     * the text is patched onto the snapshot's text.
     */
    public void resync(Snapshot snapshot) {
        resync(snapshot, Long.MAX_VALUE);
    }

    /**
     * Starts again from a fresh snapshot, knowing that the server took the edits of this epoch numbered below
     * {@code taken} ({@code docs/sync-protocol.md}, "Joining and resynchronising"): what follows them of the typing
     * (stacked edits it did not take included) is patched onto the snapshot's text, so nothing typed is lost and
     * nothing it took comes twice.
     */
    public void resync(Snapshot snapshot, long taken) {
        String current = text();
        int inStack = (int) stack.stream().filter(e -> e.clientVersion() < taken).count();
        String base = inStack == stack.size() ? shadow : textAfter(inStack);
        start(snapshot);
        if (current.equals(base)) {
            text = snapshot.text();
        } else {
            text = diffs.fuzzyApply(base, diffs.diff(base, current), snapshot.text()).text();
        }
    }

    /** The epoch of the joining this client's edits belong to. */
    public long epoch() {
        return epoch;
    }

    public String clientId() {
        return clientId;
    }

    /** The shadow's versions, for diagnostics: {@code [n, m]}. */
    public long[] versions() {
        return new long[] {n, m};
    }

    /** How many edits await acknowledgement. */
    public int pendingEdits() {
        return stack.size();
    }
}
