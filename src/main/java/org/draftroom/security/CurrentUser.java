package org.draftroom.security;

import java.util.Set;

/**
 * The signed-in person as the other modules see them, read fresh from the database so that a change of roles or
 * memberships applies at once.
 */
public record CurrentUser(long id, String username, String displayName, Set<Role> roles, Long organisationId,
                          String organisationCode, Set<String> workingGroupCodes) {

    public boolean has(Role role) {
        return roles.contains(role);
    }

    public boolean isMemberOf(String workingGroupCode) {
        return workingGroupCodes.contains(workingGroupCode);
    }
}
