package org.draftroom.security.web;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Set;
import org.draftroom.security.Role;
import org.draftroom.security.SecurityProperties;
import org.draftroom.security.data.UserRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * On a start that finds no user at all, creates one administrator so that somebody can sign in: with the configured
 * password, or with a one-time password printed to the log that must be changed at first sign-in.
 * Runs after the demo data (which, in the demo profile, already creates an administrator).
 */
@Component
@Order(100)
class InitialAdministrator implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(InitialAdministrator.class);
    private static final String ALPHABET = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    private final UserRepository users;
    private final PasswordEncoder encoder;
    private final SecurityProperties properties;
    private final Clock clock;

    InitialAdministrator(UserRepository users, PasswordEncoder encoder, SecurityProperties properties, Clock clock) {
        this.users = users;
        this.encoder = encoder;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (users.count() > 0) {
            return;
        }
        boolean generated = properties.initialAdminPassword().isBlank();
        String password = generated ? oneTimePassword() : properties.initialAdminPassword();
        long id = users.insert(properties.initialAdminUsername(), "Administrator", null, encoder.encode(password),
                null, generated, clock.instant());
        users.replaceRoles(id, Set.of(Role.ADMIN));
        if (generated) {
            log.warn("No users found: created administrator '{}' with the one-time password {} (it must be changed"
                    + " at first sign-in)", properties.initialAdminUsername(), password);
        } else {
            log.info("No users found: created administrator '{}' with the configured password",
                    properties.initialAdminUsername());
        }
    }

    private static String oneTimePassword() {
        SecureRandom random = new SecureRandom();
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 16; i++) {
            sb.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return sb.toString();
    }
}
