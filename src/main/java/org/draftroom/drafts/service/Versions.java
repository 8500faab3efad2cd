package org.draftroom.drafts.service;

import java.util.List;
import org.draftroom.drafts.domain.VersionInfo;
import org.draftroom.drafts.storage.Person;
import org.draftroom.drafts.storage.Version;
import org.draftroom.security.CurrentUser;

/** Translations between the storage's types and the module's public ones. */
final class Versions {

    private Versions() {
    }

    static VersionInfo info(Version v) {
        return new VersionInfo(v.commitId(), v.shortId(), v.author().name(), v.author().email(),
                v.coAuthors().stream().map(Person::toString).toList(), v.time(), v.message(), List.copyOf(v.tags()),
                v.parentIds().isEmpty() ? null : v.parentIds().get(0));
    }

    /** The person as a Git author; characters Git cannot hold in a name are replaced. */
    static Person person(CurrentUser user) {
        String name = user.displayName().replace('<', '‹').replace('>', '›').replaceAll("[\\r\\n]+", " ").trim();
        return new Person(name.isEmpty() ? user.username() : name, user.commitEmail());
    }
}
