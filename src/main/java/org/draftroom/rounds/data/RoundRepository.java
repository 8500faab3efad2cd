package org.draftroom.rounds.data;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.draftroom.rounds.domain.Audience;
import org.draftroom.rounds.domain.InvitedOrganisation;
import org.draftroom.rounds.domain.Round;
import org.draftroom.rounds.domain.RoundChange;
import org.draftroom.rounds.domain.Submission;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Rounds, their invited organisations, recorded changes, submissions and late permissions. Callers hold the
 * transaction. Organisation codes and names are read from the security module's table by join (read only).
 */
@Repository
public class RoundRepository {

    private static final String SELECT = """
            select r.id, r.project_id, p.code as project_code, p.working_group, r.number, r.label, r.commit_id, r.tag_name, r.opens_at,
                   r.closes_at, r.instructions, r.audience, r.own_organisation_only, r.closed_early,
                   r.dispositions_published_at, r.created_by, r.created_at
            from round r join project p on p.id = r.project_id""";

    private final JdbcClient jdbc;

    RoundRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long insert(String projectId, int number, String label, String commitId, String tagName, Instant opensAt,
                       Instant closesAt, String instructions, Audience audience, boolean ownOrganisationOnly,
                       String createdBy, Instant now) {
        return jdbc.sql("""
                        insert into round (project_id, number, label, commit_id, tag_name, opens_at, closes_at,
                                           instructions, audience, own_organisation_only, created_by, created_at)
                        values (:p, :n, :label, :commit, :tag, :opens, :closes, :instr, :aud, :own, :by, :now)
                        returning id""")
                .param("p", projectId).param("n", number).param("label", label).param("commit", commitId)
                .param("tag", tagName).param("opens", ts(opensAt)).param("closes", ts(closesAt))
                .param("instr", instructions).param("aud", audience.name()).param("own", ownOrganisationOnly)
                .param("by", createdBy).param("now", ts(now)).query(Long.class).single();
    }

    public void invite(long roundId, Collection<Long> organisationIds) {
        for (Long org : organisationIds) {
            jdbc.sql("insert into round_organisation (round_id, organisation_id) values (:r, :o) on conflict do nothing")
                    .param("r", roundId).param("o", org).update();
        }
    }

    public int nextNumber(String projectId) {
        return jdbc.sql("select coalesce(max(number), 0) + 1 from round where project_id = :p").param("p", projectId)
                .query(Integer.class).single();
    }

    public boolean numberTaken(String projectId, int number) {
        return jdbc.sql("select count(*) from round where project_id = :p and number = :n").param("p", projectId)
                .param("n", number).query(Long.class).single() > 0;
    }

    public Optional<Round> findById(long id) {
        return withOrganisations(jdbc.sql(SELECT + " where r.id = :id").param("id", id).query(this::map).list())
                .stream().findFirst();
    }

    /** Lock the round's row for an update of its window or publication. */
    public void lock(long id) {
        jdbc.sql("select id from round where id = :id for update").param("id", id).query(Long.class).optional();
    }

    public List<Round> findByProject(String projectId) {
        return withOrganisations(jdbc.sql(SELECT + " where r.project_id = :p order by r.number desc")
                .param("p", projectId).query(this::map).list());
    }

    public List<Round> findAll() {
        return withOrganisations(jdbc.sql(SELECT + " order by r.opens_at desc, r.id desc").query(this::map).list());
    }

    /** Rounds whose audience includes this organisation (invited) or everyone (public). */
    public List<Round> findForAudience(Long organisationId) {
        return withOrganisations(jdbc.sql(SELECT + """
                         where r.audience = 'PUBLIC' or exists (select 1 from round_organisation ro
                               where ro.round_id = r.id and ro.organisation_id = :o)
                        order by r.closes_at desc, r.id desc""")
                .param("o", organisationId == null ? -1L : organisationId).query(this::map).list());
    }

    /** Rounds that are open now and close within the given instant, for reminders. */
    public List<Round> findOpenClosingBefore(Instant now, Instant before) {
        return withOrganisations(jdbc.sql(SELECT + " where r.opens_at <= :now and r.closes_at > :now"
                        + " and r.closes_at <= :before and r.dispositions_published_at is null")
                .param("now", ts(now)).param("before", ts(before)).query(this::map).list());
    }

