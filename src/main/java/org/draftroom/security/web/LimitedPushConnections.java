package org.draftroom.security.web;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.communication.AtmospherePushConnection;
import com.vaadin.flow.server.communication.PushConnection;
import com.vaadin.flow.server.communication.PushConnectionFactory;
import java.io.IOException;
import java.io.PushbackReader;
import java.io.Reader;
import org.atmosphere.cpr.AtmosphereResource;
import org.draftroom.base.RefusedRequest;
import org.draftroom.base.RequestTooLarge;
import org.draftroom.base.ui.MalformedMessages;

/**
 * Vaadin's push connections with a limit on what one message over the websocket may hold. The browser sends a message
 * as "length|text" in frames of 4 KB, and Vaadin collects the frames until the announced length has come, with no
 * limit of its own: anyone who opens the sign-in page could make the server hold gigabytes. Here a message is cut off
 * at {@link RequestBodyLimit#MAX_BYTES} characters, what was collected is dropped, the connection is closed, and the
 * frames still on their way are dropped unread. The application's own pages send far less: a live sync message is at
 * most 4,000,000 characters. A message whose first frame does not begin with its length ("digits|", as our pages
 * send), or which is not one JSON object, is refused the same way, before Vaadin parses it. Vaadin finds this
 * factory through {@code META-INF/services}.
 */
public class LimitedPushConnections implements PushConnectionFactory {

    @Override
    public PushConnection apply(UI ui) {
        return new Limited(ui);
    }

    static final class Limited extends AtmospherePushConnection {

        private transient Message incoming;
        /** Set when a message went over the limit: what still arrives on this connection is dropped unread. */
        private transient boolean refused;

        private final UI ui;

        Limited(UI ui) {
            super(ui);
            this.ui = ui;
        }

        @Override
        public FragmentedMessage getOrCreateFragmentedMessage(AtmosphereResource resource) {
            if (refused) {
                return new Dropped();
            }
            if (MalformedMessages.refused(ui.getSession())) {
                return new RefusedSession();
            }
            if (incoming == null) {
                incoming = new Message();
            }
            return incoming;
        }

        @Override
        public void clearFragmentedMessage(AtmosphereResource resource) {
            incoming = null;
        }

        @Override
        public void connect(AtmosphereResource resource) {
            refused = false;
            incoming = null;
            super.connect(resource);
        }

        /** The frames that were already on their way when the connection was closed for a refused message. */
        private static final class Dropped extends FragmentedMessage {
            @Override
            public boolean append(Reader reader) throws IOException {
                reader.skip(Long.MAX_VALUE);
                return false;
            }
        }

        /**
         * The first frame after the session sent too many messages Vaadin could not take: refused, with what follows
         * on this connection dropped unread.
         */
        private final class RefusedSession extends FragmentedMessage {
            @Override
            public boolean append(Reader reader) throws IOException {
                refuse();
                throw new RefusedRequest("push message of a session that sent " + MalformedMessages.LIMIT
                        + " messages Vaadin could not take");
            }
        }

        /** Closes the connection and drops what still arrives on it; the caller then throws why. */
        private void refuse() {
            incoming = null;
            refused = true;
            disconnect();
        }

        private final class Message extends FragmentedMessage {

            private static final JsonFactory JSON = new JsonFactory();
            /** The longest "length|" prefix: the digits of the largest int and the bar. */
            private static final int MAX_PREFIX = 11;

            private long received;
            private boolean started;

            @Override
            public boolean append(Reader reader) throws IOException {
                Reader counted = new Reader() {
                    @Override
                    public int read(char[] buffer, int offset, int length) throws IOException {
                        int n = reader.read(buffer, offset, length);
                        if (n > 0) {
                            received += n;
                            if (received > RequestBodyLimit.MAX_BYTES) {
                                refuse();
                                throw new RequestTooLarge(RequestBodyLimit.MAX_BYTES);
                            }
                        }
                        return n;
                    }

                    @Override
                    public void close() throws IOException {
                        reader.close();
                    }
                };
                boolean complete;
                if (started) {
                    complete = super.append(counted);
                } else {
                    started = true;
                    complete = super.append(withLengthPrefix(counted));
                }
                if (complete && !isJsonObject(super.getReader())) {
                    refuse();
                    throw new RefusedRequest("push message that is not a JSON object");
                }
                return complete;
            }

            /**
             * Whether the message is one JSON object, as our pages send. Vaadin reported one that is not as an error
             * with a stack trace and kept the connection: 50 messages "5|xxxxx" wrote 2,150 lines to the log.
             */
            private static boolean isJsonObject(Reader message) throws IOException {
                try (JsonParser parser = JSON.createParser(message)) {
                    if (parser.nextToken() != JsonToken.START_OBJECT) {
                        return false;
                    }
                    parser.skipChildren();
                    return parser.nextToken() == null;
                } catch (JsonProcessingException malformed) {
                    return false;
                }
            }

            /**
             * The message's first frame, once its "length|" prefix is known to be digits and a bar within
             * {@link #MAX_PREFIX} characters. Vaadin reads the prefix one character at a time, copying what it read so
             * far each time, and reports a malformed one with its whole text: a frame without a bar cost a quadratic
             * parse and a log entry holding the frame.
             */
            private Reader withLengthPrefix(Reader frame) throws IOException {
                PushbackReader prefix = new PushbackReader(frame, MAX_PREFIX);
                char[] read = new char[MAX_PREFIX];
                int n = 0;
                int c;
                do {
                    c = prefix.read();
                    if (c == -1 || n == MAX_PREFIX || (c != '|' && (c < '0' || c > '9')) || (c == '|' && n == 0)) {
                        refuse();
                        throw new RefusedRequest("push message without its length prefix");
                    }
                    read[n++] = (char) c;
                } while (c != '|');
                if (Long.parseLong(new String(read, 0, n - 1)) > Integer.MAX_VALUE) {
                    refuse();
                    throw new RefusedRequest("push message announcing more than " + Integer.MAX_VALUE + " characters");
                }
                prefix.unread(read, 0, n);
                return prefix;
            }
        }
    }
}
