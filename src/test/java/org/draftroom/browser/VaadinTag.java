package org.draftroom.browser;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The HTML tag of the web component an element class wraps, as TestBench's {@code @Element} says it; a CSS qualifier
 * may follow (e.g. {@code vaadin-dialog-overlay[opened]} for the dialog being shown).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@interface VaadinTag {
    String value();
}
