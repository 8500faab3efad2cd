package org.draftroom.base;

import java.io.IOException;

/**
 * A request, or a message over an open connection, that the application stopped reading because no page of ours sends
 * such a thing: too large ({@link RequestTooLarge}) or not in the form our pages send. Thrown by the stream being read,
 * so whoever was reading it fails at once. Nothing went wrong on the server: it is logged as one line, without the
 * refused text.
 */
public class RefusedRequest extends IOException {

    public RefusedRequest(String reason) {
        super(reason);
    }
}
