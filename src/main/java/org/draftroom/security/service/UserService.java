package org.draftroom.security.service;

import static org.draftroom.security.service.Checks.blankToNull;
import static org.draftroom.security.service.Checks.check;
import static org.draftroom.security.service.Checks.trimmed;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import org.draftroom.base.FieldProblemException;
import org.draftroom.base.UserFacingException;
import org.draftroom.security.Access;
import org.draftroom.security.CurrentUser;
import org.draftroom.security.Role;
import org.draftroom.security.data.OrganisationRepository;
import org.draftroom.security.data.TokenRepository;
import org.draftroom.security.data.UserRepository;
import org.draftroom.security.data.WorkingGroupRepository;
import org.draftroom.security.domain.Rules;
import org.draftroom.security.domain.User;
import org.draftroom.security.domain.UserForm;
import org.draftroom.security.web.ActiveSessions;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * People and their accounts. Administrators manage everyone; every signed-in person manages their own password and
 * language. Each method validates everything before writing, so a refused call changes nothing.
 */
@Service
@Transactional
public class UserService {

    private final UserRepository users;
    private final OrganisationRepository organisations;
    private final WorkingGroupRepository workingGroups;
    private final PasswordEncoder passwordEncoder;
    private final ActiveSessions activeSessions;
    private final TokenRepository tokens;
    private final Access access;
    private final Clock clock;

    UserService(UserRepository users, OrganisationRepository organisations, WorkingGroupRepository workingGroups,
                PasswordEncoder passwordEncoder, ActiveSessions activeSessions, TokenRepository tokens, Access access,
                Clock clock) {
        this.tokens = tokens;
        this.users = users;
        this.organisations = organisations;
        this.workingGroups = workingGroups;
        this.passwordEncoder = passwordEncoder;
        this.activeSessions = activeSessions;
        this.access = access;
        this.clock = clock;
    }

    @PreAuthorize("@access.canManagePeople()")
    @Transactional(readOnly = true)
    public List<User> find(String filter, int offset, int limit) {
        return users.find(trimmed(filter), offset, limit);
    }

    @PreAuthorize("@access.canManagePeople()")
    @Transactional(readOnly = true)
    public long count(String filter) {
        return users.countMatching(trimmed(filter));
    }

    @PreAuthorize("@access.canManagePeople()")
    @Transactional(readOnly = true)
    public User get(long id) {
        return users.findById(id).orElseThrow(() -> new UserFacingException("user.not-found"));
    }

    /** Creates a user who must choose a new password at first sign-in. */
    @PreAuthorize("@access.canManagePeople()")
    public User create(UserForm form) {
        String username = trimmed(form.getUsername());
        check("user.username", Rules.username(username));
        check("user.password", Rules.password(form.getPassword(), username));
        validateProfile(form);
        if (users.usernameExists(username)) {
            throw new FieldProblemException("user.username", "validation.username.taken", username);
        }
        long id;
        try {
            id = users.insert(username, trimmed(form.getDisplayName()), blankToNull(form.getEmail()),
                    passwordEncoder.encode(form.getPassword()), form.getOrganisationId(), true, clock.instant());
        } catch (DuplicateKeyException e) {
            throw new FieldProblemException("user.username", "validation.username.taken", username);
        }
        users.replaceRoles(id, form.getRoles());
        users.replaceWorkingGroups(id, form.getWorkingGroupIds());
        users.setOrganisationContact(id, form.isOrganisationContact());
        return users.findById(id).orElseThrow();
    }

    /**
     * Self-registration for public consultation rounds: creates an enabled reviewer (and nothing more) who is an
     * individual: the account gets an organisation of its own, named after the person, with a generated code
     * ({@code PUB-<n>}) that no round invites and nobody else joins. Membership of a real organisation is granted
     * only through {@link MembershipService} (an invitation link of the secretariat or the organisation's contact),
     * never by typing its name. The person keeps the password they chose. Open to anonymous callers; the caller
     * (the registration page) throttles it. The name and e-mail are required.
     */
    public User registerReviewer(UserForm form) {
        String username = trimmed(form.getUsername());
        check("user.username", Rules.username(username));
        check("user.password", Rules.password(form.getPassword(), username));
        if (trimmed(form.getEmail()).isEmpty()) {
            throw new FieldProblemException("user.email", "validation.required");
        }
        check("user.display-name", Rules.displayName(form.getDisplayName()));
        check("user.email", Rules.email(form.getEmail()));
        if (users.usernameExists(username)) {
            throw new FieldProblemException("user.username", "validation.username.taken", username);
        }
        int n = 1;
        while (organisations.findByCode("PUB-" + n).isPresent()) {
            n++;
        }
        long organisationId = organisations.insertIndividual("PUB-" + n, trimmed(form.getDisplayName()),
                clock.instant());
        long id;
        try {
            id = users.insert(username, trimmed(form.getDisplayName()), trimmed(form.getEmail()),
                    passwordEncoder.encode(form.getPassword()), organisationId, false, clock.instant());
        } catch (DuplicateKeyException e) {
            throw new FieldProblemException("user.username", "validation.username.taken", username);
        }
        users.replaceRoles(id, java.util.Set.of(org.draftroom.security.Role.REVIEWER));
        return users.findById(id).orElseThrow();
    }

