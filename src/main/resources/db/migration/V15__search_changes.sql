-- Search (docs/architecture.md, Search): every node keeps its own index and follows this log of projects whose
-- text, comments, rounds or dispositions changed, so that a change made on one node is searchable on all of them.
-- Rows are only appended; old ones are deleted after a day (a node that was down longer rebuilds on start anyway).
create table search_change (
    id         bigserial primary key,
    project_id text        not null,
    changed_at timestamptz not null default now()
);
create index search_change_time on search_change (changed_at);
