package org.draftroom.security.domain;

/**
 * A company, agency or institute. Its short code (e.g. {@code CN-ABC}) prefixes the ids of its comments.
 */
public record Organisation(long id, String code, String nameZh, String nameEn) implements CodedName {
}
