-- Membership of an organisation is granted, never claimed. A self-registered person gets an organisation of their
-- own (individual = true): their comments in public rounds are theirs alone, and no round invites it. They join a
-- real organisation only through an invitation link that the secretariat, an administrator or the organisation's
-- contact creates.

alter table organisation add column individual boolean not null default false;

-- The organisation's contact: a member, marked by an administrator, who may invite further members.
alter table app_user add column organisation_contact boolean not null default false;

create table organisation_invitation (
    id              bigserial primary key,
    organisation_id bigint      not null references organisation (id) on delete cascade,
    -- SHA-256 of the link's secret (256 random bits); the secret itself is shown once, to its creator.
    token_hash      char(64)    not null unique,
    created_by      bigint      not null references app_user (id) on delete cascade,
    created_at      timestamptz not null,
    expires_at      timestamptz not null,
    used_by         bigint      references app_user (id) on delete cascade,
    used_at         timestamptz
);
create index organisation_invitation_org_idx on organisation_invitation (organisation_id);
