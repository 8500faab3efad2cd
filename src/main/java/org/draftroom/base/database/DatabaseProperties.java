package org.draftroom.base.database;

import java.time.Duration;
import java.util.Map;
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
 * @param serverSettings    more settings of the embedded PostgreSQL server ({@code shared-buffers: 256MB}; a
 *                          hyphen stands for PostgreSQL's underscore); they win over Draftroom's, so turning
 *                          {@code fsync} off here gives up durability
 */
@ConfigurationProperties("draftroom.database")
public record DatabaseProperties(
        @DefaultValue("2s") Duration connectionTimeout,
        @DefaultValue("500ms") Duration healthTimeout,
        @DefaultValue("500ms") Duration superviseInterval,
        Map<String, String> serverSettings) {

    public DatabaseProperties {
        serverSettings = serverSettings == null ? Map.of() : Map.copyOf(serverSettings);
    }
}
