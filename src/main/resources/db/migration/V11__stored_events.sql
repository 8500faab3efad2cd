-- Stored events: Spring Modulith's event publication registry (its PostgreSQL schema, 1.4). Every event published
-- in a transaction gets one row per listener in that transaction; the row is deleted when the listener completes
-- (spring.modulith.events.completion-mode=delete), so what remains are the publications still to complete, which a
-- start republishes.
create table event_publication (
    id               uuid                     not null primary key,
    listener_id      text                     not null,
    event_type       text                     not null,
    serialized_event text                     not null,
    publication_date timestamp with time zone not null,
    completion_date  timestamp with time zone
);
create index event_publication_serialized_event_hash_idx on event_publication using hash (serialized_event);
create index event_publication_by_completion_date_idx on event_publication (completion_date);

-- A notification says which event made it, so an event delivered again (after a crash) notifies nobody twice.
alter table notification add column event_key varchar(200);
create unique index notification_event_idx on notification (user_id, event_key) where event_key is not null;

-- Notification e-mails waiting to be sent: written in the transaction that writes the notification, so a mail is
-- queued exactly when its notification exists, and survives a crash. A row is claimed (attempts, next_attempt_at)
-- before it is sent and marked sent after; a crash in between sends it again with the same Message-ID.
create table mail_outbox (
    id              bigserial    primary key,
    user_id         bigint       not null references app_user (id) on delete cascade,
    message_key     varchar(100) not null,
    args            text[]       not null default '{}',
    link            varchar(300) not null default '',
    created_at      timestamptz  not null,
    attempts        integer      not null default 0,
    next_attempt_at timestamptz  not null,
    sent_at         timestamptz,
    failed_at       timestamptz,
    last_error      varchar(500)
);
create index mail_outbox_due_idx on mail_outbox (next_attempt_at) where sent_at is null and failed_at is null;
