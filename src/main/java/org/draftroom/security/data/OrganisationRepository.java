package org.draftroom.security.data;

import org.draftroom.security.domain.Organisation;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class OrganisationRepository extends CodedNameRepository<Organisation> {

    OrganisationRepository(JdbcClient jdbc) {
        super(jdbc, "organisation", Organisation.class);
    }
}
