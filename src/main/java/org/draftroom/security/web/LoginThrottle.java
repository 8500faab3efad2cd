package org.draftroom.security.web;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.draftroom.security.SecurityProperties;
import org.springframework.stereotype.Component;

/**
 * Counts failed sign-ins per account and per client address in a sliding window, and refuses further attempts
 * once either count reaches its limit, before any password is checked (so a flood costs no bcrypt work).
 * Counts are kept in memory per node; the number of tracked keys is bounded. Thread-safe.
 */
@Component
public class LoginThrottle {

    private static final int MAX_TRACKED_KEYS = 50_000;

    private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();
    private final SecurityProperties properties;
    private final Clock clock;

    LoginThrottle(SecurityProperties properties, Clock clock) {
        this.properties = properties;
        this.clock = clock;
    }

    public boolean isBlocked(String username, String address) {
        return count(accountKey(username)) >= properties.maxFailuresPerAccount()
                || (address != null && count(addressKey(address)) >= properties.maxFailuresPerAddress());
    }

    public void failed(String username, String address) {
        if (failures.size() > MAX_TRACKED_KEYS) {
            prune();
        }
        record(accountKey(username));
        if (address != null) {
            record(addressKey(address));
        }
    }

    public void succeeded(String username) {
        failures.remove(accountKey(username));
    }

    private void record(String key) {
        Deque<Instant> times = failures.computeIfAbsent(key, k -> new ArrayDeque<>());
        synchronized (times) {
            times.addLast(clock.instant());
            while (times.size() > Math.max(properties.maxFailuresPerAccount(), properties.maxFailuresPerAddress())) {
                times.removeFirst();
            }
        }
    }

    private int count(String key) {
        Deque<Instant> times = failures.get(key);
        if (times == null) {
            return 0;
        }
        Instant since = clock.instant().minus(properties.failureWindow());
        synchronized (times) {
            times.removeIf(t -> t.isBefore(since));
            return times.size();
        }
    }

    private void prune() {
        failures.keySet().removeIf(key -> count(key) == 0);
        if (failures.size() > MAX_TRACKED_KEYS) {
            failures.clear();
        }
    }

    private static String accountKey(String username) {
        return "u:" + (username == null ? "" : username.trim().toLowerCase(Locale.ROOT));
    }

    private static String addressKey(String address) {
        return "a:" + address;
    }
}
