package org.draftroom.drafts.imports;

import java.util.List;

/** Why a Word file is refused: a message key with its arguments. Internal to the importer. */
final class WordRefusal extends Exception {

    private final String key;
    private final transient List<Object> args;

    WordRefusal(String key, Object... args) {
        super(key, null, false, false);
        this.key = key;
        this.args = List.of(args);
    }

    String key() {
        return key;
    }

    List<Object> args() {
        return args;
    }
}
