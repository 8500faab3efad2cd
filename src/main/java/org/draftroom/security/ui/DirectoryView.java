package org.draftroom.security.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.router.HasDynamicTitle;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.draftroom.base.ui.Notices;
import org.draftroom.base.UserFacingException;
import org.draftroom.security.Access;
import org.draftroom.security.domain.CodedName;
import org.draftroom.security.domain.Rules;

/**
 * A list of things with a code and a Chinese and an English name (organisations, working groups). Administrators
 * add, edit and delete; the secretariat reads.
 */
abstract class DirectoryView<T extends CodedName> extends VerticalLayout implements HasDynamicTitle {

    /** The operations a concrete directory provides. */
    interface Source<T> {
        List<T> list();

        T save(Long id, String code, String nameZh, String nameEn);

        void delete(long id);
    }

    private final Source<T> source;
    private final String prefix;
    private final Function<String, Optional<Rules.Problem>> codeRule;
    private final Grid<T> grid = new Grid<>();

    DirectoryView(String prefix, Source<T> source, Function<String, Optional<Rules.Problem>> codeRule, Access access) {
        this.prefix = prefix;
        this.source = source;
        this.codeRule = codeRule;
        setId(prefix + "-view");
        setSizeFull();
        add(new H1(getTranslation(prefix + ".title")), new Paragraph(getTranslation(prefix + ".intro")));
        boolean canEdit = access.canManageDirectory();
        if (canEdit) {
            Button create = new Button(getTranslation(prefix + ".new"), VaadinIcon.PLUS.create(), e -> open(null));
            create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            create.setId("new-" + prefix);
            add(create);
        }
        grid.addColumn(CodedName::code).setHeader(getTranslation("directory.code")).setAutoWidth(true);
        grid.addColumn(CodedName::nameZh).setHeader(getTranslation("directory.name-zh")).setAutoWidth(true);
        grid.addColumn(CodedName::nameEn).setHeader(getTranslation("directory.name-en")).setAutoWidth(true);
        grid.setId(prefix + "-grid");
        if (canEdit) {
            grid.addItemClickListener(e -> open(e.getItem()));
        }
        refresh();
        add(grid);
        expand(grid);
    }

    private void refresh() {
        grid.setItems(source.list());
    }

    /** The editing form, as a bean for the binder. */
    static final class Entry {
        String code = "";
        String nameZh = "";
        String nameEn = "";
    }

    private void open(T item) {
        Dialog dialog = new Dialog();
        dialog.setId(prefix + "-dialog");
        dialog.setHeaderTitle(getTranslation(item == null ? prefix + ".new" : prefix + ".edit"));
        TextField code = new TextField(getTranslation("directory.code"));
        code.setId("directory-code");
        code.setHelperText(getTranslation(prefix + ".code.help"));
        TextField nameZh = new TextField(getTranslation("directory.name-zh"));
        nameZh.setId("directory-name-zh");
        TextField nameEn = new TextField(getTranslation("directory.name-en"));
        nameEn.setId("directory-name-en");
        Binder<Entry> binder = new Binder<>();
        binder.forField(code).withValidator(Forms.rule(this, codeRule)).bind(e -> e.code, (e, v) -> e.code = v);
        binder.forField(nameZh).withValidator(Forms.rule(this, Rules::name)).bind(e -> e.nameZh, (e, v) -> e.nameZh = v);
        binder.forField(nameEn).withValidator(Forms.rule(this, Rules::name)).bind(e -> e.nameEn, (e, v) -> e.nameEn = v);
        Entry entry = new Entry();
        if (item != null) {
            entry.code = item.code();
            entry.nameZh = item.nameZh();
            entry.nameEn = item.nameEn();
        }
        binder.readBean(entry);
        dialog.add(new FormLayout(code, nameZh, nameEn));

        Button save = new Button(getTranslation("action.save"), e -> {
            Entry edited = new Entry();
            if (!binder.writeBeanIfValid(edited)) {
                return;
            }
            try {
                source.save(item == null ? null : item.id(), edited.code, edited.nameZh, edited.nameEn);
                Notices.success(getTranslation("directory.saved", edited.code.trim().toUpperCase()));
                refresh();
                dialog.close();
            } catch (UserFacingException refusal) {
                Notices.show(this, refusal, Map.of("directory.code", code, "directory.name-zh", nameZh,
                        "directory.name-en", nameEn));
            }
        });
        save.setId("directory-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(new Button(getTranslation("action.cancel"), e -> dialog.close()), save);
        if (item != null) {
            Button delete = new Button(getTranslation("action.delete"), e -> confirmDelete(item, dialog));
            delete.addThemeVariants(ButtonVariant.LUMO_ERROR);
            delete.setId("directory-delete");
            dialog.getFooter().addComponentAsFirst(delete);
        }
        dialog.open();
    }

    private void confirmDelete(T item, Dialog dialog) {
        ConfirmDialog confirm = new ConfirmDialog(getTranslation("action.delete"),
                getTranslation("directory.delete.confirm", item.code()), getTranslation("action.delete"), e -> {
            try {
                source.delete(item.id());
                refresh();
                dialog.close();
            } catch (UserFacingException refusal) {
                Notices.show(this, refusal, Map.of());
            }
        }, getTranslation("action.cancel"), e -> {
        });
        confirm.setConfirmButtonTheme("error primary");
        confirm.open();
    }

    @Override
    public String getPageTitle() {
        return getTranslation(prefix + ".title") + " · " + getTranslation("app.name");
    }
}
