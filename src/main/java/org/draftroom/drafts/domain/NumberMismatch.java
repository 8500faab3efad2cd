package org.draftroom.drafts.domain;

/**
 * A heading whose typed number is not the number GB/T 1.1 computes for its position: the import says so and never
 * silently renumbers.
 *
 * @param index    position of the clause in the imported document
 * @param id       the clause id
 * @param title    the title without its typed number
 * @param typed    the number as typed in the file ("4.2.11", "A")
 * @param computed the number the draft will show ("4.2.10"), empty for an unnumbered clause
 */
public record NumberMismatch(int index, String id, String title, String typed, String computed) {
}
