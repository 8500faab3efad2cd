package org.draftroom.search.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.QueryParameters;

/**
 * The search field of the top bar. Enter opens the results page; the key {@code /} anywhere outside a text input
 * puts the focus here (as on GitHub and in many documentation sites), without taking "/" from anyone typing.
 */
class SearchField extends TextField {

    SearchField() {
        setId("global-search");
        addClassName("global-search");
        setPlaceholder(getTranslation("search.field.placeholder"));
        setAriaLabel(getTranslation("search.field.label"));
        setPrefixComponent(VaadinIcon.SEARCH.create());
        setClearButtonVisible(true);
        setWidth("16em");
        addKeyPressListener(Key.ENTER, e -> {
            String q = getValue().strip();
            getUI().ifPresent(ui -> ui.navigate(SearchView.PATH, QueryParameters.of("q", q)));
        });
    }

    @Override
    protected void onAttach(AttachEvent event) {
        super.onAttach(event);
        getElement().executeJs("""
                const field = this;
                if (window.__draftroomSearchKey) {
                  document.removeEventListener('keydown', window.__draftroomSearchKey);
                }
                window.__draftroomSearchKey = e => {
                  if (e.key !== '/' || e.ctrlKey || e.metaKey || e.altKey) return;
                  const path = e.composedPath ? e.composedPath() : [e.target];
                  if (path.some(n => n && (n.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(n.tagName)))) return;
                  const target = document.getElementById('global-search');
                  if (!target) return;
                  e.preventDefault();
                  target.focus();
                };
                document.addEventListener('keydown', window.__draftroomSearchKey);
                """);
    }
}
