/** The search service (who finds what) and the indexer (keeping the index current). */
@org.springframework.modulith.NamedInterface("service")
package org.draftroom.search.service;