    public void updateWindow(long id, Instant opensAt, Instant closesAt, boolean closedEarly) {
        jdbc.sql("update round set opens_at = :o, closes_at = :c, closed_early = :e, reminder_sent = false where id = :id")
                .param("o", ts(opensAt)).param("c", ts(closesAt)).param("e", closedEarly).param("id", id).update();
    }

    public void setOwnOrganisationOnly(long id, boolean value) {
        jdbc.sql("update round set own_organisation_only = :v where id = :id").param("v", value).param("id", id)
                .update();
    }

    /** Marks that the audience was told the round opened; true if this call did it (false: already done). */
    public boolean markOpeningAnnounced(long id) {
        return jdbc.sql("update round set opening_announced = true where id = :id and not opening_announced")
                .param("id", id).update() > 0;
    }

    /** Marks that the closing reminder was sent; true if this call did it. */
    public boolean markReminderSent(long id) {
        return jdbc.sql("update round set reminder_sent = true where id = :id and not reminder_sent")
                .param("id", id).update() > 0;
    }

    /** Rounds open now whose opening was not announced yet. */
    public List<Round> findOpenedUnannounced(Instant now) {
        return withOrganisations(jdbc.sql(SELECT + " where r.opens_at <= :now and r.closes_at > :now"
                + " and not r.opening_announced").param("now", ts(now)).query(this::map).list());
    }

    public void publish(long id, Instant at) {
        jdbc.sql("update round set dispositions_published_at = :at where id = :id").param("at", ts(at))
                .param("id", id).update();
    }

    public void addChange(long roundId, String kind, String detail, String reason, String by, Instant at) {
        jdbc.sql("""
                        insert into round_change (round_id, kind, detail, reason, changed_by, changed_at)
                        values (:r, :k, :d, :reason, :by, :at)""")
                .param("r", roundId).param("k", kind).param("d", detail).param("reason", reason).param("by", by)
                .param("at", ts(at)).update();
    }

    public List<RoundChange> changes(long roundId) {
        return jdbc.sql("select id, round_id, kind, detail, reason, changed_by, changed_at from round_change"
                        + " where round_id = :r order by changed_at, id")
                .param("r", roundId)
                .query((rs, n) -> new RoundChange(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getTimestamp(7).toInstant()))
                .list();
    }

    private static final String SUBMISSION = """
            select s.round_id, s.organisation_id, o.code, su.display_name, s.submitted_at, ru.display_name, s.reopened_at,
                   s.reopen_reason
            from round_submission s join organisation o on o.id = s.organisation_id
            left join app_user su on su.id = s.submitted_by left join app_user ru on ru.id = s.reopened_by""";

    public Optional<Submission> submission(long roundId, long organisationId) {
        return jdbc.sql(SUBMISSION + " where s.round_id = :r and s.organisation_id = :o").param("r", roundId)
                .param("o", organisationId).query(RoundRepository::mapSubmission).optional();
    }

    public List<Submission> submissions(long roundId) {
        return jdbc.sql(SUBMISSION + " where s.round_id = :r order by o.code").param("r", roundId)
                .query(RoundRepository::mapSubmission).list();
    }

    public void submit(long roundId, long organisationId, long userId, Instant at) {
        jdbc.sql("""
                        insert into round_submission (round_id, organisation_id, submitted_by, submitted_at)
                        values (:r, :o, :u, :at)
                        on conflict (round_id, organisation_id) do update
                        set submitted_by = excluded.submitted_by, submitted_at = excluded.submitted_at""")
                .param("r", roundId).param("o", organisationId).param("u", userId).param("at", ts(at)).update();
    }

    public void reopenSubmission(long roundId, long organisationId, long userId, Instant at, String reason) {
        jdbc.sql("""
                        update round_submission set submitted_at = null, reopened_by = :u, reopened_at = :at,
                               reopen_reason = :reason
                        where round_id = :r and organisation_id = :o""")
                .param("r", roundId).param("o", organisationId).param("u", userId).param("at", ts(at))
                .param("reason", reason).update();
    }

    public void allowLate(long roundId, long organisationId, Instant until, String reason, String by, Instant at) {
        jdbc.sql("""
                        insert into round_late_permission (round_id, organisation_id, until, reason, granted_by, granted_at)
                        values (:r, :o, :until, :reason, :by, :at)
                        on conflict (round_id, organisation_id) do update set until = excluded.until,
                            reason = excluded.reason, granted_by = excluded.granted_by, granted_at = excluded.granted_at""")
                .param("r", roundId).param("o", organisationId).param("until", ts(until)).param("reason", reason)
                .param("by", by).param("at", ts(at)).update();
    }

