package org.draftroom.export.draft;

import java.time.LocalDate;
import java.util.Objects;

import org.draftroom.drafts.domain.Language;

/**
 * What the cover says about the draft's stage (GB/T 1.1): the stage label, e.g. "征求意见稿", the date the draft was
 * completed, and whether the cover carries the call to disclose patents, as the covers of 征求意见稿 and 送审稿 do.
 *
 * @param label      the label printed under the titles, e.g. "征求意见稿" / "Draft for comments"; not blank
 * @param completed  the completion date printed with it, or null for none
 * @param patentCall whether to print the call to disclose patents
 */
public record CoverStage(String label, LocalDate completed, boolean patentCall) {

    public CoverStage {
        Objects.requireNonNull(label, "label");
        if (label.isBlank()) {
            throw new IllegalArgumentException("The cover stage label is blank");
        }
    }

    /** The cover of a draft for comments (征求意见稿 / Draft for comments), with the call to disclose patents. */
    public static CoverStage draftForComments(Language language, LocalDate completed) {
        return new CoverStage(language == Language.ZH ? "征求意见稿" : "Draft for comments", completed, true);
    }

    /** The cover of a draft for approval (报批稿 / Draft for approval), without the call to disclose patents. */
    public static CoverStage draftForApproval(Language language, LocalDate completed) {
        return new CoverStage(language == Language.ZH ? "报批稿" : "Draft for approval", completed, false);
    }

    /** The cover of a draft for review (送审稿 / Draft for review), with the call to disclose patents. */
    public static CoverStage draftForReview(Language language, LocalDate completed) {
        return new CoverStage(language == Language.ZH ? "送审稿" : "Draft for review", completed, true);
    }
}
