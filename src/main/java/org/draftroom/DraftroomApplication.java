package org.draftroom;

import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.component.page.Push;
import com.vaadin.flow.shared.ui.Transport;
import com.vaadin.flow.theme.Theme;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * Draftroom: drafting, consultation and comment disposition for a standards committee.
 * Draft text lives in Git, everything about the text in PostgreSQL (see docs/architecture.md).
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@Theme("draftroom")
@Push(transport = Transport.WEBSOCKET)
public class DraftroomApplication implements AppShellConfigurator {

    public static void main(String[] args) {
        SpringApplication.run(DraftroomApplication.class, args);
    }
}
