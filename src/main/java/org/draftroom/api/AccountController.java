package org.draftroom.api;

import java.time.Instant;
import java.util.List;
import org.draftroom.security.Access;
import org.draftroom.security.CurrentUser;
import org.draftroom.security.service.TokenService;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Who the caller is, and personal access tokens. */
@RestController
@RequestMapping("/api/v1")
class AccountController {

    private final Access access;
    private final TokenService tokens;

    AccountController(Access access, TokenService tokens) {
        this.access = access;
        this.tokens = tokens;
    }

    record Me(String username, String displayName, List<String> roles, String organisation,
              List<String> workingGroups) {
    }

    @GetMapping("/me")
    Me me() {
        CurrentUser me = access.current();
        return new Me(me.username(), me.displayName(), me.roles().stream().map(Enum::name).sorted().toList(),
                me.organisationCode(), me.workingGroupCodes().stream().sorted().toList());
    }

    record TokenRequest(String name) {
    }

    record CreatedToken(long id, String name, String token, Instant createdAt) {
    }

    /** Creates a token for the caller (who signs in with HTTP Basic); the secret is returned this once. */
    @PostMapping("/tokens")
    @ResponseStatus(HttpStatus.CREATED)
    CreatedToken createToken(@RequestBody(required = false) TokenRequest request) {
        String name = request == null || request.name() == null ? "API" : request.name();
        TokenService.NewToken created = tokens.create(name);
        return new CreatedToken(created.token().id(), created.token().name(), created.secret(),
                created.token().createdAt());
    }
}
