-- The secretariat hides an abusive comment (its text is kept but shown to nobody) or deletes its text (the text is
-- erased; the comment stays as a stub so ids, threads and dispositions stay whole). Who, when and why are in
-- comment_event (HIDDEN, DELETED) like every other change of a comment.
alter table comment
    add column moderation        varchar(8) check (moderation in ('HIDDEN', 'DELETED')),
    add column moderation_reason text;

alter table comment_event drop constraint comment_event_kind_check;
alter table comment_event add constraint comment_event_kind_check check (kind in ('CREATED', 'EDITED', 'RESOLVED',
    'REOPENED', 'APPLIED', 'REANCHORED', 'REPLIED', 'HIDDEN', 'DELETED'));
