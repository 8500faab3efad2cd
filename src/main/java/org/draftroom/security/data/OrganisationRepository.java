package org.draftroom.security.data;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.draftroom.security.domain.Organisation;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class OrganisationRepository extends CodedNameRepository<Organisation> {

    private final JdbcClient jdbc;

    OrganisationRepository(JdbcClient jdbc) {
        super(jdbc, "organisation", Organisation.class);
        this.jdbc = jdbc;
    }

    /** Organisations that people join (every organisation but the self-registered individuals' own), by code. */
    public List<Organisation> findMemberOrganisations() {
        return jdbc.sql("select id, code, name_zh, name_en from organisation where not individual order by code")
                .query(Organisation.class).list();
    }

    /** Whether the organisation is a self-registered individual's own, which nobody else joins. */
    public boolean isIndividual(long id) {
        return jdbc.sql("select individual from organisation where id = :id").param("id", id).query(Boolean.class)
                .optional().orElse(false);
    }

    /** The organisation of one self-registered person, named after them. */
    public long insertIndividual(String code, String name, Instant now) {
        return jdbc.sql("insert into organisation (code, name_zh, name_en, individual, created_at)"
                        + " values (:c, :n, :n, true, :now) returning id")
                .param("c", code).param("n", name).param("now", Timestamp.from(now)).query(Long.class).single();
    }
}
