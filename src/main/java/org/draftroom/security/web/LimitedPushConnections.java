package org.draftroom.security.web;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.communication.AtmospherePushConnection;
import com.vaadin.flow.server.communication.PushConnection;
import com.vaadin.flow.server.communication.PushConnectionFactory;
import java.io.IOException;
import java.io.Reader;
import org.atmosphere.cpr.AtmosphereResource;
import org.draftroom.base.RequestTooLarge;

/**
 * Vaadin's push connections with a limit on what one message over the websocket may hold. The browser sends a message
 * as "length|text" in frames of 4 KB, and Vaadin collects the frames until the announced length has come, with no
 * limit of its own: anyone who opens the sign-in page could make the server hold gigabytes. Here a message is cut off
 * at {@link RequestBodyLimit#MAX_BYTES} characters, what was collected is dropped, the connection is closed, and the
 * frames still on their way are dropped unread. The application's own pages send far less: a live sync message is at
 * most 4,000,000 characters. Vaadin finds this factory through {@code META-INF/services}.
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

        Limited(UI ui) {
            super(ui);
        }

        @Override
        public FragmentedMessage getOrCreateFragmentedMessage(AtmosphereResource resource) {
            if (refused) {
                return new Dropped();
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

        /** The frames that were already on their way when the connection was closed for a message over the limit. */
        private static final class Dropped extends FragmentedMessage {
            @Override
            public boolean append(Reader reader) throws IOException {
                reader.skip(Long.MAX_VALUE);
                return false;
            }
        }

        private final class Message extends FragmentedMessage {

            private long received;

            @Override
            public boolean append(Reader reader) throws IOException {
                return super.append(new Reader() {
                    @Override
                    public int read(char[] buffer, int offset, int length) throws IOException {
                        int n = reader.read(buffer, offset, length);
                        if (n > 0) {
                            received += n;
                            if (received > RequestBodyLimit.MAX_BYTES) {
                                incoming = null;
                                refused = true;
                                disconnect();
                                throw new RequestTooLarge(RequestBodyLimit.MAX_BYTES);
                            }
                        }
                        return n;
                    }

                    @Override
                    public void close() throws IOException {
                        reader.close();
                    }
                });
            }
        }
    }
}
