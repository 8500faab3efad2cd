/**
 * Converters from one draft version to files: {@link org.draftroom.export.draft.DraftExports} is the whole API.
 *
 * <p>Everything here is pure Java: no Spring beans, no I/O beyond the bytes handed in and returned, stateless and safe
 * to call from any thread. The texts they print (cover labels, the call to disclose patents) are part of the document,
 * in the document's language, not user-interface messages.
 */
@NamedInterface("draft")
package org.draftroom.export.draft;

import org.springframework.modulith.NamedInterface;
