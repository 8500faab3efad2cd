package org.draftroom.rounds.domain;

import java.util.Locale;

/** What the committee decided about a comment; a reason is required for all but plain acceptance. */
public enum Disposition {
    ACCEPTED, PARTLY_ACCEPTED, NOT_ACCEPTED, NOTED;

    public boolean needsReason() {
        return this != ACCEPTED;
    }

    public String labelKey() {
        return "disposition." + name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
