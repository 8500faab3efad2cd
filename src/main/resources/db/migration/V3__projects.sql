-- Standard projects: the index of what each project's project.yaml says (the repository is the source of the text),
-- and the record of every stage change (who, when, why).

create table project (
    id                varchar(64)  primary key,
    code              varchar(64)  not null,
    title_zh          varchar(300) not null,
    title_en          varchar(300) not null,
    doc_type          varchar(32)  not null,
    working_group     varchar(16)  not null,
    stage             varchar(32)  not null,
    stage_code        varchar(5)   not null,
    lead_organisation varchar(32),
    created_at        timestamptz  not null,
    updated_at        timestamptz  not null
);
create unique index project_code_uq on project (upper(code));
create index project_wg_idx on project (working_group);

create table project_stage_change (
    id          bigserial primary key,
    project_id  varchar(64)  not null references project (id) on delete cascade,
    from_stage  varchar(32),
    from_code   varchar(5),
    to_stage    varchar(32)  not null,
    to_code     varchar(5)   not null,
    reason      varchar(2000) not null,
    changed_by  varchar(64)  not null,
    changed_at  timestamptz  not null
);
create index project_stage_change_project_idx on project_stage_change (project_id, changed_at);
