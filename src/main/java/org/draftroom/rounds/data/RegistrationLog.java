package org.draftroom.rounds.data;

import java.sql.Timestamp;
import java.time.Instant;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Registrations per client address ({@code registration_attempt}), shared by every node. Counting and adding are
 * done under a transaction-scoped advisory lock on the address, so that concurrent registrations from one address,
 * on any node, are counted one after another. Callers hold a transaction. Thread-safe.
 */
@Repository
public class RegistrationLog {

    /** Longer addresses are cut: they can only share a count, which errs on the safe side. */
    private static final int MAX_ADDRESS_LENGTH = 300;

    private final JdbcClient jdbc;

    RegistrationLog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Locks the address until the caller's transaction ends and counts its registrations since {@code since}. */
    public long lockAndCount(String address, Instant since) {
        String key = cut(address);
        jdbc.sql("select pg_advisory_xact_lock(hashtextextended(:k, 1))").param("k", "registration:" + key).query()
                .singleRow();
        return jdbc.sql("select count(*) from registration_attempt where address = :a and registered_at > :s")
                .param("a", key).param("s", Timestamp.from(since)).query(Long.class).single();
    }

    public void add(String address, Instant at) {
        jdbc.sql("insert into registration_attempt (address, registered_at) values (:a, :at)")
                .param("a", cut(address)).param("at", Timestamp.from(at)).update();
    }

    /** Deletes the rows that no longer count. */
    public void forgetBefore(Instant since) {
        jdbc.sql("delete from registration_attempt where registered_at <= :s").param("s", Timestamp.from(since))
                .update();
    }

    private static String cut(String address) {
        return address.length() <= MAX_ADDRESS_LENGTH ? address : address.substring(0, MAX_ADDRESS_LENGTH);
    }
}
