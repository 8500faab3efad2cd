package org.draftroom.security.domain;

import java.time.Instant;
import java.util.Set;
import org.draftroom.security.Role;

/**
 * A person with an account. The password hash never leaves the data layer. {@code organisationContact}: the
 * administrator made this person their organisation's contact, who may invite further members.
 */
public record User(long id, String username, String displayName, String email, boolean enabled, String locale,
                   Long organisationId, Set<Role> roles, Set<Long> workingGroupIds, boolean passwordChangeRequired,
                   Instant createdAt, boolean organisationContact) {
}
