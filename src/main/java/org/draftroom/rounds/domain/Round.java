package org.draftroom.rounds.domain;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A consultation round on a frozen version of a project's draft.
 *
 * @param workingGroup       the project's working group, whose editors may read the round's comments
 * @param commitId           the frozen version; {@code tagName} is the annotated tag on it
 * @param opensAt            comments are accepted from this instant (inclusive)
 * @param closesAt           until this instant (exclusive)
 * @param ownOrganisationOnly reviewers see only their own organisation's comments until the dispositions are published
 * @param organisations      the invited organisations (empty for a public round)
 * @param publishedAt        when the dispositions were published, or null
 */
public record Round(long id, String projectId, String projectCode, String workingGroup, int number, String label, String commitId,
                    String tagName, Instant opensAt, Instant closesAt, String instructions, Audience audience,
                    boolean ownOrganisationOnly, boolean closedEarly, Instant publishedAt, String createdBy,
                    Instant createdAt, List<InvitedOrganisation> organisations) {

    public RoundState state(Instant now) {
        if (publishedAt != null) {
            return RoundState.PUBLISHED;
        }
        if (now.isBefore(opensAt)) {
            return RoundState.SCHEDULED;
        }
        return now.isBefore(closesAt) ? RoundState.OPEN : RoundState.CLOSED;
    }

    public boolean isOpen(Instant now) {
        return state(now) == RoundState.OPEN;
    }

    public boolean invites(Long organisationId) {
        return organisationId != null && organisations.stream().anyMatch(o -> o.id() == organisationId);
    }

    /**
     * The organisations whose reviewers are the round's audience: the invited ones, or empty for every organisation
     * (a public round). The one statement of the audience rule: {@link #isFor} and {@code RoundFeed.audience} ask it.
     */
    public Optional<List<Long>> audienceOrganisations() {
        return audience == Audience.PUBLIC ? Optional.empty()
                : Optional.of(organisations.stream().map(InvitedOrganisation::id).toList());
    }

    /** Whether the round's audience includes the reviewers of this organisation (null: of none). */
    public boolean isFor(Long organisationId) {
        return audienceOrganisations().map(ids -> ids.contains(organisationId)).orElse(true);
    }

    /** "GB/T 35273 · 征求意见稿 (1)" */
    public String title() {
        return projectCode + " · " + label + " (" + number + ")";
    }
}
