/** Comments, replies, their history and the filters to list them: immutable values, no Spring, no I/O. */
@org.springframework.modulith.NamedInterface("domain")
package org.draftroom.comments.domain;
