package org.draftroom.base.ui;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.Marker;
import org.springframework.stereotype.Component;
import org.springframework.web.util.DisconnectedClientHelper;

/**
 * A browser that goes away (window closed, page reloaded, network gone) while the server pushes to it is not an error:
 * Vaadin's push handler logs the push that then fails on the closed websocket as "Exception in push connection" with
 * a stack trace at ERROR. This filter turns exactly those into one DEBUG line; every other push error still shows.
 * (Answers to requests whose client went away are handled by {@link ShellServiceInitListener}.)
 */
@Component
class ClosedConnectionLogFilter extends TurboFilter {

    static final String PUSH_HANDLER = "com.vaadin.flow.server.communication.PushAtmosphereHandler";
    private static final Logger log = LoggerFactory.getLogger(ClosedConnectionLogFilter.class);

    @PostConstruct
    void install() {
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context) {
            context.addTurboFilter(this);
            start();
        }
    }

    @PreDestroy
    void uninstall() {
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context) {
            context.getTurboFilterList().remove(this);
        }
    }

    @Override
    public FilterReply decide(Marker marker, ch.qos.logback.classic.Logger logger, Level level, String format,
            Object[] params, Throwable t) {
        if (t == null || level != Level.ERROR || !PUSH_HANDLER.equals(logger.getName()) || !clientGone(t)) {
            return FilterReply.NEUTRAL;
        }
        log.debug("Push to a client that is gone: {}", t.toString());
        return FilterReply.DENY;
    }

    /** A broken pipe or reset connection, or a websocket the client has closed. */
    static boolean clientGone(Throwable t) {
        if (DisconnectedClientHelper.isClientDisconnectedException(t)) {
            return true;
        }
        for (Throwable c = t; c != null; c = c.getCause()) {
            String message = String.valueOf(c.getMessage());
            if (c instanceof java.nio.channels.ClosedChannelException || c instanceof java.io.EOFException
                    || message.contains("WebSocket session has been closed")
                    || message.contains("session has been closed")) {
                return true;
            }
        }
        return false;
    }
}
