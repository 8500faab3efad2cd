package org.draftroom.security;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.draftroom.security.data.OrganisationRepository;
import org.draftroom.security.data.UserRepository;
import org.draftroom.security.domain.Organisation;
import org.draftroom.security.domain.User;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The people and organisations other modules name beside their own records (a comment's author, a submission's
 * sender, a round's invited organisations) and address (a notification's recipients), WITHOUT any access check: the
 * caller's service decides who may see the record it shows them with. Every method answers many ids in one query, so
 * a list of records costs one lookup, not one per row. Never a password, never a role change: those stay behind
 * {@link org.draftroom.security.service.UserService}'s checks. Thread-safe.
 */
@Component
@Transactional(readOnly = true)
public class People {

    private final UserRepository users;
    private final OrganisationRepository organisations;

    People(UserRepository users, OrganisationRepository organisations) {
        this.users = users;
        this.organisations = organisations;
    }

    /** The display names of those of these users that exist (ids of removed users are absent). */
    public Map<Long, String> displayNames(Collection<Long> userIds) {
        return users.displayNames(userIds);
    }

    public Optional<String> displayName(long userId) {
        return Optional.ofNullable(users.displayNames(List.of(userId)).get(userId));
    }

    /** Where and in which language to write to someone. */
    public record Contact(long userId, String displayName, String email, String locale, boolean enabled) {

        /** The e-mail address of an enabled account, if it has one. */
        public Optional<String> mailbox() {
            return Optional.ofNullable(email).filter(e -> enabled && !e.isBlank());
        }
    }

    public Optional<Contact> contact(long userId) {
        return users.findById(userId).map(u -> new Contact(u.id(), u.displayName(), u.email(), u.locale(),
                u.enabled()));
    }

    /**
     * The ids of the enabled people holding the role in these organisations, ascending.
     *
     * @param organisationIds null: in any organisation or none
     */
    public List<Long> enabledWithRole(Role role, Collection<Long> organisationIds) {
        return users.enabledWithRole(role, organisationIds);
    }

    /** A person shown in a choice (an assignee): id and display name. */
    public record Person(long id, String displayName) {
    }

    /** The enabled members of a working group (code, case-insensitive) holding the role, by display name. */
    public List<Person> enabledMembersWithRole(String workingGroupCode, Role role) {
        return users.enabledMembersWithRole(workingGroupCode, role).stream()
                .map((User u) -> new Person(u.id(), u.displayName())).toList();
    }

    /** Those of these organisations that exist, by code. */
    public List<Organisation> organisations(Collection<Long> organisationIds) {
        return organisations.findByIds(organisationIds);
    }

    /** An organisation by its code, case-insensitive. */
    public Optional<Organisation> organisationByCode(String code) {
        return organisations.findByCode(code);
    }
}
