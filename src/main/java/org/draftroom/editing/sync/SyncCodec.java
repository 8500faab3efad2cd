package org.draftroom.editing.sync;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The compact text form of the sync messages and their shape checks (see {@code docs/sync-protocol.md}). The records
 * themselves map one to one onto JSON objects with the same field names, for callers that prefer JSON.
 *
 * <pre>
 * DS1 C clientId clauseId epoch seq serverVersionAcked editCount     (client to server)
 * DS1 S clientId clauseId epoch seq clientVersionAcked editCount     (server to client)
 * clientVersion serverVersion delta                                   (editCount lines, oldest first)
 * DS1 J clientId clauseId epoch maxLength                            (answer to a join, then the text)
 * DS1 R REASON [resync]                                              (answer to a refused message)
 * </pre>
 *
 * Lines end with {@code \n}; a delta never contains a line break because diff-match-patch URL-encodes inserted text.
 * Stateless and thread-safe.
 */
public final class SyncCodec {

    /** Allowed ids: letters, digits and {@code . _ : @ -}, at most {@link SyncLimits#MAX_ID_LENGTH} characters. */
    public static final Pattern ID = Pattern.compile("[A-Za-z0-9._:@-]{1," + SyncLimits.MAX_ID_LENGTH + "}");

    private static final String MAGIC = "DS1";

    private SyncCodec() {
    }

    public static String encode(ClientMessage message) {
        return encode("C", message.clientId(), message.clauseId(), message.epoch(), message.seq(),
                message.serverVersionAcked(), message.edits());
    }

    public static String encode(ServerMessage message) {
        return encode("S", message.clientId(), message.clauseId(), message.epoch(), message.seq(),
                message.clientVersionAcked(), message.edits());
    }

    /**
     * The answer to a join: {@code DS1 J clientId clauseId epoch maxLength}, a line break, then the text (which may
     * hold line breaks of its own; it runs to the end).
     *
     * @param maxLength the longest clause text the editor accepts, in UTF-16 units
     */
    public static String encodeJoined(Snapshot snapshot, int maxLength) {
        return MAGIC + " J " + snapshot.clientId() + ' ' + snapshot.clauseId() + ' ' + snapshot.epoch() + ' '
                + maxLength + '\n' + snapshot.text();
    }

    /**
     * The line that begins an open answer for a browser that named earlier edits ({@link #decodeEarlier}): how many
     * of them the server took, {@code DS1 A taken\n}.
     */
    public static String encodeTaken(long taken) {
        return MAGIC + " A " + taken + '\n';
    }

    /** The edits a browser names when it opens a clause: those of its client {@code clientId} in {@code epoch}. */
    public record Earlier(String clientId, long epoch) {
    }

    /**
     * The edits named by an open request's {@code "clientId epoch"}, or empty (nothing named, or not in that form;
     * the client id itself is checked by whoever looks it up).
     */
    public static Optional<Earlier> decodeEarlier(String earlier) {
        String[] named = earlier == null || earlier.length() > 160 ? new String[0] : earlier.split(" ");
        if (named.length != 2 || !named[1].matches("[0-9]{1,18}")) {
            return Optional.empty();
        }
        return Optional.of(new Earlier(named[0], Long.parseLong(named[1])));
    }

    /**
     * The answer to a refused message: {@code DS1 R REASON}, followed by {@code  resync} when the reason
     * {@linkplain RejectReason#requiresResync() requires} the client to rejoin.
     */
    public static String encodeRefusal(RejectReason reason) {
        return encodeRefusal(reason, reason.requiresResync());
    }

    /**
     * {@code DS1 R REASON}, with {@code  resync} only if {@code resync}: without it, an {@code UNKNOWN_CLIENT}
     * refusal tells the browser it is refused for good (signed out, no longer allowed) and should stop sending.
     */
    public static String encodeRefusal(RejectReason reason, boolean resync) {
        return MAGIC + " R " + reason.name() + (resync ? " resync" : "") + '\n';
    }

    /**
     * Parses and checks a client message.
     *
     * @throws SyncRejectedException with {@link RejectReason#MESSAGE_TOO_LARGE}, {@link RejectReason#TOO_MANY_EDITS}
     *                               or {@link RejectReason#MALFORMED}
     */
    public static ClientMessage decodeClient(String text, SyncLimits limits) {
        Parsed p = parse(text, "C", limits);
        ClientMessage message = new ClientMessage(p.clientId, p.clauseId, p.epoch, p.seq, p.ack, p.edits);
        check(message, limits);
        return message;
    }

    /** Parses and checks a server message; throws as {@link #decodeClient}. */
    public static ServerMessage decodeServer(String text, SyncLimits limits) {
        Parsed p = parse(text, "S", limits);
        ServerMessage message = new ServerMessage(p.clientId, p.clauseId, p.epoch, p.seq, p.ack, p.edits);
        checkShape(message.clientId(), message.clauseId(), message.epoch(), message.seq(),
                message.clientVersionAcked(), message.edits(), limits, false);
        return message;
    }

