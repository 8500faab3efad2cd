/** The transaction and security boundary of rounds: scheduling, window changes, submissions, dispositions. */
@org.springframework.modulith.NamedInterface("service")
package org.draftroom.rounds.service;
