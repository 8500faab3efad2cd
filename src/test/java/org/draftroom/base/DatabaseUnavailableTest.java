package org.draftroom.base;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

class DatabaseUnavailableTest {

    @Test
    void a_pool_timeout_a_lost_connection_and_a_failed_rollback_after_it_mean_the_database_is_unavailable() {
        assertThat(DatabaseUnavailable.causedBy(new CannotCreateTransactionException("no connection",
                new SQLTransientConnectionException("request timed out after 2000ms")))).isTrue();
        assertThat(DatabaseUnavailable.causedBy(new RuntimeException(
                new SQLException("An I/O error occurred while sending to the backend.", "08006")))).isTrue();
        assertThat(DatabaseUnavailable.causedBy(new SQLException("the database system is in recovery mode",
                "57P03"))).isTrue();
        TransactionSystemException rollback = new TransactionSystemException("JDBC rollback failed",
                new SQLException("Connection is closed"));
        assertThat(DatabaseUnavailable.causedBy(rollback)).isTrue();
    }

    @Test
    void a_refused_statement_is_not_an_unavailable_database() {
        assertThat(DatabaseUnavailable.causedBy(new DataIntegrityViolationException("duplicate key",
                new SQLException("duplicate key value violates unique constraint", "23505")))).isFalse();
        assertThat(DatabaseUnavailable.causedBy(new IllegalStateException("no"))).isFalse();
    }
}
