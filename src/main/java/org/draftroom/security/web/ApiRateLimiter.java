package org.draftroom.security.web;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.draftroom.security.SecurityProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Counts API requests per token and per client address in PostgreSQL (table {@code api_request_count}), so the
 * limits hold across nodes and restarts. A key's window starts with its first request after the previous window
 * ended; within it, requests beyond the limit are refused until the window ends. Counting and deciding is one
 * atomic statement per request (an upsert), so concurrent requests on any node are all counted. Thread-safe.
 */
@Component
public class ApiRateLimiter {

    private final JdbcClient jdbc;
    private final SecurityProperties properties;
    private final Clock clock;

    ApiRateLimiter(JdbcClient jdbc, SecurityProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * Counts a request of this token (its hash, or null for a request without a token) from this address (null when
     * unknown).
     *
     * @return empty when the request may proceed, else how long the caller must wait
     */
    public Optional<Duration> admit(String tokenHash, String address) {
        if (tokenHash == null && address == null) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        Duration window = properties.apiWindow();
        StringBuilder values = new StringBuilder();
        if (tokenHash != null) {
            values.append("(:token, :now, 1)");
        }
        if (address != null) {
            values.append(values.isEmpty() ? "" : ", ").append("(:address, :now, 1)");
        }
        // Token before address in every statement, so two statements never wait for each other's rows in turn.
        var statement = jdbc.sql("insert into api_request_count as c (key, window_start, requests) values " + values
                        + " on conflict (key) do update set"
                        + " window_start = case when c.window_start <= :expired then excluded.window_start"
                        + "   else c.window_start end,"
                        + " requests = case when c.window_start <= :expired then 1 else c.requests + 1 end"
                        + " returning key, window_start, requests")
                .param("now", Timestamp.from(now)).param("expired", Timestamp.from(now.minus(window)));
        if (tokenHash != null) {
            statement = statement.param("token", "t:" + tokenHash);
        }
        if (address != null) {
            statement = statement.param("address", "a:" + address);
        }
        return statement.query((rs, n) -> {
                    int limit = rs.getString("key").startsWith("t:") ? properties.apiRequestsPerToken()
                            : properties.apiRequestsPerAddress();
                    return rs.getInt("requests") > limit
                            ? Duration.between(now, rs.getTimestamp("window_start").toInstant().plus(window))
                            : Duration.ZERO;
                })
                .list().stream().filter(wait -> !wait.isZero()).max(Duration::compareTo);
    }

    /** Forgets windows that have ended. */
    @Scheduled(fixedDelayString = "PT5M", initialDelayString = "PT1M")
    public void forgetExpired() {
        jdbc.sql("delete from api_request_count where window_start <= :expired")
                .param("expired", Timestamp.from(clock.instant().minus(properties.apiWindow()))).update();
    }
}
