-- In-file duplicates are now found in memory (FirstRowById, 24 MB for a million
-- rows): the key table cost a tenth of an import's database time. A resumed
-- import recalls the first rows it already wrote from the memberships
-- themselves, so each keeps the file row it came from. Adding a nullable
-- column without a default does not rewrite the table.
alter table members_membership add column import_row integer;

drop table members_import_key;
