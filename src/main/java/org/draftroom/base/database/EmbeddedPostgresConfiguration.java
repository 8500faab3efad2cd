package org.draftroom.base.database;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.draftroom.base.DraftroomProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/**
 * Starts a real PostgreSQL server inside the application when no {@code spring.datasource.url} is configured.
 * Its data lives in {@code <draftroom.data-dir>/postgres}, so every change survives a restart; the server stops with
 * the application. Setting {@code spring.datasource.url} (or {@code SPRING_DATASOURCE_URL}) switches this off and
 * Spring Boot's ordinary data source takes over.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(NoDatasourceUrlCondition.class)
class EmbeddedPostgresConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresConfiguration.class);
    static final String DATABASE = "draftroom";

    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres(DraftroomProperties properties) throws IOException {
        Path dir = properties.dataDir().toAbsolutePath().normalize().resolve("postgres");
        Files.createDirectories(dir);
        long started = System.nanoTime();
        EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setDataDirectory(dir)
                .setCleanDataDirectory(false)
                .setServerConfig("max_connections", "60")
                .start();
        createDatabaseIfMissing(postgres);
        log.info("Embedded PostgreSQL on port {} with data in {} ({} ms)", postgres.getPort(), dir,
                (System.nanoTime() - started) / 1_000_000);
        return postgres;
    }

    @Bean(destroyMethod = "close")
    DataSource dataSource(EmbeddedPostgres postgres) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(postgres.getJdbcUrl("postgres", DATABASE));
        config.setUsername("postgres");
        config.setMaximumPoolSize(20);
        config.setPoolName("draftroom-embedded");
        return new HikariDataSource(config);
    }

    private static void createDatabaseIfMissing(EmbeddedPostgres postgres) {
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            var rs = s.executeQuery("select 1 from pg_database where datname = '" + DATABASE + "'");
            if (!rs.next()) {
                s.execute("create database " + DATABASE + " encoding 'UTF8' template template0");
            }
        } catch (SQLException e) {
            throw new UncheckedIOException(new IOException("Cannot prepare the embedded database", e));
        }
    }
}
