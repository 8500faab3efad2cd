/** The Lucene index of one node: analysis of Chinese and English text, documents, queries, snippets. */
@org.springframework.modulith.NamedInterface("index")
package org.draftroom.search.index;
