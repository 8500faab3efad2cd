package org.draftroom.editing.ui;

import java.util.List;
import java.util.Map;
import org.draftroom.browser.Browser;
import org.openqa.selenium.interactions.Actions;

/** The live co-editing screen of a project, as a person uses it: pick a clause, type, see who is where. */
public final class LivePage {

    private final Browser browser;

    private LivePage(Browser browser) {
        this.browser = browser;
    }

    public static LivePage open(Browser browser, String projectId) {
        browser.open("projects/" + projectId + "/live");
        return shown(browser);
    }

    /** The live editor just opened (from the draft's "Edit live", a link or the address). */
    public static LivePage shown(Browser browser) {
        browser.waitUntil("the live editor", () -> Boolean.TRUE.equals(browser.js(
                "const e = document.querySelector('dr-live-text'); return !!(e && e.$server && e.textarea);")));
        return new LivePage(browser);
    }

    public Browser browser() {
        return browser;
    }

    /** Clicks the outline row whose text ends with {@code title} and waits until its text is open for typing. */
    LivePage selectClause(String clauseId, String title) {
        browser.waitUntil("the outline to show " + title, () -> Boolean.TRUE.equals(browser.js("""
                const cell = [...document.querySelectorAll('#live-outline vaadin-grid-cell-content')]
                    .find(c => c.innerText.trim().endsWith(arguments[0]));
                if (cell) { cell.click(); return true; }
                return false;""", title)));
        browser.waitUntil("the clause " + (clauseId == null ? title : clauseId) + " to be open", () -> Boolean.TRUE
                .equals(browser.js("""
                const e = document.querySelector('dr-live-text');
                return (arguments[0] === null ? !!e.clauseId : e.clauseId === arguments[0]) && !e.textarea.disabled;
                """, clauseId)));
        return this;
    }

    /** The same, for tools that know the clause by its title only. */
    public LivePage selectClause(String title) {
        return selectClause(null, title);
    }

    /** Waits until everything typed here has been acknowledged by the server. */
    public LivePage waitUntilSettled() {
        browser.waitUntil("the typing to be acknowledged", this::settled);
        return this;
    }

    /** The id of the clause open for typing ("" when none). */
    public String openClauseId() {
        return String.valueOf(browser.js("""
                const e = document.querySelector('dr-live-text');
                return e && !e.textarea.disabled ? e.clauseId : '';"""));
    }

    /** Waits until the clause with this id is open for typing. */
    public LivePage waitForClause(String clauseId) {
        browser.waitUntil("the clause " + clauseId + " to be open", () -> clauseId.equals(openClauseId()));
        return this;
    }

    /** Saves a named version of the current text with this message. */
    public LivePage saveVersion(String message) {
        browser.js("document.querySelector('#live-save').click()");
        browser.waitUntil("the save dialog", () -> Boolean.TRUE.equals(browser.js(
                "return !!document.querySelector('#live-save-message')")));
        browser.js("""
                const area = document.querySelector('#live-save-message');
                area.value = arguments[0];
                area.dispatchEvent(new Event('change', {bubbles: true}));""", message);
        browser.waitForVaadin();
        browser.js("document.querySelector('#live-save-confirm').click()");
        browser.waitForVaadin();
        return this;
    }

    /** The clause text the server has acknowledged completely. */
    public String acknowledgedText() {
        return String.valueOf(browser.js("return document.querySelector('dr-live-text').acknowledgedText"));
    }

    public String text() {
        return String.valueOf(browser.js("return document.querySelector('dr-live-text').textarea.value"));
    }

    /** Whether everything typed here has reached the server and been acknowledged. */
    public boolean settled() {
        return Boolean.TRUE.equals(browser.js("""
                const e = document.querySelector('dr-live-text');
                const s = e.state();
                return s.pending === 0 && !s.unsent && !s.offline && !e.inFlight;"""));
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> state() {
        return (Map<String, Object>) browser.js("return document.querySelector('dr-live-text').state()");
    }

    /** Puts the caret right after the first occurrence of {@code marker} in the text. */
    public void caretAfter(String marker) {
        browser.js("""
                const t = document.querySelector('dr-live-text').textarea;
                t.focus();
                const at = t.value.indexOf(arguments[0]);
                const end = at < 0 ? t.value.length : at + arguments[0].length;
                t.setSelectionRange(end, end);""", marker);
    }

    public void caretAtEnd() {
        browser.js("""
                const t = document.querySelector('dr-live-text').textarea;
                t.focus(); t.setSelectionRange(t.value.length, t.value.length);""");
    }

    /** Types at the caret, key by key, as a person does. */
    public void type(CharSequence keys) {
        new Actions(browser.driver()).sendKeys(keys).perform();
    }

    String status() {
        return String.valueOf(browser.js(
                "return document.querySelector('dr-live-text .dr-live-status').textContent"));
    }

    String problem() {
        return String.valueOf(browser.js(
                "return document.querySelector('dr-live-text .dr-live-problem').textContent"));
    }

    /** Names on the presence markers beside the clause's row in the outline. */
    @SuppressWarnings("unchecked")
    public List<String> markersInOutline(String clauseId) {
        return (List<String>) browser.js("""
                return [...document.querySelectorAll('#live-outline .presence-chip')]
                    .filter(c => c.dataset.clause === arguments[0]).map(c => c.dataset.user);""", clauseId);
    }

    /** Names in the bar of people in the document. */
    @SuppressWarnings("unchecked")
    public List<String> peopleInDocument() {
        return (List<String>) browser.js(
                "return [...document.querySelectorAll('#presence-bar .presence-chip')].map(c => c.dataset.user);");
    }

    /** Names shown above the text as typing in the same clause. */
    @SuppressWarnings("unchecked")
    public List<String> othersInClause() {
        return (List<String>) browser.js(
                "return [...document.querySelectorAll('#clause-presence .presence-chip')].map(c => c.dataset.user);");
    }

    @SuppressWarnings("unchecked")
    List<String> outlineTexts() {
        return (List<String>) browser.js("""
                return [...document.querySelectorAll('#live-outline vaadin-grid-cell-content')]
                    .map(c => c.innerText.trim()).filter(t => t.length > 0);""");
    }
}
