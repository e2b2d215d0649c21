-- Two writers commit an import's batches side by side (PostgreSQL), so batches
-- may commit out of order: the job records each committed batch's row range,
-- and a resumed import skips exactly those rows. `committed_rows` becomes the
-- count of rows done (for progress), no longer the last row committed.
create table members_import_batch (
  job_id integer not null references members_import_job (id) on delete cascade,
  first_row integer not null check (first_row >= 1),
  last_row integer not null check (last_row >= first_row),
  primary key (job_id, first_row)
);

-- A job stopped before this change committed its rows in order: one range.
insert into members_import_batch (job_id, first_row, last_row)
select id, 1, committed_rows from members_import_job where committed_rows > 0;
