/** Rounds, their window, audience, changes, submissions and dispositions, as plain values. */
@org.springframework.modulith.NamedInterface("domain")
package org.draftroom.rounds.domain;
