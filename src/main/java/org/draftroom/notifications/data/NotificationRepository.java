package org.draftroom.notifications.data;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.draftroom.notifications.domain.Notification;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Notifications and their queued e-mails. Callers hold the transaction. Who is in a round's audience, who wrote its
 * comments and how to address someone are asked of the modules that own them (rounds, comments, security).
 */
@Repository
public class NotificationRepository {

    private final JdbcClient jdbc;

    NotificationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Adds a notification unless the person has one of the same event already.
     *
     * @param eventKey what made it ("round-opened:12"), unique per person; a second insert of the same key is ignored
     * @return whether it was added
     */
    public boolean insert(long userId, String kind, String key, List<String> args, String link, Instant at,
                          String eventKey) {
        return jdbc.sql("""
                        insert into notification (user_id, kind, message_key, args, link, created_at, event_key)
                        values (:u, :k, :key, :args, :link, :at, :event)
                        on conflict (user_id, event_key) where event_key is not null do nothing""")
                .param("u", userId).param("k", kind).param("key", key).param("args", args.toArray(String[]::new))
                .param("link", link).param("at", Timestamp.from(at)).param("event", eventKey).update() == 1;
    }

    /** Queues a notification e-mail (in the caller's transaction, so with its notification or not at all). */
    public void queueMail(long userId, String key, List<String> args, String link, Instant at) {
        jdbc.sql("""
                        insert into mail_outbox (user_id, message_key, args, link, created_at, next_attempt_at)
                        values (:u, :key, :args, :link, :at, :at)""")
                .param("u", userId).param("key", key).param("args", args.toArray(String[]::new)).param("link", link)
                .param("at", Timestamp.from(at)).update();
    }

    /** A queued notification e-mail; {@code attempts} counts this one. */
    public record QueuedMail(long id, long userId, String messageKey, List<String> args, String link, int attempts) {
    }

    /**
     * Claims the e-mails due at {@code now}: counts an attempt and moves their next attempt to {@code retryAt}, so a
     * crash before {@link #mailSent} makes them due again then. Rows another transaction claims are skipped.
     */
    public List<QueuedMail> claimDueMails(Instant now, Instant retryAt, int limit) {
        return jdbc.sql("""
                        update mail_outbox set attempts = attempts + 1, next_attempt_at = :retry
                        where id in (select id from mail_outbox
                                     where sent_at is null and failed_at is null and next_attempt_at <= :now
                                     order by id limit :limit for update skip locked)
                        returning id, user_id, message_key, args, link, attempts""")
                .param("now", Timestamp.from(now)).param("retry", Timestamp.from(retryAt)).param("limit", limit)
                .query((rs, n) -> {
                    Array args = rs.getArray(4);
                    return new QueuedMail(rs.getLong(1), rs.getLong(2), rs.getString(3),
                            args == null ? List.of() : Arrays.asList((String[]) args.getArray()), rs.getString(5),
                            rs.getInt(6));
                }).list().stream().sorted(java.util.Comparator.comparingLong(QueuedMail::id)).toList();
    }

    public void mailSent(long id, Instant at) {
        jdbc.sql("update mail_outbox set sent_at = :at, last_error = null where id = :id")
                .param("at", Timestamp.from(at)).param("id", id).update();
    }

    /** Records a failed attempt; {@code giveUp} stops further attempts. */
    public void mailFailed(long id, String error, boolean giveUp, Instant at) {
        jdbc.sql("update mail_outbox set last_error = :e, failed_at = case when :giveUp then cast(:at as timestamptz) end where id = :id")
                .param("e", error.length() > 500 ? error.substring(0, 500) : error).param("giveUp", giveUp)
                .param("at", Timestamp.from(at)).param("id", id).update();
    }

    public List<Notification> latest(long userId, int limit) {
        return jdbc.sql("select id, user_id, kind, message_key, args, link, created_at, read_at from notification"
                        + " where user_id = :u order by created_at desc, id desc limit :limit")
                .param("u", userId).param("limit", limit).query(NotificationRepository::map).list();
    }

    public int unread(long userId) {
        return jdbc.sql("select count(*) from notification where user_id = :u and read_at is null").param("u", userId)
                .query(Integer.class).single();
    }

    public void markRead(long userId, long id, Instant at) {
        jdbc.sql("update notification set read_at = :at where id = :id and user_id = :u and read_at is null")
                .param("at", Timestamp.from(at)).param("id", id).param("u", userId).update();
    }

    public void markAllRead(long userId, Instant at) {
        jdbc.sql("update notification set read_at = :at where user_id = :u and read_at is null")
                .param("at", Timestamp.from(at)).param("u", userId).update();
    }

    private static Notification map(ResultSet rs, int n) throws SQLException {
        Array args = rs.getArray(5);
        Timestamp read = rs.getTimestamp(8);
        return new Notification(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                args == null ? List.of() : Arrays.asList((String[]) args.getArray()), rs.getString(6),
                rs.getTimestamp(7).toInstant(), read == null ? null : read.toInstant());
    }
}
