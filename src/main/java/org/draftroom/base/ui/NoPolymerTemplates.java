package org.draftroom.base.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.template.internal.DeprecatedPolymerPublishedEventHandler;
import elemental.json.JsonObject;
import elemental.json.JsonValue;
import java.lang.reflect.Type;

/**
 * Says that no argument of a {@code @ClientCallable} call is a Polymer template model item: Draftroom has no Polymer
 * templates (they are not part of Vaadin's free components).
 *
 * <p>Why it exists: for every argument of every {@code @ClientCallable} call, Flow asks its {@code Lookup} for this
 * handler. With no implementation registered, the lookup falls back to {@link java.util.ServiceLoader}, which searches
 * every jar of the class path for the service file, on every call and without caching a miss. In the production jar
 * that was about a fifth of the server's CPU while editors typed (a live sync is a {@code @ClientCallable} call, several
 * per second per editor; JFR profile in {@code docs/benchmarks.md}). Flow's start-up finds this class in the
 * application's packages ({@code vaadin.allowed-packages}) and keeps its instance, so the lookup answers from memory.
 */
public class NoPolymerTemplates implements DeprecatedPolymerPublishedEventHandler {

    @Override
    public boolean isTemplateModelValue(Component instance, JsonValue argValue, Class<?> convertedType) {
        return false;
    }

    @Override
    public Object getTemplateItem(Component template, JsonObject argValue, Type convertedType) {
        throw new UnsupportedOperationException("Draftroom has no Polymer templates");
    }
}
