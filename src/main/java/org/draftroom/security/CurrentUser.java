package org.draftroom.security;

import java.util.Set;

/**
 * The signed-in person as the other modules see them, read fresh from the database so that a change of roles or
 * memberships applies at once.
 */
public record CurrentUser(long id, String username, String displayName, String email, Set<Role> roles,
                          Long organisationId,
                          String organisationCode, Set<String> workingGroupCodes) {

    /** The address that identifies the person in Git versions: their e-mail, or a local address from the username. */
    public String commitEmail() {
        return email == null || email.isBlank() ? username + "@users.draftroom.local" : email;
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    public boolean isMemberOf(String workingGroupCode) {
        return workingGroupCodes.contains(workingGroupCode);
    }
}
