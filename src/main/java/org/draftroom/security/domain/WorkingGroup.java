package org.draftroom.security.domain;

/** A working group of the committee (WG1..WG7 are seeded as data and editable). */
public record WorkingGroup(long id, String code, String nameZh, String nameEn) implements CodedName {
}
