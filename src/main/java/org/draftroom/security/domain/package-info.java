/** The people and access model: users, organisations, working groups, tokens, and the rules their fields obey. */
@org.springframework.modulith.NamedInterface("domain")
package org.draftroom.security.domain;
