package org.draftroom.base;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import org.draftroom.RunningApplication;
import org.draftroom.security.SignedIn;
import org.draftroom.security.service.DirectoryService;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.core.userdetails.UserDetailsService;

/** Where the data lives: the embedded database survives a restart, and an external PostgreSQL can replace it. */
class DatabaseIT {

    @Test
    void changes_survive_closing_and_starting_the_application_again() throws Exception {
        Path dataDir = Files.createTempDirectory(Path.of("target"), "restart-");
        try (ConfigurableApplicationContext first = RunningApplication.start(dataDir)) {
            SignedIn.as(first.getBean(UserDetailsService.class), "admin");
            first.getBean(DirectoryService.class).saveOrganisation(null, "CN-KEEP", "保留单位", "Kept organisation");
            SignedIn.nobody();
        }
        try (ConfigurableApplicationContext second = RunningApplication.start(dataDir)) {
            SignedIn.as(second.getBean(UserDetailsService.class), "admin");
            assertThat(second.getBean(DirectoryService.class).organisations())
                    .anySatisfy(o -> assertThat(o.code()).isEqualTo("CN-KEEP"));
            SignedIn.nobody();
        }
    }

    @Test
    void an_external_postgresql_is_used_when_spring_datasource_url_is_set() throws Exception {
        Path dataDir = Files.createTempDirectory(Path.of("target"), "external-");
        try (EmbeddedPostgres server = EmbeddedPostgres.builder().start()) {
            String url = server.getJdbcUrl("postgres", "postgres");
            try (ConfigurableApplicationContext app = RunningApplication.start(dataDir, "spring.datasource.url=" + url,
                    "spring.datasource.username=postgres")) {
                assertThat(app.containsBean("embeddedDatabase")).as("no embedded server of its own").isFalse();
                assertThat(Files.exists(dataDir.resolve("postgres"))).isFalse();
            }
            try (Connection c = server.getPostgresDatabase().getConnection();
                 ResultSet rs = c.createStatement().executeQuery(
                         "select (select count(*) from flyway_schema_history where success),"
                                 + " (select count(*) from app_user where username = 'reviewer1')")) {
                rs.next();
                assertThat(rs.getInt(1)).as("Flyway migrated the external database").isGreaterThanOrEqualTo(2);
                assertThat(rs.getInt(2)).as("demo users were written to it").isEqualTo(1);
            }
        }
    }
}
