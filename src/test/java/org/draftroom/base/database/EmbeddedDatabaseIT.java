package org.draftroom.base.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** The embedded PostgreSQL server as an operator or another user of the machine meets it. */
class EmbeddedDatabaseIT {

    private static final Duration SUPERVISE = Duration.ofMillis(200);

    @Test
    void the_server_runs_with_fsync_synchronous_commit_and_full_page_writes_on() throws Exception {
        Path dir = Files.createTempDirectory(Path.of("target"), "durable-");
        try (EmbeddedDatabase db = start(dir); Connection c = application(db)) {
            assertThat(show(c, "fsync")).isEqualTo("on");
            assertThat(show(c, "synchronous_commit")).isEqualTo("on");
            assertThat(show(c, "full_page_writes")).isEqualTo("on");
        }
    }

    @Test
    void a_connection_without_the_password_is_refused_and_the_application_is_no_superuser() throws Exception {
        Path dir = Files.createTempDirectory(Path.of("target"), "closed-");
        try (EmbeddedDatabase db = start(dir)) {
            for (String user : new String[] {"postgres", "draftroom"}) {
                assertThatThrownBy(() -> connect(db, "postgres", user, null)).as(user + " without a password")
                        .isInstanceOf(SQLException.class).hasMessageContaining("password");
                assertThatThrownBy(() -> connect(db, "postgres", user, "guess")).as(user + " with a wrong password")
                        .isInstanceOf(SQLException.class).hasMessageContaining("password authentication failed");
            }
            try (Connection c = application(db); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("select r.rolsuper, r.rolcreaterole, r.rolcreatedb,"
                         + " pg_get_userbyid(d.datdba) from pg_roles r, pg_database d"
                         + " where r.rolname = current_user and d.datname = current_database()")) {
                rs.next();
                assertThat(rs.getBoolean(1)).as("superuser").isFalse();
                assertThat(rs.getBoolean(2)).as("may create roles").isFalse();
                assertThat(rs.getBoolean(3)).as("may create databases").isFalse();
                assertThat(rs.getString(4)).as("owner of its database").isEqualTo("draftroom");
            }
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(credentials(dir))))
                    .isEqualTo("rw-------");
            assertThat(Files.readString(dir.resolve("postgres/pg_hba.conf"))).doesNotContain("trust");
        }
    }

    @Test
    void a_data_directory_of_the_earlier_version_is_converted_on_start() throws Exception {
        Path dir = Files.createTempDirectory(Path.of("target"), "legacy-");
        // what the earlier version left: trust authentication, the database and its tables owned by postgres
        try (EmbeddedPostgres old = EmbeddedPostgres.builder().setDataDirectory(dir.resolve("postgres"))
                .setCleanDataDirectory(false).start()) {
            try (Connection c = old.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
                s.execute("create database draftroom encoding 'UTF8' template template0");
            }
            try (Connection c = old.getDatabase("postgres", "draftroom").getConnection();
                 Statement s = c.createStatement()) {
                s.execute("create table kept (id bigint generated always as identity primary key, text text)");
                s.execute("insert into kept (text) values ('written before the upgrade')");
                s.execute("create view kept_texts as select text from kept");
            }
        }
        try (EmbeddedDatabase db = start(dir); Connection c = application(db); Statement s = c.createStatement()) {
            s.execute("insert into kept (text) values ('written after')");
            s.execute("alter table kept add column note text");
            try (ResultSet rs = s.executeQuery("select count(*) from kept_texts")) {
                rs.next();
                assertThat(rs.getInt(1)).isEqualTo(2);
            }
            assertThatThrownBy(() -> connect(db, "draftroom", "postgres", null)).isInstanceOf(SQLException.class);
        }
        try (EmbeddedDatabase again = start(dir); Connection c = application(again)) {
            assertThat(show(c, "fsync")).as("a second start finds it converted").isEqualTo("on");
        }
    }

    @Test
    void a_killed_server_is_started_again_on_the_same_port_with_its_data() throws Exception {
        Path dir = Files.createTempDirectory(Path.of("target"), "supervised-");
        try (EmbeddedDatabase db = start(dir)) {
            try (Connection c = application(db); Statement s = c.createStatement()) {
                s.execute("create table survivor (text text)");
                s.execute("insert into survivor values ('committed before the kill')");
            }
            long pid = EmbeddedDatabase.readPostmasterPid(dir.resolve("postgres")).orElseThrow();
            ProcessHandle.of(pid).orElseThrow().destroyForcibly();
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            String text = null;
            while (text == null && System.nanoTime() < deadline) {
                try (Connection c = application(db); Statement s = c.createStatement();
                     ResultSet rs = s.executeQuery("select text from survivor")) {
                    rs.next();
                    text = rs.getString(1);
                } catch (SQLException notYet) {
                    Thread.onSpinWait();
                }
            }
            assertThat(text).isEqualTo("committed before the kill");
            assertThat(EmbeddedDatabase.readPostmasterPid(dir.resolve("postgres"))).get().isNotEqualTo(pid);
        }
    }

    private static EmbeddedDatabase start(Path dir) throws Exception {
        return EmbeddedDatabase.start(dir.resolve("postgres"), credentials(dir), SUPERVISE, java.util.Map.of());
    }

    private static Path credentials(Path dir) {
        return dir.resolve("postgres.credentials");
    }

    private static Connection application(EmbeddedDatabase db) throws SQLException {
        return connect(db, "draftroom", "draftroom", db.applicationPassword());
    }

    private static Connection connect(EmbeddedDatabase db, String database, String user, String password)
            throws SQLException {
        Properties p = new Properties();
        p.setProperty("user", user);
        if (password != null) {
            p.setProperty("password", password);
        }
        p.setProperty("connectTimeout", "5");
        return DriverManager.getConnection("jdbc:postgresql://localhost:" + db.port() + "/" + database, p);
    }

    private static String show(Connection c, String setting) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("show " + setting)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
