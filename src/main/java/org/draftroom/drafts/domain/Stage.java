package org.draftroom.drafts.domain;

import java.util.Arrays;
import java.util.List;
import org.draftroom.base.UserFacingException;

/**
 * The stage of a standard project in the Chinese life cycle (GB/T 16733, which adopted the ISO stage model). The
 * ISO harmonized stage code ({@code NN.NN}) is kept beside it as a separate field: the two do not map one to one
 * (China's consultation is stage 30, which resembles ISO's stage-40 enquiry), so the stage only proposes the code's
 * first two digits.
 */
public enum Stage {
    PRELIMINARY("preliminary", "00"),
    PROJECT_APPROVAL("project-approval", "10"),
    DRAFTING("drafting", "20"),
    CONSULTATION("consultation", "30"),
    REVIEW("review", "40"),
    APPROVAL("approval", "50"),
    PUBLICATION("publication", "60"),
    PERIODIC_REVIEW("periodic-review", "90"),
    WITHDRAWAL("withdrawal", "95");

    /** ISO substages: registration, start, completion, repeat an earlier phase, repeat this phase, abandon, proceed. */
    public static final List<String> SUBSTAGES = List.of("00", "20", "60", "92", "93", "98", "99");

    private final String key;
    private final String isoStage;

    Stage(String key, String isoStage) {
        this.key = key;
        this.isoStage = isoStage;
    }

    /** The key stored in project.yaml and the database, e.g. {@code drafting}. */
    public String key() {
        return key;
    }

    /** The ISO stage digits this stage usually goes with, e.g. {@code 20}. */
    public String isoStage() {
        return isoStage;
    }

    /** The message key of the stage's name. */
    public String labelKey() {
        return "stage." + key;
    }

    public static Stage ofKey(String key) {
        return Arrays.stream(values()).filter(s -> s.key.equals(key)).findFirst()
                .orElseThrow(() -> new UserFacingException("project.stage.unknown", String.valueOf(key)));
    }

    /** Checks an ISO harmonized stage code such as {@code 30.60}. */
    public static boolean validCode(String code) {
        return code != null && code.matches("\\d{2}\\.\\d{2}");
    }
}
