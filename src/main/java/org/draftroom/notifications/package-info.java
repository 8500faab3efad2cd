/**
 * In-application notifications (the bell in the shell) and, when an SMTP server is configured, e-mail: a round
 * opened to you, a reply to your comment, dispositions published, a round closing soon. Reacts to the rounds' and
 * comments' events after their transactions commit.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Notifications")
package org.draftroom.notifications;
