package org.draftroom.browser;

import java.util.List;

/** The start page ({@code HomeView}): one section per role of the person. */
public final class HomePage {

    private final Browser browser;

    private HomePage(Browser browser) {
        this.browser = browser;
    }

    static HomePage shown(Browser browser) {
        browser.$("vaadin-vertical-layout").id("home");
        return new HomePage(browser);
    }

    /** The roles whose sections are shown, by their CSS class ({@code home-admin}, {@code home-editor}, ...). */
    public List<String> sectionClasses() {
        return browser.$("div").withClass("home-section").all().stream()
                .flatMap(section -> List.of(section.attribute("class").split("\\s+")).stream())
                .filter(c -> c.startsWith("home-") && !c.equals("home-section"))
                .toList();
    }

    /** The heading of the section with this CSS class. */
    public String sectionTitle(String sectionClass) {
        return browser.$("div").withClass(sectionClass).first().$("h2").first().text();
    }
}
