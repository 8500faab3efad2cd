package org.draftroom.base.database;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the application waits for its database.
 *
 * @param connectionTimeout longest wait for a pooled connection before a request fails (the API then answers 503);
 *                          Hikari's {@code connectionTimeout} for the embedded database (default 2 s)
 * @param healthTimeout     longest time {@code /actuator/health} waits for the database before reporting it DOWN
 *                          (default 500 ms)
 * @param superviseInterval how often the embedded PostgreSQL server is checked, and started again when it died
 *                          (default 500 ms)
 */
@ConfigurationProperties("draftroom.database")
public record DatabaseProperties(
        @DefaultValue("2s") Duration connectionTimeout,
        @DefaultValue("500ms") Duration healthTimeout,
        @DefaultValue("500ms") Duration superviseInterval) {
}
