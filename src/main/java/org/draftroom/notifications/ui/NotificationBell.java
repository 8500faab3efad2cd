package org.draftroom.notifications.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.popover.Popover;
import com.vaadin.flow.component.popover.PopoverPosition;
import org.draftroom.base.DraftroomProperties;
import org.draftroom.base.ui.Times;
import org.draftroom.notifications.domain.Notification;
import org.draftroom.notifications.service.NotificationService;

/** The bell in the shell: the number of unread notifications, and the latest ones in a popover. */
class NotificationBell extends Div {

    final Button bell = new Button(VaadinIcon.BELL_O.create());
    final Span count = new Span();
    final Div list = new Div();
    private final NotificationService notifications;
    private final DraftroomProperties properties;

    NotificationBell(NotificationService notifications, DraftroomProperties properties) {
        this.notifications = notifications;
        this.properties = properties;
        setId("notification-bell");
        addClassName("notification-bell");
        bell.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_ICON);
        bell.getElement().setAttribute("aria-label", getTranslation("notifications.title"));
        bell.setId("notification-button");
        count.addClassName("notification-count");
        count.getElement().getThemeList().add("badge error pill small primary");
        count.setId("notification-count");
        getStyle().set("display", "inline-flex").set("align-items", "center").set("position", "relative")
                .set("margin-right", "var(--lumo-space-m)");
        count.getStyle().set("position", "absolute").set("top", "-4px").set("right", "-10px")
                .set("font-size", "11px").set("min-width", "1.4em").set("justify-content", "center");
        add(bell, count);
        Popover popover = new Popover();
        popover.setTarget(bell);
        popover.setPosition(PopoverPosition.BOTTOM_END);
        popover.setWidth("380px");
        popover.addOpenedChangeListener(e -> {
            if (e.isOpened()) {
                refreshList();
            }
        });
        list.setId("notification-list");
        list.addClassName("notification-list");
        list.getStyle().set("max-height", "420px").set("overflow", "auto");
        popover.add(list);
        add(popover);
        refreshCount();
    }

    void refreshCount() {
        int unread = notifications.unreadCount();
        count.setText(unread > 99 ? "99+" : String.valueOf(unread));
        count.setVisible(unread > 0);
    }

    void refreshList() {
        list.removeAll();
        Div head = new Div(new Span(getTranslation("notifications.title")));
        head.addClassName("notification-head");
        head.getStyle().set("display", "flex").set("justify-content", "space-between").set("font-weight", "600")
                .set("padding-bottom", "var(--lumo-space-xs)")
                .set("border-bottom", "1px solid var(--lumo-contrast-10pct)");
        Button all = new Button(getTranslation("notifications.mark-all-read"), e -> {
            notifications.markAllRead();
            refreshList();
            refreshCount();
        });
        all.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_SMALL);
        all.setId("notifications-mark-all");
        head.add(all);
        list.add(head);
        var latest = notifications.latest();
        if (latest.isEmpty()) {
            list.add(new Span(getTranslation("notifications.none")));
        }
        for (Notification n : latest) {
            list.add(item(n));
        }
    }

    private Component item(Notification n) {
        Span text = new Span(getTranslation(n.messageKey(), n.args().toArray()));
        Span when = new Span(Times.minutes(n.createdAt(), properties.timeZone()));
        when.addClassName("notification-when");
        Div item = new Div(text, when);
        item.addClassName("notification-item");
        item.getStyle().set("display", "flex").set("flex-direction", "column").set("cursor", "pointer")
                .set("padding", "var(--lumo-space-xs) var(--lumo-space-s)")
                .set("border-bottom", "1px solid var(--lumo-contrast-5pct)").set("font-size", "var(--lumo-font-size-s)");
        when.getStyle().set("color", "var(--lumo-secondary-text-color)").set("font-size", "var(--lumo-font-size-xs)");
        if (!n.isRead()) {
            item.addClassName("unread");
            item.getStyle().set("background", "var(--lumo-primary-color-10pct)");
        }
        item.addClickListener(e -> {
            notifications.markRead(n.id());
            refreshCount();
            if (!n.link().isBlank()) {
                getUI().ifPresent(ui -> ui.navigate(n.link()));
            }
        });
        return item;
    }
}
