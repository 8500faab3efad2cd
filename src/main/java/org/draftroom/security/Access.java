package org.draftroom.security;

import java.util.Optional;
import java.util.Set;
import org.draftroom.security.data.OrganisationRepository;
import org.draftroom.security.data.UserRepository;
import org.draftroom.security.domain.User;
import org.draftroom.security.web.DraftroomUserDetails;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Answers "may the current user do X on Y". Every module's services ask it, in method-security expressions
 * ({@code @PreAuthorize("@access.canManagePeople()")}) or directly; views only use it to decide what to show.
 * Roles and memberships are read from the database on every question, so a change applies at once.
 * Thread-safe; reads the security context of the calling thread.
 */
@Component("access")
public class Access {

    private final UserRepository users;
    private final OrganisationRepository organisations;

    Access(UserRepository users, OrganisationRepository organisations) {
        this.users = users;
        this.organisations = organisations;
    }

    /** The signed-in, enabled user of this thread, if any. */
    public Optional<CurrentUser> currentUser() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !(auth.getPrincipal() instanceof DraftroomUserDetails principal)) {
            return Optional.empty();
        }
        return users.findSignedIn(principal.id());
    }

    /**
     * How people are shown in histories and timelines: the display name of the account with this username ("刘洋 Liu
     * Yang"), or the text itself when no account has it (older records, or a name already).
     */
    public String nameOf(String username) {
        if (username == null || username.isBlank()) {
            return "";
        }
        return users.findByUsername(username).map(User::displayName).orElse(username);
    }

    /** The signed-in user; refuses when nobody (or a since-disabled user) is signed in. */
    public CurrentUser current() {
        return currentUser().orElseThrow(() -> new AccessDeniedException("not signed in"));
    }

    public boolean isSignedIn() {
        return currentUser().isPresent();
    }

    public boolean hasRole(Role role) {
        return currentUser().map(u -> u.has(role)).orElse(false);
    }

    public boolean hasAnyRole(Role... roles) {
        return currentUser().map(u -> Set.of(roles).stream().anyMatch(u::has)).orElse(false);
    }

    /** Users, their roles, passwords and memberships: administrators. */
    public boolean canManagePeople() {
        return hasRole(Role.ADMIN);
    }

    /** Organisations and working groups: administrators change them; they are read by administrators and the secretariat. */
    public boolean canManageDirectory() {
        return hasRole(Role.ADMIN);
    }

    public boolean canReadDirectory() {
        return hasAnyRole(Role.ADMIN, Role.SECRETARIAT);
    }

    /**
     * Inviting people to join an organisation: the secretariat and administrators for any organisation but an
     * individual's own, and the organisation's contact (a member the administrator marked) for their organisation.
     */
    public boolean canInviteTo(long organisationId) {
        if (organisations.isIndividual(organisationId)) {
            return false;
        }
        return currentUser().map(u -> u.has(Role.ADMIN) || u.has(Role.SECRETARIAT)
                || (Long.valueOf(organisationId).equals(u.organisationId())
                    && users.findById(u.id()).map(User::organisationContact).orElse(false))).orElse(false);
    }

    /** Reading the working drafts of the committee's projects: administrators, the secretariat and editors. */
    public boolean canReadDrafts() {
        return hasAnyRole(Role.ADMIN, Role.SECRETARIAT, Role.EDITOR);
    }

    /** Creating projects, moving them between stages, tagging milestones: the secretariat. */
    public boolean canManageProjects() {
        return hasRole(Role.SECRETARIAT);
    }

    /** Editing the drafts of a working group's projects: the secretariat, and editors who are members of the group. */
    public boolean canEditProjectsOf(String workingGroupCode) {
        return currentUser().map(u -> canEditProjectsOf(u, workingGroupCode)).orElse(false);
    }

    /** {@link #canEditProjectsOf(String)} for a user the caller has just read with {@link #currentUser()}. */
    public boolean canEditProjectsOf(CurrentUser user, String workingGroupCode) {
        return user.has(Role.SECRETARIAT) || (user.has(Role.EDITOR) && user.isMemberOf(workingGroupCode));
    }
}
