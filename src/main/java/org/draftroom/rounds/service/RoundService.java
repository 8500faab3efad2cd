package org.draftroom.rounds.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.draftroom.base.DraftroomProperties;
import org.draftroom.base.UserFacingException;
import org.draftroom.drafts.service.DraftReader;
import org.draftroom.drafts.service.DraftService.DraftSnapshot;
import org.draftroom.rounds.RoundsProperties;
import org.draftroom.rounds.data.RoundRepository;
import org.draftroom.rounds.domain.Round;
import org.draftroom.rounds.domain.RoundChange;
import org.draftroom.rounds.domain.RoundState;
import org.draftroom.security.Access;
import org.draftroom.security.CurrentUser;
import org.draftroom.security.Role;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reading consultation rounds: a project's rounds, the rounds a person takes part in or manages, a round, its
 * recorded changes and its frozen version. A round's state is derived from its times and the injected {@link Clock}.
 * Changing a round is done by {@link RoundLifecycleService}, submissions by {@link SubmissionService}; who may read
 * or write a round and its comments is decided by {@link RoundAccessRules}.
 */
@Service
@Transactional
public class RoundService {

    private final RoundRepository rounds;
    private final RoundAccessRules rules;
    private final DraftReader draftReader;
    private final Access access;
    private final RoundsProperties properties;
    private final ZoneId zone;
    private final Clock clock;

    RoundService(RoundRepository rounds, RoundAccessRules rules, DraftReader draftReader, Access access,
                 RoundsProperties properties, DraftroomProperties draftroom, Clock clock) {
        this.rounds = rounds;
        this.rules = rules;
        this.draftReader = draftReader;
        this.access = access;
        this.properties = properties;
        this.zone = draftroom.timeZone();
        this.clock = clock;
    }

    /** The committee's time zone, in which rounds' times are shown and entered. */
    public ZoneId zone() {
        return zone;
    }

    public Instant now() {
        return clock.instant();
    }

    public Duration defaultDuration() {
        return Duration.ofDays(properties.defaultDays());
    }

    // ---- reading -------------------------------------------------------------------------------------------------

    /** A project's rounds, newest first: for those who read the working drafts. */
    @PreAuthorize("@access.canReadDrafts()")
    @Transactional(readOnly = true)
    public List<Round> rounds(String projectId) {
        return rounds.findByProject(projectId);
    }

    /**
     * The rounds the signed-in person takes part in or manages: every round for the secretariat and administrators,
     * their working groups' rounds for editors, and for reviewers the rounds of their audience that have opened.
     */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public List<Round> visibleRounds() {
        CurrentUser me = access.current();
        if (me.has(Role.SECRETARIAT) || me.has(Role.ADMIN)) {
            return rounds.findAll();
        }
        Set<Round> result = new LinkedHashSet<>();
        if (me.has(Role.EDITOR)) {
            rounds.findAll().stream().filter(r -> me.isMemberOf(r.workingGroup())).forEach(result::add);
        }
        if (me.has(Role.REVIEWER)) {
            Instant now = clock.instant();
            rounds.findForAudience(me.organisationId()).stream()
                    .filter(r -> r.state(now) != RoundState.SCHEDULED && RoundAccessRules.inAudience(r, me))
                    .forEach(result::add);
        }
        return result.stream().sorted(Comparator.comparing(Round::closesAt).reversed()).toList();
    }

    /** A round, for anyone who may read it; others are told it does not exist. */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public Round get(long id) {
        Round round = rules.find(id);
        if (!rules.mayRead(round, access.current())) {
            throw new UserFacingException("round.not-found", String.valueOf(id));
        }
        return round;
    }

    /** The recorded changes of a round, oldest first: for the secretariat and the working group's editors. */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public List<RoundChange> changes(long id) {
        rules.requireStaff(rules.find(id));
        return rounds.changes(id);
    }

    /** The frozen version of the round, with its numbering and table of contents, for anyone who may read it. */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public DraftSnapshot frozenDraft(long id) {
        Round round = get(id);
        return draftReader.snapshot(round.projectId(), round.commitId());
    }

    /** Whether the signed-in person is in the round's audience (may comment while it is open). */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public boolean isInAudience(long id) {
        return RoundAccessRules.inAudience(rules.find(id), access.current());
    }

    /** Whether the signed-in person may change the round (the secretariat). */
    public boolean canManage() {
        return access.canManageProjects();
    }
}
