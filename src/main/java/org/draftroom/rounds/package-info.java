/**
 * Consultation rounds: the secretariat freezes a tagged version of a project's draft for an audience (invited
 * organisations or the public) and a window of time; reviewers comment on that frozen text, organisations submit
 * their comments, and every comment gets a disposition. The round's rules for comments are given to the comments
 * module through its {@code RoundCommentRules} SPI.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Rounds")
package org.draftroom.rounds;
