/** The services of the security module: the transaction and security boundary for people, directory and tokens. */
@org.springframework.modulith.NamedInterface("service")
package org.draftroom.security.service;
