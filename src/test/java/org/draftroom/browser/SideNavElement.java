package org.draftroom.browser;

import java.util.List;
import org.openqa.selenium.WebElement;

@VaadinTag("vaadin-side-nav")
public class SideNavElement extends VaadinElement {

    SideNavElement(Browser browser, WebElement element) {
        super(browser, element);
    }

    /** The labels of the items, in order, as shown. */
    public List<String> labels() {
        return items().stream().map(VaadinElement::text).toList();
    }

    private List<VaadinElement> items() {
        return $("vaadin-side-nav-item").all();
    }
}
