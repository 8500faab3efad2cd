/** Rendering comment text for the web: Markdown to sanitised HTML. */
@org.springframework.modulith.NamedInterface("web")
package org.draftroom.comments.web;
