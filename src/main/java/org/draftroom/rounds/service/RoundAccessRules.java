package org.draftroom.rounds.service;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.draftroom.base.UserFacingException;
import org.draftroom.comments.RoundCommentRules;
import org.draftroom.rounds.data.RoundRepository;
import org.draftroom.rounds.domain.Round;
import org.draftroom.rounds.domain.RoundState;
import org.draftroom.rounds.domain.Submission;
import org.draftroom.security.Access;
import org.draftroom.security.CurrentUser;
import org.draftroom.security.Role;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who may do what in a consultation round, and the comments module's questions about a round (the
 * {@code RoundCommentRules} SPI): which version comments are made against, who may write now (only the audience
 * while open; after closing, the secretariat and organisations it allowed, marked late; never after an organisation's
 * final submission), who may read, and whose comments a reviewer may see (their own organisation's until the
 * dispositions are published, unless the round says otherwise). The other round services ask it the same rules.
 */
@Service
public class RoundAccessRules implements RoundCommentRules {

    private final RoundRepository rounds;
    private final Access access;
    private final Clock clock;

    RoundAccessRules(RoundRepository rounds, Access access, Clock clock) {
        this.rounds = rounds;
        this.access = access;
        this.clock = clock;
    }

    /** The commit the round froze; comments of a round are made against it. */
    @Override
    @Transactional(readOnly = true)
    public String frozenCommit(long roundId) {
        return find(roundId).commitId();
    }

    /**
     * Refuses (with a {@link UserFacingException}) when the user may not write comments of the round now; returns
     * true when the comment is late (written after closing, by the secretariat or an organisation it allowed).
     */
    @Override
    @Transactional(readOnly = true)
    public boolean checkWrite(long roundId, CurrentUser user) {
        return checkWrite(find(roundId), user);
    }

    /** Whether the user may read the round's comments at all (audience once open, secretariat, the WG's editors). */
    @Override
    @Transactional(readOnly = true)
    public boolean mayRead(long roundId, CurrentUser user) {
        return rounds.findById(roundId).map(r -> mayRead(r, user)).orElse(false);
    }

    /** Organisations whose comments of the round the user may see; empty = all of them. */
    @Override
    @Transactional(readOnly = true)
    public Optional<Set<Long>> visibleOrganisations(long roundId, CurrentUser user) {
        Round round = find(roundId);
        if (isStaff(round, user) || round.publishedAt() != null || !round.ownOrganisationOnly()) {
            return Optional.empty();
        }
        return Optional.of(user.organisationId() == null ? Set.of() : Set.of(user.organisationId()));
    }

    // ---- the rules the round services share ------------------------------------------------------------------------

    // ---- internals -------------------------------------------------------------------------------------------------

    boolean checkWrite(Round round, CurrentUser user) {
        Instant now = clock.instant();
        RoundState state = round.state(now);
        if (state == RoundState.PUBLISHED) {
            throw new UserFacingException("round.write.published");
        }
        if (user.has(Role.SECRETARIAT)) {
            if (state == RoundState.SCHEDULED) {
                throw new UserFacingException("round.write.not-open");
            }
            return state == RoundState.CLOSED;
        }
        if (!inAudience(round, user)) {
            throw new UserFacingException("round.write.not-audience");
        }
        if (user.organisationId() != null && rounds.submission(round.id(), user.organisationId())
                .filter(Submission::isFinal).isPresent()) {
            throw new UserFacingException("round.write.submitted");
        }
        return switch (state) {
            case SCHEDULED -> throw new UserFacingException("round.write.not-open");
            case OPEN -> false;
            default -> {
                boolean allowed = user.organisationId() != null && rounds.lateUntil(round.id(), user.organisationId())
                        .filter(now::isBefore).isPresent();
                if (!allowed) {
                    throw new UserFacingException("round.write.closed");
                }
                yield true;
            }
        };
    }

    boolean mayRead(Round round, CurrentUser user) {
        return isStaff(round, user)
                || (inAudience(round, user) && round.state(clock.instant()) != RoundState.SCHEDULED);
    }

    /** The secretariat, administrators and the editors of the project's working group. */
    static boolean isStaff(Round round, CurrentUser user) {
        return user.has(Role.SECRETARIAT) || user.has(Role.ADMIN)
                || (user.has(Role.EDITOR) && user.isMemberOf(round.workingGroup()));
    }

    static boolean inAudience(Round round, CurrentUser user) {
        if (!user.has(Role.REVIEWER)) {
            return false;
        }
        return round.isFor(user.organisationId());
    }

    void requireStaff(Round round) {
        if (!isStaff(round, access.current())) {
            throw new AccessDeniedException("not staff of round " + round.id());
        }
    }

    Round find(long id) {
        return rounds.findById(id).orElseThrow(() -> new UserFacingException("round.not-found", String.valueOf(id)));
    }

    Round lockAndFind(long id) {
        rounds.lock(id);
        return find(id);
    }
}
