/** The notifications of the signed-in person, and the listeners that create them. */
@org.springframework.modulith.NamedInterface("service")
package org.draftroom.notifications.service;
