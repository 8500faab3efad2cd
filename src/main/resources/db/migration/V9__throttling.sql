-- Sign-in throttling and API rate limits, kept in the database so they hold across restarts and across nodes.

-- One row per failed sign-in (and per attempt still being checked) for an account ('u:<username>') and for a client
-- address ('a:<address>'). Counted within draftroom.security.failure-window; older rows are deleted regularly.
create table sign_in_failure (
    id        bigserial    primary key,
    key       varchar(300) not null,
    failed_at timestamptz  not null
);
create index sign_in_failure_key_idx on sign_in_failure (key, failed_at);
create index sign_in_failure_at_idx on sign_in_failure (failed_at);

-- API requests per token ('t:<token hash>') and per client address ('a:<address>') in the current window, which
-- starts with the first request after the previous window ended (draftroom.security.api-window).
create table api_request_count (
    key          varchar(300) primary key,
    window_start timestamptz  not null,
    requests     integer      not null
);
create index api_request_count_window_idx on api_request_count (window_start);
