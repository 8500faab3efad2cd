-- People, organisations, working groups, roles and API tokens.

create table organisation (
    id         bigserial primary key,
    code       varchar(32)  not null,
    name_zh    varchar(200) not null,
    name_en    varchar(200) not null,
    created_at timestamptz  not null
);
create unique index organisation_code_uq on organisation (upper(code));

create table working_group (
    id         bigserial primary key,
    code       varchar(16)  not null,
    name_zh    varchar(200) not null,
    name_en    varchar(200) not null,
    created_at timestamptz  not null
);
create unique index working_group_code_uq on working_group (upper(code));

create table app_user (
    id              bigserial primary key,
    username        varchar(64)  not null,
    display_name    varchar(100) not null,
    email           varchar(200),
    password_hash   varchar(200) not null,
    enabled         boolean      not null default true,
    locale          varchar(16),
    organisation_id bigint references organisation (id),
    created_at      timestamptz  not null,
    updated_at      timestamptz  not null
);
create unique index app_user_username_uq on app_user (lower(username));

create table user_role (
    user_id bigint      not null references app_user (id) on delete cascade,
    role    varchar(16) not null check (role in ('ADMIN', 'SECRETARIAT', 'EDITOR', 'REVIEWER')),
    primary key (user_id, role)
);

create table wg_membership (
    user_id          bigint not null references app_user (id) on delete cascade,
    working_group_id bigint not null references working_group (id),
    primary key (user_id, working_group_id)
);

create table api_token (
    id           bigserial primary key,
    user_id      bigint       not null references app_user (id) on delete cascade,
    name         varchar(100) not null,
    token_hash   char(64)     not null unique,
    prefix       varchar(16)  not null,
    created_at   timestamptz  not null,
    last_used_at timestamptz,
    revoked_at   timestamptz
);
create index api_token_user_idx on api_token (user_id);

-- Set for one-time passwords (first administrator, password resets): the user must choose a new one after signing in.
alter table app_user add column password_change_required boolean not null default false;
