/**
 * Search across every standard: clauses of the current versions and of consultation rounds' frozen versions, terms,
 * comments and dispositions, in Chinese and English, and only what the person may see. The index ({@code index}) is
 * a Lucene index per application node, rebuilt from Git and PostgreSQL at any time and kept current from the
 * drafts', comments' and rounds' events through a change log in PostgreSQL that every node follows
 * ({@code service.SearchIndexer}). Who may see what is asked of the owning modules' services at query time
 * ({@code service.SearchService}); nothing of their rules is repeated here.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Search")
package org.draftroom.search;
