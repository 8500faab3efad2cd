package org.draftroom.editing.sync;

/**
 * A client edit the server is about to acknowledge, with its exact effect on the master text: applying
 * {@code masterDelta} (diff-match-patch delta, UTF-16 offsets) to the master at revision {@code revision - 1} gives the
 * master at {@code revision}. Replaying a clause's acknowledged edits in revision order reproduces its text exactly.
 *
 * @param clauseId      the clause
 * @param clientId      the editor who made it
 * @param epoch         the editor's session epoch
 * @param clientVersion the edit's client version n
 * @param revision      the master's revision after the edit; revisions count up by one per edit from the session's start
 * @param masterDelta   the change to the master, exact
 * @param clean         false when the fuzzy patch could not place every part of the edit on the master (the editor's
 *                      text then converges to the master without the misplaced part)
 */
public record AcknowledgedEdit(String clauseId, String clientId, long epoch, long clientVersion, long revision,
        String masterDelta, boolean clean) {
}
