package org.draftroom.comments;

import java.util.Optional;
import java.util.Set;
import org.draftroom.security.CurrentUser;

/**
 * The rules of consultation rounds that comments obey, implemented by the rounds module as a bean. When no bean
 * exists, comments of a round are refused ({@code comment.round.unavailable}).
 */
public interface RoundCommentRules {

    /** The commit the round froze; comments of a round are made against it. */
    String frozenCommit(long roundId);

    /**
     * Throws a UserFacingException (message key) if the user may not write (create/edit/delete) comments of the round
     * now; returns true if the comment is late (accepted by the secretariat after closing).
     */
    boolean checkWrite(long roundId, CurrentUser user);

    /** Whether the user may read the round's comments at all (audience, secretariat, editors of the WG). */
    boolean mayRead(long roundId, CurrentUser user);

    /** Organisations whose comments of the round the user may see; empty Optional = all of them. */
    Optional<Set<Long>> visibleOrganisations(long roundId, CurrentUser user);
}
