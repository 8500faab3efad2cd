-- In-application notifications: what happened that concerns a person (a round opened to them, a reply to their
-- comment, dispositions published, a round closing soon). The text is a message key with arguments, rendered in the
-- reader's language when shown.

create table notification (
    id          bigserial primary key,
    user_id     bigint        not null references app_user (id) on delete cascade,
    kind        varchar(32)   not null,
    message_key varchar(100)  not null,
    args        text[]        not null default '{}',
    link        varchar(300)  not null default '',
    created_at  timestamptz   not null,
    read_at     timestamptz
);
create index notification_user_idx on notification (user_id, created_at desc);
create index notification_unread_idx on notification (user_id) where read_at is null;
