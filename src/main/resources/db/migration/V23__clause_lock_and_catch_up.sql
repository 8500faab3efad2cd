-- With several nodes (draftroom.cluster.enabled) a live sync message takes its clause's advisory lock, then reads the
-- edits other nodes journalled after this node's revision (EditJournal.lockAndStepsAfter). This function does both in
-- one round trip. It must stay VOLATILE (the default): under READ COMMITTED each query of a volatile function takes
-- a fresh snapshot, so the read after the lock sees every edit the previous holder of the lock committed. One plain
-- statement that took the lock and read would read with the snapshot taken before it waited, and miss them.
create function live_lock_and_steps(lock_key text, for_session bigint, after_revision bigint)
    returns table (closed boolean, step_revision bigint, step_delta text)
    language plpgsql volatile as
$$
begin
    perform pg_advisory_xact_lock(19019, hashtext(lock_key));
    return query
        select s.closed_at is not null, j.revision, j.master_delta
        from live_session s
        left join edit_journal j on j.session_id = s.id and j.revision > after_revision
        where s.id = for_session
        order by j.revision;
end;
$$;
