package org.draftroom.editing.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.router.RouteParameters;
import org.draftroom.drafts.DraftViewExtension;
import org.draftroom.drafts.service.DraftService;

/** "Edit live" in the draft view's toolbar, for people who may edit the latest version. */
@org.springframework.stereotype.Component
class LiveEditingEntry implements DraftViewExtension {

    @Override
    public Component toolbarItem(DraftService.DraftSnapshot snapshot) {
        if (!snapshot.editable()) {
            return new Span();
        }
        Button live = new Button(VaadinIcon.USERS.create());
        live.setText(live.getTranslation("editing.open"));
        live.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        live.setId("open-live-editing");
        live.addClickListener(e -> e.getSource().getUI().ifPresent(ui -> ui.navigate(LiveDraftView.class,
                new RouteParameters("projectId", snapshot.project().id()))));
        return live;
    }
}
