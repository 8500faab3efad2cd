package org.draftroom.security;

import java.util.Locale;
import org.draftroom.base.UserFacingException;

/** What a person does on the committee's platform; a person may hold several roles. */
public enum Role {
    /** IT staff: people, organisations, working groups. */
    ADMIN,
    /** Committee staff: projects, stages, consultation rounds, dispositions, exports. */
    SECRETARIAT,
    /** Working-group member: edits the drafts of their groups' projects. */
    EDITOR,
    /** Company, agency or member of the public who comments in consultation rounds. */
    REVIEWER;

    /** The Spring Security authority of this role ({@code ROLE_ADMIN}, ...). */
    public String authority() {
        return "ROLE_" + name();
    }

    /** Parses a role name case-insensitively; an unknown name is refused with a message listing the valid ones. */
    public static Role parse(String name) {
        try {
            return valueOf(name.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new UserFacingException("role.unknown", String.valueOf(name), "ADMIN, SECRETARIAT, EDITOR, REVIEWER");
        }
    }
}
