package org.draftroom.base.ui;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.vaadin.flow.server.ErrorEvent;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.catalina.connector.ClientAbortException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.slf4j.LoggerFactory;

/**
 * Through the session error handler and logback: a browser that went away while its answer was being written (Tomcat's
 * {@code ClientAbortException: Broken pipe} in {@code UidlRequestHandler.commitJsonResponse}, as a killed Chromium
 * produced) is one DEBUG line, not an ERROR with a stack trace.
 */
class ClientGoneLogTest {

    private final Logger shell = (Logger) LoggerFactory.getLogger(ShellServiceInitListener.class);
    private final ListAppender<ILoggingEvent> seen = new ListAppender<>();
    private Level level;

    @BeforeEach
    void listen() {
        level = shell.getLevel();
        shell.setLevel(Level.DEBUG);
        seen.start();
        shell.addAppender(seen);
    }

    @AfterEach
    void stop() {
        shell.detachAppender(seen);
        shell.setLevel(level);
    }

    static Throwable[] gone() {
        return new Throwable[] {
            new ClientAbortException(new IOException("Broken pipe")),
            new UncheckedIOException(new ClientAbortException(new IOException("Broken pipe"))),
            new IOException("Connection reset by peer"),
        };
    }

    @ParameterizedTest
    @MethodSource("gone")
    void a_client_gone_before_its_answer_is_one_debug_line_without_a_stack_trace(Throwable error) {
        // Neither the people nor the messages are asked about a client that is gone.
        new ShellServiceInitListener(null, null).handle(new ErrorEvent(error));
        assertThat(seen.list).singleElement().satisfies(e -> {
            assertThat(e.getLevel()).isEqualTo(Level.DEBUG);
            assertThat(e.getThrowableProxy()).isNull();
            assertThat(e.getFormattedMessage()).startsWith("Client gone before its answer was written");
        });
    }
}