    /**
     * Checks a client message built in memory (for example from JSON) against the limits and the protocol's shape:
     * valid ids, non-negative versions, {@code seq >= 1}, consecutive client versions.
     *
     * @throws SyncRejectedException as {@link #decodeClient}
     */
    public static void check(ClientMessage message, SyncLimits limits) {
        checkShape(message.clientId(), message.clauseId(), message.epoch(), message.seq(),
                message.serverVersionAcked(), message.edits(), limits, true);
    }

    private static void checkShape(String clientId, String clauseId, long epoch, long seq, long ack, List<Edit> edits,
            SyncLimits limits, boolean consecutiveClientVersions) {
        if (edits.size() > limits.maxEditsPerMessage()) {
            throw new SyncRejectedException(RejectReason.TOO_MANY_EDITS,
                    edits.size() + " edits, at most " + limits.maxEditsPerMessage() + " allowed");
        }
        long chars = 0;
        for (Edit e : edits) {
            chars += e.delta().length();
        }
        if (chars > limits.maxMessageChars()) {
            throw new SyncRejectedException(RejectReason.MESSAGE_TOO_LARGE,
                    chars + " characters of edits, at most " + limits.maxMessageChars() + " allowed");
        }
        if (!ID.matcher(clientId).matches() || !ID.matcher(clauseId).matches()) {
            throw malformed("bad client or clause id");
        }
        if (epoch < 0 || seq < 1 || ack < 0) {
            throw malformed("epoch and versions must be non-negative and seq positive");
        }
        for (int i = 0; i < edits.size(); i++) {
            Edit e = edits.get(i);
            if (e.clientVersion() < 0 || e.serverVersion() < 0) {
                throw malformed("negative edit version");
            }
            if (i > 0) {
                Edit previous = edits.get(i - 1);
                boolean ordered = consecutiveClientVersions
                        ? e.clientVersion() == previous.clientVersion() + 1
                        : e.serverVersion() == previous.serverVersion() + 1;
                if (!ordered) {
                    throw malformed("edit versions are not consecutive");
                }
            }
        }
    }

    private static String encode(String kind, String clientId, String clauseId, long epoch, long seq, long ack,
            List<Edit> edits) {
        StringBuilder out = new StringBuilder(64 + edits.stream().mapToInt(e -> e.delta().length() + 24).sum());
        out.append(MAGIC).append(' ').append(kind).append(' ').append(clientId).append(' ').append(clauseId)
                .append(' ').append(epoch).append(' ').append(seq).append(' ').append(ack).append(' ')
                .append(edits.size()).append('\n');
        for (Edit e : edits) {
            out.append(e.clientVersion()).append(' ').append(e.serverVersion()).append(' ').append(e.delta())
                    .append('\n');
        }
        return out.toString();
    }

    private record Parsed(String clientId, String clauseId, long epoch, long seq, long ack, List<Edit> edits) {
    }

    private static Parsed parse(String text, String kind, SyncLimits limits) {
        if (text == null) {
            throw malformed("no message");
        }
        if (text.length() > limits.maxMessageChars() + 64L * (limits.maxEditsPerMessage() + 1)) {
            throw new SyncRejectedException(RejectReason.MESSAGE_TOO_LARGE,
                    text.length() + " characters, at most " + limits.maxMessageChars() + " allowed");
        }
        String[] lines = text.split("\n", -1);
        if (lines.length < 2 || !lines[lines.length - 1].isEmpty()) {
            throw malformed("a message is a header line and edit lines, each ending with a line break");
        }
        String[] header = lines[0].split(" ", -1);
        if (header.length != 8 || !MAGIC.equals(header[0]) || !kind.equals(header[1])) {
            throw malformed("header must be '" + MAGIC + " " + kind
                    + " clientId clauseId epoch seq ack editCount'");
        }
        long count = number(header[7]);
        if (count > limits.maxEditsPerMessage()) {
            throw new SyncRejectedException(RejectReason.TOO_MANY_EDITS,
                    count + " edits, at most " + limits.maxEditsPerMessage() + " allowed");
        }
        if (count != lines.length - 2) {
            throw malformed("header announces " + count + " edits, message has " + (lines.length - 2));
        }
        List<Edit> edits = new ArrayList<>((int) count);
        for (int i = 1; i <= count; i++) {
            String[] fields = lines[i].split(" ", 3);
            if (fields.length != 3) {
                throw malformed("edit line " + i + " must be 'clientVersion serverVersion delta'");
            }
            edits.add(new Edit(number(fields[0]), number(fields[1]), fields[2]));
        }
        return new Parsed(header[2], header[3], number(header[4]), number(header[5]), number(header[6]), edits);
    }

    private static long number(String field) {
        if (field.isEmpty() || field.length() > 18 || !field.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw malformed("'" + (field.length() > 20 ? field.substring(0, 20) + "…" : field)
                    + "' is not a non-negative number");
        }
        return Long.parseLong(field);
    }

    private static SyncRejectedException malformed(String detail) {
        return new SyncRejectedException(RejectReason.MALFORMED, detail);
    }
}
