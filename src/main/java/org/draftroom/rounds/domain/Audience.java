package org.draftroom.rounds.domain;

/** Who may comment in a round: invited organisations, or anyone registered. */
public enum Audience {
    INVITED, PUBLIC
}
