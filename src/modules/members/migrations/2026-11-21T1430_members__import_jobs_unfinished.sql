-- A lifecycle step that changes a membership an unfinished import created
-- must count it into the statistics itself (the job adds only what it still
-- holds when it ends). It needs to know whether the job has ended, whoever ran
-- the import (the job row may lie outside the caller's subtree), and that job
-- must not end until the step commits: this answers exactly that — job ids,
-- nothing else — and share-locks the unfinished ones.
create function members_import_jobs_unfinished(job_ids integer[])
returns setof integer
language sql volatile security definer set search_path = public as $$
  select id from members_import_job where id = any(job_ids) and status <> 'completed' order by id for share
$$;
revoke all on function members_import_jobs_unfinished(integer[]) from public;
grant execute on function members_import_jobs_unfinished(integer[]) to gonghui_app;
