/** Notifications as plain values. */
@org.springframework.modulith.NamedInterface("domain")
package org.draftroom.notifications.domain;
