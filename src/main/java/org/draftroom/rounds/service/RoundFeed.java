package org.draftroom.rounds.service;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.draftroom.rounds.data.DispositionRepository;
import org.draftroom.rounds.data.RoundRepository;
import org.draftroom.rounds.domain.DispositionRecord;
import org.draftroom.rounds.domain.Round;
import org.draftroom.security.People;
import org.draftroom.security.Role;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Rounds and dispositions WITHOUT any access check, for system work such as building the search index: who may see
 * a round's text or a disposition is asked of {@link RoundService} and {@link DispositionService} when someone
 * searches. Never hand what it returns to a person directly. Thread-safe.
 */
@Component
public class RoundFeed {

    private final RoundRepository rounds;
    private final DispositionRepository dispositions;
    private final People people;

    RoundFeed(RoundRepository rounds, DispositionRepository dispositions, People people) {
        this.rounds = rounds;
        this.dispositions = dispositions;
        this.people = people;
    }

    @Transactional(readOnly = true)
    public List<Round> rounds(String projectId) {
        return rounds.findByProject(projectId);
    }

    @Transactional(readOnly = true)
    public Optional<Round> round(long roundId) {
        return rounds.findById(roundId);
    }

    /**
     * The round's audience: the enabled reviewers of the organisations it is for
     * ({@link Round#audienceOrganisations}: every organisation for a public round, the invited ones otherwise),
     * ascending; empty for an unknown round.
     */
    @Transactional(readOnly = true)
    public List<Long> audience(long roundId) {
        return rounds.findById(roundId).map(round -> people.enabledWithRole(Role.REVIEWER,
                round.audienceOrganisations().orElse(null))).orElse(List.of());
    }

    /** The recorded dispositions of a round's comments, by comment id. */
    @Transactional(readOnly = true)
    public Map<Long, DispositionRecord> dispositions(long roundId) {
        return dispositions.byRound(roundId);
    }
}
