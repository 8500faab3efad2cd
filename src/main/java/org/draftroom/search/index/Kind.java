package org.draftroom.search.index;

import java.util.Locale;

/** What a search result is. */
public enum Kind {
    /** A clause of a draft's current version or of a consultation round's frozen version. */
    CLAUSE,
    /** A term entry (3.x) with its definition. */
    TERM,
    /** A comment's text and proposed change. */
    COMMENT,
    /** The disposition of a round's comment and its reason. */
    DISPOSITION;

    /** The lower-case name used in URLs and the API ({@code clause}, {@code term}, ...). */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The kind named by {@link #key()} (any case), or null when the name is blank or unknown. */
    public static Kind parse(String key) {
        if (key == null || key.isBlank()) {
            return null;
        }
        for (Kind kind : values()) {
            if (kind.key().equalsIgnoreCase(key.trim())) {
                return kind;
            }
        }
        return null;
    }
}
