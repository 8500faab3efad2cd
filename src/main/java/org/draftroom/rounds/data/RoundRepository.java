package org.draftroom.rounds.data;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.draftroom.drafts.domain.Project;
import org.draftroom.drafts.service.ProjectFeed;
import org.draftroom.rounds.domain.Audience;
import org.draftroom.rounds.domain.InvitedOrganisation;
import org.draftroom.rounds.domain.Round;
import org.draftroom.rounds.domain.RoundChange;
import org.draftroom.rounds.domain.Submission;
import org.draftroom.security.People;
import org.draftroom.security.domain.Organisation;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Rounds, their invited organisations, recorded changes, submissions and late permissions. Callers hold the
 * transaction. The project's code and working group and the organisations' codes and names are the drafts' and the
 * security module's: asked of {@link ProjectFeed} and {@link People}, one query for a whole list of rounds.
 */
@Repository
public class RoundRepository {

    private static final String SELECT = """
            select r.id, r.project_id, r.number, r.label, r.commit_id, r.tag_name, r.opens_at,
                   r.closes_at, r.instructions, r.audience, r.own_organisation_only, r.closed_early,
                   r.dispositions_published_at, r.created_by, r.created_at
            from round r""";

    private final JdbcClient jdbc;
    private final ProjectFeed projects;
    private final People people;

    RoundRepository(JdbcClient jdbc, ProjectFeed projects, People people) {
        this.jdbc = jdbc;
        this.projects = projects;
        this.people = people;
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
            select s.round_id, s.organisation_id, s.submitted_by, s.submitted_at, s.reopened_by, s.reopened_at,
                   s.reopen_reason
            from round_submission s""";

    public Optional<Submission> submission(long roundId, long organisationId) {
        return withNames(jdbc.sql(SUBMISSION + " where s.round_id = :r and s.organisation_id = :o")
                .param("r", roundId).param("o", organisationId).query(StoredSubmission::map).list())
                .stream().findFirst();
    }

    /** The round's submissions by organisation code. */
    public List<Submission> submissions(long roundId) {
        return withNames(jdbc.sql(SUBMISSION + " where s.round_id = :r").param("r", roundId)
                .query(StoredSubmission::map).list());
    }

    /** A row of {@code round_submission}: people and organisation by id. */
    private record StoredSubmission(long roundId, long organisationId, Long submittedBy, Instant submittedAt,
                                    Long reopenedBy, Instant reopenedAt, String reopenReason) {

        static StoredSubmission map(ResultSet rs, int n) throws SQLException {
            long submitter = rs.getLong(3);
            Long submittedBy = rs.wasNull() ? null : submitter;
            long reopener = rs.getLong(5);
            Long reopenedBy = rs.wasNull() ? null : reopener;
            Timestamp submitted = rs.getTimestamp(4);
            Timestamp reopened = rs.getTimestamp(6);
            return new StoredSubmission(rs.getLong(1), rs.getLong(2), submittedBy,
                    submitted == null ? null : submitted.toInstant(), reopenedBy,
                    reopened == null ? null : reopened.toInstant(), rs.getString(7));
        }
    }

    /** Names the organisations and people of the submissions, sorted by organisation code. */
    private List<Submission> withNames(List<StoredSubmission> stored) {
        if (stored.isEmpty()) {
            return List.of();
        }
        List<Organisation> organisations = people.organisations(stored.stream()
                .map(StoredSubmission::organisationId).collect(Collectors.toSet()));
        Map<Long, String> codes = organisations.stream().collect(Collectors.toMap(Organisation::id,
                Organisation::code));
        // The order the security module gives: by code, in the database's collation.
        Map<Long, Integer> position = new HashMap<>();
        organisations.forEach(o -> position.put(o.id(), position.size()));
        Map<Long, String> names = people.displayNames(stored.stream()
                .flatMap(s -> Stream.of(s.submittedBy(), s.reopenedBy())).filter(Objects::nonNull)
                .collect(Collectors.toSet()));
        return stored.stream().filter(s -> codes.containsKey(s.organisationId()))
                .map(s -> new Submission(s.roundId(), s.organisationId(), codes.get(s.organisationId()),
                        s.submittedBy() == null ? null : names.get(s.submittedBy()), s.submittedAt(),
                        s.reopenedBy() == null ? null : names.get(s.reopenedBy()), s.reopenedAt(), s.reopenReason()))
                .sorted(Comparator.comparing(s -> position.get(s.organisationId()))).toList();
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
        return people.organisationByCode(code).map(RoundRepository::invited);
    }

    public List<InvitedOrganisation> organisations(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return people.organisations(ids).stream().map(RoundRepository::invited).toList();
    }

    private static InvitedOrganisation invited(Organisation o) {
        return new InvitedOrganisation(o.id(), o.code(), o.nameZh(), o.nameEn());
    }

    private List<Round> withOrganisations(List<Round> rounds) {
        if (rounds.isEmpty()) {
            return rounds;
        }
        List<Map.Entry<Long, Long>> invitations = jdbc.sql(
                        "select round_id, organisation_id from round_organisation where round_id in (:ids)")
                .param("ids", rounds.stream().map(Round::id).toList())
                .query((rs, n) -> Map.entry(rs.getLong(1), rs.getLong(2))).list();
        // Sorted by code, as the security module answers them.
        List<InvitedOrganisation> invited = organisations(invitations.stream().map(Map.Entry::getValue)
                .collect(Collectors.toSet()));
        Map<Long, List<InvitedOrganisation>> byRound = new HashMap<>();
        for (InvitedOrganisation organisation : invited) {
            for (Map.Entry<Long, Long> invitation : invitations) {
                if (invitation.getValue() == organisation.id()) {
                    byRound.computeIfAbsent(invitation.getKey(), k -> new ArrayList<>()).add(organisation);
                }
            }
        }
        Map<String, Project> projectsById = projects.byIds(rounds.stream().map(Round::projectId)
                .collect(Collectors.toSet()));
        List<Round> result = new ArrayList<>(rounds.size());
        for (Round r : rounds) {
            Project project = projectsById.get(r.projectId());
            if (project == null) {
                continue; // deleted between the two reads: as the join did, the round is not there
            }
            result.add(new Round(r.id(), r.projectId(), project.code(), project.workingGroup(), r.number(), r.label(), r.commitId(),
                    r.tagName(), r.opensAt(), r.closesAt(), r.instructions(), r.audience(), r.ownOrganisationOnly(),
                    r.closedEarly(), r.publishedAt(), r.createdBy(), r.createdAt(),
                    List.copyOf(byRound.getOrDefault(r.id(), List.of()))));
        }
        return result;
    }

    private Round map(ResultSet rs, int n) throws SQLException {
        Timestamp published = rs.getTimestamp("dispositions_published_at");
        return new Round(rs.getLong("id"), rs.getString("project_id"), null, null,
                rs.getInt("number"), rs.getString("label"), rs.getString("commit_id"), rs.getString("tag_name"),
                rs.getTimestamp("opens_at").toInstant(), rs.getTimestamp("closes_at").toInstant(),
                rs.getString("instructions"), Audience.valueOf(rs.getString("audience")),
                rs.getBoolean("own_organisation_only"), rs.getBoolean("closed_early"),
                published == null ? null : published.toInstant(), rs.getString("created_by"),
                rs.getTimestamp("created_at").toInstant(), List.of());
    }

    static Timestamp ts(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}
