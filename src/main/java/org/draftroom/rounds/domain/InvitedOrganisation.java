package org.draftroom.rounds.domain;

import java.util.Locale;

/** An organisation invited to a round, with its code and names. */
public record InvitedOrganisation(long id, String code, String nameZh, String nameEn) {

    public String name(Locale locale) {
        return "zh".equals(locale.getLanguage()) ? nameZh : nameEn;
    }
}
