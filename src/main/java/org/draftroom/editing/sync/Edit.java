package org.draftroom.editing.sync;

import java.util.Objects;

/**
 * One stacked edit: a diff-match-patch delta that turns the sender's shadow at versions
 * ({@code clientVersion}, {@code serverVersion}) into the next shadow.
 *
 * @param clientVersion n, the number of client edits the shadow had absorbed when the delta was made
 * @param serverVersion m, the number of server edits the shadow had absorbed when the delta was made
 * @param delta         {@code diff_toDelta} of the change (offsets in UTF-16 code units); never splits a surrogate pair
 */
public record Edit(long clientVersion, long serverVersion, String delta) {

    public Edit {
        Objects.requireNonNull(delta, "delta");
    }
}
