package org.draftroom.rounds.domain;

import java.time.Instant;
import java.util.Set;

/**
 * What the secretariat fills in to schedule a round.
 *
 * @param number        the round number within the project; null = the next one
 * @param version       the version to freeze: a commit id or tag; null/blank = the latest
 * @param tagName       the annotated tag to create on it; null/blank = {@code round-<number>}
 * @param opensAt       null = now
 * @param closesAt      null = opening plus the configured default duration
 * @param organisations invited organisations (ids), for an invited round
 */
public record RoundForm(String projectId, Integer number, String label, String version, String tagName,
                        Instant opensAt, Instant closesAt, String instructions, Audience audience,
                        Set<Long> organisations, boolean ownOrganisationOnly) {
}
