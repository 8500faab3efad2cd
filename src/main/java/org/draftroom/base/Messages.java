package org.draftroom.base;

import com.vaadin.flow.i18n.I18NProvider;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.context.NoSuchMessageException;
import org.springframework.stereotype.Component;

/**
 * The two languages of Draftroom, backed by {@code messages.properties} (English) and
 * {@code messages_zh_CN.properties} (Chinese). Any Chinese variant maps to simplified Chinese; anything else to
 * English. Serves Vaadin ({@link I18NProvider}) and every other edge (REST API errors).
 */
@Component
public class Messages implements I18NProvider {

    public static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;
    public static final Locale ENGLISH = Locale.ENGLISH;
    public static final List<Locale> LOCALES = List.of(CHINESE, ENGLISH);

    private final MessageSource messageSource;

    Messages(MessageSource messageSource) {
        this.messageSource = messageSource;
    }

    @Override
    public List<Locale> getProvidedLocales() {
        return LOCALES;
    }

    @Override
    public String getTranslation(String key, Locale locale, Object... params) {
        try {
            return messageSource.getMessage(key, params, supported(locale));
        } catch (NoSuchMessageException e) {
            return "!" + key;
        }
    }

    /** The text of a {@link UserFacingException} in the given language. */
    public String of(UserFacingException e, Locale locale) {
        String text = getTranslation(e.messageKey(), locale, e.args());
        return e instanceof FieldProblemException f ? getTranslation(f.fieldKey(), locale) + ": " + text : text;
    }

    /** The supported locale closest to the requested one. */
    public static Locale supported(Locale locale) {
        return locale != null && "zh".equals(locale.getLanguage()) ? CHINESE : ENGLISH;
    }

    /** Parses a stored language tag; null or unknown tags give null. */
    public static Locale parse(String tag) {
        if (tag == null || tag.isBlank()) {
            return null;
        }
        return supported(Locale.forLanguageTag(tag));
    }
}
