package org.draftroom.security.domain;

import java.util.Locale;

/** Something the committee's directory lists by a unique code with a Chinese and an English name. */
public interface CodedName {
    long id();

    String code();

    String nameZh();

    String nameEn();

    /** The name in the given language ("zh" gives the Chinese name, anything else the English one). */
    default String name(Locale locale) {
        return "zh".equals(locale.getLanguage()) ? nameZh() : nameEn();
    }
}