    /** Changes a user's name, e-mail, organisation, roles and working groups (the username never changes). */
    @PreAuthorize("@access.canManagePeople()")
    public User update(long id, UserForm form) {
        User existing = get(id);
        validateProfile(form);
        if (existing.roles().contains(Role.ADMIN) && !form.getRoles().contains(Role.ADMIN) && existing.enabled()
                && users.countEnabledWithRole(Role.ADMIN) <= 1) {
            throw new UserFacingException("user.last-admin");
        }
        users.update(id, trimmed(form.getDisplayName()), blankToNull(form.getEmail()), form.getOrganisationId(),
                clock.instant());
        users.replaceRoles(id, form.getRoles());
        users.replaceWorkingGroups(id, form.getWorkingGroupIds());
        users.setOrganisationContact(id, form.isOrganisationContact());
        return users.findById(id).orElseThrow();
    }

    /** Enables or disables an account. Disabling ends the person's open sessions at once; their tokens stop working. */
    @PreAuthorize("@access.canManagePeople()")
    public User setEnabled(long id, boolean enabled) {
        User user = get(id);
        if (!enabled) {
            if (user.id() == access.current().id()) {
                throw new UserFacingException("user.disable-self");
            }
            if (user.roles().contains(Role.ADMIN) && users.countEnabledWithRole(Role.ADMIN) <= 1) {
                throw new UserFacingException("user.last-admin");
            }
        }
        users.setEnabled(id, enabled, clock.instant());
        if (!enabled) {
            afterCommit(() -> activeSessions.endSessionsOf(user.username(), null));
        }
        return users.findById(id).orElseThrow();
    }

    /**
     * Sets a one-time password chosen by the administrator; the person must change it after signing in. Their open
     * sessions end; with {@code revokeTokens} (the administrator's dialog offers it, checked) their API tokens are
     * revoked too, since whoever made the reset necessary may hold one.
     */
    @PreAuthorize("@access.canManagePeople()")
    public void resetPassword(long id, String newPassword, boolean revokeTokens) {
        User user = get(id);
        check("user.password", Rules.password(newPassword, user.username()));
        users.setPassword(id, passwordEncoder.encode(newPassword), true, clock.instant());
        if (revokeTokens) {
            tokens.revokeAll(id, clock.instant());
        }
        afterCommit(() -> activeSessions.endSessionsOf(user.username(), null));
    }

    /** The signed-in person's own account. */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public User me() {
        return users.findById(access.current().id()).orElseThrow();
    }

    /**
     * Changes the signed-in person's password. Their other HTTP sessions end (on this node; the session with id
     * {@code keepSessionId}, the one they changed it in, stays); with {@code revokeTokens} their API tokens are
     * revoked as well.
     */
    @PreAuthorize("isAuthenticated()")
    public void changeOwnPassword(String currentPassword, String newPassword, boolean revokeTokens,
                                  String keepSessionId) {
        CurrentUser me = access.current();
        String hash = users.passwordHash(me.id()).orElseThrow();
        if (currentPassword == null || !passwordEncoder.matches(currentPassword, hash)) {
            throw new FieldProblemException("profile.current-password", "profile.current-password.wrong");
        }
        check("profile.new-password", Rules.password(newPassword, me.username()));
        if (passwordEncoder.matches(newPassword, hash)) {
            throw new FieldProblemException("profile.new-password", "profile.new-password.same");
        }
        users.setPassword(me.id(), passwordEncoder.encode(newPassword), false, clock.instant());
        if (revokeTokens) {
            tokens.revokeAll(me.id(), clock.instant());
        }
        afterCommit(() -> activeSessions.endSessionsOf(me.username(), keepSessionId));
    }

    /** Remembers the language the person chose, for their next sign-in. */
    @PreAuthorize("isAuthenticated()")
    public void rememberLocale(Locale locale) {
        users.setLocale(access.current().id(), locale.toLanguageTag());
    }

    /**
     * Runs after the commit: a sign-in or request racing with the change must already find it, and a rolled-back
     * change ends nothing.
     */
    private static void afterCommit(Runnable action) {
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                action.run();
            }
        });
    }

    private void validateProfile(UserForm form) {
        check("user.display-name", Rules.displayName(form.getDisplayName()));
        check("user.email", Rules.email(form.getEmail()));
        if (form.getRoles().isEmpty()) {
            throw new FieldProblemException("user.roles", "validation.roles.empty");
        }
        if (form.getOrganisationId() != null && organisations.findById(form.getOrganisationId()).isEmpty()) {
            throw new FieldProblemException("user.organisation", "validation.organisation.unknown");
        }
        if (form.isOrganisationContact() && (form.getOrganisationId() == null
                || organisations.isIndividual(form.getOrganisationId()))) {
            throw new FieldProblemException("user.organisation", "validation.contact.organisation");
        }
        if (form.getRoles().contains(Role.REVIEWER) && form.getOrganisationId() == null) {
            throw new FieldProblemException("user.organisation", "validation.reviewer.organisation");
        }
        for (Long wg : form.getWorkingGroupIds()) {
            if (workingGroups.findById(wg).isEmpty()) {
                throw new FieldProblemException("user.working-groups", "validation.working-group.unknown");
            }
        }
        if (form.getRoles().contains(Role.EDITOR) && form.getWorkingGroupIds().isEmpty()) {
            throw new FieldProblemException("user.working-groups", "validation.editor.working-group");
        }
    }
}
