-- Consultation rounds: a round freezes a tagged version of a project's draft for a window of time and an audience;
-- every change of its window is recorded with a reason; organisations submit their comments once (the secretariat
-- may reopen a submission); every comment of a round gets a disposition.

create table round (
    id                        bigserial primary key,
    project_id                varchar(64)   not null references project (id) on delete cascade,
    number                    int           not null check (number > 0),
    label                     varchar(100)  not null,
    commit_id                 varchar(40)   not null,
    tag_name                  varchar(64)   not null,
    opens_at                  timestamptz   not null,
    closes_at                 timestamptz   not null,
    instructions              varchar(10000) not null default '',
    audience                  varchar(16)   not null check (audience in ('PUBLIC', 'INVITED')),
    -- "Reviewers see only their own organisation's comments until the dispositions are published".
    own_organisation_only     boolean       not null default true,
    closed_early              boolean       not null default false,
    dispositions_published_at timestamptz,
    -- Whether the audience was told the round opened, and reminded of its closing (notifications, once each).
    opening_announced         boolean       not null default false,
    reminder_sent             boolean       not null default false,
    created_by                varchar(64)   not null,
    created_at                timestamptz   not null,
    check (closes_at > opens_at)
);
create unique index round_project_number_uq on round (project_id, number);
create index round_window_idx on round (opens_at, closes_at);

create table round_organisation (
    round_id        bigint not null references round (id) on delete cascade,
    organisation_id bigint not null references organisation (id),
    primary key (round_id, organisation_id)
);
create index round_organisation_org_idx on round_organisation (organisation_id);

-- Every change of a round (scheduled, opened, extended, closed early, submission reopened, late comments allowed,
-- dispositions published) with who, when and why.
create table round_change (
    id         bigserial primary key,
    round_id   bigint        not null references round (id) on delete cascade,
    kind       varchar(32)   not null,
    detail     varchar(500)  not null default '',
    reason     varchar(2000) not null,
    changed_by varchar(64)   not null,
    changed_at timestamptz   not null
);
create index round_change_round_idx on round_change (round_id, changed_at);

-- An organisation's submission of its consolidated comments: final while submitted_at is set; the secretariat may
-- reopen it (submitted_at cleared, the reopening recorded).
create table round_submission (
    round_id        bigint        not null references round (id) on delete cascade,
    organisation_id bigint        not null references organisation (id),
    submitted_by    bigint        references app_user (id),
    submitted_at    timestamptz,
    reopened_by     bigint        references app_user (id),
    reopened_at     timestamptz,
    reopen_reason   varchar(2000),
    primary key (round_id, organisation_id)
);

-- After closing, the secretariat may accept late comments from an organisation until a given time; such comments
-- are marked late.
create table round_late_permission (
    round_id        bigint        not null references round (id) on delete cascade,
    organisation_id bigint        not null references organisation (id),
    until           timestamptz   not null,
    reason          varchar(2000) not null,
    granted_by      varchar(64)   not null,
    granted_at      timestamptz   not null,
    primary key (round_id, organisation_id)
);

-- Comment sheets imported into a round, by content digest, so that the same file is not imported twice.
create table round_sheet_import (
    round_id    bigint       not null references round (id) on delete cascade,
    digest      char(64)     not null,
    file_name   varchar(300) not null,
    imported_by bigint       not null references app_user (id),
    imported_at timestamptz  not null,
    primary key (round_id, digest)
);

-- The disposition of each comment of a round (keyed by the comment's id in the comments module).
create table disposition (
    comment_id        bigint primary key,
    round_id          bigint        not null references round (id) on delete cascade,
    disposition       varchar(20)   check (disposition in ('ACCEPTED', 'PARTLY_ACCEPTED', 'NOT_ACCEPTED', 'NOTED')),
    reason            varchar(10000),
    applied_commit_id varchar(40),
    assignee_id       bigint        references app_user (id),
    duplicate_group   varchar(32),
    decided_by        varchar(64),
    decided_at        timestamptz,
    satisfied         boolean,
    satisfaction_note varchar(2000),
    satisfaction_at   timestamptz,
    check (disposition is null or disposition = 'ACCEPTED' or length(trim(coalesce(reason, ''))) > 0)
);
create index disposition_round_idx on disposition (round_id);
create index disposition_assignee_idx on disposition (assignee_id);
create index disposition_group_idx on disposition (round_id, duplicate_group);

-- comments.round_id and disposition.comment_id point at the comments module's table (V4). The foreign keys are
-- added only when that table exists, so this migration also runs on a schema without comments.
do $$
begin
    if exists (select 1 from information_schema.tables where table_schema = current_schema() and table_name = 'comments') then
        execute 'alter table comments add constraint comments_round_fk foreign key (round_id) references round (id)';
        execute 'alter table disposition add constraint disposition_comment_fk foreign key (comment_id) references comments (id) on delete cascade';
    elsif exists (select 1 from information_schema.tables where table_schema = current_schema() and table_name = 'comment') then
        execute 'alter table comment add constraint comment_round_fk foreign key (round_id) references round (id)';
        execute 'alter table disposition add constraint disposition_comment_fk foreign key (comment_id) references comment (id) on delete cascade';
    end if;
end
$$;
