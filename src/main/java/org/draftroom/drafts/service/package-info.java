/** The services of the drafts module: projects, drafts, versions, tags, redlines. The transaction and security boundary. */
@org.springframework.modulith.NamedInterface("service")
package org.draftroom.drafts.service;
