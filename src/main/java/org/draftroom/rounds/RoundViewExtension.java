package org.draftroom.rounds;

import com.vaadin.flow.component.Component;
import java.util.Optional;

/**
 * Something another module adds to the head of a round's page (e.g. the downloads of the disposition table),
 * contributed as a bean, so that the rounds module does not depend on the modules that build on it.
 */
public interface RoundViewExtension {

    /** The item for the round shown to the signed-in person, or empty when there is nothing for them. */
    Optional<Component> headItem(long roundId);
}
