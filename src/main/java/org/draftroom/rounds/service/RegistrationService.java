package org.draftroom.rounds.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.draftroom.base.UserFacingException;
import org.draftroom.rounds.data.RegistrationLog;
import org.draftroom.security.domain.UserForm;
import org.draftroom.security.service.UserService;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Self-registration of reviewers for public rounds, throttled per client address like sign-in: at most
 * {@value #MAX_PER_WINDOW} registrations from one address per hour, counted in PostgreSQL ({@link RegistrationLog}),
 * so the limit holds across restarts and across the nodes of a cluster, and no flood of other addresses can reset
 * an address's count. The account is a reviewer registered as an individual and nothing more: naming an
 * organisation grants nothing (see {@link UserService#registerReviewer}).
 */
@Service
public class RegistrationService {

    static final int MAX_PER_WINDOW = 5;
    static final Duration WINDOW = Duration.ofHours(1);

    private final UserService users;
    private final RegistrationLog log;
    private final TransactionTemplate transaction;
    private final Clock clock;

    RegistrationService(UserService users, RegistrationLog log, PlatformTransactionManager transactions,
                        Clock clock) {
        this.users = users;
        this.log = log;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    /**
     * Registers a reviewer; refused with {@code registration.throttled} when the address registered too often. Only
     * registrations that created an account count: a refused form (a taken username, a bad name) creates nothing,
     * and registrations from one address are made one at a time, on any node, so that the count holds.
     */
    public void register(String address, String displayName, String email, String username, String password) {
        String key = address == null ? "?" : address;
        transaction.executeWithoutResult(status -> {
            Instant now = clock.instant();
            if (log.lockAndCount(key, now.minus(WINDOW)) >= MAX_PER_WINDOW) {
                throw new UserFacingException("registration.throttled");
            }
            UserForm form = new UserForm();
            form.setDisplayName(displayName);
            form.setEmail(email);
            form.setUsername(username);
            form.setPassword(password);
            users.registerReviewer(form);
            log.add(key, now);
        });
    }

    /** Forgets registrations that no longer count, so the table holds at most a window's worth. */
    @Scheduled(fixedDelayString = "PT10M", initialDelayString = "PT2M")
    public void forgetExpired() {
        log.forgetBefore(clock.instant().minus(WINDOW));
    }
}
