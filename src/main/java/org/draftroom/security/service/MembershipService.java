package org.draftroom.security.service;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.draftroom.base.UserFacingException;
import org.draftroom.security.Access;
import org.draftroom.security.CurrentUser;
import org.draftroom.security.Role;
import org.draftroom.security.data.InvitationRepository;
import org.draftroom.security.data.OrganisationRepository;
import org.draftroom.security.data.UserRepository;
import org.draftroom.security.domain.Organisation;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Membership of organisations is granted, never claimed: a self-registered person is an individual (an organisation
 * of their own) until they follow an invitation link that the secretariat, an administrator or the organisation's
 * contact created. A link is good for one person, for {@link #VALIDITY}; only a SHA-256 hash of its secret (256
 * random bits) is stored.
 */
@Service
@Transactional
public class MembershipService {

    /** How long an invitation link can be used. */
    public static final Duration VALIDITY = Duration.ofDays(14);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final InvitationRepository invitations;
    private final OrganisationRepository organisations;
    private final UserRepository users;
    private final Access access;
    private final Clock clock;

    MembershipService(InvitationRepository invitations, OrganisationRepository organisations, UserRepository users,
                      Access access, Clock clock) {
        this.invitations = invitations;
        this.organisations = organisations;
        this.users = users;
        this.access = access;
        this.clock = clock;
    }

    /** A new invitation: the secret of its link (shown once) and when it expires. */
    public record Invitation(Organisation organisation, String secret, Instant expiresAt) {
    }

    /** The organisations the signed-in person may invite to: every one for staff, their own for a contact. */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public List<Organisation> organisationsICanInviteTo() {
        CurrentUser me = access.current();
        if (me.has(Role.ADMIN) || me.has(Role.SECRETARIAT)) {
            return organisations.findMemberOrganisations();
        }
        return me.organisationId() != null && access.canInviteTo(me.organisationId())
                ? organisations.findById(me.organisationId()).stream().toList() : List.of();
    }

    /** Creates an invitation link to join the organisation. */
    @PreAuthorize("@access.canInviteTo(#organisationId)")
    public Invitation invite(long organisationId) {
        Organisation organisation = organisations.findById(organisationId)
                .orElseThrow(() -> new UserFacingException("validation.organisation.unknown"));
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Instant now = clock.instant();
        Instant expires = now.plus(VALIDITY);
        invitations.insert(organisationId, TokenService.hash(secret), access.current().id(), now, expires);
        return new Invitation(organisation, secret, expires);
    }

    /** The organisation an invitation link leads to; refused when the link is unknown, used or expired. */
    @PreAuthorize("isAuthenticated()")
    public Organisation invitationTo(String secret) {
        return organisations.findById(valid(secret).organisationId()).orElseThrow();
    }

    /**
     * Makes the signed-in person a member of the invitation's organisation (and no longer its former one's contact)
     * and uses the link up. Their earlier comments stay with the organisation they were made for.
     */
    @PreAuthorize("isAuthenticated()")
    public Organisation accept(String secret) {
        InvitationRepository.Open invitation = valid(secret);
        long me = access.current().id();
        users.joinOrganisation(me, invitation.organisationId(), clock.instant());
        invitations.markUsed(invitation.id(), me, clock.instant());
        return organisations.findById(invitation.organisationId()).orElseThrow();
    }

    /** Whether the signed-in person is registered as an individual (not a member of any organisation). */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public boolean isIndividual() {
        Long organisation = access.current().organisationId();
        return organisation == null || organisations.isIndividual(organisation);
    }

    private InvitationRepository.Open valid(String secret) {
        Optional<InvitationRepository.Open> found = secret == null || secret.isBlank() ? Optional.empty()
                : invitations.findUnusedForUpdate(TokenService.hash(secret.trim()));
        return found.filter(i -> clock.instant().isBefore(i.expiresAt()))
                .orElseThrow(() -> new UserFacingException("membership.invitation.invalid"));
    }
}
