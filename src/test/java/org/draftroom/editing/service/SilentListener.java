package org.draftroom.editing.service;

import java.util.List;

/** A live-editing connection that ignores what the service tells it (tests and harnesses that drive sync directly). */
public final class SilentListener implements CoEditingService.Listener {

    @Override
    public void syncNow() {
    }

    @Override
    public void presenceChanged(List<CoEditingService.Participant> participants) {
    }

    @Override
    public void outlineChanged(String byName) {
    }
}
