package org.draftroom.base;

/**
 * A request's body went over the largest the application reads, and reading it stopped there (thrown by the body's
 * stream, so whoever was reading it fails at once). Nothing went wrong on the server: it is logged as one line.
 */
public final class RequestTooLarge extends RefusedRequest {

    public RequestTooLarge(long limitBytes) {
        super("request body over " + (limitBytes >> 20) + " MB");
    }
}
