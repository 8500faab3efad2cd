-- Live co-editing: every edit the server acknowledges is written here before the acknowledgement is sent, so that a
-- killed server loses nothing. A live_session is one opening of one clause's co-editing session; its edits replayed in
-- revision order onto base_text give its text. checkpointed_revision says how far the text has reached Git.

create table live_session (
    id                    bigserial primary key,
    project_id            varchar(64) not null references project (id) on delete cascade,
    clause_id             text        not null,
    base_text             text        not null,
    checkpointed_revision bigint      not null default 0,
    checkpoint_commit     text,
    opened_at             timestamptz not null,
    closed_at             timestamptz
);

create index live_session_open on live_session (project_id) where closed_at is null;

create table edit_journal (
    session_id   bigint      not null references live_session (id) on delete cascade,
    revision     bigint      not null,
    user_id      bigint      not null references app_user (id),
    author_name  text        not null,
    author_email text        not null,
    client_id    text        not null,
    master_delta text        not null,
    changed      integer     not null,
    clean        boolean     not null,
    created_at   timestamptz not null,
    primary key (session_id, revision)
);