    /** Until when the organisation may still comment late, if the secretariat allowed it. */
    public Optional<Instant> lateUntil(long roundId, long organisationId) {
        return jdbc.sql("select until from round_late_permission where round_id = :r and organisation_id = :o")
                .param("r", roundId).param("o", organisationId).query(Timestamp.class).optional()
                .map(Timestamp::toInstant);
    }

    public boolean sheetImported(long roundId, String digest) {
        return jdbc.sql("select count(*) from round_sheet_import where round_id = :r and digest = :d")
                .param("r", roundId).param("d", digest).query(Long.class).single() > 0;
    }

    public void recordSheet(long roundId, String digest, String fileName, long userId, Instant at) {
        jdbc.sql("""
                        insert into round_sheet_import (round_id, digest, file_name, imported_by, imported_at)
                        values (:r, :d, :f, :u, :at)""")
                .param("r", roundId).param("d", digest).param("f", fileName).param("u", userId)
                .param("at", ts(at)).update();
    }

    /** Organisation id by code (case-insensitive), for the round form and the demo data. */
    public Optional<InvitedOrganisation> organisationByCode(String code) {
        return jdbc.sql("select id, code, name_zh, name_en from organisation where upper(code) = upper(:c)")
                .param("c", code).query((rs, n) -> new InvitedOrganisation(rs.getLong(1), rs.getString(2),
                        rs.getString(3), rs.getString(4))).optional();
    }

    public List<InvitedOrganisation> organisations(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select id, code, name_zh, name_en from organisation where id in (:ids) order by code")
                .param("ids", ids).query((rs, n) -> new InvitedOrganisation(rs.getLong(1), rs.getString(2),
                        rs.getString(3), rs.getString(4))).list();
    }

    private List<Round> withOrganisations(List<Round> rounds) {
        if (rounds.isEmpty()) {
            return rounds;
        }
        Map<Long, List<InvitedOrganisation>> byRound = jdbc.sql("""
                        select ro.round_id, o.id, o.code, o.name_zh, o.name_en from round_organisation ro
                        join organisation o on o.id = ro.organisation_id where ro.round_id in (:ids) order by o.code""")
                .param("ids", rounds.stream().map(Round::id).toList())
                .query((rs, n) -> Map.entry(rs.getLong(1), new InvitedOrganisation(rs.getLong(2), rs.getString(3),
                        rs.getString(4), rs.getString(5))))
                .list().stream().collect(Collectors.groupingBy(Map.Entry::getKey,
                        Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
        List<Round> result = new ArrayList<>(rounds.size());
        for (Round r : rounds) {
            result.add(new Round(r.id(), r.projectId(), r.projectCode(), r.workingGroup(), r.number(), r.label(), r.commitId(),
                    r.tagName(), r.opensAt(), r.closesAt(), r.instructions(), r.audience(), r.ownOrganisationOnly(),
                    r.closedEarly(), r.publishedAt(), r.createdBy(), r.createdAt(),
                    List.copyOf(byRound.getOrDefault(r.id(), List.of()))));
        }
        return result;
    }

    private Round map(ResultSet rs, int n) throws SQLException {
        Timestamp published = rs.getTimestamp("dispositions_published_at");
        return new Round(rs.getLong("id"), rs.getString("project_id"), rs.getString("project_code"), rs.getString("working_group"),
                rs.getInt("number"), rs.getString("label"), rs.getString("commit_id"), rs.getString("tag_name"),
                rs.getTimestamp("opens_at").toInstant(), rs.getTimestamp("closes_at").toInstant(),
                rs.getString("instructions"), Audience.valueOf(rs.getString("audience")),
                rs.getBoolean("own_organisation_only"), rs.getBoolean("closed_early"),
                published == null ? null : published.toInstant(), rs.getString("created_by"),
                rs.getTimestamp("created_at").toInstant(), List.of());
    }

    private static Submission mapSubmission(ResultSet rs, int n) throws SQLException {
        Timestamp submitted = rs.getTimestamp(5);
        Timestamp reopened = rs.getTimestamp(7);
        return new Submission(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                submitted == null ? null : submitted.toInstant(), rs.getString(6),
                reopened == null ? null : reopened.toInstant(), rs.getString(8));
    }

    static Timestamp ts(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}
