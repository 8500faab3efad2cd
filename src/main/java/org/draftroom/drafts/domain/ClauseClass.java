package org.draftroom.drafts.domain;

import java.util.Optional;

/** The classes a clause heading may carry, written {@code .token} in the heading's attribute block. */
public enum ClauseClass {
    /** Front or back matter without a number: foreword, introduction. */
    UNNUMBERED("unnumbered"),
    /** A term entry in the terms and definitions clause; numbered like a subclause (3.1, 3.2). */
    TERM("term"),
    /** A level-1 annex, lettered A, B, C ... */
    ANNEX("annex"),
    /** Marks an annex as normative (规范性). */
    NORMATIVE("normative"),
    /** Marks an annex as informative (资料性). */
    INFORMATIVE("informative"),
    /** The bibliography (参考文献); unnumbered. */
    BIBLIOGRAPHY("bibliography");

    private final String token;

    ClauseClass(String token) {
        this.token = token;
    }

    /** The class as written in Markdown, without the leading dot. */
    public String token() {
        return token;
    }

    /** The known class written {@code .token}, or empty for a class this format does not define. */
    public static Optional<ClauseClass> ofToken(String token) {
        for (ClauseClass c : values()) {
            if (c.token.equals(token)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }
}
