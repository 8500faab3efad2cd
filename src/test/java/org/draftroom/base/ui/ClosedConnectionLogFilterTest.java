package org.draftroom.base.ui;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.io.IOException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** Through logback itself: what Vaadin's push handler logs about a client that is gone no longer shows as an error. */
class ClosedConnectionLogFilterTest {

    private final ClosedConnectionLogFilter filter = new ClosedConnectionLogFilter();
    private final ListAppender<ILoggingEvent> seen = new ListAppender<>();
    private final Logger push = (Logger) LoggerFactory.getLogger(ClosedConnectionLogFilter.PUSH_HANDLER);

    @BeforeEach
    void listen() {
        seen.start();
        push.addAppender(seen);
        filter.install();
    }

    @AfterEach
    void stop() {
        filter.uninstall();
        push.detachAppender(seen);
    }

    @Test
    void a_push_to_a_closed_websocket_or_a_broken_pipe_is_not_logged_as_an_error() {
        push.error("Exception in push connection", new IllegalStateException(
                "Message will not be sent because the WebSocket session has been closed"));
        push.error("Exception in push connection", new RuntimeException(new IOException("Broken pipe")));
        assertThat(seen.list).isEmpty();
    }

    @Test
    void other_push_errors_still_are() {
        push.error("Exception in push connection", new IllegalStateException("UI is detached"));
        assertThat(seen.list).singleElement().extracting(ILoggingEvent::getFormattedMessage)
                .isEqualTo("Exception in push connection");
    }
}
