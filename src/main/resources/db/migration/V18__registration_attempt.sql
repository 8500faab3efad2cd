-- Self-registrations per client address, counted in the database so that the limit holds across restarts and
-- across the nodes of a cluster (an attacker gains nothing by spreading registrations over nodes). One row per
-- registration that created an account; rows older than the window are deleted regularly.
create table registration_attempt (
    id            bigserial    primary key,
    address       varchar(300) not null,
    registered_at timestamptz  not null
);
create index registration_attempt_address_idx on registration_attempt (address, registered_at);
create index registration_attempt_at_idx on registration_attempt (registered_at);
