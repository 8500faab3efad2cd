package org.draftroom.rounds.domain;

/** Where a round stands, derived from its times: never stored, so it can never disagree with them. */
public enum RoundState {
    SCHEDULED, OPEN, CLOSED, PUBLISHED;

    public String labelKey() {
        return "round.state." + name().toLowerCase(java.util.Locale.ROOT);
    }
}
