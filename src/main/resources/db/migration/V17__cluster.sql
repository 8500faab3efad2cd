-- Several nodes on one database (draftroom.cluster.enabled): who is in which live document on which node, and the
-- last run of each job that must run once per cluster.

create table live_presence (
    client_id  text primary key,
    node_id    text        not null,
    project_id varchar(64) not null references project (id) on delete cascade,
    user_id    bigint      not null references app_user (id),
    name       text        not null,
    colour     integer     not null,
    clause_id  text        not null default '',
    last_seen  timestamptz not null
);

create index live_presence_project on live_presence (project_id);

create table cluster_job (
    name     text primary key,
    last_run timestamptz not null,
    node     text        not null,
    runs     bigint      not null
);

create index live_session_clause on live_session (project_id, clause_id) where closed_at is null;
