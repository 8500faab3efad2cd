package org.draftroom.drafts.domain;

/**
 * What the secretariat fills in to create a project.
 *
 * @param stageCode ISO harmonized stage code such as {@code 20.00}; empty takes the stage's own digits with ".00"
 */
public record ProjectForm(String code, String titleZh, String titleEn, DocumentType type, String workingGroup,
                          Stage stage, String stageCode, String leadOrganisation) {
}
