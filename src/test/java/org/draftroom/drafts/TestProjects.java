package org.draftroom.drafts;

import org.draftroom.drafts.domain.DocumentType;
import org.draftroom.drafts.domain.ProjectForm;
import org.draftroom.drafts.domain.Stage;
import org.draftroom.drafts.service.DraftService;
import org.draftroom.drafts.service.ProjectService;

/** Fresh projects for tests that must not meet other tests' tags, rounds or comments. */
public final class TestProjects {

    private TestProjects() {
    }

    /**
     * A new GB/T project of working group WG7 (editor2's) at the consultation stage, holding the GB/T 35273 sample's
     * 2020 text (its tag {@code cd-1}); the caller is signed in as someone who may create projects.
     *
     * @return the project's id
     */
    public static String consultationCopy(ProjectService projects, DraftService drafts, String code, String titleZh,
                                          String titleEn) {
        return projects.create(new ProjectForm(code, titleZh, titleEn, DocumentType.GB_T, "WG7", Stage.CONSULTATION,
                "30.20", "CN-BCL"), drafts.open("gbt-35273", "cd-1").document()).id();
    }
}
