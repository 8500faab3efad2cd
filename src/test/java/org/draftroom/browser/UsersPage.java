package org.draftroom.browser;

import java.util.List;

/** The administrator's list of people ({@code UsersView}, {@code admin/users}). */
public final class UsersPage {

    private final Browser browser;

    private UsersPage(Browser browser) {
        this.browser = browser;
    }

    public static UsersPage open(Browser browser) {
        browser.open("admin/users");
        return shown(browser);
    }

    public static UsersPage shown(Browser browser) {
        browser.$("vaadin-vertical-layout").id("users-view");
        browser.waitForVaadin();
        return new UsersPage(browser);
    }

    public String heading() {
        return browser.$("vaadin-vertical-layout").id("users-view").$("h1").first().text();
    }

    public GridElement grid() {
        return browser.$(GridElement.class).id("users-grid");
    }

    /** The cells of the user's row, in column order (username, name, organisation, roles, groups, status). */
    public List<String> row(String username) {
        return grid().row(username);
    }

    /** Waits until the user's row shows {@code status} in its last column. */
    public void waitForStatus(String username, String status) {
        browser.waitUntil(username + "'s status " + status, () -> {
            List<String> row = row(username);
            return !row.isEmpty() && status.equals(row.get(row.size() - 1));
        });
    }

    public UserDialogPage newUser() {
        browser.$(ButtonElement.class).id("new-user").click();
        return UserDialogPage.shown(browser);
    }

    /** Opens the user's dialog by clicking their row. */
    public UserDialogPage edit(String username) {
        grid().cell(username).click();
        return UserDialogPage.shown(browser);
    }
}
