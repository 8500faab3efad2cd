/**
 * Standard projects and their drafts: the clause model and GB/T 1.1 numbering ({@code domain}), the Git storage
 * ({@code storage}, the only place that touches JGit), versions, tags and redlines ({@code service}), and the views.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Drafts")
package org.draftroom.drafts;
