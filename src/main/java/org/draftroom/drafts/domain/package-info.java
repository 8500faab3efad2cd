/**
 * The clause model of a draft standard: parsing and serialising {@code draft.md} byte for byte, GB/T 1.1 numbering,
 * cross-references, structure checks, outline operations, import validation, safe HTML rendering and clause-aware
 * redlines.
 *
 * <p>Everything here is pure Java: immutable values and stateless functions, safe to share between threads, with no
 * Spring beans, no I/O beyond the bytes handed in, and no user-interface text except the document vocabulary that
 * GB/T 1.1 prescribes (附录, 注, 表 ...). Problems are reported as message keys with arguments, which the user interface
 * translates.
 */
@NamedInterface("domain")
package org.draftroom.drafts.domain;

import org.springframework.modulith.NamedInterface;
