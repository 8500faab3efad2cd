package org.draftroom.rounds.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.draftroom.base.UserFacingException;
import org.draftroom.security.domain.UserForm;
import org.draftroom.security.service.UserService;
import org.springframework.stereotype.Service;

/**
 * Self-registration of reviewers for public rounds, throttled per client address like sign-in: at most
 * {@value #MAX_PER_WINDOW} registrations from one address per hour (counted in memory per node, bounded). The
 * account is a reviewer registered as an individual and nothing more: naming an organisation grants nothing
 * (see {@link UserService#registerReviewer}).
 */
@Service
public class RegistrationService {

    static final int MAX_PER_WINDOW = 5;
    static final Duration WINDOW = Duration.ofHours(1);
    private static final int MAX_TRACKED = 50_000;

    private final UserService users;
    private final Clock clock;
    private final Map<String, Deque<Instant>> attempts = new ConcurrentHashMap<>();

    RegistrationService(UserService users, Clock clock) {
        this.users = users;
        this.clock = clock;
    }

    /**
     * Registers a reviewer; refused with {@code registration.throttled} when the address registered too often. Only
     * registrations that created an account count: a refused form (a taken username, a bad name) creates nothing,
     * and registrations from one address are made one at a time so that the count holds.
     */
    public void register(String address, String displayName, String email, String username, String password) {
        String key = address == null ? "?" : address;
        Instant now = clock.instant();
        if (attempts.size() > MAX_TRACKED) {
            attempts.clear();
        }
        Deque<Instant> times = attempts.computeIfAbsent(key, k -> new ArrayDeque<>());
        synchronized (times) {
            times.removeIf(t -> t.isBefore(now.minus(WINDOW)));
            if (times.size() >= MAX_PER_WINDOW) {
                throw new UserFacingException("registration.throttled");
            }
            UserForm form = new UserForm();
            form.setDisplayName(displayName);
            form.setEmail(email);
            form.setUsername(username);
            form.setPassword(password);
            users.registerReviewer(form);
            times.addLast(now);
        }
    }
}
