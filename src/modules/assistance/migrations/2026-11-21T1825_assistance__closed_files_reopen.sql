-- 已脱困 is no longer a final state of the filing workflow: a family that falls
-- into hardship again after 稳定脱困 applies again on its own file (一户一档),
-- through the `reapply` step. Runs that ended there are running again, waiting
-- for that step (the engine offers no step on a finished run).
update workflow_instance set finished_at = null
where workflow_id = 'assistance.filing' and state = 'exited' and finished_at is not null;
