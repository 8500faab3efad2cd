package org.draftroom.drafts.data;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.draftroom.drafts.domain.DocumentType;
import org.draftroom.drafts.domain.Project;
import org.draftroom.drafts.domain.ProjectFilter;
import org.draftroom.drafts.domain.Stage;
import org.draftroom.drafts.domain.StageChange;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The index of projects and their stage history. Callers hold the transaction. */
@Repository
public class ProjectRepository {

    private static final String COLUMNS = "id, code, title_zh, title_en, doc_type, working_group, stage, stage_code,"
            + " lead_organisation, updated_at";

    private final JdbcClient jdbc;

    ProjectRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<Project> find(ProjectFilter filter) {
        String text = filter.text() == null ? "" : filter.text().trim().toLowerCase();
        return jdbc.sql("select " + COLUMNS + " from project where (:wg = '' or working_group = :wg)"
                        + " and (:stage = '' or stage = :stage) and (:type = '' or doc_type = :type)"
                        + " and (:text = '' or lower(code) like :like or lower(title_zh) like :like"
                        + " or lower(title_en) like :like) order by code")
                .param("wg", filter.workingGroup() == null ? "" : filter.workingGroup().trim())
                .param("stage", filter.stage() == null ? "" : filter.stage().key())
                .param("type", filter.type() == null ? "" : filter.type().name())
                .param("text", text)
                .param("like", "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%")
                .query(ProjectRepository::map).list();
    }

    /** Those of these projects that exist. */
    public List<Project> findByIds(java.util.Collection<String> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select " + COLUMNS + " from project where id in (:ids)").param("ids", ids)
                .query(ProjectRepository::map).list();
    }

    public Optional<Project> findById(String id) {
        return jdbc.sql("select " + COLUMNS + " from project where id = :id").param("id", id)
                .query(ProjectRepository::map).optional();
    }

    public boolean codeExists(String code) {
        return jdbc.sql("select count(*) from project where upper(code) = upper(:c)").param("c", code)
                .query(Long.class).single() > 0;
    }

    public boolean idExists(String id) {
        return jdbc.sql("select count(*) from project where id = :id").param("id", id).query(Long.class).single() > 0;
    }

    /** Inserts the project, or replaces what the index says about it; {@code now} is its creation time if new. */
    public void upsert(Project p, Instant now) {
        jdbc.sql("""
                        insert into project (id, code, title_zh, title_en, doc_type, working_group, stage, stage_code,
                                             lead_organisation, created_at, updated_at)
                        values (:id, :code, :zh, :en, :type, :wg, :stage, :stageCode, :lead, :now, :updated)
                        on conflict (id) do update set code = excluded.code, title_zh = excluded.title_zh,
                            title_en = excluded.title_en, doc_type = excluded.doc_type,
                            working_group = excluded.working_group, stage = excluded.stage,
                            stage_code = excluded.stage_code, lead_organisation = excluded.lead_organisation,
                            updated_at = excluded.updated_at""")
                .param("id", p.id()).param("code", p.code()).param("zh", p.titleZh()).param("en", p.titleEn())
                .param("type", p.type().name()).param("wg", p.workingGroup()).param("stage", p.stage().key())
                .param("stageCode", p.stageCode()).param("lead", p.leadOrganisation())
                .param("now", Timestamp.from(now)).param("updated", Timestamp.from(p.updatedAt())).update();
    }

    public void touch(String id, Instant now) {
        jdbc.sql("update project set updated_at = :now where id = :id").param("now", Timestamp.from(now))
                .param("id", id).update();
    }

    public void addStageChange(String projectId, StageChange change) {
        jdbc.sql("""
                        insert into project_stage_change (project_id, from_stage, from_code, to_stage, to_code, reason,
                                                          changed_by, changed_at)
                        values (:p, :fs, :fc, :ts, :tc, :reason, :by, :at)""")
                .param("p", projectId)
                .param("fs", change.fromStage() == null ? null : change.fromStage().key())
                .param("fc", change.fromCode()).param("ts", change.toStage().key()).param("tc", change.toCode())
                .param("reason", change.reason()).param("by", change.changedBy())
                .param("at", Timestamp.from(change.changedAt())).update();
    }

    public List<StageChange> stageChanges(String projectId) {
        return jdbc.sql("select from_stage, from_code, to_stage, to_code, reason, changed_by, changed_at"
                        + " from project_stage_change where project_id = :p order by changed_at, id")
                .param("p", projectId)
                .query((rs, n) -> new StageChange(
                        rs.getString("from_stage") == null ? null : Stage.ofKey(rs.getString("from_stage")),
                        rs.getString("from_code"), Stage.ofKey(rs.getString("to_stage")), rs.getString("to_code"),
                        rs.getString("reason"), rs.getString("changed_by"),
                        rs.getTimestamp("changed_at").toInstant()))
                .list();
    }

    private static Project map(ResultSet rs, int n) throws SQLException {
        return new Project(rs.getString("id"), rs.getString("code"), rs.getString("title_zh"),
                rs.getString("title_en"), DocumentType.valueOf(rs.getString("doc_type")),
                rs.getString("working_group"), Stage.ofKey(rs.getString("stage")), rs.getString("stage_code"),
                rs.getString("lead_organisation"), rs.getTimestamp("updated_at").toInstant());
    }
}
