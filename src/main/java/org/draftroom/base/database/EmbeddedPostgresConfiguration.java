package org.draftroom.base.database;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.draftroom.base.DraftroomProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/**
 * Starts a real PostgreSQL server inside the application when no {@code spring.datasource.url} is configured
 * ({@link EmbeddedDatabase}: durable, password-protected, supervised). Its data lives in
 * {@code <draftroom.data-dir>/postgres} and its passwords in {@code <draftroom.data-dir>/postgres.credentials}, so
 * every change survives a restart; the server stops with the application. Setting {@code spring.datasource.url} (or
 * {@code SPRING_DATASOURCE_URL}) switches this off and Spring Boot's ordinary data source takes over.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(NoDatasourceUrlCondition.class)
class EmbeddedPostgresConfiguration {

    @Bean(destroyMethod = "close")
    EmbeddedDatabase embeddedDatabase(DraftroomProperties properties, DatabaseProperties database) throws IOException {
        Path dataDir = properties.dataDir().toAbsolutePath().normalize();
        return EmbeddedDatabase.start(dataDir.resolve("postgres"), dataDir.resolve("postgres.credentials"),
                database.superviseInterval(), database.serverSettings());
    }

    @Bean(destroyMethod = "close")
    DataSource dataSource(EmbeddedDatabase server, DatabaseProperties database) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(server.jdbcUrl());
        config.setUsername(EmbeddedDatabase.APPLICATION_ROLE);
        config.setPassword(server.applicationPassword());
        config.setMaximumPoolSize(20);
        // fail fast when the server is down (the API answers 503) instead of holding requests for 30 s
        config.setConnectionTimeout(database.connectionTimeout().toMillis());
        config.setValidationTimeout(Math.min(1000, database.connectionTimeout().toMillis()));
        config.setPoolName("draftroom-embedded");
        return new HikariDataSource(config);
    }
}
