package org.draftroom.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
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
@Tag(name = "account")
class AccountController {

    private final Access access;
    private final TokenService tokens;

    AccountController(Access access, TokenService tokens) {
        this.access = access;
        this.tokens = tokens;
    }

    @Schema(name = "Me")
    record Me(String username, String displayName, List<String> roles,
              @Schema(nullable = true) String organisation, List<String> workingGroups) {
    }

    @GetMapping("/me")
    @Operation(operationId = "me", summary = "The caller")
    @ApiResponse(responseCode = "200", description = "username, roles, organisation and working groups")
    Me me() {
        CurrentUser me = access.current();
        return new Me(me.username(), me.displayName(), me.roles().stream().map(Enum::name).sorted().toList(),
                me.organisationCode(), me.workingGroupCodes().stream().sorted().toList());
    }

    @Schema(name = "TokenRequest")
    record TokenRequest(@Schema(description = "the token's name; API when absent") String name) {
    }

    @Schema(name = "CreatedToken")
    record CreatedToken(long id, String name,
                        @Schema(description = "the secret, returned only this once") String token,
                        Instant createdAt) {
    }

    /** Creates a token for the caller (who signs in with HTTP Basic); the secret is returned this once. */
    @PostMapping("/tokens")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(operationId = "createToken", summary = "Create a personal access token (shown once)",
            security = @SecurityRequirement(name = "basic"))
    @ApiResponse(responseCode = "201", description = "the new token; `token` is the secret, returned only this once")
    CreatedToken createToken(@RequestBody(required = false) TokenRequest request) {
        String name = request == null || request.name() == null ? "API" : request.name();
        TokenService.NewToken created = tokens.create(name);
        return new CreatedToken(created.token().id(), created.token().name(), created.secret(),
                created.token().createdAt());
    }
}
