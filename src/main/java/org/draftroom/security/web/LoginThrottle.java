package org.draftroom.security.web;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.draftroom.security.SecurityProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Counts failed sign-ins per account and per client address within a sliding window, in PostgreSQL (table
 * {@code sign_in_failure}), so the counts survive restarts and hold across nodes; every account and address has
 * rows of its own, so no flood of other names can reset or evict them. An attempt is refused once either count
 * has reached its limit, before any password is checked, so a refused attempt costs no bcrypt work.
 *
 * <p>{@link #begin} checks the counts and reserves a row per key under PostgreSQL advisory locks on the keys, in
 * one transaction: concurrent attempts on any node are counted while they are checked, so parallel guesses cannot
 * exceed the limit. The reservation becomes a failure, or is removed when the password proves right. Thread-safe.
 */
@Component
public class LoginThrottle {

    /** Longer names are cut for the key: they can only share a count, which errs on the safe side. */
    private static final int MAX_KEY_LENGTH = 256;

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final SecurityProperties properties;
    private final Clock clock;

    LoginThrottle(JdbcClient jdbc, PlatformTransactionManager transactions, SecurityProperties properties,
                  Clock clock) {
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
        this.properties = properties;
        this.clock = clock;
    }

    /** A sign-in attempt holding its place in the counts until its outcome is known. */
    public final class Attempt {

        private final String accountKey;
        private final List<Long> rows;
        private final List<String> lastBeforeLimit;

        private Attempt(String accountKey, List<Long> rows, List<String> lastBeforeLimit) {
            this.accountKey = accountKey;
            this.rows = rows;
            this.lastBeforeLimit = lastBeforeLimit;
        }

        /**
         * The password was wrong (or the account unknown): the reservation stays, as a failure.
         *
         * @return the keys ({@code u:name}, {@code a:address}) this failure brought to their limit
         */
        public List<String> failed() {
            return lastBeforeLimit;
        }

        /** The password was right: the account's failures are forgotten; the address keeps its count. */
        public void succeeded() {
            released();
            jdbc.sql("delete from sign_in_failure where key = :k").param("k", accountKey).update();
        }

        /** Neither (a disabled account with its right password, or an error): the reservation is removed. */
        public void released() {
            jdbc.sql("delete from sign_in_failure where id in (:ids)").param("ids", rows).update();
        }
    }

    /**
     * Starts a sign-in attempt for this name from this address (null when unknown).
     *
     * @throws LoginThrottledException when the account or the address has too many failures in the window
     */
    public Attempt begin(String username, String address) {
        String account = accountKey(username);
        return transaction.execute(status -> {
            Instant now = clock.instant();
            List<Long> rows = new ArrayList<>();
            List<String> lastBeforeLimit = new ArrayList<>();
            reserve(account, properties.maxFailuresPerAccount(), now, rows, lastBeforeLimit);
            if (address != null) {
                reserve(addressKey(address), properties.maxFailuresPerAddress(), now, rows, lastBeforeLimit);
            }
            return new Attempt(account, rows, lastBeforeLimit);
        });
    }

    /**
     * Refuses a request from this address (null when unknown) when the address has too many failures in the window.
     *
     * @throws LoginThrottledException when it has
     */
    public void checkAddress(String address) {
        if (address != null) {
            Instant now = clock.instant();
            Duration wait = wait(addressKey(address), properties.maxFailuresPerAddress(), now);
            if (wait != null) {
                throw new LoginThrottledException(wait);
            }
        }
    }

    /** Counts a failed authentication other than a password (a wrong API token) against the address. */
    public void failedFrom(String address) {
        if (address != null) {
            insert(addressKey(address), clock.instant());
        }
    }

    /** Forgets failures that no longer count, so the table holds at most a window's worth. */
    @Scheduled(fixedDelayString = "PT5M", initialDelayString = "PT1M")
    public void forgetExpired() {
        jdbc.sql("delete from sign_in_failure where failed_at <= :since")
                .param("since", Timestamp.from(clock.instant().minus(properties.failureWindow()))).update();
    }

    private void reserve(String key, int limit, Instant now, List<Long> rows, List<String> lastBeforeLimit) {
        jdbc.sql("select pg_advisory_xact_lock(hashtextextended(:k, 0))").param("k", key).query().singleRow();
        long count = jdbc.sql("select count(*) from sign_in_failure where key = :k and failed_at > :since")
                .param("k", key).param("since", Timestamp.from(now.minus(properties.failureWindow())))
                .query(Long.class).single();
        if (count >= limit) {
            throw new LoginThrottledException(Objects.requireNonNullElse(wait(key, limit, now),
                    properties.failureWindow()));
        }
        if (count == limit - 1) {
            lastBeforeLimit.add(key);
        }
        rows.add(insert(key, now));
    }

    /** How long until the key's count drops below the limit, or null when it is below already. */
    private Duration wait(String key, int limit, Instant now) {
        Instant since = now.minus(properties.failureWindow());
        // The limit-th most recent failure: once it leaves the window, fewer than limit remain.
        return jdbc.sql("select failed_at from sign_in_failure where key = :k and failed_at > :since"
                        + " order by failed_at desc offset :skip limit 1")
                .param("k", key).param("since", Timestamp.from(since)).param("skip", Math.max(limit - 1, 0))
                .query(Timestamp.class).optional()
                .map(t -> Duration.between(since, t.toInstant()))
                .orElse(null);
    }

    private long insert(String key, Instant now) {
        return jdbc.sql("insert into sign_in_failure (key, failed_at) values (:k, :at) returning id")
                .param("k", key).param("at", Timestamp.from(now)).query(Long.class).single();
    }

    private static String accountKey(String username) {
        return cut("u:" + (username == null ? "" : username.trim().toLowerCase(Locale.ROOT)));
    }

    private static String addressKey(String address) {
        return cut("a:" + address);
    }

    private static String cut(String key) {
        return key.length() <= MAX_KEY_LENGTH ? key : key.substring(0, MAX_KEY_LENGTH);
    }
}
