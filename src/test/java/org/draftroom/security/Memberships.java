package org.draftroom.security;

import org.draftroom.security.domain.Organisation;
import org.draftroom.security.service.DirectoryService;
import org.draftroom.security.service.MembershipService;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * Makes a self-registered person a member of an organisation the only way the application allows: the secretariat
 * creates an invitation link and the person accepts it. Leaves nobody signed in.
 */
public final class Memberships {

    private Memberships() {
    }

    public static void join(UserDetailsService users, DirectoryService directory, MembershipService memberships,
                            String username, String organisationCode) {
        try {
            SignedIn.as(users, "secretariat");
            Organisation organisation = directory.organisations().stream()
                    .filter(o -> o.code().equals(organisationCode)).findFirst().orElseThrow();
            String secret = memberships.invite(organisation.id()).secret();
            SignedIn.as(users, username);
            memberships.accept(secret);
        } finally {
            SignedIn.nobody();
        }
    }
}
