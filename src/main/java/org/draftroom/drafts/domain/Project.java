package org.draftroom.drafts.domain;

import java.time.Instant;
import java.util.Locale;

/**
 * A standard project as the committee lists it: what its {@code project.yaml} says, indexed in the database.
 *
 * @param id               the project's id, also the name of its repository ({@code gbt-35273})
 * @param code             the document code, e.g. {@code GB/T 35273} or {@code TC260-PG-20222A}
 * @param workingGroup     code of the responsible working group, e.g. {@code WG7}
 * @param stageCode        ISO harmonized stage code, e.g. {@code 20.20}
 * @param leadOrganisation code of the lead organisation (牵头单位), may be null
 */
public record Project(String id, String code, String titleZh, String titleEn, DocumentType type,
                      String workingGroup, Stage stage, String stageCode, String leadOrganisation,
                      Instant updatedAt) {

    public String title(Locale locale) {
        return "zh".equals(locale.getLanguage()) ? titleZh : titleEn;
    }
}
