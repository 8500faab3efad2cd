package org.draftroom.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.draftroom.IntegrationTest;
import org.draftroom.base.UserFacingException;
import org.draftroom.security.domain.UserForm;
import org.draftroom.security.service.DirectoryService;
import org.draftroom.security.service.TokenService;
import org.draftroom.security.service.UserService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * Calls every service operation of the security module as each role (and as nobody) and checks that the service
 * itself allows or refuses it, whatever the UI shows. An allowed call may still be refused for its input; only
 * access is checked here.
 */
@IntegrationTest
class AuthorizationIT {

    @Autowired UserService users;
    @Autowired DirectoryService directory;
    @Autowired TokenService tokens;
    @Autowired UserDetailsService userDetails;

    interface Operation {
        void run(AuthorizationIT test);
    }

    private static final Map<String, Operation> OPERATIONS = Map.ofEntries(
            Map.entry("list users", t -> t.users.find("", 0, 10)),
            Map.entry("create user", t -> t.users.create(invalidForm())),
            Map.entry("update user", t -> t.users.update(-1, invalidForm())),
            Map.entry("disable user", t -> t.users.setEnabled(-1, true)),
            Map.entry("reset password", t -> t.users.resetPassword(-1, "x", true)),
            Map.entry("own profile", t -> t.users.me()),
            Map.entry("change own password", t -> t.users.changeOwnPassword("wrong", "x", true, null)),
            Map.entry("list organisations", t -> t.directory.organisations()),
            Map.entry("save organisation", t -> t.directory.saveOrganisation(null, "", "", "")),
            Map.entry("delete organisation", t -> t.directory.deleteOrganisation(-1)),
            Map.entry("list working groups", t -> t.directory.workingGroups()),
            Map.entry("save working group", t -> t.directory.saveWorkingGroup(null, "", "", "")),
            Map.entry("delete working group", t -> t.directory.deleteWorkingGroup(-1)),
            Map.entry("create token", t -> t.tokens.create("")),
            Map.entry("list own tokens", t -> t.tokens.mine()),
            Map.entry("revoke own token", t -> t.tokens.revoke(-1)));

    private static final Set<String> EVERYONE_SIGNED_IN = Set.of("own profile", "change own password",
            "create token", "list own tokens", "revoke own token");
    private static final Set<String> DIRECTORY_READ = Set.of("list organisations", "list working groups");

    static Stream<Arguments> matrix() {
        List<String> roles = List.of("admin", "secretariat", "editor1", "reviewer1", "(nobody)");
        return roles.stream().flatMap(who -> OPERATIONS.keySet().stream().sorted().map(op -> {
            boolean allowed = switch (who) {
                case "admin" -> true;
                case "secretariat" -> EVERYONE_SIGNED_IN.contains(op) || DIRECTORY_READ.contains(op);
                case "(nobody)" -> false;
                default -> EVERYONE_SIGNED_IN.contains(op);
            };
            return Arguments.of(who, op, allowed);
        }));
    }

    @ParameterizedTest(name = "{0} may {1}: {2}")
    @MethodSource("matrix")
    void each_service_operation_allows_exactly_the_roles_it_should(String who, String operation, boolean allowed) {
        if (!who.equals("(nobody)")) {
            SignedIn.as(userDetails, who);
        }
        Operation op = OPERATIONS.get(operation);
        if (allowed) {
            try {
                op.run(this);
            } catch (UserFacingException refusedForItsInput) {
                assertThat(refusedForItsInput.messageKey()).isNotBlank();
            }
        } else {
            assertThatThrownBy(() -> op.run(this))
                    .isInstanceOfAny(AccessDeniedException.class, AuthenticationCredentialsNotFoundException.class);
        }
    }

    @AfterEach
    void signOut() {
        SignedIn.nobody();
    }

    private static UserForm invalidForm() {
        return new UserForm();
    }
}
