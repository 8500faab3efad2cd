package org.draftroom.base.database;

import java.sql.Connection;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.sql.DataSource;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * The {@code db} component of {@code /actuator/health} (replacing Spring Boot's, which waits as long as the pool's
 * connection timeout): borrows a connection and checks it, but answers DOWN when that takes longer than
 * {@code draftroom.database.health-timeout}, so a dead database is reported within a second. The waiting check is
 * interrupted, so checks never pile up.
 */
@Component("dbHealthIndicator")
class DatabaseHealthIndicator implements HealthIndicator {

    private final DataSource dataSource;
    private final DatabaseProperties properties;
    private final ExecutorService checks = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "database-health");
        t.setDaemon(true);
        return t;
    });

    DatabaseHealthIndicator(DataSource dataSource, DatabaseProperties properties) {
        this.dataSource = dataSource;
        this.properties = properties;
    }

    @Override
    public Health health() {
        long timeout = properties.healthTimeout().toMillis();
        Future<Boolean> check = checks.submit(() -> {
            try (Connection c = dataSource.getConnection()) {
                return c.isValid((int) Math.max(1, TimeUnit.MILLISECONDS.toSeconds(timeout)));
            }
        });
        try {
            return check.get(timeout, TimeUnit.MILLISECONDS) ? Health.up().withDetail("database", "PostgreSQL").build()
                    : Health.down().withDetail("error", "the connection is not valid").build();
        } catch (TimeoutException e) {
            check.cancel(true);
            return Health.down().withDetail("error", "no answer within " + timeout + " ms").build();
        } catch (ExecutionException e) {
            return Health.down(e.getCause() instanceof Exception ex ? ex : e).build();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Health.unknown().build();
        }
    }
}
