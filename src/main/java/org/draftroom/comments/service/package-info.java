/** The services of the comments module: the transaction and security boundary for comments and their threads. */
@org.springframework.modulith.NamedInterface("service")
package org.draftroom.comments.service;
