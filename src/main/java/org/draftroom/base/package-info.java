/**
 * The shared kernel: configuration, clock, i18n, the embedded database, the main layout and error handling.
 * Every module may use it; it depends on no other module.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package org.draftroom.base;
