-- Comments on drafts, their threads and history (issue #5).
-- A comment keeps its anchor as it was made (clause id, quote with context, offsets, base commit, clause number and
-- title then) and its current placement: where it stands in placement_commit, the latest version the re-anchoring has
-- carried it to. round_id names a consultation round; its foreign key is added by the rounds migration (V6).

create table comment (
    id                      bigserial     primary key,
    project_id              varchar(64)   not null references project (id) on delete cascade,
    round_id                bigint,
    readable_id             varchar(100)  not null,
    author_id               bigint        not null references app_user (id),
    organisation_id         bigint        references organisation (id),
    organisation_code       varchar(32),
    comment_type            varchar(2)    not null check (comment_type in ('GE', 'TE', 'ED')),
    body                    text          not null,
    proposed_change         text          not null default '',
    -- the anchor, as made
    anchor_clause_id        varchar(200)  not null,
    anchor_quote            text          not null,
    anchor_prefix           varchar(64)   not null,
    anchor_suffix           varchar(64)   not null,
    anchor_start            integer       not null,
    anchor_end              integer       not null,
    anchor_commit           varchar(64)   not null,
    anchor_clause_number    varchar(64)   not null,
    anchor_clause_title     text          not null,
    -- the placement in placement_commit
    placement_commit        varchar(64)   not null,
    placement_status        varchar(10)   not null check (placement_status in ('ANCHORED', 'OUTDATED', 'ORPHANED')),
    placement_clause_id     varchar(200)  not null,
    placement_clause_number varchar(64)   not null,
    highlight_start         integer,
    highlight_end           integer,
    candidate_start         integer,
    candidate_end           integer,
    status                  varchar(10)   not null check (status in ('OPEN', 'RESOLVED')),
    applied_commit          varchar(64),
    late                    boolean       not null default false,
    created_at              timestamptz   not null,
    updated_at              timestamptz   not null,
    check ((highlight_start is null) = (highlight_end is null)),
    check ((candidate_start is null) = (candidate_end is null))
);
create unique index comment_readable_id_uq on comment (project_id, readable_id);
create index comment_project_clause_idx on comment (project_id, placement_clause_id);
create index comment_project_placement_commit_idx on comment (project_id, placement_commit);
create index comment_project_status_idx on comment (project_id, status);
create index comment_round_idx on comment (round_id) where round_id is not null;
create index comment_organisation_idx on comment (organisation_id);
create index comment_author_idx on comment (author_id);

-- The last number handed out per project and organisation (or, for a person without organisation, per upper-cased
-- username): "insert ... on conflict do update ... returning" takes the row lock, so concurrent comments never share
-- a number.
create table comment_sequence (
    project_id  varchar(64)  not null references project (id) on delete cascade,
    owner_code  varchar(100) not null,
    last_value  integer      not null,
    primary key (project_id, owner_code)
);

create table comment_reply (
    id         bigserial   primary key,
    comment_id bigint      not null references comment (id) on delete cascade,
    author_id  bigint      not null references app_user (id),
    body       text        not null,
    created_at timestamptz not null
);
create index comment_reply_comment_idx on comment_reply (comment_id, created_at);

create table comment_event (
    id         bigserial   primary key,
    comment_id bigint      not null references comment (id) on delete cascade,
    kind       varchar(16) not null check (kind in ('CREATED', 'EDITED', 'RESOLVED', 'REOPENED', 'APPLIED',
                                                    'REANCHORED', 'REPLIED')),
    actor_id   bigint      references app_user (id), -- null: the system (re-anchoring)
    detail     text        not null default '',
    at         timestamptz not null
);
create index comment_event_comment_idx on comment_event (comment_id, at);
