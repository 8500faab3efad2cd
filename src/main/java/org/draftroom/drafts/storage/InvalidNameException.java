package org.draftroom.drafts.storage;

/** A tag name, file path or ref expression given to the store is malformed. */
public class InvalidNameException extends DraftStoreException {

    public static final String TAG_KEY = "drafts.error.invalid-tag-name";
    public static final String PATH_KEY = "drafts.error.invalid-file-path";

    private InvalidNameException(String key, String logMessage, String name) {
        super(key, logMessage, null, String.valueOf(name));
    }

    static InvalidNameException tag(String name) {
        return new InvalidNameException(TAG_KEY, "Invalid tag name '" + name + "': use lower-case letters and digits"
                + " separated by single hyphens or dots, starting with a letter, at most 64 characters (e.g. cd-1, ds)",
                name);
    }

    static InvalidNameException path(String path) {
        return new InvalidNameException(PATH_KEY, "Invalid file path '" + path + "': use a relative path of letters,"
                + " digits, '.', '_' and '-' segments separated by '/', without '..' or '.git'", path);
    }
}
