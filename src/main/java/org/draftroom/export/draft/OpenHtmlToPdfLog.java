package org.draftroom.export.draft;

import java.util.logging.Level;

import com.openhtmltopdf.util.Diagnostic;
import com.openhtmltopdf.util.XRLog;
import com.openhtmltopdf.util.XRLogger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends openhtmltopdf's log to SLF4J instead of its own console handler, one level down: its INFO (timings, "fast
 * mode") becomes DEBUG and its WARNING becomes DEBUG too, since every render warns about the CSS the shared HTML
 * stylesheet uses for browsers ({@code display: flex}, {@code break-before}); only SEVERE stays a WARN.
 */
final class OpenHtmlToPdfLog implements XRLogger {

    private static final Logger LOG = LoggerFactory.getLogger("com.openhtmltopdf");

    private OpenHtmlToPdfLog() {
    }

    /** Installs the adapter; idempotent. */
    static void install() {
        if (!(XRLog.getLoggerImpl() instanceof OpenHtmlToPdfLog)) {
            XRLog.setLoggerImpl(new OpenHtmlToPdfLog());
        }
    }

    @Override
    public void log(String where, Level level, String msg) {
        log(where, level, msg, null);
    }

    @Override
    public void log(String where, Level level, String msg, Throwable th) {
        Logger logger = LoggerFactory.getLogger(where == null ? "com.openhtmltopdf" : where);
        if (level.intValue() >= Level.SEVERE.intValue()) {
            logger.warn(msg, th);
        } else if (level.intValue() >= Level.INFO.intValue()) {
            logger.debug(msg, th);
        } else {
            logger.trace(msg, th);
        }
    }

    @Override
    public void setLevel(String logger, Level level) {
        // levels are configured in the application's logging configuration
    }

    @Override
    public boolean isLogLevelEnabled(Diagnostic diagnostic) {
        int level = diagnostic.getLevel().intValue();
        return level >= Level.SEVERE.intValue() ? LOG.isWarnEnabled()
                : level >= Level.INFO.intValue() ? LOG.isDebugEnabled() : LOG.isTraceEnabled();
    }
}
