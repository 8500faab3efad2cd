package org.draftroom.drafts.domain;

import java.time.LocalDate;
import java.util.Objects;

/**
 * What the cover and the front matter of a standard say about it beyond its code and titles (GB/T 1.1-2020, 封面), and
 * the language the document is written in. Stored in the {@code document:} section of {@code project.yaml}, so it
 * travels with the project's Git repository; the secretariat edits it in the project's settings.
 *
 * <p>The document language decides every label that is part of the standard's text (注, 示例, 表, 图, 附录, 规范性,
 * 目次, the cover texts and the stage label) on every screen and in every export. The interface language of the person
 * looking at it does not: an English translation of a standard is a project of its own whose language is English.
 *
 * @param language         the language the document is written in; Chinese by default
 * @param ics              ICS code(s), e.g. {@code 35.030}; empty when not known yet
 * @param ccs              CCS (Chinese Standard Classification) code, e.g. {@code L80}; empty when not known yet
 * @param year             the year of the standard's number ({@code GB/T 35273—2020}); empty for a draft
 * @param planNumber       the plan number of a draft (计划号), e.g. {@code 20230001-T-469}; empty when none
 * @param replaces         the standard this one replaces, e.g. {@code GB/T 35273—2017}; empty when none
 * @param issuersZh        the issuing bodies in Chinese, one per line; empty for the usual national ones
 * @param issuersEn        the issuing bodies in English, one per line; empty for the usual national ones
 * @param releaseDate      the date of issue (发布), or null when not fixed yet (the cover shows a placeholder)
 * @param effectiveDate    the date of implementation (实施), or null when not fixed yet
 */
public record DocumentInfo(Language language, String ics, String ccs, String year, String planNumber, String replaces,
                           String issuersZh, String issuersEn, LocalDate releaseDate, LocalDate effectiveDate) {

    /** The issuing bodies of a national standard since 2018. */
    public static final String NATIONAL_ISSUERS_ZH = "国家市场监督管理总局\n国家标准化管理委员会";
    public static final String NATIONAL_ISSUERS_EN = "State Administration for Market Regulation\n"
            + "Standardization Administration of the People's Republic of China";

    /** A Chinese document about which nothing else is known yet. */
    public static final DocumentInfo DEFAULT = new DocumentInfo(Language.ZH, "", "", "", "", "", "", "", null, null);

    public DocumentInfo {
        Objects.requireNonNull(language, "language");
        ics = clean(ics);
        ccs = clean(ccs);
        year = clean(year);
        planNumber = clean(planNumber);
        replaces = clean(replaces);
        issuersZh = clean(issuersZh);
        issuersEn = clean(issuersEn);
    }

    /** The issuing bodies in the given language, the national ones when none are set. */
    public String issuers(Language in) {
        String own = in == Language.ZH ? issuersZh : issuersEn;
        if (!own.isEmpty()) {
            return own;
        }
        return in == Language.ZH ? NATIONAL_ISSUERS_ZH : NATIONAL_ISSUERS_EN;
    }

    /**
     * The standard's number as a cover prints it: the code with the year and GB/T's em dash ({@code GB/T 35273—2020}),
     * or the bare code while there is no year.
     */
    public String number(String code) {
        String c = code == null ? "" : code.strip();
        return year.isEmpty() ? c : c + "—" + year;
    }

    /** This information in another document language. */
    public DocumentInfo withLanguage(Language newLanguage) {
        return new DocumentInfo(newLanguage, ics, ccs, year, planNumber, replaces, issuersZh, issuersEn, releaseDate,
                effectiveDate);
    }

    private static String clean(String s) {
        return s == null ? "" : s.strip().replace("\r\n", "\n");
    }
}
