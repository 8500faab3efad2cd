/** Storage of comments, replies, history and comment-number sequences (JdbcClient, PostgreSQL). */
package org.draftroom.comments.data;
