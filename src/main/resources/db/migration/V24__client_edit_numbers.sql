-- Which of a browser's edits the server took: the client's epoch and edit number (docs/sync-protocol.md) of every
-- journalled client edit. A browser that never got the answer to a message (a cut connection, a node that died after
-- its commit, a reload) asks how many of its edits of that epoch are in, and carries only the rest onto the text it
-- gets, so nothing is lost and nothing is typed twice. Rows written before this have no numbers.

alter table edit_journal add column client_epoch bigint, add column client_n bigint;

create index edit_journal_client on edit_journal (client_id, client_epoch) where client_epoch is not null;
