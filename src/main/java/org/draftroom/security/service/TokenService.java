package org.draftroom.security.service;

import static org.draftroom.security.service.Checks.check;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.draftroom.base.UserFacingException;
import org.draftroom.security.Access;
import org.draftroom.security.data.TokenRepository;
import org.draftroom.security.domain.ApiToken;
import org.draftroom.security.domain.Rules;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Personal access tokens for the REST API. A token carries exactly its owner's rights. Only a SHA-256 hash of the
 * secret is stored (the secret has 256 random bits, so a plain hash is enough); the secret is shown once, on creation.
 */
@Service
@Transactional
public class TokenService {

    static final String PREFIX = "drt_";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final TokenRepository tokens;
    private final Access access;
    private final Clock clock;

    TokenService(TokenRepository tokens, Access access, Clock clock) {
        this.tokens = tokens;
        this.access = access;
        this.clock = clock;
    }

    /** A new token and its secret, which cannot be read again. */
    public record NewToken(ApiToken token, String secret) {
    }

    @PreAuthorize("isAuthenticated()")
    public NewToken create(String name) {
        check("token.name", Rules.tokenName(name));
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String secret = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        long userId = access.current().id();
        long id = tokens.insert(userId, name.trim(), hash(secret), secret.substring(0, PREFIX.length() + 6),
                clock.instant());
        ApiToken token = tokens.findByUser(userId).stream().filter(t -> t.id() == id).findFirst().orElseThrow();
        return new NewToken(token, secret);
    }

    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public List<ApiToken> mine() {
        return tokens.findByUser(access.current().id());
    }

    @PreAuthorize("isAuthenticated()")
    public void revoke(long tokenId) {
        if (!tokens.revoke(access.current().id(), tokenId, clock.instant())) {
            throw new UserFacingException("token.not-found");
        }
    }

    /** The owner of an active token with this secret; records the use. For the API's authentication filter. */
    public Optional<Long> ownerOf(String secret) {
        if (secret == null || !secret.startsWith(PREFIX)) {
            return Optional.empty();
        }
        String hash = hash(secret);
        Optional<Long> owner = tokens.findActiveOwner(hash);
        owner.ifPresent(o -> tokens.touch(hash, clock.instant()));
        return owner;
    }

    /** The SHA-256 hash of a token secret, in hex: what is stored, and what rate limits count by. */
    public static String hash(String secret) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
